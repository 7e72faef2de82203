import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// Two frame transformers in sequence: the second is fitted on the first's output.
///
/// Written with ``frameSteps(_:)`` (`frameSteps { imputer; StandardScaler() }`), which wraps
/// matrix transformers in ``MatrixColumns`` and nests longer chains to the left.
///
/// scikit-learn: a `Pipeline` of transformers used as a `ColumnTransformer` branch.
public struct FrameChain<First: FrameTransformerEstimator, Last: FrameTransformerEstimator>:
  Estimator, FrameTransformerEstimator
{
  /// The step applied first.
  public var first: First
  /// The step applied to the first's output.
  public var last: Last

  /// Chains two frame transformers.
  ///
  /// - Parameters:
  ///   - first: The step applied first.
  ///   - last: The step applied to its output.
  public init(_ first: First, _ last: Last) {
    self.first = first
    self.last = last
  }

  /// Validates both steps.
  ///
  /// - Throws: a step's `LearnError.invalidParameter`.
  public func validateHyperparameters() throws {
    try first.validateHyperparameters()
    try last.validateHyperparameters()
  }

  /// Missing values are accepted when the first step accepts them.
  public static var capabilities: Capabilities {
    Capabilities(
      allowsMissingValues: First.capabilities.allowsMissingValues,
      isDeterministic: First.capabilities.isDeterministic && Last.capabilities.isDeterministic)
  }

  /// `FrameChain(a, b)`.
  public var description: String { "FrameChain(\(first), \(last))" }

  /// Fits both steps in sequence.
  ///
  /// - Parameter frame: The training columns.
  /// - Returns: The fitted chain.
  /// - Throws: whatever a step throws.
  public func fit(_ frame: DataFrame) throws -> FittedFrameChain<First.Fitted, Last.Fitted> {
    try fitTransform(frame).fitted
  }

  /// Fits both steps with their own `fitTransform`, transforming each frame once.
  ///
  /// - Parameter frame: The training columns.
  /// - Returns: The fitted chain and the output.
  /// - Throws: whatever a step throws.
  public func fitTransform(_ frame: DataFrame) throws -> (
    fitted: FittedFrameChain<First.Fitted, Last.Fitted>, output: DataFrame
  ) {
    let (a, middle) = try first.fitTransform(frame)
    let (b, output) = try last.fitTransform(middle)
    return (FittedFrameChain(first: a, last: b), output)
  }
}

extension FrameChain: Equatable where First: Equatable, Last: Equatable {}
extension FrameChain: Hashable where First: Hashable, Last: Hashable {}
extension FrameChain: Codable where First: Codable, Last: Codable {}

extension FrameChain: DefaultInitializable
where First: DefaultInitializable, Last: DefaultInitializable {
  /// Both steps with their defaults.
  public init() { self.init(First(), Last()) }
}

/// A fitted ``FrameChain``.
public struct FittedFrameChain<First: FrameTransformer, Last: FrameTransformer>: FrameTransformer {
  /// The fitted first step.
  public let first: First
  /// The fitted second step.
  public let last: Last

  /// Joins two fitted steps.
  ///
  /// - Parameters:
  ///   - first: The fitted first step.
  ///   - last: The fitted second step.
  public init(first: First, last: Last) {
    self.first = first
    self.last = last
  }

  /// The first step's input columns.
  public var inputColumnNames: [String] { first.inputColumnNames }
  /// The second step's output columns.
  public var outputColumnNames: [String] { last.outputColumnNames }

  /// Applies both steps.
  ///
  /// - Parameter frame: A frame holding the first step's input columns.
  /// - Returns: The second step's output.
  /// - Throws: whatever a step throws.
  public func transform(_ frame: DataFrame) throws -> DataFrame {
    try last.transform(try first.transform(frame))
  }
}

extension FittedFrameChain: Equatable where First: Equatable, Last: Equatable {}
extension FittedFrameChain: Hashable where First: Hashable, Last: Hashable {}

/// The result builder of a chain of frame steps; matrix transformers are wrapped in
/// ``MatrixColumns``.
///
///     frameSteps {
///       MeanImputer()          // a FrameTransformerEstimator
///       StandardScaler()       // a TransformerEstimator, wrapped
///     }
@resultBuilder
public enum FrameStepsBuilder {
  /// Keeps a frame transformer.
  ///
  /// - Parameter step: The frame transformer.
  /// - Returns: The same step.
  public static func buildExpression<E: FrameTransformerEstimator>(_ step: E) -> E { step }

  /// Wraps a matrix transformer.
  ///
  /// - Parameter step: The matrix transformer.
  /// - Returns: The transformer applied to the frame's columns.
  public static func buildExpression<E: TransformerEstimator>(_ step: E) -> MatrixColumns<E> {
    MatrixColumns(step)
  }

  /// Keeps a step that works on both frames and matrices (an imputer or an encoder) as a frame
  /// transformer, so it binds its columns by name.
  ///
  /// - Parameter step: The step.
  /// - Returns: The same step.
  public static func buildExpression<E: FrameTransformerEstimator & TransformerEstimator>(
    _ step: E
  ) -> E { step }

  /// The first step.
  ///
  /// - Parameter first: The first step.
  /// - Returns: The same step.
  public static func buildPartialBlock<E: FrameTransformerEstimator>(first: E) -> E { first }

  /// Chains the next step.
  ///
  /// - Parameters:
  ///   - accumulated: The steps so far.
  ///   - next: The next step.
  /// - Returns: The chain.
  public static func buildPartialBlock<A: FrameTransformerEstimator, N: FrameTransformerEstimator>(
    accumulated: A, next: N
  ) -> FrameChain<A, N> {
    FrameChain(accumulated, next)
  }
}

/// Builds a frame step (or a chain of them) from lines: `frameSteps { a; b }`.
///
/// - Parameter steps: The steps, one per line.
/// - Returns: The chain (or the single step).
public func frameSteps<S: FrameTransformerEstimator>(@FrameStepsBuilder _ steps: () -> S) -> S {
  steps()
}

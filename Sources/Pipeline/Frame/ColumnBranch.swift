import DataFrame
import SwiftLearnCore

/// The branches of a `ColumnTransformer`, as a typed list: one ``ColumnBranch`` or a
/// ``BranchPair`` of lists.
///
/// Typed (not `[Any]`), so every hyperparameter of every branch is reachable by a writable key
/// path: `\.branches.first.transformer.estimator.withMean`.
public protocol ColumnBranches: Sendable, CustomStringConvertible {
  /// The fitted branches' type.
  associatedtype Fitted: FittedColumnBranches
  /// The key paths (relative to `self`; `nil` for `self`) and names of the branches, in
  /// order.
  var branchSteps: [(keyPath: AnyKeyPath?, name: String)] { get }
  /// Validates every branch's selector and transformer.
  func validateHyperparameters(estimator: String) throws
  /// The columns each branch selects in `frame`, in branch order.
  func resolveColumns(in frame: DataFrame, estimator: String) throws -> [[String]]
  /// Fits each branch on its columns (`columns` as from ``resolveColumns(in:estimator:)``),
  /// returning the fitted branches and each branch's output.
  func fitBranches(_ frame: DataFrame, columns: ArraySlice<[String]>) throws -> (
    fitted: Fitted, outputs: [DataFrame]
  )
}

/// The fitted branches of a `ColumnTransformer`.
public protocol FittedColumnBranches: Sendable, Codable {
  /// The branch names, in order.
  var branchNames: [String] { get }
  /// The columns each branch reads, in branch order.
  var branchInputColumns: [[String]] { get }
  /// The output column names of each branch (before prefixing), in branch order.
  var branchOutputColumns: [[String]] { get }
  /// Each branch's output on `frame`, in branch order.
  func transformBranches(_ frame: DataFrame) throws -> [DataFrame]
}

/// One branch of a `ColumnTransformer`: a name, the columns it takes and the transformer
/// applied to them.
///
/// scikit-learn: one `(name, transformer, columns)` triple of `ColumnTransformer`.
///
///     ColumnBranch("numeric", .numeric) {
///       MeanImputer()
///       StandardScaler()
///     }
public struct ColumnBranch<Transformer: FrameTransformerEstimator>: ColumnBranches {
  /// The branch name, the prefix of its output names.
  public var name: String
  /// The columns the branch takes.
  public var columns: ColumnSelector
  /// The transformer applied to the columns.
  public var transformer: Transformer

  /// Creates a branch from a frame transformer.
  ///
  /// - Parameters:
  ///   - name: The branch name.
  ///   - columns: The columns it takes.
  ///   - transformer: The frame transformer.
  public init(_ name: String, _ columns: ColumnSelector, _ transformer: Transformer) {
    self.name = name
    self.columns = columns
    self.transformer = transformer
  }

  /// Creates a branch from frame steps, one per line; matrix transformers are wrapped in
  /// ``MatrixColumns``.
  ///
  /// - Parameters:
  ///   - name: The branch name.
  ///   - columns: The columns it takes.
  ///   - steps: The steps.
  public init(
    _ name: String, _ columns: ColumnSelector, @FrameStepsBuilder _ steps: () -> Transformer
  ) {
    self.init(name, columns, steps())
  }

  /// Creates a branch from a matrix transformer, fed the columns' `toMatrix()`.
  ///
  /// - Parameters:
  ///   - name: The branch name.
  ///   - columns: The columns it takes.
  ///   - transformer: The matrix transformer.
  public init<Wrapped: TransformerEstimator>(
    _ name: String, _ columns: ColumnSelector, _ transformer: Wrapped
  ) where Transformer == MatrixColumns<Wrapped> {
    self.init(name, columns, MatrixColumns(transformer))
  }

  /// `name: transformer on columns`.
  public var description: String { "\(name): \(transformer)" }

  /// This branch: `[(nil, name)]`.
  public var branchSteps: [(keyPath: AnyKeyPath?, name: String)] { [(nil, name)] }

  /// Validates the selectors and transformers.
  ///
  /// - Parameter estimator: The owning estimator's name, for errors.
  /// - Throws: `LearnError.invalidParameter`.
  public func validateHyperparameters(estimator: String) throws {
    try columns.validate(estimator: estimator)
    try transformer.validateHyperparameters()
  }

  /// The selected columns of `frame`, per branch.
  ///
  /// - Parameters:
  ///   - frame: The training frame.
  ///   - estimator: The owning estimator's name, for errors.
  /// - Returns: One list of names per branch.
  /// - Throws: `DataFrameError.unknownColumn`, `LearnError.invalidParameter`.
  public func resolveColumns(in frame: DataFrame, estimator: String) throws -> [[String]] {
    [try columns.resolve(in: frame, estimator: estimator)]
  }

  /// Fits each branch on its columns.
  ///
  /// - Parameters:
  ///   - frame: The training frame.
  ///   - columns: The selected columns, one list per branch.
  /// - Returns: The fitted branches and their outputs.
  /// - Throws: whatever a branch transformer throws.
  public func fitBranches(_ frame: DataFrame, columns: ArraySlice<[String]>) throws -> (
    fitted: FittedColumnBranch<Transformer.Fitted>, outputs: [DataFrame]
  ) {
    let selected = columns.first ?? []
    // scikit-learn skips a branch whose selection is empty.
    guard !selected.isEmpty else {
      return (FittedColumnBranch(name: name, transformer: nil), [DataFrame()])
    }
    let (fitted, output) = try transformer.fitTransform(frame.selecting(selected))
    return (FittedColumnBranch(name: name, transformer: fitted), [output])
  }
}

extension ColumnBranch: Equatable where Transformer: Equatable {}
extension ColumnBranch: Hashable where Transformer: Hashable {}

/// A fitted ``ColumnBranch``; the transformer is `nil` when the selection was empty.
public struct FittedColumnBranch<Transformer: FrameTransformer>: FittedColumnBranches {
  /// The branch name.
  public let name: String
  /// The fitted transformer, `nil` when no column was selected.
  public let transformer: Transformer?

  /// Joins a name and a fitted transformer.
  ///
  /// - Parameters:
  ///   - name: The branch name.
  ///   - transformer: The fitted transformer, `nil` for an empty selection.
  public init(name: String, transformer: Transformer?) {
    self.name = name
    self.transformer = transformer
  }

  /// The branch names.
  public var branchNames: [String] { [name] }
  /// The columns each branch reads.
  public var branchInputColumns: [[String]] { [transformer?.inputColumnNames ?? []] }
  /// The output names of each branch.
  public var branchOutputColumns: [[String]] { [transformer?.outputColumnNames ?? []] }

  /// Each branch's output on `frame`.
  ///
  /// - Parameter frame: A frame holding the columns the branches read.
  /// - Returns: One frame per branch.
  /// - Throws: whatever a branch transformer throws.
  public func transformBranches(_ frame: DataFrame) throws -> [DataFrame] {
    guard let transformer else { return [DataFrame()] }
    return [try transformer.transform(frame)]
  }
}

extension FittedColumnBranch: Equatable where Transformer: Equatable {}
extension FittedColumnBranch: Hashable where Transformer: Hashable {}

/// Two lists of branches, one after the other (built by ``ColumnTransformerBuilder``).
public struct BranchPair<First: ColumnBranches, Last: ColumnBranches>: ColumnBranches {
  /// The earlier branches.
  public var first: First
  /// The later branches.
  public var last: Last

  /// Joins two lists of branches.
  ///
  /// - Parameters:
  ///   - first: The earlier branches.
  ///   - last: The later branches.
  public init(_ first: First, _ last: Last) {
    self.first = first
    self.last = last
  }

  /// Both lists, comma-separated.
  public var description: String { "\(first), \(last)" }

  /// Both lists' branches, their key paths prefixed with `\.first` or `\.last`.
  public var branchSteps: [(keyPath: AnyKeyPath?, name: String)] {
    func prefixed<P>(
      _ path: WritableKeyPath<Self, P>, _ steps: [(keyPath: AnyKeyPath?, name: String)]
    ) -> [(keyPath: AnyKeyPath?, name: String)] {
      steps.map { step in
        guard let inner = step.keyPath else { return (path, step.name) }
        return ((path as AnyKeyPath).appending(path: inner), step.name)
      }
    }
    return prefixed(\Self.first, first.branchSteps) + prefixed(\Self.last, last.branchSteps)
  }

  /// Validates the selectors and transformers.
  ///
  /// - Parameter estimator: The owning estimator's name, for errors.
  /// - Throws: `LearnError.invalidParameter`.
  public func validateHyperparameters(estimator: String) throws {
    try first.validateHyperparameters(estimator: estimator)
    try last.validateHyperparameters(estimator: estimator)
  }

  /// The selected columns of `frame`, per branch.
  ///
  /// - Parameters:
  ///   - frame: The training frame.
  ///   - estimator: The owning estimator's name, for errors.
  /// - Returns: One list of names per branch.
  /// - Throws: `DataFrameError.unknownColumn`, `LearnError.invalidParameter`.
  public func resolveColumns(in frame: DataFrame, estimator: String) throws -> [[String]] {
    try first.resolveColumns(in: frame, estimator: estimator)
      + last.resolveColumns(in: frame, estimator: estimator)
  }

  /// Fits each branch on its columns.
  ///
  /// - Parameters:
  ///   - frame: The training frame.
  ///   - columns: The selected columns, one list per branch.
  /// - Returns: The fitted branches and their outputs.
  /// - Throws: whatever a branch transformer throws.
  public func fitBranches(_ frame: DataFrame, columns: ArraySlice<[String]>) throws -> (
    fitted: FittedBranchPair<First.Fitted, Last.Fitted>, outputs: [DataFrame]
  ) {
    let split = columns.startIndex + first.branchSteps.count
    let (a, left) = try first.fitBranches(frame, columns: columns[columns.startIndex..<split])
    let (b, right) = try last.fitBranches(frame, columns: columns[split...])
    return (FittedBranchPair(first: a, last: b), left + right)
  }
}

extension BranchPair: Equatable where First: Equatable, Last: Equatable {}
extension BranchPair: Hashable where First: Hashable, Last: Hashable {}

/// A fitted ``BranchPair``.
public struct FittedBranchPair<First: FittedColumnBranches, Last: FittedColumnBranches>:
  FittedColumnBranches
{
  /// The earlier fitted branches.
  public let first: First
  /// The later fitted branches.
  public let last: Last

  /// Joins two fitted lists.
  ///
  /// - Parameters:
  ///   - first: The earlier fitted branches.
  ///   - last: The later fitted branches.
  public init(first: First, last: Last) {
    self.first = first
    self.last = last
  }

  /// The branch names.
  public var branchNames: [String] { first.branchNames + last.branchNames }
  /// The columns each branch reads.
  public var branchInputColumns: [[String]] {
    first.branchInputColumns + last.branchInputColumns
  }
  /// The output names of each branch.
  public var branchOutputColumns: [[String]] {
    first.branchOutputColumns + last.branchOutputColumns
  }

  /// Each branch's output on `frame`.
  ///
  /// - Parameter frame: A frame holding the columns the branches read.
  /// - Returns: One frame per branch.
  /// - Throws: whatever a branch transformer throws.
  public func transformBranches(_ frame: DataFrame) throws -> [DataFrame] {
    try first.transformBranches(frame) + last.transformBranches(frame)
  }
}

extension FittedBranchPair: Equatable where First: Equatable, Last: Equatable {}
extension FittedBranchPair: Hashable where First: Hashable, Last: Hashable {}

/// The result builder behind `ColumnTransformer { ... }`: one ``ColumnBranch`` per line.
@resultBuilder
public enum ColumnTransformerBuilder {
  /// The first branch.
  ///
  /// - Parameter first: The first branch.
  /// - Returns: The same branch.
  public static func buildPartialBlock<B: ColumnBranches>(first: B) -> B { first }

  /// Adds the next branch.
  ///
  /// - Parameters:
  ///   - accumulated: The branches so far.
  ///   - next: The next branch.
  /// - Returns: Both, in order.
  public static func buildPartialBlock<A: ColumnBranches, N: ColumnBranches>(
    accumulated: A, next: N
  ) -> BranchPair<A, N> {
    BranchPair(accumulated, next)
  }
}

import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// A model that learns from a `DataFrame`: a frame transformer (usually a
/// ``ColumnTransformer``) followed by an estimator on its numeric output.
///
/// `fit(frame, y)` fits ``first`` on the frame, converts its output to a `Matrix` and fits
/// ``last`` on it; the fitted ``FittedFramePipeline`` predicts from a frame the same way, so
/// everything learned (imputation values, scaling, categories) comes from the training rows
/// only. The fitted pipeline is `Codable`: `save(to:)` writes the whole model to one file.
///
/// scikit-learn: `Pipeline([("columns", ColumnTransformer(...)), ("model", estimator)])` fitted
/// on a pandas `DataFrame`.
///
///     let model = try FramePipeline {
///       ColumnTransformer { ... }
///       StandardScaler()
///       Ridge()
///     }.fit(train, yTrain)
///     let predictions = try model.predict(test)
public struct FramePipeline<First: FrameTransformerEstimator, Last: Estimator>: Estimator {
  /// The frame transformer applied first.
  public var first: First
  /// The estimator fitted on its output.
  public var last: Last
  /// The display name of ``first``; `nil` means the lowercased type name.
  public var firstName: String?
  /// The display name of ``last``; `nil` means the lowercased type name (or the inner steps'
  /// names when ``last`` is a pipeline).
  public var lastName: String?

  /// Joins a frame transformer and an estimator.
  ///
  /// - Parameters:
  ///   - first: The frame transformer.
  ///   - last: The estimator.
  public init(_ first: First, _ last: Last) {
    self.first = first
    self.last = last
  }

  /// Builds the pipeline from lines: a frame transformer, then matrix transformers, an
  /// optional sampler, and the final estimator.
  ///
  /// - Parameter steps: The steps.
  public init(@FramePipelineBuilder _ steps: () -> FramePipeline<First, Last>) {
    self = steps()
  }

  /// Validates both steps.
  ///
  /// - Throws: a step's `LearnError.invalidParameter`.
  public func validateHyperparameters() throws {
    try first.validateHyperparameters()
    try last.validateHyperparameters()
  }

  /// The final estimator's capabilities; missing values are the first step's business.
  public static var capabilities: Capabilities {
    var caps = Last.capabilities
    caps.allowsMissingValues = First.capabilities.allowsMissingValues
    caps.isDeterministic = caps.isDeterministic && First.capabilities.isDeterministic
    return caps
  }

  /// `FramePipeline(first, last)`.
  public var description: String { "FramePipeline(\(first), \(last))" }
}

extension FramePipeline: Equatable where First: Equatable, Last: Equatable {}
extension FramePipeline: Hashable where First: Hashable, Last: Hashable {}

extension FramePipeline where Last: SupervisedEstimator {
  /// Fits the frame transformer, then the estimator on its output as a matrix.
  ///
  /// - Parameters:
  ///   - frame: The training frame.
  ///   - y: The target, one entry per row.
  /// - Returns: The fitted pipeline.
  /// - Throws: whatever a step throws; `DataFrameError.wrongType` or `.nullValues` naming an
  ///   output column of the first step that is not numeric or has nulls.
  public func fit(_ frame: DataFrame, _ y: Last.Target) throws -> FittedFramePipeline<
    First.Fitted, Last.Fitted
  > {
    try validateHyperparameters()
    let (head, output) = try first.fitTransform(frame)
    return FittedFramePipeline(first: head, last: try last.fit(output.toMatrix(), y))
  }
}

extension FramePipeline where Last: SampleWeightedEstimator {
  /// Fits with per-sample weights passed to the estimator.
  ///
  /// - Parameters:
  ///   - frame: The training frame.
  ///   - y: The target.
  ///   - sampleWeight: Per-row weights, `nil` for ones.
  /// - Returns: The fitted pipeline.
  /// - Throws: as ``fit(_:_:)``, and the estimator's weight errors.
  public func fit(_ frame: DataFrame, _ y: Last.Target, sampleWeight: [Double]?) throws
    -> FittedFramePipeline<First.Fitted, Last.Fitted>
  {
    try validateHyperparameters()
    let (head, output) = try first.fitTransform(frame)
    return FittedFramePipeline(
      first: head, last: try last.fit(output.toMatrix(), y, sampleWeight: sampleWeight))
  }
}

extension FramePipeline: FlatteningSteps {
  var flatSteps: [(keyPath: AnyKeyPath, name: String, isDefault: Bool)] {
    sideSteps(\Self.first, first, name: firstName) + sideSteps(\Self.last, last, name: lastName)
  }
}

extension FramePipeline: StepContainer {
  /// The frame transformer and the estimator's steps, with default names where none given.
  public var namedSteps: [(keyPath: AnyKeyPath, name: String)] { deduplicated(flatSteps) }
}

/// A fitted ``FramePipeline``: predicts from a `DataFrame`.
public struct FittedFramePipeline<First: FrameTransformer, Last: FittedModel>: FittedModel {
  /// The fitted frame transformer.
  public let first: First
  /// The fitted estimator.
  public let last: Last

  /// Joins the fitted steps; the estimator must take the transformer's output width.
  ///
  /// - Parameters:
  ///   - first: The fitted frame transformer.
  ///   - last: The fitted estimator.
  public init(first: First, last: Last) {
    self.first = first
    self.last = last
  }

  /// The number of input columns.
  public var featureCount: Int { first.featureCount }

  /// The input columns seen during fit.
  public var inputColumnNames: [String] { first.inputColumnNames }

  /// The names of the estimator's input features (the frame transformer's output names).
  public var featureNamesOut: [String] { first.outputColumnNames }

  /// The estimator's input matrix for `frame`.
  ///
  /// - Parameter frame: A frame holding the columns the model reads.
  /// - Returns: The transformed frame as a matrix.
  /// - Throws: the frame transformer's errors.
  public func transformToMatrix(_ frame: DataFrame) throws -> Matrix {
    try first.transform(frame).toMatrix()
  }

  enum CodingKeys: String, CodingKey { case first, last }

  /// Decodes both steps and checks the widths.
  ///
  /// - Throws: `DecodingError` when the estimator does not take the transformer's output.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let first = try c.decode(First.self, forKey: .first)
    let last = try c.decode(Last.self, forKey: .last)
    try requireDecoded(
      first.outputColumnNames.count == last.featureCount,
      "the frame transformer outputs \(first.outputColumnNames.count) columns but the estimator expects \(last.featureCount)",
      codingPath: c.codingPath)
    self.init(first: first, last: last)
  }

  /// Encodes both steps.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(first, forKey: .first)
    try c.encode(last, forKey: .last)
  }
}

extension FittedFramePipeline: Equatable where First: Equatable, Last: Equatable {}
extension FittedFramePipeline: Hashable where First: Hashable, Last: Hashable {}

extension FittedFramePipeline where Last: Predictor {
  /// Predicts from a frame.
  ///
  /// - Parameter frame: A frame holding the columns the model reads (any order, extra
  ///   columns ignored).
  /// - Returns: The estimator's predictions.
  /// - Throws: `DataFrameError.unknownColumn` naming a missing column, and the steps' errors.
  public func predict(_ frame: DataFrame) throws -> Last.Prediction {
    try last.predict(try transformToMatrix(frame))
  }
}

extension FittedFramePipeline where Last: FittedClassifier {
  /// The estimator's classes.
  public var classes: [Last.Label] { last.classes }
}

extension FittedFramePipeline where Last: ProbabilisticClassifier {
  /// Class probabilities for the rows of a frame.
  ///
  /// - Parameter frame: A frame holding the columns the model reads.
  /// - Returns: One row per sample, one column per class.
  /// - Throws: as ``predict(_:)``.
  public func predictProbabilities(_ frame: DataFrame) throws -> Matrix {
    try last.predictProbabilities(try transformToMatrix(frame))
  }
}

extension FittedFramePipeline where Last: CoefficientsProviding {
  /// The final model's coefficients with the name of the column each one multiplies
  /// (the output names of the frame transformer), one list per coefficient row — scikit-learn's
  /// `zip(pipe[:-1].get_feature_names_out(), pipe[-1].coef_[k])`.
  ///
  /// - Returns: For each coefficient row (one for a binary classifier or a regressor, one per
  ///   class otherwise), `(feature, coefficient)` pairs in column order.
  public func coefficientsByFeature() -> [[(feature: String, coefficient: Double)]] {
    let names = featureNamesOut
    return last.coefficientRows.map { row in
      zip(names, row).map { (feature: $0.0, coefficient: $0.1) }
    }
  }
}

extension FittedFramePipeline where Last: FeatureImportancesProviding {
  /// The final model's feature importances with the name of each output column of the frame
  /// transformer, sorted from most to least important (ties keep column order).
  ///
  /// - Returns: `(feature, importance)` pairs.
  public func featureImportancesByName() -> [(feature: String, importance: Double)] {
    let pairs = zip(featureNamesOut, last.featureImportances).map {
      (feature: $0.0, importance: $0.1)
    }
    return pairs.enumerated().sorted {
      $0.element.importance > $1.element.importance
        || ($0.element.importance == $1.element.importance && $0.offset < $1.offset)
    }.map(\.element)
  }
}

/// The result builder behind `FramePipeline { ... }`: a frame transformer, then matrix
/// transformers, an optional sampler, and the final estimator.
@resultBuilder
public enum FramePipelineBuilder {
  /// Lifts an estimator into an unnamed step.
  ///
  /// - Parameter step: The estimator.
  /// - Returns: The unnamed step.
  public static func buildExpression<E: Estimator>(_ step: E) -> Named<E> { Named(unnamed: step) }

  /// Keeps a named step.
  ///
  /// - Parameter step: The named step.
  /// - Returns: The same step.
  public static func buildExpression<E: Estimator>(_ step: Named<E>) -> Named<E> { step }

  /// The first step, a frame transformer.
  ///
  /// - Parameter first: The first step.
  /// - Returns: The same step.
  public static func buildPartialBlock<E: FrameTransformerEstimator>(first: Named<E>) -> Named<E> {
    first
  }

  /// Joins the frame transformer to the next step.
  ///
  /// - Parameters:
  ///   - accumulated: The frame transformer.
  ///   - next: The next step.
  /// - Returns: A frame pipeline.
  public static func buildPartialBlock<A: FrameTransformerEstimator, N: Estimator>(
    accumulated: Named<A>, next: Named<N>
  ) -> FramePipeline<A, N> {
    var pipeline = FramePipeline(accumulated.step, next.step)
    pipeline.firstName = accumulated.name
    pipeline.lastName = next.name
    return pipeline
  }

  /// Appends a step after a matrix transformer.
  ///
  /// - Parameters:
  ///   - accumulated: The steps so far, ending in a matrix transformer.
  ///   - next: The next step.
  /// - Returns: The longer pipeline.
  public static func buildPartialBlock<
    A: FrameTransformerEstimator, B: TransformerEstimator, N: Estimator
  >(accumulated: FramePipeline<A, B>, next: Named<N>) -> FramePipeline<A, Pipeline<B, N>> {
    var inner = Pipeline(accumulated.last, next.step)
    inner.firstName = accumulated.lastName
    inner.lastName = next.name
    var pipeline = FramePipeline(accumulated.first, inner)
    pipeline.firstName = accumulated.firstName
    return pipeline
  }

  /// Joins a sampler that directly follows the frame transformer to the final classifier.
  ///
  /// - Parameters:
  ///   - accumulated: The frame transformer and the sampler.
  ///   - next: The final classifier.
  /// - Returns: A frame pipeline whose estimator is fitted on resampled rows.
  public static func buildPartialBlock<A: FrameTransformerEstimator, S: Sampler, N: Classifier>(
    accumulated: FramePipeline<A, S>, next: Named<N>
  ) -> FramePipeline<A, Resampled<S, N>> {
    var step = Resampled(accumulated.last, next.step)
    step.samplerName = accumulated.lastName
    step.estimatorName = next.name
    var pipeline = FramePipeline(accumulated.first, step)
    pipeline.firstName = accumulated.firstName
    return pipeline
  }
}

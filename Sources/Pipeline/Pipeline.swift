import LinearAlgebra
import SwiftLearnCore

/// A transformer followed by a final estimator, fitted and applied as one model.
///
/// Fitting learns `first` on the training data, transforms it, and fits `last` on the result;
/// the returned ``FittedPipeline`` applies the same transformation before every prediction, so
/// statistics learned on training rows are never recomputed on the rows being predicted.
/// The pipeline conforms to whatever its last step is: a `Regressor`, a `Classifier`, a
/// `TransformerEstimator`. Longer pipelines are written with the result builder, which nests
/// two-step pipelines to the left (`Pipeline<Pipeline<A, B>, C>`), or by hand:
/// `Pipeline(a, Pipeline(b, c))`.
///
/// scikit-learn: `sklearn.pipeline.Pipeline` / `make_pipeline`. Steps are reached by key
/// path, `\Pipeline<StandardScaler, LinearRegression>.last.fitIntercept`, instead of
/// `"linearregression__fit_intercept"`; `step(_:)` names a step for display
/// (`"scaler.withMean"`).
///
///     let pipeline = Pipeline(StandardScaler(), LinearRegression())
///     let model = try pipeline.fit(xTrain, yTrain)
///     let predictions = try model.predict(xTest)
///     try model.save(to: url)          // one file holds both fitted steps
///
///     let longer = Pipeline {
///       Named("scaler", StandardScaler())
///       PolynomialFeatures()
///       Ridge()
///     }
public struct Pipeline<First: TransformerEstimator, Last: Estimator>: Estimator {
  /// The transformer applied first.
  public var first: First
  /// The final estimator.
  public var last: Last
  /// The display name of ``first``; `nil` means the lowercased type name
  /// (scikit-learn's `make_pipeline` naming), or the inner steps' names when ``first`` is a
  /// nested pipeline.
  public var firstName: String?
  /// The display name of ``last``; `nil` means the lowercased type name.
  public var lastName: String?

  /// Creates a pipeline of two steps.
  ///
  /// - Parameters:
  ///   - first: The transformer applied first.
  ///   - last: The final estimator.
  public init(_ first: First, _ last: Last) {
    self.first = first
    self.last = last
  }

  /// Builds a pipeline of any length from its steps, written one per line.
  ///
  /// - Parameter steps: The steps, transformers first and the final estimator last; wrap a
  ///   step in ``Named`` to name it; a `Sampler` just before the final
  ///   classifier becomes a ``Resampled`` step.
  public init(@PipelineBuilder _ steps: () -> Pipeline<First, Last>) {
    self = steps()
  }

  /// Validates every step's hyperparameters and that explicit step names are unique.
  ///
  /// - Throws: `LearnError.invalidParameter` from a step, or naming `steps` when two steps
  ///   share a name.
  public func validateHyperparameters() throws {
    try first.validateHyperparameters()
    try last.validateHyperparameters()
    let names = stepNames
    if let repeated = firstRepeatedName(names) {
      throw LearnError.invalidParameter(
        estimator: "Pipeline", name: "steps", value: "\(names)",
        expected: "unique step names; '\(repeated)' is used twice")
    }
  }

  /// The capabilities both steps share.
  public static var capabilities: Capabilities {
    let a = First.capabilities
    let b = Last.capabilities
    return Capabilities(
      allowsMissingValues: a.allowsMissingValues,
      requiresNonNegativeInput: a.requiresNonNegativeInput,
      isDeterministic: a.isDeterministic && b.isDeterministic,
      supportsMulticlass: b.supportsMulticlass,
      supportsSampleWeight: b.supportsSampleWeight)
  }

  /// `Pipeline(step1, step2)` with each step's own description (and names when set).
  public var description: String {
    let a = firstName.map { "\($0): \(first)" } ?? "\(first)"
    let b = lastName.map { "\($0): \(last)" } ?? "\(last)"
    return "Pipeline(\(a), \(b))"
  }
}

extension Pipeline: Equatable where First: Equatable, Last: Equatable {}
extension Pipeline: Hashable where First: Hashable, Last: Hashable {}
extension Pipeline: Codable where First: Codable, Last: Codable {}

extension Pipeline: SupervisedEstimator where Last: SupervisedEstimator {
  /// Fits `first` on `x`, then `last` on the transformed `x` and `y`.
  ///
  /// - Throws: whatever either step throws, unchanged.
  public func fit(_ x: Matrix, _ y: Last.Target) throws -> FittedPipeline<
    First.Fitted, Last.Fitted
  > {
    try validateHyperparameters()
    let (head, transformed) = try first.fitTransform(x)
    return FittedPipeline(first: head, last: try last.fit(transformed, y), names: stepNames)
  }
}

extension Pipeline: SampleWeightedEstimator where Last: SampleWeightedEstimator {
  /// Fits with per-sample weights passed to the last step (scikit-learn's
  /// `fit(X, y, <last>__sample_weight=w)`); the transformer is fitted unweighted.
  public func fit(_ x: Matrix, _ y: Last.Target, sampleWeight: [Double]?) throws
    -> FittedPipeline<First.Fitted, Last.Fitted>
  {
    try validateHyperparameters()
    let (head, transformed) = try first.fitTransform(x)
    return FittedPipeline(
      first: head, last: try last.fit(transformed, y, sampleWeight: sampleWeight),
      names: stepNames)
  }
}

extension Pipeline: Regressor where Last: Regressor {}

extension Pipeline: Classifier where Last: Classifier {
  /// The last step's label type.
  public typealias Label = Last.Label
}

extension Pipeline: TransformerEstimator where Last: TransformerEstimator {
  /// Fits both transformers in sequence.
  public func fit(_ x: Matrix) throws -> FittedPipeline<First.Fitted, Last.Fitted> {
    try fitTransform(x).fitted
  }

  /// Fits both transformers and returns the final output without transforming twice.
  public func fitTransform(_ x: Matrix) throws -> (
    fitted: FittedPipeline<First.Fitted, Last.Fitted>, output: Matrix
  ) {
    try validateHyperparameters()
    let (head, middle) = try first.fitTransform(x)
    let (tail, output) = try last.fitTransform(middle)
    return (FittedPipeline(first: head, last: tail, names: stepNames), output)
  }
}

extension Pipeline: DefaultInitializable
where First: DefaultInitializable, Last: DefaultInitializable {
  /// Both steps with their defaults.
  public init() { self.init(First(), Last()) }
}

/// A fitted ``Pipeline/Pipeline``: the fitted transformer and the fitted final step.
///
/// It conforms to what its last step conforms to (`Predictor`, `FittedRegressor`,
/// `ProbabilisticClassifier`, `Transformer`...), and it is `Codable`, so `save(to:)`
/// writes the whole pipeline to one file.
public struct FittedPipeline<First: Transformer, Last: FittedModel>: FittedModel {
  /// The fitted first step.
  public let first: First
  /// The fitted last step.
  public let last: Last
  /// The names of the steps, flattened through nested pipelines, in order (empty for a
  /// pipeline joined by hand without names).
  public let stepNames: [String]

  /// Joins two fitted steps; the last must accept the first's output width.
  ///
  /// - Parameters:
  ///   - first: The fitted first step.
  ///   - last: The fitted last step.
  ///   - names: The step names, flattened through nested pipelines; default none.
  public init(first: First, last: Last, names: [String] = []) {
    self.first = first
    self.last = last
    self.stepNames = names
  }

  /// The number of features the pipeline expects (the first step's).
  public var featureCount: Int { first.featureCount }

  enum CodingKeys: String, CodingKey { case first, last, stepNames }

  /// Decodes both steps and checks that the first step's output width is the last step's
  /// input width.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let first = try c.decode(First.self, forKey: .first)
    let last = try c.decode(Last.self, forKey: .last)
    let names = try c.decodeIfPresent([String].self, forKey: .stepNames) ?? []
    try requireDecoded(
      first.outputFeatureCount == last.featureCount,
      "the first step outputs \(first.outputFeatureCount) features but the last step expects \(last.featureCount)",
      codingPath: c.codingPath)
    self.init(first: first, last: last, names: names)
  }

  /// Encodes both fitted steps and the step names.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(first, forKey: .first)
    try c.encode(last, forKey: .last)
    if !stepNames.isEmpty { try c.encode(stepNames, forKey: .stepNames) }
  }
}

extension FittedPipeline: Equatable where First: Equatable, Last: Equatable {}
extension FittedPipeline: Hashable where First: Hashable, Last: Hashable {}

extension FittedPipeline: Predictor where Last: Predictor {
  /// Transforms `x` with the first step and predicts with the last.
  public func predict(_ x: Matrix) throws -> Last.Prediction {
    try last.predict(try first.transform(x))
  }
}

extension FittedPipeline: FittedRegressor where Last: FittedRegressor {}

extension FittedPipeline: FittedClassifier where Last: FittedClassifier {
  /// The last step's classes.
  public var classes: [Last.Label] { last.classes }
}

extension FittedPipeline: ProbabilisticClassifier where Last: ProbabilisticClassifier {
  /// Class probabilities of the transformed `x`.
  public func predictProbabilities(_ x: Matrix) throws -> Matrix {
    try last.predictProbabilities(try first.transform(x))
  }
}

extension FittedPipeline: DecisionFunctionProviding where Last: DecisionFunctionProviding {
  /// The last step's decision function on the transformed `x`.
  public func decisionFunction(_ x: Matrix) throws -> Matrix {
    try last.decisionFunction(try first.transform(x))
  }
}

extension FittedPipeline: Transformer where Last: Transformer {
  /// The last step's output width.
  public var outputFeatureCount: Int { last.outputFeatureCount }

  /// Applies both steps.
  public func transform(_ x: Matrix) throws -> Matrix {
    try last.transform(try first.transform(x))
  }

  /// The last step's names of the first step's names.
  public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
    try last.featureNamesOut(try first.featureNamesOut(inputFeatures))
  }
}

extension FittedPipeline: InvertibleTransformer
where First: InvertibleTransformer, Last: InvertibleTransformer {
  /// Undoes the last step, then the first.
  public func inverseTransform(_ x: Matrix) throws -> Matrix {
    try first.inverseTransform(try last.inverseTransform(x))
  }
}

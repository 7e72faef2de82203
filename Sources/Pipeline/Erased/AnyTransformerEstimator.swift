import LinearAlgebra
import SwiftLearnCore

/// Any matrix transformer, its type erased, for pipelines assembled at run time.
///
/// With ``AnyRegressor`` or ``AnyClassifier`` as the last step it builds a pipeline from a list
/// known only at run time (a configuration file, a search over preprocessing choices):
/// `Pipeline(AnyTransformerEstimator.chain(steps), AnyRegressor(model))`. Erasure happens at
/// the step boundary only; each transformer runs its own typed code (and its own fused
/// `fitTransform`).
///
///     let steps: [AnyTransformerEstimator] = config.scale
///       ? [AnyTransformerEstimator(StandardScaler())] : []
///     let pipeline = Pipeline(AnyTransformerEstimator.chain(steps), AnyRegressor(Ridge()))
public struct AnyTransformerEstimator: TransformerEstimator {
  /// The wrapped estimator (`nil` for the identity of an empty chain).
  public let base: (any Estimator)?
  private let fitBody: @Sendable (Matrix) throws -> (fitted: AnyFittedTransformer, output: Matrix)
  private let text: String

  /// Wraps `transformer` and registers its fitted type for loading erased model files.
  ///
  /// - Parameter transformer: The transformer to wrap.
  public init<T: TransformerEstimator>(_ transformer: T) {
    FittedModelRegistry.register(T.Fitted.self)
    base = transformer
    text = transformer.description
    fitBody = { x in
      let (fitted, output) = try transformer.fitTransform(x)
      return (AnyFittedTransformer(fitted), output)
    }
  }

  private init(
    base: (any Estimator)?, text: String,
    fitBody: @escaping @Sendable (Matrix) throws -> (fitted: AnyFittedTransformer, output: Matrix)
  ) {
    self.base = base
    self.text = text
    self.fitBody = fitBody
  }

  /// The transformers applied one after the other; an empty list is the identity.
  ///
  /// - Parameter steps: The transformers, in order.
  /// - Returns: One erased transformer applying them all.
  public static func chain(_ steps: [AnyTransformerEstimator]) -> AnyTransformerEstimator {
    FittedModelRegistry.register(FittedTransformerChain.self)
    return AnyTransformerEstimator(
      base: nil, text: "[\(steps.map(\.description).joined(separator: ", "))]"
    ) { x in
      try Validate.features(x, allowNaN: true)
      var fitted: [AnyFittedTransformer] = []
      var current = x
      for step in steps {
        let (f, output) = try step.fitTransform(current)
        fitted.append(f)
        current = output
      }
      return (
        AnyFittedTransformer(FittedTransformerChain(steps: fitted, featureCount: x.columnCount)),
        current
      )
    }
  }

  /// Validates the wrapped estimator.
  ///
  /// - Throws: its `LearnError.invalidParameter`.
  public func validateHyperparameters() throws { try base?.validateHyperparameters() }

  /// Fits the wrapped transformer.
  ///
  /// - Parameter x: The training features.
  /// - Returns: The fitted transformer, erased.
  /// - Throws: whatever the wrapped transformer throws.
  public func fit(_ x: Matrix) throws -> AnyFittedTransformer { try fitBody(x).fitted }

  /// Fits with the wrapped transformer's own `fitTransform`.
  ///
  /// - Parameter x: The training features.
  /// - Returns: The fitted transformer, erased, and the transformed `x`.
  /// - Throws: whatever the wrapped transformer throws.
  public func fitTransform(_ x: Matrix) throws -> (fitted: AnyFittedTransformer, output: Matrix) {
    try fitBody(x)
  }

  /// The wrapped estimator's description.
  public var description: String { text }
}

/// Any fitted transformer, its type erased; saves and loads through ``FittedModelRegistry``.
public struct AnyFittedTransformer: Transformer {
  /// The wrapped fitted transformer.
  public let base: any Transformer

  /// Wraps a fitted transformer.
  ///
  /// - Parameter base: The fitted transformer.
  public init(_ base: any Transformer) { self.base = base }

  /// The wrapped transformer's input width.
  public var featureCount: Int { base.featureCount }
  /// The wrapped transformer's output width.
  public var outputFeatureCount: Int { base.outputFeatureCount }

  /// The wrapped transformer's output.
  ///
  /// - Parameter x: The features.
  /// - Returns: The transformed features.
  /// - Throws: whatever the wrapped transformer throws.
  public func transform(_ x: Matrix) throws -> Matrix { try base.transform(x) }

  /// The wrapped transformer's output names.
  ///
  /// - Parameter inputFeatures: The input names; `nil` means `x0, x1, ...`.
  /// - Returns: The output names.
  /// - Throws: `LearnError.lengthMismatch` for the wrong number of names.
  public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
    try base.featureNamesOut(inputFeatures)
  }

  /// Decodes the wrapped transformer by its saved type name.
  ///
  /// - Throws: `DecodingError` when the type is not registered or is not a transformer.
  public init(from decoder: any Decoder) throws {
    let model = try decodeErased(from: decoder)
    guard let transformer = model as? any Transformer else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "\(String(reflecting: type(of: model))) is not a fitted transformer"))
    }
    base = transformer
  }

  /// Encodes the wrapped transformer with its type name.
  public func encode(to encoder: any Encoder) throws { try encodeErased(base, to: encoder) }
}

/// The fitted form of ``AnyTransformerEstimator/chain(_:)``: erased fitted steps in order.
public struct FittedTransformerChain: Transformer {
  /// The fitted steps, in order.
  public let steps: [AnyFittedTransformer]
  /// The input width.
  public let featureCount: Int

  /// Joins fitted steps.
  ///
  /// - Parameters:
  ///   - steps: The fitted steps, each taking the previous one's output.
  ///   - featureCount: The input width.
  public init(steps: [AnyFittedTransformer], featureCount: Int) {
    self.steps = steps
    self.featureCount = featureCount
  }

  /// The last step's output width (the input width for an empty chain).
  public var outputFeatureCount: Int { steps.last?.outputFeatureCount ?? featureCount }

  /// Applies every step.
  ///
  /// - Parameter x: The features.
  /// - Returns: The last step's output.
  /// - Throws: `LearnError.featureCountMismatch` and the steps' errors.
  public func transform(_ x: Matrix) throws -> Matrix {
    try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
    var current = x
    for step in steps { current = try step.transform(current) }
    return current
  }

  /// The names through every step.
  ///
  /// - Parameter inputFeatures: The input names; `nil` means `x0, x1, ...`.
  /// - Returns: The output names.
  /// - Throws: `LearnError.lengthMismatch` for the wrong number of names.
  public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
    var names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
    for step in steps { names = try step.featureNamesOut(names) }
    return names
  }

  enum CodingKeys: String, CodingKey { case steps, featureCount }

  /// Decodes and checks that the steps' widths chain.
  ///
  /// - Throws: `DecodingError` when a step does not take the previous one's output.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let steps = try c.decode([AnyFittedTransformer].self, forKey: .steps)
    let width = try c.decode(Int.self, forKey: .featureCount)
    var current = width
    for step in steps {
      try requireDecoded(
        step.featureCount == current,
        "a step expects \(step.featureCount) features, gets \(current)",
        codingPath: c.codingPath)
      current = step.outputFeatureCount
    }
    self.init(steps: steps, featureCount: width)
  }

  /// Encodes the steps and the input width.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(steps, forKey: .steps)
    try c.encode(featureCount, forKey: .featureCount)
  }
}

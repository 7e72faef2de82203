import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The fitted-model types a type-erased model file can hold, by their fully qualified name.
///
/// Wrapping an estimator in ``EnsembleMemberRegressor`` or ``EnsembleMemberClassifier`` registers its fitted type,
/// so a voting or stacking model saved by a program loads in any program that has built the
/// same kind of ensemble. A program that only loads models calls ``register(_:)`` for each
/// member type first (for example `ErasedModelTypes.register(Ridge.Fitted.self)`).
public enum ErasedModelTypes {
  final class Table: @unchecked Sendable {
    let lock = NSLock()
    var types: [String: any FittedModel.Type] = [:]
  }
  static let table = Table()

  /// The stable name under which `type` is saved.
  ///
  /// - Parameter type: A fitted-model type.
  /// - Returns: Its fully qualified name.
  public static func name(of type: any FittedModel.Type) -> String { String(reflecting: type) }

  /// Makes `type` loadable inside type-erased model files.
  ///
  /// - Parameter type: A fitted-model type.
  public static func register(_ type: any FittedModel.Type) {
    table.lock.lock()
    table.types[name(of: type)] = type
    table.lock.unlock()
  }

  static func lookup(_ name: String) -> (any FittedModel.Type)? {
    table.lock.lock()
    defer { table.lock.unlock() }
    return table.types[name]
  }
}

private enum ErasedKeys: String, CodingKey { case type, model }

func encodeErased(_ model: any FittedModel, to encoder: any Encoder) throws {
  var c = encoder.container(keyedBy: ErasedKeys.self)
  try c.encode(ErasedModelTypes.name(of: type(of: model)), forKey: .type)
  try model.encode(to: c.superEncoder(forKey: .model))
}

func decodeErased(from decoder: any Decoder) throws -> any FittedModel {
  let c = try decoder.container(keyedBy: ErasedKeys.self)
  let name = try c.decode(String.self, forKey: .type)
  guard let type = ErasedModelTypes.lookup(name) else {
    throw LearnError.corruptModelFile(
      reason: "model type \(name) is not registered; call ErasedModelTypes.register first")
  }
  return try type.init(from: c.superDecoder(forKey: .model))
}

/// A fitted regressor of any type (the fitted side of ``EnsembleMemberRegressor``); saves and loads with
/// its type name.
public struct EnsembleFittedRegressor: FittedRegressor {
  /// The wrapped fitted model.
  public let base: any FittedRegressor

  /// Wraps a fitted regressor and registers its type for loading.
  ///
  /// - Parameter base: The fitted model.
  public init(_ base: any FittedRegressor) {
    self.base = base
    ErasedModelTypes.register(type(of: base))
  }

  /// Columns of `X` at fit.
  public var featureCount: Int { base.featureCount }

  /// The wrapped model's predictions.
  ///
  /// - Parameter x: Rows to predict.
  /// - Returns: One prediction per row.
  /// - Throws: The wrapped model's errors.
  public func predict(_ x: Matrix) throws -> [Double] { try base.predict(x) }

  /// Decodes a model whose type was registered.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `LearnError.corruptModelFile` for an unregistered or non-regressor type.
  public init(from decoder: any Decoder) throws {
    guard let model = try decodeErased(from: decoder) as? any FittedRegressor else {
      throw LearnError.corruptModelFile(reason: "the stored model is not a regressor")
    }
    base = model
  }

  /// Encodes the type name and the model.
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws { try encodeErased(base, to: encoder) }
}

/// Any regressor behind one type, so ensembles can hold different kinds of models
/// (scikit-learn's lists of `(name, estimator)` pairs).
///
/// ```swift
/// let members = [EnsembleMemberRegressor(Ridge()), EnsembleMemberRegressor(DecisionTreeRegressor(maxDepth: 5))]
/// ```
public struct EnsembleMemberRegressor: Regressor, DefaultInitializable {
  let fitBody: @Sendable (Matrix, [Double]) throws -> EnsembleFittedRegressor
  let validateBody: @Sendable () throws -> Void
  /// The wrapped estimator's description.
  public let name: String

  /// Wraps `estimator`.
  ///
  /// - Parameter estimator: Any regressor.
  public init<E: Regressor>(_ estimator: E) {
    fitBody = { x, y in EnsembleFittedRegressor(try estimator.fit(x, y)) }
    validateBody = { try estimator.validateHyperparameters() }
    name = estimator.description
    ErasedModelTypes.register(E.Fitted.self)
  }

  /// Wraps a default `Ridge`.
  public init() { self.init(Ridge()) }

  /// What the box accepts depends on the wrapped estimator, so the box claims the widest.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false)
  }

  /// `EnsembleMemberRegressor(<wrapped description>)`.
  public var description: String { "EnsembleMemberRegressor(\(name))" }

  /// Checks the wrapped estimator's hyperparameters.
  ///
  /// - Throws: The wrapped estimator's `LearnError.invalidParameter`.
  public func validateHyperparameters() throws { try validateBody() }

  /// Fits the wrapped estimator.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Targets.
  /// - Returns: The fitted model, type-erased.
  /// - Throws: The wrapped estimator's errors.
  public func fit(_ x: Matrix, _ y: [Double]) throws -> EnsembleFittedRegressor {
    try fitBody(x, y)
  }
}

/// A fitted classifier of any type (the fitted side of ``EnsembleMemberClassifier``); saves and loads
/// with its type name. Probabilities are available when the wrapped model provides them.
public struct EnsembleFittedClassifier<Label: ClassLabel>: ProbabilisticClassifier {
  /// The wrapped fitted model.
  public let base: any FittedClassifier<Label>

  /// Wraps a fitted classifier and registers its type for loading.
  ///
  /// - Parameter base: The fitted model.
  public init(_ base: any FittedClassifier<Label>) {
    self.base = base
    ErasedModelTypes.register(type(of: base))
  }

  /// Columns of `X` at fit.
  public var featureCount: Int { base.featureCount }

  /// The wrapped model's classes.
  public var classes: [Label] { base.classes }

  /// Whether the wrapped model gives class probabilities.
  public var hasProbabilities: Bool { base is any ProbabilisticClassifier }

  /// The wrapped model's predictions.
  ///
  /// - Parameter x: Rows to classify.
  /// - Returns: One label per row.
  /// - Throws: The wrapped model's errors.
  public func predict(_ x: Matrix) throws -> [Label] { try base.predict(x) }

  /// The wrapped model's probabilities, columns in ``classes`` order.
  ///
  /// - Parameter x: Rows to score.
  /// - Returns: An `n × classes.count` matrix.
  /// - Throws: `LearnError.unsupportedInput` when the wrapped model has no probabilities.
  public func predictProbabilities(_ x: Matrix) throws -> Matrix {
    guard let probabilistic = base as? any ProbabilisticClassifier else {
      throw LearnError.unsupportedInput(
        input: "estimator", reason: "\(type(of: base)) does not predict probabilities")
    }
    return try probabilistic.predictProbabilities(x)
  }

  /// Decodes a model whose type was registered.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `LearnError.corruptModelFile` for an unregistered or mismatched type.
  public init(from decoder: any Decoder) throws {
    guard let model = try decodeErased(from: decoder) as? any FittedClassifier<Label> else {
      throw LearnError.corruptModelFile(reason: "the stored model is not a classifier")
    }
    base = model
  }

  /// Encodes the type name and the model.
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws { try encodeErased(base, to: encoder) }
}

/// Any classifier with labels `Label` behind one type, so ensembles can hold different
/// kinds of models.
///
/// ```swift
/// let members: [EnsembleMemberClassifier<Int>] = [
///   EnsembleMemberClassifier(DecisionTreeClassifier(maxDepth: 5)), EnsembleMemberClassifier(RandomForestClassifier())]
/// ```
public struct EnsembleMemberClassifier<Label: ClassLabel>: Classifier, DefaultInitializable {
  let fitBody: @Sendable (Matrix, [Label]) throws -> EnsembleFittedClassifier<Label>
  let validateBody: @Sendable () throws -> Void
  /// The wrapped estimator's description.
  public let name: String

  /// Wraps `estimator`.
  ///
  /// - Parameter estimator: Any classifier with these labels.
  public init<E: Classifier>(_ estimator: E) where E.Label == Label {
    fitBody = { x, y in EnsembleFittedClassifier(try estimator.fit(x, y)) }
    validateBody = { try estimator.validateHyperparameters() }
    name = estimator.description
    ErasedModelTypes.register(E.Fitted.self)
  }

  /// Wraps a default `GradientBoostingClassifier`.
  public init() { self.init(GradientBoostingClassifier<Label>()) }

  /// What the box accepts depends on the wrapped estimator, so the box claims the widest.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false)
  }

  /// `EnsembleMemberClassifier(<wrapped description>)`.
  public var description: String { "EnsembleMemberClassifier(\(name))" }

  /// Checks the wrapped estimator's hyperparameters.
  ///
  /// - Throws: The wrapped estimator's `LearnError.invalidParameter`.
  public func validateHyperparameters() throws { try validateBody() }

  /// Fits the wrapped estimator.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Labels.
  /// - Returns: The fitted model, type-erased.
  /// - Throws: The wrapped estimator's errors.
  public func fit(_ x: Matrix, _ y: [Label]) throws -> EnsembleFittedClassifier<Label> {
    try fitBody(x, y)
  }
}

import SwiftLearnCore
import Synchronization

/// The fitted model types a type-erased model file may hold, by their saved type name.
///
/// Erased fitted models (``AnyFittedRegressor``, ``AnyFittedClassifier``) save the concrete
/// model with its type name (`modelTypeName(_:)`, e.g. `"Estimators.Ridge.Fitted"`). Loading
/// needs the type back, and Swift cannot create a type from a name, so decoding looks the name
/// up here. Wrapping an estimator in ``AnyRegressor`` or ``AnyClassifier`` registers its fitted
/// type, so a process that builds its candidates and then loads a saved winner needs no extra
/// step; a process that only loads calls ``register(_:)`` for each type it may meet. Loading a
/// file whose type is not registered throws `LearnError.corruptModelFile` naming the type;
/// no code is run on load.
public enum FittedModelRegistry {
  private static let table = Mutex<[String: RegisteredType]>([:])

  /// Registers a fitted model type for decoding erased model files.
  ///
  ///     FittedModelRegistry.register(Ridge.Fitted.self)
  ///
  /// - Parameter type: The fitted model type.
  public static func register<M: FittedModel>(_ type: M.Type) {
    let entry = RegisteredType(type: type) { try M(from: $0) }
    table.withLock { $0[modelTypeName(type)] = entry }
  }

  /// The registered type saved under `name`, if any.
  ///
  /// - Parameter name: A saved type name.
  /// - Returns: The type, or `nil` when it is not registered.
  public static func type(named name: String) -> (any FittedModel.Type)? {
    table.withLock { $0[name]?.type }
  }

  /// The decoder of the registered type saved under `name`, if any.
  static func decoder(named name: String) -> (@Sendable (any Decoder) throws -> any FittedModel)? {
    table.withLock { $0[name]?.decode }
  }

  /// The names of every registered type, sorted.
  public static var registeredNames: [String] { table.withLock { $0.keys.sorted() } }
}

/// A metatype in the registry (metatypes are immutable; the wrapper only states it).
private struct RegisteredType: @unchecked Sendable {
  let type: any FittedModel.Type
  let decode: @Sendable (any Decoder) throws -> any FittedModel
}

/// The coding keys of an erased fitted model: its type name and the model.
enum ErasedCodingKeys: String, CodingKey {
  case type
  case model
}

/// Encodes `model` with its type name.
func encodeErased(_ model: any FittedModel, to encoder: any Encoder) throws {
  var c = encoder.container(keyedBy: ErasedCodingKeys.self)
  try c.encode(String(reflecting: type(of: model)), forKey: .type)
  try model.encode(to: c.superEncoder(forKey: .model))
}

/// Decodes a model saved by `encodeErased`, looking its type up in the registry.
func decodeErased(from decoder: any Decoder) throws -> any FittedModel {
  let c = try decoder.container(keyedBy: ErasedCodingKeys.self)
  let name = try c.decode(String.self, forKey: .type)
  guard let decode = FittedModelRegistry.decoder(named: name) else {
    throw DecodingError.dataCorruptedError(
      forKey: .type, in: c,
      debugDescription:
        "the fitted model type '\(name)' is not registered; call FittedModelRegistry.register(_:) with it before loading"
    )
  }
  return try decode(try c.superDecoder(forKey: .model))
}

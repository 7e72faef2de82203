import Foundation

/// The version of SwiftLearn written into every saved model file.
public let swiftLearnVersion = "0.1.0"

/// The envelope around a saved fitted model: what wrote it, which type it holds, and the model.
///
/// Files are JSON, so they can be inspected and diffed; loading executes no code (unlike
/// pickle), checks the envelope first and then re-checks the model's own invariants while
/// decoding.
///
///     {"formatVersion": 1, "library": "SwiftLearn", "libraryVersion": "0.1.0",
///      "estimator": "Preprocessing.StandardScaler.Fitted", "model": {...}}
public struct ModelFile<Model: FittedModel>: Codable, Sendable {
  /// The file format version this library writes.
  public static var currentFormatVersion: Int { 1 }

  /// The file format version the file was written with.
  public var formatVersion: Int
  /// Always `"SwiftLearn"`.
  public var library: String
  /// The SwiftLearn version that wrote the file.
  public var libraryVersion: String
  /// The fully qualified type of the model, for example `Preprocessing.StandardScaler.Fitted`.
  public var estimator: String
  /// The fitted model.
  public var model: Model

  /// Wraps `model` in an envelope of the current format.
  public init(model: Model) {
    formatVersion = Self.currentFormatVersion
    library = "SwiftLearn"
    libraryVersion = swiftLearnVersion
    estimator = modelTypeName(Model.self)
    self.model = model
  }
}

/// The envelope without the model, decoded first to check version and type.
private struct ModelFileHeader: Decodable {
  var formatVersion: Int
  var library: String
  var estimator: String
}

/// The stable name of a fitted model type used in saved files (module-qualified).
public func modelTypeName<T>(_ type: T.Type) -> String {
  String(reflecting: type)
}

extension FittedModel {
  /// The model in its versioned JSON envelope.
  ///
  /// - Throws: `EncodingError` only if a value cannot be represented (never for finite models).
  public func encodedModelFile() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(ModelFile(model: self))
  }

  /// Saves the model to a JSON file at `url` (atomically: a crash leaves no half-written file).
  ///
  /// scikit-learn: `joblib.dump(model, path)`, without pickle's code execution on load.
  /// - Throws: ``LearnError/corruptModelFile(reason:)`` wrapping the I/O error if the file
  ///   cannot be written.
  public func save(to url: URL) throws {
    let data = try encodedModelFile()
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw LearnError.corruptModelFile(
        reason: "cannot write \(url.path): \(error.localizedDescription)")
    }
  }

  /// Decodes a model from the bytes of a model file.
  ///
  /// - Throws: ``LearnError/corruptModelFile(reason:)`` for malformed JSON or a model whose
  ///   invariants do not hold; ``LearnError/modelTypeMismatch(expected:found:)`` when the file
  ///   holds another type; ``LearnError/unsupportedFormatVersion(found:supported:)``.
  public static func decodeModelFile(_ data: Data) throws -> Self {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let header: ModelFileHeader
    do {
      header = try decoder.decode(ModelFileHeader.self, from: data)
    } catch {
      throw LearnError.corruptModelFile(reason: "not a SwiftLearn model file (\(describe(error)))")
    }
    guard header.library == "SwiftLearn" else {
      throw LearnError.corruptModelFile(reason: "written by '\(header.library)', not SwiftLearn")
    }
    let supported = ModelFile<Self>.currentFormatVersion
    guard header.formatVersion >= 1, header.formatVersion <= supported else {
      throw LearnError.unsupportedFormatVersion(found: header.formatVersion, supported: supported)
    }
    let expected = modelTypeName(Self.self)
    guard header.estimator == expected else {
      throw LearnError.modelTypeMismatch(expected: expected, found: header.estimator)
    }
    do {
      return try decoder.decode(ModelFile<Self>.self, from: data).model
    } catch let error as LearnError {
      throw LearnError.corruptModelFile(reason: error.description)
    } catch {
      throw LearnError.corruptModelFile(reason: describe(error))
    }
  }

  /// Loads a model saved with ``save(to:)``.
  ///
  ///     let model = try LinearRegression.Fitted.load(from: url)
  ///
  /// - Throws: ``LearnError/corruptModelFile(reason:)`` if the file cannot be read or decoded;
  ///   ``LearnError/modelTypeMismatch(expected:found:)``;
  ///   ``LearnError/unsupportedFormatVersion(found:supported:)``.
  public static func load(from url: URL) throws -> Self {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw LearnError.corruptModelFile(
        reason: "cannot read \(url.path): \(error.localizedDescription)")
    }
    return try decodeModelFile(data)
  }
}

private func describe(_ error: any Error) -> String {
  switch error {
  case let DecodingError.dataCorrupted(context):
    return context.debugDescription + path(context.codingPath)
  case let DecodingError.keyNotFound(key, context):
    return "missing key '\(key.stringValue)'" + path(context.codingPath)
  case let DecodingError.typeMismatch(_, context):
    return "wrong type: " + context.debugDescription + path(context.codingPath)
  case let DecodingError.valueNotFound(_, context):
    return "missing value: " + context.debugDescription + path(context.codingPath)
  default:
    return "\(error)"
  }
}

private func path(_ codingPath: [any CodingKey]) -> String {
  codingPath.isEmpty ? "" : " at " + codingPath.map(\.stringValue).joined(separator: ".")
}

/// Throws `DecodingError.dataCorrupted` with `message` unless `condition` holds; used by
/// fitted models' `init(from:)` to re-check invariants after decoding.
public func requireDecoded(
  _ condition: Bool, _ message: @autoclosure () -> String, codingPath: [any CodingKey]
) throws {
  guard condition else {
    throw DecodingError.dataCorrupted(
      DecodingError.Context(codingPath: codingPath, debugDescription: message()))
  }
}

import Foundation
import LinearAlgebra
import Testing

/// Reads the parity fixtures that `Tests/Fixtures/generate.py` wrote with scikit-learn/numpy.
///
/// Fixtures are committed JSON files under `Tests/Fixtures/`; tests never run Python.
/// A fixture file is a JSON object; matrices are stored as `{"shape": [r, c], "data": [...]}`
/// (row-major) and vectors as plain arrays. `NaN`, `Infinity` and `-Infinity` are written as
/// the strings `"nan"`, `"inf"` and `"-inf"`.
public struct Fixture: @unchecked Sendable {
  /// The decoded JSON object.
  public let object: [String: Any]
  /// The file's name, for messages.
  public let name: String

  /// The folder holding the committed fixtures.
  public static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures")
  }

  /// Loads `Tests/Fixtures/<name>.json`.
  public init(_ name: String) throws {
    let url = Fixture.directory.appendingPathComponent(name + ".json")
    let data = try Data(contentsOf: url)
    // JSONDecoder parses doubles exactly; Foundation's JSONSerialization on Linux can be a few
    // ulps off for 17-digit values, which would make "bit-identical" fixtures inexact.
    guard case .object(let tree) = try JSONDecoder().decode(JSONValue.self, from: data) else {
      throw FixtureError.malformed(name, "top level is not an object")
    }
    self.object = tree.mapValues(\.any)
    self.name = name
  }

  init(object: [String: Any], name: String) {
    self.object = object
    self.name = name
  }

  /// A nested object as a fixture of its own.
  public func child(_ key: String) throws -> Fixture {
    guard let value = object[key] as? [String: Any] else {
      throw FixtureError.malformed(name, "no object at '\(key)'")
    }
    return Fixture(object: value, name: name + "." + key)
  }

  /// A list of nested objects.
  public func children(_ key: String) throws -> [Fixture] {
    guard let value = object[key] as? [[String: Any]] else {
      throw FixtureError.malformed(name, "no list of objects at '\(key)'")
    }
    return value.enumerated().map { Fixture(object: $1, name: "\(name).\(key)[\($0)]") }
  }

  /// The keys of the object, sorted.
  public var keys: [String] { object.keys.sorted() }

  static func number(_ any: Any) -> Double? {
    if let d = any as? Double { return d }
    if let s = any as? String {
      switch s {
      case "nan": return .nan
      case "inf": return .infinity
      case "-inf": return -.infinity
      default: return Double(s)
      }
    }
    return nil
  }

  /// A number.
  public func double(_ key: String) throws -> Double {
    guard let value = object[key], let d = Fixture.number(value) else {
      throw FixtureError.malformed(name, "no number at '\(key)'")
    }
    return d
  }

  /// An integer.
  public func int(_ key: String) throws -> Int {
    Int(try double(key))
  }

  /// A string.
  public func string(_ key: String) throws -> String {
    guard let s = object[key] as? String else {
      throw FixtureError.malformed(name, "no string at '\(key)'")
    }
    return s
  }

  /// A Boolean.
  public func bool(_ key: String) throws -> Bool {
    guard let b = object[key] as? Bool else {
      throw FixtureError.malformed(name, "no Boolean at '\(key)'")
    }
    return b
  }

  /// Whether the key is present and not null.
  public func has(_ key: String) -> Bool {
    guard let value = object[key] else { return false }
    return !(value is NSNull)
  }

  /// A vector of numbers.
  public func vector(_ key: String) throws -> [Double] {
    guard let list = object[key] as? [Any] else {
      throw FixtureError.malformed(name, "no list at '\(key)'")
    }
    return try list.map {
      guard let d = Fixture.number($0) else {
        throw FixtureError.malformed(name, "non-number in '\(key)'")
      }
      return d
    }
  }

  /// A vector of integers.
  public func ints(_ key: String) throws -> [Int] {
    try vector(key).map { Int($0) }
  }

  /// A vector of strings.
  public func strings(_ key: String) throws -> [String] {
    guard let list = object[key] as? [String] else {
      throw FixtureError.malformed(name, "no list of strings at '\(key)'")
    }
    return list
  }

  /// A matrix stored as `{"shape": [r, c], "data": [...]}` or as a list of rows.
  public func matrix(_ key: String) throws -> Matrix {
    if let rows = object[key] as? [[Any]] {
      return try Matrix(
        rows: rows.map { try $0.map { try Fixture.unwrap(Fixture.number($0), name) } })
    }
    let m = try child(key)
    let shape = try m.ints("shape")
    guard shape.count == 2 else { throw FixtureError.malformed(name, "bad shape at '\(key)'") }
    return try Matrix(rowCount: shape[0], columnCount: shape[1], storage: m.vector("data"))
  }

  static func unwrap(_ d: Double?, _ name: String) throws -> Double {
    guard let d else { throw FixtureError.malformed(name, "non-number in matrix") }
    return d
  }
}

/// A fixture file that does not have the expected content.
public enum FixtureError: Error, CustomStringConvertible {
  case malformed(String, String)
  public var description: String {
    switch self {
    case let .malformed(name, what): return "fixture \(name): \(what)"
    }
  }
}

extension Fixture: CustomStringConvertible, CustomTestStringConvertible {
  /// The fixture's name (the test-case label), not its contents.
  public var description: String {
    (object["name"] as? String).map { "\(name) (\($0))" } ?? name
  }
  public var testDescription: String { description }
}

/// A JSON value decoded with `JSONDecoder`, so numbers are read exactly.
enum JSONValue: Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let d = try? c.decode(Double.self) {
      self = .number(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  /// The value as plain Swift values (`Double`, `Bool`, `String`, `[Any]`, `[String: Any]`,
  /// `NSNull`).
  var any: Any {
    switch self {
    case .null: return NSNull()
    case .bool(let b): return b
    case .number(let d): return d
    case .string(let s): return s
    case .array(let a): return a.map(\.any)
    case .object(let o): return o.mapValues(\.any)
    }
  }
}

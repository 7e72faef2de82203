import DataFrame
import EstimatorChecks
import Foundation
import LinearAlgebra
import Testing

/// Frames stored in the fixture as `[{"name", "type", "values"}]` with `null` for a missing cell.
enum FixtureTables {
  static func frame(_ key: String) throws -> DataFrame {
    let file = try #require(PreprocessingFixture.file)
    let tables = try #require(file.object["tables"] as? [String: Any])
    let columns = try #require(tables[key] as? [[String: Any]])
    return try DataFrame(
      columns.map { spec in
        let name = try #require(spec["name"] as? String)
        let values = try #require(spec["values"] as? [Any])
        switch spec["type"] as? String {
        case "string": return Column(name, strings: values.map { $0 as? String })
        case "int": return Column(name, ints: values.map { ($0 as? Double).map { Int($0) } })
        default: return Column(name, doubles: values.map { ($0 as? Double) ?? .nan })
        }
      })
  }

  static func strings(_ key: String, in fixture: Fixture) throws -> [String] {
    try #require(fixture.object[key] as? [String])
  }

  /// The frame's columns as a row-major matrix (all columns must be double).
  static func matrix(_ frame: DataFrame) throws -> Matrix {
    try frame.toMatrix()
  }
}

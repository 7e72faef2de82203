import Foundation

/// The values of one column, tagged with their type, for building a frame from a
/// dictionary literal with ``DataFrame/init(_:)-(KeyValuePairs<String,ColumnValues>)``.
///
/// pandas: the values of the dict passed to `pd.DataFrame({...})`.
public enum ColumnValues: Sendable, Hashable {
  /// Doubles, `nil` for null.
  case doubles([Double?])
  /// Ints, `nil` for null.
  case ints([Int?])
  /// Strings, `nil` for null.
  case strings([String?])
  /// Dictionary-encoded strings, `nil` for null.
  case categories([String?])
  /// Bools, `nil` for null.
  case bools([Bool?])
  /// Dates, `nil` for null.
  case dates([Date?])

  /// The column of these values with a name.
  ///
  /// - Complexity: O(n).
  public func column(named name: String) -> Column {
    switch self {
    case let .doubles(v): return Column(name, doubles: v)
    case let .ints(v): return Column(name, ints: v)
    case let .strings(v): return Column(name, strings: v)
    case let .categories(v): return Column(name, categories: v)
    case let .bools(v): return Column(name, bools: v)
    case let .dates(v): return Column(name, dates: v)
    }
  }
}

extension DataFrame {
  /// A frame from ordered name/values pairs.
  ///
  ///     let df = try DataFrame([
  ///       "age": .ints([31, nil, 45]),
  ///       "city": .strings(["Oslo", "Lima", nil]),
  ///     ])
  ///
  /// pandas: `pd.DataFrame({"age": [...], "city": [...]})`.
  /// - Throws: `DataFrameError.lengthMismatch` if lengths differ,
  ///   `DataFrameError.duplicateColumn` if a name repeats.
  /// - Complexity: O(rows · columns).
  public init(_ columns: KeyValuePairs<String, ColumnValues>) throws {
    try self.init(columns.map { $0.value.column(named: $0.key) })
  }
}

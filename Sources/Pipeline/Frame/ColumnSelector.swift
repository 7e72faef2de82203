import DataFrame
import Foundation
import SwiftLearnCore

/// A family of column types, for selecting columns of a `DataFrame` by type.
///
/// pandas: the `dtype_include` groups of `make_column_selector` (`"number"`, `"object"` /
/// `"category"`, `"datetime"`, `"bool"`).
public enum ColumnKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Double and int columns.
  case numeric
  /// String and categorical columns.
  case categorical
  /// Date columns.
  case date
  /// Bool columns.
  case bool

  /// The kind of a column type.
  ///
  /// - Parameter type: A column type.
  public init(_ type: ColumnType) {
    switch type {
    case .double, .int: self = .numeric
    case .string, .categorical: self = .categorical
    case .date: self = .date
    case .bool: self = .bool
    }
  }
}

/// Which columns of a `DataFrame` a `ColumnTransformer` branch takes.
///
/// The selection is resolved once, when the column transformer is fitted; the fitted branch
/// remembers the column names and looks them up by name at `transform`, so the order of the
/// columns in later frames does not matter and new columns are ignored.
///
/// scikit-learn: a list of column names, or `make_column_selector(pattern=,
/// dtype_include=)`.
public enum ColumnSelector: Sendable, Hashable, Codable {
  /// These columns, in this order; a missing one throws at fit.
  case names([String])
  /// Every column of one of these kinds, in frame order.
  case kinds([ColumnKind])
  /// Every column whose name contains a match of the regular expression (Python's
  /// `re.search`), optionally only of these kinds, in frame order.
  case pattern(String, kinds: [ColumnKind]? = nil)

  /// The double and int columns.
  public static var numeric: ColumnSelector { .kinds([.numeric]) }
  /// The string and categorical columns.
  public static var categorical: ColumnSelector { .kinds([.categorical]) }
  /// The date columns.
  public static var dates: ColumnSelector { .kinds([.date]) }
  /// The bool columns.
  public static var bools: ColumnSelector { .kinds([.bool]) }

  /// Checks that a pattern compiles.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `columns` for an invalid pattern.
  func validate(estimator: String) throws {
    guard case let .pattern(pattern, _) = self else { return }
    do {
      _ = try Regex(pattern)
    } catch {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "columns", value: "\"\(pattern)\"",
        expected: "a valid regular expression")
    }
  }

  /// The names of the selected columns of `frame`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a named column that is missing;
  ///   `LearnError.invalidParameter` for an invalid pattern.
  func resolve(in frame: DataFrame, estimator: String) throws -> [String] {
    switch self {
    case let .names(names):
      for name in names { _ = try frame.column(name) }
      return names
    case let .kinds(kinds):
      return frame.columns.filter { kinds.contains(ColumnKind($0.type)) }.map(\.name)
    case let .pattern(pattern, kinds):
      try validate(estimator: estimator)
      let regex = try Regex(pattern)
      return frame.columns.filter { column in
        (kinds.map { $0.contains(ColumnKind(column.type)) } ?? true)
          && column.name.contains(regex)
      }.map(\.name)
    }
  }
}

/// Looks up `names` in `frame`, checking that each column has the kind it had at fit.
///
/// - Throws: `DataFrameError.unknownColumn` naming a missing column,
///   `DataFrameError.wrongType` naming a column whose kind changed.
func selectColumns(_ names: [String], kinds: [ColumnKind], from frame: DataFrame) throws
  -> DataFrame
{
  var columns: [Column] = []
  columns.reserveCapacity(names.count)
  for (i, name) in names.enumerated() {
    let column = try frame.column(name)
    if i < kinds.count, ColumnKind(column.type) != kinds[i] {
      throw DataFrameError.wrongType(
        column: name, expected: "a \(kinds[i].rawValue) column, as during fit",
        actual: column.type)
    }
    columns.append(column)
  }
  return try DataFrame(columns)
}

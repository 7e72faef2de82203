/// The errors of the `DataFrame` module.
///
/// Every case carries what the user needs to fix the input: the column, the row or CSV line,
/// what was expected and what was found. pandas raises `KeyError`, `ValueError` or
/// `pandas.errors.ParserError` for the same situations. Tests match cases, not message text.
public enum DataFrameError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No column has this name; `suggestions` lists close matches (edit distance or case).
  case unknownColumn(name: String, suggestions: [String])
  /// Two columns would share this name.
  case duplicateColumn(name: String)
  /// The column exists but holds another type than the operation needs.
  case wrongType(column: String, expected: String, actual: ColumnType)
  /// A column's length differs from the frame's row count (or from the other columns).
  case lengthMismatch(column: String, expected: Int, got: Int)
  /// A row index outside `0..<count`.
  case rowOutOfRange(row: Int, count: Int)
  /// The CSV text is malformed at this 1-based physical line and 1-based field index.
  case malformedCSV(line: Int, column: Int, reason: String)
  /// A CSV field does not parse under the column's (explicit) type; `line` is 1-based.
  case unparsableValue(line: Int, column: String, value: String, expected: ColumnType)
  /// A column holds nulls where the operation needs none.
  case nullValues(column: String, count: Int)
  /// An argument is outside its domain.
  case invalidArgument(name: String, value: String, expected: String)
  /// A file could not be read or written.
  case io(path: String, reason: String)

  /// A message in pandas' plain wording.
  public var description: String {
    switch self {
    case let .unknownColumn(name, suggestions):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
      return "No column named '\(name)'\(hint)"
    case let .duplicateColumn(name):
      return "Duplicate column name '\(name)'"
    case let .wrongType(column, expected, actual):
      return "Column '\(column)' has type \(actual.rawValue), expected \(expected)"
    case let .lengthMismatch(column, expected, got):
      return "Length of column '\(column)' (\(got)) does not match the expected length \(expected)"
    case let .rowOutOfRange(row, count):
      return "Row \(row) is out of range for \(count) rows"
    case let .malformedCSV(line, column, reason):
      return "Malformed CSV at line \(line), field \(column): \(reason)"
    case let .unparsableValue(line, column, value, expected):
      return
        "Could not parse '\(value)' as \(expected.rawValue) in column '\(column)' at line \(line)"
    case let .nullValues(column, count):
      return "Column '\(column)' contains \(count) null value(s)"
    case let .invalidArgument(name, value, expected):
      return "Invalid value \(value) for '\(name)'; expected \(expected)"
    case let .io(path, reason):
      return "Cannot access '\(path)': \(reason)"
    }
  }
}

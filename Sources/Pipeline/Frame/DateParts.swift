import DataFrame
import SwiftLearnCore

/// Expands date columns into calendar parts: year, month, day, weekday, day of year...
///
/// Every input column must be a date column. Each becomes one int column per part, named
/// `"<column>_<part>"` with pandas' spellings (`signup_year`, `signup_dayofyear`); bool parts
/// (`isWeekend`, ...) give bool columns. Null dates give null parts. Nothing is learned but
/// the column names.
///
/// No scikit-learn class: the equivalent is a `FunctionTransformer` calling pandas'
/// `Series.dt.year`, `.dt.month`, ... with `feature_names_out`.
///
///     let parts = try DateParts(parts: [.year, .month]).fit(frame.selecting(["signup"]))
///     parts.outputColumnNames     // ["signup_year", "signup_month"]
public struct DateParts: Estimator, FrameTransformerEstimator, DefaultInitializable, Hashable {
  /// The parts to extract, in output order; default year, month, day, weekday, day of year.
  public var parts: [DatePart]

  /// Creates the transformer.
  ///
  /// - Parameter parts: The parts to extract; at least one, no repeats.
  public init(parts: [DatePart] = [.year, .month, .day, .weekday, .dayOfYear]) {
    self.parts = parts
  }

  /// The default parts.
  public init() { self.init(parts: [.year, .month, .day, .weekday, .dayOfYear]) }

  /// Checks that `parts` is non-empty, known and without repeats.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `parts`.
  public func validateHyperparameters() throws {
    guard !parts.isEmpty, Set(parts).count == parts.count else {
      throw LearnError.invalidParameter(
        estimator: "DateParts", name: "parts", value: "\(parts.map(\.rawValue))",
        expected: "a non-empty list of distinct date parts")
    }
  }

  /// Null dates give null parts.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Records the date columns.
  ///
  /// - Parameter frame: Date columns only.
  /// - Returns: The fitted transformer.
  /// - Throws: `LearnError.emptyInput` for a frame without columns or rows,
  ///   `DataFrameError.wrongType` naming a column that is not a date column,
  ///   `LearnError.invalidParameter` naming `parts`.
  public func fit(_ frame: DataFrame) throws -> Fitted {
    try validateHyperparameters()
    guard frame.columnCount > 0, frame.rowCount > 0 else {
      throw LearnError.emptyInput(
        input: "X", reason: "DateParts needs at least one date column and one row")
    }
    for column in frame.columns where column.type != .date {
      throw DataFrameError.wrongType(column: column.name, expected: "date", actual: column.type)
    }
    return Fitted(inputColumnNames: frame.columnNames, parts: parts)
  }

  /// A fitted ``DateParts``: the date columns and the parts.
  public struct Fitted: FrameTransformer, Hashable {
    /// The date columns seen during fit.
    public let inputColumnNames: [String]
    /// The parts extracted from each column.
    public let parts: [DatePart]

    init(inputColumnNames: [String], parts: [DatePart]) {
      self.inputColumnNames = inputColumnNames
      self.parts = parts
    }

    /// `"<column>_<part>"` for each column, then each part.
    public var outputColumnNames: [String] {
      inputColumnNames.flatMap { c in parts.map { "\(c)_\($0.rawValue)" } }
    }

    /// The parts of each date column.
    ///
    /// - Parameter frame: A frame holding the fitted date columns.
    /// - Returns: The part columns.
    /// - Throws: `DataFrameError.unknownColumn` naming a missing column,
    ///   `DataFrameError.wrongType` naming a column that is no longer a date column.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      var columns: [Column] = []
      for name in inputColumnNames {
        for part in parts { columns.append(try frame.datePart(part, of: name)) }
      }
      return try DataFrame(columns)
    }

    enum CodingKeys: String, CodingKey { case inputColumnNames, parts }

    /// Decodes and checks the part names.
    ///
    /// - Throws: `DecodingError` for an unknown part.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let names = try c.decode([String].self, forKey: .parts)
      let parts = names.compactMap(DatePart.init(rawValue:))
      try requireDecoded(
        parts.count == names.count && !parts.isEmpty, "unknown date part in \(names)",
        codingPath: c.codingPath)
      self.init(
        inputColumnNames: try c.decode([String].self, forKey: .inputColumnNames), parts: parts)
    }

    /// Encodes the columns and the parts' names.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(inputColumnNames, forKey: .inputColumnNames)
      try c.encode(parts.map(\.rawValue), forKey: .parts)
    }
  }
}

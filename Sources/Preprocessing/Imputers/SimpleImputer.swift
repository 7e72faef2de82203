import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// Fills missing values with a per-column statistic: the mean, the median, the most frequent
/// value, or a constant.
///
/// On a `Matrix`, NaN is missing. On a `DataFrame`, nulls (and NaN in double columns) are
/// missing; numeric columns (double, int, bool) come out as double columns and text columns
/// (string, categorical) as string columns, so the output can feed a `OneHotEncoder`. Only
/// `.mostFrequent` and `.constant` apply to text columns. Ties for the most frequent value go
/// to the smallest value, as in scikit-learn. With ``addIndicator``, a `missingindicator_<name>`
/// column (0/1 in a matrix, Boolean in a frame) is appended for each column that had missing
/// values during fit.
///
/// A column with no observed value cannot give a statistic: `fit` throws
/// `LearnError.allMissing` naming it, unless ``keepEmptyFeatures`` is set, which then fills it
/// with 0 (``stringFillValue`` for text, ``fillValue`` for `.constant`). scikit-learn instead
/// drops such columns with a warning when `keep_empty_features=False`; SwiftLearn refuses to
/// change the column count silently.
///
/// scikit-learn: `sklearn.impute.SimpleImputer` with `missing_values=np.nan`; defaults match
/// scikit-learn 1.9 (`strategy="mean"`, `fill_value=None` meaning 0 for numbers and
/// `"missing_value"` for text, `add_indicator=False`, `keep_empty_features=False`).
///
///     let imputer = try SimpleImputer(strategy: .mostFrequent).fit(frame)
///     let complete = try imputer.transform(frame)
///
/// - Complexity: O(n·d) to transform; fitting the median sorts each column.
public struct SimpleImputer: TransformerEstimator, FrameTransformerEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The statistic that replaces missing values (scikit-learn's `strategy`).
  public enum Strategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The column mean (numeric columns only).
    case mean
    /// The column median (numeric columns only).
    case median
    /// The most frequent value; ties go to the smallest.
    case mostFrequent = "most_frequent"
    /// ``SimpleImputer/fillValue`` or ``SimpleImputer/stringFillValue``.
    case constant
  }

  /// A learned fill value: a number or a text.
  public enum Statistic: Sendable, Hashable, Codable {
    /// A number, for numeric columns.
    case number(Double)
    /// A text, for string and categorical columns.
    case text(String)
  }

  /// The statistic.
  public var strategy: Strategy
  /// The fill value of numeric columns for `.constant` (scikit-learn's `fill_value`, default 0).
  public var fillValue: Double
  /// The fill value of text columns for `.constant` (scikit-learn's default `"missing_value"`).
  public var stringFillValue: String
  /// Append missing-value indicator columns (scikit-learn's `add_indicator`).
  public var addIndicator: Bool
  /// Keep columns without any observed value, filled with 0 or the constant (scikit-learn's
  /// `keep_empty_features`); when `false`, such columns make `fit` throw.
  public var keepEmptyFeatures: Bool

  /// Creates an imputer; every argument defaults to scikit-learn's value.
  public init(
    strategy: Strategy = .mean, fillValue: Double = 0, stringFillValue: String = "missing_value",
    addIndicator: Bool = false, keepEmptyFeatures: Bool = false
  ) {
    self.strategy = strategy
    self.fillValue = fillValue
    self.stringFillValue = stringFillValue
    self.addIndicator = addIndicator
    self.keepEmptyFeatures = keepEmptyFeatures
  }

  public init() { self.init(strategy: .mean) }

  /// NaN (or null) is the missing value.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Checks that ``fillValue`` is finite.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `fillValue`.
  public func validateHyperparameters() throws {
    guard fillValue.isFinite else {
      throw LearnError.invalidParameter(
        estimator: "SimpleImputer", name: "fillValue", value: "\(fillValue)",
        expected: "a finite number")
    }
  }

  /// Learns one fill value per column of `x`.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value.
  /// - Returns: The fitted imputer.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`, `LearnError.nonFinite`
  ///   for ±infinity, `LearnError.allMissing` for a column without any value.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let n = x.rowCount
    let d = x.columnCount
    var statistics: [Statistic] = []
    var missing: [Bool] = []
    for j in 0..<d {
      let values = x.withUnsafeStorage { s in (0..<n).map { s[$0 * d + j] } }
      let name = "x\(j)"
      statistics.append(try numericStatistic(values, column: name))
      missing.append(values.contains { $0.isNaN })
    }
    return Fitted(
      inputColumnNames: (0..<d).map { "x\($0)" }, statistics: statistics,
      indicatorFeatures: addIndicator ? (0..<d).filter { missing[$0] } : [])
  }

  /// Learns one fill value per column of `frame`.
  ///
  /// - Parameter frame: The training columns (numeric or text).
  /// - Returns: The fitted imputer.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.allMissing`, `LearnError.wrongColumnType` for a date column or a text column
  ///   with `.mean` or `.median`.
  public func fit(_ frame: DataFrame) throws -> Fitted {
    try validateHyperparameters()
    try requireNonEmpty(frame)
    var statistics: [Statistic] = []
    var missing: [Bool] = []
    for column in frame.columns {
      switch try imputerValues(column) {
      case let .numbers(values):
        statistics.append(try numericStatistic(values, column: column.name))
        missing.append(values.contains { $0.isNaN })
      case let .strings(values):
        statistics.append(try textStatistic(values.optionals, column: column.name))
        missing.append(values.hasMissing)
      }
    }
    let d = frame.columnCount
    return Fitted(
      inputColumnNames: frame.columnNames, statistics: statistics,
      indicatorFeatures: addIndicator ? (0..<d).filter { missing[$0] } : [])
  }

  func numericStatistic(_ values: [Double], column: String) throws -> Statistic {
    let present = values.filter { !$0.isNaN }
    if strategy == .constant {
      guard !present.isEmpty || keepEmptyFeatures else {
        throw LearnError.allMissing(column: column)
      }
      return .number(fillValue)
    }
    guard !present.isEmpty else {
      guard keepEmptyFeatures else { throw LearnError.allMissing(column: column) }
      return .number(0)
    }
    switch strategy {
    case .mean: return .number(present.reduce(0, +) / Double(present.count))
    case .median:
      let sorted = present.sorted()
      let m = sorted.count / 2
      return .number(sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2)
    case .mostFrequent:
      var counts: [Double: Int] = [:]
      for v in present { counts[v, default: 0] += 1 }
      let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }
      return .number(best?.key ?? 0)
    case .constant: return .number(fillValue)
    }
  }

  func textStatistic(_ values: [String?], column: String) throws -> Statistic {
    switch strategy {
    case .mean, .median:
      throw LearnError.wrongColumnType(
        column: column, expected: "numeric values for strategy \(strategy.rawValue)",
        found: "string")
    case .constant:
      guard values.contains(where: { $0 != nil }) || keepEmptyFeatures else {
        throw LearnError.allMissing(column: column)
      }
      return .text(stringFillValue)
    case .mostFrequent:
      var counts: [String: Int] = [:]
      for case let v? in values { counts[v, default: 0] += 1 }
      guard
        let best = counts.max(by: { a, b in
          a.value < b.value || (a.value == b.value && codePointLess(b.key, a.key))
        })
      else {
        guard keepEmptyFeatures else { throw LearnError.allMissing(column: column) }
        return .text(stringFillValue)
      }
      return .text(best.key)
    }
  }

  /// The fitted state of a ``SimpleImputer``.
  public struct Fitted: Transformer, FrameTransformer, Hashable {
    /// The columns seen during fit (`x0, x1, ...` when fitted on a matrix).
    public let inputColumnNames: [String]
    /// The fill value of each column (scikit-learn's `statistics_`).
    public let statistics: [Statistic]
    /// The columns that get a missing-value indicator (those with missing values during fit,
    /// when ``SimpleImputer/addIndicator`` is set).
    public let indicatorFeatures: [Int]

    init(inputColumnNames: [String], statistics: [Statistic], indicatorFeatures: [Int]) {
      self.inputColumnNames = inputColumnNames
      self.statistics = statistics
      self.indicatorFeatures = indicatorFeatures
    }

    /// Decodes a saved imputer and re-checks that the arrays agree.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let names = try c.decode([String].self, forKey: .inputColumnNames)
      let statistics = try c.decode([Statistic].self, forKey: .statistics)
      let indicators = try c.decode([Int].self, forKey: .indicatorFeatures)
      try requireDecoded(
        !names.isEmpty && statistics.count == names.count
          && indicators.allSatisfy { $0 >= 0 && $0 < names.count },
        "statistics do not match the columns", codingPath: c.codingPath)
      self.init(inputColumnNames: names, statistics: statistics, indicatorFeatures: indicators)
    }

    /// The imputed columns, then one indicator per column in ``indicatorFeatures``.
    public var outputFeatureCount: Int { statistics.count + indicatorFeatures.count }

    /// The input names, then `missingindicator_<name>` per indicator.
    public var outputColumnNames: [String] {
      inputColumnNames + indicatorFeatures.map { "missingindicator_\(inputColumnNames[$0])" }
    }

    /// The input names, then `missingindicator_<name>` per indicator.
    ///
    /// - Parameter inputFeatures: Input names; `nil` uses the fitted names.
    /// - Throws: `LearnError.lengthMismatch` for a wrong number of names.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(
        inputFeatures ?? inputColumnNames, featureCount: statistics.count)
      return names + indicatorFeatures.map { "missingindicator_\(names[$0])" }
    }

    /// Replaces NaN in each column by its fill value, then appends the indicators.
    ///
    /// - Parameter x: Samples with the fitted number of columns.
    /// - Returns: The completed matrix.
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity,
    ///   `LearnError.wrongColumnType` when the imputer was fitted on a text column.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      var fill = [Double](repeating: 0, count: statistics.count)
      for (j, statistic) in statistics.enumerated() {
        guard case let .number(v) = statistic else {
          throw LearnError.wrongColumnType(
            column: inputColumnNames[j], expected: "string or categorical", found: "double")
        }
        fill[j] = v
      }
      var out = x
      let d = x.columnCount
      out.withUnsafeMutableStorage { s in
        for k in 0..<s.count where s[k].isNaN { s[k] = fill[k % d] }
      }
      guard !indicatorFeatures.isEmpty else { return out }
      return try out.appendingColumns(indicatorMatrix(x, features: indicatorFeatures))
    }

    /// Fills the missing cells of every fitted column of `frame`, then appends the indicators.
    ///
    /// - Parameter frame: A frame holding every column in ``inputColumnNames``.
    /// - Returns: Double columns for numeric inputs, string columns for text inputs, and Boolean
    ///   indicator columns.
    /// - Throws: `LearnError.missingColumn`, `LearnError.wrongColumnType` (text fitted, numbers
    ///   given or the reverse, or a date column), `LearnError.emptyInput`.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      var columns: [Column] = []
      var indicators: [Column] = []
      let wanted = Set(indicatorFeatures)
      for (j, name) in inputColumnNames.enumerated() {
        guard let column = frame[name] else { throw LearnError.missingColumn(name: name) }
        let values = try imputerValues(column)
        var isMissing: [Bool] = []
        switch (values, statistics[j]) {
        case let (.numbers(v), .number(fill)):
          isMissing = v.map(\.isNaN)
          columns.append(Column(name, doubles: v.map { $0.isNaN ? fill : $0 }))
        case let (.strings(v), .text(fill)):
          isMissing = (0..<v.count).map { v.isMissing($0) }
          columns.append(
            Column(name, strings: (0..<v.count).map { v.isMissing($0) ? fill : v.values[$0] }))
        case (.numbers, .text):
          throw LearnError.wrongColumnType(
            column: name, expected: "string or categorical", found: column.type.rawValue)
        case (.strings, .number):
          throw LearnError.wrongColumnType(
            column: name, expected: "numeric", found: column.type.rawValue)
        }
        if wanted.contains(j) {
          indicators.append(Column("missingindicator_\(name)", bools: isMissing))
        }
      }
      guard frame.rowCount >= 1 else {
        throw LearnError.emptyInput(input: "X", reason: "the frame has no rows")
      }
      return try DataFrame(columns + indicators)
    }
  }
}

/// A column's values for imputation: numbers (NaN for missing) or text (`nil` for missing).
func imputerValues(_ column: Column) throws -> RawCategories {
  switch column.type {
  case .double, .int, .bool: return .numbers(try column.numericValues().map { $0 ?? .nan })
  case .string, .categorical: return .strings(try TextValues(column))
  case .date:
    throw LearnError.wrongColumnType(
      column: column.name, expected: "numeric or text", found: "date")
  }
}

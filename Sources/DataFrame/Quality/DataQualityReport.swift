// A data-quality report: missing values, duplicates, types, summaries, cardinality, target
// balance, constant and ID-like columns, highly correlated pairs.

/// Findings about a frame's fitness for modelling; see ``DataFrame/dataQualityReport(target:options:)``.
///
/// No single pandas equivalent; each number is the pandas expression named on its property.
/// The text rendering is ``description``.
public struct DataQualityReport: Sendable, Hashable, CustomStringConvertible {
  /// Thresholds of the report's warnings.
  public struct Options: Sendable, Hashable {
    /// A target class whose share of the non-null target is below this is a minority that
    /// triggers the imbalance warning. Default 0.2.
    public var minorityShareWarning: Double = 0.2
    /// A column whose most frequent value covers at least this share of its non-null rows
    /// (but which is not constant) is near-constant. Default 0.99.
    public var nearConstantShare: Double = 0.99
    /// Pairs of numeric columns with |Pearson r| at least this are reported. Default 0.9.
    public var correlationThreshold: Double = 0.9
    /// How many top values to list per text column. Default 5.
    public var topValueCount: Int = 5

    /// The defaults above.
    ///
    /// - Complexity: O(1).
    public init() {}
  }

  /// Per-column facts.
  public struct ColumnInfo: Sendable, Hashable {
    /// The name.
    public var name: String
    /// The type.
    public var type: ColumnType
    /// Null rows (`df[c].isna().sum()`).
    public var missingCount: Int
    /// `100 · missingCount / rowCount` (0 for an empty frame).
    public var missingPercent: Double
    /// Distinct non-null values (`df[c].nunique()`).
    public var uniqueCount: Int
    /// Most frequent values with counts (text and bool columns; `value_counts().head(k)`).
    public var topValues: [ValueCount]
  }

  /// A value and its count.
  public struct ValueCount: Sendable, Hashable {
    /// The value as text.
    public var value: String
    /// How often it occurs.
    public var count: Int
  }

  /// One class of the target: its value, count and share of the non-null target.
  public struct ClassShare: Sendable, Hashable {
    /// The class as text.
    public var value: String
    /// Rows of this class.
    public var count: Int
    /// `count` divided by the non-null target rows.
    public var share: Double
  }

  /// The target's class distribution.
  public struct TargetSummary: Sendable, Hashable {
    /// The target column.
    public var column: String
    /// Classes, most frequent first (`value_counts(normalize=True)`).
    public var classes: [ClassShare]
    /// The smallest class share (`value_counts(normalize=True).min()`).
    public var minorityShare: Double
    /// Whether `minorityShare < Options.minorityShareWarning`.
    public var isImbalanced: Bool
  }

  /// A pair of highly correlated numeric columns.
  public struct CorrelatedPair: Sendable, Hashable {
    /// The first column (earlier in the frame).
    public var first: String
    /// The second column.
    public var second: String
    /// Pearson r over complete pairs (`df.corr()`).
    public var correlation: Double
  }

  /// The thresholds used.
  public var options: Options
  /// Rows.
  public var rowCount: Int
  /// Columns.
  public var columnCount: Int
  /// Fully duplicated rows beyond their first occurrence (`df.duplicated().sum()`).
  public var duplicateRowCount: Int
  /// One entry per column, in order.
  public var columns: [ColumnInfo]
  /// `describe()` of the numeric and text columns.
  public var summary: DataFrameDescription
  /// The target distribution, when a target was given.
  public var target: TargetSummary?
  /// Columns with one distinct non-null value (or none).
  public var constantColumns: [String]
  /// Columns whose top value covers ≥ `nearConstantShare` of non-null rows (not constant).
  public var nearConstantColumns: [String]
  /// String or int columns with a distinct value in every row and no nulls (likely IDs).
  public var likelyIDColumns: [String]
  /// Numeric pairs with |r| ≥ `correlationThreshold`, strongest first.
  public var correlatedPairs: [CorrelatedPair]

  /// The report as plain text.
  public var description: String {
    var out: [String] = []
    out.append("Data quality report")
    out.append("rows: \(rowCount), columns: \(columnCount), duplicate rows: \(duplicateRowCount)")
    out.append("")
    out.append("column               type         missing  missing%  unique")
    for c in columns {
      out.append(
        TextTable.cell(c.name, width: 21) + TextTable.cell(c.type.rawValue, width: 13)
          + TextTable.cell("\(c.missingCount)", width: 9)
          + TextTable.cell(TextTable.number((c.missingPercent * 100).rounded() / 100), width: 10)
          + "\(c.uniqueCount)")
    }
    let summaryText = summary.description
    if !summaryText.isEmpty {
      out.append("")
      out.append(summaryText)
    }
    let text = columns.filter { !$0.topValues.isEmpty }
    if !text.isEmpty {
      out.append("")
      out.append("top values")
      for c in text {
        out.append(
          "  \(c.name): " + c.topValues.map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
      }
    }
    if let target {
      out.append("")
      out.append(
        "target '\(target.column)': "
          + target.classes.map { "\($0.value) \($0.count) (\(percent($0.share)))" }.joined(
            separator: ", "))
      if target.isImbalanced {
        out.append(
          "  warning: imbalanced target, minority share \(percent(target.minorityShare)) < "
            + percent(options.minorityShareWarning))
      }
    }
    var warnings: [String] = []
    if !constantColumns.isEmpty {
      warnings.append("constant columns: " + constantColumns.joined(separator: ", "))
    }
    if !nearConstantColumns.isEmpty {
      warnings.append("near-constant columns: " + nearConstantColumns.joined(separator: ", "))
    }
    if !likelyIDColumns.isEmpty {
      warnings.append("likely ID columns: " + likelyIDColumns.joined(separator: ", "))
    }
    for p in correlatedPairs {
      warnings.append(
        "highly correlated: \(p.first) ~ \(p.second) (r = \(TextTable.number(p.correlation)))")
    }
    if duplicateRowCount > 0 { warnings.append("\(duplicateRowCount) duplicate rows") }
    if !warnings.isEmpty {
      out.append("")
      out.append("warnings")
      out.append(contentsOf: warnings.map { "  - " + $0 })
    }
    return out.joined(separator: "\n")
  }

  private func percent(_ share: Double) -> String {
    TextTable.number((10_000 * share).rounded() / 100) + "%"
  }
}

extension DataFrame {
  /// Builds a ``DataQualityReport``: shape, missing values per column, duplicate rows, types,
  /// numeric and text summaries, top values, the target's class balance, constant,
  /// near-constant and ID-like columns and highly correlated numeric pairs.
  ///
  /// Rules (defaults in ``DataQualityReport/Options``): the target is imbalanced when its
  /// smallest class holds less than 20% of the non-null target; a column is near-constant when
  /// its top value covers at least 99% of its non-null rows; a likely ID is a string or int
  /// column without nulls whose values are all distinct (with more than one row); correlated
  /// pairs have |Pearson r| ≥ 0.9 over complete pairs.
  ///
  /// - Parameters:
  ///   - target: the label column, or nil.
  ///   - options: thresholds.
  /// - Throws: `DataFrameError.unknownColumn` for an unknown target;
  ///   `DataFrameError.invalidArgument` for thresholds outside `0...1` or a negative
  ///   `topValueCount`.
  /// - Complexity: O(rows · columns + columns² · rows) (the correlation matrix dominates).
  public func dataQualityReport(
    target: String? = nil, options: DataQualityReport.Options = DataQualityReport.Options()
  ) throws -> DataQualityReport {
    for (name, v) in [
      ("minorityShareWarning", options.minorityShareWarning),
      ("nearConstantShare", options.nearConstantShare),
      ("correlationThreshold", options.correlationThreshold),
    ] where !(v >= 0 && v <= 1) {
      throw DataFrameError.invalidArgument(name: name, value: "\(v)", expected: "0...1")
    }
    guard options.topValueCount >= 0 else {
      throw DataFrameError.invalidArgument(
        name: "topValueCount", value: "\(options.topValueCount)", expected: ">= 0")
    }
    let targetColumn = try target.map { try column($0) }
    var infos: [DataQualityReport.ColumnInfo] = []
    var constant: [String] = []
    var nearConstant: [String] = []
    var ids: [String] = []
    for c in columns {
      let f = c.factorization(nullAsGroup: false)
      var counts = [Int](repeating: 0, count: f.groupCount)
      for code in f.codes where code >= 0 { counts[code] += 1 }
      let present = counts.reduce(0, +)
      let order = (0..<f.groupCount).sorted {
        counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
      }
      var top: [DataQualityReport.ValueCount] = []
      if c.type == .string || c.type == .categorical || c.type == .bool {
        top = order.prefix(options.topValueCount).map {
          DataQualityReport.ValueCount(value: c.displayValue(at: f.firstRow[$0]), count: counts[$0])
        }
      }
      infos.append(
        DataQualityReport.ColumnInfo(
          name: c.name, type: c.type, missingCount: c.nullCount,
          missingPercent: rowCount > 0 ? 100 * Double(c.nullCount) / Double(rowCount) : 0,
          uniqueCount: f.groupCount, topValues: top))
      if f.groupCount <= 1 {
        constant.append(c.name)
      } else if let first = order.first,
        Double(counts[first]) >= options.nearConstantShare * Double(present)
      {
        nearConstant.append(c.name)
      }
      if (c.type == .string || c.type == .int) && c.nullCount == 0 && rowCount > 1
        && f.groupCount == rowCount
      {
        ids.append(c.name)
      }
    }
    var targetSummary: DataQualityReport.TargetSummary?
    if let t = targetColumn {
      let counts = try valueCounts(t.name)
      let values = try counts.column(t.name)
      let n = (try counts.column("count").ints()).map { $0 ?? 0 }
      let total = Double(n.reduce(0, +))
      let classes = (0..<n.count).map {
        DataQualityReport.ClassShare(
          value: values.displayValue(at: $0), count: n[$0], share: Double(n[$0]) / total)
      }
      let minority = classes.map(\.share).min() ?? .nan
      targetSummary = DataQualityReport.TargetSummary(
        column: t.name, classes: classes, minorityShare: minority,
        isImbalanced: minority < options.minorityShareWarning)
    }
    let numeric = numericColumnNames
    let corr = try correlationMatrix(method: .pearson, columns: numeric)
    var pairs: [DataQualityReport.CorrelatedPair] = []
    for i in 0..<numeric.count {
      for j in (i + 1)..<max(i + 1, numeric.count) {
        let r = corr.values[i, j]
        if r.isFinite && abs(r) >= options.correlationThreshold {
          pairs.append(.init(first: numeric[i], second: numeric[j], correlation: r))
        }
      }
    }
    pairs.sort { abs($0.correlation) > abs($1.correlation) }
    return DataQualityReport(
      options: options, rowCount: rowCount, columnCount: columnCount,
      duplicateRowCount: try duplicated().filter { $0 }.count, columns: infos,
      summary: describe(), target: targetSummary, constantColumns: constant,
      nearConstantColumns: nearConstant, likelyIDColumns: ids, correlatedPairs: pairs)
  }
}

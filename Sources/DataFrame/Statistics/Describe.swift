// describe(), quantiles, skewness and kurtosis.

/// Summary of one numeric column, as a row of pandas' `describe()`.
public struct NumericSummary: Sendable, Hashable {
  /// The column's name.
  public var column: String
  /// Non-null values.
  public var count: Int
  /// Mean (NaN when empty).
  public var mean: Double
  /// Sample standard deviation, ddof 1 (NaN below 2 values).
  public var std: Double
  /// Minimum (NaN when empty).
  public var min: Double
  /// 25th percentile (linear interpolation).
  public var q25: Double
  /// Median.
  public var median: Double
  /// 75th percentile.
  public var q75: Double
  /// Maximum.
  public var max: Double

  /// The values in pandas' row order: count, mean, std, min, 25%, 50%, 75%, max.
  public var values: [Double] { [Double(count), mean, std, min, q25, median, q75, max] }
}

/// Summary of one string, categorical or bool column, as pandas' `describe()` on objects.
public struct CategoricalSummary: Sendable, Hashable {
  /// The column's name.
  public var column: String
  /// Non-null values.
  public var count: Int
  /// Distinct non-null values.
  public var unique: Int
  /// The most frequent value (first to appear among ties, as pandas); nil when empty.
  public var top: String?
  /// How often `top` occurs.
  public var freq: Int
}

/// The result of ``DataFrame/describe()``.
///
/// pandas: `df.describe(include="all")`, split by kind.
public struct DataFrameDescription: Sendable, Hashable, CustomStringConvertible {
  /// One summary per double or int column, in column order.
  public var numeric: [NumericSummary]
  /// One summary per string, categorical or bool column, in column order.
  public var categorical: [CategoricalSummary]

  /// The numeric part as a frame shaped like pandas' output: a `"statistic"` column (`count`,
  /// `mean`, `std`, `min`, `25%`, `50%`, `75%`, `max`) and one double column per input column.
  ///
  /// - Complexity: O(columns).
  public var numericFrame: DataFrame {
    let stats = Column(
      "statistic", strings: ["count", "mean", "std", "min", "25%", "50%", "75%", "max"])
    let cols = [stats] + numeric.map { Column($0.column, doubles: $0.values) }
    return (try? DataFrame(cols)) ?? DataFrame()
  }

  /// A fixed-width text table.
  public var description: String {
    var lines: [String] = []
    if !numeric.isEmpty {
      let labels = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
      lines.append(
        "".padding(toLength: 6, withPad: " ", startingAt: 0)
          + numeric.map { TextTable.cell($0.column) }.joined())
      for (r, label) in labels.enumerated() {
        lines.append(
          label.padding(toLength: 6, withPad: " ", startingAt: 0)
            + numeric.map { TextTable.cell(TextTable.number($0.values[r])) }.joined())
      }
    }
    if !categorical.isEmpty {
      if !lines.isEmpty { lines.append("") }
      lines.append("column               count  unique  top                  freq")
      for c in categorical {
        lines.append(
          TextTable.cell(c.column, width: 20) + TextTable.cell("\(c.count)", width: 7)
            + TextTable.cell("\(c.unique)", width: 8) + TextTable.cell(c.top ?? "", width: 20)
            + "\(c.freq)")
      }
    }
    return lines.joined(separator: "\n")
  }
}

enum TextTable {
  static func cell(_ s: String, width: Int = 14) -> String {
    let t = s.count > width - 1 ? String(s.prefix(width - 2)) + "…" : s
    return t.padding(toLength: width, withPad: " ", startingAt: 0)
  }

  static func number(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
    let magnitude = abs(v)
    if magnitude >= 1e-4 && magnitude < 1e9 {
      var s = String(format6: v)
      while s.hasSuffix("0") { s.removeLast() }
      return s
    }
    return "\(v)"
  }
}

extension String {
  /// Six decimals without Foundation's `String(format:)`.
  init(format6 v: Double) {
    guard v.isFinite, abs(v) < 1e12 else {
      self = "\(v)"
      return
    }
    let scaled = (v * 1_000_000).rounded()
    let negative = scaled < 0
    let units = Int(abs(scaled))
    let whole = units / 1_000_000
    let fraction = String(units % 1_000_000)
    let padded = String(repeating: "0", count: 6 - fraction.count) + fraction
    self = (negative ? "-" : "") + "\(whole).\(padded)"
  }
}

extension DataFrame {
  /// Summary statistics of every column: count, mean, std, min, quartiles and max for double
  /// and int columns; count, unique, top and freq for string, categorical and bool columns.
  /// Date columns are skipped.
  ///
  /// pandas: `df.describe(include="all")` (numbers identical to pandas: linear-interpolation
  /// quartiles, ddof-1 std, `top` = most frequent, first-appearing among ties).
  ///
  /// - Complexity: O(rows · log rows) per numeric column (one sort), O(rows) per text column.
  public func describe() -> DataFrameDescription {
    var numeric: [NumericSummary] = []
    var categorical: [CategoricalSummary] = []
    for c in columns {
      switch c.type {
      case .double, .int:
        numeric.append(c.numericSummary())
      case .string, .categorical, .bool:
        categorical.append(c.categoricalSummary())
      case .date:
        continue
      }
    }
    return DataFrameDescription(numeric: numeric, categorical: categorical)
  }

  /// Quantiles of a numeric column's non-null values, linear interpolation.
  ///
  /// pandas: `df[name].quantile(qs)` (default `interpolation="linear"`).
  ///
  /// - Returns: one value per level; NaN for an all-null column.
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-numeric
  ///   column; `DataFrameError.invalidArgument` for a level outside `0...1`.
  /// - Complexity: O(rows · log rows).
  public func quantiles(_ name: String, _ levels: [Double]) throws -> [Double] {
    for q in levels where !(q >= 0 && q <= 1) {
      throw DataFrameError.invalidArgument(name: "q", value: "\(q)", expected: "0 <= q <= 1")
    }
    let x = try column(name).nonNullNumeric(for: "quantile")
    return Descriptive.quantiles(x, levels)
  }

  /// One quantile; see ``quantiles(_:_:)``.
  ///
  /// - Throws: as ``quantiles(_:_:)``.
  /// - Complexity: O(rows · log rows).
  public func quantile(_ name: String, _ level: Double) throws -> Double {
    try quantiles(name, [level])[0]
  }

  /// Bias-corrected sample skewness (G1) of a numeric column's non-null values.
  ///
  /// pandas: `df[name].skew()`; NaN below 3 values or for a constant column
  /// (pandas 3).
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for non-numeric.
  /// - Complexity: O(rows).
  public func skewness(_ name: String) throws -> Double {
    Descriptive.skewness(try column(name).nonNullNumeric(for: "skew"))
  }

  /// Bias-corrected sample excess kurtosis (G2) of a numeric column's non-null values.
  ///
  /// pandas: `df[name].kurt()`; NaN below 4 values or for a constant column
  /// (pandas 3).
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for non-numeric.
  /// - Complexity: O(rows).
  public func kurtosis(_ name: String) throws -> Double {
    Descriptive.kurtosis(try column(name).nonNullNumeric(for: "kurt"))
  }
}

extension Column {
  func numericSummary() -> NumericSummary {
    let x = (try? nonNullNumeric(for: "describe")) ?? []
    var low = Double.infinity
    var high = -Double.infinity
    for v in x {
      low = Swift.min(low, v)
      high = Swift.max(high, v)
    }
    let q = Descriptive.quantilesBySelection(x, [0.25, 0.5, 0.75])
    return NumericSummary(
      column: name, count: x.count, mean: Descriptive.mean(x), std: Descriptive.std(x),
      min: x.isEmpty ? .nan : low, q25: q[0], median: q[1], q75: q[2],
      max: x.isEmpty ? .nan : high)
  }

  func categoricalSummary() -> CategoricalSummary {
    let f = factorization(nullAsGroup: false)
    var counts = [Int](repeating: 0, count: f.groupCount)
    for code in f.codes where code >= 0 { counts[code] += 1 }
    var best = -1
    for g in 0..<f.groupCount where best < 0 || counts[g] > counts[best] { best = g }
    return CategoricalSummary(
      column: name, count: count - nullCount, unique: f.groupCount,
      top: best >= 0 ? displayValue(at: f.firstRow[best]) : nil,
      freq: best >= 0 ? counts[best] : 0)
  }
}

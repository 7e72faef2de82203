// Derived columns: value counts, unique, map/apply, row closures, binning.

extension DataFrame {
  /// Distinct non-null values of a column with their counts, most frequent first; ties keep
  /// first-appearance order (pandas' stable sort).
  ///
  /// pandas: `df[name].value_counts(normalize=...)`. The result has two columns: `name` (the
  /// values, same type as the input) and `"count"` (int) or `"proportion"` (double, share of
  /// the non-null values) when `normalize` is true.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a missing name.
  /// - Complexity: O(rows) expected plus O(u log u) for u distinct values.
  public func valueCounts(_ name: String, normalize: Bool = false) throws -> DataFrame {
    let c = try column(name)
    let f = c.factorization(nullAsGroup: false)
    var counts = [Int](repeating: 0, count: f.groupCount)
    for code in f.codes where code >= 0 { counts[code] += 1 }
    // Codes are in first-appearance order; a stable sort by count descending keeps it for ties.
    let order = (0..<f.groupCount).map { $0 }.sorted {
      counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
    }
    let values = c.gathering(order.map { f.firstRow[$0] })
    let total = Double(counts.reduce(0, +))
    let countColumn =
      normalize
      ? Column("proportion", doubles: order.map { Double(counts[$0]) / total })
      : Column("count", ints: order.map { counts[$0] })
    return try DataFrame([values, countColumn])
  }

  /// The distinct non-null values of a column in order of first appearance.
  ///
  /// pandas: `df[name].dropna().unique()`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a missing name.
  /// - Complexity: O(rows) expected.
  public func unique(_ name: String) throws -> Column {
    let c = try column(name)
    return c.gathering(c.factorization(nullAsGroup: false).firstRow)
  }

  /// A new (or replaced) double column computed from each row; return nil for null.
  ///
  /// pandas: `df[name] = df.apply(f, axis=1)`.
  ///
  /// - Throws: whatever `transform` throws; `DataFrameError.lengthMismatch` never (the column
  ///   has one value per row).
  /// - Complexity: O(rows) closure calls.
  public func withColumn(_ name: String, _ transform: (DataFrameRow) throws -> Double?) throws
    -> DataFrame
  {
    var values = [Double?](repeating: nil, count: rowCount)
    for i in 0..<rowCount { values[i] = try transform(DataFrameRow(frame: self, index: i)) }
    var out = self
    try out.setColumn(Column(name, doubles: values))
    return out
  }

  /// A new (or replaced) column.
  ///
  /// pandas: `df[name] = values` / `df.assign(name=values)`.
  ///
  /// - Throws: `DataFrameError.lengthMismatch` if the column's length differs from
  ///   `rowCount` (of a non-empty frame).
  /// - Complexity: O(columns).
  public func withColumn(_ column: Column) throws -> DataFrame {
    var out = self
    try out.setColumn(column)
    return out
  }

  /// Applies `transform` to every non-null value of a numeric column (nulls stay null).
  ///
  /// pandas: `df[name].map(f)` / `apply(f)` on a numeric column. The result is double.
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-numeric
  ///   column; whatever `transform` throws.
  /// - Complexity: O(rows) closure calls.
  public func mapDoubles(
    _ name: String, as newName: String? = nil, _ transform: (Double) throws -> Double
  ) throws -> Column {
    let x = try column(name).numericWithNaN(for: "map")
    var out = [Double?](repeating: nil, count: x.count)
    for i in 0..<x.count where !x[i].isNaN { out[i] = try transform(x[i]) }
    return Column(newName ?? name, doubles: out)
  }

  /// Applies `transform` to every non-null value of a string or categorical column; a nil
  /// result is null.
  ///
  /// pandas: `df[name].map(f)` on text.
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-text
  ///   column; whatever `transform` throws.
  /// - Complexity: O(rows) closure calls.
  public func mapStrings(
    _ name: String, as newName: String? = nil, _ transform: (String) throws -> String?
  ) throws -> Column {
    let c = try column(name)
    guard c.type == .string || c.type == .categorical else {
      throw DataFrameError.wrongType(column: name, expected: "string", actual: c.type)
    }
    let text = c.textValues()
    var out = [String?](repeating: nil, count: text.count)
    for i in 0..<text.count where !c.isNull(i) { out[i] = try transform(text[i]) }
    return Column(newName ?? name, strings: out)
  }

  /// Element-wise arithmetic of two numeric columns (nulls propagate; division by zero
  /// gives ±inf or NaN as in pandas).
  ///
  /// pandas: `df[a] / df[b]`, `df[a] * df[b]`, ...
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-numeric
  ///   column.
  /// - Complexity: O(rows).
  public func combining(
    _ lhs: String, _ op: ArithmeticOperator, _ rhs: String, as name: String
  ) throws -> Column {
    let a = try column(lhs).numericWithNaN(for: op.rawValue)
    let b = try column(rhs).numericWithNaN(for: op.rawValue)
    let lhsColumn = try column(lhs)
    let rhsColumn = try column(rhs)
    var out = [Double?](repeating: nil, count: a.count)
    for i in 0..<a.count where !lhsColumn.isNull(i) && !rhsColumn.isNull(i) {
      switch op {
      case .add: out[i] = a[i] + b[i]
      case .subtract: out[i] = a[i] - b[i]
      case .multiply: out[i] = a[i] * b[i]
      case .divide: out[i] = a[i] / b[i]
      }
    }
    return Column(name, doubles: out)
  }

  /// Bins a numeric column by explicit edges into a categorical column of interval labels.
  ///
  /// pandas: `pd.cut(df[name], bins=edges, right=..., labels=..., include_lowest=...)`.
  /// Right-closed bins `(e[i], e[i+1]]` by default; values outside the edges or equal to the
  /// open end become null. Labels default to pandas' interval text, e.g. `(0.0, 5.0]`.
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-numeric
  ///   column; `DataFrameError.invalidArgument` if edges are fewer than 2, not strictly
  ///   increasing or not finite, or `labels` has the wrong count.
  /// - Complexity: O(rows · log(edges)).
  public func cut(
    _ name: String, edges: [Double], labels: [String]? = nil, right: Bool = true,
    includeLowest: Bool = false, as newName: String? = nil
  ) throws -> Column {
    let x = try column(name).numericWithNaN(for: "cut")
    try Binning.validate(edges: edges)
    let names = labels ?? Binning.labels(edges: edges, right: right)
    guard names.count == edges.count - 1 else {
      throw DataFrameError.invalidArgument(
        name: "labels", value: "\(names.count) labels", expected: "\(edges.count - 1) labels")
    }
    let codes = Binning.codes(x, edges: edges, right: right, includeLowest: includeLowest)
    return Column(newName ?? name, categories: codes.map { $0 >= 0 ? names[$0] : nil })
  }

  /// Bins a numeric column into `quantileCount` equal-frequency bins (edges at the sample
  /// quantiles, linear interpolation; the first bin includes its lower edge).
  ///
  /// pandas: `pd.qcut(df[name], q)`.
  ///
  /// - Returns: the categorical column and the edges.
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-numeric
  ///   column; `DataFrameError.invalidArgument` if `quantileCount < 1`, the column has no
  ///   non-null value, or two edges coincide (pandas raises too unless `duplicates="drop"`).
  /// - Complexity: O(rows · log rows).
  public func qcut(
    _ name: String, quantileCount: Int, labels: [String]? = nil, as newName: String? = nil
  ) throws -> (column: Column, edges: [Double]) {
    guard quantileCount >= 1 else {
      throw DataFrameError.invalidArgument(
        name: "quantileCount", value: "\(quantileCount)", expected: ">= 1")
    }
    let x = try column(name).numericWithNaN(for: "qcut")
    let present = x.filter { !$0.isNaN }.sorted()
    guard !present.isEmpty else {
      throw DataFrameError.invalidArgument(
        name: name, value: "all null", expected: "at least one value")
    }
    let edges = (0...quantileCount).map {
      Descriptive.sortedQuantile(present, Double($0) / Double(quantileCount))
    }
    let c = try cut(name, edges: edges, labels: labels, includeLowest: true, as: newName)
    return (c, edges)
  }
}

/// Arithmetic for ``DataFrame/combining(_:_:_:as:)``.
public enum ArithmeticOperator: String, Sendable, Hashable, CaseIterable {
  /// `lhs + rhs`.
  case add = "+"
  /// `lhs - rhs`.
  case subtract = "-"
  /// `lhs * rhs` (products, interactions).
  case multiply = "*"
  /// `lhs / rhs` (ratios).
  case divide = "/"
}

extension Binning {
  static func validate(edges: [Double]) throws {
    guard edges.count >= 2, edges.allSatisfy(\.isFinite) else {
      throw DataFrameError.invalidArgument(
        name: "edges", value: "\(edges)", expected: "at least 2 finite edges")
    }
    for i in 1..<edges.count where !(edges[i] > edges[i - 1]) {
      throw DataFrameError.invalidArgument(
        name: "edges", value: "\(edges)", expected: "strictly increasing edges")
    }
  }
}

// Pearson and Spearman correlation matrices, correlation with a target, outlier flags.

import LinearAlgebra

/// Correlation method for ``DataFrame/correlationMatrix(method:columns:)``.
///
/// pandas: the `method` argument of `DataFrame.corr`.
public enum CorrelationMethod: String, Sendable, Hashable, CaseIterable {
  /// Linear (Pearson) correlation.
  case pearson
  /// Rank (Spearman) correlation: Pearson on average ranks (ties share their mean rank).
  case spearman
}

/// A symmetric matrix of pairwise correlations with its column names.
public struct CorrelationMatrix: Sendable, Hashable {
  /// The columns, in the matrix's row/column order.
  public var columnNames: [String]
  /// `values[i, j]` is the correlation of columns i and j (NaN when undefined: a constant
  /// column or fewer than 2 complete pairs).
  public var values: Matrix

  /// The correlation of two named columns, or nil when a name is not in the matrix.
  ///
  /// - Complexity: O(columns).
  public func value(_ a: String, _ b: String) -> Double? {
    guard let i = columnNames.firstIndex(of: a), let j = columnNames.firstIndex(of: b) else {
      return nil
    }
    return values[i, j]
  }
}

/// How ``DataFrame/outliers(_:method:)`` flags values.
public enum OutlierMethod: Sendable, Hashable {
  /// `|x - mean| / std > threshold` (sample std, ddof 1); default threshold 3.
  case zScore(threshold: Double = 3)
  /// `x < Q1 - factor·IQR` or `x > Q3 + factor·IQR` (linear-interpolation quartiles);
  /// default factor 1.5 (Tukey's fences).
  case iqr(factor: Double = 1.5)
}

extension DataFrame {
  /// The numeric (double and int) column names, in order.
  var numericColumnNames: [String] {
    columns.filter { $0.type == .double || $0.type == .int }.map(\.name)
  }

  /// Pairwise correlations, each pair over the rows where both values are present.
  ///
  /// pandas: `df.corr(method=..., numeric_only=True)`; the diagonal is 1 except for a
  /// constant or all-null column (NaN), as in pandas.
  ///
  /// - Parameters:
  ///   - method: `.pearson` (default) or `.spearman`.
  ///   - names: the columns (numeric: double, int or bool); default every double and int
  ///     column.
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a listed
  ///   non-numeric column.
  /// - Complexity: O(columns² · rows) (Spearman adds a sort per pair with nulls).
  public func correlationMatrix(
    method: CorrelationMethod = .pearson, columns names: [String]? = nil
  )
    throws -> CorrelationMatrix
  {
    let names = names ?? numericColumnNames
    let data = try names.map { try column($0).numericWithNaN(for: "corr") }
    let k = names.count
    var m = Matrix(repeating: 0, rowCount: k, columnCount: k)
    let complete = data.map { !$0.contains(where: \.isNaN) }
    let ranks = data.enumerated().map { j, x in
      method == .spearman && complete[j] ? Descriptive.averageRanks(x) : []
    }
    for i in 0..<k {
      for j in i..<k {
        let r: Double
        if method == .spearman && complete[i] && complete[j] {
          r = Descriptive.pearson(ranks[i], ranks[j])
        } else {
          r = DataFrame.pairCorrelation(data[i], data[j], method: method)
        }
        m[i, j] = r
        m[j, i] = r
      }
    }
    return CorrelationMatrix(columnNames: names, values: m)
  }

  /// Correlation of each numeric column with `target`, over complete pairs.
  ///
  /// pandas: `df[cols].corrwith(df[target], method=...)`.
  ///
  /// - Parameters:
  ///   - target: a numeric column.
  ///   - method: `.pearson` (default) or `.spearman`.
  ///   - names: the columns; default every double and int column (the target included,
  ///     giving 1).
  /// - Returns: `(column, correlation)` pairs in column order.
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for non-numeric.
  /// - Complexity: O(columns · rows).
  public func correlations(
    with target: String, method: CorrelationMethod = .pearson, columns names: [String]? = nil
  ) throws -> [(column: String, correlation: Double)] {
    let y = try column(target).numericWithNaN(for: "corrwith")
    return try (names ?? numericColumnNames).map { name in
      let x = try column(name).numericWithNaN(for: "corrwith")
      return (name, DataFrame.pairCorrelation(x, y, method: method))
    }
  }

  /// Correlation of two NaN-marked vectors over their complete pairs.
  static func pairCorrelation(_ x: [Double], _ y: [Double], method: CorrelationMethod) -> Double {
    var a: [Double] = []
    var b: [Double] = []
    a.reserveCapacity(x.count)
    b.reserveCapacity(x.count)
    for i in 0..<min(x.count, y.count) where !x[i].isNaN && !y[i].isNaN {
      a.append(x[i])
      b.append(y[i])
    }
    switch method {
    case .pearson: return Descriptive.pearson(a, b)
    case .spearman: return Descriptive.spearman(a, b)
    }
  }

  /// Flags outlying values of a numeric column (nulls are never flagged).
  ///
  /// pandas idiom: `(s - s.mean()).abs() / s.std() > 3`, or Tukey's fences with
  /// `s.quantile([.25, .75])`.
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for non-numeric;
  ///   `DataFrameError.invalidArgument` for a negative or non-finite threshold/factor.
  /// - Complexity: O(rows · log rows) for `.iqr`, O(rows) for `.zScore`.
  public func outliers(_ name: String, method: OutlierMethod = .zScore()) throws -> [Bool] {
    let x = try column(name).numericWithNaN(for: "outliers")
    let present = x.filter { !$0.isNaN }
    switch method {
    case .zScore(let threshold):
      guard threshold >= 0, threshold.isFinite else {
        throw DataFrameError.invalidArgument(
          name: "threshold", value: "\(threshold)", expected: "a finite number >= 0")
      }
      let mean = Descriptive.mean(present)
      let std = Descriptive.std(present)
      guard std > 0 else { return [Bool](repeating: false, count: x.count) }
      return x.map { !$0.isNaN && abs($0 - mean) / std > threshold }
    case .iqr(let factor):
      guard factor >= 0, factor.isFinite else {
        throw DataFrameError.invalidArgument(
          name: "factor", value: "\(factor)", expected: "a finite number >= 0")
      }
      let sorted = present.sorted()
      let q1 = Descriptive.sortedQuantile(sorted, 0.25)
      let q3 = Descriptive.sortedQuantile(sorted, 0.75)
      let iqr = q3 - q1
      return x.map { !$0.isNaN && ($0 < q1 - factor * iqr || $0 > q3 + factor * iqr) }
    }
  }
}

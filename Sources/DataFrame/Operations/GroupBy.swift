// Hash group-by with aggregations (pandas `groupby(keys).agg(...)`).

/// An aggregation function for ``DataFrame/groupBy(_:aggregations:sortKeys:dropNullKeys:)-([String],_,_,_)``.
///
/// Raw values are pandas' spellings. Nulls are skipped, as in pandas.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable, Codable {
  /// Non-null values per group (int).
  case count
  /// Sum of non-null values (0 for an all-null group, as pandas).
  case sum
  /// Mean of non-null values (null for an all-null group).
  case mean
  /// Median (linear interpolation between the middle values).
  case median
  /// Smallest non-null value.
  case min
  /// Largest non-null value.
  case max
  /// Sample standard deviation, ddof 1 (null below 2 values).
  case std
  /// Distinct non-null values (int).
  case nunique
  /// First non-null value.
  case first
  /// Last non-null value.
  case last
}

/// One output column of a group-by: a function applied to a column.
///
/// pandas: one `(column, func)` pair of `agg({...})`; the output is named
/// `"<column>_<function>"` unless `name` is given (pandas would build a MultiIndex).
public struct Aggregation: Sendable, Hashable {
  /// The input column.
  public var column: String
  /// The function.
  public var function: AggregateFunction
  /// The output column name; default `"<column>_<function>"`.
  public var name: String

  /// Creates an aggregation.
  ///
  /// - Complexity: O(1).
  public init(_ column: String, _ function: AggregateFunction, as name: String? = nil) {
    self.column = column
    self.function = function
    self.name = name ?? "\(column)_\(function.rawValue)"
  }
}

extension DataFrame {
  /// Groups rows by the key columns and aggregates, one output row per group.
  ///
  /// pandas: `df.groupby(keys, sort=sortKeys, dropna=dropNullKeys).agg(...)` followed by
  /// `reset_index()`. Key columns come first, then one column per aggregation. `count` and
  /// `nunique` give int columns; `first`, `last`, `min` and `max` on a string/categorical
  /// column give strings; every other result is double.
  ///
  /// - Parameters:
  ///   - keys: grouping columns (at least one).
  ///   - aggregations: what to compute.
  ///   - sortKeys: order groups by key (nulls last); otherwise first appearance. Default true.
  ///   - dropNullKeys: drop rows whose key is null; otherwise nulls form a group. Default
  ///     true.
  /// - Throws: `DataFrameError.unknownColumn` for a missing key or input column;
  ///   `DataFrameError.wrongType` for a numeric function (`sum`, `mean`, `median`, `std`) on
  ///   a non-numeric column; `DataFrameError.invalidArgument` for empty `keys`;
  ///   `DataFrameError.duplicateColumn` for clashing output names.
  /// - Complexity: O(rows · (keys + aggregations)) expected for count/sum/mean/min/max/std/
  ///   first/last; median and nunique add a per-group sort.
  public func groupBy(
    _ keys: [String], aggregations: [Aggregation], sortKeys: Bool = true,
    dropNullKeys: Bool = true
  ) throws -> DataFrame {
    guard !keys.isEmpty else {
      throw DataFrameError.invalidArgument(name: "keys", value: "[]", expected: "key columns")
    }
    let keyColumns = try keys.map { try column($0) }
    var parts = keyColumns.map { $0.factorization(nullAsGroup: !dropNullKeys) }
    var groups = Factorize.combine(parts, rowCount: rowCount)
    if sortKeys && groups.groupCount > 1 {
      // Sort groups by their representative rows' keys.
      let sortKeysPerColumn = keyColumns.map {
        $0.gathering(groups.firstRow).sortKeys(ascending: true)
      }
      let order = SortPermutation.permutation(
        rowCount: groups.groupCount, keys: sortKeysPerColumn)
      groups = Factorize.relabel(groups, order: order)
    }
    parts = []
    var out: [Column] = keyColumns.map { $0.gathering(groups.firstRow) }
    var byGroup: (offsets: [Int], rows: [Int])?
    for agg in aggregations {
      let input = try column(agg.column)
      let result: Column
      switch agg.function {
      case .count, .sum, .mean, .std, .min, .max:
        let isText = input.type == .string || input.type == .categorical
        if !(isText && (agg.function == .min || agg.function == .max)) {
          result = try GroupKernels.streaming(
            input, groups: groups, function: agg.function, name: agg.name)
        } else {
          if byGroup == nil { byGroup = Factorize.rowsByGroup(groups) }
          result = try GroupKernels.perGroup(
            input, groups: groups, rows: byGroup ?? ([], []), function: agg.function,
            name: agg.name)
        }
      case .median, .nunique, .first, .last:
        if byGroup == nil { byGroup = Factorize.rowsByGroup(groups) }
        result = try GroupKernels.perGroup(
          input, groups: groups, rows: byGroup ?? ([], []), function: agg.function,
          name: agg.name)
      }
      out.append(result)
    }
    return try DataFrame(out)
  }

  /// Groups by one key column; see ``groupBy(_:aggregations:sortKeys:dropNullKeys:)-([String],_,_,_)``.
  ///
  /// - Throws: as the general form.
  /// - Complexity: as the general form.
  public func groupBy(
    _ key: String, aggregations: [Aggregation], sortKeys: Bool = true, dropNullKeys: Bool = true
  ) throws -> DataFrame {
    try groupBy(
      [key], aggregations: aggregations, sortKeys: sortKeys, dropNullKeys: dropNullKeys)
  }
}

/// Group-by kernels over factorized groups.
enum GroupKernels {
  /// One pass over the rows for count, sum, mean, min, max and std (std via a second pass).
  static func streaming(
    _ input: Column, groups: Factorization, function: AggregateFunction, name: String
  ) throws -> Column {
    let g = groups.groupCount
    let codes = groups.codes
    if function == .count {
      var counts = [Int](repeating: 0, count: g)
      for i in 0..<codes.count where codes[i] >= 0 && !input.isNull(i) { counts[codes[i]] += 1 }
      return Column(name, ints: counts)
    }
    let x = try input.numericWithNaN(for: function.rawValue)
    var counts = [Int](repeating: 0, count: g)
    var acc = [Double](
      repeating: function == .min ? .infinity : function == .max ? -.infinity : 0,
      count: g)
    x.withUnsafeBufferPointer { xv in
      codes.withUnsafeBufferPointer { cv in
        counts.withUnsafeMutableBufferPointer { cnt in
          acc.withUnsafeMutableBufferPointer { a in
            switch function {
            case .min:
              for i in 0..<xv.count {
                let c = cv[i]
                let v = xv[i]
                if c >= 0 && !v.isNaN {
                  cnt[c] += 1
                  if v < a[c] { a[c] = v }
                }
              }
            case .max:
              for i in 0..<xv.count {
                let c = cv[i]
                let v = xv[i]
                if c >= 0 && !v.isNaN {
                  cnt[c] += 1
                  if v > a[c] { a[c] = v }
                }
              }
            default:
              for i in 0..<xv.count {
                let c = cv[i]
                let v = xv[i]
                if c >= 0 && !v.isNaN {
                  cnt[c] += 1
                  a[c] += v
                }
              }
            }
          }
        }
      }
    }
    switch function {
    case .sum:
      return Column(name, doubles: acc)
    case .min, .max:
      return Column(name, doubles: (0..<g).map { counts[$0] > 0 ? acc[$0] : nil })
    case .mean:
      return Column(
        name, doubles: (0..<g).map { counts[$0] > 0 ? acc[$0] / Double(counts[$0]) : nil })
    default:
      // std: second pass around each group's mean.
      let means = (0..<g).map { counts[$0] > 0 ? acc[$0] / Double(counts[$0]) : 0 }
      var ss = [Double](repeating: 0, count: g)
      for i in 0..<x.count where codes[i] >= 0 && !x[i].isNaN {
        let d = x[i] - means[codes[i]]
        ss[codes[i]] += d * d
      }
      return Column(
        name,
        doubles: (0..<g).map {
          counts[$0] > 1 ? (ss[$0] / Double(counts[$0] - 1)).squareRoot() : nil
        })
    }
  }

  /// Functions that need each group's rows together.
  static func perGroup(
    _ input: Column, groups: Factorization, rows: (offsets: [Int], rows: [Int]),
    function: AggregateFunction, name: String
  ) throws -> Column {
    let g = groups.groupCount
    let isText = input.type == .string || input.type == .categorical
    switch function {
    case .nunique:
      let f = input.factorization(nullAsGroup: false)
      var out = [Int](repeating: 0, count: g)
      var seen = Set<Int>()
      for k in 0..<g {
        seen.removeAll(keepingCapacity: true)
        for r in rows.rows[rows.offsets[k]..<rows.offsets[k + 1]] where f.codes[r] >= 0 {
          seen.insert(f.codes[r])
        }
        out[k] = seen.count
      }
      return Column(name, ints: out)
    case .first, .last, .min, .max:
      var picked = [Int?](repeating: nil, count: g)
      let text = isText ? input.textValues() : []
      for k in 0..<g {
        let slice = rows.rows[rows.offsets[k]..<rows.offsets[k + 1]].filter { !input.isNull($0) }
        switch function {
        case .first: picked[k] = slice.first
        case .last: picked[k] = slice.last
        case .min: picked[k] = slice.min { text[$0] < text[$1] }
        default: picked[k] = slice.max { text[$0] < text[$1] }
        }
      }
      return input.gathering(optional: picked).renamed(name)
    case .median:
      let x = try input.numericWithNaN(for: "median")
      var out = [Double?](repeating: nil, count: g)
      var buffer: [Double] = []
      for k in 0..<g {
        buffer.removeAll(keepingCapacity: true)
        for r in rows.rows[rows.offsets[k]..<rows.offsets[k + 1]] where !x[r].isNaN {
          buffer.append(x[r])
        }
        if !buffer.isEmpty {
          buffer.sort()
          out[k] = Descriptive.sortedQuantile(buffer, 0.5)
        }
      }
      return Column(name, doubles: out)
    default:
      throw DataFrameError.wrongType(
        column: input.name, expected: "numeric (double, int or bool)", actual: input.type)
    }
  }
}

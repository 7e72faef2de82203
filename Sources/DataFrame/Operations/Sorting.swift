// Stable multi-key sorting with nulls last.

extension DataFrame {
  /// The rows sorted by one or more columns, stable, nulls last.
  ///
  /// pandas: `df.sort_values(by, ascending=..., kind="stable", na_position="last")`. Strings
  /// compare by Unicode scalars (Python's order); categorical columns by their level text;
  /// booleans false < true; dates by time.
  ///
  /// - Parameters:
  ///   - names: the sort keys, most significant first.
  ///   - ascending: one flag per key, or one flag for all keys (default: all ascending).
  /// - Throws: `DataFrameError.unknownColumn` for a name the frame lacks;
  ///   `DataFrameError.invalidArgument` when `ascending` has neither 1 nor `names.count` flags
  ///   or `names` is empty.
  /// - Complexity: O(rows · keys) with an LSD radix sort, plus O(rows · columns) to gather
  ///   (string keys add O(u log u) for u distinct strings).
  public func sorted(by names: [String], ascending: [Bool] = [true]) throws -> DataFrame {
    gatheringRows(try sortPermutation(by: names, ascending: ascending))
  }

  /// The rows sorted by one column; see ``sorted(by:ascending:)-(_,[Bool])``.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a name the frame lacks.
  /// - Complexity: O(rows · columns).
  public func sorted(by name: String, ascending: Bool = true) throws -> DataFrame {
    try sorted(by: [name], ascending: [ascending])
  }

  /// The row order that ``sorted(by:ascending:)-(_,[Bool])`` applies (pandas `argsort` of the keys).
  ///
  /// - Throws: as ``sorted(by:ascending:)-(_,[Bool])``.
  /// - Complexity: O(rows · keys).
  public func sortPermutation(by names: [String], ascending: [Bool] = [true]) throws -> [Int] {
    guard !names.isEmpty else {
      throw DataFrameError.invalidArgument(
        name: "by", value: "[]", expected: "at least one column name")
    }
    guard ascending.count == 1 || ascending.count == names.count else {
      throw DataFrameError.invalidArgument(
        name: "ascending", value: "\(ascending.count) flags",
        expected: "1 or \(names.count) flags")
    }
    var keys: [[UInt64]] = []
    for (k, name) in names.enumerated() {
      let column = try column(name)
      keys.append(column.sortKeys(ascending: ascending.count == 1 ? ascending[0] : ascending[k]))
    }
    return SortPermutation.permutation(rowCount: rowCount, keys: keys)
  }
}

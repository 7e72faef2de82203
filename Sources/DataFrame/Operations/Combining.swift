// Concatenation and joins (pandas `concat` and `merge`).

extension DataFrame {
  /// Stacks frames vertically. Every frame must have the same column names (in any order;
  /// the first frame's order wins) and matching types; an int column meeting a double column
  /// becomes double, as in pandas.
  ///
  /// pandas: `pd.concat(frames, ignore_index=True)` with identical columns.
  ///
  /// - Throws: `DataFrameError.unknownColumn` if a frame lacks one of the first frame's
  ///   columns, `DataFrameError.lengthMismatch` if a frame has extra columns,
  ///   `DataFrameError.wrongType` if the types of a column disagree.
  /// - Complexity: O(total rows · columns).
  public static func concatenatingRows(_ frames: [DataFrame]) throws -> DataFrame {
    guard let first = frames.first else { return DataFrame() }
    var out: [Column] = []
    for template in first.columns {
      var parts: [Column] = []
      for frame in frames {
        guard frame.columnCount == first.columnCount else {
          throw DataFrameError.lengthMismatch(
            column: "columns", expected: first.columnCount, got: frame.columnCount)
        }
        parts.append(try frame.column(template.name))
      }
      out.append(try Column.concatenating(parts, name: template.name))
    }
    return try DataFrame(out)
  }

  /// Places frames side by side.
  ///
  /// pandas: `pd.concat(frames, axis=1)` on frames with the same default index.
  ///
  /// - Throws: `DataFrameError.lengthMismatch` if row counts differ;
  ///   `DataFrameError.duplicateColumn` if a name repeats.
  /// - Complexity: O(total columns).
  public static func concatenatingColumns(_ frames: [DataFrame]) throws -> DataFrame {
    try DataFrame(frames.flatMap(\.columns))
  }

  /// How ``joined(with:on:how:suffixes:)`` keeps rows.
  public enum JoinKind: String, Sendable, Hashable, CaseIterable {
    /// Rows whose key appears on both sides (pandas `how="inner"`).
    case inner
    /// Every left row; right columns null where no match (pandas `how="left"`).
    case left
  }

  /// Joins this frame with `other` on equal key columns.
  ///
  /// pandas: `left.merge(right, on=keys, how=..., suffixes=("_x", "_y"))`. Row order follows
  /// pandas: left rows in their order, each followed by its matches in right order (for
  /// `inner` too). Null keys never match (pandas would match NaN to NaN; SQL and this
  /// library do not). Non-key columns present on both sides get the suffixes.
  ///
  /// - Parameters:
  ///   - other: the right frame.
  ///   - keys: key columns present in both frames.
  ///   - how: `.inner` (default) or `.left`.
  ///   - suffixes: appended to clashing non-key names; default `("_x", "_y")`.
  /// - Throws: `DataFrameError.unknownColumn` for a key missing on either side;
  ///   `DataFrameError.invalidArgument` if `keys` is empty; `DataFrameError.duplicateColumn`
  ///   if suffixing still leaves a clash.
  /// - Complexity: O(left + right + output rows) expected (hash join).
  public func joined(
    with other: DataFrame, on keys: [String], how: JoinKind = .inner,
    suffixes: (String, String) = ("_x", "_y")
  ) throws -> DataFrame {
    guard !keys.isEmpty else {
      throw DataFrameError.invalidArgument(name: "on", value: "[]", expected: "key columns")
    }
    let leftKeys = try keys.map { try column($0) }
    let rightKeys = try keys.map { try other.column($0) }
    // Factorize each key on the concatenation of both sides so equal values share codes.
    var parts: [Factorization] = []
    for (l, r) in zip(leftKeys, rightKeys) {
      parts.append(try Column.jointFactorization(l, r))
    }
    let total = rowCount + other.rowCount
    let combined = Factorize.combine(parts, rowCount: total)
    // Right rows per code, in right order.
    var rightByCode = [[Int]](repeating: [], count: combined.groupCount)
    for j in 0..<other.rowCount {
      let c = combined.codes[rowCount + j]
      if c >= 0 { rightByCode[c].append(j) }
    }
    var leftRows: [Int] = []
    var rightRows: [Int?] = []
    for i in 0..<rowCount {
      let c = combined.codes[i]
      let matches = c >= 0 ? rightByCode[c] : []
      if matches.isEmpty {
        if how == .left {
          leftRows.append(i)
          rightRows.append(nil)
        }
      } else {
        for j in matches {
          leftRows.append(i)
          rightRows.append(j)
        }
      }
    }
    let keySet = Set(keys)
    let leftNames = Set(columnNames)
    let rightNames = Set(other.columnNames)
    var out: [Column] = []
    for c in columns {
      var taken = c.gathering(leftRows)
      if !keySet.contains(c.name) && rightNames.contains(c.name) {
        taken = taken.renamed(c.name + suffixes.0)
      }
      out.append(taken)
    }
    for c in other.columns where !keySet.contains(c.name) {
      var taken = c.gathering(optional: rightRows)
      if leftNames.contains(c.name) { taken = taken.renamed(c.name + suffixes.1) }
      out.append(taken)
    }
    return try DataFrame(out)
  }
}

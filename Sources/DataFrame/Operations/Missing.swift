// Null handling: counts, fillNA, dropNA, duplicates.

/// How ``DataFrame/fillingNulls(_:columns:)`` replaces nulls.
///
/// pandas: `fillna(value)`, `fillna(df.mean())`, `fillna(df.median())`,
/// `fillna(df.mode().iloc[0])`, `ffill()`, `bfill()`.
public enum FillStrategy: Sendable, Hashable {
  /// A number (numeric columns; an int column stays int when the value is whole).
  case value(Double)
  /// A string (string and categorical columns).
  case text(String)
  /// The column's mean (numeric columns; an int column becomes double).
  case mean
  /// The column's median (numeric columns; an int column becomes double).
  case median
  /// The most frequent value; ties go to the smallest value, as pandas `mode()[0]`.
  case mode
  /// The previous non-null value (leading nulls stay null).
  case forward
  /// The next non-null value (trailing nulls stay null).
  case backward
}

/// When ``DataFrame/droppingNulls(how:subset:)`` drops a row.
public enum DropNullsRule: String, Sendable, Hashable, CaseIterable {
  /// Any of the considered values is null (pandas `how="any"`, the default).
  case any
  /// All considered values are null (pandas `how="all"`).
  case all
}

/// Which occurrence of a repeated row is *not* flagged by ``DataFrame/duplicated(subset:keep:)``.
public enum DuplicateKeep: String, Sendable, Hashable, CaseIterable {
  /// Keep the first occurrence (pandas `keep="first"`, default).
  case first
  /// Keep the last occurrence (pandas `keep="last"`).
  case last
  /// Flag every occurrence (pandas `keep=False`).
  case none
}

extension DataFrame {
  /// Null count per column, in column order.
  ///
  /// pandas: `df.isna().sum()`.
  ///
  /// - Complexity: O(columns) (the counts are stored).
  public func nullCounts() -> [(column: String, count: Int)] {
    columns.map { ($0.name, $0.nullCount) }
  }

  /// Null count per row.
  ///
  /// pandas: `df.isna().sum(axis=1)`.
  ///
  /// - Complexity: O(rows · columns).
  public func rowNullCounts() -> [Int] {
    var out = [Int](repeating: 0, count: rowCount)
    for c in columns where c.nullCount > 0 {
      for i in 0..<rowCount where c.isNull(i) { out[i] += 1 }
    }
    return out
  }

  /// The frame with nulls replaced in the given columns (default: every column the strategy
  /// applies to; `.value` skips non-numeric columns and `.text` non-text ones, as pandas
  /// leaves columns of another type alone only when asked per column).
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a missing name; `DataFrameError.wrongType`
  ///   when a listed column cannot take the strategy (e.g. `.mean` on strings).
  /// - Complexity: O(rows) per filled column (`.median`/`.mode` add a sort/hash).
  public func fillingNulls(_ strategy: FillStrategy, columns names: [String]? = nil) throws
    -> DataFrame
  {
    var out = self
    let targets = try (names ?? columnNames).map { try column($0) }
    for c in targets where c.nullCount > 0 {
      let numeric = c.type == .double || c.type == .int
      let text = c.type == .string || c.type == .categorical
      if names == nil {
        switch strategy {
        case .value, .mean, .median: if !numeric { continue }
        case .text: if !text { continue }
        default: break
        }
      }
      try out.setColumn(try c.fillingNulls(strategy))
    }
    return out
  }

  /// The rows without nulls (`.any`) or not entirely null (`.all`) over `subset` (default:
  /// all columns).
  ///
  /// pandas: `df.dropna(how=..., subset=...)`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a missing subset name.
  /// - Complexity: O(rows · columns).
  public func droppingNulls(how: DropNullsRule = .any, subset: [String]? = nil) throws
    -> DataFrame
  {
    let considered = try (subset ?? columnNames).map { try column($0) }
    var keep = [Bool](repeating: true, count: rowCount)
    if !considered.isEmpty {
      for i in 0..<rowCount {
        var nulls = 0
        for c in considered where c.isNull(i) { nulls += 1 }
        keep[i] = how == .any ? nulls == 0 : nulls < considered.count
      }
    }
    return try filter(keep)
  }

  /// Flags rows equal to an earlier (`.first`), later (`.last`) or any other (`.none`) row
  /// over `subset` (default: all columns). Nulls compare equal to nulls, as in pandas.
  ///
  /// pandas: `df.duplicated(subset=..., keep=...)`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a missing subset name.
  /// - Complexity: O(rows · columns) expected (rows are hashed through per-column codes).
  public func duplicated(subset: [String]? = nil, keep: DuplicateKeep = .first) throws
    -> [Bool]
  {
    let considered = try (subset ?? columnNames).map { try column($0) }
    guard rowCount > 0 else { return [] }
    let groups = Factorize.combine(
      considered.map { $0.factorization(nullAsGroup: true) }, rowCount: rowCount)
    var seenCount = [Int](repeating: 0, count: groups.groupCount)
    for c in groups.codes { seenCount[c] += 1 }
    var flags = [Bool](repeating: false, count: rowCount)
    switch keep {
    case .none:
      for i in 0..<rowCount { flags[i] = seenCount[groups.codes[i]] > 1 }
    case .first:
      var seen = [Bool](repeating: false, count: groups.groupCount)
      for i in 0..<rowCount {
        let c = groups.codes[i]
        flags[i] = seen[c]
        seen[c] = true
      }
    case .last:
      var seen = [Bool](repeating: false, count: groups.groupCount)
      for i in stride(from: rowCount - 1, through: 0, by: -1) {
        let c = groups.codes[i]
        flags[i] = seen[c]
        seen[c] = true
      }
    }
    return flags
  }

  /// The frame without duplicated rows; see ``duplicated(subset:keep:)``.
  ///
  /// pandas: `df.drop_duplicates(subset=..., keep=...)`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a missing subset name.
  /// - Complexity: O(rows · columns) expected.
  public func droppingDuplicates(subset: [String]? = nil, keep: DuplicateKeep = .first) throws
    -> DataFrame
  {
    try filter(try duplicated(subset: subset, keep: keep).map { !$0 })
  }
}

// Storage of a column (for code inside the module):
//
// - `storage: Column.Storage` holds one contiguous array per type:
//     .double([Double])                          Double columns
//     .int([Int])                                Int columns
//     .string([String])                          String columns
//     .categorical(codes: [Int32], levels: [String])
//                                                dictionary-encoded strings; `levels` sorted
//                                                ascending and unique, `codes[i]` indexes
//                                                `levels` (-1 for a null row)
//     .bool([Bool])                              Bool columns
//     .date([Double])                            seconds since 1970-01-01T00:00:00Z
// - `nulls: NullMask?` is nil when the column has no nulls; otherwise bit `i` (of packed
//   `[UInt64]` words) is set when row `i` is null. Null slots hold a placeholder: 0, 0, "",
//   code -1, false, 0 (doubles hold NaN). A NaN in a double column that is *not* null is a
//   value ("NaN"), distinct from a null ("<null>").
// - Build columns with `Column(name:storage:nulls:)`; it never validates, so keep the
//   invariants (same count, placeholders) yourself. `NullMask.make(count:isNull:)` builds a
//   mask and returns nil when nothing is null.

import Foundation

/// The element type of a ``Column``.
///
/// pandas: the `dtype` of a `Series` (`float64`, `int64`, `object`, `category`, `bool`,
/// `datetime64[ns]`).
public enum ColumnType: String, Sendable, Hashable, Codable, CaseIterable {
  /// 64-bit floating point (`float64`).
  case double
  /// 64-bit signed integer (`int64`; nullable like pandas' `Int64`).
  case int
  /// Text (`object`/`string`).
  case string
  /// Dictionary-encoded text: sorted levels and 32-bit codes (`category`).
  case categorical
  /// Booleans (`bool`; nullable like pandas' `boolean`).
  case bool
  /// Instants, stored as seconds since 1970 (`datetime64`).
  case date
}

/// A bit-packed set of null rows: bit `i` is set when row `i` is null.
///
/// Module-internal storage of ``Column``.
struct NullMask: Sendable, Hashable {
  /// The packed bits, 64 rows per word.
  private(set) var words: [UInt64]
  /// The number of rows covered.
  let count: Int
  /// The number of set bits (null rows).
  private(set) var nullCount: Int

  /// A mask over packed words (bits beyond `count` must be clear).
  init(words: [UInt64], count: Int, nullCount: Int) {
    var words = words
    let needed = (count + 63) >> 6
    if words.count < needed { words += [UInt64](repeating: 0, count: needed - words.count) }
    if words.count > needed { words.removeLast(words.count - needed) }
    self.words = words
    self.count = count
    self.nullCount = nullCount
  }

  /// A mask of `count` non-null rows.
  init(count: Int) {
    self.words = [UInt64](repeating: 0, count: (count + 63) >> 6)
    self.count = count
    self.nullCount = 0
  }

  /// Whether row `i` is null; `false` outside `0..<count`.
  @inline(__always)
  subscript(i: Int) -> Bool {
    guard i >= 0 && i < count else { return false }
    return (words[i >> 6] >> UInt64(i & 63)) & 1 == 1
  }

  /// Marks row `i` as null (no-op outside the range or when already null).
  @inline(__always)
  mutating func setNull(_ i: Int) {
    guard i >= 0 && i < count else { return }
    let bit = UInt64(1) << UInt64(i & 63)
    if words[i >> 6] & bit == 0 {
      words[i >> 6] |= bit
      nullCount += 1
    }
  }

  /// A mask from per-row flags, or nil when no flag is set.
  static func make(count: Int, isNull: (Int) -> Bool) -> NullMask? {
    var mask = NullMask(count: count)
    for i in 0..<count where isNull(i) { mask.setNull(i) }
    return mask.nullCount == 0 ? nil : mask
  }
}

/// A named, typed, nullable column of a ``DataFrame``.
///
/// Values live in one contiguous array of the column's type; nulls are tracked in a separate
/// bit mask, so a null differs from a `NaN` in a double column. pandas: `pandas.Series`
/// (with nullable dtypes). Typed accessors (``doubles()``, ``ints()``, ...) throw
/// `DataFrameError.wrongType` when the column holds another type.
///
///     let c = Column("age", ints: [31, nil, 45])
///     c.nullCount          // 1
///     try c.ints()         // [31, nil, 45]
public struct Column: Sendable, Hashable {
  /// Typed contiguous storage; see the comment at the top of `Column.swift`.
  enum Storage: Sendable, Hashable {
    case double([Double])
    case int([Int])
    case string([String])
    case categorical(codes: [Int32], levels: [String])
    case bool([Bool])
    case date([Double])

    static func == (lhs: Storage, rhs: Storage) -> Bool {
      switch (lhs, rhs) {
      case let (.double(a), .double(b)), let (.date(a), .date(b)):
        return sameDoubles(a, b)
      case let (.int(a), .int(b)): return a == b
      case let (.string(a), .string(b)): return a == b
      case let (.categorical(ca, la), .categorical(cb, lb)): return ca == cb && la == lb
      case let (.bool(a), .bool(b)): return a == b
      default: return false
      }
    }

    func hash(into hasher: inout Hasher) {
      switch self {
      case let .double(v):
        hasher.combine(0)
        for x in v { hasher.combine(x.isNaN ? Double.nan.bitPattern : (x + 0).bitPattern) }
      case let .date(v):
        hasher.combine(5)
        for x in v { hasher.combine(x.isNaN ? Double.nan.bitPattern : (x + 0).bitPattern) }
      case let .int(v):
        hasher.combine(1)
        hasher.combine(v)
      case let .string(v):
        hasher.combine(2)
        hasher.combine(v)
      case let .categorical(c, l):
        hasher.combine(3)
        hasher.combine(c)
        hasher.combine(l)
      case let .bool(v):
        hasher.combine(4)
        hasher.combine(v)
      }
    }

    /// Element-wise equality where NaN equals NaN (so frames with NaN compare equal).
    private static func sameDoubles(_ a: [Double], _ b: [Double]) -> Bool {
      guard a.count == b.count else { return false }
      for i in a.indices where !(a[i] == b[i] || (a[i].isNaN && b[i].isNaN)) { return false }
      return true
    }
  }

  /// The column's name.
  public var name: String
  /// Typed values (placeholders at null rows).
  var storage: Storage
  /// Null rows, or nil when none.
  var nulls: NullMask?

  /// Wraps storage without validation (module-internal).
  init(name: String, storage: Storage, nulls: NullMask?) {
    self.name = name
    self.storage = storage
    self.nulls = nulls
  }

  /// The element type.
  public var type: ColumnType {
    switch storage {
    case .double: return .double
    case .int: return .int
    case .string: return .string
    case .categorical: return .categorical
    case .bool: return .bool
    case .date: return .date
    }
  }

  /// The number of rows.
  public var count: Int {
    switch storage {
    case let .double(v): return v.count
    case let .int(v): return v.count
    case let .string(v): return v.count
    case let .categorical(codes, _): return codes.count
    case let .bool(v): return v.count
    case let .date(v): return v.count
    }
  }

  /// The number of null rows (a `NaN` value in a double column is not null).
  ///
  /// pandas: `series.isna().sum()` with nullable dtypes.
  /// - Complexity: O(1).
  public var nullCount: Int { nulls?.nullCount ?? 0 }

  /// Whether row `row` is null.
  ///
  /// Never traps: a row outside `0..<count` reports `false` (there is no null there); use
  /// ``checkedIsNull(_:)`` to get an error instead. pandas: `series.isna()[row]`.
  /// - Complexity: O(1).
  @inline(__always)
  public func isNull(_ row: Int) -> Bool {
    guard let nulls else { return false }
    return nulls[row]
  }

  /// Whether row `row` is null, throwing for a row outside the column.
  ///
  /// - Throws: `DataFrameError.rowOutOfRange` if `row` is not in `0..<count`.
  /// - Complexity: O(1).
  public func checkedIsNull(_ row: Int) throws -> Bool {
    guard row >= 0 && row < count else {
      throw DataFrameError.rowOutOfRange(row: row, count: count)
    }
    return isNull(row)
  }

  // MARK: Initialisers

  /// A double column; `nil` entries are nulls (NaN entries stay NaN values).
  ///
  /// pandas: `pd.Series(values, dtype="Float64")`.
  /// - Complexity: O(n).
  public init(_ name: String, doubles: [Double?]) {
    let mask = NullMask.make(count: doubles.count) { doubles[$0] == nil }
    self.init(name: name, storage: .double(doubles.map { $0 ?? .nan }), nulls: mask)
  }

  /// A double column without nulls.
  ///
  /// pandas: `pd.Series(values, dtype="float64")`.
  /// - Complexity: O(1) (the array is shared).
  public init(_ name: String, doubles: [Double]) {
    self.init(name: name, storage: .double(doubles), nulls: nil)
  }

  /// An int column; `nil` entries are nulls.
  ///
  /// pandas: `pd.Series(values, dtype="Int64")`.
  /// - Complexity: O(n).
  public init(_ name: String, ints: [Int?]) {
    let mask = NullMask.make(count: ints.count) { ints[$0] == nil }
    self.init(name: name, storage: .int(ints.map { $0 ?? 0 }), nulls: mask)
  }

  /// An int column without nulls.
  ///
  /// pandas: `pd.Series(values, dtype="int64")`.
  /// - Complexity: O(1).
  public init(_ name: String, ints: [Int]) {
    self.init(name: name, storage: .int(ints), nulls: nil)
  }

  /// A string column; `nil` entries are nulls.
  ///
  /// pandas: `pd.Series(values, dtype=object)`.
  /// - Complexity: O(n).
  public init(_ name: String, strings: [String?]) {
    let mask = NullMask.make(count: strings.count) { strings[$0] == nil }
    self.init(name: name, storage: .string(strings.map { $0 ?? "" }), nulls: mask)
  }

  /// A string column without nulls.
  ///
  /// - Complexity: O(1).
  public init(_ name: String, strings: [String]) {
    self.init(name: name, storage: .string(strings), nulls: nil)
  }

  /// A dictionary-encoded (categorical) column: sorted unique levels and 32-bit codes.
  ///
  /// pandas: `pd.Series(values, dtype="category")` (levels are `cat.categories`, sorted).
  /// - Complexity: O(n log k) for k levels.
  public init(_ name: String, categories: [String?]) {
    let levels = Array(Set(categories.compactMap { $0 })).sorted()
    var lookup: [String: Int32] = [:]
    lookup.reserveCapacity(levels.count)
    for (i, level) in levels.enumerated() { lookup[level] = Int32(truncatingIfNeeded: i) }
    let codes = categories.map { value -> Int32 in value.flatMap { lookup[$0] } ?? -1 }
    let mask = NullMask.make(count: categories.count) { categories[$0] == nil }
    self.init(name: name, storage: .categorical(codes: codes, levels: levels), nulls: mask)
  }

  /// A bool column; `nil` entries are nulls.
  ///
  /// pandas: `pd.Series(values, dtype="boolean")`.
  /// - Complexity: O(n).
  public init(_ name: String, bools: [Bool?]) {
    let mask = NullMask.make(count: bools.count) { bools[$0] == nil }
    self.init(name: name, storage: .bool(bools.map { $0 ?? false }), nulls: mask)
  }

  /// A date column stored as seconds since 1970; `nil` entries are nulls.
  ///
  /// pandas: `pd.Series(values, dtype="datetime64[ns]")` (`NaT` for nulls).
  /// - Complexity: O(n).
  public init(_ name: String, dates: [Date?]) {
    let mask = NullMask.make(count: dates.count) { dates[$0] == nil }
    self.init(
      name: name, storage: .date(dates.map { $0?.timeIntervalSince1970 ?? 0 }), nulls: mask)
  }

  // MARK: Typed access

  /// The values of a double column, `nil` at null rows.
  ///
  /// pandas: `series.to_list()` on a float column.
  /// - Throws: `DataFrameError.wrongType` unless the column is `.double`.
  /// - Complexity: O(n).
  public func doubles() throws -> [Double?] {
    guard case let .double(v) = storage else { throw wrongType("double") }
    return optionals(v)
  }

  /// The values of an int column, `nil` at null rows.
  ///
  /// - Throws: `DataFrameError.wrongType` unless the column is `.int`.
  /// - Complexity: O(n).
  public func ints() throws -> [Int?] {
    guard case let .int(v) = storage else { throw wrongType("int") }
    return optionals(v)
  }

  /// The values of a string or categorical column, `nil` at null rows.
  ///
  /// - Throws: `DataFrameError.wrongType` unless the column is `.string` or `.categorical`.
  /// - Complexity: O(n).
  public func strings() throws -> [String?] {
    switch storage {
    case let .string(v): return optionals(v)
    case let .categorical(codes, levels):
      return codes.map { code in
        code >= 0 && Int(code) < levels.count ? levels[Int(code)] : nil
      }
    default: throw wrongType("string")
    }
  }

  /// The text of a string or categorical column as stored, with per-row null flags: no
  /// optionals are built, for code that scans every cell (encoders).
  ///
  /// - Returns: `values` (an empty string at null rows) and `isNull` (`nil` when the column has
  ///   no nulls). A string column's stored array is shared, not copied.
  /// - Throws: `DataFrameError.wrongType` unless the column is `.string` or `.categorical`.
  /// - Complexity: O(1) for a string column without nulls, O(n) otherwise.
  public func stringValues() throws -> (values: [String], isNull: [Bool]?) {
    let flags = nulls.map { mask in (0..<count).map { mask[$0] } }
    switch storage {
    case let .string(v): return (v, flags)
    case let .categorical(codes, levels):
      let values = codes.map { c in c >= 0 && Int(c) < levels.count ? levels[Int(c)] : "" }
      return (values, flags ?? (codes.contains { $0 < 0 } ? codes.map { $0 < 0 } : nil))
    default: throw wrongType("string")
    }
  }

  /// The values of a bool column, `nil` at null rows.
  ///
  /// - Throws: `DataFrameError.wrongType` unless the column is `.bool`.
  /// - Complexity: O(n).
  public func bools() throws -> [Bool?] {
    guard case let .bool(v) = storage else { throw wrongType("bool") }
    return optionals(v)
  }

  /// The values of a date column, `nil` at null rows.
  ///
  /// - Throws: `DataFrameError.wrongType` unless the column is `.date`.
  /// - Complexity: O(n).
  public func dates() throws -> [Date?] {
    guard case let .date(v) = storage else { throw wrongType("date") }
    var out = [Date?](repeating: nil, count: v.count)
    for i in v.indices where !isNull(i) { out[i] = Date(timeIntervalSince1970: v[i]) }
    return out
  }

  /// The values of a numeric column as doubles: double, int, and bool (0/1); `nil` at nulls.
  ///
  /// pandas: `series.astype("float64")` on a numeric series.
  /// - Throws: `DataFrameError.wrongType` for string, categorical and date columns.
  /// - Complexity: O(n).
  public func numericValues() throws -> [Double?] {
    switch storage {
    case let .double(v): return optionals(v)
    case let .int(v): return optionals(v.map(Double.init))
    case let .bool(v): return optionals(v.map { $0 ? 1.0 : 0.0 })
    default: throw wrongType("numeric (double, int or bool)")
    }
  }

  /// Whether the column is double, int or bool (convertible by ``numericValues()``).
  public var isNumeric: Bool {
    switch storage {
    case .double, .int, .bool: return true
    default: return false
    }
  }

  /// The values as doubles with nulls as NaN (numeric columns only), without optionals.
  ///
  /// - Throws: `DataFrameError.wrongType` for string, categorical and date columns.
  /// - Complexity: O(n).
  func numericStorage() throws -> [Double] {
    var out: [Double]
    switch storage {
    case let .double(v): out = v
    case let .int(v): out = v.map(Double.init)
    case let .bool(v): out = v.map { $0 ? 1.0 : 0.0 }
    default: throw wrongType("numeric (double, int or bool)")
    }
    if let nulls {
      for i in 0..<out.count where nulls[i] { out[i] = .nan }
    }
    return out
  }

  private func optionals<T>(_ v: [T]) -> [T?] {
    guard let nulls else { return v.map { $0 } }
    var out = [T?](repeating: nil, count: v.count)
    for i in v.indices where !nulls[i] { out[i] = v[i] }
    return out
  }

  private func wrongType(_ expected: String) -> DataFrameError {
    .wrongType(column: name, expected: expected, actual: type)
  }
}

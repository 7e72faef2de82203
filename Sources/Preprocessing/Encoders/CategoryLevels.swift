import DataFrame
import Dispatch
import LinearAlgebra
import SwiftLearnCore

/// The text cells of one column as stored, with null flags (`nil` when nothing is null).
struct TextValues {
  let values: [String]
  let isNull: [Bool]?

  /// Reads a string or categorical column without building optionals.
  init(_ column: Column) throws {
    (values, isNull) = try column.stringValues()
  }

  var count: Int { values.count }

  /// Whether row `i` is missing.
  @inline(__always)
  func isMissing(_ i: Int) -> Bool { isNull.map { $0[i] } ?? false }

  /// Row `i`, `nil` when missing.
  subscript(i: Int) -> String? { isMissing(i) ? nil : values[i] }

  /// Every row, `nil` where missing.
  var optionals: [String?] { (0..<count).map { self[$0] } }

  /// Whether any row is missing.
  var hasMissing: Bool { isNull?.contains(true) ?? false }
}

/// The raw values of one column, read for encoding: text or numbers (NaN for missing).
enum RawCategories {
  case strings(TextValues)
  case numbers([Double])

  var count: Int {
    switch self {
    case let .strings(v): return v.count
    case let .numbers(v): return v.count
    }
  }
}

/// How the categories of a column are represented and printed.
public enum CategoryKind: String, Sendable, Hashable, Codable {
  /// Text from a string or categorical column.
  case string
  /// Whole numbers from an int column (printed `3`).
  case integer
  /// Numbers from a double column or a matrix (printed like Python's `str(float)`: `3.0`).
  case double
  /// Booleans (printed `False`, `True`).
  case bool
}

/// Reads column `name` of `frame` for an encoder.
///
/// - Throws: `LearnError.missingColumn`, `LearnError.wrongColumnType` for a date column.
func readCategories(_ frame: DataFrame, column name: String) throws -> (RawCategories, CategoryKind)
{
  guard let column = frame[name] else { throw LearnError.missingColumn(name: name) }
  switch column.type {
  case .string, .categorical: return (.strings(try TextValues(column)), .string)
  case .int: return (.numbers(try column.numericValues().map { $0 ?? .nan }), .integer)
  case .bool: return (.numbers(try column.numericValues().map { $0 ?? .nan }), .bool)
  case .double: return (.numbers(try column.numericValues().map { $0 ?? .nan }), .double)
  case .date:
    throw LearnError.wrongColumnType(
      column: name, expected: "string, categorical or numeric", found: "date")
  }
}

/// The columns of a matrix as numeric raw categories (NaN is missing).
func matrixCategories(_ x: Matrix) -> [RawCategories] {
  let n = x.rowCount
  let d = x.columnCount
  return x.withUnsafeStorage { s in
    (0..<d).map { j in .numbers((0..<n).map { s[$0 * d + j] }) }
  }
}

/// Whether `a` sorts before `b` by Unicode code points (numpy's order for Python strings).
@inline(__always)
func codePointLess(_ a: String, _ b: String) -> Bool {
  a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// The sorted categories of one column seen during fit, with the missing value as its own
/// last category when it occurred (scikit-learn's `categories_[i]`).
public struct CategoryLevels: Sendable, Hashable, Codable {
  /// The input column's name.
  public let column: String
  /// How the categories print.
  public let kind: CategoryKind
  /// The text categories, sorted by code point (empty for numeric kinds).
  public let strings: [String]
  /// The numeric categories, sorted ascending (empty for the string kind).
  public let numbers: [Double]
  /// Whether a missing value (null or NaN) was seen; it is then the last category.
  public let includesMissing: Bool

  /// The number of categories, the missing one included.
  public var count: Int {
    (kind == .string ? strings.count : numbers.count) + (includesMissing ? 1 : 0)
  }

  /// The index of the missing category, if any.
  public var missingIndex: Int? { includesMissing ? count - 1 : nil }

  /// The categories as printed in feature names (`"Paris"`, `"3"`, `"2.5"`, `"True"`, and
  /// `"nan"` for the missing category).
  public var labels: [String] {
    var out: [String]
    switch kind {
    case .string: out = strings
    case .integer: out = numbers.map { formatInteger($0) }
    case .double: out = numbers.map { "\($0)" }
    case .bool: out = numbers.map { $0 != 0 ? "True" : "False" }
    }
    if includesMissing { out.append("nan") }
    return out
  }

  /// Learns the categories of `values` and returns them with each row's code and each
  /// category's count (both empty for text columns when `withCodes` is false).
  static func learn(
    column: String, values: RawCategories, kind: CategoryKind, withCodes: Bool = true
  ) -> (
    levels: CategoryLevels, codes: [Int32], counts: [Int]
  ) {
    switch values {
    case let .strings(v):
      let (uniques, codes, counts, missing) = sortedStringCodes(v, withCodes: withCodes)
      let levels = CategoryLevels(
        column: column, kind: kind, strings: uniques, numbers: [], includesMissing: missing)
      return (levels, codes, counts)
    case let .numbers(v):
      let (uniques, codes, counts, missing) = sortedCodes(v, isMissing: { $0.isNaN }, by: <)
      let levels = CategoryLevels(
        column: column, kind: kind, strings: [], numbers: uniques, includesMissing: missing)
      return (levels, codes, counts)
    }
  }

  /// Each row's category index (`-1` for a value not seen during fit) and the first unknown
  /// row, if any.
  func encode(_ values: RawCategories) -> (codes: [Int32], firstUnknown: Int?) {
    let missingCode = Int32(missingIndex ?? -1)
    var firstUnknown: Int? = nil
    switch values {
    case let .strings(v):
      var table = StringIDs(expected: strings.count)
      for (k, s) in strings.enumerated() { table.register(s, id: Int32(k)) }
      var codes = [Int32](repeating: missingCode, count: v.count)
      scanStrings(v) { i, a, b in
        var code = table.cached(a, b)
        if code == nil { code = table.resolve(v.values[i], a, b, unknown: -1) }
        codes[i] = code ?? -1
        if codes[i] < 0, firstUnknown == nil { firstUnknown = i }
      } missing: { i in
        if missingCode < 0, firstUnknown == nil { firstUnknown = i }
      }
      return (codes, firstUnknown)
    case let .numbers(v):
      var lookup: [Double: Int32] = [:]
      lookup.reserveCapacity(numbers.count)
      for (k, x) in numbers.enumerated() { lookup[x] = Int32(k) }
      let codes = v.enumerated().map { (i, x) -> Int32 in
        let code = x.isNaN ? missingCode : (lookup[x] ?? -1)
        if code < 0, firstUnknown == nil { firstUnknown = i }
        return code
      }
      return (codes, firstUnknown)
    }
  }

  /// Checks that `values` has the representation this column was fitted with.
  func requireCompatible(_ kind: CategoryKind) throws {
    let fittedText = self.kind == .string
    guard fittedText == (kind == .string) else {
      throw LearnError.wrongColumnType(
        column: column, expected: fittedText ? "string or categorical" : "numeric",
        found: kind.rawValue)
    }
  }

  /// The printed form of row `row` of `values`, formatted like this column's categories.
  func describe(_ values: RawCategories, row: Int) -> String {
    switch values {
    case let .strings(v): return row >= 0 && row < v.count ? (v[row] ?? "nan") : "?"
    case let .numbers(v):
      guard v.indices.contains(row) else { return "?" }
      let x = v[row]
      if x.isNaN { return "nan" }
      switch kind {
      case .integer: return formatInteger(x)
      case .bool: return x != 0 ? "True" : "False"
      case .double, .string: return "\(x)"
      }
    }
  }
}

/// One hashing pass over `values`: the sorted distinct non-missing values, each row's index
/// among them (missing rows get the index after the last value), the count of each index
/// (missing last), and whether a missing value occurred.
func sortedCodes<T: Hashable>(
  _ values: [T], isMissing: (T) -> Bool, by less: (T, T) -> Bool
) -> (uniques: [T], codes: [Int32], counts: [Int], missing: Bool) {
  var ids: [T: Int32] = [:]
  var uniques: [T] = []
  var firstCodes = [Int32](repeating: -1, count: values.count)
  var missing = false
  for (i, value) in values.enumerated() {
    if isMissing(value) {
      missing = true
      continue
    }
    if let id = ids[value] {
      firstCodes[i] = id
    } else {
      let id = Int32(truncatingIfNeeded: uniques.count)
      ids[value] = id
      uniques.append(value)
      firstCodes[i] = id
    }
  }
  let order = uniques.indices.sorted { less(uniques[$0], uniques[$1]) }
  var rank = [Int32](repeating: 0, count: uniques.count)
  for (r, index) in order.enumerated() { rank[index] = Int32(truncatingIfNeeded: r) }
  let missingCode = Int32(truncatingIfNeeded: uniques.count)
  var counts = [Int](repeating: 0, count: uniques.count + (missing ? 1 : 0))
  let codes = firstCodes.map { c -> Int32 in
    let code = c >= 0 ? rank[Int(c)] : missingCode
    counts[Int(code)] += 1
    return code
  }
  return (order.map { uniques[$0] }, codes, counts, missing)
}

/// `3.0` as `"3"`; values outside the `Int` range print as doubles.
func formatInteger(_ x: Double) -> String {
  if let i = Int(exactly: x) { return "\(i)" }
  return "\(x)"
}

/// Reads every fitted column of `frame` by name and checks its type.
func readFittedColumns(_ frame: DataFrame, _ categories: [CategoryLevels]) throws
  -> [RawCategories]
{
  try categories.map { levels in
    let (values, kind) = try readCategories(frame, column: levels.column)
    try levels.requireCompatible(kind)
    return values
  }
}

/// Checks a frame given to `fit`: at least one row and one column.
func requireNonEmpty(_ frame: DataFrame) throws {
  guard frame.columnCount >= 1 else {
    throw LearnError.emptyInput(input: "X", reason: "the frame has no columns")
  }
  guard frame.rowCount >= 1 else {
    throw LearnError.emptyInput(input: "X", reason: "the frame has no rows")
  }
}

/// Builds a frame of double columns from column-major values.
func makeFrame(names: [String], columns: [[Double]]) throws -> DataFrame {
  try DataFrame(zip(names, columns).map { Column($0, doubles: $1) })
}

/// Maps strings to integer ids with little hashing work: the fast path is an open-addressing
/// table keyed by each `String`'s 16 raw bytes (two live strings with equal bytes are equal:
/// small strings hold their UTF-8 inline and large ones point at the same storage), and a
/// dictionary keyed by the string settles every miss, so equal strings stored differently
/// still share an id.
///
/// Encoders hash every cell of every column; this keeps that to a multiply and a probe for the
/// common case of repeated values. Only valid while the strings looked up are alive, so it is
/// used inside one call and never stored.
struct StringIDs {
  private var keys: [UInt64]
  private var ids: [Int32]
  private var mask: Int
  private var used = 0
  private var byValue: [String: Int32] = [:]
  private static let empty = Int32.min

  /// A table sized for about `expected` distinct strings (it grows as needed).
  init(expected: Int) {
    var capacity = 64
    while capacity < 4 * expected { capacity <<= 1 }
    keys = [UInt64](repeating: 0, count: 2 * capacity)
    ids = [Int32](repeating: StringIDs.empty, count: capacity)
    mask = capacity - 1
  }

  @inline(__always)
  private static func bits(_ s: String) -> (UInt64, UInt64) {
    unsafeBitCast(s, to: (UInt64, UInt64).self)
  }

  @inline(__always)
  private func slot(_ a: UInt64, _ b: UInt64) -> Int {
    var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ 0x632B_E59B_D9B4_E019)
    h ^= h >> 29
    h &*= 0xBF58_476D_1CE4_E5B9
    h ^= h >> 32
    return Int(truncatingIfNeeded: h) & mask
  }

  /// The id recorded for `s`: a registered id, `unknown` (cached) for strings never
  /// registered.
  @inline(__always)
  mutating func id(of s: String, unknown: Int32) -> Int32 {
    let (a, b) = StringIDs.bits(s)
    return cached(a, b) ?? resolve(s, a, b, unknown: unknown)
  }

  /// The id cached for a string's raw bytes, if any.
  @inline(__always)
  func cached(_ a: UInt64, _ b: UInt64) -> Int32? {
    var k = slot(a, b)
    while ids[k] != StringIDs.empty {
      if keys[2 * k] == a && keys[2 * k + 1] == b { return ids[k] }
      k = (k + 1) & mask
    }
    return nil
  }

  /// The slow path: looks `s` up by value and caches its raw bytes `(a, b)`.
  mutating func resolve(_ s: String, _ a: UInt64, _ b: UInt64, unknown: Int32) -> Int32 {
    let id = byValue[s] ?? unknown
    cache(a, b, id)
    return id
  }

  /// Registers `s` with `id` (the first registration of a value wins).
  mutating func register(_ s: String, id: Int32) {
    if byValue[s] == nil { byValue[s] = id }
    let (a, b) = StringIDs.bits(s)
    cache(a, b, byValue[s] ?? id)
  }

  private mutating func cache(_ a: UInt64, _ b: UInt64, _ id: Int32) {
    if 2 * (used + 1) > ids.count { grow() }
    var k = slot(a, b)
    while ids[k] != StringIDs.empty {
      if keys[2 * k] == a && keys[2 * k + 1] == b {
        ids[k] = id
        return
      }
      k = (k + 1) & mask
    }
    keys[2 * k] = a
    keys[2 * k + 1] = b
    ids[k] = id
    used += 1
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldIDs = ids
    let capacity = ids.count * 2
    keys = [UInt64](repeating: 0, count: 2 * capacity)
    ids = [Int32](repeating: StringIDs.empty, count: capacity)
    mask = capacity - 1
    used = 0
    for k in oldIDs.indices where oldIDs[k] != StringIDs.empty {
      cache(oldKeys[2 * k], oldKeys[2 * k + 1], oldIDs[k])
    }
  }
}

/// The string version of `sortedCodes`: one fast-path lookup per row.
///
/// With `withCodes: false` only the sorted values and `missing` are computed (`codes` and
/// `counts` come back empty), which is all `OneHotEncoder.fit` needs without infrequent
/// grouping.
func sortedStringCodes(_ values: TextValues, withCodes: Bool = true) -> (
  uniques: [String], codes: [Int32], counts: [Int], missing: Bool
) {
  var table = StringIDs(expected: 64)
  var uniques: [String] = []
  var firstCodes = [Int32](repeating: -1, count: withCodes ? values.count : 0)
  var missing = false
  scanStrings(values) { i, a, b in
    if let id = table.cached(a, b) {
      if withCodes { firstCodes[i] = id }
      return
    }
    let value = values.values[i]
    var id = table.resolve(value, a, b, unknown: -1)
    if id < 0 {
      id = Int32(truncatingIfNeeded: uniques.count)
      table.register(value, id: id)
      uniques.append(value)
    }
    if withCodes { firstCodes[i] = id }
  } missing: { _ in
    missing = true
  }
  let order = uniques.indices.sorted { codePointLess(uniques[$0], uniques[$1]) }
  var rank = [Int32](repeating: 0, count: uniques.count)
  for (r, index) in order.enumerated() { rank[index] = Int32(truncatingIfNeeded: r) }
  let missingCode = Int32(truncatingIfNeeded: uniques.count)
  guard withCodes else { return (order.map { uniques[$0] }, [], [], missing) }
  var counts = [Int](repeating: 0, count: uniques.count + (missing ? 1 : 0))
  let codes = firstCodes.map { c -> Int32 in
    let code = c >= 0 ? rank[Int(c)] : missingCode
    counts[Int(code)] += 1
    return code
  }
  return (order.map { uniques[$0] }, codes, counts, missing)
}

/// Calls `present(i, a, b)` with the raw bytes of every present string of `values` and
/// `missing(i)` for every missing row, reading the stored array in place (no string is copied
/// or retained on this path).
@inline(__always)
func scanStrings(
  _ values: TextValues, _ present: (Int, UInt64, UInt64) -> Void, missing: (Int) -> Void
) {
  values.values.withUnsafeBufferPointer { buffer in
    guard let base = buffer.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    let stride = MemoryLayout<String>.stride
    for i in 0..<buffer.count {
      if values.isMissing(i) {
        missing(i)
      } else {
        let a = raw.load(fromByteOffset: i * stride, as: UInt64.self)
        let b = raw.load(fromByteOffset: i * stride + 8, as: UInt64.self)
        present(i, a, b)
      }
    }
  }
}
/// Disjoint result slots written by concurrent iterations (each iteration writes only its own
/// index).
private struct ResultSlots<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Result<T, any Error>?>
}

/// `(0..<count).map(body)`, run with `DispatchQueue.concurrentPerform` when `parallel`; each
/// result lands in its own slot, so the output (and the error reported, the first in index
/// order) does not depend on the thread count.
func concurrentMap<T>(_ count: Int, parallel: Bool, _ body: @Sendable (Int) throws -> T) throws
  -> [T]
{
  var results = [Result<T, any Error>?](repeating: nil, count: count)
  if parallel && count > 1 {
    results.withUnsafeMutableBufferPointer { buffer in
      let slots = ResultSlots(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: count) { k in
        slots.buffer[k] = Result { try body(k) }
      }
    }
  } else {
    for k in 0..<count { results[k] = Result { try body(k) } }
  }
  return try results.map { result in
    guard let result else {
      throw LearnError.numericalFailure(estimator: "encoder", reason: "a column was not processed")
    }
    return try result.get()
  }
}

/// Whether per-column work on `rows × columns` cells is worth spreading over threads.
func worthParallel(rows: Int, columns: Int) -> Bool { rows * columns >= 1 << 16 && columns > 1 }

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
    var k = slot(a, b)
    while ids[k] != StringIDs.empty {
      if keys[2 * k] == a && keys[2 * k + 1] == b { return ids[k] }
      k = (k + 1) & mask
    }
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
func sortedStringCodes(_ values: [String?]) -> (
  uniques: [String], codes: [Int32], counts: [Int], missing: Bool
) {
  var table = StringIDs(expected: 64)
  var uniques: [String] = []
  var firstCodes = [Int32](repeating: -1, count: values.count)
  var missing = false
  for (i, value) in values.enumerated() {
    guard let value else {
      missing = true
      continue
    }
    var id = table.id(of: value, unknown: -1)
    if id < 0 {
      id = Int32(truncatingIfNeeded: uniques.count)
      table.register(value, id: id)
      uniques.append(value)
    }
    firstCodes[i] = id
  }
  let order = uniques.indices.sorted { codePointLess(uniques[$0], uniques[$1]) }
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

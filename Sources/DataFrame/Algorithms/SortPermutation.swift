// Stable sort permutations via LSD radix sort on order-preserving 64-bit keys.

/// Internal stable sorting kernels. Every key is mapped to a `UInt64` whose unsigned order is
/// the wanted order (descending keys are bit-inverted); nulls map to `UInt64.max` so they sort
/// last whatever the direction, like pandas `na_position="last"`.
enum SortPermutation {
  /// Null key: after every real key.
  static let nullKey = UInt64.max

  /// Order key of a double (`-0.0` equals `0.0`); NaN is a null.
  @inline(__always)
  static func key(_ v: Double, ascending: Bool) -> UInt64 {
    if v.isNaN { return nullKey }
    let bits = (v == 0 ? 0.0 : v).bitPattern
    let k = bits & 0x8000_0000_0000_0000 != 0 ? ~bits : bits | 0x8000_0000_0000_0000
    return ascending ? k : ~k
  }

  /// Order key of an integer.
  @inline(__always)
  static func key(_ v: Int, ascending: Bool) -> UInt64 {
    let k = UInt64(bitPattern: Int64(v)) ^ 0x8000_0000_0000_0000
    // Descending: ~k is never UInt64.max because k == 0 would need Int64.min ascending... so
    // clamp the one colliding value below the null key.
    return ascending ? min(k, nullKey - 1) : min(~k, nullKey - 1)
  }

  /// Stable LSD radix sort of `order` by `keys[order[i]]` (keys indexed by row), 11-bit digits;
  /// passes whose digit is constant over all rows are skipped.
  static func stableSort(_ order: inout [Int], keys: [UInt64]) {
    let n = order.count
    guard n > 1 else { return }
    let bitsPerPass = 11
    let radix = 1 << bitsPerPass
    let mask = UInt64(radix - 1)
    var src = [UInt64](repeating: 0, count: n)
    for i in 0..<n { src[i] = keys[order[i]] }
    var srcIdx = order
    var dstKeys = [UInt64](repeating: 0, count: n)
    var dstIdx = [Int](repeating: 0, count: n)
    var orAll: UInt64 = 0
    var andAll: UInt64 = .max
    for k in src {
      orAll |= k
      andAll &= k
    }
    let varying = orAll ^ andAll
    var counts = [Int](repeating: 0, count: radix)
    var shift: UInt64 = 0
    while shift < 64 {
      if (varying >> shift) & mask != 0 {
        counts.withUnsafeMutableBufferPointer { c in
          for i in 0..<radix { c[i] = 0 }
          src.withUnsafeBufferPointer { s in
            for k in s { c[Int((k >> shift) & mask)] += 1 }
            var total = 0
            for i in 0..<radix {
              let t = c[i]
              c[i] = total
              total += t
            }
            srcIdx.withUnsafeBufferPointer { si in
              dstKeys.withUnsafeMutableBufferPointer { dk in
                dstIdx.withUnsafeMutableBufferPointer { di in
                  for i in 0..<n {
                    let k = s[i]
                    let d = Int((k >> shift) & mask)
                    let p = c[d]
                    c[d] = p + 1
                    dk[p] = k
                    di[p] = si[i]
                  }
                }
              }
            }
          }
        }
        swap(&src, &dstKeys)
        swap(&srcIdx, &dstIdx)
      }
      shift += UInt64(bitsPerPass)
    }
    order = srcIdx
  }

  /// Stable permutation sorting rows by several keys (first key most significant).
  static func permutation(rowCount: Int, keys: [[UInt64]]) -> [Int] {
    var order = Array(0..<rowCount)
    for k in keys.reversed() { stableSort(&order, keys: k) }
    return order
  }

  /// Order keys for strings: the rank of each value among the sorted distinct values
  /// (byte-wise Unicode scalar order, like Python's `str` comparison); nil entries are nulls.
  static func keys(strings: [String], isNull: (Int) -> Bool, ascending: Bool) -> [UInt64] {
    var distinct = Set<String>()
    for (i, s) in strings.enumerated() where !isNull(i) { distinct.insert(s) }
    let sorted = distinct.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    var rank = [String: Int](minimumCapacity: sorted.count)
    for (r, s) in sorted.enumerated() { rank[s] = r }
    var out = [UInt64](repeating: nullKey, count: strings.count)
    for (i, s) in strings.enumerated() where !isNull(i) {
      let r = rank[s] ?? 0
      out[i] = key(r, ascending: ascending)
    }
    return out
  }
}

extension SortPermutation {
  /// Sorts keys in place (LSD radix, 11-bit digits, constant digits skipped).
  static func radixSort(_ keys: inout [UInt64]) {
    let n = keys.count
    guard n > 1 else { return }
    let bitsPerPass = 11
    let radix = 1 << bitsPerPass
    let mask = UInt64(radix - 1)
    var orAll: UInt64 = 0
    var andAll: UInt64 = .max
    for k in keys {
      orAll |= k
      andAll &= k
    }
    let varying = orAll ^ andAll
    var other = [UInt64](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: radix)
    var shift: UInt64 = 0
    while shift < 64 {
      if (varying >> shift) & mask != 0 {
        counts.withUnsafeMutableBufferPointer { c in
          for i in 0..<radix { c[i] = 0 }
          keys.withUnsafeBufferPointer { s in
            for k in s { c[Int((k >> shift) & mask)] += 1 }
            var total = 0
            for i in 0..<radix {
              let t = c[i]
              c[i] = total
              total += t
            }
            other.withUnsafeMutableBufferPointer { d in
              for k in s {
                let digit = Int((k >> shift) & mask)
                d[c[digit]] = k
                c[digit] += 1
              }
            }
          }
        }
        swap(&keys, &other)
      }
      shift += UInt64(bitsPerPass)
    }
  }

  /// Sorted copy of NaN-free doubles (radix sort on order keys; `-0.0` becomes `0.0`).
  static func sortedDoubles(_ x: [Double]) -> [Double] {
    guard x.count > 2048 else { return x.sorted() }
    var keys = x.map { key($0, ascending: true) }
    radixSort(&keys)
    return keys.map { k in
      let bits = k & 0x8000_0000_0000_0000 != 0 ? k & 0x7FFF_FFFF_FFFF_FFFF : ~k
      return Double(bitPattern: bits)
    }
  }
}

// Factorization: map values to dense group codes (-1 for nulls).

/// Dense codes for one or several key columns.
struct Factorization {
  /// Code per row, `-1` for a null key (dropped by group-by).
  var codes: [Int]
  /// Number of distinct non-null keys.
  var groupCount: Int
  /// For each code, the first row holding it (to read the key values back).
  var firstRow: [Int]
}

enum Factorize {
  /// Codes for integers in first-appearance order; a direct table when the value range is
  /// small, a hash map otherwise.
  static func ints(_ values: [Int], isNull: [Bool]?) -> Factorization {
    let n = values.count
    var codes = [Int](repeating: -1, count: n)
    var firstRow: [Int] = []
    var lo = Int.max
    var hi = Int.min
    for i in 0..<n where isNull?[i] != true {
      lo = min(lo, values[i])
      hi = max(hi, values[i])
    }
    if lo <= hi, hi.subtractingReportingOverflow(lo).overflow == false, hi - lo < max(1024, 2 * n) {
      var table = [Int](repeating: -1, count: hi - lo + 1)
      values.withUnsafeBufferPointer { v in
        table.withUnsafeMutableBufferPointer { t in
          codes.withUnsafeMutableBufferPointer { c in
            for i in 0..<n where isNull?[i] != true {
              let slot = v[i] &- lo
              var code = t[slot]
              if code < 0 {
                code = firstRow.count
                t[slot] = code
                firstRow.append(i)
              }
              c[i] = code
            }
          }
        }
      }
    } else {
      var map = [Int: Int]()
      for i in 0..<n where isNull?[i] != true {
        if let code = map[values[i]] {
          codes[i] = code
        } else {
          let code = firstRow.count
          map[values[i]] = code
          firstRow.append(i)
          codes[i] = code
        }
      }
    }
    return Factorization(codes: codes, groupCount: firstRow.count, firstRow: firstRow)
  }

  /// Codes for hashable values (doubles are normalised: `-0.0 == 0.0`; NaN counts as null).
  static func hashable<T: Hashable>(_ values: [T], isNull: (Int) -> Bool) -> Factorization {
    let n = values.count
    var codes = [Int](repeating: -1, count: n)
    var firstRow: [Int] = []
    var map = [T: Int]()
    for i in 0..<n where !isNull(i) {
      if let code = map[values[i]] {
        codes[i] = code
      } else {
        let code = firstRow.count
        map[values[i]] = code
        firstRow.append(i)
        codes[i] = code
      }
    }
    return Factorization(codes: codes, groupCount: firstRow.count, firstRow: firstRow)
  }

  /// Combines several factorizations into one code per distinct key tuple (a row with any
  /// null key gets `-1`).
  static func combine(_ parts: [Factorization], rowCount n: Int) -> Factorization {
    guard var acc = parts.first else {
      // No keys: one group holding every row.
      return Factorization(
        codes: [Int](repeating: 0, count: n), groupCount: n > 0 ? 1 : 0,
        firstRow: n > 0 ? [0] : [])
    }
    for part in parts.dropFirst() {
      var combined = [Int](repeating: -1, count: n)
      let (product, overflow) = acc.groupCount.multipliedReportingOverflow(by: part.groupCount)
      if !overflow && product <= 4 * max(n, 1024) {
        for i in 0..<n where acc.codes[i] >= 0 && part.codes[i] >= 0 {
          combined[i] = acc.codes[i] * part.groupCount + part.codes[i]
        }
        acc = ints(combined, isNull: combined.map { $0 < 0 })
      } else {
        var pairs = [Pair](repeating: Pair(a: -1, b: -1), count: n)
        for i in 0..<n { pairs[i] = Pair(a: acc.codes[i], b: part.codes[i]) }
        acc = hashable(pairs) { pairs[$0].a < 0 || pairs[$0].b < 0 }
      }
    }
    return acc
  }

  struct Pair: Hashable {
    var a: Int
    var b: Int
  }

  /// Rows of each group, groups in code order, rows in original order (counting sort).
  static func rowsByGroup(_ f: Factorization) -> (offsets: [Int], rows: [Int]) {
    var offsets = [Int](repeating: 0, count: f.groupCount + 1)
    for c in f.codes where c >= 0 { offsets[c + 1] += 1 }
    for g in 0..<f.groupCount { offsets[g + 1] += offsets[g] }
    var cursor = offsets
    var rows = [Int](repeating: 0, count: offsets[f.groupCount])
    for (i, c) in f.codes.enumerated() where c >= 0 {
      rows[cursor[c]] = i
      cursor[c] += 1
    }
    return (offsets, rows)
  }

  /// Renumbers codes by a permutation of groups: `newCode[oldCode]`.
  static func relabel(_ f: Factorization, order: [Int]) -> Factorization {
    var newCode = [Int](repeating: 0, count: f.groupCount)
    for (newC, oldC) in order.enumerated() { newCode[oldC] = newC }
    let codes = f.codes.map { $0 < 0 ? -1 : newCode[$0] }
    let firstRow = order.map { f.firstRow[$0] }
    return Factorization(codes: codes, groupCount: f.groupCount, firstRow: firstRow)
  }
}

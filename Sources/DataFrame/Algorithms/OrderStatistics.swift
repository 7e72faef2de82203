// Order statistics without a full sort (quickselect), for quantiles of large columns.

extension Descriptive {
  /// The values at the sorted positions `ranks` (ascending, each in `0..<x.count`), found by
  /// successive quickselects over one scratch copy: expected O(n · ranks.count) but usually
  /// about 2n comparisons per distinct region; a region that partitions badly falls back to a
  /// full sort, so the worst case is O(n log n).
  static func orderStatistics(_ x: [Double], ranks: [Int]) -> [Double] {
    var work = x
    var out = [Double](repeating: .nan, count: ranks.count)
    work.withUnsafeMutableBufferPointer { a in
      var lower = 0
      for (r, k) in ranks.enumerated() {
        guard k >= 0 && k < a.count else { continue }
        if k < lower {
          // Already placed by an earlier selection (equal rank requested twice).
          out[r] = a[k]
          continue
        }
        if r > 0 && k == ranks[r - 1] + 1 && k == lower + 1 {
          // The next rank: the minimum of everything right of the previous one.
          var best = k
          for i in (k + 1)..<a.count where a[i] < a[best] { best = i }
          a.swapAt(k, best)
        } else {
          select(a, lower, a.count - 1, k)
        }
        out[r] = a[k]
        lower = k
      }
    }
    return out
  }

  /// Rearranges `a[lo...hi]` so that `a[k]` holds the value of sorted rank k, smaller values
  /// before it and larger after it.
  private static func select(
    _ a: UnsafeMutableBufferPointer<Double>, _ lo0: Int, _ hi0: Int, _ k: Int
  ) {
    var lo = lo0
    var hi = hi0
    var budget = 2 * (Int.bitWidth - max(1, hi - lo + 1).leadingZeroBitCount) + 8
    while hi > lo {
      if hi - lo < 16 || budget == 0 {
        // Insertion sort small (or stubborn) ranges.
        if budget == 0 {
          var range = UnsafeMutableBufferPointer(rebasing: a[lo...hi])
          range.sort()
          return
        }
        for i in (lo + 1)...hi {
          let v = a[i]
          var j = i - 1
          while j >= lo && a[j] > v {
            a[j + 1] = a[j]
            j -= 1
          }
          a[j + 1] = v
        }
        return
      }
      budget -= 1
      // Median of three as pivot.
      let mid = lo + (hi - lo) / 2
      if a[mid] < a[lo] { a.swapAt(mid, lo) }
      if a[hi] < a[lo] { a.swapAt(hi, lo) }
      if a[hi] < a[mid] { a.swapAt(hi, mid) }
      let pivot = a[mid]
      var i = lo
      var j = hi
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        hi = j
      } else if k >= i {
        lo = i
      } else {
        return
      }
    }
  }

  /// Linear-interpolation quantiles of NaN-free values: sorts small inputs, selects order
  /// statistics in large ones (same numbers either way).
  static func quantilesBySelection(_ x: [Double], _ qs: [Double]) -> [Double] {
    let n = x.count
    guard n > 0 else { return qs.map { _ in .nan } }
    guard n > 4096 else {
      let s = x.sorted()
      return qs.map { sortedQuantile(s, $0) }
    }
    var needed = Set<Int>()
    for q in qs {
      let pos = q * Double(n - 1)
      let lo = max(0, min(n - 1, Int(pos.rounded(.down))))
      needed.insert(lo)
      needed.insert(min(n - 1, lo + 1))
    }
    let ranks = needed.sorted()
    let values = orderStatistics(x, ranks: ranks)
    var at = [Int: Double]()
    for (r, v) in zip(ranks, values) { at[r] = v }
    return qs.map { q in
      let pos = q * Double(n - 1)
      let lo = max(0, min(n - 1, Int(pos.rounded(.down))))
      let hi = min(n - 1, lo + 1)
      let t = pos - Double(lo)
      let a = at[lo] ?? .nan
      let b = at[hi] ?? .nan
      let diff = b - a
      return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
    }
  }
}

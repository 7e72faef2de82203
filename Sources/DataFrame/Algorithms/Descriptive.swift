// Descriptive-statistics kernels over plain arrays of non-null values (pandas' formulas).

/// Internal numeric kernels shared by the statistics API. Inputs hold only non-null values.
enum Descriptive {
  /// Sum with numpy's pairwise scheme (8 accumulators, blocks of 128), so totals agree with
  /// pandas/numpy to the last bits on ordinary data.
  static func pairwiseSum(_ x: UnsafeBufferPointer<Double>) -> Double {
    guard let base = x.baseAddress else { return 0 }
    return pairwise(base, x.count)
  }

  static func pairwiseSum(_ x: [Double]) -> Double {
    x.withUnsafeBufferPointer { pairwiseSum($0) }
  }

  private static func pairwise(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
    if n < 8 {
      var s = -0.0
      for i in 0..<n { s += p[i] }
      return s
    } else if n <= 128 {
      var r0 = p[0]
      var r1 = p[1]
      var r2 = p[2]
      var r3 = p[3]
      var r4 = p[4]
      var r5 = p[5]
      var r6 = p[6]
      var r7 = p[7]
      var i = 8
      let end = n - n % 8
      while i < end {
        r0 += p[i]
        r1 += p[i + 1]
        r2 += p[i + 2]
        r3 += p[i + 3]
        r4 += p[i + 4]
        r5 += p[i + 5]
        r6 += p[i + 6]
        r7 += p[i + 7]
        i += 8
      }
      var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
      while i < n {
        res += p[i]
        i += 1
      }
      return res
    } else {
      var n2 = n / 2
      n2 -= n2 % 8
      return pairwise(p, n2) + pairwise(p + n2, n - n2)
    }
  }

  /// Arithmetic mean (NaN when empty).
  static func mean(_ x: [Double]) -> Double {
    x.isEmpty ? .nan : pairwiseSum(x) / Double(x.count)
  }

  /// Sample variance with `ddof` (two-pass, as pandas' `nanvar`: the squared deviations are
  /// summed with the same pairwise scheme, computed on the fly); NaN when `count <= ddof`.
  static func variance(_ x: [Double], ddof: Int = 1) -> Double {
    let n = x.count
    guard n > ddof else { return .nan }
    let m = mean(x)
    let ss = x.withUnsafeBufferPointer { p -> Double in
      guard let base = p.baseAddress else { return 0 }
      return pairwiseSquares(base, n, m)
    }
    return ss / Double(n - ddof)
  }

  private static func pairwiseSquares(_ p: UnsafePointer<Double>, _ n: Int, _ m: Double)
    -> Double
  {
    @inline(__always) func sq(_ i: Int) -> Double {
      let d = p[i] - m
      return d * d
    }
    if n < 8 {
      var s = -0.0
      for i in 0..<n { s += sq(i) }
      return s
    } else if n <= 128 {
      var r0 = sq(0)
      var r1 = sq(1)
      var r2 = sq(2)
      var r3 = sq(3)
      var r4 = sq(4)
      var r5 = sq(5)
      var r6 = sq(6)
      var r7 = sq(7)
      var i = 8
      let end = n - n % 8
      while i < end {
        r0 += sq(i)
        r1 += sq(i + 1)
        r2 += sq(i + 2)
        r3 += sq(i + 3)
        r4 += sq(i + 4)
        r5 += sq(i + 5)
        r6 += sq(i + 6)
        r7 += sq(i + 7)
        i += 8
      }
      var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
      while i < n {
        res += sq(i)
        i += 1
      }
      return res
    } else {
      var n2 = n / 2
      n2 -= n2 % 8
      return pairwiseSquares(p, n2, m) + pairwiseSquares(p + n2, n - n2, m)
    }
  }

  /// Sample standard deviation with `ddof` (pandas default 1).
  static func std(_ x: [Double], ddof: Int = 1) -> Double {
    variance(x, ddof: ddof).squareRoot()
  }

  /// Central-moment sums `(m2, m3, m4)` around the mean.
  private static func momentSums(_ x: [Double]) -> (Double, Double, Double) {
    let m = mean(x)
    var s2 = 0.0
    var s3 = 0.0
    var s4 = 0.0
    x.withUnsafeBufferPointer { p in
      for v in p {
        let d = v - m
        let d2 = d * d
        s2 += d2
        s3 += d2 * d
        s4 += d2 * d2
      }
    }
    return (s2, s3, s4)
  }

  /// Sets sums that are rounding noise (|v| < 1e-14) to zero, as pandas does.
  private static func zeroOutNoise(_ v: Double) -> Double { abs(v) < 1e-14 ? 0 : v }

  /// Bias-corrected sample skewness G1 (pandas `Series.skew`); NaN below 3 values and, as in
  /// pandas 3, when the values are constant.
  static func skewness(_ x: [Double]) -> Double {
    let n = Double(x.count)
    guard x.count >= 3 else { return .nan }
    var (m2, m3, _) = momentSums(x)
    m2 = zeroOutNoise(m2)
    m3 = zeroOutNoise(m3)
    if m2 == 0 { return .nan }
    return (n * (n - 1).squareRoot() / (n - 2)) * (m3 / (m2 * m2.squareRoot()))
  }

  /// Bias-corrected sample excess kurtosis G2 (pandas `Series.kurt`); NaN below 4 values and
  /// when the values are constant.
  static func kurtosis(_ x: [Double]) -> Double {
    let n = Double(x.count)
    guard x.count >= 4 else { return .nan }
    var (m2, _, m4) = momentSums(x)
    m2 = zeroOutNoise(m2)
    m4 = zeroOutNoise(m4)
    let adj = 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
    let numerator = n * (n + 1) * (n - 1) * m4
    let denominator = (n - 2) * (n - 3) * m2 * m2
    if denominator == 0 { return .nan }
    return numerator / denominator - adj
  }

  /// Quantile of already-sorted values with linear interpolation (numpy `method="linear"`,
  /// pandas default). NaN when empty.
  static func sortedQuantile(_ s: UnsafeBufferPointer<Double>, _ q: Double) -> Double {
    let n = s.count
    guard n > 0 else { return .nan }
    let pos = q * Double(n - 1)
    let lo = max(0, min(n - 1, Int(pos.rounded(.down))))
    let hi = min(n - 1, lo + 1)
    let t = pos - Double(lo)
    let a = s[lo]
    let b = s[hi]
    let diff = b - a
    // numpy's _lerp: a + diff*t, but b - diff*(1-t) when t >= 0.5.
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
  }

  static func sortedQuantile(_ s: [Double], _ q: Double) -> Double {
    s.withUnsafeBufferPointer { sortedQuantile($0, q) }
  }

  /// Quantiles of unsorted values (sorts a copy).
  static func quantiles(_ x: [Double], _ qs: [Double]) -> [Double] {
    quantilesBySelection(x, qs)
  }

  /// Average (fractional) ranks starting at 1, ties get the mean of their positions (pandas
  /// `rank(method="average")`).
  static func averageRanks(_ x: [Double]) -> [Double] {
    let n = x.count
    let order = (0..<n).sorted { x[$0] < x[$1] }
    var ranks = [Double](repeating: 0, count: n)
    var i = 0
    while i < n {
      var j = i
      while j + 1 < n && x[order[j + 1]] == x[order[i]] { j += 1 }
      let r = Double(i + j) / 2 + 1
      for k in i...j { ranks[order[k]] = r }
      i = j + 1
    }
    return ranks
  }

  /// Pearson correlation of two equal-length complete arrays with Welford's updates (as
  /// pandas' `nancorr`); NaN when fewer than `minPeriods` values or a constant side.
  static func pearson(_ x: [Double], _ y: [Double], minPeriods: Int = 1) -> Double {
    let n = min(x.count, y.count)
    guard n >= max(1, minPeriods) else { return .nan }
    var meanX = 0.0
    var meanY = 0.0
    var ssqX = 0.0
    var ssqY = 0.0
    var cov = 0.0
    for i in 0..<n {
      let vx = x[i]
      let vy = y[i]
      let k = Double(i + 1)
      let dx = vx - meanX
      let dy = vy - meanY
      meanX += dx / k
      meanY += dy / k
      ssqX += (vx - meanX) * dx
      ssqY += (vy - meanY) * dy
      cov += (vx - meanX) * dy
    }
    let divisor = (ssqX * ssqY).squareRoot()
    guard divisor != 0 else { return .nan }
    return cov / divisor
  }

  /// Spearman rank correlation: Pearson on average ranks.
  static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(averageRanks(x), averageRanks(y))
  }
}

import Foundation

// numpy's interpolation and percentile kernels and scipy's normal distribution functions,
// re-expressed so that quantile-based transformers agree with scikit-learn to rounding.

/// numpy's `interp(x, xp, fp)` for increasing `xp` (duplicates allowed): constant beyond the
/// ends, linear in between, the last interval containing `x` being used.
func numpyInterp(_ x: Double, _ xp: [Double], _ fp: [Double]) -> Double {
  let last = xp.count - 1
  if x.isNaN { return x }
  if x < xp[0] { return fp[0] }
  if x > xp[last] { return fp[last] }
  if x == xp[last] { return fp[last] }
  // Largest j with xp[j] <= x (so xp[j + 1] > x).
  var lo = 0
  var hi = last
  while hi - lo > 1 {
    let mid = (lo + hi) / 2
    if xp[mid] <= x { lo = mid } else { hi = mid }
  }
  let j = lo
  let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
  var result = slope * (x - xp[j]) + fp[j]
  if result.isNaN {
    result = slope * (x - xp[j + 1]) + fp[j + 1]
    if result.isNaN && fp[j] == fp[j + 1] { result = fp[j] }
  }
  return result
}

/// numpy's `linspace(start, stop, count)`: `start + i·step` with the last value set to `stop`.
func numpyLinspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
  guard count > 1 else { return count == 1 ? [start] : [] }
  let step = (stop - start) / Double(count - 1)
  var out = (0..<count).map { Double($0) * step + start }
  out[count - 1] = stop
  return out
}

/// numpy's `_lerp`: `a + (b - a)·t`, computed from `b` when `t >= 0.5`.
func numpyLerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
  let diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}

/// How a percentile is read between order statistics (numpy's `method`).
enum PercentileMethod {
  /// numpy's default: linear interpolation at `(n - 1)·q`.
  case linear
  /// numpy's `averaged_inverted_cdf`.
  case averagedInvertedCDF
  /// numpy's `inverted_cdf`.
  case invertedCDF
}

/// numpy's `percentile(sorted, q)` for values already sorted ascending (no NaN), `q` in
/// percent. The level is divided by 100 first, exactly as numpy does.
func numpyPercentile(sorted: [Double], _ q: Double, method: PercentileMethod) -> Double {
  let n = sorted.count
  let quantile = q / 100
  let virtual: Double
  switch method {
  case .linear: virtual = Double(n - 1) * quantile
  case .averagedInvertedCDF, .invertedCDF: virtual = Double(n) * quantile - 1
  }
  if method == .invertedCDF {
    // Discrete: the next order statistic unless the index is exact.
    var previous = virtual.rounded(.down)
    let gamma = virtual - previous
    if gamma != 0 { previous += 1 }
    let index = Int(min(max(previous, 0), Double(n - 1)))
    return sorted[index]
  }
  let previous = virtual.rounded(.down)
  var gamma = virtual - previous
  if method == .averagedInvertedCDF { gamma = gamma == 0 ? 0.5 : 1 }
  let lower: Int
  let upper: Int
  if virtual >= Double(n - 1) {
    lower = n - 1
    upper = n - 1
  } else if virtual < 0 {
    lower = 0
    upper = 0
  } else {
    lower = Int(previous)
    upper = lower + 1
  }
  return numpyLerp(sorted[lower], sorted[upper], gamma)
}

/// The standard normal CDF (scipy's `ndtr`, cephes' formulation).
func normalCDF(_ x: Double) -> Double {
  let z = x / 2.0.squareRoot()
  if abs(z) < 0.5.squareRoot() { return 0.5 + 0.5 * Foundation.erf(z) }
  let y = 0.5 * Foundation.erfc(abs(z))
  return z > 0 ? 1 - y : y
}

/// The standard normal quantile function (scipy's `ndtri`): Acklam's rational approximation
/// refined by two Halley steps on `erfc`, accurate to a few ulps; ±infinity at 0 and 1.
func normalQuantile(_ p: Double) -> Double {
  if p.isNaN || p < 0 || p > 1 { return .nan }
  if p == 0 { return -.infinity }
  if p == 1 { return .infinity }
  let a = [
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
  ]
  let b = [
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01,
  ]
  let c = [
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
  ]
  let d = [
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
  ]
  let low = 0.02425
  var x: Double
  if p < low {
    let q = (-2 * Foundation.log(p)).squareRoot()
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
      / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  } else if p <= 1 - low {
    let q = p - 0.5
    let r = q * q
    x =
      (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  } else {
    let q = (-2 * Foundation.log1p(-p)).squareRoot()
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
      / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  }
  // Halley refinement on the tail that is computed accurately.
  for _ in 0..<2 {
    let e: Double
    if p < 0.5 {
      e = 0.5 * Foundation.erfc(-x / 2.0.squareRoot()) - p
    } else {
      e = -(0.5 * Foundation.erfc(x / 2.0.squareRoot()) - (1 - p))
    }
    let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
    x -= u / (1 + x * u / 2)
  }
  return x
}

/// numpy's pairwise summation of a contiguous array (`np.sum`), bit for bit: blocks of up to
/// 128 values summed with eight accumulators, larger arrays split in halves.
func numpySum(_ a: UnsafeBufferPointer<Double>) -> Double {
  let n = a.count
  if n < 8 {
    var r = -0.0
    for v in a { r += v }
    return r
  }
  if n <= 128 {
    var r = (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
    var i = 8
    while i < n - n % 8 {
      r.0 += a[i]
      r.1 += a[i + 1]
      r.2 += a[i + 2]
      r.3 += a[i + 3]
      r.4 += a[i + 4]
      r.5 += a[i + 5]
      r.6 += a[i + 6]
      r.7 += a[i + 7]
      i += 8
    }
    var res = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
    while i < n {
      res += a[i]
      i += 1
    }
    return res
  }
  var half = n / 2
  half -= half % 8
  return numpySum(UnsafeBufferPointer(rebasing: a[0..<half]))
    + numpySum(UnsafeBufferPointer(rebasing: a[half..<n]))
}

/// `numpySum` of an array.
func numpySum(_ a: [Double]) -> Double { a.withUnsafeBufferPointer { numpySum($0) } }

/// numpy's `var(a)` (population variance): pairwise mean, then pairwise sum of squared
/// deviations.
func numpyVariance(_ a: [Double]) -> Double {
  let n = Double(a.count)
  let mean = numpySum(a) / n
  let squares = a.map { ($0 - mean) * ($0 - mean) }
  return numpySum(squares) / n
}

/// scipy's `logsumexp(a)` for a real vector, following its steps (the maxima are counted and
/// excluded from the scaled sum).
func scipyLogSumExp(_ a: [Double]) -> Double {
  let top = a.max() ?? -.infinity
  var count = 0.0
  var terms = [Double](repeating: 0, count: a.count)
  for (i, v) in a.enumerated() {
    if v == top {
      count += 1
    } else {
      terms[i] = Foundation.exp(v - top)
    }
  }
  var s = numpySum(terms)
  if s != 0 { s /= count }
  return Foundation.log1p(s) + Foundation.log(count) + top
}

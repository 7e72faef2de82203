import Foundation
import LinearAlgebra
import SwiftLearnCore

/// scikit-learn's `_handle_zeros_in_scale`: scales below `10·ε` (near-constant features)
/// become 1; NaN stays NaN.
func handleZerosInScale(_ scale: [Double]) -> [Double] {
  let tiny = 10 * Double.ulpOfOne
  return scale.map { $0 < tiny ? 1 : $0 }
}

/// Applies `(x[i, j] - shift[j]) / divide[j] * multiply[j] + add[j]` column by column into a
/// new matrix; `nil` arrays are skipped. NaN passes through.
func columnAffine(
  _ x: Matrix, subtract: [Double]? = nil, divide: [Double]? = nil, multiply: [Double]? = nil,
  add: [Double]? = nil
) -> Matrix {
  let d = x.columnCount
  let zero = [Double](repeating: 0, count: d)
  let one = [Double](repeating: 1, count: d)
  let s = subtract ?? zero
  let q = divide ?? one
  let m = multiply ?? one
  let a = add ?? zero
  let values = x.withUnsafeStorage { input in
    s.withUnsafeBufferPointer { s in
      q.withUnsafeBufferPointer { q in
        m.withUnsafeBufferPointer { m in
          a.withUnsafeBufferPointer { a in
            makeDoubleBuffer(count: input.count) { out in
              var k = 0
              while k < out.count {
                for j in 0..<d { out[k + j] = (input[k + j] - s[j]) / q[j] * m[j] + a[j] }
                k += d
              }
            }
          }
        }
      }
    }
  }
  return Matrix(unchecked: x.rowCount, d, values)
}

/// The non-NaN values of column `j`, sorted ascending.
func sortedFiniteColumn(_ x: Matrix, _ j: Int) -> [Double] {
  let n = x.rowCount
  let d = x.columnCount
  var values: [Double] = []
  values.reserveCapacity(n)
  x.withUnsafeStorage { s in
    for i in 0..<n {
      let v = s[i * d + j]
      if !v.isNaN { values.append(v) }
    }
  }
  values.sort()
  return values
}

/// numpy's `percentile(..., method="linear")` of sorted values, `q` in `[0, 100]`; NaN when
/// `sorted` is empty.
func linearPercentile(_ sorted: [Double], _ q: Double) -> Double {
  guard let first = sorted.first else { return .nan }
  let n = sorted.count
  if n == 1 { return first }
  let position = q / 100 * Double(n - 1)
  let lower = max(0, min(n - 1, Int(position.rounded(.down))))
  let upper = min(n - 1, lower + 1)
  let t = position - Double(lower)
  let a = sorted[lower]
  let b = sorted[upper]
  // numpy's `_lerp`: a + (b - a)·t, computed from the upper end when t >= 0.5.
  let diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}

/// The inverse of the standard normal cumulative distribution function (`scipy.stats.norm.ppf`),
/// accurate to about 1e-15: Acklam's rational approximation refined by one Halley step.
func inverseNormalCDF(_ p: Double) -> Double {
  if p <= 0 { return -.infinity }
  if p >= 1 { return .infinity }
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
    let q = (-2 * log(p)).squareRoot()
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
    let q = (-2 * log(1 - p)).squareRoot()
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
      / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  }
  for _ in 0..<2 {
    let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
  }
  return x
}

/// Throws a decoding error unless every array has `count` entries.
func requireLengths(_ arrays: [(String, [Double]?)], count: Int, codingPath: [any CodingKey])
  throws
{
  try requireDecoded(count >= 1, "featureCount must be at least 1", codingPath: codingPath)
  for (name, array) in arrays {
    if let array {
      try requireDecoded(
        array.count == count, "\(name) has \(array.count) entries for \(count) features",
        codingPath: codingPath)
    }
  }
}

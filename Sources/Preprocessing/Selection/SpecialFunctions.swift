import Foundation

// Survival functions of the F and chi-squared distributions for the univariate tests, and the
// digamma function for the mutual-information estimator. Written from the standard continued
// fraction and series expansions (Abramowitz & Stegun 6.5 and 26.5; Lentz's method).

private let tinyValue = 1e-300
private let relativeTolerance = 1e-16
private let iterationLimit = 100_000

/// `ln B(a, b)`.
private func logBeta(_ a: Double, _ b: Double) -> Double {
  lgamma(a) + lgamma(b) - lgamma(a + b)
}

/// The continued fraction of the incomplete beta function (A&S 26.5.8), by Lentz's method.
private func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
  let sum = a + b
  var c = 1.0
  var d = 1 - sum * x / (a + 1)
  if abs(d) < tinyValue { d = tinyValue }
  d = 1 / d
  var h = d
  for m in 1...iterationLimit {
    let m = Double(m)
    let twoM = 2 * m
    // Even step.
    var numerator = m * (b - m) * x / ((a - 1 + twoM) * (a + twoM))
    d = 1 + numerator * d
    if abs(d) < tinyValue { d = tinyValue }
    c = 1 + numerator / c
    if abs(c) < tinyValue { c = tinyValue }
    d = 1 / d
    h *= d * c
    // Odd step.
    numerator = -(a + m) * (sum + m) * x / ((a + twoM) * (a + 1 + twoM))
    d = 1 + numerator * d
    if abs(d) < tinyValue { d = tinyValue }
    c = 1 + numerator / c
    if abs(c) < tinyValue { c = tinyValue }
    d = 1 / d
    let delta = d * c
    h *= delta
    if abs(delta - 1) < relativeTolerance { break }
  }
  return h
}

/// The regularized incomplete beta function `I_x(a, b)`, given `x` and `y = 1 - x` separately
/// so that neither loses precision.
func regularizedIncompleteBeta(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
  if x.isNaN || y.isNaN { return .nan }
  if x <= 0 { return 0 }
  if y <= 0 { return 1 }
  let logFront = a * Foundation.log(x) + b * Foundation.log(y) - logBeta(a, b)
  if x < (a + 1) / (a + b + 2) {
    return Foundation.exp(logFront) * betaContinuedFraction(a, b, x) / a
  }
  return 1 - Foundation.exp(logFront) * betaContinuedFraction(b, a, y) / b
}

/// The survival function of the F distribution with `d1` and `d2` degrees of freedom at `f`
/// (scipy's `special.fdtrc(d1, d2, f)` and `stats.f.sf`).
func fSurvival(_ f: Double, _ d1: Double, _ d2: Double) -> Double {
  if f.isNaN || d1 <= 0 || d2 <= 0 { return .nan }
  if f <= 0 { return 1 }
  if f.isInfinite { return 0 }
  let denominator = d2 + d1 * f
  return regularizedIncompleteBeta(d2 / 2, d1 / 2, x: d2 / denominator, y: d1 * f / denominator)
}

/// The regularized upper incomplete gamma function `Q(a, x)`.
func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
  if x.isNaN || a <= 0 { return .nan }
  if x <= 0 { return 1 }
  if x.isInfinite { return 0 }
  let logFront = -x + a * Foundation.log(x) - lgamma(a)
  if x < a + 1 {
    // Series for the lower function P (A&S 6.5.29), then Q = 1 - P.
    var term = 1 / a
    var sum = term
    var ap = a
    for _ in 0..<iterationLimit {
      ap += 1
      term *= x / ap
      sum += term
      if abs(term) < abs(sum) * relativeTolerance { break }
    }
    return 1 - sum * Foundation.exp(logFront)
  }
  // Continued fraction for Q (A&S 6.5.31), by Lentz's method.
  var b = x + 1 - a
  var c = 1 / tinyValue
  var d = 1 / b
  var h = d
  for i in 1...iterationLimit {
    let i = Double(i)
    let an = -i * (i - a)
    b += 2
    d = an * d + b
    if abs(d) < tinyValue { d = tinyValue }
    c = b + an / c
    if abs(c) < tinyValue { c = tinyValue }
    d = 1 / d
    let delta = d * c
    h *= delta
    if abs(delta - 1) < relativeTolerance { break }
  }
  return Foundation.exp(logFront) * h
}

/// The survival function of the chi-squared distribution with `k` degrees of freedom at `x`
/// (scipy's `special.chdtrc(k, x)`).
func chiSquaredSurvival(_ x: Double, _ k: Double) -> Double {
  if x.isNaN || k <= 0 { return .nan }
  return regularizedUpperGamma(k / 2, x / 2)
}

/// The digamma function `ψ(x)` for `x > 0` (scipy's `special.digamma`).
func digamma(_ x: Double) -> Double {
  guard x > 0 else { return x == 0 ? -.infinity : .nan }
  var value = x
  var result = 0.0
  while value < 6 {
    result -= 1 / value
    value += 1
  }
  let inverse = 1 / value
  let inverse2 = inverse * inverse
  // Asymptotic series: ln x - 1/(2x) - Σ B_2k / (2k x^2k).
  let series =
    inverse2
    * (1.0 / 12
      - inverse2
      * (1.0 / 120
        - inverse2
        * (1.0 / 252 - inverse2 * (1.0 / 240 - inverse2 * (1.0 / 132 - inverse2 * 691.0 / 32760)))))
  return result + Foundation.log(value) - 0.5 * inverse - series
}

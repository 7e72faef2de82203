import Foundation
import SwiftLearnCore

/// The outcome of a two-sided t-test.
public struct TTestResult: Sendable, Hashable, Codable {
  /// The t statistic (positive when the first sample's mean is larger).
  public let statistic: Double
  /// The two-sided p-value, `2 · P(T > |t|)` under Student's t with ``degreesOfFreedom``.
  public let pValue: Double
  /// The degrees of freedom, `n − 1`.
  public let degreesOfFreedom: Double
}

/// Paired Student's t-test between two models' scores on the same splits.
///
/// With `d = a − b`, `t = mean(d) / (sd(d) / √n)` (sample standard deviation, `ddof = 1`) and
/// `n − 1` degrees of freedom; the p-value is two-sided. Cross-validation folds share training
/// rows, so this test is optimistic; ``correctedResampledTTest(_:_:trainSize:testSize:)``
/// corrects for that.
///
/// scipy: `scipy.stats.ttest_rel(a, b)`. Zero variance gives scipy's values (`±inf` and
/// p = 0, or NaN when every difference is 0).
///
///     let r = try pairedTTest(scoresA, scoresB)
///     r.pValue < 0.05
///
/// - Parameters:
///   - a: The first model's scores, one per split.
///   - b: The second model's scores on the same splits.
/// - Returns: The t statistic, two-sided p-value and degrees of freedom.
/// - Throws: `LearnError.lengthMismatch` when the lengths differ; `LearnError.emptyInput` for
///   fewer than 2 pairs; `LearnError.nonFinite` for a non-finite score.
/// - Complexity: O(n).
public func pairedTTest(_ a: [Double], _ b: [Double]) throws -> TTestResult {
  let d = try differences(a, b)
  let n = Double(d.count)
  let (mean, variance) = meanAndVariance(d)
  return tTest(mean / (variance / n).squareRoot(), degrees: n - 1)
}

/// The Nadeau–Bengio corrected resampled t-test between two models' cross-validation scores.
///
/// The variance of the mean difference is inflated by the overlap of the training sets:
/// `t = mean(d) / √((1/k + n_test/n_train) · var(d))` with `k` splits, `ddof = 1` variance
/// and `k − 1` degrees of freedom (Nadeau & Bengio, 2003); the p-value is two-sided.
///
/// scikit-learn: the `corrected_std` / `compute_corrected_ttest` recipe of the example
/// "Statistical comparison of models using grid search" (scipy's `t.sf`).
///
///     let r = try correctedResampledTTest(a, b, trainSize: 800, testSize: 200)
///
/// - Parameters:
///   - a: The first model's scores, one per split.
///   - b: The second model's scores on the same splits.
///   - trainSize: Training rows per split (`n_train`), at least 1.
///   - testSize: Test rows per split (`n_test`), at least 1.
/// - Returns: The corrected t statistic, two-sided p-value and degrees of freedom.
/// - Throws: as ``pairedTTest(_:_:)``, and `LearnError.invalidParameter` for a size below 1.
/// - Complexity: O(k).
public func correctedResampledTTest(
  _ a: [Double], _ b: [Double], trainSize: Int, testSize: Int
) throws -> TTestResult {
  guard trainSize >= 1 else {
    throw LearnError.invalidParameter(
      estimator: "correctedResampledTTest", name: "trainSize", value: "\(trainSize)",
      expected: "an integer >= 1")
  }
  guard testSize >= 1 else {
    throw LearnError.invalidParameter(
      estimator: "correctedResampledTTest", name: "testSize", value: "\(testSize)",
      expected: "an integer >= 1")
  }
  let d = try differences(a, b)
  let k = Double(d.count)
  let (mean, variance) = meanAndVariance(d)
  let corrected = ((1 / k + Double(testSize) / Double(trainSize)) * variance).squareRoot()
  return tTest(mean / corrected, degrees: k - 1)
}

private func differences(_ a: [Double], _ b: [Double]) throws -> [Double] {
  guard a.count == b.count else {
    throw LearnError.lengthMismatch(input: "b", expected: a.count, got: b.count)
  }
  guard a.count >= 2 else {
    throw LearnError.emptyInput(
      input: "scores", reason: "a t-test needs at least 2 paired scores, got \(a.count)")
  }
  for (i, (u, v)) in zip(a, b).enumerated() {
    guard u.isFinite else { throw LearnError.nonFinite(input: "a", row: i, column: 0) }
    guard v.isFinite else { throw LearnError.nonFinite(input: "b", row: i, column: 0) }
  }
  return zip(a, b).map { $0 - $1 }
}

/// Mean and `ddof = 1` variance (two passes, as numpy).
private func meanAndVariance(_ d: [Double]) -> (Double, Double) {
  let n = Double(d.count)
  let mean = d.reduce(0, +) / n
  var s = 0.0
  for v in d { s += (v - mean) * (v - mean) }
  return (mean, s / (n - 1))
}

private func tTest(_ t: Double, degrees: Double) -> TTestResult {
  let p = t.isNaN ? Double.nan : 2 * StudentT.survival(abs(t), degrees: degrees)
  return TTestResult(statistic: t, pValue: Swift.min(p, 1), degreesOfFreedom: degrees)
}

/// Student's t distribution through the regularized incomplete beta function.
enum StudentT {
  /// `P(T > t)` for `t ≥ 0`: `½ · I_{ν/(ν+t²)}(ν/2, ½)`.
  static func survival(_ t: Double, degrees nu: Double) -> Double {
    if t == .infinity { return 0 }
    if t == 0 { return 0.5 }
    let x = nu / (nu + t * t)
    // For small t, x is close to 1: use 1 - x = t²/(ν+t²) computed without cancellation.
    let oneMinusX = t * t / (nu + t * t)
    return 0.5 * IncompleteBeta.regularized(x: x, oneMinusX: oneMinusX, a: nu / 2, b: 0.5)
  }
}

/// The regularized incomplete beta function `I_x(a, b)`.
enum IncompleteBeta {
  /// `I_x(a, b)`, with `1 − x` passed separately to keep precision near 1.
  ///
  /// Continued fraction (modified Lentz) on the side where it converges fast, the other side
  /// through `I_x(a, b) = 1 − I_{1−x}(b, a)`.
  static func regularized(x: Double, oneMinusX: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if oneMinusX <= 0 { return 1 }
    let logFront =
      a * Foundation.log(x) + b * Foundation.log(oneMinusX) - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
      return Foundation.exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
    }
    return 1 - Foundation.exp(logFront) * continuedFraction(x: oneMinusX, a: b, b: a) / b
  }

  static func logBeta(_ a: Double, _ b: Double) -> Double {
    Foundation.lgamma(a) + Foundation.lgamma(b) - Foundation.lgamma(a + b)
  }

  /// The continued fraction of `I_x(a, b)` (Numerical Recipes' `betacf`, modified Lentz).
  static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
      let md = Double(m)
      let m2 = 2 * md
      var aa = md * (b - md) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}

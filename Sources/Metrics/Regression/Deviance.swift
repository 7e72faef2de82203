import Foundation
import SwiftLearnCore

/// The mean Tweedie deviance with power `p`.
///
/// scikit-learn: `sklearn.metrics.mean_tweedie_deviance` (default `power = 0`, the squared
/// error). `p = 1` is Poisson, `p = 2` Gamma; `0 < p < 1` is not allowed.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.invalidParameter` for `0 < power < 1`; `LearnError.unsupportedInput` when the
///   values are outside the power's domain (`p < 0`: `yPred > 0`; `1 ≤ p < 2`: `yTrue ≥ 0`,
///   `yPred > 0`; `p ≥ 2`: both > 0).
/// - Complexity: O(n).
public func meanTweedieDeviance(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil, power: Double = 0
) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  try checkTweedieDomain(yTrue, yPred, power: power)
  return tweedie(yTrue, { yPred[$0] }, sampleWeight, power)
}

func checkTweedieDomain(_ yTrue: [Double], _ yPred: [Double], power p: Double) throws {
  guard p.isFinite, p <= 0 || p >= 1 else {
    throw LearnError.invalidParameter(
      estimator: "mean_tweedie_deviance", name: "power", value: "\(p)",
      expected: "a number <= 0 or >= 1")
  }
  let predOK = p == 0 || yPred.allSatisfy { $0 > 0 }
  let trueOK: Bool
  if p >= 2 {
    trueOK = yTrue.allSatisfy { $0 > 0 }
  } else if p >= 1 {
    trueOK = yTrue.allSatisfy { $0 >= 0 }
  } else {
    trueOK = true
  }
  guard predOK && trueOK else {
    let need: String
    if p < 0 {
      need = "strictly positive y_pred"
    } else if p < 2 {
      need = "non-negative y and strictly positive y_pred"
    } else {
      need = "strictly positive y and y_pred"
    }
    throw LearnError.unsupportedInput(
      input: predOK ? "y_true" : "y_pred",
      reason: "mean Tweedie deviance with power=\(p) can only be used on \(need)")
  }
}

func tweedie(_ y: [Double], _ mu: (Int) -> Double, _ w: [Double]?, _ p: Double) -> Double {
  weightedMean(count: y.count, w) { i in
    let t = y[i]
    let m = mu(i)
    if p < 0 {
      return 2
        * (pow(t > 0 ? t : 0, 2 - p) / ((1 - p) * (2 - p)) - t * pow(m, 1 - p) / (1 - p)
          + pow(m, 2 - p) / (2 - p))
    } else if p == 0 {
      return (t - m) * (t - m)
    } else if p == 1 {
      return 2 * ((t == 0 ? 0 : t * log(t / m)) - t + m)
    } else if p == 2 {
      return 2 * (log(m / t) + t / m - 1)
    }
    return 2
      * (pow(t, 2 - p) / ((1 - p) * (2 - p)) - t * pow(m, 1 - p) / (1 - p) + pow(m, 2 - p)
        / (2 - p))
  }
}

/// The mean Poisson deviance (Tweedie power 1).
///
/// scikit-learn: `sklearn.metrics.mean_poisson_deviance`.
///
/// - Throws: as ``meanTweedieDeviance(yTrue:yPred:sampleWeight:power:)``.
/// - Complexity: O(n).
public func meanPoissonDeviance(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil)
  throws -> Double
{
  try meanTweedieDeviance(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight, power: 1)
}

/// The mean Gamma deviance (Tweedie power 2).
///
/// scikit-learn: `sklearn.metrics.mean_gamma_deviance`.
///
/// - Throws: as ``meanTweedieDeviance(yTrue:yPred:sampleWeight:power:)``.
/// - Complexity: O(n).
public func meanGammaDeviance(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil)
  throws -> Double
{
  try meanTweedieDeviance(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight, power: 2)
}

/// D² for the Tweedie deviance: the fraction of deviance explained, against the mean.
///
/// scikit-learn: `sklearn.metrics.d2_tweedie_score` (default `power = 0`, which is R²).
/// Fewer than two samples give NaN.
///
/// - Throws: as ``meanTweedieDeviance(yTrue:yPred:sampleWeight:power:)``.
/// - Complexity: O(n).
public func d2TweedieScore(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil, power: Double = 0
) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  try checkTweedieDomain(yTrue, yPred, power: power)
  if yTrue.count < 2 { return .nan }
  let num = tweedie(yTrue, { yPred[$0] }, sampleWeight, power)
  let mean = weightedMean(count: yTrue.count, sampleWeight) { yTrue[$0] }
  let den = tweedie(yTrue, { _ in mean }, sampleWeight, power)
  return 1 - num / den
}

/// D² for the pinball loss: the fraction of pinball loss explained, against the
/// `alpha`-quantile.
///
/// scikit-learn: `sklearn.metrics.d2_pinball_score` (default `alpha = 0.5`; constant targets
/// are forced finite like R²). Fewer than two samples give NaN.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.invalidParameter` when `alpha` is outside [0, 1].
/// - Complexity: O(n log n).
public func d2PinballScore(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil, alpha: Double = 0.5
) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  try Check.within(alpha, 0...1, estimator: "d2_pinball_score", name: "alpha")
  if yTrue.count < 2 { return .nan }
  let num = pinball(yTrue, yPred, sampleWeight, alpha)
  let w = sampleWeight ?? [Double](repeating: 1, count: yTrue.count)
  let q = weightedPercentile(yTrue, weights: w, rank: alpha * 100)
  let den = pinball(yTrue, [Double](repeating: q, count: yTrue.count), sampleWeight, alpha)
  return explainedFraction(num, den, forceFinite: true)
}

/// D² for the absolute error (``d2PinballScore(yTrue:yPred:sampleWeight:alpha:)`` at 0.5).
///
/// scikit-learn: `sklearn.metrics.d2_absolute_error_score`.
///
/// - Throws: as ``d2PinballScore(yTrue:yPred:sampleWeight:alpha:)``.
/// - Complexity: O(n log n).
public func d2AbsoluteErrorScore(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil
) throws -> Double {
  try d2PinballScore(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight, alpha: 0.5)
}

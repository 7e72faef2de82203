import Foundation
import SwiftLearnCore

/// The mean absolute percentage error `mean(|y − ŷ| / max(|y|, ε))`.
///
/// scikit-learn: `sklearn.metrics.mean_absolute_percentage_error`; `ε = Double.ulpOfOne`
/// (numpy's float64 eps), so a zero target gives a huge but finite error. The result is a
/// fraction, not a percentage.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`.
/// - Complexity: O(n).
public func meanAbsolutePercentageError(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil
) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  return weightedMean(count: yTrue.count, sampleWeight) {
    abs(yPred[$0] - yTrue[$0]) / max(abs(yTrue[$0]), Double.ulpOfOne)
  }
}

/// The median of absolute errors (weighted: the averaged weighted median).
///
/// scikit-learn: `sklearn.metrics.median_absolute_error`. With weights, scikit-learn's
/// `_weighted_percentile(average=True)` is used, which equals the plain median for unit
/// weights.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`.
/// - Complexity: O(n log n).
public func medianAbsoluteError(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil)
  throws -> Double
{
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  let errors = (0..<yTrue.count).map { abs(yPred[$0] - yTrue[$0]) }
  if let sampleWeight {
    return weightedPercentile(errors, weights: sampleWeight, rank: 50)
  }
  let sorted = errors.sorted()
  let n = sorted.count
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
}

/// The largest absolute error.
///
/// scikit-learn: `sklearn.metrics.max_error` (no weights, single output).
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`.
/// - Complexity: O(n).
public func maxError(yTrue: [Double], yPred: [Double]) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: nil)
  var m = 0.0
  for i in 0..<yTrue.count { m = max(m, abs(yTrue[i] - yPred[i])) }
  return m
}

/// The mean squared error of `log(1 + y)`.
///
/// scikit-learn: `sklearn.metrics.mean_squared_log_error`.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.unsupportedInput` when a value is `<= -1`.
/// - Complexity: O(n).
public func meanSquaredLogError(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil)
  throws -> Double
{
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  for (name, y) in [("y_true", yTrue), ("y_pred", yPred)] {
    if let bad = y.firstIndex(where: { $0 <= -1 }) {
      throw LearnError.unsupportedInput(
        input: name,
        reason: "value \(y[bad]) at row \(bad) is <= -1; mean squared log error needs values > -1"
      )
    }
  }
  return weightedMean(count: yTrue.count, sampleWeight) {
    let e = log1p(yTrue[$0]) - log1p(yPred[$0])
    return e * e
  }
}

/// The square root of ``meanSquaredLogError(yTrue:yPred:sampleWeight:)``.
///
/// scikit-learn: `sklearn.metrics.root_mean_squared_log_error`.
///
/// - Throws: as ``meanSquaredLogError(yTrue:yPred:sampleWeight:)``.
/// - Complexity: O(n).
public func rootMeanSquaredLogError(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil
) throws -> Double {
  try meanSquaredLogError(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight).squareRoot()
}

/// The pinball (quantile) loss `α·max(y − ŷ, 0) + (1 − α)·max(ŷ − y, 0)`, averaged.
///
/// scikit-learn: `sklearn.metrics.mean_pinball_loss` (default `alpha = 0.5`, half the MAE).
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.invalidParameter` when `alpha` is outside [0, 1].
/// - Complexity: O(n).
public func meanPinballLoss(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil, alpha: Double = 0.5
) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  try Check.within(alpha, 0...1, estimator: "mean_pinball_loss", name: "alpha")
  return pinball(yTrue, yPred, sampleWeight, alpha)
}

func pinball(_ yTrue: [Double], _ yPred: [Double], _ w: [Double]?, _ alpha: Double) -> Double {
  weightedMean(count: yTrue.count, w) {
    let d = yTrue[$0] - yPred[$0]
    let s: Double = d >= 0 ? 1 : 0
    return alpha * s * d - (1 - alpha) * (1 - s) * d
  }
}

/// The explained variance `1 − Var(y − ŷ) / Var(y)`.
///
/// scikit-learn: `sklearn.metrics.explained_variance_score` (single output; default
/// `forceFinite = true`: a constant `yTrue` gives 1 for perfect predictions, else 0).
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`.
/// - Complexity: O(n).
public func explainedVarianceScore(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil, forceFinite: Bool = true
) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  let (num, den) = explainedVarianceParts(yTrue, yPred, sampleWeight)
  return explainedFraction(num, den, forceFinite: forceFinite)
}

func explainedVarianceParts(_ yTrue: [Double], _ yPred: [Double], _ w: [Double]?) -> (
  Double, Double
) {
  let n = yTrue.count
  let diffMean = weightedMean(count: n, w) { yTrue[$0] - yPred[$0] }
  let num = weightedMean(count: n, w) {
    let d = yTrue[$0] - yPred[$0] - diffMean
    return d * d
  }
  let mean = weightedMean(count: n, w) { yTrue[$0] }
  let den = weightedMean(count: n, w) {
    let d = yTrue[$0] - mean
    return d * d
  }
  return (num, den)
}

/// scikit-learn's `_weighted_percentile(..., average=True)`: the averaged inverted weighted CDF.
func weightedPercentile(_ values: [Double], weights: [Double], rank: Double) -> Double {
  let order = values.indices.sorted { values[$0] < values[$1] }
  let n = order.count
  var cdf = [Double](repeating: 0, count: n)
  var running = 0.0
  for r in 0..<n {
    running += weights[order[r]]
    cdf[r] = running
  }
  if running == 0 { return .nan }
  var target = rank / 100 * running
  if target == 0 { target = target.nextUp }
  var idx = 0
  while idx < n && cdf[idx] < target { idx += 1 }
  idx = min(idx, n - 1)
  let value = values[order[idx]]
  if cdf[idx] - target > Double.ulpOfOne { return value }
  var next = min(idx + 1, n - 1)
  if weights[order[next]] == 0 {
    var j = 0
    while j < n && cdf[j] <= cdf[idx] { j += 1 }
    next = j > n - 1 ? idx : j
  }
  return (value + values[order[next]]) / 2
}

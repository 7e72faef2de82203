import SwiftLearnCore

/// The coefficient of determination R².
///
/// `1 − Σ w(y − ŷ)² / Σ w(y − ȳ)²`. A constant `yTrue` gives 1 when the predictions are
/// perfect and 0 otherwise (scikit-learn's default `force_finite=True`; with `false` the raw
/// NaN or −infinity). Fewer than two samples give NaN, like scikit-learn.
///
/// scikit-learn: `sklearn.metrics.r2_score` (single output; see
/// ``r2Score(yTrue:yPred:sampleWeight:multioutput:forceFinite:)`` for several outputs).
///
///     let r2 = try r2Score(yTrue: y, yPred: model.predict(x))
///
/// - Throws: `LearnError.emptyInput(input:reason:)`, `LearnError.lengthMismatch(input:expected:got:)`,
///   `LearnError.nonFinite(input:row:column:)`, `LearnError.invalidSampleWeight(reason:)`.
/// - Complexity: O(n).
public func r2Score(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil, forceFinite: Bool = true
) throws -> Double {
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  if yTrue.count < 2 { return .nan }
  let (residual, spread) = r2Parts(yTrue, yPred, sampleWeight)
  return explainedFraction(residual, spread, forceFinite: forceFinite)
}

/// The residual and total sums of squares of R².
func r2Parts(_ yTrue: [Double], _ yPred: [Double], _ sampleWeight: [Double]?) -> (
  Double, Double
) {
  var total = 0.0
  var mean = 0.0
  for i in 0..<yTrue.count {
    let w = sampleWeight?[i] ?? 1
    total += w
    mean += w * yTrue[i]
  }
  mean /= total
  var residual = 0.0
  var spread = 0.0
  for i in 0..<yTrue.count {
    let w = sampleWeight?[i] ?? 1
    let e = yTrue[i] - yPred[i]
    let t = yTrue[i] - mean
    residual += w * e * e
    spread += w * t * t
  }
  return (residual, spread)
}

/// `1 − numerator / denominator`, with scikit-learn's `force_finite` replacements.
func explainedFraction(_ numerator: Double, _ denominator: Double, forceFinite: Bool) -> Double {
  if !forceFinite { return 1 - numerator / denominator }
  if denominator == 0 { return numerator == 0 ? 1 : 0 }
  if numerator == 0 { return 1 }
  return 1 - numerator / denominator
}

/// The (weighted) mean of squared errors.
///
/// scikit-learn: `sklearn.metrics.mean_squared_error`.
/// - Throws: as ``r2Score(yTrue:yPred:sampleWeight:forceFinite:)``.
/// - Complexity: O(n).
public func meanSquaredError(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil)
  throws -> Double
{
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  return weightedMean(count: yTrue.count, sampleWeight) {
    let e = yTrue[$0] - yPred[$0]
    return e * e
  }
}

/// The square root of ``meanSquaredError(yTrue:yPred:sampleWeight:)``.
///
/// scikit-learn: `sklearn.metrics.root_mean_squared_error`.
/// - Throws: as ``r2Score(yTrue:yPred:sampleWeight:forceFinite:)``.
/// - Complexity: O(n).
public func rootMeanSquaredError(
  yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil
) throws -> Double {
  try meanSquaredError(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight).squareRoot()
}

/// The (weighted) mean of absolute errors.
///
/// scikit-learn: `sklearn.metrics.mean_absolute_error`.
/// - Throws: as ``r2Score(yTrue:yPred:sampleWeight:forceFinite:)``.
/// - Complexity: O(n).
public func meanAbsoluteError(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil)
  throws -> Double
{
  try MetricInput.pair(yTrue, yPred, sampleWeight: sampleWeight)
  return weightedMean(count: yTrue.count, sampleWeight) { abs(yTrue[$0] - yPred[$0]) }
}

func weightedMean(count: Int, _ weights: [Double]?, _ value: (Int) -> Double) -> Double {
  var total = 0.0
  var sum = 0.0
  for i in 0..<count {
    let w = weights?[i] ?? 1
    total += w
    sum += w * value(i)
  }
  return sum / total
}

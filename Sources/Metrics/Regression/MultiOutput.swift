import LinearAlgebra
import SwiftLearnCore

/// How the scores of several outputs (target columns) are combined.
///
/// scikit-learn: the `multioutput` parameter of the regression metrics (`"raw_values"` is
/// ``rawValues``, an array of weights is ``weights(_:)``). Default ``uniformAverage``.
public enum MultiOutput: Sendable, Hashable, Codable {
  /// One score per output.
  case rawValues
  /// The plain mean over outputs.
  case uniformAverage
  /// The mean weighted by each output's variance (R² and explained variance only).
  case varianceWeighted
  /// The mean weighted by the given per-output weights.
  case weights([Double])
}

/// Splits two target matrices into columns after checking them.
private func outputColumns(_ yTrue: Matrix, _ yPred: Matrix, _ sampleWeight: [Double]?) throws
  -> [([Double], [Double])]
{
  guard yTrue.rowCount >= 1, yTrue.columnCount >= 1 else {
    throw LearnError.emptyInput(input: "y_true", reason: "found 0 samples or 0 outputs")
  }
  guard yPred.rowCount == yTrue.rowCount else {
    throw LearnError.lengthMismatch(input: "y_pred", expected: yTrue.rowCount, got: yPred.rowCount)
  }
  guard yPred.columnCount == yTrue.columnCount else {
    throw LearnError.lengthMismatch(
      input: "y_pred outputs", expected: yTrue.columnCount, got: yPred.columnCount)
  }
  try Validate.finite(yTrue, input: "y_true")
  try Validate.finite(yPred, input: "y_pred")
  try Validate.sampleWeight(sampleWeight, sampleCount: yTrue.rowCount)
  var out: [([Double], [Double])] = []
  for j in 0..<yTrue.columnCount { out.append((try yTrue.column(j), try yPred.column(j))) }
  return out
}

/// Averages per-output scores; `variances` weights `.varianceWeighted`.
private func combine(
  _ scores: [Double], _ how: MultiOutput, variances: [Double]?, function: String
) throws -> [Double] {
  switch how {
  case .rawValues: return scores
  case .uniformAverage: return [scores.reduce(0, +) / Double(scores.count)]
  case .varianceWeighted:
    guard let variances else {
      throw LearnError.invalidParameter(
        estimator: function, name: "multioutput", value: "variance_weighted",
        expected: "raw_values, uniform_average or an array of weights")
    }
    if !variances.contains(where: { $0 != 0 }) {
      return [scores.reduce(0, +) / Double(scores.count)]
    }
    return try combine(scores, .weights(variances), variances: nil, function: function)
  case .weights(let w):
    guard w.count == scores.count else {
      throw LearnError.lengthMismatch(input: "multioutput", expected: scores.count, got: w.count)
    }
    var sum = 0.0
    var total = 0.0
    for k in 0..<w.count {
      sum += w[k] * scores[k]
      total += w[k]
    }
    return [sum / total]
  }
}

/// R² for several outputs (one per column).
///
/// scikit-learn: `sklearn.metrics.r2_score` with 2-D targets. Returns one value per output
/// for ``MultiOutput/rawValues``, otherwise a single averaged value. Defaults:
/// `multioutput = .uniformAverage`, `forceFinite = true`.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch` (rows, outputs, or weights),
///   `.nonFinite`, `.invalidSampleWeight`.
/// - Complexity: O(n·m) for m outputs.
public func r2Score(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil,
  multioutput: MultiOutput = .uniformAverage, forceFinite: Bool = true
) throws -> [Double] {
  let columns = try outputColumns(yTrue, yPred, sampleWeight)
  if yTrue.rowCount < 2 { return [.nan] }
  var scores: [Double] = []
  var spreads: [Double] = []
  for (t, p) in columns {
    let (num, den) = r2Parts(t, p, sampleWeight)
    scores.append(explainedFraction(num, den, forceFinite: forceFinite))
    spreads.append(den)
  }
  return try combine(scores, multioutput, variances: spreads, function: "r2_score")
}

/// Explained variance for several outputs.
///
/// scikit-learn: `sklearn.metrics.explained_variance_score` with 2-D targets (see
/// ``r2Score(yTrue:yPred:sampleWeight:multioutput:forceFinite:)`` for the result's shape).
///
/// - Throws: as ``r2Score(yTrue:yPred:sampleWeight:multioutput:forceFinite:)``.
/// - Complexity: O(n·m).
public func explainedVarianceScore(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil,
  multioutput: MultiOutput = .uniformAverage, forceFinite: Bool = true
) throws -> [Double] {
  let columns = try outputColumns(yTrue, yPred, sampleWeight)
  var scores: [Double] = []
  var spreads: [Double] = []
  for (t, p) in columns {
    let (num, den) = explainedVarianceParts(t, p, sampleWeight)
    scores.append(explainedFraction(num, den, forceFinite: forceFinite))
    spreads.append(den)
  }
  return try combine(
    scores, multioutput, variances: spreads, function: "explained_variance_score")
}

/// A per-output loss for several outputs.
private func perOutput(
  _ yTrue: Matrix, _ yPred: Matrix, _ sampleWeight: [Double]?, _ how: MultiOutput,
  _ function: String, _ loss: ([Double], [Double]) throws -> Double
) throws -> [Double] {
  let columns = try outputColumns(yTrue, yPred, sampleWeight)
  return try combine(columns.map { try loss($0.0, $0.1) }, how, variances: nil, function: function)
}

/// Mean squared error for several outputs.
///
/// scikit-learn: `sklearn.metrics.mean_squared_error` with 2-D targets (default
/// `multioutput = .uniformAverage`; `.varianceWeighted` is rejected, as in scikit-learn).
///
/// - Throws: as ``r2Score(yTrue:yPred:sampleWeight:multioutput:forceFinite:)``, and
///   `LearnError.invalidParameter` for `.varianceWeighted`.
/// - Complexity: O(n·m).
public func meanSquaredError(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil,
  multioutput: MultiOutput = .uniformAverage
) throws -> [Double] {
  try perOutput(yTrue, yPred, sampleWeight, multioutput, "mean_squared_error") {
    try meanSquaredError(yTrue: $0, yPred: $1, sampleWeight: sampleWeight)
  }
}

/// Root mean squared error for several outputs (the root of each output's MSE, then
/// averaged).
///
/// scikit-learn: `sklearn.metrics.root_mean_squared_error` with 2-D targets.
///
/// - Throws: as ``meanSquaredError(yTrue:yPred:sampleWeight:multioutput:)``.
/// - Complexity: O(n·m).
public func rootMeanSquaredError(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil,
  multioutput: MultiOutput = .uniformAverage
) throws -> [Double] {
  try perOutput(yTrue, yPred, sampleWeight, multioutput, "root_mean_squared_error") {
    try rootMeanSquaredError(yTrue: $0, yPred: $1, sampleWeight: sampleWeight)
  }
}

/// Mean absolute error for several outputs.
///
/// scikit-learn: `sklearn.metrics.mean_absolute_error` with 2-D targets.
///
/// - Throws: as ``meanSquaredError(yTrue:yPred:sampleWeight:multioutput:)``.
/// - Complexity: O(n·m).
public func meanAbsoluteError(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil,
  multioutput: MultiOutput = .uniformAverage
) throws -> [Double] {
  try perOutput(yTrue, yPred, sampleWeight, multioutput, "mean_absolute_error") {
    try meanAbsoluteError(yTrue: $0, yPred: $1, sampleWeight: sampleWeight)
  }
}

/// Mean absolute percentage error for several outputs.
///
/// scikit-learn: `sklearn.metrics.mean_absolute_percentage_error` with 2-D targets.
///
/// - Throws: as ``meanSquaredError(yTrue:yPred:sampleWeight:multioutput:)``.
/// - Complexity: O(n·m).
public func meanAbsolutePercentageError(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil,
  multioutput: MultiOutput = .uniformAverage
) throws -> [Double] {
  try perOutput(yTrue, yPred, sampleWeight, multioutput, "mean_absolute_percentage_error") {
    try meanAbsolutePercentageError(yTrue: $0, yPred: $1, sampleWeight: sampleWeight)
  }
}

/// Median absolute error for several outputs.
///
/// scikit-learn: `sklearn.metrics.median_absolute_error` with 2-D targets.
///
/// - Throws: as ``meanSquaredError(yTrue:yPred:sampleWeight:multioutput:)``.
/// - Complexity: O(m·n log n).
public func medianAbsoluteError(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil,
  multioutput: MultiOutput = .uniformAverage
) throws -> [Double] {
  try perOutput(yTrue, yPred, sampleWeight, multioutput, "median_absolute_error") {
    try medianAbsoluteError(yTrue: $0, yPred: $1, sampleWeight: sampleWeight)
  }
}

/// Mean pinball loss for several outputs.
///
/// scikit-learn: `sklearn.metrics.mean_pinball_loss` with 2-D targets (default
/// `alpha = 0.5`).
///
/// - Throws: as ``meanSquaredError(yTrue:yPred:sampleWeight:multioutput:)``, and
///   `LearnError.invalidParameter` for `alpha` outside [0, 1].
/// - Complexity: O(n·m).
public func meanPinballLoss(
  yTrue: Matrix, yPred: Matrix, sampleWeight: [Double]? = nil, alpha: Double = 0.5,
  multioutput: MultiOutput = .uniformAverage
) throws -> [Double] {
  try perOutput(yTrue, yPred, sampleWeight, multioutput, "mean_pinball_loss") {
    try meanPinballLoss(yTrue: $0, yPred: $1, sampleWeight: sampleWeight, alpha: alpha)
  }
}

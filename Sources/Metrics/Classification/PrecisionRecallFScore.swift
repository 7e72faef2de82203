import SwiftLearnCore

/// Precision, recall, F-score and support, per class or averaged.
///
/// scikit-learn: the tuple returned by `precision_recall_fscore_support`. When an average was
/// asked for, each array holds one value and ``support`` is `nil` (scikit-learn returns
/// `None`).
public struct PrecisionRecallFScore<Label: ClassLabel>: Sendable, Hashable {
  /// The labels the per-class values refer to, in order (for an average: the labels averaged).
  public let labels: [Label]
  /// Precision `tp / (tp + fp)`, per label or one averaged value.
  public let precision: [Double]
  /// Recall `tp / (tp + fn)`, per label or one averaged value.
  public let recall: [Double]
  /// F-beta `(1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp)`, per label or one averaged value.
  public let fScore: [Double]
  /// The (weighted) number of true samples of each label; `nil` for an average.
  public let support: [Double]?
  /// Whether some value had a zero denominator and was replaced by the `zeroDivision` value
  /// (scikit-learn warns with `UndefinedMetricWarning`).
  public let isIllDefined: Bool
}

/// Precision, recall, F-beta and support for each class, or averaged.
///
/// scikit-learn: `sklearn.metrics.precision_recall_fscore_support`. Defaults: `beta = 1`,
/// `labels = nil` (the sorted labels of both inputs), `posLabel = nil` (`1` for `Int` labels,
/// like scikit-learn's `pos_label=1`; the greater label otherwise), `average = nil` (per class,
/// scikit-learn's `None`), `zeroDivision = .warn`. Samples whose labels are not in `labels` are
/// ignored. With `average: .binary` only `posLabel` is reported.
///
///     let r = try precisionRecallFScoreSupport(yTrue: y, yPred: p)
///     r.precision   // one value per class in r.labels
///
/// - Throws: `LearnError.emptyInput` / `.lengthMismatch` / `.invalidSampleWeight` for bad
///   input; `LearnError.invalidParameter` when `beta` is negative or NaN, `labels` is empty or
///   repeats a label, `average` is `.binary` but there are more than two labels, or `posLabel`
///   is not one of the two labels present.
/// - Complexity: O(n + k) for n samples and k labels (one hash lookup per sample).
public func precisionRecallFScoreSupport<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], beta: Double = 1, labels: [Label]? = nil,
  posLabel: Label? = nil, average: ClassAverage? = nil, sampleWeight: [Double]? = nil,
  zeroDivision: ZeroDivision = .warn
) throws -> PrecisionRecallFScore<Label> {
  try prfs(
    yTrue, yPred, beta: beta, labels: labels, posLabel: posLabel, average: average,
    sampleWeight: sampleWeight, zeroDivision: zeroDivision,
    function: "precision_recall_fscore_support")
}

/// Precision `tp / (tp + fp)`: the fraction of predicted positives that are right.
///
/// scikit-learn: `sklearn.metrics.precision_score` (defaults `average = .binary`,
/// `posLabel` = `1` for `Int` labels, `zeroDivision = .warn`, which gives 0).
///
/// - Throws: as ``precisionRecallFScoreSupport(yTrue:yPred:beta:labels:posLabel:average:sampleWeight:zeroDivision:)``.
/// - Complexity: O(n + k).
public func precisionScore<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], labels: [Label]? = nil, posLabel: Label? = nil,
  average: ClassAverage = .binary, sampleWeight: [Double]? = nil,
  zeroDivision: ZeroDivision = .warn
) throws -> Double {
  try prfs(
    yTrue, yPred, beta: 1, labels: labels, posLabel: posLabel, average: average,
    sampleWeight: sampleWeight, zeroDivision: zeroDivision, function: "precision_score"
  ).precision[0]
}

/// Recall `tp / (tp + fn)`: the fraction of true positives that are found.
///
/// scikit-learn: `sklearn.metrics.recall_score` (same defaults as ``precisionScore(yTrue:yPred:labels:posLabel:average:sampleWeight:zeroDivision:)``).
///
/// - Throws: as ``precisionRecallFScoreSupport(yTrue:yPred:beta:labels:posLabel:average:sampleWeight:zeroDivision:)``.
/// - Complexity: O(n + k).
public func recallScore<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], labels: [Label]? = nil, posLabel: Label? = nil,
  average: ClassAverage = .binary, sampleWeight: [Double]? = nil,
  zeroDivision: ZeroDivision = .warn
) throws -> Double {
  try prfs(
    yTrue, yPred, beta: 1, labels: labels, posLabel: posLabel, average: average,
    sampleWeight: sampleWeight, zeroDivision: zeroDivision, function: "recall_score"
  ).recall[0]
}

/// The F1 score, the harmonic mean of precision and recall.
///
/// scikit-learn: `sklearn.metrics.f1_score` (same defaults as ``precisionScore(yTrue:yPred:labels:posLabel:average:sampleWeight:zeroDivision:)``).
///
/// - Throws: as ``precisionRecallFScoreSupport(yTrue:yPred:beta:labels:posLabel:average:sampleWeight:zeroDivision:)``.
/// - Complexity: O(n + k).
public func f1Score<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], labels: [Label]? = nil, posLabel: Label? = nil,
  average: ClassAverage = .binary, sampleWeight: [Double]? = nil,
  zeroDivision: ZeroDivision = .warn
) throws -> Double {
  try prfs(
    yTrue, yPred, beta: 1, labels: labels, posLabel: posLabel, average: average,
    sampleWeight: sampleWeight, zeroDivision: zeroDivision, function: "f1_score"
  ).fScore[0]
}

/// The F-beta score: recall weighted `beta` times as much as precision.
///
/// scikit-learn: `sklearn.metrics.fbeta_score` (`beta` is required; other defaults as
/// ``precisionScore(yTrue:yPred:labels:posLabel:average:sampleWeight:zeroDivision:)``).
///
/// - Throws: as ``precisionRecallFScoreSupport(yTrue:yPred:beta:labels:posLabel:average:sampleWeight:zeroDivision:)``.
/// - Complexity: O(n + k).
public func fBetaScore<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], beta: Double, labels: [Label]? = nil, posLabel: Label? = nil,
  average: ClassAverage = .binary, sampleWeight: [Double]? = nil,
  zeroDivision: ZeroDivision = .warn
) throws -> Double {
  try prfs(
    yTrue, yPred, beta: beta, labels: labels, posLabel: posLabel, average: average,
    sampleWeight: sampleWeight, zeroDivision: zeroDivision, function: "fbeta_score"
  ).fScore[0]
}

/// Divides elementwise, replacing zero denominators by the zero-division value.
private func divide(
  _ num: [Double], _ den: [Double], _ zeroDivision: ZeroDivision, _ flagged: inout Bool
) -> [Double] {
  var out = [Double](repeating: 0, count: num.count)
  for k in 0..<num.count {
    if den[k] == 0 {
      out[k] = zeroDivision.value
      flagged = true
    } else {
      out[k] = num[k] / den[k]
    }
  }
  return out
}

/// The mean ignoring NaN entries (scikit-learn's `_nanaverage`).
func nanAverage(_ values: [Double], weights: [Double]?) -> Double {
  var sum = 0.0
  var total = 0.0
  var plainSum = 0.0
  var plainCount = 0.0
  for k in 0..<values.count where !values[k].isNaN {
    let w = weights?[k] ?? 1
    sum += w * values[k]
    total += w
    plainSum += values[k]
    plainCount += 1
  }
  if plainCount == 0 { return .nan }
  if total == 0 { return plainSum / plainCount }
  return sum / total
}

func prfs<Label: ClassLabel>(
  _ yTrue: [Label], _ yPred: [Label], beta: Double, labels: [Label]?, posLabel: Label?,
  average: ClassAverage?, sampleWeight: [Double]?, zeroDivision: ZeroDivision, function: String
) throws -> PrecisionRecallFScore<Label> {
  try MetricInput.labels(yTrue, yPred, sampleWeight: sampleWeight)
  guard beta >= 0 else {
    throw LearnError.invalidParameter(
      estimator: function, name: "beta", value: "\(beta)", expected: "a number >= 0")
  }
  let present = sortedUnion(yTrue, yPred)
  var used: [Label]
  if average == .binary {
    guard present.count <= 2 else {
      throw LearnError.invalidParameter(
        estimator: function, name: "average", value: "binary",
        expected: "one of micro, macro, weighted or nil: the target is multiclass")
    }
    let positive = posLabel ?? defaultPositiveLabel(present)
    guard let positive, present.count < 2 || present.contains(positive) else {
      throw LearnError.invalidParameter(
        estimator: function, name: "pos_label", value: "\(posLabel.map { "\($0)" } ?? "nil")",
        expected: "one of \(present)")
    }
    used = [positive]
  } else if let labels {
    try checkDistinct(labels, function: function)
    used = labels
  } else {
    used = present
  }
  let k = used.count
  let t = codes(yTrue, in: used)
  let p = codes(yPred, in: used)
  var tp = [Double](repeating: 0, count: k)
  var predSum = [Double](repeating: 0, count: k)
  var trueSum = [Double](repeating: 0, count: k)
  for i in 0..<t.count {
    let w = sampleWeight?[i] ?? 1
    if t[i] >= 0 {
      trueSum[t[i]] += w
      if t[i] == p[i] { tp[t[i]] += w }
    }
    if p[i] >= 0 { predSum[p[i]] += w }
  }
  // scikit-learn rebuilds the sums from the confusion counts (tp + fn, tp + fp); doing the
  // same keeps the last bits of weighted sums identical.
  for c in 0..<k {
    trueSum[c] = tp[c] + (trueSum[c] - tp[c])
    predSum[c] = tp[c] + (predSum[c] - tp[c])
  }
  let support = trueSum
  if average == .micro {
    tp = [tp.reduce(0, +)]
    predSum = [predSum.reduce(0, +)]
    trueSum = [trueSum.reduce(0, +)]
  }
  var flagged = false
  let precision = divide(tp, predSum, zeroDivision, &flagged)
  let recall = divide(tp, trueSum, zeroDivision, &flagged)
  let f: [Double]
  if beta == .infinity {
    f = recall
  } else if beta == 0 {
    f = precision
  } else {
    let b2 = beta * beta
    var num = [Double](repeating: 0, count: tp.count)
    var den = [Double](repeating: 0, count: tp.count)
    for c in 0..<tp.count {
      num[c] = (1 + b2) * tp[c]
      den[c] = b2 * trueSum[c] + predSum[c]
    }
    f = divide(num, den, zeroDivision, &flagged)
  }
  guard let average else {
    return PrecisionRecallFScore(
      labels: used, precision: precision, recall: recall, fScore: f, support: support,
      isIllDefined: flagged)
  }
  let weights: [Double]? = average == .weighted ? trueSum : nil
  return PrecisionRecallFScore(
    labels: used, precision: [nanAverage(precision, weights: weights)],
    recall: [nanAverage(recall, weights: weights)], fScore: [nanAverage(f, weights: weights)],
    support: nil, isIllDefined: flagged)
}

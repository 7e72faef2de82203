import LinearAlgebra
import SwiftLearnCore

/// A precision–recall curve.
///
/// scikit-learn: the `(precision, recall, thresholds)` tuple of `precision_recall_curve`.
public struct PrecisionRecallCurve: Sendable, Hashable {
  /// Precision at each threshold, by increasing threshold, then a final 1.
  public let precision: [Double]
  /// Recall at each threshold (decreasing), then a final 0.
  public let recall: [Double]
  /// The distinct scores, increasing (one fewer than ``precision``).
  public let thresholds: [Double]
}

/// The precision–recall pairs at every distinct score.
///
/// scikit-learn: `sklearn.metrics.precision_recall_curve`. Defaults: `posLabel = nil` (`1`
/// for `Int` labels, the greater label otherwise), no weights, `dropIntermediate = false`.
/// Without positive samples recall is 1 at every threshold, like scikit-learn.
///
/// - Throws: as ``rocCurve(yTrue:yScore:posLabel:sampleWeight:dropIntermediate:)``.
/// - Complexity: O(n).
public func precisionRecallCurve<Label: ClassLabel>(
  yTrue: [Label], yScore: [Double], posLabel: Label? = nil, sampleWeight: [Double]? = nil,
  dropIntermediate: Bool = false
) throws -> PrecisionRecallCurve {
  try checkRankingInput(yTrue, yScore, sampleWeight)
  let positive = try resolvePositive(yTrue, posLabel, function: "precision_recall_curve")
  return precisionRecallCurve(positiveMask(yTrue, positive), yScore, sampleWeight, dropIntermediate)
}

func precisionRecallCurve(_ positive: [Bool], _ score: [Double], _ weights: [Double]?, _ drop: Bool)
  -> PrecisionRecallCurve
{
  var c = thresholdCounts(positive: positive, scores: score, weights: weights)
  if drop, c.fps.count > 2 {
    var keep: [Int] = [0]
    for i in 1..<(c.tps.count - 1) where c.tps[i] != c.tps[i - 1] || c.tps[i + 1] != c.tps[i] {
      keep.append(i)
    }
    keep.append(c.tps.count - 1)
    c = ThresholdCounts(
      fps: keep.map { c.fps[$0] }, tps: keep.map { c.tps[$0] },
      thresholds: keep.map { c.thresholds[$0] })
  }
  let m = c.tps.count
  var precision = [Double](repeating: 0, count: m + 1)
  var recall = [Double](repeating: 0, count: m + 1)
  let tLast = c.tps[m - 1]
  for r in 0..<m {
    let i = m - 1 - r
    let ps = c.tps[i] + c.fps[i]
    precision[r] = ps != 0 ? c.tps[i] / ps : 0
    recall[r] = tLast == 0 ? 1 : c.tps[i] / tLast
  }
  precision[m] = 1
  recall[m] = 0
  return PrecisionRecallCurve(
    precision: precision, recall: recall, thresholds: c.thresholds.reversed())
}

func binaryAveragePrecision(_ positive: [Bool], _ score: [Double], _ weights: [Double]?)
  -> Double
{
  let curve = precisionRecallCurve(positive, score, weights, false)
  var sum = 0.0
  for i in 0..<(curve.recall.count - 1) {
    sum += (curve.recall[i + 1] - curve.recall[i]) * curve.precision[i]
  }
  return max(0, -sum)
}

/// Average precision: the precision–recall curve summarized as `Σ (R_n − R_{n−1}) P_n`.
///
/// scikit-learn: `sklearn.metrics.average_precision_score` (binary form). This is the
/// step-wise sum, not the trapezoidal area. Defaults: `posLabel = nil` (`1` for `Int`
/// labels, like scikit-learn's `pos_label=1`; the greater label otherwise).
///
/// - Throws: as ``rocCurve(yTrue:yScore:posLabel:sampleWeight:dropIntermediate:)``.
/// - Complexity: O(n).
public func averagePrecisionScore<Label: ClassLabel>(
  yTrue: [Label], yScore: [Double], posLabel: Label? = nil, sampleWeight: [Double]? = nil
) throws -> Double {
  try checkRankingInput(yTrue, yScore, sampleWeight)
  let positive = try resolvePositive(yTrue, posLabel, function: "average_precision_score")
  return binaryAveragePrecision(positiveMask(yTrue, positive), yScore, sampleWeight)
}

/// Multiclass average precision, one class against the rest, averaged.
///
/// scikit-learn: `sklearn.metrics.average_precision_score` with a multiclass `y_true` and a
/// 2-D `y_score` (columns in the sorted order of the labels of `yTrue`). Default
/// `average = .macro`.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch` (rows, or columns against the number
///   of classes), `.nonFinite`, `.invalidSampleWeight`.
/// - Complexity: O(k·n).
public func averagePrecisionScore<Label: ClassLabel>(
  yTrue: [Label], yScore: Matrix, average: ScoreAverage = .macro, sampleWeight: [Double]? = nil
) throws -> Double {
  guard yScore.rowCount == yTrue.count else {
    throw LearnError.lengthMismatch(input: "y_score", expected: yTrue.count, got: yScore.rowCount)
  }
  try MetricInput.labels(yTrue, yTrue, sampleWeight: sampleWeight)
  try Validate.finite(yScore, input: "y_score")
  try checkSortable(yTrue.count)
  let classes = Array(Set(yTrue)).sorted()
  let k = yScore.columnCount
  if classes.count <= 2 && k <= 2 {
    return try averagePrecisionScore(
      yTrue: yTrue, yScore: yScore.column(k - 1), posLabel: classes.last,
      sampleWeight: sampleWeight)
  }
  guard classes.count == k else {
    throw LearnError.lengthMismatch(input: "y_score columns", expected: classes.count, got: k)
  }
  let codes = codes(yTrue, in: classes)
  if average == .micro {
    try checkSortable(codes.count * k)
    var truth: [Bool] = []
    var scores: [Double] = []
    var weights: [Double]? = sampleWeight == nil ? nil : []
    for i in 0..<codes.count {
      for j in 0..<k {
        truth.append(codes[i] == j)
        scores.append(yScore[i, j])
        if let w = sampleWeight?[i] { weights?.append(w) }
      }
    }
    return binaryAveragePrecision(truth, scores, weights)
  }
  var sum = 0.0
  var total = 0.0
  for j in 0..<k {
    let truth = codes.map { $0 == j }
    let ap = binaryAveragePrecision(truth, try yScore.column(j), sampleWeight)
    var prevalence = 0.0
    for i in 0..<codes.count where truth[i] { prevalence += sampleWeight?[i] ?? 1 }
    let w = average == .weighted ? prevalence : 1
    if w != 0 { sum += w * ap }
    total += w
  }
  return total == 0 ? 0 : sum / total
}

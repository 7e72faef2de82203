import LinearAlgebra
import SwiftLearnCore

/// A receiver operating characteristic curve.
///
/// scikit-learn: the `(fpr, tpr, thresholds)` tuple of `roc_curve`.
public struct ROCCurve: Sendable, Hashable {
  /// False-positive rates, increasing, starting at 0 (all NaN without negative samples).
  public let falsePositiveRates: [Double]
  /// True-positive rates, increasing, starting at 0 (all NaN without positive samples).
  public let truePositiveRates: [Double]
  /// Decreasing score thresholds; the first is `+infinity` (nothing predicted positive), as in
  /// scikit-learn ≥ 1.3.
  public let thresholds: [Double]
}

/// The ROC curve of scores against a binary truth.
///
/// scikit-learn: `sklearn.metrics.roc_curve`. Defaults: `posLabel = nil` (`1` for `Int`
/// labels, the greater label otherwise), no weights, `dropIntermediate = true` (points that
/// are collinear with their neighbours are dropped, like scikit-learn).
///
///     let roc = try rocCurve(yTrue: [0, 0, 1, 1], yScore: [0.1, 0.4, 0.35, 0.8])
///     roc.thresholds   // [inf, 0.8, 0.4, 0.35, 0.1]
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.unsupportedInput` for more than two labels without `posLabel`;
///   `LearnError.invalidParameter` when `posLabel` is not one of the two labels.
/// - Complexity: O(n) (radix sort of the scores).
public func rocCurve<Label: ClassLabel>(
  yTrue: [Label], yScore: [Double], posLabel: Label? = nil, sampleWeight: [Double]? = nil,
  dropIntermediate: Bool = true
) throws -> ROCCurve {
  try checkRankingInput(yTrue, yScore, sampleWeight)
  let positive = try resolvePositive(yTrue, posLabel, function: "roc_curve")
  return rocCurve(
    positiveMask(yTrue, positive), yScore, sampleWeight, dropIntermediate)
}

func rocCurve(_ positive: [Bool], _ score: [Double], _ weights: [Double]?, _ drop: Bool)
  -> ROCCurve
{
  var c = thresholdCounts(positive: positive, scores: score, weights: weights)
  if drop, c.fps.count > 2 {
    var keep: [Int] = [0]
    for i in 1..<(c.fps.count - 1) {
      let d2f = c.fps[i + 1] - 2 * c.fps[i] + c.fps[i - 1]
      let d2t = c.tps[i + 1] - 2 * c.tps[i] + c.tps[i - 1]
      if d2f != 0 || d2t != 0 { keep.append(i) }
    }
    keep.append(c.fps.count - 1)
    c = ThresholdCounts(
      fps: keep.map { c.fps[$0] }, tps: keep.map { c.tps[$0] },
      thresholds: keep.map { c.thresholds[$0] })
  }
  let fps = [0] + c.fps
  let tps = [0] + c.tps
  let fLast = fps[fps.count - 1]
  let tLast = tps[tps.count - 1]
  return ROCCurve(
    falsePositiveRates: fLast <= 0 ? fps.map { _ in .nan } : fps.map { $0 / fLast },
    truePositiveRates: tLast <= 0 ? tps.map { _ in .nan } : tps.map { $0 / tLast },
    thresholds: [.infinity] + c.thresholds)
}

/// The area under a curve by the trapezoidal rule.
///
/// scikit-learn: `sklearn.metrics.auc`. `x` must be monotonic (increasing or decreasing).
///
/// - Throws: `LearnError.lengthMismatch` when the lengths differ;
///   `LearnError.unsupportedInput` for fewer than 2 points or a non-monotonic `x`.
/// - Complexity: O(n).
public func auc(x: [Double], y: [Double]) throws -> Double {
  guard y.count == x.count else {
    throw LearnError.lengthMismatch(input: "y", expected: x.count, got: y.count)
  }
  guard x.count >= 2 else {
    throw LearnError.unsupportedInput(
      input: "x", reason: "at least 2 points are needed to compute area under curve")
  }
  var increasing = true
  var decreasing = true
  for i in 1..<x.count {
    if x[i] < x[i - 1] { increasing = false }
    if x[i] > x[i - 1] { decreasing = false }
  }
  guard increasing || decreasing else {
    throw LearnError.unsupportedInput(input: "x", reason: "x is neither increasing nor decreasing")
  }
  return (increasing ? 1 : -1) * trapezoid(x, y)
}

func trapezoid(_ x: [Double], _ y: [Double]) -> Double {
  var area = 0.0
  for i in 1..<x.count { area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2 }
  return area
}

/// Binary ROC AUC from a boolean truth; NaN when one class is missing.
func binaryROCAUC(_ positive: [Bool], _ score: [Double], _ weights: [Double]?, maxFPR: Double?)
  -> Double
{
  var hasPos = false
  var hasNeg = false
  for p in positive {
    if p { hasPos = true } else { hasNeg = true }
    if hasPos && hasNeg { break }
  }
  guard hasPos && hasNeg else { return .nan }
  if maxFPR == nil || maxFPR == 1 {
    return fullAUC(positive, score, weights)
  }
  let maxFPR = maxFPR ?? 1
  let roc = rocCurve(positive, score, weights, true)
  let fpr = roc.falsePositiveRates
  let tpr = roc.truePositiveRates
  var stop = 0
  while stop < fpr.count && fpr[stop] <= maxFPR { stop += 1 }
  let x0 = fpr[stop - 1]
  let x1 = fpr[stop]
  let y0 = tpr[stop - 1]
  let y1 = tpr[stop]
  let yAt = x1 == x0 ? y1 : y0 + (maxFPR - x0) * (y1 - y0) / (x1 - x0)
  let partial = trapezoid(Array(fpr[..<stop]) + [maxFPR], Array(tpr[..<stop]) + [yAt])
  let minArea = 0.5 * maxFPR * maxFPR
  return 0.5 * (1 + (partial - minArea) / (maxFPR - minArea))
}

/// The full ROC AUC in one pass over the sorted scores, without building the curve.
///
/// Collinear points dropped by scikit-learn add no area, so summing trapezoids at every
/// distinct score gives the same value; the counts are scaled to rates at the end.
private func fullAUC(_ positive: [Bool], _ score: [Double], _ weights: [Double]?) -> Double {
  var pos = positive
  var sc = score
  var w = weights
  if let weights, weights.contains(0) {
    let keep = weights.indices.filter { weights[$0] != 0 }
    pos = keep.map { positive[$0] }
    sc = keep.map { score[$0] }
    w = keep.map { weights[$0] }
  }
  let order = descendingOrder(sc)
  let n = order.count
  var tp = 0.0
  var fp = 0.0
  var lastTP = 0.0
  var lastFP = 0.0
  var twiceArea = 0.0
  pos.withUnsafeBufferPointer { p in
    sc.withUnsafeBufferPointer { s in
      order.withUnsafeBufferPointer { o in
        for r in 0..<n {
          let i = Int(o[r])
          let weight = w?[i] ?? 1
          if p[i] { tp += weight } else { fp += weight }
          if r == n - 1 || s[Int(o[r + 1])] != s[i] {
            twiceArea += (fp - lastFP) * (tp + lastTP)
            lastTP = tp
            lastFP = fp
          }
        }
      }
    }
  }
  return twiceArea / 2 / (fp * tp)
}

/// The area under the ROC curve of scores against a binary truth.
///
/// scikit-learn: `sklearn.metrics.roc_auc_score` with a binary `y_true` and 1-D `y_score`. The
/// greater of the two labels is the positive class (scikit-learn's `label_binarize`).
/// `maxFPR` (default `nil`) gives the McClish-standardized partial AUC over `[0, maxFPR]`.
///
///     let auc = try rocAUCScore(yTrue: y, yScore: scores)
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.tooFewClasses(found: 1)` when `yTrue` holds one class (scikit-learn 1.9 warns
///   and returns NaN; here it is an error); `LearnError.unsupportedInput` for more than two
///   classes (pass a score matrix); `LearnError.invalidParameter` for `maxFPR` outside (0, 1].
/// - Complexity: O(n) (radix sort of the scores).
public func rocAUCScore<Label: ClassLabel>(
  yTrue: [Label], yScore: [Double], sampleWeight: [Double]? = nil, maxFPR: Double? = nil
) throws -> Double {
  try checkRankingInput(yTrue, yScore, sampleWeight)
  if let maxFPR, !(maxFPR > 0 && maxFPR <= 1) {
    throw LearnError.invalidParameter(
      estimator: "roc_auc_score", name: "max_fpr", value: "\(maxFPR)",
      expected: "a number in (0, 1]")
  }
  let present = distinctLabels(yTrue, atMost: 2) ?? Array(Set(yTrue)).sorted()
  guard present.count >= 2 else { throw LearnError.tooFewClasses(found: present.count) }
  guard present.count == 2 else {
    throw LearnError.unsupportedInput(
      input: "y_score",
      reason: "y_true has \(present.count) classes; pass a score matrix and a multi-class strategy"
    )
  }
  let positive = present[1]
  return binaryROCAUC(positiveMask(yTrue, positive), yScore, sampleWeight, maxFPR: maxFPR)
}

/// How a multiclass ROC AUC is built from binary ones.
///
/// scikit-learn: the `multi_class` parameter of `roc_auc_score` (`"ovr"`, `"ovo"`).
public enum MultiClassStrategy: String, Sendable, Hashable, Codable, CaseIterable {
  /// Each class against the rest.
  case ovr
  /// Each pair of classes (Hand & Till); not with sample weights.
  case ovo
}

/// How per-class (or per-pair) scores are averaged.
///
/// scikit-learn: the `average` parameter of `roc_auc_score` and `average_precision_score`.
public enum ScoreAverage: String, Sendable, Hashable, Codable, CaseIterable {
  /// One binary score over all (sample, class) pairs (`ovr` only).
  case micro
  /// The unweighted mean.
  case macro
  /// The mean weighted by class prevalence.
  case weighted
}

/// The multiclass ROC AUC of a probability matrix.
///
/// scikit-learn: `sklearn.metrics.roc_auc_score` with a 2-D `y_score`. Column `j` is the
/// probability of the `j`-th label in sorted order (`labels` if given, else the labels of
/// `yTrue`); rows must sum to 1. Defaults: `multiClass = .ovr`, `average = .macro`. A matrix
/// with two columns is scored as a binary problem on its second column.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch` (rows, or columns against the number
///   of labels), `.nonFinite`, `.invalidSampleWeight`; `LearnError.tooFewClasses` for a single
///   class; `LearnError.unsupportedInput` when rows do not sum to 1;
///   `LearnError.invalidParameter` for `.micro` with `.ovo`, sample weights with `.ovo`, or
///   unsorted/repeating `labels`; `LearnError.unknownLabel` for a label of `yTrue` not in
///   `labels`.
/// - Complexity: O(k·n) for one-vs-rest, O(k²·n) for one-vs-one.
public func rocAUCScore<Label: ClassLabel>(
  yTrue: [Label], yScore: Matrix, multiClass: MultiClassStrategy = .ovr,
  average: ScoreAverage = .macro, labels: [Label]? = nil, sampleWeight: [Double]? = nil
) throws -> Double {
  let function = "roc_auc_score"
  guard yScore.rowCount == yTrue.count else {
    throw LearnError.lengthMismatch(input: "y_score", expected: yTrue.count, got: yScore.rowCount)
  }
  try MetricInput.labels(yTrue, yTrue, sampleWeight: sampleWeight)
  try Validate.finite(yScore, input: "y_score")
  try checkSortable(yTrue.count)
  if yScore.columnCount == 2, labels == nil {
    return try rocAUCScore(
      yTrue: yTrue, yScore: yScore.column(1), sampleWeight: sampleWeight)
  }
  let present = Array(Set(yTrue)).sorted()
  guard present.count >= 2 else { throw LearnError.tooFewClasses(found: present.count) }
  let classes: [Label]
  if let labels {
    try checkDistinct(labels, function: function)
    guard labels == labels.sorted() else {
      throw LearnError.invalidParameter(
        estimator: function, name: "labels", value: "\(labels)", expected: "sorted labels")
    }
    classes = labels
  } else {
    classes = present
  }
  let k = yScore.columnCount
  guard classes.count == k else {
    throw LearnError.lengthMismatch(input: "y_score columns", expected: classes.count, got: k)
  }
  let codes = codes(yTrue, in: classes)
  if let bad = codes.firstIndex(of: -1) {
    throw LearnError.unknownLabel("\(yTrue[bad]) (y_true holds a label not in labels)")
  }
  for i in 0..<yScore.rowCount {
    var s = 0.0
    for j in 0..<k { s += yScore[i, j] }
    guard abs(1 - s) <= 1e-8 + 1e-5 * abs(s) else {
      throw LearnError.unsupportedInput(
        input: "y_score",
        reason: "row \(i) sums to \(s); multiclass ROC AUC needs probabilities summing to 1")
    }
  }
  var columns: [[Double]] = []
  for j in 0..<k { columns.append(try yScore.column(j)) }
  switch multiClass {
  case .ovr:
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
      return binaryROCAUC(truth, scores, weights, maxFPR: nil)
    }
    var scores = [Double](repeating: 0, count: k)
    var prevalence = [Double](repeating: 0, count: k)
    for j in 0..<k {
      let truth = codes.map { $0 == j }
      scores[j] = binaryROCAUC(truth, columns[j], sampleWeight, maxFPR: nil)
      for i in 0..<codes.count where truth[i] { prevalence[j] += sampleWeight?[i] ?? 1 }
    }
    if average == .macro { return scores.reduce(0, +) / Double(k) }
    let total = prevalence.reduce(0, +)
    if total == 0 { return 0 }
    var sum = 0.0
    for j in 0..<k where prevalence[j] != 0 { sum += prevalence[j] * scores[j] }
    return sum / total
  case .ovo:
    guard sampleWeight == nil else {
      throw LearnError.invalidParameter(
        estimator: function, name: "sample_weight", value: "given",
        expected: "nil for multi_class='ovo'")
    }
    guard average != .micro else {
      throw LearnError.invalidParameter(
        estimator: function, name: "average", value: "micro",
        expected: "macro or weighted for multi_class='ovo'")
    }
    let presentCodes = Array(Set(codes)).sorted()
    var pairScores: [Double] = []
    var prevalence: [Double] = []
    for (ai, a) in presentCodes.enumerated() {
      for b in presentCodes[(ai + 1)...] {
        var idx: [Int] = []
        for i in 0..<codes.count where codes[i] == a || codes[i] == b { idx.append(i) }
        let aTrue = idx.map { codes[$0] == a }
        let bTrue = idx.map { codes[$0] == b }
        let sa = binaryROCAUC(aTrue, idx.map { columns[a][$0] }, nil, maxFPR: nil)
        let sb = binaryROCAUC(bTrue, idx.map { columns[b][$0] }, nil, maxFPR: nil)
        pairScores.append((sa + sb) / 2)
        prevalence.append(Double(idx.count) / Double(codes.count))
      }
    }
    if average == .macro { return pairScores.reduce(0, +) / Double(pairScores.count) }
    var sum = 0.0
    var total = 0.0
    for p in 0..<pairScores.count {
      sum += prevalence[p] * pairScores[p]
      total += prevalence[p]
    }
    return sum / total
  }
}

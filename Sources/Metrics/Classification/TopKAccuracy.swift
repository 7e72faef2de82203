import LinearAlgebra
import SwiftLearnCore

/// The fraction of samples whose true label is among the `k` highest scores.
///
/// scikit-learn: `sklearn.metrics.top_k_accuracy_score` with a 2-D `y_score` (columns in
/// sorted label order: `labels` if given, else the labels of `yTrue`). Defaults `k = 2`,
/// `normalize = true`. Ties are broken like scikit-learn's stable sort: among equal scores
/// the later column ranks higher.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch` (rows, or columns against the number
///   of labels), `.nonFinite`, `.invalidSampleWeight`; `LearnError.invalidParameter` for
///   `k < 1`; `LearnError.unknownLabel` for a label of `yTrue` not in `labels`.
/// - Complexity: O(n·c) for c columns.
public func topKAccuracyScore<Label: ClassLabel>(
  yTrue: [Label], yScore: Matrix, k: Int = 2, labels: [Label]? = nil, normalize: Bool = true,
  sampleWeight: [Double]? = nil
) throws -> Double {
  try Check.count(k, atLeast: 1, estimator: "top_k_accuracy_score", name: "k")
  guard !yTrue.isEmpty else {
    throw LearnError.emptyInput(input: "y_true", reason: "found 0 samples, at least 1 is required")
  }
  guard yScore.rowCount == yTrue.count else {
    throw LearnError.lengthMismatch(input: "y_score", expected: yTrue.count, got: yScore.rowCount)
  }
  try Validate.finite(yScore, input: "y_score")
  try Validate.sampleWeight(sampleWeight, sampleCount: yTrue.count)
  if let labels {
    try checkDistinct(labels, function: "top_k_accuracy_score")
    guard labels == labels.sorted() else {
      throw LearnError.invalidParameter(
        estimator: "top_k_accuracy_score", name: "labels", value: "\(labels)",
        expected: "labels in sorted order")
    }
  }
  let classes = labels ?? Array(Set(yTrue)).sorted()
  let c = yScore.columnCount
  guard classes.count == c else {
    throw LearnError.lengthMismatch(input: "y_score columns", expected: classes.count, got: c)
  }
  let codes = codes(yTrue, in: classes)
  if let bad = codes.firstIndex(of: -1) {
    throw LearnError.unknownLabel("\(yTrue[bad]) (y_true holds a label not in labels)")
  }
  var hits = [Double](repeating: 0, count: codes.count)
  yScore.withUnsafeStorage { s in
    for i in 0..<codes.count {
      let j = codes[i]
      let v = s[i * c + j]
      var above = 0
      for m in 0..<c where s[i * c + m] > v || (s[i * c + m] == v && m > j) { above += 1 }
      hits[i] = above < k ? 1 : 0
    }
  }
  if normalize { return weightedMean(count: hits.count, sampleWeight) { hits[$0] } }
  var sum = 0.0
  for i in 0..<hits.count { sum += (sampleWeight?[i] ?? 1) * hits[i] }
  return sum
}

/// Top-k accuracy for a binary target from one score per sample (the greater label's score).
///
/// scikit-learn: `sklearn.metrics.top_k_accuracy_score` with a 1-D `y_score`. With `k = 1` a
/// sample is predicted as the greater label when its score exceeds 0.5 (scores in [0, 1]) or
/// 0 (other scores); with `k >= 2` every sample is a hit. Defaults `k = 2`, `normalize = true`.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.invalidParameter` for `k < 1`; `LearnError.lengthMismatch(input: "labels",
///   ...)` unless there are exactly two labels; `LearnError.unknownLabel` for a label of
///   `yTrue` not in `labels`.
/// - Complexity: O(n).
public func topKAccuracyScore<Label: ClassLabel>(
  yTrue: [Label], yScore: [Double], k: Int = 2, labels: [Label]? = nil, normalize: Bool = true,
  sampleWeight: [Double]? = nil
) throws -> Double {
  try Check.count(k, atLeast: 1, estimator: "top_k_accuracy_score", name: "k")
  try MetricInput.labels(yTrue, yScore, sampleWeight: sampleWeight, input: "y_score")
  try MetricInput.finite(yScore, input: "y_score")
  if let labels { try checkDistinct(labels, function: "top_k_accuracy_score") }
  let classes = labels ?? Array(Set(yTrue)).sorted()
  guard classes.count == 2 else {
    throw LearnError.lengthMismatch(input: "labels", expected: 2, got: classes.count)
  }
  let codes = codes(yTrue, in: classes)
  if let bad = codes.firstIndex(of: -1) {
    throw LearnError.unknownLabel("\(yTrue[bad]) (y_true holds a label not in labels)")
  }
  let inUnit = yScore.allSatisfy { $0 >= 0 && $0 <= 1 }
  let threshold = inUnit ? 0.5 : 0
  let hit: (Int) -> Double = { i in
    if k >= 2 { return 1 }
    return (yScore[i] > threshold ? 1 : 0) == codes[i] ? 1 : 0
  }
  if normalize { return weightedMean(count: codes.count, sampleWeight, hit) }
  var sum = 0.0
  for i in 0..<codes.count { sum += (sampleWeight?[i] ?? 1) * hit(i) }
  return sum
}

import LinearAlgebra
import SwiftLearnCore

/// The average hinge loss `max(0, 1 − margin)`.
///
/// scikit-learn: `sklearn.metrics.hinge_loss` (binary form). The greater of the two labels of
/// `yTrue` is +1, the other −1 (a single label is −1, like scikit-learn's `LabelBinarizer`);
/// `predDecision` holds one decision value per sample.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.unsupportedInput` when `yTrue` has more than two labels (pass a matrix).
/// - Complexity: O(n).
public func hingeLoss<Label: ClassLabel>(
  yTrue: [Label], predDecision: [Double], sampleWeight: [Double]? = nil
) throws -> Double {
  try MetricInput.labels(yTrue, predDecision, sampleWeight: sampleWeight, input: "pred_decision")
  try MetricInput.finite(predDecision, input: "pred_decision")
  let present = Array(Set(yTrue)).sorted()
  guard present.count <= 2 else {
    throw LearnError.unsupportedInput(
      input: "pred_decision",
      reason: "a multiclass target needs one decision column per class")
  }
  let positive: Label? = present.count == 2 ? present[1] : nil
  return weightedMean(count: yTrue.count, sampleWeight) { i in
    let y: Double = yTrue[i] == positive ? 1 : -1
    return max(0, 1 - y * predDecision[i])
  }
}

/// The average multiclass hinge loss (Crammer–Singer): `max(0, 1 − (s_y − max_{c≠y} s_c))`.
///
/// scikit-learn: `sklearn.metrics.hinge_loss` with a 2-D `pred_decision`. Column `j` belongs
/// to the `j`-th label in sorted order (`labels` if given, else the labels of `yTrue`). A
/// matrix with two columns or fewer is scored with the binary form on its last column.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch` (rows, or columns against the number
///   of labels), `.nonFinite`, `.invalidSampleWeight`; `LearnError.unknownLabel` for a label
///   of `yTrue` not in `labels`.
/// - Complexity: O(n·k).
public func hingeLoss<Label: ClassLabel>(
  yTrue: [Label], predDecision: Matrix, labels: [Label]? = nil, sampleWeight: [Double]? = nil
) throws -> Double {
  guard predDecision.rowCount == yTrue.count else {
    throw LearnError.lengthMismatch(
      input: "pred_decision", expected: yTrue.count, got: predDecision.rowCount)
  }
  try Validate.finite(predDecision, input: "pred_decision")
  let classes = Array(Set(labels ?? yTrue)).sorted()
  if let labels { try checkDistinct(labels, function: "hinge_loss") }
  if classes.count <= 2 {
    guard predDecision.columnCount >= 1 else {
      throw LearnError.lengthMismatch(input: "pred_decision columns", expected: 1, got: 0)
    }
    let last = try predDecision.column(predDecision.columnCount - 1)
    return try hingeLoss(yTrue: yTrue, predDecision: last, sampleWeight: sampleWeight)
  }
  guard predDecision.columnCount == classes.count else {
    throw LearnError.lengthMismatch(
      input: "pred_decision columns", expected: classes.count, got: predDecision.columnCount)
  }
  try MetricInput.labels(yTrue, yTrue, sampleWeight: sampleWeight)
  let codes = codes(yTrue, in: classes)
  if let bad = codes.firstIndex(of: -1) {
    throw LearnError.unknownLabel("\(yTrue[bad]) (y_true holds a label not in labels)")
  }
  let k = classes.count
  return predDecision.withUnsafeStorage { s in
    weightedMean(count: codes.count, sampleWeight) { i in
      var other = -Double.infinity
      for c in 0..<k where c != codes[i] { other = max(other, s[i * k + c]) }
      return max(0, 1 - (s[i * k + codes[i]] - other))
    }
  }
}

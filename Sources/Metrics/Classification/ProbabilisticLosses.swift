import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Checks probabilities against the truth and returns the one-hot codes' columns.
///
/// `yProba` has one column per class of `labels` (sorted), or one column holding the
/// probability of the greater of two classes.
private func probabilisticCodes<Label: ClassLabel>(
  _ yTrue: [Label], _ yProba: Matrix, labels: [Label]?, sampleWeight: [Double]?,
  function: String
) throws -> (codes: [Int], proba: Matrix) {
  guard !yTrue.isEmpty else {
    throw LearnError.emptyInput(input: "y_true", reason: "found 0 samples, at least 1 is required")
  }
  guard yProba.rowCount == yTrue.count else {
    throw LearnError.lengthMismatch(input: "y_proba", expected: yTrue.count, got: yProba.rowCount)
  }
  try Validate.finite(yProba, input: "y_proba")
  try Validate.sampleWeight(sampleWeight, sampleCount: yTrue.count)
  for (i, v) in yProba.storage.enumerated() where v < 0 || v > 1 {
    throw LearnError.unsupportedInput(
      input: "y_proba",
      reason:
        "value \(v) at row \(i / max(yProba.columnCount, 1)) is outside [0, 1]; pass probabilities"
    )
  }
  let classes: [Label]
  if let labels {
    try checkDistinct(labels, function: function)
    classes = labels.sorted()
  } else {
    classes = Array(Set(yTrue)).sorted()
  }
  let codes = codes(yTrue, in: classes)
  if let bad = codes.firstIndex(of: -1) {
    throw LearnError.unknownLabel("\(yTrue[bad]) (y_true holds a label not in labels)")
  }
  var proba = yProba
  if proba.columnCount == 1 {
    let p = proba.storage
    proba = try Matrix(columns: [p.map { 1 - $0 }, p])
  }
  // scikit-learn's LabelBinarizer needs two classes to one-hot a binary target.
  guard classes.count == proba.columnCount, classes.count >= 2 else {
    throw LearnError.lengthMismatch(
      input: "y_proba columns", expected: max(classes.count, 2), got: yProba.columnCount)
  }
  return (codes, proba)
}

/// Cross-entropy of predicted probabilities (negative log-likelihood).
///
/// scikit-learn: `sklearn.metrics.log_loss`. Column `j` of `yProba` is the probability of the
/// `j`-th label in sorted order (`labels` if given, else the labels of `yTrue`); a single
/// column is the probability of the greater label. Probabilities are clipped to
/// `[ε, 1 − ε]` with `ε = Double.ulpOfOne` (scikit-learn 1.9 clips to the dtype's eps).
/// Defaults: `normalize = true` (mean; `false` gives the weighted sum), `labels = nil`.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch` (rows, or columns against the number
///   of classes), `.nonFinite`, `.invalidSampleWeight`; `LearnError.unsupportedInput` for a
///   value outside [0, 1]; `LearnError.unknownLabel` when `yTrue` holds a label not in
///   `labels`.
/// - Complexity: O(n·k).
public func logLoss<Label: ClassLabel>(
  yTrue: [Label], yProba: Matrix, labels: [Label]? = nil, normalize: Bool = true,
  sampleWeight: [Double]? = nil
) throws -> Double {
  let (codes, proba) = try probabilisticCodes(
    yTrue, yProba, labels: labels, sampleWeight: sampleWeight, function: "log_loss")
  let eps = Double.ulpOfOne
  let k = proba.columnCount
  var sum = 0.0
  var total = 0.0
  proba.withUnsafeStorage { s in
    for i in 0..<codes.count {
      let p = min(max(s[i * k + codes[i]], eps), 1 - eps)
      let w = sampleWeight?[i] ?? 1
      sum += w * -log(p)
      total += w
    }
  }
  return normalize ? sum / total : sum
}

/// Log loss of the probability of the greater of two labels.
///
/// scikit-learn: `sklearn.metrics.log_loss` with a 1-D `y_proba`.
///
/// - Throws: as ``logLoss(yTrue:yProba:labels:normalize:sampleWeight:)-(_,Matrix,_,_,_)``.
/// - Complexity: O(n).
public func logLoss<Label: ClassLabel>(
  yTrue: [Label], yProba: [Double], labels: [Label]? = nil, normalize: Bool = true,
  sampleWeight: [Double]? = nil
) throws -> Double {
  try logLoss(
    yTrue: yTrue, yProba: Matrix(column: yProba), labels: labels, normalize: normalize,
    sampleWeight: sampleWeight)
}

/// The mean squared difference between predicted probabilities and the one-hot truth.
///
/// scikit-learn: `sklearn.metrics.brier_score_loss` with a 2-D `y_proba` (columns in sorted
/// label order). `scaleByHalf = nil` is scikit-learn's `"auto"`: halve when there are fewer
/// than 3 columns, so the binary score equals the classic one.
///
/// - Throws: as ``logLoss(yTrue:yProba:labels:normalize:sampleWeight:)-(_,Matrix,_,_,_)``.
/// - Complexity: O(n·k).
public func brierScoreLoss<Label: ClassLabel>(
  yTrue: [Label], yProba: Matrix, labels: [Label]? = nil, sampleWeight: [Double]? = nil,
  scaleByHalf: Bool? = nil
) throws -> Double {
  let (codes, proba) = try probabilisticCodes(
    yTrue, yProba, labels: labels, sampleWeight: sampleWeight, function: "brier_score_loss")
  let k = proba.columnCount
  let score = proba.withUnsafeStorage { s in
    weightedMean(count: codes.count, sampleWeight) { i in
      var row = 0.0
      for c in 0..<k {
        let d = (c == codes[i] ? 1 : 0) - s[i * k + c]
        row += d * d
      }
      return row
    }
  }
  return (scaleByHalf ?? (yProba.columnCount < 3)) ? score * 0.5 : score
}

/// The Brier score of the probability of the positive label.
///
/// scikit-learn: `sklearn.metrics.brier_score_loss` with a 1-D `y_proba`. `posLabel = nil`
/// means `1` for `Int` labels and the greater label otherwise.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.nonFinite`, `.invalidSampleWeight`;
///   `LearnError.unsupportedInput` for a value outside [0, 1] or more than two labels in
///   `yTrue`.
/// - Complexity: O(n).
public func brierScoreLoss<Label: ClassLabel>(
  yTrue: [Label], yProba: [Double], posLabel: Label? = nil, sampleWeight: [Double]? = nil,
  scaleByHalf: Bool? = nil
) throws -> Double {
  try MetricInput.labels(yTrue, yProba, sampleWeight: sampleWeight, input: "y_proba")
  try MetricInput.finite(yProba, input: "y_proba")
  for v in yProba where v < 0 || v > 1 {
    throw LearnError.unsupportedInput(input: "y_proba", reason: "value \(v) is outside [0, 1]")
  }
  let present = Array(Set(yTrue)).sorted()
  guard present.count <= 2 else {
    throw LearnError.unsupportedInput(
      input: "y_true", reason: "a 1-D y_proba needs a binary target; found \(present.count) labels")
  }
  let positive = posLabel ?? positiveForProbabilities(present)
  let score = weightedMean(count: yTrue.count, sampleWeight) { i in
    let t: Double = yTrue[i] == positive ? 1 : 0
    let d = t - yProba[i]
    return 2 * d * d
  }
  return (scaleByHalf ?? true) ? score * 0.5 : score
}

/// scikit-learn's positive label for probability metrics: `1` when the labels are a subset of
/// `{-1, 0, 1}`, else the greatest label.
func positiveForProbabilities<Label: ClassLabel>(_ present: [Label]) -> Label? {
  if let one = 1 as? Label, let ints = present as? [Int], ints.allSatisfy({ abs($0) <= 1 }) {
    return one
  }
  return present.last
}

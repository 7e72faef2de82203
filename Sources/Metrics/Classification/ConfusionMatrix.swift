import LinearAlgebra
import SwiftLearnCore

/// How a confusion matrix is normalized.
///
/// scikit-learn: the `normalize` parameter of `confusion_matrix` (`None`, `"true"`, `"pred"`,
/// `"all"`); default none (counts).
public enum ConfusionNormalization: String, Sendable, Hashable, Codable, CaseIterable {
  /// Each row (true class) sums to 1.
  case `true`
  /// Each column (predicted class) sums to 1.
  case pred
  /// The whole matrix sums to 1.
  case all
}

/// The confusion matrix: entry `(i, j)` counts samples of true label `labels[i]` predicted as
/// `labels[j]`.
///
/// scikit-learn: `sklearn.metrics.confusion_matrix`. Defaults: `labels = nil` (sorted labels of
/// both inputs), no sample weights, `normalize = nil` (counts). Samples whose true or predicted
/// label is not in `labels` are left out; after normalizing, rows or columns that summed to 0
/// are 0.
///
///     let cm = try confusionMatrix(yTrue: ["a", "b", "a"], yPred: ["a", "a", "a"])
///     // [[2, 0], [1, 0]]
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.invalidSampleWeight`;
///   `LearnError.invalidParameter` for an empty or repeating `labels`;
///   `LearnError.unknownLabel` when no label of `labels` occurs in `yTrue`.
/// - Complexity: O(n + k²).
public func confusionMatrix<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], labels: [Label]? = nil, sampleWeight: [Double]? = nil,
  normalize: ConfusionNormalization? = nil
) throws -> Matrix {
  try MetricInput.labels(yTrue, yPred, sampleWeight: sampleWeight)
  let used: [Label]
  if let labels {
    try checkDistinct(labels, function: "confusion_matrix")
    let set = Set(labels)
    guard yTrue.contains(where: { set.contains($0) }) else {
      throw LearnError.unknownLabel(
        "none of \(labels) occurs in y_true; at least one label must be in y_true")
    }
    used = labels
  } else {
    used = sortedUnion(yTrue, yPred)
  }
  var cm = confusionCounts(
    codes(yTrue, in: used), codes(yPred, in: used), classCount: used.count,
    sampleWeight: sampleWeight)
  if let normalize { normalizeConfusion(&cm, normalize) }
  return cm
}

/// Counts over class codes (codes < 0 are skipped).
func confusionCounts(_ t: [Int], _ p: [Int], classCount k: Int, sampleWeight: [Double]?) -> Matrix {
  var cm = Matrix.zeros(k, k)
  cm.withUnsafeMutableStorage { s in
    for i in 0..<t.count where t[i] >= 0 && p[i] >= 0 {
      s[t[i] * k + p[i]] += sampleWeight?[i] ?? 1
    }
  }
  return cm
}

private func normalizeConfusion(_ cm: inout Matrix, _ how: ConfusionNormalization) {
  let k = cm.rowCount
  cm.withUnsafeMutableStorage { s in
    var divisors = [Double](repeating: 0, count: how == .all ? 1 : k)
    for i in 0..<k {
      for j in 0..<k {
        switch how {
        case .true: divisors[i] += s[i * k + j]
        case .pred: divisors[j] += s[i * k + j]
        case .all: divisors[0] += s[i * k + j]
        }
      }
    }
    for i in 0..<k {
      for j in 0..<k {
        let d: Double
        switch how {
        case .true: d = divisors[i]
        case .pred: d = divisors[j]
        case .all: d = divisors[0]
        }
        let v = s[i * k + j] / d
        s[i * k + j] = v.isNaN ? 0 : v
      }
    }
  }
}

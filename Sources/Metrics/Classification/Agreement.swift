import LinearAlgebra
import SwiftLearnCore

/// The mean of per-class recalls, for imbalanced data.
///
/// scikit-learn: `sklearn.metrics.balanced_accuracy_score` (default `adjusted = false`). Classes
/// that occur only in `yPred` are left out (scikit-learn warns). With `adjusted`, chance
/// performance scores 0 and perfect performance 1.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.invalidSampleWeight`.
/// - Complexity: O(n + k²).
public func balancedAccuracyScore<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], sampleWeight: [Double]? = nil, adjusted: Bool = false
) throws -> Double {
  let cm = try confusionMatrix(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
  let k = cm.rowCount
  var perClass: [Double] = []
  cm.withUnsafeStorage { s in
    for i in 0..<k {
      var row = 0.0
      for j in 0..<k { row += s[i * k + j] }
      let r = s[i * k + i] / row
      if !r.isNaN { perClass.append(r) }
    }
  }
  var score = perClass.reduce(0, +) / Double(perClass.count)
  if adjusted {
    let chance = 1 / Double(perClass.count)
    score -= chance
    score /= 1 - chance
  }
  return score
}

/// The Matthews correlation coefficient (multiclass form, Gorodkin's R_K).
///
/// scikit-learn: `sklearn.metrics.matthews_corrcoef`. Returns 0 when either the truth or the
/// predictions hold a single class.
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.invalidSampleWeight`.
/// - Complexity: O(n + k²).
public func matthewsCorrelationCoefficient<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], sampleWeight: [Double]? = nil
) throws -> Double {
  let cm = try confusionMatrix(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
  let k = cm.rowCount
  var t = [Double](repeating: 0, count: k)
  var p = [Double](repeating: 0, count: k)
  var correct = 0.0
  cm.withUnsafeStorage { s in
    for i in 0..<k {
      for j in 0..<k {
        t[i] += s[i * k + j]
        p[j] += s[i * k + j]
      }
      correct += s[i * k + i]
    }
  }
  let n = p.reduce(0, +)
  var tp = 0.0
  var pp = 0.0
  var tt = 0.0
  for c in 0..<k {
    tp += t[c] * p[c]
    pp += p[c] * p[c]
    tt += t[c] * t[c]
  }
  let covTP = correct * n - tp
  let covPP = n * n - pp
  let covTT = n * n - tt
  let product = covPP * covTT
  if product == 0 { return 0 }
  return covTP / product.squareRoot()
}

/// Disagreement weights for Cohen's kappa.
///
/// scikit-learn: the `weights` parameter of `cohen_kappa_score` (`None`, `"linear"`,
/// `"quadratic"`).
public enum KappaWeighting: String, Sendable, Hashable, Codable, CaseIterable {
  /// Weight `|i − j|` between label positions.
  case linear
  /// Weight `(i − j)²` between label positions.
  case quadratic
}

/// Cohen's kappa: agreement between two annotators beyond chance.
///
/// scikit-learn: `sklearn.metrics.cohen_kappa_score`. Defaults: `labels = nil` (sorted labels
/// of both), `weights = nil` (0/1 disagreement), `replaceUndefinedBy = .nan` (the value when
/// kappa is undefined).
///
/// - Throws: as ``confusionMatrix(yTrue:yPred:labels:sampleWeight:normalize:)`` (with `y1` in
///   the role of `yTrue`).
/// - Complexity: O(n + k²).
public func cohenKappaScore<Label: ClassLabel>(
  _ y1: [Label], _ y2: [Label], labels: [Label]? = nil, weights: KappaWeighting? = nil,
  sampleWeight: [Double]? = nil, replaceUndefinedBy: Double = .nan
) throws -> Double {
  let cm = try confusionMatrix(yTrue: y1, yPred: y2, labels: labels, sampleWeight: sampleWeight)
  let k = cm.rowCount
  var sum0 = [Double](repeating: 0, count: k)
  var sum1 = [Double](repeating: 0, count: k)
  cm.withUnsafeStorage { s in
    for i in 0..<k {
      for j in 0..<k {
        sum0[j] += s[i * k + j]
        sum1[i] += s[i * k + j]
      }
    }
  }
  let total = sum0.reduce(0, +)
  if total == 0 { return replaceUndefinedBy }
  var num = 0.0
  var den = 0.0
  cm.withUnsafeStorage { s in
    for i in 0..<k {
      for j in 0..<k {
        let w: Double
        switch weights {
        case nil: w = i == j ? 0 : 1
        case .linear: w = Double(abs(i - j))
        case .quadratic: w = Double((i - j) * (i - j))
        }
        num += w * s[i * k + j]
        den += w * (sum0[i] * sum1[j] / total)
      }
    }
  }
  if den == 0 { return replaceUndefinedBy }
  return 1 - num / den
}

/// The (weighted) fraction of labels predicted wrongly.
///
/// scikit-learn: `sklearn.metrics.hamming_loss` (binary and multiclass targets).
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.invalidSampleWeight`.
/// - Complexity: O(n).
public func hammingLoss<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], sampleWeight: [Double]? = nil
) throws -> Double {
  try MetricInput.labels(yTrue, yPred, sampleWeight: sampleWeight)
  return weightedMean(count: yTrue.count, sampleWeight) { yTrue[$0] != yPred[$0] ? 1 : 0 }
}

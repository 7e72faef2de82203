import Foundation
import SwiftLearnCore

/// How the two entropies are averaged to normalize mutual information.
///
/// scikit-learn: the `average_method` parameter of `adjusted_mutual_info_score` and
/// `normalized_mutual_info_score`; default ``arithmetic``.
public enum EntropyAverage: String, Sendable, Hashable, Codable, CaseIterable {
  /// `min(H(U), H(V))`.
  case min
  /// `sqrt(H(U)·H(V))`.
  case geometric
  /// `(H(U) + H(V)) / 2`.
  case arithmetic
  /// `max(H(U), H(V))`.
  case max

  func combine(_ u: Double, _ v: Double) -> Double {
    switch self {
    case .min: return Swift.min(u, v)
    case .geometric: return (u * v).squareRoot()
    case .arithmetic: return (u + v) / 2
    case .max: return Swift.max(u, v)
    }
  }
}

/// Natural-log entropy of a labeling from its group sizes.
func entropy(_ counts: [Int]) -> Double {
  let nonzero = counts.filter { $0 > 0 }
  if nonzero.count <= 1 { return 0 }
  let total = Double(nonzero.reduce(0, +))
  let logTotal = log(total)
  var h = 0.0
  for c in nonzero {
    let v = Double(c)
    h += (v / total) * (log(v) - logTotal)
  }
  return -h
}

func mutualInformation(_ c: Contingency) -> Double {
  if c.rowSums.count == 1 || c.columnSums.count == 1 { return 0 }
  let total = Double(c.sampleCount)
  let logTotal = log(total)
  var mi = 0.0
  for cell in c.cells {
    let v = Double(cell.count)
    let p = v / total
    let outer = Double(Int64(c.rowSums[cell.row]) * Int64(c.columnSums[cell.column]))
    let logOuter = -log(outer) + logTotal + logTotal
    let term = p * (log(v) - logTotal) + p * logOuter
    if abs(term) >= Double.ulpOfOne { mi += term }
  }
  return max(mi, 0)
}

/// `log Γ(x)` (the C library's `lgamma`, as scikit-learn's Cython code uses).
private func logGamma(_ x: Double) -> Double {
  let f: (Double) -> Double = lgamma
  return f(x)
}

/// The expected mutual information of two labelings under the permutation model (Vinh et
/// al.), summed exactly as scikit-learn's `expected_mutual_information`.
func expectedMutualInformation(_ c: Contingency) -> Double {
  let a = c.rowSums
  let b = c.columnSums
  if a.count == 1 || b.count == 1 { return 0 }
  let n = c.sampleCount
  let nD = Double(n)
  let top = max(a.max() ?? 0, b.max() ?? 0)
  var logNnij = [Double](repeating: 0, count: top + 1)
  var glnNnij = [Double](repeating: 0, count: top + 1)
  let glnN1 = logGamma(nD + 1)
  for k in 0...top {
    let v = k == 0 ? 1.0 : Double(k)
    logNnij[k] = log(nD) + log(v)
    glnNnij[k] = logGamma(v + 1) + glnN1
  }
  var emi = 0.0
  for i in 0..<a.count {
    let ai = a[i]
    let logA = log(Double(ai))
    let glnA = logGamma(Double(ai) + 1)
    let glnNa = logGamma(Double(n - ai) + 1)
    for j in 0..<b.count {
      let bj = b[j]
      let logB = log(Double(bj))
      let glnB = logGamma(Double(bj) + 1)
      let glnNb = logGamma(Double(n - bj) + 1)
      let start = max(1, ai - n + bj)
      let end = min(ai, bj)
      if start > end { continue }
      for nij in start...end {
        let term1 = Double(nij) / nD
        let term2 = logNnij[nij] - logA - logB
        let gln =
          glnA + glnB + glnNa + glnNb - glnNnij[nij] - logGamma(Double(ai - nij) + 1)
          - logGamma(Double(bj - nij) + 1) - logGamma(Double(n - ai - bj + nij) + 1)
        emi += term1 * term2 * exp(gln)
      }
    }
  }
  return emi
}

/// The mutual information of two labelings (natural log).
///
/// scikit-learn: `sklearn.metrics.mutual_info_score`.
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n + cells).
public func mutualInfoScore<A: ClassLabel, B: ClassLabel>(labelsTrue: [A], labelsPred: [B])
  throws -> Double
{
  try checkClusterings(labelsTrue, labelsPred)
  return mutualInformation(Contingency(labelsTrue, labelsPred))
}

/// Mutual information adjusted for chance.
///
/// scikit-learn: `sklearn.metrics.adjusted_mutual_info_score` (default
/// `averageMethod = .arithmetic`); the expected mutual information is the exact sum over the
/// hypergeometric model, as scikit-learn computes it.
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n + k·c·min(n, max cluster size)).
public func adjustedMutualInfoScore<A: ClassLabel, B: ClassLabel>(
  labelsTrue: [A], labelsPred: [B], averageMethod: EntropyAverage = .arithmetic
) throws -> Double {
  try checkClusterings(labelsTrue, labelsPred)
  let c = Contingency(labelsTrue, labelsPred)
  let k = c.rowSums.count
  let m = c.columnSums.count
  if k == 1 && m == 1 { return 1 }
  if k == 1 || m == 1 { return 0 }
  let mi = mutualInformation(c)
  let emi = expectedMutualInformation(c)
  let normalizer = averageMethod.combine(entropy(c.rowSums), entropy(c.columnSums))
  let eps = Double.ulpOfOne
  var den = normalizer - emi
  den = den < 0 ? min(den, -eps) : max(den, eps)
  var num = mi - emi
  num = num < 0 ? min(num, -eps) : max(num, eps)
  return num / den
}

/// Mutual information normalized by an average of the two entropies.
///
/// scikit-learn: `sklearn.metrics.normalized_mutual_info_score` (default
/// `averageMethod = .arithmetic`).
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n + cells).
public func normalizedMutualInfoScore<A: ClassLabel, B: ClassLabel>(
  labelsTrue: [A], labelsPred: [B], averageMethod: EntropyAverage = .arithmetic
) throws -> Double {
  try checkClusterings(labelsTrue, labelsPred)
  let c = Contingency(labelsTrue, labelsPred)
  if c.rowSums.count == 1 && c.columnSums.count == 1 { return 1 }
  let mi = mutualInformation(c)
  if mi == 0 { return 0 }
  return mi / averageMethod.combine(entropy(c.rowSums), entropy(c.columnSums))
}

/// Homogeneity, completeness and their weighted harmonic mean, the V-measure.
///
/// scikit-learn: `sklearn.metrics.homogeneity_completeness_v_measure` (default `beta = 1`).
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`;
///   `LearnError.invalidParameter` for a negative `beta`.
/// - Complexity: O(n + cells).
public func homogeneityCompletenessVMeasure<A: ClassLabel, B: ClassLabel>(
  labelsTrue: [A], labelsPred: [B], beta: Double = 1
) throws -> (homogeneity: Double, completeness: Double, vMeasure: Double) {
  try checkClusterings(labelsTrue, labelsPred)
  try Check.finite(beta, atLeast: 0, estimator: "v_measure_score", name: "beta")
  let c = Contingency(labelsTrue, labelsPred)
  let hC = entropy(c.rowSums)
  let hK = entropy(c.columnSums)
  let mi = mutualInformation(c)
  let h = hC != 0 ? mi / hC : 1
  let comp = hK != 0 ? mi / hK : 1
  let v = h + comp == 0 ? 0 : (1 + beta) * h * comp / (beta * h + comp)
  return (h, comp, v)
}

/// Homogeneity: each cluster holds members of a single class.
///
/// scikit-learn: `sklearn.metrics.homogeneity_score`.
///
/// - Throws: as ``homogeneityCompletenessVMeasure(labelsTrue:labelsPred:beta:)``.
/// - Complexity: O(n + cells).
public func homogeneityScore<A: ClassLabel, B: ClassLabel>(labelsTrue: [A], labelsPred: [B])
  throws -> Double
{
  try homogeneityCompletenessVMeasure(labelsTrue: labelsTrue, labelsPred: labelsPred).homogeneity
}

/// Completeness: all members of a class are in the same cluster.
///
/// scikit-learn: `sklearn.metrics.completeness_score`.
///
/// - Throws: as ``homogeneityCompletenessVMeasure(labelsTrue:labelsPred:beta:)``.
/// - Complexity: O(n + cells).
public func completenessScore<A: ClassLabel, B: ClassLabel>(labelsTrue: [A], labelsPred: [B])
  throws -> Double
{
  try homogeneityCompletenessVMeasure(labelsTrue: labelsTrue, labelsPred: labelsPred).completeness
}

/// The V-measure, the weighted harmonic mean of homogeneity and completeness.
///
/// scikit-learn: `sklearn.metrics.v_measure_score` (default `beta = 1`).
///
/// - Throws: as ``homogeneityCompletenessVMeasure(labelsTrue:labelsPred:beta:)``.
/// - Complexity: O(n + cells).
public func vMeasureScore<A: ClassLabel, B: ClassLabel>(
  labelsTrue: [A], labelsPred: [B], beta: Double = 1
) throws -> Double {
  try homogeneityCompletenessVMeasure(labelsTrue: labelsTrue, labelsPred: labelsPred, beta: beta)
    .vMeasure
}

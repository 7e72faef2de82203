import LinearAlgebra
import SwiftLearnCore

/// Encodes cluster labels and checks `2 <= clusters <= n - 1` (scikit-learn's
/// `check_number_of_labels`).
private func clusterCodes<Label: ClassLabel>(_ x: Matrix, _ labels: [Label]) throws -> (
  codes: [Int], count: Int
) {
  try Validate.features(x)
  guard labels.count == x.rowCount else {
    throw LearnError.lengthMismatch(input: "labels", expected: x.rowCount, got: labels.count)
  }
  let classes = Array(Set(labels)).sorted()
  guard classes.count > 1, classes.count < x.rowCount else {
    throw LearnError.unsupportedInput(
      input: "labels",
      reason:
        "number of labels is \(classes.count); valid values are 2 to n_samples - 1 (inclusive)")
  }
  return (codes(labels, in: classes), classes.count)
}

/// The silhouette coefficient of each sample, `(b − a) / max(a, b)` with Euclidean distances.
///
/// `a` is the mean distance to the other members of the sample's cluster, `b` the smallest
/// mean distance to another cluster; a sample alone in its cluster scores 0.
/// scikit-learn: `sklearn.metrics.silhouette_samples` (`metric="euclidean"`), distances from
/// `pairwiseDistances` (LinearAlgebra).
///
/// - Throws: `LearnError.emptyInput`, `.nonFinite`, `.lengthMismatch`;
///   `LearnError.unsupportedInput` unless there are between 2 and n − 1 clusters.
/// - Complexity: O(n²·d) time and O(n²) memory.
public func silhouetteSamples<Label: ClassLabel>(x: Matrix, labels: [Label]) throws -> [Double] {
  let (codes, k) = try clusterCodes(x, labels)
  let d = try pairwiseDistances(x)
  let n = x.rowCount
  var sizes = [Double](repeating: 0, count: k)
  for c in codes { sizes[c] += 1 }
  var result = [Double](repeating: 0, count: n)
  var sums = [Double](repeating: 0, count: k)
  d.withUnsafeStorage { s in
    for i in 0..<n {
      for c in 0..<k { sums[c] = 0 }
      for j in 0..<n { sums[codes[j]] += s[i * n + j] }
      let own = codes[i]
      let a = sums[own] / (sizes[own] - 1)
      var b = Double.infinity
      for c in 0..<k where c != own { b = min(b, sums[c] / sizes[c]) }
      let v = (b - a) / max(a, b)
      result[i] = v.isNaN ? 0 : v
    }
  }
  return result
}

/// The mean silhouette coefficient over all samples.
///
/// scikit-learn: `sklearn.metrics.silhouette_score` (`metric="euclidean"`, no sampling).
///
/// - Throws: as ``silhouetteSamples(x:labels:)``.
/// - Complexity: O(n²·d).
public func silhouetteScore<Label: ClassLabel>(x: Matrix, labels: [Label]) throws -> Double {
  let s = try silhouetteSamples(x: x, labels: labels)
  return s.reduce(0, +) / Double(s.count)
}

/// The Calinski–Harabasz index: between-cluster over within-cluster dispersion, scaled.
///
/// scikit-learn: `sklearn.metrics.calinski_harabasz_score` (1 when every cluster is a point
/// set with zero spread).
///
/// - Throws: as ``silhouetteSamples(x:labels:)``.
/// - Complexity: O(n·d).
public func calinskiHarabaszScore<Label: ClassLabel>(x: Matrix, labels: [Label]) throws -> Double {
  let (codes, k) = try clusterCodes(x, labels)
  let n = x.rowCount
  let p = x.columnCount
  var means = [Double](repeating: 0, count: k * p)
  var overall = [Double](repeating: 0, count: p)
  var sizes = [Double](repeating: 0, count: k)
  x.withUnsafeStorage { s in
    for i in 0..<n {
      sizes[codes[i]] += 1
      for j in 0..<p {
        means[codes[i] * p + j] += s[i * p + j]
        overall[j] += s[i * p + j]
      }
    }
  }
  for j in 0..<p { overall[j] /= Double(n) }
  for c in 0..<k { for j in 0..<p { means[c * p + j] /= sizes[c] } }
  var extra = 0.0
  for c in 0..<k {
    var sq = 0.0
    for j in 0..<p {
      let d = means[c * p + j] - overall[j]
      sq += d * d
    }
    extra += sizes[c] * sq
  }
  var intra = 0.0
  x.withUnsafeStorage { s in
    for i in 0..<n {
      for j in 0..<p {
        let d = s[i * p + j] - means[codes[i] * p + j]
        intra += d * d
      }
    }
  }
  if intra == 0 { return 1 }
  return extra * Double(n - k) / (intra * Double(k - 1))
}

/// The Davies–Bouldin index: the mean over clusters of the worst ratio of summed spreads to
/// centroid distance (lower is better).
///
/// scikit-learn: `sklearn.metrics.davies_bouldin_score`; 0 when all spreads or all centroid
/// distances are zero.
///
/// - Throws: as ``silhouetteSamples(x:labels:)``.
/// - Complexity: O(n·d + k²·d).
public func daviesBouldinScore<Label: ClassLabel>(x: Matrix, labels: [Label]) throws -> Double {
  let (codes, k) = try clusterCodes(x, labels)
  var members = [[Int]](repeating: [], count: k)
  for (i, c) in codes.enumerated() { members[c].append(i) }
  var centroids: [[Double]] = []
  var spreads = [Double](repeating: 0, count: k)
  for c in 0..<k {
    let cluster = try x.rows(members[c])
    let centroid = try cluster.mean(.perColumn)
    centroids.append(centroid)
    let d = try pairwiseDistances(cluster, Matrix(row: centroid))
    spreads[c] = d.storage.reduce(0, +) / Double(d.storage.count)
  }
  let cd = try pairwiseDistances(Matrix(rows: centroids))
  let close = { (v: Double) in abs(v) <= 1e-8 }
  if spreads.allSatisfy(close) || cd.storage.allSatisfy(close) { return 0 }
  var total = 0.0
  for i in 0..<k {
    var worst = -Double.infinity
    for j in 0..<k {
      let dist = cd[i, j] == 0 ? Double.infinity : cd[i, j]
      worst = max(worst, (spreads[i] + spreads[j]) / dist)
    }
    total += worst
  }
  return total / Double(k)
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The estimated mutual information between each feature and class labels.
///
/// Continuous features use the k-nearest-neighbour estimator of Ross (2014); discrete features
/// (listed in `discreteFeatures`) use the exact contingency-table value. As in scikit-learn,
/// continuous features are scaled to unit standard deviation and get tiny Gaussian noise
/// (`1e-10 · max(1, mean |x|)`) to break ties, so the estimate depends on `seed`; the noise
/// generator differs from numpy's, so values agree with scikit-learn's to about 1e-3, not
/// bit for bit. Estimates are clipped at 0. Values are in nats.
///
/// scikit-learn: `sklearn.feature_selection.mutual_info_classif`.
///
/// - Parameters:
///   - x: Samples, finite.
///   - y: One class label per sample.
///   - discreteFeatures: Indices of the features to treat as discrete; default none.
///   - neighborCount: Neighbours of the estimator (scikit-learn's `n_neighbors`); default 3.
///   - seed: Seed of the tie-breaking noise (scikit-learn's `random_state`); `nil` draws one.
/// - Returns: One non-negative estimate per feature.
/// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for
///   `neighborCount < 1` or a feature index out of range; input errors as ``fClassif(_:_:)``.
/// - Complexity: O(n²·d) (exhaustive neighbour search).
public func mutualInfoClassif<L: ClassLabel>(
  _ x: Matrix, _ y: [L], discreteFeatures: [Int] = [], neighborCount: Int = 3,
  seed: UInt64? = nil
) throws -> [Double] {
  try Validate.features(x)
  try Validate.labels(y, sampleCount: x.rowCount)
  let (codes, _) = classCodes(y)
  return try estimateMutualInformation(
    x, target: .discrete(codes), discreteFeatures: discreteFeatures,
    neighborCount: neighborCount, seed: seed, function: "mutualInfoClassif")
}

/// The estimated mutual information between each feature and a continuous target.
///
/// The Kraskov–Stögbauer–Grassberger k-nearest-neighbour estimator (Chebyshev distance) for
/// continuous features, Ross's estimator for discrete ones. Features and the target are scaled
/// to unit standard deviation and get tiny seeded noise, as in scikit-learn (see
/// ``mutualInfoClassif(_:_:discreteFeatures:neighborCount:seed:)`` for what that means for
/// parity). Estimates are clipped at 0. Values are in nats.
///
/// scikit-learn: `sklearn.feature_selection.mutual_info_regression`.
///
/// - Parameters:
///   - x: Samples, finite.
///   - y: The target, finite.
///   - discreteFeatures: Indices of the features to treat as discrete; default none.
///   - neighborCount: Neighbours of the estimator (scikit-learn's `n_neighbors`); default 3.
///   - seed: Seed of the tie-breaking noise (scikit-learn's `random_state`); `nil` draws one.
/// - Returns: One non-negative estimate per feature.
/// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for
///   `neighborCount < 1` or a feature index out of range; input errors as
///   ``fRegression(_:_:center:forceFinite:)``.
/// - Complexity: O(n²·d) (exhaustive neighbour search).
public func mutualInfoRegression(
  _ x: Matrix, _ y: [Double], discreteFeatures: [Int] = [], neighborCount: Int = 3,
  seed: UInt64? = nil
) throws -> [Double] {
  try Validate.features(x)
  try Validate.target(y, sampleCount: x.rowCount)
  return try estimateMutualInformation(
    x, target: .continuous(y), discreteFeatures: discreteFeatures,
    neighborCount: neighborCount, seed: seed, function: "mutualInfoRegression")
}

enum MutualInformationTarget {
  case discrete([Int])
  case continuous([Double])
}

/// scikit-learn's `_estimate_mi`: scale and jitter the continuous columns, then estimate each
/// feature's mutual information with the target.
func estimateMutualInformation(
  _ x: Matrix, target: MutualInformationTarget, discreteFeatures: [Int], neighborCount: Int,
  seed: UInt64?, function: String
) throws -> [Double] {
  let n = x.rowCount
  let d = x.columnCount
  try Check.count(neighborCount, atLeast: 1, estimator: function, name: "neighborCount")
  var discrete = [Bool](repeating: false, count: d)
  for j in discreteFeatures {
    guard j >= 0, j < d else {
      throw LearnError.invalidParameter(
        estimator: function, name: "discreteFeatures", value: "\(j)",
        expected: "feature indices in 0..<\(d)")
    }
    discrete[j] = true
  }
  var generator = SeededGenerator(seed: seed ?? SeededGenerator.randomSeed())
  var columns: [[Double]] = (0..<d).map { j in (0..<n).map { x[$0, j] } }
  let continuous = (0..<d).filter { !discrete[$0] }
  for j in continuous { columns[j] = scaledToUnitDeviation(columns[j]) }
  if !continuous.isEmpty {
    var amplitude = [Double](repeating: 1, count: d)
    for j in continuous {
      let meanAbs = columns[j].reduce(0) { $0 + abs($1) } / Double(n)
      amplitude[j] = max(1, meanAbs)
    }
    // Row-major draws, like numpy's (n_samples, n_continuous) normal matrix.
    for i in 0..<n {
      for j in continuous { columns[j][i] += 1e-10 * amplitude[j] * generator.nextGaussian() }
    }
  }
  var targetValues: [Double] = []
  var targetCodes: [Int] = []
  switch target {
  case .discrete(let codes):
    targetCodes = codes
  case .continuous(let y):
    var scaled = scaledToUnitDeviation(y)
    let meanAbs = scaled.reduce(0) { $0 + abs($1) } / Double(n)
    let amplitude = max(1, meanAbs)
    for i in 0..<n { scaled[i] += 1e-10 * amplitude * generator.nextGaussian() }
    targetValues = scaled
  }
  var result = [Double](repeating: 0, count: d)
  for j in 0..<d {
    switch (discrete[j], target) {
    case (true, .discrete):
      result[j] = discreteMutualInformation(integerCodes(columns[j]), targetCodes)
    case (true, .continuous):
      result[j] = mixedMutualInformation(
        targetValues, integerCodes(columns[j]), neighborCount: neighborCount)
    case (false, .discrete):
      result[j] = mixedMutualInformation(columns[j], targetCodes, neighborCount: neighborCount)
    case (false, .continuous):
      result[j] = continuousMutualInformation(
        columns[j], targetValues, neighborCount: neighborCount)
    }
  }
  return result
}

/// `v / std(v)` (population standard deviation; a zero deviation leaves `v` unchanged), as
/// scikit-learn's `scale(with_mean=False)`.
func scaledToUnitDeviation(_ v: [Double]) -> [Double] {
  let n = Double(v.count)
  let mean = v.reduce(0, +) / n
  var squares = 0.0
  for value in v { squares += (value - mean) * (value - mean) }
  let deviation = (squares / n).squareRoot()
  guard deviation > 0, deviation.isFinite else { return v }
  return v.map { $0 / deviation }
}

/// Codes for the distinct values of a discrete column.
func integerCodes(_ v: [Double]) -> [Int] {
  classCodes(v.map { $0.isNaN ? -Double.infinity : $0 }).codes
}

/// The exact mutual information of two discrete variables (scikit-learn's
/// `mutual_info_score`), clipped at 0.
func discreteMutualInformation(_ a: [Int], _ b: [Int]) -> Double {
  let n = Double(a.count)
  var joint: [Int: [Int: Double]] = [:]
  var countA: [Int: Double] = [:]
  var countB: [Int: Double] = [:]
  for i in 0..<a.count {
    joint[a[i], default: [:]][b[i], default: 0] += 1
    countA[a[i], default: 0] += 1
    countB[b[i], default: 0] += 1
  }
  var total = 0.0
  for (u, row) in joint {
    for (v, count) in row {
      let p = count / n
      let term =
        p * (Foundation.log(count) - Foundation.log(n))
        + p * (-Foundation.log((countA[u] ?? 1) * (countB[v] ?? 1)) + 2 * Foundation.log(n))
      total += abs(term) < Double.ulpOfOne ? 0 : term
    }
  }
  return max(0, total)
}

/// The `k`-th smallest value of `distances` (1-based `k <= distances.count`), using `best`
/// (`k` slots) as scratch space so no call allocates.
private func kthSmallest(
  _ distances: UnsafeMutableBufferPointer<Double>, _ k: Int, _ best: inout [Double]
) -> Double {
  // A partial insertion sort of the k smallest into `best`.
  for p in 0..<k { best[p] = .infinity }
  for value in distances where value < best[k - 1] {
    var p = k - 1
    while p > 0, best[p - 1] > value {
      best[p] = best[p - 1]
      p -= 1
    }
    best[p] = value
  }
  return best[k - 1]
}

/// The largest representable value below `r` (numpy's `nextafter(r, 0)`), for `r >= 0`.
private func justBelow(_ r: Double) -> Double { r > 0 ? r.nextDown : r }

/// KSG estimator for two continuous variables (scikit-learn's `_compute_mi_cc`).
func continuousMutualInformation(_ x: [Double], _ y: [Double], neighborCount: Int) -> Double {
  let n = x.count
  let k = min(neighborCount, n - 1)
  guard k >= 1 else { return 0 }
  var radius = [Double](repeating: 0, count: n)
  var distances = [Double](repeating: 0, count: n - 1)
  var best = [Double](repeating: .infinity, count: k)
  distances.withUnsafeMutableBufferPointer { buffer in
    for i in 0..<n {
      var m = 0
      for j in 0..<n where j != i {
        buffer[m] = max(abs(x[j] - x[i]), abs(y[j] - y[i]))
        m += 1
      }
      radius[i] = justBelow(kthSmallest(buffer, k, &best))
    }
  }
  var sumX = 0.0
  var sumY = 0.0
  for i in 0..<n {
    var nx = 0
    var ny = 0
    for j in 0..<n {
      if abs(x[j] - x[i]) <= radius[i] { nx += 1 }
      if abs(y[j] - y[i]) <= radius[i] { ny += 1 }
    }
    // The counts include the point itself; the estimator uses ψ(n_x + 1) with n_x excluding it.
    sumX += digamma(Double(nx))
    sumY += digamma(Double(ny))
  }
  let mi =
    digamma(Double(n)) + digamma(Double(k)) - sumX / Double(n) - sumY / Double(n)
  return max(0, mi)
}

/// Ross's estimator for a continuous and a discrete variable (scikit-learn's `_compute_mi_cd`).
func mixedMutualInformation(_ c: [Double], _ labels: [Int], neighborCount: Int) -> Double {
  let n = c.count
  var members: [Int: [Int]] = [:]
  for i in 0..<n { members[labels[i], default: []].append(i) }
  var radius = [Double](repeating: 0, count: n)
  var neighbors = [Int](repeating: 0, count: n)
  var labelCount = [Int](repeating: 0, count: n)
  for (_, group) in members {
    let count = group.count
    guard count > 1 else { continue }
    let k = min(neighborCount, count - 1)
    var distances = [Double](repeating: 0, count: count - 1)
    var best = [Double](repeating: .infinity, count: k)
    distances.withUnsafeMutableBufferPointer { buffer in
      for i in group {
        var m = 0
        for j in group where j != i {
          buffer[m] = abs(c[j] - c[i])
          m += 1
        }
        radius[i] = justBelow(kthSmallest(buffer, k, &best))
        neighbors[i] = k
        labelCount[i] = count
      }
    }
  }
  let kept = (0..<n).filter { labelCount[$0] > 1 }
  guard !kept.isEmpty else { return 0 }
  var sumK = 0.0
  var sumLabel = 0.0
  var sumM = 0.0
  for i in kept {
    var m = 0
    for j in kept where abs(c[j] - c[i]) <= radius[i] { m += 1 }
    sumK += digamma(Double(neighbors[i]))
    sumLabel += digamma(Double(labelCount[i]))
    sumM += digamma(Double(m))
  }
  let count = Double(kept.count)
  let mi = digamma(count) + sumK / count - sumLabel / count - sumM / count
  return max(0, mi)
}

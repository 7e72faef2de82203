import Foundation
import LinearAlgebra

/// Generates a random `classCount`-class classification problem.
///
/// scikit-learn: `sklearn.datasets.make_classification` (Guyon's design for the NIPS 2003
/// "Madelon" benchmark); the parameters, defaults and algorithm match scikit-learn 1.9, the
/// random stream does not (so the numbers differ from scikit-learn's for the same seed).
///
/// The algorithm:
/// 1. Place `classCount × clustersPerClass` cluster centres on distinct vertices of a
///    hypercube with side `2 · classSeparation` in the `informativeCount`-dimensional
///    subspace (if `hypercube` is `false`, each vertex is shrunk by a random factor per
///    cluster and per dimension, giving a random polytope).
/// 2. Split the samples between clusters in proportion to the class weights (integer parts
///    first, the remainder dealt round-robin), draw each cluster's points from a standard
///    normal, give them a random covariance by multiplying by a matrix with entries uniform on
///    `[-1, 1)`, and move them to their vertex. Cluster `k` belongs to class `k % classCount`.
/// 3. Add `redundantCount` random linear combinations of the informative features,
///    `repeatedCount` copies of randomly chosen informative or redundant features, and fill
///    the rest with standard normal noise.
/// 4. Give each sample, with probability `flipY`, a class drawn uniformly (possibly its own).
/// 5. Add `shift` and multiply by `scale`; when `shuffle` is `true`, permute the rows and the
///    columns. Without shuffling the columns are ordered informative, redundant, repeated,
///    noise.
///
/// - Parameters:
///   - sampleCount: Rows (`n_samples`); default 100, at least 1.
///   - featureCount: Columns (`n_features`); default 20, at least
///     `informativeCount + redundantCount + repeatedCount`.
///   - informativeCount: Informative features (`n_informative`); default 2, at least 1 and
///     with `2^informativeCount >= classCount · clustersPerClass`.
///   - redundantCount: Linear combinations of informative features (`n_redundant`); default 2.
///   - repeatedCount: Duplicated features (`n_repeated`); default 0.
///   - classCount: Classes (`n_classes`); default 2, at least 1.
///   - clustersPerClass: Gaussian clusters per class (`n_clusters_per_class`); default 2.
///   - weights: Share of samples per class (`weights`); `nil` (default) balances the
///     classes. Give `classCount` shares, or `classCount - 1` and the last is `1 - sum`.
///     Shares that sum to less than 1 leave samples that are dealt round-robin, as in
///     scikit-learn, so the realised proportions can differ from the shares.
///   - flipY: Fraction of labels replaced at random (`flip_y`); default 0.01, in `[0, 1]`.
///   - classSeparation: Half the hypercube side (`class_sep`); default 1, positive.
///   - hypercube: Centres on hypercube vertices (`hypercube`); default `true`.
///   - shift: Added to every feature (`shift`); default 0; `nil` draws one shift per feature
///     uniformly from `[-classSeparation, classSeparation)`.
///   - scale: Multiplies every feature after shifting (`scale`); default 1, positive; `nil`
///     draws one factor per feature uniformly from `[1, 101)`.
///   - shuffle: Permute rows and columns (`shuffle`); default `true`.
///   - seed: Seed of the random stream (`random_state`).
/// - Returns: `x` (`sampleCount × featureCount`) and `y`, class indices in `0..<classCount`.
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming the first bad
///   parameter.
/// - Complexity: O(sampleCount · (featureCount + informativeCount²)).
///
///     let (x, y) = try makeClassification(
///       sampleCount: 500, featureCount: 10, informativeCount: 3, classCount: 3, seed: 7)
public func makeClassification(
  sampleCount: Int = 100, featureCount: Int = 20, informativeCount: Int = 2,
  redundantCount: Int = 2, repeatedCount: Int = 0, classCount: Int = 2,
  clustersPerClass: Int = 2, weights: [Double]? = nil, flipY: Double = 0.01,
  classSeparation: Double = 1.0, hypercube: Bool = true, shift: Double? = 0.0,
  scale: Double? = 1.0, shuffle: Bool = true, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  try requireCount(sampleCount, name: "sampleCount", minimum: 1)
  try requireCount(featureCount, name: "featureCount", minimum: 1)
  try requireCount(informativeCount, name: "informativeCount", minimum: 1)
  try requireCount(redundantCount, name: "redundantCount", minimum: 0)
  try requireCount(repeatedCount, name: "repeatedCount", minimum: 0)
  try requireCount(classCount, name: "classCount", minimum: 1)
  try requireCount(clustersPerClass, name: "clustersPerClass", minimum: 1)
  try requireReal(flipY, name: "flipY", lower: 0, upper: 1)
  try requireReal(classSeparation, name: "classSeparation", lower: 0, lowerClosed: false)
  if let shift { try requireReal(shift, name: "shift") }
  if let scale { try requireReal(scale, name: "scale", lower: 0, lowerClosed: false) }

  let informative = informativeCount
  let used = informative.addingReportingOverflow(redundantCount)
  let usedAll = used.partialValue.addingReportingOverflow(repeatedCount)
  guard !used.overflow, !usedAll.overflow, usedAll.partialValue <= featureCount else {
    throw DatasetError.invalidParameter(
      name: "informativeCount", value: "\(informativeCount)",
      expected: "such that informativeCount + redundantCount + repeatedCount "
        + "(\(informativeCount) + \(redundantCount) + \(repeatedCount)) <= featureCount "
        + "(\(featureCount))")
  }
  let clusters = classCount.multipliedReportingOverflow(by: clustersPerClass)
  // 2^informative >= clusters, checked without overflow.
  let enoughVertices =
    !clusters.overflow && (informative >= 62 || clusters.partialValue <= (1 << informative))
  guard enoughVertices else {
    throw DatasetError.invalidParameter(
      name: "informativeCount", value: "\(informativeCount)",
      expected: "large enough that classCount (\(classCount)) * clustersPerClass "
        + "(\(clustersPerClass)) <= 2**informativeCount")
  }
  let clusterCount = clusters.partialValue
  let classWeights = try completedWeights(weights, classCount: classCount)

  var generator = SeededGenerator(seed: seed)
  let redundant = redundantCount
  let repeated = repeatedCount
  let randomCount = featureCount - informative - redundant - repeated
  let n = sampleCount
  let p = featureCount

  try requireElementCount(n, p, name: "sampleCount")
  try requireElementCount(n, informative, name: "sampleCount")
  try requireElementCount(informative, max(informative, redundant), name: "informativeCount")

  // Samples per cluster: integer parts of the weighted shares, remainder round-robin.
  let shares = (0..<clusterCount).map { k in
    (Double(n) * classWeights[k % classCount] / Double(clustersPerClass)).rounded(.towardZero)
  }
  guard shares.reduce(0, +) <= Double(n) else {
    throw DatasetError.invalidParameter(
      name: "weights", value: "\(weights ?? [])", expected: "class shares summing to at most 1")
  }
  var perCluster = shares.map { Int($0) }
  let assigned = perCluster.reduce(0, +)
  for i in 0..<max(0, n - assigned) { perCluster[i % clusterCount] += 1 }

  // Cluster centres on hypercube vertices.
  var centroids = hypercubeVertices(
    count: clusterCount, dimensions: informative, using: &generator
  ).map { $0 * 2 * classSeparation - classSeparation }
  if !hypercube {
    let clusterFactors = uniforms(clusterCount, using: &generator)
    let dimensionFactors = uniforms(informative, using: &generator)
    for k in 0..<clusterCount {
      for d in 0..<informative {
        centroids[k * informative + d] *= clusterFactors[k] * dimensionFactors[d]
      }
    }
  }

  var x = [Double](repeating: 0, count: n * p)
  var y = [Int](repeating: 0, count: n)
  let z = gaussians(n * informative, using: &generator)
  var start = 0
  for k in 0..<clusterCount {
    let stop = start + perCluster[k]
    let a = uniforms(informative * informative, using: &generator).map { 2 * $0 - 1 }
    for i in start..<stop {
      y[i] = k % classCount
      for c in 0..<informative {
        var value = 0.0
        for d in 0..<informative { value += z[i * informative + d] * a[d * informative + c] }
        x[i * p + c] = value + centroids[k * informative + c]
      }
    }
    start = stop
  }

  if redundant > 0 {
    let b = uniforms(informative * redundant, using: &generator).map { 2 * $0 - 1 }
    for i in 0..<n {
      for r in 0..<redundant {
        var value = 0.0
        for d in 0..<informative { value += x[i * p + d] * b[d * redundant + r] }
        x[i * p + informative + r] = value
      }
    }
  }

  let base = informative + redundant
  if repeated > 0 {
    let sources = uniforms(repeated, using: &generator).map {
      Int(Double(base - 1) * $0 + 0.5)
    }
    for i in 0..<n {
      for (r, source) in sources.enumerated() { x[i * p + base + r] = x[i * p + source] }
    }
  }

  if randomCount > 0 {
    for i in 0..<n {
      for j in (p - randomCount)..<p { x[i * p + j] = generator.nextGaussian() }
    }
  }

  if flipY > 0 {
    for i in 0..<n where generator.nextUniform() < flipY {
      y[i] = generator.nextInt(below: classCount)
    }
  }

  let shifts =
    shift.map { [Double](repeating: $0, count: p) }
    ?? uniforms(p, using: &generator).map { (2 * $0 - 1) * classSeparation }
  let scales =
    scale.map { [Double](repeating: $0, count: p) }
    ?? uniforms(p, using: &generator).map { 1 + 100 * $0 }
  for i in 0..<n {
    for j in 0..<p { x[i * p + j] = (x[i * p + j] + shifts[j]) * scales[j] }
  }

  if shuffle {
    let rowOrder = randomPermutation(n, using: &generator)
    x = permutedRows(x, columns: p, by: rowOrder)
    y = rowOrder.map { y[$0] }
    x = permutedColumns(x, columns: p, by: randomPermutation(p, using: &generator))
  }
  return (Matrix(unchecked: n, p, x), y)
}

/// The class shares used by ``makeClassification``: `nil` → balanced; `classCount - 1`
/// shares → completed with `1 - sum`.
func completedWeights(_ weights: [Double]?, classCount: Int) throws -> [Double] {
  guard let weights else {
    return [Double](repeating: 1 / Double(classCount), count: classCount)
  }
  guard weights.count == classCount || weights.count == classCount - 1 else {
    throw DatasetError.invalidParameter(
      name: "weights", value: "\(weights.count) values",
      expected: "\(classCount) or \(classCount - 1) values (one per class, or all but the last)")
  }
  for w in weights where !(w.isFinite && w >= 0) {
    throw DatasetError.invalidParameter(
      name: "weights", value: "\(w)", expected: "finite, non-negative class shares")
  }
  guard weights.count == classCount - 1 else { return weights }
  let last = 1 - weights.reduce(0, +)
  guard last >= 0 else {
    throw DatasetError.invalidParameter(
      name: "weights", value: "\(weights)",
      expected: "shares summing to at most 1 when the last class's share is implied")
  }
  return weights + [last]
}

/// `count` distinct vertices of the unit hypercube in `dimensions` dimensions, as row-major
/// 0/1 coordinates (`count × dimensions`).
///
/// Beyond 30 dimensions the first `dimensions - 30` coordinates are independent random bits
/// and only the last 30 are guaranteed distinct, as in scikit-learn. `count` must not exceed
/// the number of vertices (checked by the caller).
func hypercubeVertices(
  count: Int, dimensions: Int, using generator: inout SeededGenerator
) -> [Double] {
  var result = [Double](repeating: 0, count: count * dimensions)
  let exact = min(dimensions, 30)
  let extra = dimensions - exact
  for k in 0..<count {
    for d in 0..<extra { result[k * dimensions + d] = Double(generator.nextInt(below: 2)) }
  }
  let codes = distinctIntegers(count, below: 1 << exact, using: &generator)
  for (k, code) in codes.enumerated() {
    for d in 0..<exact {
      let bit = (code >> (exact - 1 - d)) & 1
      result[k * dimensions + extra + d] = Double(bit)
    }
  }
  return result
}

/// `count` distinct integers from `0..<population` in random order (`count <= population`).
func distinctIntegers(
  _ count: Int, below population: Int, using generator: inout SeededGenerator
) -> [Int] {
  let count = min(count, population)
  if population <= 2 * count {
    var pool = Array(0..<population)
    for i in 0..<count {
      let j = i + generator.nextInt(below: population - i)
      pool.swapAt(i, j)
    }
    return Array(pool.prefix(count))
  }
  var seen = Set<Int>()
  var result: [Int] = []
  result.reserveCapacity(count)
  while result.count < count {
    let candidate = generator.nextInt(below: population)
    if seen.insert(candidate).inserted { result.append(candidate) }
  }
  return result
}

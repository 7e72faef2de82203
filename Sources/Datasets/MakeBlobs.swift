import Foundation
import LinearAlgebra

/// Where the clusters of `makeBlobs(sampleCount:…)` sit: a number of random centres, or
/// explicit coordinates.
///
/// scikit-learn: the `centers` argument of `make_blobs` (an int or an array). Integer and
/// array literals convert, so `centers: 4` and `centers: [[0, 0], [5, 5]]` both work.
public enum BlobCenters: Sendable, Hashable, ExpressibleByIntegerLiteral,
  ExpressibleByArrayLiteral
{
  /// This many centres drawn uniformly inside `centerBox`.
  case count(Int)
  /// These centres, one array of coordinates per centre (all of the same length).
  case points([[Double]])

  /// `centers: 3` means `.count(3)`.
  public init(integerLiteral value: Int) { self = .count(value) }

  /// `centers: [[0, 0], [4, 4]]` means `.points([[0, 0], [4, 4]])`.
  public init(arrayLiteral elements: [Double]...) { self = .points(elements) }
}

/// The spread of each cluster of `makeBlobs`.
///
/// scikit-learn: the `cluster_std` argument of `make_blobs` (a float or an array). Float,
/// integer and array literals convert: `clusterStd: 0.5`, `clusterStd: [1, 2.5, 0.5]`.
public enum ClusterStd: Sendable, Hashable, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral
{
  /// The same standard deviation for every cluster.
  case shared(Double)
  /// One standard deviation per cluster, in the order of the centres.
  case perCenter([Double])

  /// `clusterStd: 0.5` means `.shared(0.5)`.
  public init(floatLiteral value: Double) { self = .shared(value) }

  /// `clusterStd: 2` means `.shared(2)`.
  public init(integerLiteral value: Int) { self = .shared(Double(value)) }

  /// `clusterStd: [1, 2]` means `.perCenter([1, 2])`.
  public init(arrayLiteral elements: Double...) { self = .perCenter(elements) }
}

/// Generates isotropic Gaussian blobs for clustering and classification.
///
/// scikit-learn: `sklearn.datasets.make_blobs` with an integer `n_samples`; parameters,
/// defaults and algorithm match scikit-learn 1.9, the random stream does not. The samples are
/// split as evenly as possible between the centres (the first `sampleCount % centerCount`
/// centres get one more), each centre's points are drawn from a normal distribution with that
/// centre as mean and its standard deviation in every direction, and `y` is the index of the
/// centre. Use `makeBlobs(samplesPerCenter:…)` to choose the count of every cluster.
///
/// - Parameters:
///   - sampleCount: Rows (`n_samples`); default 100, at least 1.
///   - featureCount: Columns when the centres are random (`n_features`); default 2, at least
///     1; ignored when `centers` gives explicit points (their length wins, as in
///     scikit-learn).
///   - centers: `.count(k)` random centres or `.points(...)` (`centers`); default 3.
///   - clusterStd: Standard deviation of each cluster (`cluster_std`); default 1, at least 0.
///   - centerBox: Bounds of the uniform box random centres are drawn from (`center_box`);
///     default `(-10, 10)`.
///   - shuffle: Shuffle the rows (`shuffle`); default `true`; otherwise rows come cluster by
///     cluster.
///   - seed: Seed of the random stream (`random_state`).
/// - Returns: `x` (`sampleCount × featureCount`) and `y`, the centre index of each row.
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming the first bad
///   parameter (for example `clusterStd` with a different number of values than centres).
/// - Complexity: O(sampleCount · featureCount).
///
///     let (x, y) = try makeBlobs(sampleCount: 300, centers: 4, clusterStd: 0.6, seed: 0)
///     let (x2, y2) = try makeBlobs(centers: [[0, 0], [5, 5]], clusterStd: [0.5, 2], seed: 1)
public func makeBlobs(
  sampleCount: Int = 100, featureCount: Int = 2, centers: BlobCenters = 3,
  clusterStd: ClusterStd = 1.0, centerBox: (lower: Double, upper: Double) = (-10, 10),
  shuffle: Bool = true, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  try requireCount(sampleCount, name: "sampleCount", minimum: 1)
  if case let .count(k) = centers { try requireCount(k, name: "centers", minimum: 1) }
  let centerCount: Int
  switch centers {
  case let .count(k): centerCount = k
  case let .points(points): centerCount = points.count
  }
  guard centerCount >= 1 else {
    throw DatasetError.invalidParameter(
      name: "centers", value: "0 points", expected: "at least one centre")
  }
  var counts = [Int](repeating: sampleCount / centerCount, count: centerCount)
  for i in 0..<(sampleCount % centerCount) { counts[i] += 1 }
  return try blobs(
    counts: counts, featureCount: featureCount, centers: centers, clusterStd: clusterStd,
    centerBox: centerBox, shuffle: shuffle, seed: seed)
}

/// Generates Gaussian blobs with a chosen number of samples in each cluster.
///
/// scikit-learn: `sklearn.datasets.make_blobs` with an array `n_samples`. There is one
/// cluster per entry of `samplesPerCenter`; see
/// `makeBlobs(sampleCount:…)` for the other parameters.
///
/// - Parameters:
///   - samplesPerCenter: Rows of each cluster (`n_samples` as an array); at least one entry,
///     each at least 0.
///   - featureCount: Columns when the centres are random (`n_features`); default 2, at least
///     1; ignored when `centers` is given.
///   - centers: `nil` (default) draws one random centre per entry inside `centerBox`;
///     otherwise exactly `samplesPerCenter.count` points.
///   - clusterStd: Standard deviation of each cluster (`cluster_std`); default 1, at least 0.
///   - centerBox: Bounds of the uniform box random centres are drawn from (`center_box`);
///     default `(-10, 10)`.
///   - shuffle: Shuffle the rows (`shuffle`); default `true`.
///   - seed: Seed of the random stream (`random_state`).
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming the first bad
///   parameter.
///
///     let (x, y) = try makeBlobs(samplesPerCenter: [500, 50], seed: 3)   // imbalanced
public func makeBlobs(
  samplesPerCenter: [Int], featureCount: Int = 2, centers: [[Double]]? = nil,
  clusterStd: ClusterStd = 1.0, centerBox: (lower: Double, upper: Double) = (-10, 10),
  shuffle: Bool = true, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  guard !samplesPerCenter.isEmpty else {
    throw DatasetError.invalidParameter(
      name: "samplesPerCenter", value: "[]", expected: "at least one count")
  }
  for count in samplesPerCenter { try requireCount(count, name: "samplesPerCenter", minimum: 0) }
  let resolved: BlobCenters
  if let centers {
    guard centers.count == samplesPerCenter.count else {
      throw DatasetError.invalidParameter(
        name: "centers", value: "\(centers.count) points",
        expected: "one centre per entry of samplesPerCenter (\(samplesPerCenter.count))")
    }
    resolved = .points(centers)
  } else {
    resolved = .count(samplesPerCenter.count)
  }
  return try blobs(
    counts: samplesPerCenter, featureCount: featureCount, centers: resolved,
    clusterStd: clusterStd, centerBox: centerBox, shuffle: shuffle, seed: seed)
}

/// The shared implementation of both `makeBlobs` forms; `counts.count` equals the number of
/// centres.
func blobs(
  counts: [Int], featureCount: Int, centers: BlobCenters, clusterStd: ClusterStd,
  centerBox: (lower: Double, upper: Double), shuffle: Bool, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  let k = counts.count
  var generator = SeededGenerator(seed: seed)
  let p: Int
  var centerStorage: [Double]
  switch centers {
  case .count:
    try requireCount(featureCount, name: "featureCount", minimum: 1)
    try requireReal(centerBox.lower, name: "centerBox")
    try requireReal(centerBox.upper, name: "centerBox", lower: centerBox.lower)
    try validateStd(clusterStd, centerCount: k)
    try requireElementCount(k, featureCount, name: "featureCount")
    p = featureCount
    let width = centerBox.upper - centerBox.lower
    centerStorage = uniforms(k * p, using: &generator).map { centerBox.lower + width * $0 }
  case let .points(points):
    p = points.first?.count ?? 0
    guard p >= 1 else {
      throw DatasetError.invalidParameter(
        name: "centers", value: "points with 0 coordinates", expected: "at least one coordinate")
    }
    centerStorage = []
    centerStorage.reserveCapacity(k * p)
    for (index, point) in points.enumerated() {
      guard point.count == p else {
        throw DatasetError.invalidParameter(
          name: "centers", value: "point \(index) with \(point.count) coordinates",
          expected: "points of equal length (\(p))")
      }
      for value in point where !value.isFinite {
        throw DatasetError.invalidParameter(
          name: "centers", value: "\(value)", expected: "finite coordinates")
      }
      centerStorage.append(contentsOf: point)
    }
    try validateStd(clusterStd, centerCount: k)
  }
  let stds: [Double]
  switch clusterStd {
  case let .shared(s): stds = [Double](repeating: s, count: k)
  case let .perCenter(values): stds = values
  }

  var n = 0
  for count in counts {
    let (sum, overflow) = n.addingReportingOverflow(count)
    guard !overflow else {
      throw DatasetError.invalidParameter(
        name: "samplesPerCenter", value: "counts summing past Int.max",
        expected: "counts whose total fits in an Int")
    }
    n = sum
  }
  try requireElementCount(n, p, name: "featureCount")
  var x = [Double](repeating: 0, count: n * p)
  var y = [Int](repeating: 0, count: n)
  var row = 0
  for c in 0..<k {
    for _ in 0..<counts[c] {
      for j in 0..<p {
        x[row * p + j] = centerStorage[c * p + j] + stds[c] * generator.nextGaussian()
      }
      y[row] = c
      row += 1
    }
  }
  if shuffle {
    let order = randomPermutation(n, using: &generator)
    x = permutedRows(x, columns: p, by: order)
    y = order.map { y[$0] }
  }
  return (Matrix(unchecked: n, p, x), y)
}

/// Checks `clusterStd`: finite, non-negative, and one value per centre for `.perCenter`.
func validateStd(_ clusterStd: ClusterStd, centerCount: Int) throws {
  switch clusterStd {
  case let .shared(s):
    try requireReal(s, name: "clusterStd", lower: 0)
  case let .perCenter(values):
    guard values.count == centerCount else {
      throw DatasetError.invalidParameter(
        name: "clusterStd", value: "\(values.count) values",
        expected: "one standard deviation per centre (\(centerCount))")
    }
    for s in values { try requireReal(s, name: "clusterStd", lower: 0) }
  }
}

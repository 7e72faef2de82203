import Foundation
import LinearAlgebra

/// Generates two interleaving half circles ("moons") in two dimensions.
///
/// scikit-learn: `sklearn.datasets.make_moons`; parameters, defaults and algorithm match
/// scikit-learn 1.9, the random stream does not. Class 0 (`sampleCount / 2` points, rounded
/// down) lies evenly spaced on the upper half of the unit circle centred at `(0, 0)`; class 1
/// (the rest) on the lower half of the unit circle centred at `(1, 0.5)`. Neither class is
/// linearly separable from the other.
///
/// - Parameters:
///   - sampleCount: Rows (`n_samples`); default 100, at least 1.
///   - shuffle: Shuffle the rows (`shuffle`); default `true`.
///   - noise: Standard deviation of Gaussian noise added to every coordinate (`noise`);
///     default `nil` (no noise); at least 0.
///   - seed: Seed of the random stream (`random_state`).
/// - Returns: `x` (`sampleCount × 2`) and `y` in `{0, 1}`.
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming `sampleCount` or
///   `noise`.
/// - Complexity: O(sampleCount).
///
///     let (x, y) = try makeMoons(sampleCount: 200, noise: 0.1, seed: 0)
public func makeMoons(
  sampleCount: Int = 100, shuffle: Bool = true, noise: Double? = nil, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  try requireCount(sampleCount, name: "sampleCount", minimum: 1)
  let outer = sampleCount / 2
  return try moons(
    outer: outer, inner: sampleCount - outer, shuffle: shuffle, noise: noise, seed: seed)
}

/// Generates two moons with a chosen number of points in each.
///
/// scikit-learn: `sklearn.datasets.make_moons` with a two-element `n_samples`; see
/// ``makeMoons(sampleCount:shuffle:noise:seed:)``.
///
/// - Parameters:
///   - sampleCounts: Points of the upper moon (class 0) and the lower moon (class 1), each at
///     least 0 and together at least 1.
///   - shuffle: Shuffle the rows (`shuffle`); default `true`.
///   - noise: Standard deviation of Gaussian noise added to every coordinate (`noise`);
///     default `nil` (no noise); at least 0.
///   - seed: Seed of the random stream (`random_state`).
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming `sampleCounts` or
///   `noise`.
///
///     let (x, y) = try makeMoons(sampleCounts: (outer: 90, inner: 10), seed: 0)
public func makeMoons(
  sampleCounts: (outer: Int, inner: Int), shuffle: Bool = true, noise: Double? = nil,
  seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  try validateCounts(sampleCounts, minimumTotal: 1)
  return try moons(
    outer: sampleCounts.outer, inner: sampleCounts.inner, shuffle: shuffle, noise: noise,
    seed: seed)
}

/// Generates a large circle containing a smaller one, in two dimensions.
///
/// scikit-learn: `sklearn.datasets.make_circles`; parameters, defaults and algorithm match
/// scikit-learn 1.9, the random stream does not. Class 0 (`sampleCount / 2` points, rounded
/// down) is evenly spaced on the unit circle, class 1 (the rest) on the circle of radius
/// `factor`, both centred at the origin.
///
/// - Parameters:
///   - sampleCount: Rows (`n_samples`); default 100, at least 0.
///   - shuffle: Shuffle the rows (`shuffle`); default `true`.
///   - noise: Standard deviation of Gaussian noise added to every coordinate (`noise`);
///     default `nil` (no noise); at least 0.
///   - factor: Radius of the inner circle relative to the outer one (`factor`); default 0.8,
///     in `[0, 1)`.
///   - seed: Seed of the random stream (`random_state`).
/// - Returns: `x` (`sampleCount × 2`) and `y` in `{0, 1}` (0 = outer circle).
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming `sampleCount`,
///   `noise` or `factor`.
/// - Complexity: O(sampleCount).
///
///     let (x, y) = try makeCircles(sampleCount: 400, noise: 0.05, factor: 0.5, seed: 1)
public func makeCircles(
  sampleCount: Int = 100, shuffle: Bool = true, noise: Double? = nil, factor: Double = 0.8,
  seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  try requireCount(sampleCount, name: "sampleCount", minimum: 0)
  let outer = sampleCount / 2
  return try circles(
    outer: outer, inner: sampleCount - outer, shuffle: shuffle, noise: noise, factor: factor,
    seed: seed)
}

/// Generates two concentric circles with a chosen number of points on each.
///
/// scikit-learn: `sklearn.datasets.make_circles` with a two-element `n_samples`; see
/// ``makeCircles(sampleCount:shuffle:noise:factor:seed:)``.
///
/// - Parameters:
///   - sampleCounts: Points on the outer circle (class 0) and on the inner circle (class 1),
///     each at least 0.
///   - shuffle: Shuffle the rows (`shuffle`); default `true`.
///   - noise: Standard deviation of Gaussian noise added to every coordinate (`noise`);
///     default `nil` (no noise); at least 0.
///   - factor: Radius of the inner circle relative to the outer one (`factor`); default 0.8,
///     in `[0, 1)`.
///   - seed: Seed of the random stream (`random_state`).
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming `sampleCounts`,
///   `noise` or `factor`.
///
///     let (x, y) = try makeCircles(sampleCounts: (outer: 100, inner: 20), seed: 0)
public func makeCircles(
  sampleCounts: (outer: Int, inner: Int), shuffle: Bool = true, noise: Double? = nil,
  factor: Double = 0.8, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  try validateCounts(sampleCounts, minimumTotal: 0)
  return try circles(
    outer: sampleCounts.outer, inner: sampleCounts.inner, shuffle: shuffle, noise: noise,
    factor: factor, seed: seed)
}

func validateCounts(_ counts: (outer: Int, inner: Int), minimumTotal: Int) throws {
  guard counts.outer >= 0, counts.inner >= 0,
    !counts.outer.addingReportingOverflow(counts.inner).overflow,
    counts.outer + counts.inner >= minimumTotal
  else {
    throw DatasetError.invalidParameter(
      name: "sampleCounts", value: "(\(counts.outer), \(counts.inner))",
      expected: "two non-negative counts with a total of at least \(minimumTotal)")
  }
}

func moons(
  outer: Int, inner: Int, shuffle: Bool, noise: Double?, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  if let noise { try requireReal(noise, name: "noise", lower: 0) }
  try requireElementCount(outer + inner, 2, name: "sampleCount")
  let outerAngles = linspace(0, Double.pi, outer, endpoint: true)
  let innerAngles = linspace(0, Double.pi, inner, endpoint: true)
  var points: [Double] = []
  points.reserveCapacity(2 * (outer + inner))
  for t in outerAngles { points += [cos(t), sin(t)] }
  for t in innerAngles { points += [1 - cos(t), 1 - sin(t) - 0.5] }
  return finishTwoClass(
    points: points, outer: outer, inner: inner, shuffle: shuffle,
    noise: noise, seed: seed)
}

func circles(
  outer: Int, inner: Int, shuffle: Bool, noise: Double?, factor: Double, seed: UInt64
) throws -> (x: Matrix, y: [Int]) {
  if let noise { try requireReal(noise, name: "noise", lower: 0) }
  try requireElementCount(outer + inner, 2, name: "sampleCount")
  try requireReal(factor, name: "factor", lower: 0, upper: 1, upperClosed: false)
  let outerAngles = linspace(0, 2 * Double.pi, outer, endpoint: false)
  let innerAngles = linspace(0, 2 * Double.pi, inner, endpoint: false)
  var points: [Double] = []
  points.reserveCapacity(2 * (outer + inner))
  for t in outerAngles { points += [cos(t), sin(t)] }
  for t in innerAngles { points += [cos(t) * factor, sin(t) * factor] }
  return finishTwoClass(
    points: points, outer: outer, inner: inner, shuffle: shuffle,
    noise: noise, seed: seed)
}

/// Labels, shuffles and adds noise to the points of a two-class shape generator.
func finishTwoClass(
  points: [Double], outer: Int, inner: Int, shuffle: Bool, noise: Double?, seed: UInt64
) -> (x: Matrix, y: [Int]) {
  var generator = SeededGenerator(seed: seed)
  let n = outer + inner
  var x = points
  var y = [Int](repeating: 0, count: outer) + [Int](repeating: 1, count: inner)
  if shuffle {
    let order = randomPermutation(n, using: &generator)
    x = permutedRows(x, columns: 2, by: order)
    y = order.map { y[$0] }
  }
  if let noise, noise > 0 {
    for k in 0..<x.count { x[k] += noise * generator.nextGaussian() }
  }
  return (Matrix(unchecked: n, 2, x), y)
}

import Foundation
import LinearAlgebra

/// Generates a random linear regression problem with one target.
///
/// scikit-learn: `sklearn.datasets.make_regression` with `n_targets=1`; parameters, defaults
/// and algorithm match scikit-learn 1.9, the random stream does not. Use
/// `makeMultiTargetRegression` for several targets.
///
/// The inputs are standard normal (well conditioned) or, when `effectiveRank` is given, come
/// from ``makeLowRankMatrix(sampleCount:featureCount:effectiveRank:tailStrength:seed:)``
/// (a low-rank signal with a fat tail of small singular values). The target is
/// `y = X · w + bias + noise · N(0, 1)`, where only `informativeCount` coefficients of `w` are
/// non-zero, each uniform on `[0, 100)`. Shuffling permutes rows and columns (and `w` with
/// them), so the informative columns are not the first ones.
///
/// - Parameters:
///   - sampleCount: Rows (`n_samples`); default 100, at least 1.
///   - featureCount: Columns (`n_features`); default 100, at least 1.
///   - informativeCount: Non-zero coefficients (`n_informative`); default 10, at least 0;
///     values above `featureCount` are reduced to it, as in scikit-learn.
///   - bias: Intercept (`bias`); default 0.
///   - effectiveRank: Approximate rank of `X` (`effective_rank`); default `nil` (full-rank
///     Gaussian inputs); at least 1.
///   - tailStrength: Weight of the fat tail of singular values when `effectiveRank` is set
///     (`tail_strength`); default 0.5, in `[0, 1]`.
///   - noise: Standard deviation of the Gaussian noise added to `y` (`noise`); default 0,
///     at least 0.
///   - shuffle: Permute rows and columns (`shuffle`); default `true`.
///   - coef: Also return the true coefficients (`coef`); default `false`.
///   - seed: Seed of the random stream (`random_state`).
/// - Returns: `x` (`sampleCount × featureCount`), `y`, and the coefficients `w` (one per
///   column of `x`, `nil` unless `coef` is `true`). With `noise == 0`, `y == x · w + bias` up
///   to rounding.
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming the first bad
///   parameter.
/// - Complexity: O(sampleCount · featureCount), or O(sampleCount · featureCount · min(...))
///   with `effectiveRank`.
///
///     let (x, y, w) = try makeRegression(
///       sampleCount: 200, featureCount: 5, informativeCount: 3, noise: 0.5, coef: true,
///       seed: 1)
public func makeRegression(
  sampleCount: Int = 100, featureCount: Int = 100, informativeCount: Int = 10,
  bias: Double = 0.0, effectiveRank: Int? = nil, tailStrength: Double = 0.5,
  noise: Double = 0.0, shuffle: Bool = true, coef: Bool = false, seed: UInt64
) throws -> (x: Matrix, y: [Double], coefficients: [Double]?) {
  let result = try regressionProblem(
    sampleCount: sampleCount, featureCount: featureCount, informativeCount: informativeCount,
    targetCount: 1, bias: bias, effectiveRank: effectiveRank, tailStrength: tailStrength,
    noise: noise, shuffle: shuffle, seed: seed)
  return (result.x, result.y.storage, coef ? result.coefficients.storage : nil)
}

/// Generates a random linear regression problem with several targets.
///
/// scikit-learn: `sklearn.datasets.make_regression(n_targets=targetCount, coef=True)`; see
/// `makeRegression` for the algorithm and the other parameters. Each target has its own
/// coefficient vector with the same `informativeCount` non-zero rows.
///
/// - Parameters:
///   - sampleCount: Rows (`n_samples`); default 100, at least 1.
///   - featureCount: Columns (`n_features`); default 100, at least 1.
///   - informativeCount: Non-zero coefficient rows (`n_informative`); default 10, at least 0;
///     values above `featureCount` are reduced to it.
///   - targetCount: Number of targets (`n_targets`); default 2, at least 1.
///   - bias: Intercept of every target (`bias`); default 0.
///   - effectiveRank: Approximate rank of `X` (`effective_rank`); default `nil` (full-rank
///     Gaussian inputs); at least 1.
///   - tailStrength: Weight of the fat tail of singular values when `effectiveRank` is set
///     (`tail_strength`); default 0.5, in `[0, 1]`.
///   - noise: Standard deviation of the Gaussian noise added to `y` (`noise`); default 0,
///     at least 0.
///   - shuffle: Permute rows and columns (`shuffle`); default `true`.
///   - seed: Seed of the random stream (`random_state`).
/// - Returns: `x` (`sampleCount × featureCount`), `y` (`sampleCount × targetCount`) and the
///   coefficients (`featureCount × targetCount`), with `y == x · coefficients + bias` when
///   `noise == 0`.
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming the first bad
///   parameter.
///
///     let (x, y, w) = try makeMultiTargetRegression(targetCount: 3, seed: 5)
public func makeMultiTargetRegression(
  sampleCount: Int = 100, featureCount: Int = 100, informativeCount: Int = 10,
  targetCount: Int = 2, bias: Double = 0.0, effectiveRank: Int? = nil,
  tailStrength: Double = 0.5, noise: Double = 0.0, shuffle: Bool = true, seed: UInt64
) throws -> (x: Matrix, y: Matrix, coefficients: Matrix) {
  try regressionProblem(
    sampleCount: sampleCount, featureCount: featureCount, informativeCount: informativeCount,
    targetCount: targetCount, bias: bias, effectiveRank: effectiveRank,
    tailStrength: tailStrength, noise: noise, shuffle: shuffle, seed: seed)
}

/// The shared implementation of the two regression generators.
func regressionProblem(
  sampleCount: Int, featureCount: Int, informativeCount: Int, targetCount: Int, bias: Double,
  effectiveRank: Int?, tailStrength: Double, noise: Double, shuffle: Bool, seed: UInt64
) throws -> (x: Matrix, y: Matrix, coefficients: Matrix) {
  try requireCount(sampleCount, name: "sampleCount", minimum: 1)
  try requireCount(featureCount, name: "featureCount", minimum: 1)
  try requireCount(informativeCount, name: "informativeCount", minimum: 0)
  try requireCount(targetCount, name: "targetCount", minimum: 1)
  try requireReal(bias, name: "bias")
  if let effectiveRank { try requireCount(effectiveRank, name: "effectiveRank", minimum: 1) }
  try requireReal(tailStrength, name: "tailStrength", lower: 0, upper: 1)
  try requireReal(noise, name: "noise", lower: 0)

  let n = sampleCount
  let p = featureCount
  let t = targetCount
  try requireElementCount(n, p, name: "sampleCount")
  try requireElementCount(n, t, name: "targetCount")
  try requireElementCount(p, t, name: "targetCount")
  let informative = min(p, informativeCount)
  var generator = SeededGenerator(seed: seed)

  var x: [Double]
  if let effectiveRank {
    x = lowRankStorage(
      rows: n, columns: p, effectiveRank: effectiveRank, tailStrength: tailStrength,
      using: &generator)
  } else {
    x = gaussians(n * p, using: &generator)
  }

  // Ground truth: the first `informative` rows are 100 · U[0, 1), the rest zero.
  var w = [Double](repeating: 0, count: p * t)
  for k in 0..<(informative * t) { w[k] = 100 * generator.nextUniform() }

  var y = [Double](repeating: 0, count: n * t)
  for i in 0..<n {
    for c in 0..<t {
      var value = 0.0
      for j in 0..<informative { value += x[i * p + j] * w[j * t + c] }
      y[i * t + c] = value + bias
    }
  }
  if noise > 0 {
    for k in 0..<y.count { y[k] += noise * generator.nextGaussian() }
  }

  if shuffle {
    let rowOrder = randomPermutation(n, using: &generator)
    x = permutedRows(x, columns: p, by: rowOrder)
    y = permutedRows(y, columns: t, by: rowOrder)
    let columnOrder = randomPermutation(p, using: &generator)
    x = permutedColumns(x, columns: p, by: columnOrder)
    w = permutedRows(w, columns: t, by: columnOrder)
  }
  return (Matrix(unchecked: n, p, x), Matrix(unchecked: n, t, y), Matrix(unchecked: p, t, w))
}

/// Generates a matrix of approximately low rank with bell-shaped singular values.
///
/// scikit-learn: `sklearn.datasets.make_low_rank_matrix`; parameters, defaults and algorithm
/// match scikit-learn 1.9, the random stream does not.
///
/// The result is `U · diag(s) · Vᵀ` with `U` and `V` random matrices with orthonormal columns
/// (the Q factors of Gaussian matrices) and, for `i = 0..<min(sampleCount, featureCount)`,
/// `s[i] = (1 - tailStrength) · exp(-(i / effectiveRank)²) + tailStrength ·
/// exp(-0.1 · i / effectiveRank)`: a low-rank signal part and a slowly decaying tail, such as
/// real data (faces, text) often show.
///
/// - Parameters:
///   - sampleCount: Rows (`n_samples`); default 100, at least 1.
///   - featureCount: Columns (`n_features`); default 100, at least 1.
///   - effectiveRank: Number of singular vectors carrying most of the signal
///     (`effective_rank`); default 10, at least 1.
///   - tailStrength: Relative weight of the fat tail (`tail_strength`); default 0.5, in
///     `[0, 1]`.
///   - seed: Seed of the random stream (`random_state`).
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming the first bad
///   parameter.
/// - Complexity: O((sampleCount + featureCount) · k²  + sampleCount · featureCount · k) with
///   `k = min(sampleCount, featureCount)`.
///
///     let x = try makeLowRankMatrix(sampleCount: 50, featureCount: 20, effectiveRank: 3, seed: 2)
public func makeLowRankMatrix(
  sampleCount: Int = 100, featureCount: Int = 100, effectiveRank: Int = 10,
  tailStrength: Double = 0.5, seed: UInt64
) throws -> Matrix {
  try requireCount(sampleCount, name: "sampleCount", minimum: 1)
  try requireCount(featureCount, name: "featureCount", minimum: 1)
  try requireCount(effectiveRank, name: "effectiveRank", minimum: 1)
  try requireReal(tailStrength, name: "tailStrength", lower: 0, upper: 1)
  try requireElementCount(sampleCount, featureCount, name: "sampleCount")
  var generator = SeededGenerator(seed: seed)
  let storage = lowRankStorage(
    rows: sampleCount, columns: featureCount, effectiveRank: effectiveRank,
    tailStrength: tailStrength, using: &generator)
  return Matrix(unchecked: sampleCount, featureCount, storage)
}

/// Row-major storage of a `rows × columns` low-rank matrix (see ``makeLowRankMatrix``).
func lowRankStorage(
  rows: Int, columns: Int, effectiveRank: Int, tailStrength: Double,
  using generator: inout SeededGenerator
) -> [Double] {
  let k = min(rows, columns)
  let u = orthonormalColumns(gaussians(rows * k, using: &generator), rows: rows, columns: k)
  let v = orthonormalColumns(gaussians(columns * k, using: &generator), rows: columns, columns: k)
  let rank = Double(effectiveRank)
  let singular = (0..<k).map { i -> Double in
    let index = Double(i)
    let lowRank = (1 - tailStrength) * exp(-1.0 * (index / rank) * (index / rank))
    let tail = tailStrength * exp(-0.1 * index / rank)
    return lowRank + tail
  }
  // (U · diag(s)) · Vᵀ through BLAS.
  var us = u
  for i in 0..<rows {
    for c in 0..<k { us[i * k + c] *= singular[c] }
  }
  let left = Matrix(unchecked: rows, k, us)
  let right = Matrix(unchecked: columns, k, v)
  if let product = try? Matrix.product(left, right, transposeB: .transposed) {
    return product.storage
  }
  // Unreachable (the shapes agree by construction); a plain loop keeps this path trap-free.
  var result = [Double](repeating: 0, count: rows * columns)
  for i in 0..<rows {
    for j in 0..<columns {
      var value = 0.0
      for c in 0..<k { value += us[i * k + c] * v[j * k + c] }
      result[i * columns + j] = value
    }
  }
  return result
}

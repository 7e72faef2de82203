import Foundation
import LinearAlgebra
import SwiftLearnCore

/// How the power iterations of a randomized SVD keep the sample basis well conditioned
/// (scikit-learn's `power_iteration_normalizer`).
public enum PowerIterationNormalizer: String, Sendable, Hashable, Codable, CaseIterable {
  /// scikit-learn's choice: no normalization for at most two iterations, LU otherwise.
  /// SwiftLearn uses QR where scikit-learn uses LU (both span the same subspace).
  case auto
  /// QR factorization after each product (the most accurate).
  case qr = "QR"
  /// LU factorization after each product in scikit-learn; SwiftLearn uses QR here too.
  case lu = "LU"
  /// No normalization (fastest, least stable).
  case none
}

/// scikit-learn's `svd_flip` with `u_based_decision=False`: each row of `vt` (and the matching
/// column of `u`) is multiplied by the sign of the row's entry with the largest absolute value,
/// the first such entry when several tie.
func svdFlipRows(u: inout Matrix?, vt: inout Matrix) {
  let k = vt.rowCount
  let d = vt.columnCount
  guard k > 0, d > 0 else { return }
  var signs = [Double](repeating: 1, count: k)
  var v = vt.storage
  for r in 0..<k {
    var best = 0
    var bestAbs = -1.0
    for j in 0..<d {
      let a = abs(v[r * d + j])
      if a > bestAbs {
        bestAbs = a
        best = j
      }
    }
    let value = v[r * d + best]
    // numpy's sign: 0 stays 0.
    signs[r] = value > 0 ? 1 : (value < 0 ? -1 : 0)
    for j in 0..<d { v[r * d + j] *= signs[r] }
  }
  vt = Matrix(unchecked: k, d, v)
  if let old = u {
    let n = old.rowCount
    var s = old.storage
    for i in 0..<n {
      for r in 0..<k { s[i * k + r] *= signs[r] }
    }
    u = Matrix(unchecked: n, k, s)
  }
}

/// The columns `0..<count` of `m`.
func leadingColumns(_ m: Matrix, _ count: Int) -> Matrix {
  if count == m.columnCount { return m }
  let c = m.columnCount
  var out = [Double](repeating: 0, count: m.rowCount * count)
  m.withUnsafeStorage { s in
    for i in 0..<m.rowCount {
      for j in 0..<count { out[i * count + j] = s[i * c + j] }
    }
  }
  return Matrix(unchecked: m.rowCount, count, out)
}

/// The rows `0..<count` of `m`.
func leadingRows(_ m: Matrix, _ count: Int) -> Matrix {
  if count == m.rowCount { return m }
  return Matrix(unchecked: count, m.columnCount, Array(m.storage[0..<(count * m.columnCount)]))
}

/// Halko, Martinsson and Tropp's randomized truncated SVD, as scikit-learn's
/// `_randomized_svd` (`transpose="auto"`, `flip_sign=False`).
///
/// A Gaussian test matrix of `k + oversamples` columns (from `generator`) is multiplied by `m`
/// and refined with `iterations` power iterations, the basis is orthonormalized, and the small
/// projected matrix gets an exact SVD. Returns the leading `k` triplets.
func randomizedSVD(
  _ m: Matrix, k: Int, oversamples: Int, iterations: Int,
  normalizer: PowerIterationNormalizer, generator: inout SeededGenerator
) throws -> (u: Matrix, s: [Double], vt: Matrix) {
  let transpose = m.rowCount < m.columnCount
  let a = transpose ? m.transposed() : m
  let randomCount = min(k + oversamples, a.columnCount)
  var omega = [Double](repeating: 0, count: a.columnCount * randomCount)
  for i in 0..<omega.count { omega[i] = generator.nextGaussian() }
  var q = try Matrix.product(a, Matrix(unchecked: a.columnCount, randomCount, omega))
  let normalize: Bool
  switch normalizer {
  case .auto: normalize = iterations > 2
  case .none: normalize = false
  case .qr, .lu: normalize = true
  }
  for _ in 0..<iterations {
    if normalize { q = try q.qr().q }
    var z = try Matrix.product(a, q, transposeA: .transposed)
    if normalize { z = try z.qr().q }
    q = try Matrix.product(a, z)
  }
  q = try q.qr().q
  let b = try Matrix.product(q, a, transposeA: .transposed)
  let (uHat, s, vt) = try b.svd()
  let u = try Matrix.product(q, uHat)
  let kk = min(k, s.count)
  let uK = leadingColumns(u, kk)
  let vtK = leadingRows(vt, kk)
  let sK = Array(s[0..<kk])
  if transpose { return (vtK.transposed(), sK, uK.transposed()) }
  return (uK, sK, vtK)
}

/// The generator for a randomized fit: the user's seed or a fresh one, and the seed used.
func makeGenerator(_ seed: UInt64?) -> (SeededGenerator, UInt64) {
  let used = seed ?? SeededGenerator.randomSeed()
  return (SeededGenerator(seed: used), used)
}

import LinearAlgebra
import SwiftLearnCore

/// Least squares for ill-conditioned, full-rank designs: equilibrate, solve by SVD, refine.
///
/// `LinearRegression` calls this only when scikit-learn's `tol` cut-off has found the centred
/// design rank-deficient. The steps:
///
/// 1. centre the columns (weighted means) and scale each to unit Euclidean norm, which removes
///    the spread of column scales that makes a polynomial design look singular (a design with
///    condition number 2e15 typically drops to about 1e6);
/// 2. take the thin SVD of the equilibrated design and keep every singular value above
///    `max(n, d) · ε · σ_max` — if one falls below, the columns are collinear in floating point
///    and the caller keeps scikit-learn's minimum-norm answer;
/// 3. refine: compute the residual `y − b − X β` of the *original* data with compensated
///    (`fma`-exact products, error-free sums) dot products, solve for a correction with the
///    same SVD, and repeat until the correction stops shrinking. Because the residual is
///    accurate to about one rounding of its own size, the fixed point is the solution of the
///    given problem rather than of its rounded, centred copy.
enum RefinedLeastSquares {
  struct Solution {
    var coefficients: [Double]
    var intercept: Double
    var steps: Int
  }

  /// The most refinement steps; convergence is linear with rate about `cond · ε`, so a handful
  /// suffices whenever refinement can help at all.
  static let maximumSteps = 10

  /// Solves `min Σ wᵢ (yᵢ − b − xᵢ·β)²` (without `b` when `fitIntercept` is false); `nil` when
  /// the equilibrated design is numerically rank-deficient.
  static func solve(
    _ x: Matrix, _ y: [Double], weights: [Double]?, fitIntercept: Bool
  ) throws -> Solution? {
    let n = x.rowCount
    let d = x.columnCount
    let roots = weights.map { $0.map { $0.squareRoot() } }
    var totalWeight = 0.0
    for i in 0..<n { totalWeight += weights?[i] ?? 1 }
    guard totalWeight > 0 else { return nil }

    // Weighted column means (for centring) and the equilibrated design.
    var means = [Double](repeating: 0, count: d)
    if fitIntercept {
      x.withUnsafeStorage { s in
        for i in 0..<n {
          let w = weights?[i] ?? 1
          for j in 0..<d { means[j] += w * s[i * d + j] }
        }
      }
      for j in 0..<d { means[j] /= totalWeight }
    }
    var design = x
    var norms = [Double](repeating: 0, count: d)
    design.withUnsafeMutableStorage { s in
      for i in 0..<n {
        let root = roots?[i] ?? 1
        for j in 0..<d {
          let v = (s[i * d + j] - means[j]) * root
          s[i * d + j] = v
          norms[j] += v * v
        }
      }
    }
    for j in 0..<d { norms[j] = norms[j].squareRoot() }
    guard norms.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
    design.withUnsafeMutableStorage { s in
      for i in 0..<n { for j in 0..<d { s[i * d + j] /= norms[j] } }
    }

    let factors: (u: Matrix, s: [Double], vt: Matrix)
    do {
      factors = try design.svd()
    } catch {
      return nil
    }
    guard let largest = factors.s.first, largest > 0 else { return nil }
    let cutoff = Double(max(n, d)) * Double.ulpOfOne * largest
    guard factors.s.count == d, factors.s.allSatisfy({ $0 > cutoff }) else { return nil }

    /// The minimiser of ‖(equilibrated design) z − r‖, mapped back to the original scale.
    func correction(_ r: [Double]) throws -> [Double] {
      var projected = try factors.u.matvec(r, transpose: .transposed)
      for k in 0..<d { projected[k] /= factors.s[k] }
      var z = try factors.vt.matvec(projected, transpose: .transposed)
      for j in 0..<d { z[j] /= norms[j] }
      return z
    }

    var beta = [Double](repeating: 0, count: d)
    var residual = [Double](repeating: 0, count: n)
    var previousSize = Double.infinity
    var steps = 0
    // Step 0 solves from β = 0 (the plain SVD solution); later steps refine it.
    for step in 0...maximumSteps {
      residuals(x, y, beta: beta, into: &residual)
      if fitIntercept {
        var mean = 0.0
        for i in 0..<n { mean += (weights?[i] ?? 1) * residual[i] }
        mean /= totalWeight
        for i in 0..<n { residual[i] -= mean }
      }
      if let roots { for i in 0..<n { residual[i] *= roots[i] } }
      let delta = try correction(residual)
      var size = 0.0
      var scale = 0.0
      for j in 0..<d {
        beta[j] += delta[j]
        size = max(size, abs(delta[j]))
        scale = max(scale, abs(beta[j]))
      }
      steps = step
      if size <= 2 * Double.ulpOfOne * scale || size >= previousSize { break }
      previousSize = size
    }
    // The intercept for the final coefficients.
    var intercept = 0.0
    if fitIntercept {
      residuals(x, y, beta: beta, into: &residual)
      var mean = 0.0
      for i in 0..<n { mean += (weights?[i] ?? 1) * residual[i] }
      intercept = mean / totalWeight
    }
    guard beta.allSatisfy(\.isFinite), intercept.isFinite else { return nil }
    return Solution(coefficients: beta, intercept: intercept, steps: steps)
  }

  /// Writes `yᵢ − xᵢ·β` for every row, each evaluated in doubled working precision (Ogita,
  /// Rump and Oishi's `Dot2`: exact products by `fma`, error-free `TwoSum` accumulation).
  static func residuals(_ x: Matrix, _ y: [Double], beta: [Double], into out: inout [Double]) {
    let n = x.rowCount
    let d = x.columnCount
    x.withUnsafeStorage { s in
      for i in 0..<n {
        var sum = y[i]
        var compensation = 0.0
        for j in 0..<d {
          let a = s[i * d + j]
          let b = -beta[j]
          let product = a * b
          let productError = (-product).addingProduct(a, b)
          let total = sum + product
          let virtual = total - sum
          let sumError = (sum - (total - virtual)) + (product - virtual)
          sum = total
          compensation += sumError + productError
        }
        out[i] = sum + compensation
      }
    }
  }
}

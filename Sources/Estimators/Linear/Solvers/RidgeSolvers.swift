import LinearAlgebra
import SwiftLearnCore

/// The dense Ridge solvers, on an already centred and weight-scaled problem.
///
/// Each returns the coefficients row-major `t x d` (one row per target), as scikit-learn's
/// `_solve_*` functions do.
enum RidgeSolvers {
  /// `(XᵀX + αI)⁻¹ Xᵀy` (or the kernel form `Xᵀ(XXᵀ + αI)⁻¹y` when `d > n`), by Cholesky.
  ///
  /// scikit-learn's `_solve_cholesky` / `_solve_cholesky_kernel`. Returns `nil` when the
  /// system is not positive definite, where scikit-learn falls back to the SVD solver.
  static func cholesky(_ p: CenteredProblem, alpha: Double) throws -> [Double]? {
    let x = p.matrix
    let n = p.rowCount
    let d = p.columnCount
    let t = p.targetCount
    do {
      if d > n {
        var k = try x.outerGram()
        k.withUnsafeMutableStorage { s in
          for i in 0..<n { s[i * n + i] += alpha }
        }
        let rhs = try Matrix(columns: (0..<t).map { p.target($0) })
        let dual = try k.choleskySolve(rhs)
        var result = [Double](repeating: 0, count: t * d)
        for c in 0..<t {
          let coefficients = try x.matvec(try dual.column(c), transpose: .transposed)
          for j in 0..<d { result[c * d + j] = coefficients[j] }
        }
        return result
      }
      var a = try x.gram()
      a.withUnsafeMutableStorage { s in
        for j in 0..<d { s[j * d + j] += alpha }
      }
      let rhs = try Matrix(
        columns: (0..<t).map { try x.matvec(p.target($0), transpose: .transposed) })
      let solution = try a.choleskySolve(rhs)
      return solution.transposed().storage
    } catch LinearAlgebraError.notPositiveDefinite {
      return nil
    }
  }

  /// `V·diag(s/(s² + α))·Uᵀy` from the thin SVD `X = U·diag(s)·Vᵀ`; singular values at or
  /// below `1e-15` are dropped (scikit-learn's `_solve_svd`).
  static func svd(_ p: CenteredProblem, alpha: Double) throws -> [Double] {
    let d = p.columnCount
    let t = p.targetCount
    let (u, s, vt) = try p.matrix.svd()
    var result = [Double](repeating: 0, count: t * d)
    for c in 0..<t {
      var projected = try u.matvec(p.target(c), transpose: .transposed)
      for i in 0..<projected.count {
        projected[i] = s[i] > 1e-15 ? projected[i] * s[i] / (s[i] * s[i] + alpha) : 0
      }
      let coefficients = try vt.matvec(projected, transpose: .transposed)
      for j in 0..<d { result[c * d + j] = coefficients[j] }
    }
    return result
  }

  /// Conjugate gradients on the normal equations, matrix-free (scikit-learn's
  /// `_solve_sparse_cg`, which calls `scipy.sparse.linalg.cg` with `rtol = tol`, `atol = 0`).
  ///
  /// When `d > n` the kernel system `(XXᵀ + αI)c = y` is solved (with scipy's default
  /// `10·n` iterations, as scikit-learn passes no limit there) and `w = Xᵀc`; otherwise
  /// `(XᵀX + αI)w = Xᵀy` with at most `maxIter` iterations (`nil`: `10·d`).
  ///
  /// - Returns: The coefficients and the largest iteration count over the targets.
  static func conjugateGradient(
    _ p: CenteredProblem, alpha: Double, tol: Double, maxIter: Int?
  ) throws -> (coefficients: [Double], iterations: Int) {
    let x = p.matrix
    let n = p.rowCount
    let d = p.columnCount
    let t = p.targetCount
    let kernel = d > n
    var result = [Double](repeating: 0, count: t * d)
    var worst = 0
    for c in 0..<t {
      let target = p.target(c)
      let b = kernel ? target : try x.matvec(target, transpose: .transposed)
      let limit = kernel ? 10 * n : (maxIter ?? 10 * d)
      let apply: ([Double]) throws -> [Double] = { v in
        var out =
          kernel
          ? try x.matvec(try x.matvec(v, transpose: .transposed))
          : try x.matvec(try x.matvec(v), transpose: .transposed)
        for i in 0..<out.count { out[i] += alpha * v[i] }
        return out
      }
      let (solution, iterations) = try solveConjugateGradient(
        b: b, rtol: tol, maxIterations: limit, apply: apply)
      worst = Swift.max(worst, iterations)
      let coefficients = kernel ? try x.matvec(solution, transpose: .transposed) : solution
      for j in 0..<d { result[c * d + j] = coefficients[j] }
    }
    return (result, worst)
  }

  /// scipy's `cg` without a preconditioner, from `x₀ = 0`: stops when `‖r‖ < rtol·‖b‖`.
  static func solveConjugateGradient(
    b: [Double], rtol: Double, maxIterations: Int, apply: ([Double]) throws -> [Double]
  ) throws -> ([Double], Int) {
    let m = b.count
    let bNorm = norm(b)
    var x = [Double](repeating: 0, count: m)
    guard bNorm > 0 else { return (x, 0) }
    let atol = rtol * bNorm
    var r = b
    var p = [Double](repeating: 0, count: m)
    var rhoPrevious = 0.0
    for iteration in 0..<maxIterations {
      if norm(r) < atol { return (x, iteration) }
      let rho = dotProduct(r, r)
      if iteration > 0 {
        let beta = rho / rhoPrevious
        for i in 0..<m { p[i] = p[i] * beta + r[i] }
      } else {
        p = r
      }
      let q = try apply(p)
      let step = rho / dotProduct(p, q)
      for i in 0..<m {
        x[i] += step * p[i]
        r[i] -= step * q[i]
      }
      rhoPrevious = rho
    }
    return (x, maxIterations)
  }

  static func dotProduct(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<Swift.min(a.count, b.count) { s += a[i] * b[i] }
    return s
  }

  static func norm(_ a: [Double]) -> Double { dotProduct(a, a).squareRoot() }
}

import LinearAlgebra
import SwiftLearnCore

/// Lawson–Hanson active-set non-negative least squares: `min ‖A·x − b‖` subject to `x ≥ 0`.
///
/// scipy: `scipy.optimize.nnls(A, b)` (default `maxiter = 3·n`), which scikit-learn's
/// `LinearRegression(positive=True)` calls on the centred, weight-scaled data. A tall `A` is
/// first reduced by a QR factorisation (`‖Ax − b‖² = ‖Rx − Qᵀb‖² + const`), so the active-set
/// iterations work on an `n x n` triangle. Each passive-set subproblem is solved by LAPACK's
/// SVD-based least squares, which also copes with collinear passive columns.
enum NonNegativeLeastSquares {
  /// Solves the problem; `a` is `m x n` row-major.
  ///
  /// - Throws: `LinearAlgebraError` from LAPACK; `LearnError.numericalFailure(estimator:reason:)`
  ///   when `3·n` outer iterations do not suffice (scipy raises `RuntimeError` there).
  static func solve(_ a: Matrix, _ b: [Double], estimator: String) throws -> [Double] {
    var design = a
    var target = b
    let n = a.columnCount
    if a.rowCount > n {
      let (q, r) = try a.qr()
      design = r
      target = try q.matvec(b, transpose: .transposed)
    }
    let columns = design.transposed()  // row j = column j of the design
    var x = [Double](repeating: 0, count: n)
    var passive = [Bool](repeating: false, count: n)
    let scale = design.storage.reduce(0) { Swift.max($0, abs($1)) }
    let tolerance = 10 * Double.ulpOfOne * scale * Double(Swift.max(design.rowCount, n))
    // A gradient entry below rounding noise (≈ eps·‖A‖·‖b‖) does not count as positive, so an
    // interpolating fit (residual ≈ 0, p > n) stops instead of cycling.
    let targetNorm = target.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let gradientTolerance = tolerance * Swift.max(1, targetNorm)
    var iterations = 0

    func gradient() throws -> [Double] {
      var residual = target
      let fitted = try design.matvec(x)
      for i in 0..<residual.count { residual[i] -= fitted[i] }
      return try design.matvec(residual, transpose: .transposed)
    }

    func subproblem() throws -> [Double] {
      let indices = (0..<n).filter { passive[$0] }
      var s = [Double](repeating: 0, count: n)
      guard !indices.isEmpty else { return s }
      let sub = try columns.rows(indices).transposed()
      let solution = try sub.leastSquares(Matrix(column: target)).solution.storage
      for (k, j) in indices.enumerated() { s[j] = solution[k] }
      return s
    }

    var w = try gradient()
    // Columns that were just tried and would enter at a non-positive value (dependent on the
    // passive ones): skipped until the next successful step, as in Lawson and Hanson's
    // original code.
    var skipped = [Bool](repeating: false, count: n)
    while true {
      var best = -1
      var bestValue = gradientTolerance
      for j in 0..<n where !passive[j] && !skipped[j] && w[j] > bestValue {
        best = j
        bestValue = w[j]
      }
      guard best >= 0 else { break }
      iterations += 1
      if iterations > 3 * n {
        throw LearnError.numericalFailure(
          estimator: estimator,
          reason: "non-negative least squares did not converge in \(3 * n) iterations")
      }
      passive[best] = true
      var s = try subproblem()
      if s[best] <= tolerance {
        passive[best] = false
        skipped[best] = true
        iterations -= 1
        continue
      }
      skipped = [Bool](repeating: false, count: n)
      while (0..<n).contains(where: { passive[$0] && s[$0] <= 0 }) {
        var step = Double.infinity
        var leaving = -1
        for j in 0..<n where passive[j] && s[j] <= 0 {
          let gap = x[j] - s[j]
          let candidate = gap > 0 ? x[j] / gap : 0
          if candidate < step {
            step = candidate
            leaving = j
          }
        }
        for j in 0..<n where passive[j] {
          x[j] += step * (s[j] - x[j])
          if x[j] <= tolerance || j == leaving {
            x[j] = 0
            passive[j] = false
          }
        }
        s = try subproblem()
      }
      x = s
      w = try gradient()
    }
    return x
  }
}

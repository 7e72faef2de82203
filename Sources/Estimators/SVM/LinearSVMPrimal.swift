import LinearAlgebra
import SwiftLearnCore

extension LinearSVMSolvers {
  /// The primal L2-regularised squared-hinge problem (liblinear's `L2R_L2LOSS_SVC` primal,
  /// scikit-learn's `dual=False`) solved by Newton's method with the generalised Hessian
  /// `I + 2·Σ_active Cᵢ·x̃ᵢx̃ᵢᵀ` (formed with BLAS and solved by Cholesky) and a backtracking
  /// line search. `xa` carries the intercept column already. Stops, like liblinear, when
  /// `‖∇f‖ ≤ tol·max(min(#pos, #neg), 1)/n · ‖∇f(0)‖`; the minimiser is the same unique point
  /// liblinear's trust-region Newton method converges to.
  static func primalSquaredHinge(
    _ xa: Matrix, y: [Double], cost: [Double], tol: Double, maxIter: Int
  ) throws -> Solution {
    let n = xa.rowCount
    let p = xa.columnCount
    var w = [Double](repeating: 0, count: p)
    var z = [Double](repeating: 0, count: n)
    let positives = y.filter { $0 > 0 }.count
    let threshold = tol * Double(max(min(positives, n - positives), 1)) / Double(n)
    var initialNorm = -1.0
    var iterations = 0

    func objective(_ w: [Double], _ z: [Double]) -> Double {
      var f = 0.0
      for v in w { f += v * v }
      f *= 0.5
      for i in 0..<n where cost[i] > 0 {
        let m = 1 - y[i] * z[i]
        if m > 0 { f += cost[i] * m * m }
      }
      return f
    }

    while iterations < maxIter {
      // Gradient w + Xᵀv, vᵢ = −2·Cᵢ·mᵢ·yᵢ on the active rows.
      var v = [Double](repeating: 0, count: n)
      var active: [Int] = []
      for i in 0..<n where cost[i] > 0 {
        let m = 1 - y[i] * z[i]
        if m > 0 {
          v[i] = -2 * cost[i] * m * y[i]
          active.append(i)
        }
      }
      var g = try xa.matvec(v, transpose: .transposed)
      for j in 0..<p { g[j] += w[j] }
      let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if initialNorm < 0 { initialNorm = norm }
      if norm <= threshold * initialNorm { break }
      // Generalised Hessian I + AᵀA with rows √(2Cᵢ)·x̃ᵢ of the active set.
      var rows = [Double](repeating: 0, count: active.count * p)
      xa.withUnsafeStorage { s in
        for (r, i) in active.enumerated() {
          let factor = (2 * cost[i]).squareRoot()
          for j in 0..<p { rows[r * p + j] = factor * s[i * p + j] }
        }
      }
      var hessian = Matrix.identity(p)
      if !active.isEmpty {
        let a = Matrix(unchecked: active.count, p, rows)
        hessian = try hessian + Matrix.product(a, a, transposeA: .transposed)
      }
      let step = try hessian.choleskySolve(g.map { -$0 })
      let xs = try xa.matvec(step)
      let f0 = objective(w, z)
      var slope = 0.0
      for j in 0..<p { slope += g[j] * step[j] }
      var alpha = 1.0
      var accepted = false
      for _ in 0..<30 {
        let wTrial = (0..<p).map { w[$0] + alpha * step[$0] }
        let zTrial = (0..<n).map { z[$0] + alpha * xs[$0] }
        if objective(wTrial, zTrial) <= f0 + 0.01 * alpha * slope {
          w = wTrial
          z = zTrial
          accepted = true
          break
        }
        alpha /= 2
      }
      iterations += 1
      if !accepted { break }
    }
    return Solution(weights: w, bias: 0, iterations: iterations)
  }
}

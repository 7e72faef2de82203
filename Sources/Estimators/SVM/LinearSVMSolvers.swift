import LinearAlgebra
import SwiftLearnCore

/// liblinear's dual coordinate descent solvers (Hsieh et al., 2008; Ho and Lin, 2012), on
/// dense rows with the intercept as an extra feature of constant value `biasScale`
/// (liblinear's `bias`, scikit-learn's `intercept_scaling`).
///
/// The primal problems are `½‖w̃‖² + Σ Cᵢ·loss(xᵢ, yᵢ)` with `w̃ = (w, w_b)`: strictly convex, so
/// the solution does not depend on the visiting order the seed sets.
enum LinearSVMSolvers {
  /// The result of one binary or regression problem.
  struct Solution: Sendable {
    var weights: [Double]
    var bias: Double
    var iterations: Int
  }

  /// Rows and their squared norms (plus `biasScale²`), shared by all problems of one fit.
  struct Rows: @unchecked Sendable {
    let x: UnsafePointer<Double>
    let rowCount: Int
    let featureCount: Int
    let biasScale: Double
    let squaredNorms: [Double]

    @inline(__always)
    func dot(_ w: UnsafeMutablePointer<Double>, _ bias: Double, row i: Int) -> Double {
      let r = x + i * featureCount
      var s = 0.0
      for j in 0..<featureCount { s += w[j] * r[j] }
      return s + bias * biasScale
    }
  }

  /// `solve_l2r_l1l2_svc`: L2-regularised hinge (`squared` false) or squared-hinge loss,
  /// labels `y ∈ {−1, +1}`, per-row costs `cost` (rows with cost 0 are skipped).
  static func classification(
    _ rows: Rows, y: [Double], cost: [Double], squared: Bool, tol: Double, maxIter: Int,
    seed: UInt64
  ) -> Solution {
    let d = rows.featureCount
    var w = [Double](repeating: 0, count: d)
    var bias = 0.0
    var index = (0..<rows.rowCount).filter { cost[$0] > 0 }
    let l = index.count
    var alpha = [Double](repeating: 0, count: rows.rowCount)
    var rng = SeededGenerator(seed: seed)
    var activeSize = l
    var pgMaxOld = Double.infinity
    var pgMinOld = -Double.infinity
    var iterations = 0
    w.withUnsafeMutableBufferPointer { wb in
      guard let wp = wb.baseAddress else { return }
      while iterations < maxIter {
        var pgMaxNew = -Double.infinity
        var pgMinNew = Double.infinity
        for s in 0..<activeSize {
          let j = s + rng.nextInt(below: activeSize - s)
          index.swapAt(s, j)
        }
        var s = 0
        while s < activeSize {
          let i = index[s]
          let yi = y[i]
          let diag = squared ? 0.5 / cost[i] : 0
          let upper = squared ? Double.infinity : cost[i]
          let g = yi * rows.dot(wp, bias, row: i) - 1 + alpha[i] * diag
          var pg = 0.0
          if alpha[i] == 0 {
            if g > pgMaxOld {
              activeSize -= 1
              index.swapAt(s, activeSize)
              continue
            } else if g < 0 {
              pg = g
            }
          } else if alpha[i] == upper {
            if g < pgMinOld {
              activeSize -= 1
              index.swapAt(s, activeSize)
              continue
            } else if g > 0 {
              pg = g
            }
          } else {
            pg = g
          }
          pgMaxNew = max(pgMaxNew, pg)
          pgMinNew = min(pgMinNew, pg)
          if abs(pg) > 1e-12 {
            let old = alpha[i]
            let qd = rows.squaredNorms[i] + diag
            alpha[i] = min(max(alpha[i] - g / qd, 0), upper)
            let step = (alpha[i] - old) * yi
            let r = rows.x + i * d
            for k in 0..<d { wp[k] += step * r[k] }
            bias += step * rows.biasScale
          }
          s += 1
        }
        iterations += 1
        if pgMaxNew - pgMinNew <= tol {
          if activeSize == l { break }
          activeSize = l
          pgMaxOld = .infinity
          pgMinOld = -.infinity
          continue
        }
        pgMaxOld = pgMaxNew
        pgMinOld = pgMinNew
        if pgMaxOld <= 0 { pgMaxOld = .infinity }
        if pgMinOld >= 0 { pgMinOld = -.infinity }
      }
    }
    return Solution(weights: w, bias: bias, iterations: iterations)
  }

  /// `solve_l2r_l1l2_svr`: L2-regularised epsilon-insensitive (`squared` false) or squared
  /// epsilon-insensitive loss, per-row costs `cost` (rows with cost 0 are skipped).
  static func regression(
    _ rows: Rows, y: [Double], cost: [Double], epsilon p: Double, squared: Bool, tol: Double,
    maxIter: Int, seed: UInt64
  ) -> Solution {
    let d = rows.featureCount
    var w = [Double](repeating: 0, count: d)
    var bias = 0.0
    var index = (0..<rows.rowCount).filter { cost[$0] > 0 }
    let l = index.count
    var beta = [Double](repeating: 0, count: rows.rowCount)
    var rng = SeededGenerator(seed: seed)
    var activeSize = l
    var gMaxOld = Double.infinity
    var gNorm1Initial = -1.0
    var iterations = 0
    w.withUnsafeMutableBufferPointer { wb in
      guard let wp = wb.baseAddress else { return }
      while iterations < maxIter {
        var gMaxNew = 0.0
        var gNorm1New = 0.0
        for s in 0..<activeSize {
          let j = s + rng.nextInt(below: activeSize - s)
          index.swapAt(s, j)
        }
        var s = 0
        while s < activeSize {
          let i = index[s]
          let lambda = squared ? 0.5 / cost[i] : 0
          let upper = squared ? Double.infinity : cost[i]
          let g = -y[i] + lambda * beta[i] + rows.dot(wp, bias, row: i)
          let h = rows.squaredNorms[i] + lambda
          let gp = g + p
          let gn = g - p
          var violation = 0.0
          if beta[i] == 0 {
            if gp < 0 {
              violation = -gp
            } else if gn > 0 {
              violation = gn
            } else if gp > gMaxOld && gn < -gMaxOld {
              activeSize -= 1
              index.swapAt(s, activeSize)
              continue
            }
          } else if beta[i] >= upper {
            if gp > 0 {
              violation = gp
            } else if gp < -gMaxOld {
              activeSize -= 1
              index.swapAt(s, activeSize)
              continue
            }
          } else if beta[i] <= -upper {
            if gn < 0 {
              violation = -gn
            } else if gn > gMaxOld {
              activeSize -= 1
              index.swapAt(s, activeSize)
              continue
            }
          } else if beta[i] > 0 {
            violation = abs(gp)
          } else {
            violation = abs(gn)
          }
          gMaxNew = max(gMaxNew, violation)
          gNorm1New += violation
          var step: Double
          if gp < h * beta[i] {
            step = -gp / h
          } else if gn > h * beta[i] {
            step = -gn / h
          } else {
            step = -beta[i]
          }
          if abs(step) >= 1e-12 {
            let old = beta[i]
            beta[i] = min(max(beta[i] + step, -upper), upper)
            step = beta[i] - old
            if step != 0 {
              let r = rows.x + i * d
              for k in 0..<d { wp[k] += step * r[k] }
              bias += step * rows.biasScale
            }
          }
          s += 1
        }
        if iterations == 0 { gNorm1Initial = gNorm1New }
        iterations += 1
        if gNorm1New <= tol * gNorm1Initial {
          if activeSize == l { break }
          activeSize = l
          gMaxOld = .infinity
          continue
        }
        gMaxOld = gMaxNew
      }
    }
    return Solution(weights: w, bias: bias, iterations: iterations)
  }

  /// Squared row norms plus `biasScale²`.
  static func squaredNorms(_ x: Matrix, biasScale: Double) -> [Double] {
    let n = x.rowCount
    let d = x.columnCount
    var out = [Double](repeating: biasScale * biasScale, count: n)
    x.withUnsafeStorage { s in
      for i in 0..<n {
        var sum = 0.0
        for j in 0..<d { sum += s[i * d + j] * s[i * d + j] }
        out[i] += sum
      }
    }
    return out
  }
}

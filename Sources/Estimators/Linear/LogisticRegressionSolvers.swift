import Foundation
import LinearAlgebra

/// The result of one solver run on a ``LogisticProblem``.
struct LogisticSolution {
  var parameters: [Double]
  var iterations: Int
  var converged: Bool
}

/// The solvers behind ``LogisticRegression``; each starts from `start` and stops at `tol`.
enum LogisticSolvers {
  /// L-BFGS on the smooth objective, as scikit-learn calls scipy: `gtol = tol`,
  /// `ftol = 64·eps`, `maxls = 50`, `maxiter = maxIter`.
  static func lbfgs(
    _ problem: LogisticProblem, start: [Double], maxIter: Int, tol: Double
  ) -> LogisticSolution {
    var objective = LogisticObjective(problem: problem)
    let optimizer = LBFGS(maxIter: maxIter, gtol: tol, ftol: 64 * Double.ulpOfOne)
    let result = optimizer.minimize(&objective, from: start)
    return LogisticSolution(
      parameters: result.x, iterations: result.iterations, converged: result.converged)
  }

  /// Newton's method with the Hessian factored by Cholesky (scikit-learn's
  /// `NewtonCholeskySolver`): Armijo backtracking (σ = 2⁻¹¹, halving, 21 tries), convergence
  /// when `max |g| ≤ tol` and half the Newton decrement `½·sᵀHs ≤ tol`; falls back to L-BFGS
  /// for the remaining iterations when the Hessian is not positive definite or the line
  /// search fails. For several classes with an intercept, the last intercept is held fixed
  /// (the loss does not change when every intercept moves together).
  static func newtonCholesky(
    _ problem: LogisticProblem, start: [Double], maxIter: Int, tol: Double
  ) -> LogisticSolution {
    let p = problem.parameterCount
    let m = problem.outputs
    let fixLast = m > 1 && problem.fitIntercept
    let reduced = fixLast ? p - 1 : p
    var parameters = start
    var raw = problem.rawPrediction(parameters)
    var probabilities: [Double] = []
    var residual: [Double] = []
    var loss =
      problem.pointwise(raw, probabilities: &probabilities, residual: &residual)
      + problem.l2Penalty(parameters)
    var gradient = [Double](repeating: 0, count: p)
    problem.gradient(residual: residual, parameters: parameters, into: &gradient)
    var iteration = 0
    var converged = false
    var fallback = false
    while iteration < maxIter, !converged {
      guard let hessian = logisticHessian(problem, probabilities: probabilities) else {
        fallback = true
        break
      }
      let system = Matrix(
        unchecked: reduced, reduced,
        fixLast ? submatrix(hessian, size: p, keep: reduced) : hessian)
      guard var step = try? system.choleskySolve(gradient[0..<reduced].map { -$0 }),
        step.allSatisfy(\.isFinite)
      else {
        fallback = true
        break
      }
      if fixLast { step.append(0) }
      let slope = lbfgsDot(gradient, step)
      guard slope <= 0 else {
        fallback = true
        break
      }
      // Backtracking line search on the raw predictions.
      // X·Δw + Δb: the raw predictions are linear in the parameters.
      let rawStep = problem.rawPrediction(step)
      let oldLoss = loss
      let oldGradientSum = gradient.reduce(0) { $0 + abs($1) }
      var t = 1.0
      var accepted = false
      var trialGradient = gradient
      var trial = parameters
      var trialRaw = raw
      for _ in 0..<21 {
        for k in 0..<p { trial[k] = parameters[k] + t * step[k] }
        for i in 0..<raw.count { trialRaw[i] = raw[i] + t * rawStep[i] }
        let trialLoss =
          problem.pointwise(trialRaw, probabilities: &probabilities, residual: &residual)
          + problem.l2Penalty(trial)
        problem.gradient(residual: residual, parameters: trial, into: &trialGradient)
        let improvement = trialLoss - oldLoss
        if improvement <= t * 0.00048828125 * slope {
          accepted = true
        } else if abs(improvement) <= abs(oldLoss) * 16 * Double.ulpOfOne {
          accepted = trialGradient.reduce(0) { $0 + abs($1) } < oldGradientSum
        }
        if accepted {
          loss = trialLoss
          break
        }
        t *= 0.5
      }
      guard accepted else {
        fallback = true
        break
      }
      parameters = trial
      raw = trialRaw
      gradient = trialGradient
      iteration += 1
      if lbfgsMaxAbs(gradient) <= tol {
        let hs = (try? Matrix(unchecked: p, p, hessian).matvec(step)) ?? step
        if 0.5 * lbfgsDot(step, hs) <= tol { converged = true }
      }
    }
    if fallback {
      let rest = lbfgs(problem, start: parameters, maxIter: maxIter - iteration, tol: tol)
      parameters = rest.parameters
      iteration += rest.iterations
      converged = rest.converged
    }
    return LogisticSolution(parameters: parameters, iterations: iteration, converged: converged)
  }

  /// Proximal Newton with coordinate descent for the L1 and elastic-net penalties (the
  /// approach of glmnet and scikit-learn's `liblinear` L1 solver). Each outer iteration builds
  /// the quadratic model of the smooth part (the full multinomial Hessian, applied implicitly),
  /// minimises it plus `λ₁·‖W‖₁` by cyclic coordinate descent, then backtracks on the true
  /// objective. Stops when the largest violation of the optimality conditions (the
  /// minimum-norm subgradient) is at most `tol`.
  static func newtonCD(
    _ problem: LogisticProblem, start: [Double], maxIter: Int, tol: Double
  ) -> LogisticSolution {
    let n = problem.rowCount
    let d = problem.featureCount
    let m = problem.outputs
    let p = problem.parameterCount
    let l1 = problem.l1
    let l2 = problem.l2
    let columns = problem.x.transposed()  // d x n: column j of X is contiguous
    let squared = problem.x.map { $0 * $0 }
    let h = problem.weights.map { $0 / problem.weightSum }
    var parameters = start
    var raw = problem.rawPrediction(parameters)
    var probabilities: [Double] = []
    var residual: [Double] = []
    var objective =
      problem.pointwise(raw, probabilities: &probabilities, residual: &residual)
      + problem.l2Penalty(parameters) + problem.l1Penalty(parameters)
    var gradient = [Double](repeating: 0, count: p)
    problem.gradient(residual: residual, parameters: parameters, into: &gradient)
    var iteration = 0
    var converged = false
    var step = [Double](repeating: 0, count: p)
    var delta = [Double](repeating: 0, count: n * m)
    var q = [Double](repeating: 0, count: n)
    var curvatureWeights = [Double](repeating: 0, count: n)
    while true {
      let violation = optimalityViolation(problem, parameters: parameters, gradient: gradient)
      if violation <= tol {
        converged = true
        break
      }
      if iteration >= maxIter { break }
      // Diagonal of the quadratic model: Σᵢ hᵢ·pᵢₖ(1 − pᵢₖ)·xᵢⱼ² + λ₂.
      var diagonal = [Double](repeating: 0, count: p)
      for k in 0..<m {
        for i in 0..<n {
          let pk = probabilities[i * m + k]
          curvatureWeights[i] = h[i] * pk * (1 - pk)
        }
        let column = (try? squared.matvec(curvatureWeights, transpose: .transposed)) ?? []
        for j in 0..<min(d, column.count) { diagonal[k * d + j] = column[j] + l2 }
        if problem.fitIntercept { diagonal[m * d + k] = curvatureWeights.reduce(0, +) }
      }
      for k in 0..<p { step[k] = 0 }
      for k in 0..<(n * m) { delta[k] = 0 }
      for i in 0..<n { q[i] = 0 }
      // Coordinate descent on the model; stop when no coordinate moves the model gradient by
      // more than a tenth of the current violation.
      for _ in 0..<1000 {
        var largest = 0.0
        columns.withUnsafeStorage { xt in
          probabilities.withUnsafeBufferPointer { prob in
            delta.withUnsafeMutableBufferPointer { dl in
              q.withUnsafeMutableBufferPointer { qq in
                for k in 0..<m {
                  for j in 0..<d {
                    let index = k * d + j
                    let a = diagonal[index]
                    guard a > 0 else { continue }
                    let col = j * n
                    var modelGradient = gradient[index] + l2 * step[index]
                    for i in 0..<n {
                      modelGradient +=
                        xt[col + i] * h[i] * prob[i * m + k] * (dl[i * m + k] - qq[i])
                    }
                    let current = parameters[index] + step[index]
                    let updated = softThreshold(current - modelGradient / a, l1 / a)
                    let change = updated - current
                    guard change != 0 else { continue }
                    largest = max(largest, a * abs(change))
                    step[index] += change
                    for i in 0..<n {
                      let v = xt[col + i] * change
                      dl[i * m + k] += v
                      qq[i] += prob[i * m + k] * v
                    }
                  }
                  if problem.fitIntercept {
                    let index = m * d + k
                    let a = diagonal[index]
                    guard a > 0 else { continue }
                    var modelGradient = gradient[index]
                    for i in 0..<n {
                      modelGradient += h[i] * prob[i * m + k] * (dl[i * m + k] - qq[i])
                    }
                    let change = -modelGradient / a
                    guard change != 0 else { continue }
                    largest = max(largest, a * abs(change))
                    step[index] += change
                    for i in 0..<n {
                      dl[i * m + k] += change
                      qq[i] += prob[i * m + k] * change
                    }
                  }
                }
              }
            }
          }
        }
        if largest <= 0.1 * violation { break }
      }
      // Line search on F = smooth + λ₁‖W‖₁ along the step (δ holds X·Δ).
      var trial = parameters
      var l1Change = 0.0
      for k in 0..<problem.coefficientCount {
        l1Change += abs(parameters[k] + step[k]) - abs(parameters[k])
      }
      let decrease = lbfgsDot(gradient, step) + l1 * l1Change
      guard decrease < 0 else { break }
      var t = 1.0
      var accepted = false
      var trialRaw = raw
      var trialObjective = objective
      for _ in 0..<40 {
        for k in 0..<p { trial[k] = parameters[k] + t * step[k] }
        for i in 0..<raw.count { trialRaw[i] = raw[i] + t * delta[i] }
        trialObjective =
          problem.pointwise(trialRaw, probabilities: &probabilities, residual: &residual)
          + problem.l2Penalty(trial) + problem.l1Penalty(trial)
        if trialObjective <= objective + 1e-4 * t * decrease {
          accepted = true
          break
        }
        t *= 0.5
      }
      guard accepted else {
        // Restore the probabilities of the current point before leaving.
        _ = problem.pointwise(raw, probabilities: &probabilities, residual: &residual)
        break
      }
      parameters = trial
      raw = trialRaw
      objective = trialObjective
      problem.gradient(residual: residual, parameters: parameters, into: &gradient)
      iteration += 1
    }
    return LogisticSolution(parameters: parameters, iterations: iteration, converged: converged)
  }

  /// The largest violation of the optimality conditions of the penalised objective: the
  /// minimum-norm subgradient for penalised coefficients, the gradient for intercepts.
  static func optimalityViolation(
    _ problem: LogisticProblem, parameters: [Double], gradient: [Double]
  ) -> Double {
    var worst = 0.0
    let l1 = problem.l1
    for k in 0..<problem.parameterCount {
      let g = gradient[k]
      let v: Double
      if k >= problem.coefficientCount || l1 == 0 {
        v = abs(g)
      } else if parameters[k] != 0 {
        v = abs(g + (parameters[k] > 0 ? l1 : -l1))
      } else {
        v = max(abs(g) - l1, 0)
      }
      worst = max(worst, v)
    }
    return worst
  }
}

/// `sign(z)·max(|z| − threshold, 0)`.
@inline(__always)
private func softThreshold(_ z: Double, _ threshold: Double) -> Double {
  if z > threshold { return z - threshold }
  if z < -threshold { return z + threshold }
  return 0
}

/// The leading `keep x keep` block of a row-major `size x size` matrix.
private func submatrix(_ a: [Double], size: Int, keep: Int) -> [Double] {
  var out = [Double](repeating: 0, count: keep * keep)
  for i in 0..<keep {
    for j in 0..<keep { out[i * keep + j] = a[i * size + j] }
  }
  return out
}

/// The Hessian of the smooth objective at the current probabilities, row-major `P x P` in the
/// flat parameter layout: blocks `Aᵀ·diag(hᵏˡ)·A` with `A = [X, 1]` and
/// `hᵏˡᵢ = sᵢ·pᵢₖ(δₖₗ − pᵢₗ)/S` (for one output, `sᵢ·pᵢ(1 − pᵢ)/S`), plus `λ₂` on the
/// coefficient diagonal. Every block is one BLAS product (`dsyrk` for the diagonal blocks).
func logisticHessian(_ problem: LogisticProblem, probabilities: [Double]) -> [Double]? {
  let n = problem.rowCount
  let d = problem.featureCount
  let m = problem.outputs
  let p = problem.parameterCount
  let width = problem.fitIntercept ? d + 1 : d
  let h = problem.weights.map { $0 / problem.weightSum }
  // A = [X, 1] (or X), row-major n x width.
  let augmented: Matrix
  if problem.fitIntercept {
    let storage = problem.x.withUnsafeStorage { s in
      makeDoubleBuffer(count: n * width) { out in
        for i in 0..<n {
          for j in 0..<d { out[i * width + j] = s[i * d + j] }
          out[i * width + d] = 1
        }
      }
    }
    augmented = Matrix(unchecked: n, width, storage)
  } else {
    augmented = problem.x
  }
  var hessian = [Double](repeating: 0, count: p * p)
  // The flat index of column `j` of the augmented block for output `k`.
  func index(_ k: Int, _ j: Int) -> Int { j < d ? k * d + j : m * d + k }
  for k in 0..<m {
    for l in k..<m {
      let block: Matrix
      if k == l {
        var rootWeights = [Double](repeating: 0, count: n)
        for i in 0..<n {
          let pk = probabilities[i * m + k]
          rootWeights[i] = (h[i] * pk * (1 - pk)).squareRoot()
        }
        let scaled = augmented.withUnsafeStorage { s in
          makeDoubleBuffer(count: n * width) { out in
            for i in 0..<n {
              let r = rootWeights[i]
              for j in 0..<width { out[i * width + j] = r * s[i * width + j] }
            }
          }
        }
        guard let gram = try? Matrix(unchecked: n, width, scaled).gram() else { return nil }
        block = gram
      } else {
        let scaled = augmented.withUnsafeStorage { s in
          makeDoubleBuffer(count: n * width) { out in
            for i in 0..<n {
              let w = -h[i] * probabilities[i * m + k] * probabilities[i * m + l]
              for j in 0..<width { out[i * width + j] = w * s[i * width + j] }
            }
          }
        }
        guard
          let product = try? Matrix.product(
            augmented, Matrix(unchecked: n, width, scaled), transposeA: .transposed)
        else { return nil }
        block = product
      }
      block.withUnsafeStorage { b in
        for a in 0..<width {
          for c in 0..<width {
            let value = b[a * width + c]
            hessian[index(k, a) * p + index(l, c)] = value
            hessian[index(l, c) * p + index(k, a)] = value
          }
        }
      }
    }
  }
  if problem.l2 > 0 {
    for k in 0..<problem.coefficientCount { hessian[k * p + k] += problem.l2 }
  }
  return hessian
}

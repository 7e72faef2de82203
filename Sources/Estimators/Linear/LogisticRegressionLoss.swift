import Foundation
import LinearAlgebra

/// The penalised logistic loss that every ``LogisticRegression`` solver minimises.
///
/// scikit-learn's `LinearModelLoss` with `HalfBinomialLoss` (two classes) or
/// `HalfMultinomialLoss` (more), scaled as `_logistic_regression_path` scales it:
///
///     F(W, b) = (1/S)·Σᵢ sᵢ·ℓ(yᵢ, xᵢ·Wᵀ + b) + ½·λ₂·‖W‖² + λ₁·‖W‖₁
///
/// with `S = Σ sᵢ` (sample weights times class weights), `λ₂ = (1 − l1Ratio)/(C·S)` and
/// `λ₁ = l1Ratio/(C·S)`; the minimiser is that of scikit-learn's documented
/// `C·Σ sᵢ·ℓᵢ + r(W)`. `ℓ` is the binomial deviance over one output (`m = 1`, sigmoid) or the
/// multinomial deviance over all `K` outputs (softmax).
///
/// Parameters are one flat array: `W` row-major (`m x d`), then the `m` intercepts when
/// `fitIntercept`. Pointwise quantities are `n x m` row-major arrays. Every product with `X`
/// goes through BLAS (`dgemv` for one output, `dgemm` for several).
struct LogisticProblem {
  /// The design, `n x d`.
  let x: Matrix
  /// The outputs: 1 for a binary problem, the class count otherwise.
  let outputs: Int
  /// The class code of each row (`0..<K`; 0 or 1 for a binary problem).
  let codes: [Int]
  /// `sᵢ`: sample weight times class weight, one per row.
  let weights: [Double]
  /// `S = Σ sᵢ`.
  let weightSum: Double
  let fitIntercept: Bool
  /// `λ₂`, the L2 strength on the scaled objective.
  let l2: Double
  /// `λ₁`, the L1 strength on the scaled objective.
  let l1: Double

  var rowCount: Int { x.rowCount }
  var featureCount: Int { x.columnCount }
  /// The number of entries of `W` (penalised).
  var coefficientCount: Int { outputs * x.columnCount }
  /// The length of the flat parameter array.
  var parameterCount: Int { coefficientCount + (fitIntercept ? outputs : 0) }

  /// `X·Wᵀ + b`, `n x m` row-major.
  func rawPrediction(_ parameters: [Double]) -> [Double] {
    let n = rowCount
    let d = featureCount
    let m = outputs
    var raw: [Double]
    if m == 1 {
      raw = (try? x.matvec(Array(parameters[0..<d]))) ?? [Double](repeating: .nan, count: n)
    } else {
      let w = Matrix(unchecked: m, d, Array(parameters[0..<(m * d)]))
      raw =
        (try? Matrix.product(x, w, transposeB: .transposed).storage)
        ?? [Double](repeating: .nan, count: n * m)
    }
    if fitIntercept {
      let offset = m * d
      raw.withUnsafeMutableBufferPointer { r in
        for i in 0..<n {
          for k in 0..<m { r[i * m + k] += parameters[offset + k] }
        }
      }
    }
    return raw
  }

  /// The weighted mean loss `(1/S)·Σ sᵢ·ℓᵢ` from the raw predictions, and writes the
  /// probabilities `p` (`n x m`: σ(raw) or the softmax) and the pointwise gradient
  /// `sᵢ·(pᵢ − yᵢ)/S`.
  func pointwise(
    _ raw: [Double], probabilities: inout [Double], residual: inout [Double]
  ) -> Double {
    let n = rowCount
    let m = outputs
    if probabilities.count != n * m { probabilities = [Double](repeating: 0, count: n * m) }
    if residual.count != n * m { residual = [Double](repeating: 0, count: n * m) }
    let scale = 1 / weightSum
    var total = 0.0
    raw.withUnsafeBufferPointer { r in
      probabilities.withUnsafeMutableBufferPointer { p in
        residual.withUnsafeMutableBufferPointer { g in
          weights.withUnsafeBufferPointer { s in
            codes.withUnsafeBufferPointer { y in
              if m == 1 {
                for i in 0..<n {
                  // One exponential serves both log(1 + e^z) and σ(z).
                  let z = r[i]
                  let target = Double(y[i])
                  let e = Foundation.exp(-abs(z))
                  let prob = z >= 0 ? 1 / (1 + e) : e / (1 + e)
                  p[i] = prob
                  total += s[i] * (Swift.max(z, 0) + Foundation.log1p(e) - target * z)
                  g[i] = s[i] * scale * (prob - target)
                }
              } else {
                for i in 0..<n {
                  let row = i * m
                  var top = r[row]
                  for k in 1..<m { top = Swift.max(top, r[row + k]) }
                  var sum = 0.0
                  for k in 0..<m {
                    let e = Foundation.exp(r[row + k] - top)
                    p[row + k] = e
                    sum += e
                  }
                  let inverse = 1 / sum
                  let weight = s[i] * scale
                  for k in 0..<m {
                    p[row + k] *= inverse
                    g[row + k] = weight * p[row + k]
                  }
                  g[row + y[i]] -= weight
                  total += s[i] * (top + Foundation.log(sum) - r[row + y[i]])
                }
              }
            }
          }
        }
      }
    }
    return total * scale
  }

  /// `½·λ₂·‖W‖²`.
  func l2Penalty(_ parameters: [Double]) -> Double {
    guard l2 > 0 else { return 0 }
    var sum = 0.0
    for k in 0..<coefficientCount { sum += parameters[k] * parameters[k] }
    return 0.5 * l2 * sum
  }

  /// `λ₁·‖W‖₁`.
  func l1Penalty(_ parameters: [Double]) -> Double {
    guard l1 > 0 else { return 0 }
    var sum = 0.0
    for k in 0..<coefficientCount { sum += abs(parameters[k]) }
    return l1 * sum
  }

  /// The gradient of the smooth part (loss + L2) from the pointwise gradient:
  /// `Rᵀ·X + λ₂·W` and the column sums of `R` for the intercepts.
  func gradient(residual: [Double], parameters: [Double], into gradient: inout [Double]) {
    let n = rowCount
    let d = featureCount
    let m = outputs
    if gradient.count != parameterCount {
      gradient = [Double](repeating: 0, count: parameterCount)
    }
    let product: [Double]
    if m == 1 {
      product =
        (try? x.matvec(residual, transpose: .transposed)) ?? [Double](repeating: .nan, count: d)
    } else {
      let r = Matrix(unchecked: n, m, residual)
      product =
        (try? Matrix.product(r, x, transposeA: .transposed).storage)
        ?? [Double](repeating: .nan, count: m * d)
    }
    for k in 0..<(m * d) { gradient[k] = product[k] + l2 * parameters[k] }
    if fitIntercept {
      let offset = m * d
      for k in 0..<m { gradient[offset + k] = 0 }
      residual.withUnsafeBufferPointer { g in
        for i in 0..<n {
          for k in 0..<m { gradient[offset + k] += g[i * m + k] }
        }
      }
    }
  }
}

/// The smooth objective (loss + L2) for L-BFGS.
struct LogisticObjective: SmoothObjective {
  let problem: LogisticProblem
  var probabilities: [Double] = []
  var residual: [Double] = []

  init(problem: LogisticProblem) { self.problem = problem }

  mutating func evaluate(_ x: [Double], gradient: inout [Double]) -> Double {
    let raw = problem.rawPrediction(x)
    let loss = problem.pointwise(raw, probabilities: &probabilities, residual: &residual)
    problem.gradient(residual: residual, parameters: x, into: &gradient)
    return loss + problem.l2Penalty(x)
  }
}

/// `1 / (1 + e^(−z))`, stable for large `|z|`.
@inline(__always)
func logisticSigmoid(_ z: Double) -> Double {
  if z >= 0 { return 1 / (1 + Foundation.exp(-z)) }
  let e = Foundation.exp(z)
  return e / (1 + e)
}

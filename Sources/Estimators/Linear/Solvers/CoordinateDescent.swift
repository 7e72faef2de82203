import Dispatch
import LinearAlgebra

/// Cyclic or random coordinate descent for the elastic net, with scikit-learn's stopping rule.
///
/// Minimises `½‖y − Xw‖² + alpha·‖w‖₁ + ½·beta·‖w‖²` (scikit-learn's
/// `enet_coordinate_descent` in `_cd_fast.pyx`, same primal, same order of updates, same gap-safe
/// screening and the same duality-gap test): after a pass whose largest coefficient change is at
/// most `tol` times the largest coefficient, the duality gap is computed and the solver stops
/// when it is at most `tol·‖y‖²`.
enum CoordinateDescent {
  /// What a run reports.
  struct Outcome {
    /// The last duality gap computed (scikit-learn's `dual_gap_` before division).
    var gap: Double
    /// `tol·‖y‖²`, the gap tolerance used.
    var tolerance: Double
    /// Passes over the coordinates (scikit-learn's `n_iter_`).
    var iterations: Int
    /// Whether the gap went below the tolerance.
    var converged: Bool
  }

  /// Runs coordinate descent on a column-major `n x d` design from the coefficients `w`.
  ///
  /// - Parameters:
  ///   - x: Column-major design, `n·d` values.
  ///   - y: Targets, `n` values.
  ///   - w: Starting coefficients on entry, the solution on exit.
  ///   - alpha: The L1 penalty of the unscaled objective (scikit-learn's `alpha · l1_ratio · n`).
  ///   - beta: The L2 penalty (scikit-learn's `alpha · (1 − l1_ratio) · n`).
  ///   - generator: Draws coordinates when `random` selection is used; `nil` for cyclic.
  static func run(
    x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, rowCount n: Int,
    columnCount d: Int, w: inout [Double], alpha: Double, beta: Double, maxIter: Int,
    tol: Double, positive: Bool, generator: inout SeededGenerator?,
    columnNorms: [Double]? = nil, targetProducts: [Double]? = nil
  ) -> Outcome {
    guard let xBase = x.baseAddress, let yBase = y.baseAddress, n > 0, d > 0 else {
      return Outcome(gap: 0, tolerance: 0, iterations: 0, converged: true)
    }
    var norms = [Double](repeating: 0, count: d)
    if let columnNorms, columnNorms.count == d {
      norms = columnNorms
    } else {
      for j in 0..<d { norms[j] = dotKernel(xBase + j * n, xBase + j * n, n) }
    }
    // From zero coefficients R = y, so Xᵀy (computed while the design was written) spares the
    // first gap its pass over X.
    let startsAtZero = w.allSatisfy { $0 == 0 }
    var firstProducts = startsAtZero && targetProducts?.count == d ? targetProducts : nil
    var residual = [Double](repeating: 0, count: n)
    var xta = [Double](repeating: 0, count: d)
    let screening = alpha != 0
    var active = Array(0..<d)
    var activeCount = d
    var excluded = [Bool](repeating: false, count: d)
    let coordinateTolerance = tol
    var gap = 0.0
    var gapTolerance = tol
    var iterations = 0
    var converged = false

    residual.withUnsafeMutableBufferPointer { rBuffer in
      w.withUnsafeMutableBufferPointer { wBuffer in
        guard let r = rBuffer.baseAddress else { return }
        // R = y − Xw
        for i in 0..<n { r[i] = yBase[i] }
        for j in 0..<d where wBuffer[j] != 0 { axpyKernel(-wBuffer[j], xBase + j * n, r, n) }
        gapTolerance = tol * dotKernel(yBase, yBase, n)

        func dualGap() -> (gap: Double, dualNorm: Double) {
          defer { firstProducts = nil }
          return elasticNetGap(
            x: xBase, y: yBase, r: r, w: wBuffer, xta: &xta, n: n, d: d, alpha: alpha,
            beta: beta, positive: positive, products: firstProducts)
        }

        func screen(_ gap: Double, _ dualNorm: Double) {
          activeCount = 0
          let radius = (2 * gap).squareRoot() / alpha
          for j in 0..<d {
            if excluded[j] { continue }
            if norms[j] == 0 {
              wBuffer[j] = 0
              excluded[j] = true
              continue
            }
            let theta = xta[j] / Swift.max(alpha, dualNorm)
            let distance = (1 - Swift.abs(theta)) / (norms[j] + beta).squareRoot()
            if distance <= radius {
              active[activeCount] = j
              activeCount += 1
            } else {
              if wBuffer[j] != 0 {
                axpyKernel(wBuffer[j], xBase + j * n, r, n)
                wBuffer[j] = 0
              }
              excluded[j] = true
            }
          }
        }

        var (g, dualNorm) = dualGap()
        gap = g
        if gap <= gapTolerance {
          converged = true
          return
        }
        if screening { screen(gap, dualNorm) }
        for pass in 0..<maxIter {
          iterations = pass + 1
          var wMax = 0.0
          var dwMax = 0.0
          for f in 0..<activeCount {
            var j = f
            if generator != nil {
              j = generator?.nextInt(below: activeCount) ?? f
            }
            if screening { j = active[j] }
            let norm = norms[j]
            if norm == 0 { continue }
            let column = xBase + j * n
            let old = wBuffer[j]
            let tmp = dotKernel(column, r, n) + old * norm
            var new: Double
            if positive && tmp < 0 {
              new = 0
            } else {
              let shrunk = Swift.max(Swift.abs(tmp) - alpha, 0)
              new = (tmp < 0 ? -shrunk : (tmp > 0 ? shrunk : 0)) / (norm + beta)
            }
            wBuffer[j] = new
            if new != old { axpyKernel(old - new, column, r, n) }
            dwMax = Swift.max(dwMax, Swift.abs(new - old))
            wMax = Swift.max(wMax, Swift.abs(new))
          }
          if wMax == 0 || dwMax / wMax <= coordinateTolerance || pass == maxIter - 1 {
            (g, dualNorm) = dualGap()
            gap = g
            if gap <= gapTolerance {
              converged = true
              break
            }
            if screening { screen(gap, dualNorm) }
          }
        }
      }
    }
    return Outcome(
      gap: gap, tolerance: gapTolerance, iterations: iterations, converged: converged)
  }

  /// Coordinate descent on the Gram matrix `Q = XᵀX` and `q = Xᵀy` (scikit-learn's
  /// `enet_coordinate_descent_gram`, used with `precompute`): the same updates, with `Qw`
  /// maintained instead of the residual, so a pass costs O(d²) whatever `n`.
  ///
  /// - Parameters:
  ///   - gram: Row-major `d x d` Gram matrix.
  ///   - xy: `Xᵀy`.
  ///   - yNorm2: `‖y‖²`.
  static func runGram(
    gram: UnsafeBufferPointer<Double>, xy: [Double], yNorm2: Double, columnCount d: Int,
    w: inout [Double], alpha: Double, beta: Double, maxIter: Int, tol: Double, positive: Bool,
    generator: inout SeededGenerator?
  ) -> Outcome {
    guard let q = gram.baseAddress, d > 0 else {
      return Outcome(gap: 0, tolerance: 0, iterations: 0, converged: true)
    }
    var qw = [Double](repeating: 0, count: d)
    for j in 0..<d where w[j] != 0 { axpyKernel(w[j], q + j * d, &qw, d) }
    var xta = [Double](repeating: 0, count: d)
    let screening = alpha != 0
    var active = Array(0..<d)
    var activeCount = d
    var excluded = [Bool](repeating: false, count: d)
    let gapTolerance = tol * yNorm2
    var iterations = 0
    var converged = false

    func dualGap() -> (gap: Double, dualNorm: Double) {
      var wNorm2 = 0.0
      var qDotW = 0.0
      var wQw = 0.0
      for j in 0..<d {
        if beta > 0 { wNorm2 += w[j] * w[j] }
        qDotW += w[j] * xy[j]
        wQw += w[j] * qw[j]
      }
      let rNorm2 = yNorm2 + wQw - 2 * qDotW
      let ry = yNorm2 - qDotW
      if alpha == 0 {
        var norm2 = 0.0
        for j in 0..<d {
          xta[j] = xy[j] - qw[j]
          norm2 += xta[j] * xta[j]
        }
        if beta == 0 { return (norm2, norm2) }
        return (rNorm2 + 0.5 * beta * wNorm2 - ry + norm2 / (2 * beta), norm2)
      }
      var dualNorm = positive ? -Double.infinity : 0
      var l1 = 0.0
      for j in 0..<d {
        xta[j] = xy[j] - qw[j] - beta * w[j]
        dualNorm = positive ? Swift.max(dualNorm, xta[j]) : Swift.max(dualNorm, abs(xta[j]))
        l1 += abs(w[j])
      }
      let primal = 0.5 * (rNorm2 + beta * wNorm2) + alpha * l1
      let scale = dualNorm > alpha ? alpha / dualNorm : 1
      let dual = -0.5 * scale * scale * (rNorm2 + beta * wNorm2) + scale * ry
      return (primal - dual, dualNorm)
    }

    func screen(_ gap: Double, _ dualNorm: Double) {
      let radius = (2 * abs(gap)).squareRoot() / alpha
      activeCount = 0
      for j in 0..<d {
        if excluded[j] { continue }
        let diagonal = q[j * d + j]
        if diagonal == 0 {
          w[j] = 0
          excluded[j] = true
          continue
        }
        let theta = xta[j] / Swift.max(alpha, dualNorm)
        if (1 - abs(theta)) / (diagonal + beta).squareRoot() <= radius {
          active[activeCount] = j
          activeCount += 1
        } else {
          if w[j] != 0 {
            axpyKernel(-w[j], q + j * d, &qw, d)
            w[j] = 0
          }
          excluded[j] = true
        }
      }
    }

    var (gap, dualNorm) = dualGap()
    if gap >= 0 && gap <= gapTolerance {
      return Outcome(gap: gap, tolerance: gapTolerance, iterations: 0, converged: true)
    }
    if screening { screen(gap, dualNorm) }
    for pass in 0..<maxIter {
      iterations = pass + 1
      var wMax = 0.0
      var dwMax = 0.0
      for f in 0..<activeCount {
        var j = f
        if generator != nil { j = generator?.nextInt(below: activeCount) ?? f }
        if screening { j = active[j] }
        let diagonal = q[j * d + j]
        if diagonal == 0 { continue }
        let old = w[j]
        let tmp = xy[j] - qw[j] + old * diagonal
        var new = 0.0
        if !(positive && tmp < 0) {
          let shrunk = Swift.max(abs(tmp) - alpha, 0)
          new = (tmp < 0 ? -shrunk : (tmp > 0 ? shrunk : 0)) / (diagonal + beta)
        }
        w[j] = new
        if new != old { axpyKernel(new - old, q + j * d, &qw, d) }
        dwMax = Swift.max(dwMax, abs(new - old))
        wMax = Swift.max(wMax, abs(new))
      }
      if wMax == 0 || dwMax / wMax <= tol || pass == maxIter - 1 {
        (gap, dualNorm) = dualGap()
        if gap <= gapTolerance {
          converged = true
          break
        }
        if screening { screen(gap, dualNorm) }
      }
    }
    return Outcome(
      gap: gap, tolerance: gapTolerance, iterations: iterations, converged: converged)
  }

  /// The duality gap of scikit-learn's `gap_enet`, filling `xta` with `XᵀR − beta·w`
  /// (`XᵀR` when `alpha == 0`). Formulation A for `alpha > 0`, B for `alpha = 0 < beta`,
  /// and `‖XᵀR‖²` for plain least squares.
  static func elasticNetGap(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, r: UnsafePointer<Double>,
    w: UnsafeMutableBufferPointer<Double>, xta: inout [Double], n: Int, d: Int, alpha: Double,
    beta: Double, positive: Bool, products: [Double]? = nil
  ) -> (gap: Double, dualNorm: Double) {
    // `products`, when given, is XᵀR for the current residual; otherwise XᵀR is computed
    // here, columns split over threads when the design is large (each column's product is
    // computed the same way whatever the split, so results do not depend on it).
    var xtr = products ?? [Double](repeating: 0, count: d)
    if products == nil {
      let chunks = n * d >= 1 << 18 ? Swift.min(4, d) : 1
      xtr.withUnsafeMutableBufferPointer { out in
        let shared = GapColumns(x: x, r: r, out: out)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
          for j in (c * d / chunks)..<((c + 1) * d / chunks) {
            shared.out[j] = dotKernel(shared.x + j * n, shared.r, n)
          }
        }
      }
    }
    func column(_ j: Int) -> Double { xtr[j] }
    var wNorm2 = 0.0
    if beta > 0 { for j in 0..<d { wNorm2 += w[j] * w[j] } }
    let rNorm2 = dotKernel(r, r, n)
    let ry = dotKernel(r, y, n)
    if alpha == 0 {
      var norm2 = 0.0
      for j in 0..<d {
        xta[j] = column(j)
        norm2 += xta[j] * xta[j]
      }
      if beta == 0 { return (norm2, norm2) }
      let gap = rNorm2 + 0.5 * beta * wNorm2 - ry + norm2 / (2 * beta)
      return (gap, norm2)
    }
    var dualNorm = positive ? -Double.infinity : 0
    var l1 = 0.0
    for j in 0..<d {
      let value = column(j) - beta * w[j]
      xta[j] = value
      dualNorm = positive ? Swift.max(dualNorm, value) : Swift.max(dualNorm, Swift.abs(value))
      l1 += Swift.abs(w[j])
    }
    let primal = 0.5 * (rNorm2 + beta * wNorm2) + alpha * l1
    let scale = dualNorm > alpha ? alpha / dualNorm : 1
    let dual = -0.5 * scale * scale * (rNorm2 + beta * wNorm2) + scale * ry
    return (primal - dual, dualNorm)
  }
}

/// `Σ a[i]·b[i]` with eight independent SIMD accumulators (the reduction does not vectorise on
/// its own because floating-point addition is not reassociated).
@inline(__always)
func dotKernel(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
  var s0 = SIMD4<Double>()
  var s1 = SIMD4<Double>()
  var s2 = SIMD4<Double>()
  var s3 = SIMD4<Double>()
  let ra = UnsafeRawPointer(a)
  let rb = UnsafeRawPointer(b)
  let stride = MemoryLayout<Double>.stride
  var i = 0
  while i + 16 <= n {
    let o = i * stride
    s0 +=
      ra.loadUnaligned(fromByteOffset: o, as: SIMD4<Double>.self)
      * rb.loadUnaligned(fromByteOffset: o, as: SIMD4<Double>.self)
    s1 +=
      ra.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD4<Double>.self)
      * rb.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD4<Double>.self)
    s2 +=
      ra.loadUnaligned(fromByteOffset: o + 8 * stride, as: SIMD4<Double>.self)
      * rb.loadUnaligned(fromByteOffset: o + 8 * stride, as: SIMD4<Double>.self)
    s3 +=
      ra.loadUnaligned(fromByteOffset: o + 12 * stride, as: SIMD4<Double>.self)
      * rb.loadUnaligned(fromByteOffset: o + 12 * stride, as: SIMD4<Double>.self)
    i += 16
  }
  var total = ((s0 + s1) + (s2 + s3)).sum()
  while i < n {
    total += a[i] * b[i]
    i += 1
  }
  return total
}

/// `r[i] += c·x[i]` (vectorised by the compiler).
@inline(__always)
func axpyKernel(
  _ c: Double, _ x: UnsafePointer<Double>, _ r: UnsafeMutablePointer<Double>, _ n: Int
) {
  for i in 0..<n { r[i] += c * x[i] }
}

/// Pointers shared by the threads computing `XᵀR`; each writes its own entries of `out`.
private struct GapColumns: @unchecked Sendable {
  let x: UnsafePointer<Double>
  let r: UnsafePointer<Double>
  let out: UnsafeMutableBufferPointer<Double>
}

// Limited-memory BFGS for smooth unconstrained objectives, with scipy's stopping rules.
//
// scikit-learn fits LogisticRegression (and HuberRegressor, the GLMs, the MLPs) with
// `scipy.optimize.minimize(method="L-BFGS-B")` without bounds. This is the same method for
// the unbounded case: the two-loop recursion with `memory` correction pairs, a line search
// satisfying the strong Wolfe conditions, and scipy's three stopping tests (projected
// gradient, relative reduction of f, iteration limit). The iterates are not bit-identical to
// scipy's (its line search is Moré–Thuente's dcsrch), but both stop at the same optimum.

/// A smooth objective: its value and gradient at a point.
protocol SmoothObjective {
  /// Returns `f(x)` and writes `∇f(x)` into `gradient` (same length as `x`).
  mutating func evaluate(_ x: [Double], gradient: inout [Double]) -> Double
}

/// The L-BFGS minimiser (scipy's `L-BFGS-B` without bounds).
struct LBFGS {
  /// Why the minimiser stopped.
  enum Status: Sendable, Hashable {
    /// `max |gᵢ| ≤ gtol` (scipy: "NORM OF PROJECTED GRADIENT <= PGTOL").
    case gradientTolerance
    /// `(f_old − f) / max(|f_old|, |f|, 1) ≤ ftol` (scipy: "REL_REDUCTION_OF_F <= FACTR*EPSMCH").
    case functionTolerance
    /// `maxIter` iterations were done (scipy's status 1).
    case iterationLimit
    /// The line search failed even from the steepest-descent direction (scipy's status 2,
    /// "ABNORMAL").
    case lineSearchFailure
  }

  /// The point reached and how the run ended.
  struct Result {
    var x: [Double]
    var value: Double
    var gradient: [Double]
    var iterations: Int
    var evaluations: Int
    var status: Status
    /// scipy's `status == 0`: a tolerance was met.
    var converged: Bool { status == .gradientTolerance || status == .functionTolerance }
  }

  /// Number of correction pairs kept (scipy's `maxcor`, default 10).
  var memory = 10
  /// Iteration limit (scipy's `maxiter`).
  var maxIter: Int
  /// Gradient tolerance on `max |gᵢ|` (scipy's `gtol`).
  var gtol: Double
  /// Relative reduction tolerance (scipy's `ftol`; scikit-learn passes `64·eps`).
  var ftol: Double
  /// Function evaluations allowed per line search (scipy's `maxls`; scikit-learn passes 50).
  var maxLineSearch = 50

  /// Minimises `objective` from `start`.
  func minimize<O: SmoothObjective>(_ objective: inout O, from start: [Double]) -> Result {
    let n = start.count
    var x = start
    var g = [Double](repeating: 0, count: n)
    var f = objective.evaluate(x, gradient: &g)
    var evaluations = 1
    var result = Result(
      x: x, value: f, gradient: g, iterations: 0, evaluations: 1, status: .iterationLimit)
    if lbfgsMaxAbs(g) <= gtol {
      result.status = .gradientTolerance
      return result
    }
    guard maxIter > 0 else { return result }
    var sHistory: [[Double]] = []
    var yHistory: [[Double]] = []
    var rhoHistory: [Double] = []
    var direction = [Double](repeating: 0, count: n)
    var alphas = [Double](repeating: 0, count: memory)
    var iterations = 0
    var trialX = x
    var trialG = g
    while true {
      // Two-loop recursion: direction = −H·g.
      for i in 0..<n { direction[i] = -g[i] }
      let stored = sHistory.count
      if stored > 0 {
        for k in stride(from: stored - 1, through: 0, by: -1) {
          let a = rhoHistory[k] * lbfgsDot(sHistory[k], direction)
          alphas[k] = a
          axpy(-a, yHistory[k], &direction)
        }
        let last = stored - 1
        let gamma = 1 / (rhoHistory[last] * lbfgsDot(yHistory[last], yHistory[last]))
        for i in 0..<n { direction[i] *= gamma }
        for k in 0..<stored {
          let b = rhoHistory[k] * lbfgsDot(yHistory[k], direction)
          axpy(alphas[k] - b, sHistory[k], &direction)
        }
      }
      var slope = lbfgsDot(g, direction)
      if !(slope < 0) {
        // Not a descent direction (numerical trouble): restart from steepest descent.
        sHistory.removeAll()
        yHistory.removeAll()
        rhoHistory.removeAll()
        for i in 0..<n { direction[i] = -g[i] }
        slope = lbfgsDot(g, direction)
      }
      // scipy's first step (and the first after a memory reset) is 1/‖d‖, later steps 1.
      let initialStep = sHistory.isEmpty ? 1 / max(norm2(direction), 1e-300) : 1
      var search = WolfeLineSearch(
        start: x, value: f, slope: slope, direction: direction, maxEvaluations: maxLineSearch)
      let found = search.run(&objective, initialStep: initialStep, x: &trialX, gradient: &trialG)
      evaluations += search.evaluations
      guard let newValue = found else {
        if sHistory.isEmpty {
          result.status = .lineSearchFailure
          break
        }
        // scipy refreshes the memory and retries once from steepest descent.
        sHistory.removeAll()
        yHistory.removeAll()
        rhoHistory.removeAll()
        continue
      }
      // Correction pair.
      var s = [Double](repeating: 0, count: n)
      var y = [Double](repeating: 0, count: n)
      for i in 0..<n {
        s[i] = trialX[i] - x[i]
        y[i] = trialG[i] - g[i]
      }
      let sy = lbfgsDot(s, y)
      if sy > 2.2e-16 * lbfgsDot(y, y) {
        if sHistory.count == memory {
          sHistory.removeFirst()
          yHistory.removeFirst()
          rhoHistory.removeFirst()
        }
        sHistory.append(s)
        yHistory.append(y)
        rhoHistory.append(1 / sy)
      }
      let oldValue = f
      swap(&x, &trialX)
      swap(&g, &trialG)
      f = newValue
      iterations += 1
      if iterations >= maxIter {
        result.status = .iterationLimit
        break
      }
      if lbfgsMaxAbs(g) <= gtol {
        result.status = .gradientTolerance
        break
      }
      if oldValue - f <= ftol * max(abs(oldValue), abs(f), 1) {
        result.status = .functionTolerance
        break
      }
    }
    result.x = x
    result.value = f
    result.gradient = g
    result.iterations = iterations
    result.evaluations = evaluations
    return result
  }
}

/// A line search for the strong Wolfe conditions (Nocedal & Wright, algorithms 3.5 and 3.6)
/// with scipy's constants: sufficient decrease 1e-3, curvature 0.9.
private struct WolfeLineSearch {
  let start: [Double]
  let value: Double
  let slope: Double
  let direction: [Double]
  let maxEvaluations: Int
  let decrease = 1e-3
  let curvature = 0.9
  var evaluations = 0

  init(start: [Double], value: Double, slope: Double, direction: [Double], maxEvaluations: Int) {
    self.start = start
    self.value = value
    self.slope = slope
    self.direction = direction
    self.maxEvaluations = maxEvaluations
  }

  /// Evaluates at `start + step·direction`; returns the value and the directional derivative.
  mutating func probe<O: SmoothObjective>(
    _ objective: inout O, _ step: Double, x: inout [Double], gradient: inout [Double]
  ) -> (value: Double, slope: Double) {
    for i in 0..<start.count { x[i] = start[i] + step * direction[i] }
    let f = objective.evaluate(x, gradient: &gradient)
    evaluations += 1
    return (f, lbfgsDot(gradient, direction))
  }

  /// Returns the accepted value with `x` and `gradient` at the accepted point, or `nil`.
  mutating func run<O: SmoothObjective>(
    _ objective: inout O, initialStep: Double, x: inout [Double], gradient: inout [Double]
  ) -> Double? {
    var previousStep = 0.0
    var previousValue = value
    var previousSlope = slope
    var step = initialStep
    while evaluations < maxEvaluations {
      let (f, d) = probe(&objective, step, x: &x, gradient: &gradient)
      if !f.isFinite || f > value + decrease * step * slope
        || (evaluations > 1 && f >= previousValue)
      {
        return zoom(
          &objective, low: (previousStep, previousValue, previousSlope), high: (step, f, d),
          x: &x, gradient: &gradient)
      }
      if abs(d) <= -curvature * slope { return f }
      if d >= 0 {
        return zoom(
          &objective, low: (step, f, d), high: (previousStep, previousValue, previousSlope),
          x: &x, gradient: &gradient)
      }
      previousStep = step
      previousValue = f
      previousSlope = d
      step *= 4
    }
    return nil
  }

  private mutating func zoom<O: SmoothObjective>(
    _ objective: inout O, low: (Double, Double, Double), high: (Double, Double, Double),
    x: inout [Double], gradient: inout [Double]
  ) -> Double? {
    var (lo, fLo, dLo) = low
    var (hi, fHi, dHi) = high
    var bestStep = lo
    var bestValue = fLo
    while evaluations < maxEvaluations {
      var step = cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi)
      let width = abs(hi - lo)
      let lower = min(lo, hi) + 0.1 * width
      let upper = max(lo, hi) - 0.1 * width
      if !step.isFinite || step < lower || step > upper { step = 0.5 * (lo + hi) }
      if width <= 1e-16 * max(abs(lo), abs(hi), 1e-300) { break }
      let (f, d) = probe(&objective, step, x: &x, gradient: &gradient)
      if !f.isFinite || f > value + decrease * step * slope || f >= fLo {
        hi = step
        fHi = f.isFinite ? f : .greatestFiniteMagnitude
        dHi = d.isFinite ? d : 0
      } else {
        if abs(d) <= -curvature * slope { return f }
        if d * (hi - lo) >= 0 {
          hi = lo
          fHi = fLo
          dHi = dLo
        }
        lo = step
        fLo = f
        dLo = d
        if f < bestValue {
          bestValue = f
          bestStep = step
        }
      }
    }
    // Out of evaluations: accept the best point that decreased f sufficiently, if any.
    if bestStep > 0, bestValue <= value + decrease * bestStep * slope {
      let (f, _) = probe(&objective, bestStep, x: &x, gradient: &gradient)
      return f
    }
    return nil
  }
}

/// The minimiser of the cubic interpolating `f` and `f'` at `a` and `b`.
private func cubicMinimizer(
  _ a: Double, _ fa: Double, _ da: Double, _ b: Double, _ fb: Double, _ db: Double
) -> Double {
  let d1 = da + db - 3 * (fa - fb) / (a - b)
  let radicand = d1 * d1 - da * db
  guard radicand >= 0 else { return .nan }
  let d2 = (b > a ? 1.0 : -1.0) * radicand.squareRoot()
  return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2)
}

/// `Σ aᵢ·bᵢ` over equal-length arrays.
func lbfgsDot(_ a: [Double], _ b: [Double]) -> Double {
  a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      var sum = 0.0
      for i in 0..<min(pa.count, pb.count) { sum += pa[i] * pb[i] }
      return sum
    }
  }
}

/// `y += alpha·x`.
private func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
  x.withUnsafeBufferPointer { px in
    y.withUnsafeMutableBufferPointer { py in
      for i in 0..<min(px.count, py.count) { py[i] += alpha * px[i] }
    }
  }
}

/// `max |xᵢ|` (0 for an empty array).
func lbfgsMaxAbs(_ x: [Double]) -> Double {
  var m = 0.0
  for v in x { m = max(m, abs(v)) }
  return m
}

private func norm2(_ x: [Double]) -> Double { lbfgsDot(x, x).squareRoot() }

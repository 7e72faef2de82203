import Foundation

/// The loss a histogram booster minimises, with scikit-learn's link functions: identity for
/// squared error, log for Poisson and gamma, logit for binary and symmetric multinomial logit
/// for multiclass log loss. Gradients and hessians are those of scikit-learn's "half" losses.
enum BoostingObjective: Sendable, Hashable, Codable {
  case squaredError
  case poisson
  case gamma
  case binaryLogLoss
  case multinomialLogLoss(classCount: Int)

  /// Trees built per iteration.
  var treesPerIteration: Int {
    if case .multinomialLogLoss(let k) = self { return k }
    return 1
  }

  /// Whether the hessian is the sample weight (1 when unweighted).
  var hasConstantHessian: Bool { self == .squaredError }

  /// The constant raw prediction that minimises the loss (scikit-learn's
  /// `fit_intercept_only`), one value per tree of an iteration.
  func baseline(_ y: [Double], weights: [Double]?) -> [Double] {
    var total = 0.0
    var sum = 0.0
    for i in y.indices {
      let w = weights?[i] ?? 1
      total += w
      sum += w * y[i]
    }
    let mean = total > 0 ? sum / total : 0
    switch self {
    case .squaredError:
      return [mean]
    case .poisson, .gamma:
      return [log(max(mean, Double.leastNormalMagnitude))]
    case .binaryLogLoss:
      let eps = Double.ulpOfOne
      let p = min(max(mean, eps), 1 - eps)
      return [log(p / (1 - p))]
    case .multinomialLogLoss(let k):
      var shares = [Double](repeating: 0, count: k)
      for i in y.indices { shares[Int(y[i])] += weights?[i] ?? 1 }
      let eps = Double.ulpOfOne
      let logs = shares.map { log(min(max($0 / total, eps), 1 - eps)) }
      let centre = logs.reduce(0, +) / Double(k)
      return logs.map { $0 - centre }
    }
  }

  /// Writes the gradients and hessians of tree `tree` of an iteration for rows `range`.
  /// `raw` is class-major (`raw[c·n + i]`); `y` holds targets or class codes.
  func gradients(
    raw: UnsafePointer<Double>, rowCount n: Int, y: UnsafePointer<Double>,
    weights: UnsafePointer<Double>?, tree: Int, range: Range<Int>,
    gradients g: UnsafeMutablePointer<Float>, hessians h: UnsafeMutablePointer<Float>
  ) {
    switch self {
    case .squaredError:
      for i in range {
        let w = weights?[i] ?? 1
        g[i] = Float(w * (raw[i] - y[i]))
        h[i] = Float(w)
      }
    case .poisson:
      for i in range {
        let w = weights?[i] ?? 1
        let mu = exp(raw[i])
        g[i] = Float(w * (mu - y[i]))
        h[i] = Float(w * mu)
      }
    case .gamma:
      for i in range {
        let w = weights?[i] ?? 1
        let ratio = y[i] * exp(-raw[i])
        g[i] = Float(w * (1 - ratio))
        h[i] = Float(w * ratio)
      }
    case .binaryLogLoss:
      for i in range {
        let w = weights?[i] ?? 1
        let p = Self.sigmoid(raw[i])
        g[i] = Float(w * (p - y[i]))
        h[i] = Float(w * p * (1 - p))
      }
    case .multinomialLogLoss(let k):
      for i in range {
        var largest = -Double.infinity
        for c in 0..<k { largest = max(largest, raw[c * n + i]) }
        var sum = 0.0
        for c in 0..<k { sum += exp(raw[c * n + i] - largest) }
        let p = exp(raw[tree * n + i] - largest) / sum
        let w = weights?[i] ?? 1
        let target = Int(y[i]) == tree ? 1.0 : 0.0
        g[i] = Float(w * (p - target))
        h[i] = Float(w * p * (1 - p))
      }
    }
  }

  /// The weighted mean loss (scikit-learn's half losses; constant terms dropped as it does).
  func meanLoss(raw: [Double], y: [Double], weights: [Double]?) -> Double {
    let n = y.count
    var total = 0.0
    var sum = 0.0
    for i in 0..<n {
      let w = weights?[i] ?? 1
      total += w
      var loss: Double
      switch self {
      case .squaredError:
        let r = raw[i] - y[i]
        loss = 0.5 * r * r
      case .poisson:
        loss = exp(raw[i]) - y[i] * raw[i]
      case .gamma:
        loss = raw[i] + y[i] * exp(-raw[i])
      case .binaryLogLoss:
        let r = raw[i]
        // log(1 + e^r) − y·r, computed without overflow.
        loss = (r > 0 ? r + log1p(exp(-r)) : log1p(exp(r))) - y[i] * r
      case .multinomialLogLoss(let k):
        var largest = -Double.infinity
        for c in 0..<k { largest = max(largest, raw[c * n + i]) }
        var s = 0.0
        for c in 0..<k { s += exp(raw[c * n + i] - largest) }
        loss = largest + log(s) - raw[Int(y[i]) * n + i]
      }
      sum += w * loss
    }
    return total > 0 ? sum / total : 0
  }

  @inline(__always)
  static func sigmoid(_ r: Double) -> Double {
    r >= 0 ? 1 / (1 + exp(-r)) : exp(r) / (1 + exp(r))
  }
}

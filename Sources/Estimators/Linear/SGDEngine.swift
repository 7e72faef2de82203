import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The loss functions of plain SGD, with scikit-learn's loss values and derivatives
/// (`_sgd_fast.pyx` and `sklearn._loss`). Classification losses see `y` in `{−1, +1}`
/// (`{0, 1}` for the log loss).
enum SGDLossKind: Sendable, Hashable {
  case hinge(threshold: Double)
  case squaredHinge
  case logLoss
  case modifiedHuber
  case squaredError
  case huber(epsilon: Double)
  case epsilonInsensitive(epsilon: Double)
  case squaredEpsilonInsensitive(epsilon: Double)

  @inline(__always)
  func loss(_ y: Double, _ p: Double) -> Double {
    switch self {
    case .hinge(let threshold):
      let z = p * y
      return z <= threshold ? threshold - z : 0
    case .squaredHinge:
      let z = 1 - p * y
      return z > 0 ? z * z : 0
    case .logLoss:
      // log(1 + exp(p)) − y·p, evaluated stably.
      let softplus =
        p > 0 ? p + Foundation.log1p(Foundation.exp(-p)) : Foundation.log1p(Foundation.exp(p))
      return softplus - y * p
    case .modifiedHuber:
      let z = p * y
      if z >= 1 { return 0 }
      if z >= -1 { return (1 - z) * (1 - z) }
      return -4 * z
    case .squaredError:
      return 0.5 * (p - y) * (p - y)
    case .huber(let delta):
      let r = abs(y - p)
      return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta)
    case .epsilonInsensitive(let epsilon):
      let r = abs(y - p) - epsilon
      return r > 0 ? r : 0
    case .squaredEpsilonInsensitive(let epsilon):
      let r = abs(y - p) - epsilon
      return r > 0 ? r * r : 0
    }
  }

  /// The derivative of the loss with respect to the prediction `p`.
  @inline(__always)
  func gradient(_ y: Double, _ p: Double) -> Double {
    switch self {
    case .hinge(let threshold):
      return p * y <= threshold ? -y : 0
    case .squaredHinge:
      let z = 1 - p * y
      return z > 0 ? -2 * y * z : 0
    case .logLoss:
      let sigmoid =
        p >= 0 ? 1 / (1 + Foundation.exp(-p)) : Foundation.exp(p) / (1 + Foundation.exp(p))
      return sigmoid - y
    case .modifiedHuber:
      let z = p * y
      if z >= 1 { return 0 }
      if z >= -1 { return 2 * (1 - z) * -y }
      return -4 * y
    case .squaredError:
      return p - y
    case .huber(let delta):
      let r = p - y
      if abs(r) <= delta { return r }
      return r > 0 ? delta : -delta
    case .epsilonInsensitive(let epsilon):
      if y - p > epsilon { return -1 }
      if p - y > epsilon { return 1 }
      return 0
    case .squaredEpsilonInsensitive(let epsilon):
      let z = y - p
      if z > epsilon { return -2 * (z - epsilon) }
      if z < -epsilon { return 2 * (-z - epsilon) }
      return 0
    }
  }

  /// Whether the binary targets are encoded as `{0, 1}` rather than `{−1, +1}`.
  var usesZeroOneTargets: Bool {
    if case .logLoss = self { return true }
    return false
  }
}

/// The learning-rate schedules of scikit-learn's SGD (`learning_rate`).
public enum SGDLearningRate: String, Sendable, Hashable, Codable, CaseIterable {
  /// `eta = eta0`.
  case constant
  /// `eta = 1 / (alpha·(t + t₀))` with Bottou's heuristic `t₀`.
  case optimal
  /// `eta = eta0 / t^powerT`.
  case invscaling
  /// `eta = eta0`, divided by 5 each time `nIterNoChange` epochs fail to improve.
  case adaptive
}

/// The penalties of scikit-learn's SGD (`penalty`); `nil` in an estimator means none.
public enum SGDPenalty: String, Sendable, Hashable, Codable, CaseIterable {
  /// `½·alpha·‖w‖²`.
  case l2
  /// `alpha·‖w‖₁`, by truncated gradients.
  case l1
  /// `alpha·(l1Ratio·‖w‖₁ + ½·(1 − l1Ratio)·‖w‖²)`.
  case elasticnet
}

/// The hyperparameters the SGD loop needs, resolved from an estimator.
struct SGDSettings: Sendable {
  var loss: SGDLossKind
  var penalty: SGDPenalty?
  var alpha: Double
  var l1Ratio: Double
  var fitIntercept: Bool
  var maxIter: Int
  var tol: Double?
  var shuffle: Bool
  var learningRate: SGDLearningRate
  var eta0: Double
  var powerT: Double
  var earlyStopping: Bool
  var nIterNoChange: Int
  var average: Int
  var isClassification: Bool
  var estimatorName: String
}

/// The weights of one linear model being trained, with its averaged copy.
struct SGDState: Sendable, Hashable, Codable {
  var weights: [Double]
  var intercept: Double
  var averageWeights: [Double]
  var averageIntercept: Double

  init(featureCount d: Int) {
    weights = [Double](repeating: 0, count: d)
    intercept = 0
    averageWeights = [Double](repeating: 0, count: d)
    averageIntercept = 0
  }
}

/// The data one binary (or regression) SGD problem sees. Pointers are valid for the call.
struct SGDData {
  let x: UnsafePointer<Double>
  let rowCount: Int
  let featureCount: Int
  let y: UnsafePointer<Double>
  let sampleWeight: UnsafePointer<Double>
  /// `true` for rows held out for early stopping (never trained on).
  let validation: UnsafePointer<Bool>
  let validationCount: Int
  /// `‖xᵢ‖²` per row, for the O(1) update of `‖w‖²`.
  let rowSquaredNorms: UnsafePointer<Double>
}

enum SGDEngine {
  /// scikit-learn's `_plain_sgd` on dense rows: one pass per epoch over the (shuffled) rows,
  /// with the scaled-weight-vector trick for the L2 shrinkage and truncated gradients for L1.
  ///
  /// - Returns: The number of epochs run.
  /// - Throws: `LearnError.numericalFailure(estimator:reason:)` on overflow.
  static func run(
    _ data: SGDData, settings s: SGDSettings, state: inout SGDState, t startT: Double,
    maxIter: Int, weightPositive: Double, weightNegative: Double, seed: UInt64
  ) throws -> Int {
    let n = data.rowCount
    let d = data.featureCount
    let loss = s.loss
    let alpha = s.alpha
    let l1Ratio: Double
    switch s.penalty {
    case .l2: l1Ratio = 0
    case .l1: l1Ratio = 1
    case .elasticnet: l1Ratio = s.l1Ratio
    case nil: l1Ratio = 0
    }
    let hasPenalty = s.penalty != nil
    let hasL2 = s.penalty == .l2 || s.penalty == .elasticnet
    let hasL1 = s.penalty == .l1 || s.penalty == .elasticnet
    var eta = s.eta0
    var optimalInit = 0.0
    if s.learningRate == .optimal {
      let typw = (1 / alpha.squareRoot()).squareRoot()
      let initialEta0 = typw / max(1, loss.gradient(1, -typw))
      optimalInit = 1 / (initialEta0 * alpha)
    }
    let trainCount = Double(n - data.validationCount)
    var order = Array(0..<n)
    var rng = SeededGenerator(seed: seed)
    var t = startT
    var wscale = 1.0
    var sqNorm = 0.0
    var l1Norm = 0.0
    for v in state.weights {
      sqNorm += v * v
      l1Norm += abs(v)
    }
    var q = [Double](repeating: 0, count: hasL1 ? d : 0)
    var u = 0.0
    var intercept = state.intercept
    var averageIntercept = state.averageIntercept
    var bestObjective = Double.infinity
    var bestScore = -Double.infinity
    var noImprovement = 0
    var epochsRun = 0
    let maxDLoss = 1e12

    try state.weights.withUnsafeMutableBufferPointer { wBuffer in
      try state.averageWeights.withUnsafeMutableBufferPointer { aBuffer in
        try q.withUnsafeMutableBufferPointer { qBuffer in
          guard let w = wBuffer.baseAddress else { return }
          let aw = aBuffer.baseAddress
          let qp = qBuffer.baseAddress
          func resetScale() {
            if wscale != 1 {
              for j in 0..<d { w[j] *= wscale }
              wscale = 1
            }
          }
          for epoch in 0..<maxIter {
            epochsRun = epoch + 1
            var objectiveSum = 0.0
            if s.shuffle { SGDEngine.shuffle(&order, &rng) }
            for position in 0..<n {
              let i = order[position]
              if data.validation[i] { continue }
              let row = data.x + i * d
              let y = data.y[i]
              let dot = SGDEngine.dot(w, row, d)
              var wx = dot * wscale
              let p = wx + intercept
              switch s.learningRate {
              case .optimal: eta = 1 / (alpha * (optimalInit + t - 1))
              case .invscaling: eta = s.eta0 / Foundation.pow(t, s.powerT)
              case .constant, .adaptive: break
              }
              if !s.earlyStopping {
                objectiveSum += loss.loss(y, p)
                if hasPenalty {
                  objectiveSum += alpha * ((1 - l1Ratio) * 0.5 * sqNorm + l1Ratio * l1Norm)
                }
              }
              let classWeight = y > 0 ? weightPositive : weightNegative
              var dloss = loss.gradient(y, p)
              if dloss < -maxDLoss {
                dloss = -maxDLoss
              } else if dloss > maxDLoss {
                dloss = maxDLoss
              }
              let update = -eta * dloss * classWeight * data.sampleWeight[i]
              if hasL2 {
                let factor = max(0, 1 - (1 - l1Ratio) * eta * alpha)
                wscale *= factor
                sqNorm *= factor * factor
                l1Norm *= factor
                wx *= factor
                if wscale < 1e-9 { resetScale() }
              }
              if update != 0 {
                let step = update / wscale
                if hasL1 {
                  // The L1 term needs ‖w‖₁, which has no O(1) update: one fused pass.
                  var sq = 0.0
                  var l1 = 0.0
                  for j in 0..<d {
                    let v = w[j] + row[j] * step
                    w[j] = v
                    sq += v * v
                    l1 += abs(v)
                  }
                  sqNorm = sq * wscale * wscale
                  l1Norm = l1 * wscale
                } else {
                  // ‖w + u·x‖² = ‖w‖² + 2u·(w·x) + u²‖x‖²: O(1), so the update is a plain axpy.
                  for j in 0..<d { w[j] += row[j] * step }
                  sqNorm += 2 * update * wx + update * update * data.rowSquaredNorms[i]
                }
              }
              if s.fitIntercept && update != 0 { intercept += update }
              if s.average > 0, Double(s.average) <= t, let aw {
                let k = t - Double(s.average) + 1
                let mu = 1 / k
                for j in 0..<d { aw[j] += (w[j] * wscale - aw[j]) * mu }
                averageIntercept += (intercept - averageIntercept) * mu
              }
              if hasL1, let qp {
                u += l1Ratio * eta * alpha
                for j in 0..<d {
                  let z = w[j]
                  if wscale * z > 0 {
                    w[j] = max(0, w[j] - (u + qp[j]) / wscale)
                  } else if wscale * z < 0 {
                    w[j] = min(0, w[j] + (u - qp[j]) / wscale)
                  }
                  qp[j] += wscale * (w[j] - z)
                }
              }
              t += 1
            }
            var finite = intercept.isFinite
            if finite { for j in 0..<d where !w[j].isFinite { finite = false } }
            guard finite else {
              throw LearnError.numericalFailure(
                estimator: s.estimatorName,
                reason:
                  "floating-point under-/overflow occurred at epoch #\(epoch + 1); scaling the input data with StandardScaler or MinMaxScaler might help"
              )
            }
            if s.earlyStopping {
              let score = validationScore(data, w: w, wscale: wscale, intercept: intercept, s: s)
              if let tol = s.tol, score < bestScore + tol {
                noImprovement += 1
              } else {
                noImprovement = 0
              }
              if score > bestScore { bestScore = score }
            } else {
              let objective = objectiveSum / trainCount
              if let tol = s.tol, objective > bestObjective - tol {
                noImprovement += 1
              } else {
                noImprovement = 0
              }
              if objective < bestObjective { bestObjective = objective }
            }
            if noImprovement >= s.nIterNoChange {
              if s.learningRate == .adaptive && eta > 1e-6 {
                eta /= 5
                noImprovement = 0
              } else {
                break
              }
            }
          }
          resetScale()
        }
      }
    }
    state.intercept = intercept
    state.averageIntercept = averageIntercept
    return epochsRun
  }

  /// Fisher–Yates on row indices, specialised (the generic `SeededGenerator.shuffle` is not
  /// specialised across modules and costs more than an epoch's arithmetic on small rows).
  static func shuffle(_ order: inout [Int], _ rng: inout SeededGenerator) {
    order.withUnsafeMutableBufferPointer { o in
      guard o.count > 1 else { return }
      for i in stride(from: o.count - 1, to: 0, by: -1) {
        let j = rng.nextInt(below: i + 1)
        if i != j { o.swapAt(i, j) }
      }
    }
  }

  /// `Σ a[j]·b[j]` with four independent accumulators (so the loop vectorises).
  @inline(__always)
  static func dot(_ a: UnsafeMutablePointer<Double>, _ b: UnsafePointer<Double>, _ d: Int)
    -> Double
  {
    var s0 = 0.0
    var s1 = 0.0
    var s2 = 0.0
    var s3 = 0.0
    var j = 0
    while j + 4 <= d {
      s0 += a[j] * b[j]
      s1 += a[j + 1] * b[j + 1]
      s2 += a[j + 2] * b[j + 2]
      s3 += a[j + 3] * b[j + 3]
      j += 4
    }
    while j < d {
      s0 += a[j] * b[j]
      j += 1
    }
    return (s0 + s1) + (s2 + s3)
  }

  /// The validation score of the current weights: weighted accuracy for classification,
  /// weighted R² for regression (scikit-learn's `_ValidationScoreCallback`).
  static func validationScore(
    _ data: SGDData, w: UnsafeMutablePointer<Double>, wscale: Double, intercept: Double,
    s: SGDSettings
  ) -> Double {
    let d = data.featureCount
    var correct = 0.0
    var total = 0.0
    var predictions: [Double] = []
    var targets: [Double] = []
    var weights: [Double] = []
    for i in 0..<data.rowCount where data.validation[i] {
      let row = data.x + i * d
      let p = SGDEngine.dot(w, row, d) * wscale + intercept
      let sw = data.sampleWeight[i]
      if s.isClassification {
        if (p > 0) == (data.y[i] > 0) { correct += sw }
        total += sw
      } else {
        predictions.append(p)
        targets.append(data.y[i])
        weights.append(sw)
      }
    }
    if s.isClassification { return total > 0 ? correct / total : 0 }
    return weightedR2(targets, predictions, weights)
  }

  /// The coefficient of determination with sample weights.
  static func weightedR2(_ y: [Double], _ p: [Double], _ w: [Double]) -> Double {
    var total = 0.0
    var mean = 0.0
    for i in 0..<y.count {
      mean += w[i] * y[i]
      total += w[i]
    }
    guard total > 0 else { return 0 }
    mean /= total
    var residual = 0.0
    var spread = 0.0
    for i in 0..<y.count {
      residual += w[i] * (y[i] - p[i]) * (y[i] - p[i])
      spread += w[i] * (y[i] - mean) * (y[i] - mean)
    }
    if spread == 0 { return residual == 0 ? 1 : 0 }
    return 1 - residual / spread
  }

  /// The early-stopping split (scikit-learn's `_make_validation_split`): `⌈fraction·n⌉`
  /// rows held out, stratified by `strata` when given (classification).
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming
  ///   `validationFraction` when either side is empty, `LearnError.invalidSampleWeight(reason:)`
  ///   when every held-out row has weight zero.
  static func validationMask(
    rowCount n: Int, fraction: Double, strata: [Int]?, sampleWeight: [Double], seed: UInt64,
    estimator: String
  ) throws -> [Bool] {
    var rng = SeededGenerator(seed: seed)
    var mask = [Bool](repeating: false, count: n)
    let validationCount = Int((fraction * Double(n)).rounded(.up))
    if let strata {
      let classCount = (strata.max() ?? 0) + 1
      var members = [[Int]](repeating: [], count: classCount)
      for (i, c) in strata.enumerated() { members[c].append(i) }
      // Proportional allocation, remainders to the largest fractional parts.
      var take = members.map { Int((Double($0.count) * fraction).rounded(.down)) }
      var remaining = validationCount - take.reduce(0, +)
      let byRemainder = (0..<classCount).sorted {
        let a = Double(members[$0].count) * fraction - Double(take[$0])
        let b = Double(members[$1].count) * fraction - Double(take[$1])
        return a != b ? a > b : $0 < $1
      }
      for c in byRemainder where remaining > 0 && take[c] < members[c].count {
        take[c] += 1
        remaining -= 1
      }
      for c in 0..<classCount {
        var list = members[c]
        rng.shuffle(&list)
        for i in list.prefix(take[c]) { mask[i] = true }
      }
    } else {
      var order = Array(0..<n)
      rng.shuffle(&order)
      for i in order.prefix(validationCount) { mask[i] = true }
    }
    let held = mask.filter { $0 }.count
    guard held > 0, held < n else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "validationFraction", value: "\(fraction)",
        expected:
          "a fraction that leaves both the training and the validation set non-empty (\(n) samples)"
      )
    }
    var heldWeight = 0.0
    for i in 0..<n where mask[i] { heldWeight += sampleWeight[i] }
    guard heldWeight > 0 else {
      throw LearnError.invalidSampleWeight(
        reason: "the sample weights of the validation set are all zero; use a different seed")
    }
    return mask
  }
}

/// Buffers shared by the parallel one-vs-rest problems; each writes only its own slot.
struct SGDSharedSlots: @unchecked Sendable {
  let states: UnsafeMutableBufferPointer<SGDState>
  let epochs: UnsafeMutableBufferPointer<Int>
  let errors: UnsafeMutableBufferPointer<LearnError?>
}

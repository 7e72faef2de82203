import Foundation
import LinearAlgebra
import SwiftLearnCore

// The shared engine of classic gradient boosting (scikit-learn's `BaseGradientBoosting`):
// each stage fits `treesPerStage` regression trees (friedman_mse) to the negative gradient of
// the loss, re-estimates the leaf values with one line-search step per leaf
// (`_update_terminal_regions`), and adds them scaled by the learning rate.

/// How classic gradient boosting starts before the first tree (scikit-learn's `init`).
public enum GradientBoostingInit: String, Sendable, Hashable, Codable, CaseIterable {
  /// The loss's constant intercept-only fit: the mean, median or quantile of `y` for
  /// regression, the class priors for classification (scikit-learn's `init=None`).
  case prior
  /// Raw predictions start at zero (scikit-learn's `init="zero"`).
  case zero
}

/// One fitted regression tree of a boosting stage and its line-searched node values.
public struct GradientBoostingTree: Sendable, Hashable, Codable {
  /// The tree's splits.
  public let tree: TreeStructure
  /// The value added (before the learning rate) for each node; only leaves are used.
  public let nodeValues: [Double]

  init(tree: TreeStructure, nodeValues: [Double]) {
    self.tree = tree
    self.nodeValues = nodeValues
  }

  private enum CodingKeys: String, CodingKey { case tree, nodeValues }

  /// Decodes a tree and checks it has one value per node.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    tree = try c.decode(TreeStructure.self, forKey: .tree)
    nodeValues = try c.decode([Double].self, forKey: .nodeValues)
    guard nodeValues.count == tree.nodeCount, tree.nodeCount > 0 else {
      throw DecodingError.dataCorruptedError(
        forKey: .nodeValues, in: c, debugDescription: "one value per tree node is required")
    }
  }
}

/// The loss, internally: regression losses act on `y`, classification losses on class codes.
enum BoostingLossKind: Sendable, Hashable {
  case squaredError
  case absoluteError
  case huber(Double)
  case quantile(Double)
  case binomial
  case multinomial(Int)
  case exponential

  var treesPerStage: Int {
    if case .multinomial(let k) = self { return k }
    return 1
  }

  /// scikit-learn reports twice the half losses (squared error, binomial) as `train_score_`.
  var reportFactor: Double {
    switch self {
    case .squaredError, .binomial: return 2
    default: return 1
    }
  }
}

/// The weighted percentile scikit-learn's `_weighted_percentile` computes (inverted CDF).
func classicWeightedPercentile(_ values: [Double], _ weights: [Double], _ percentile: Double)
  -> Double
{
  guard !values.isEmpty else { return 0 }
  let order = values.indices.sorted { values[$0] < values[$1] }
  var total = 0.0
  for w in weights { total += w }
  let target = percentile / 100 * total
  var cumulative = 0.0
  var lastPositive = order[order.count - 1]
  for i in order {
    cumulative += weights[i]
    if weights[i] > 0 { lastPositive = i }
    if cumulative >= target && weights[i] > 0 { return values[i] }
  }
  return values[lastPositive]
}

/// numpy's default (linearly interpolated) percentile, used for unweighted initial values.
func classicLinearPercentile(_ values: [Double], _ percentile: Double) -> Double {
  guard !values.isEmpty else { return 0 }
  let sorted = values.sorted()
  let position = percentile / 100 * Double(sorted.count - 1)
  let lower = Int(position.rounded(.down))
  let upper = min(lower + 1, sorted.count - 1)
  let fraction = position - Double(lower)
  return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
}

@inline(__always)
func classicExpit(_ v: Double) -> Double {
  v >= 0 ? 1 / (1 + Foundation.exp(-v)) : Foundation.exp(v) / (1 + Foundation.exp(v))
}

extension BoostingLossKind {
  /// The initial raw prediction per tree of a stage (`init_` fitted on `y`).
  func initial(_ y: [Double], _ w: [Double], weighted: Bool) -> [Double] {
    var total = 0.0
    for v in w { total += v }
    func mean() -> Double {
      var s = 0.0
      for i in 0..<y.count { s += w[i] * y[i] }
      return s / total
    }
    switch self {
    case .squaredError:
      return [mean()]
    case .absoluteError, .huber:
      return [weighted ? classicWeightedPercentile(y, w, 50) : classicLinearPercentile(y, 50)]
    case .quantile(let alpha):
      return [
        weighted
          ? classicWeightedPercentile(y, w, 100 * alpha) : classicLinearPercentile(y, 100 * alpha)
      ]
    case .binomial, .exponential:
      let eps = Double.ulpOfOne
      let p = min(max(mean(), eps), 1 - eps)
      let logit = Foundation.log(p / (1 - p))
      if case .exponential = self { return [0.5 * logit] }
      return [logit]
    case .multinomial(let k):
      var p = [Double](repeating: 0, count: k)
      for i in 0..<y.count { p[Int(y[i])] += w[i] }
      let eps = Double.ulpOfOne
      var logs = p.map { Foundation.log(min(max($0 / total, eps), 1 - eps)) }
      let centre = logs.reduce(0, +) / Double(k)
      for c in 0..<k { logs[c] -= centre }
      return logs
    }
  }

  /// The negative gradients of all trees of a stage, `[k][i]`, at the raw predictions
  /// `raw[i * K + k]`.
  func negativeGradients(_ y: [Double], _ raw: [Double], delta: Double) -> [[Double]] {
    let n = y.count
    let kk = treesPerStage
    var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: kk)
    switch self {
    case .squaredError:
      for i in 0..<n { out[0][i] = y[i] - raw[i] }
    case .absoluteError:
      for i in 0..<n { out[0][i] = y[i] > raw[i] ? 1 : (y[i] < raw[i] ? -1 : 0) }
    case .huber:
      for i in 0..<n {
        let d = y[i] - raw[i]
        out[0][i] = abs(d) <= delta ? d : (d > 0 ? delta : -delta)
      }
    case .quantile(let alpha):
      for i in 0..<n { out[0][i] = y[i] >= raw[i] ? alpha : alpha - 1 }
    case .binomial:
      for i in 0..<n { out[0][i] = y[i] - classicExpit(raw[i]) }
    case .exponential:
      for i in 0..<n {
        out[0][i] = y[i] * Foundation.exp(-raw[i]) - (1 - y[i]) * Foundation.exp(raw[i])
      }
    case .multinomial(let k):
      var p = [Double](repeating: 0, count: k)
      for i in 0..<n {
        classicSoftmax(raw, offset: i * k, count: k, into: &p)
        let code = Int(y[i])
        for c in 0..<k { out[c][i] = (code == c ? 1 : 0) - p[c] }
      }
    }
    return out
  }

  /// The line-search value of one leaf holding `rows` (scikit-learn's `compute_update`).
  func leafValue(
    rows: [Int], y: [Double], negGradient g: [Double], raw: [Double], k: Int, w: [Double],
    delta: Double
  ) -> Double {
    let kk = treesPerStage
    func safeDivide(_ a: Double, _ b: Double) -> Double { abs(b) < 1e-150 ? 0 : a / b }
    switch self {
    case .squaredError:
      return 0  // not used: the tree's mean is kept
    case .binomial, .multinomial:
      var num = 0.0
      var den = 0.0
      var sw = 0.0
      for i in rows {
        let target: Double
        if case .multinomial = self { target = Int(y[i]) == k ? 1 : 0 } else { target = y[i] }
        let p = target - g[i]
        num += w[i] * g[i]
        den += w[i] * p * (1 - p)
        sw += w[i]
      }
      guard sw > 0 else { return 0 }
      if case .multinomial(let c) = self { num *= Double(c - 1) / Double(c) }
      return safeDivide(num / sw, den / sw)
    case .exponential:
      var num = 0.0
      var den = 0.0
      var sw = 0.0
      for i in rows {
        num += w[i] * g[i]
        den += w[i] * (y[i] == 0 ? -g[i] : g[i])
        sw += w[i]
      }
      guard sw > 0 else { return 0 }
      return safeDivide(num / sw, den / sw)
    case .absoluteError, .quantile, .huber:
      let diff = rows.map { y[$0] - raw[$0 * kk + k] }
      let ws = rows.map { w[$0] }
      switch self {
      case .quantile(let alpha): return classicWeightedPercentile(diff, ws, 100 * alpha)
      case .huber:
        let median = classicWeightedPercentile(diff, ws, 50)
        var s = 0.0
        var sw = 0.0
        for j in 0..<diff.count {
          let d = diff[j] - median
          s += ws[j] * (d > 0 ? min(delta, d) : (d < 0 ? -min(delta, -d) : 0))
          sw += ws[j]
        }
        return sw > 0 ? median + s / sw : median
      default: return classicWeightedPercentile(diff, ws, 50)
      }
    }
  }

  /// The weighted mean loss over `rows` (all rows when nil), times ``reportFactor``.
  func loss(_ y: [Double], _ raw: [Double], _ w: [Double], rows: [Int]?, delta: Double)
    -> Double
  {
    let kk = treesPerStage
    var total = 0.0
    var sw = 0.0
    var p = [Double](repeating: 0, count: kk)
    func one(_ i: Int) -> Double {
      let r = raw[i * kk]
      switch self {
      case .squaredError: return 0.5 * (y[i] - r) * (y[i] - r)
      case .absoluteError: return abs(y[i] - r)
      case .huber:
        let a = abs(y[i] - r)
        return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta)
      case .quantile(let alpha):
        let d = y[i] - r
        return d >= 0 ? alpha * d : (alpha - 1) * d
      case .binomial:
        // log(1 + exp(r)) - y r, computed stably.
        let softplus =
          r > 0 ? r + Foundation.log1p(Foundation.exp(-r)) : Foundation.log1p(Foundation.exp(r))
        return softplus - y[i] * r
      case .exponential:
        return y[i] * Foundation.exp(-r) + (1 - y[i]) * Foundation.exp(r)
      case .multinomial(let k):
        classicSoftmax(raw, offset: i * k, count: k, into: &p)
        return -Foundation.log(max(p[Int(y[i])], Double.leastNormalMagnitude))
      }
    }
    if let rows {
      for i in rows {
        total += w[i] * one(i)
        sw += w[i]
      }
    } else {
      for i in 0..<y.count {
        total += w[i] * one(i)
        sw += w[i]
      }
    }
    return sw > 0 ? reportFactor * total / sw : 0
  }
}

@inline(__always)
func classicSoftmax(_ raw: [Double], offset: Int, count k: Int, into p: inout [Double]) {
  var m = -Double.infinity
  for c in 0..<k { m = max(m, raw[offset + c]) }
  var s = 0.0
  for c in 0..<k {
    p[c] = Foundation.exp(raw[offset + c] - m)
    s += p[c]
  }
  for c in 0..<k { p[c] /= s }
}

/// Hyperparameters shared by the classic boosting regressor and classifier.
struct ClassicBoostingSettings: Sendable {
  var name: String
  var learningRate: Double
  var estimatorCount: Int
  var subsample: Double
  var tree: TreeSettings
  var initStrategy: GradientBoostingInit
  var validationFraction: Double
  var iterationsWithoutChange: Int?
  var tol: Double

  func validate() throws {
    try tree.validate(estimator: name)
    try Check.finite(learningRate, atLeast: 0, estimator: name, name: "learningRate")
    try Check.count(estimatorCount, atLeast: 1, estimator: name, name: "estimatorCount")
    guard subsample > 0 && subsample <= 1 else {
      throw LearnError.invalidParameter(
        estimator: name, name: "subsample", value: "\(subsample)",
        expected: "a fraction in (0, 1]")
    }
    guard validationFraction > 0 && validationFraction < 1 else {
      throw LearnError.invalidParameter(
        estimator: name, name: "validationFraction", value: "\(validationFraction)",
        expected: "a fraction in (0, 1)")
    }
    if let iterationsWithoutChange {
      try Check.count(
        iterationsWithoutChange, atLeast: 1, estimator: name, name: "iterationsWithoutChange")
    }
    try Check.finite(tol, atLeast: 0, estimator: name, name: "tol")
  }
}

/// What one boosting run produced.
struct ClassicBoostingRun: Sendable {
  var initial: [Double]
  var stages: [[GradientBoostingTree]]
  var trainScores: [Double]
  var oobImprovement: [Double]?
  var oobScores: [Double]?
}

/// Splits rows into training and validation parts (stratified by `strata` when given).
func boostingValidationSplit(
  rowCount n: Int, fraction: Double, strata: [Int]?, rng: inout SeededGenerator
) -> (train: [Int], validation: [Int]) {
  var validation: [Int] = []
  var train: [Int] = []
  if let strata {
    var groups: [Int: [Int]] = [:]
    for i in 0..<n { groups[strata[i], default: []].append(i) }
    for key in groups.keys.sorted() {
      var rows = groups[key] ?? []
      rng.shuffle(&rows)
      let take = Int((Double(rows.count) * fraction).rounded(.up))
      let cut = min(max(take, 0), rows.count)
      validation += rows[0..<cut]
      train += rows[cut...]
    }
  } else {
    var rows = Array(0..<n)
    rng.shuffle(&rows)
    let cut = min(Int((Double(n) * fraction).rounded(.up)), n - 1)
    validation = Array(rows[0..<cut])
    train = Array(rows[cut...])
  }
  return (train.sorted(), validation.sorted())
}

/// Leaf index of every row of `x` for `tree`.
func boostingLeaves(_ tree: TreeStructure, _ x: Matrix) -> [Int] {
  x.withUnsafeStorage { tree.leaves($0, rowCount: x.rowCount) }
}

/// Runs classic gradient boosting on `x` (finite, validated) with targets `y` (class codes
/// as doubles for classification).
func runClassicBoosting(
  settings: ClassicBoostingSettings, loss: BoostingLossKind, x: Matrix, y: [Double],
  weights: [Double], weighted: Bool, strata: [Int]?, seed: UInt64
) throws -> ClassicBoostingRun {
  var splitRng = SeededGenerator(seed: SeededGenerator.childSeed(of: seed, index: -1))
  var xt = x
  var yt = y
  var wt = weights
  var xv: Matrix?
  var yv: [Double] = []
  var wv: [Double] = []
  if settings.iterationsWithoutChange != nil {
    let split = boostingValidationSplit(
      rowCount: x.rowCount, fraction: settings.validationFraction, strata: strata,
      rng: &splitRng)
    guard !split.train.isEmpty, !split.validation.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: settings.name, name: "validationFraction",
        value: "\(settings.validationFraction)",
        expected: "a fraction leaving rows in both the training and the validation part")
    }
    xt = try x.rows(split.train)
    yt = split.train.map { y[$0] }
    wt = split.train.map { weights[$0] }
    xv = try x.rows(split.validation)
    yv = split.validation.map { y[$0] }
    wv = split.validation.map { weights[$0] }
    if let strata {
      let present = Set(split.train.map { strata[$0] })
      if present.count != Set(strata).count {
        throw LearnError.unsupportedInput(
          input: "y",
          reason: "the training part of the early-stopping split misses some classes")
      }
    }
  }
  let n = xt.rowCount
  let kk = loss.treesPerStage
  let initial =
    settings.initStrategy == .zero
    ? [Double](repeating: 0, count: kk) : loss.initial(yt, wt, weighted: weighted)
  var raw = [Double](repeating: 0, count: n * kk)
  for i in 0..<n { for k in 0..<kk { raw[i * kk + k] = initial[k] } }
  var rawValidation = [Double](repeating: 0, count: (xv?.rowCount ?? 0) * kk)
  for i in 0..<(xv?.rowCount ?? 0) { for k in 0..<kk { rawValidation[i * kk + k] = initial[k] } }

  var totalWeight = 0.0
  for v in wt { totalWeight += v }
  let limits = try settings.tree.limits(
    sampleCount: n, featureCount: xt.columnCount, totalWeight: totalWeight)
  let data = TreeTrainingData(
    xt, presort: true, threads: ProcessInfo.processInfo.activeProcessorCount)
  let doOob = settings.subsample < 1
  let inBag = max(1, Int(settings.subsample * Double(n)))
  var maskRng = SeededGenerator(seed: seed)
  var stages: [[GradientBoostingTree]] = []
  var trainScores: [Double] = []
  var oobScores: [Double] = []
  var oobImprovement: [Double] = []
  var history = [Double](repeating: .infinity, count: settings.iterationsWithoutChange ?? 0)
  var order = Array(0..<n)
  var initialOob = 0.0

  for stage in 0..<settings.estimatorCount {
    var mask = [Bool](repeating: true, count: n)
    var inRows: [Int] = Array(0..<n)
    var outRows: [Int] = []
    if doOob {
      maskRng.shuffle(&order)
      mask = [Bool](repeating: false, count: n)
      for j in 0..<inBag { mask[order[j]] = true }
      inRows = (0..<n).filter { mask[$0] }
      outRows = (0..<n).filter { !mask[$0] }
    }
    var delta = 0.0
    if case .huber(let alpha) = loss {
      var abserr = [Double](repeating: 0, count: n)
      for i in 0..<n { abserr[i] = abs(yt[i] - raw[i * kk]) }
      delta = classicWeightedPercentile(abserr, wt, 100 * alpha)
    }
    if doOob && stage == 0 {
      initialOob = loss.loss(yt, raw, wt, rows: outRows, delta: delta)
    }
    let gradients = loss.negativeGradients(yt, raw, delta: delta)
    var treeWeights = wt
    if doOob { for i in 0..<n where !mask[i] { treeWeights[i] = 0 } }
    var trees: [GradientBoostingTree] = []
    for k in 0..<kk {
      let rng = SeededGenerator(seed: SeededGenerator.childSeed(of: seed, index: stage * kk + k))
      let tree = growTree(
        data: data, target: .values(gradients[k], .squaredError), weights: treeWeights,
        limits: limits, rng: rng)
      guard tree.nodeCount > 0 else {
        throw LearnError.numericalFailure(
          estimator: settings.name, reason: "a boosting stage grew an empty tree")
      }
      let leaves = boostingLeaves(tree, xt)
      var values = [Double](repeating: 0, count: tree.nodeCount)
      for node in 0..<tree.nodeCount { values[node] = tree.values[node * tree.valueCount] }
      if loss != .squaredError {
        var members = [[Int]](repeating: [], count: tree.nodeCount)
        for i in inRows { members[leaves[i]].append(i) }
        for node in 0..<tree.nodeCount where tree.nodes[node].isLeaf {
          values[node] = loss.leafValue(
            rows: members[node], y: yt, negGradient: gradients[k], raw: raw, k: k, w: wt,
            delta: delta)
        }
      }
      for i in 0..<n { raw[i * kk + k] += settings.learningRate * values[leaves[i]] }
      if let xv {
        let vLeaves = boostingLeaves(tree, xv)
        for i in 0..<xv.rowCount {
          rawValidation[i * kk + k] += settings.learningRate * values[vLeaves[i]]
        }
      }
      trees.append(GradientBoostingTree(tree: tree, nodeValues: values))
    }
    stages.append(trees)
    if doOob {
      trainScores.append(loss.loss(yt, raw, wt, rows: inRows, delta: delta))
      let oob = loss.loss(yt, raw, wt, rows: outRows, delta: delta)
      oobImprovement.append((stage == 0 ? initialOob : oobScores[stage - 1]) - oob)
      oobScores.append(oob)
    } else {
      trainScores.append(loss.loss(yt, raw, wt, rows: nil, delta: delta))
    }
    if settings.iterationsWithoutChange != nil, !history.isEmpty {
      let validationLoss = loss.loss(yv, rawValidation, wv, rows: nil, delta: delta)
      if history.contains(where: { validationLoss + settings.tol < $0 }) {
        history[stage % history.count] = validationLoss
      } else {
        break
      }
    }
  }
  return ClassicBoostingRun(
    initial: initial, stages: stages, trainScores: trainScores,
    oobImprovement: doOob ? oobImprovement : nil, oobScores: doOob ? oobScores : nil)
}

/// The fitted trees of a classic boosting model and how to sum them.
public struct GradientBoostingEnsemble: Sendable, Hashable, Codable {
  /// Columns of `X` at fit.
  public let featureCount: Int
  /// The constant raw prediction before the first stage, one per tree of a stage.
  public let initialPrediction: [Double]
  /// The shrinkage applied to every tree's values.
  public let learningRate: Double
  /// The stages; each holds one tree (regression, binary) or one per class.
  public let stages: [[GradientBoostingTree]]

  var treesPerStage: Int { initialPrediction.count }

  /// Raw predictions `n × K` after the first `stageLimit` stages (all when nil).
  ///
  /// Rows are scored in blocks on all cores; each row sums its trees in stage order, so the
  /// result does not depend on the thread count.
  func raw(_ x: Matrix, stageLimit: Int? = nil) -> [Double] {
    let n = x.rowCount
    let d = x.columnCount
    let kk = treesPerStage
    let count = min(stageLimit ?? stages.count, stages.count)
    let out = UnsafeMutablePointer<Double>.allocate(capacity: max(n * kk, 1))
    defer { out.deallocate() }
    let block = 256
    let blocks = (n + block - 1) / block
    let stages = Array(self.stages[0..<count])
    let initial = initialPrediction
    let rate = learningRate
    x.withUnsafeStorage { s in
      let shared = SendablePointers(input: s.baseAddress ?? UnsafePointer(out), output: out)
      parallelFor(
        blocks, threads: n >= 2 * block ? ProcessInfo.processInfo.activeProcessorCount : 1
      ) {
        b in
        let input = shared.input
        let output = shared.output
        let lo = b * block
        let hi = min(n, lo + block)
        for i in lo..<hi { for k in 0..<kk { output[i * kk + k] = initial[k] } }
        for stage in stages {
          for (k, t) in stage.enumerated() where k < kk {
            t.tree.nodes.withUnsafeBufferPointer { nodes in
              t.nodeValues.withUnsafeBufferPointer { values in
                for i in lo..<hi {
                  let base = i * d
                  var node = 0
                  while nodes[node].left >= 0 {
                    let current = nodes[node]
                    let v = Float(input[base + Int(current.featureIndex)])
                    let goLeft =
                      v.isNaN ? current.missingGoesLeft : Double(v) <= current.threshold
                    node = Int(goLeft ? current.left : current.right)
                  }
                  output[i * kk + k] += rate * values[node]
                }
              }
            }
          }
        }
      }
    }
    return Array(UnsafeBufferPointer(start: out, count: n * kk))
  }

  /// Raw predictions after each stage, calling `body` with the stage index and raw values.
  func stagedRaw(_ x: Matrix, _ body: (Int, [Double]) -> Void) {
    let n = x.rowCount
    let kk = treesPerStage
    var raw = [Double](repeating: 0, count: n * kk)
    for i in 0..<n { for k in 0..<kk { raw[i * kk + k] = initialPrediction[k] } }
    x.withUnsafeStorage { s in
      for (index, stage) in stages.enumerated() {
        for (k, t) in stage.enumerated() where k < kk {
          let leaves = t.tree.leaves(s, rowCount: n)
          for i in 0..<n { raw[i * kk + k] += learningRate * t.nodeValues[leaves[i]] }
        }
        body(index, raw)
      }
    }
  }

  /// scikit-learn's `feature_importances_`: the mean of the unnormalised impurity
  /// importances of the trees that split, normalised to sum to 1.
  var featureImportances: [Double] {
    var sum = [Double](repeating: 0, count: featureCount)
    var used = 0
    for stage in stages {
      for t in stage where t.tree.nodeCount > 1 {
        used += 1
        let nodes = t.tree.nodes
        let rootWeight = nodes[0].weightedSampleCount
        guard rootWeight > 0 else { continue }
        for node in nodes where !node.isLeaf {
          let l = nodes[node.leftChild]
          let r = nodes[node.rightChild]
          let decrease =
            node.weightedSampleCount * node.impurity - l.weightedSampleCount * l.impurity
            - r.weightedSampleCount * r.impurity
          if node.feature >= 0 && node.feature < featureCount {
            sum[node.feature] += decrease / rootWeight
          }
        }
      }
    }
    guard used > 0 else { return sum }
    let total = sum.reduce(0, +)
    return total > 0 ? sum.map { $0 / total } : sum
  }

  /// Checks the decoded model is internally consistent.
  func validated() throws -> GradientBoostingEnsemble {
    guard !initialPrediction.isEmpty else {
      throw LearnError.corruptModelFile(reason: "gradient boosting without initial prediction")
    }
    for stage in stages {
      guard stage.count == initialPrediction.count else {
        throw LearnError.corruptModelFile(reason: "a boosting stage has the wrong tree count")
      }
      for t in stage {
        guard t.tree.featureCount == featureCount, t.nodeValues.count == t.tree.nodeCount
        else { throw LearnError.corruptModelFile(reason: "a boosting tree does not match") }
      }
    }
    return self
  }
}

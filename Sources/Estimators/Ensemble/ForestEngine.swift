import Foundation
import LinearAlgebra
import SwiftLearnCore

/// How many rows each tree's bootstrap sample draws (scikit-learn's `max_samples`).
public enum MaxSamples: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Exactly this many draws (at least 1, at most the number of rows).
  case count(Int)
  /// `max(1, round(fraction · n))` draws, `fraction` in (0, 1].
  case fraction(Double)

  public var description: String {
    switch self {
    case .count(let k): return "count(\(k))"
    case .fraction(let f): return "fraction(\(f))"
    }
  }

  func resolved(sampleCount n: Int, estimator: String) throws -> Int {
    switch self {
    case .count(let k):
      guard k >= 1, k <= n else {
        throw LearnError.invalidParameter(
          estimator: estimator, name: "maxSamples", value: "\(k)",
          expected: "a count in [1, \(n)] (the number of samples)")
      }
      return k
    case .fraction(let f):
      return max(1, Int((f * Double(n)).rounded(.toNearestOrEven)))
    }
  }
}

/// The forest-level hyperparameters shared by random forests and extra trees.
struct ForestConfig: Sendable {
  var name: String
  var tree: TreeSettings
  var estimatorCount: Int
  var bootstrap: Bool
  var oobScore: Bool
  var maxSamples: MaxSamples?
  var threadCount: Int?

  func validate() throws {
    try tree.validate(estimator: name)
    try Check.count(estimatorCount, atLeast: 1, estimator: name, name: "estimatorCount")
    if let threadCount {
      try Check.count(threadCount, atLeast: 1, estimator: name, name: "threadCount")
    }
    if oobScore && !bootstrap {
      throw LearnError.invalidParameter(
        estimator: name, name: "oobScore", value: "true",
        expected: "false unless bootstrap is true (out-of-bag rows exist only with bootstrap)")
    }
    if let maxSamples {
      if !bootstrap {
        throw LearnError.invalidParameter(
          estimator: name, name: "maxSamples", value: "\(maxSamples)",
          expected: "nil unless bootstrap is true")
      }
      if case .fraction(let f) = maxSamples, !(f > 0 && f <= 1) {
        throw LearnError.invalidParameter(
          estimator: name, name: "maxSamples", value: "\(f)", expected: "a fraction in (0, 1]")
      }
    }
  }

  var threads: Int { threadCount ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// The per-row bootstrap counts of tree `index`, and the generator state after drawing them.
func bootstrapCounts(seed: UInt64, index: Int, rowCount n: Int, draws: Int) -> (
  counts: [Double], rng: SeededGenerator, rows: [Int]
) {
  var rng = SeededGenerator(seed: SeededGenerator.childSeed(of: seed, index: index))
  var counts = [Double](repeating: 0, count: n)
  var rows = [Int](repeating: 0, count: draws)
  for k in 0..<draws {
    let r = rng.nextInt(below: n)
    counts[r] += 1
    rows[k] = r
  }
  return (counts, rng, rows)
}

/// One grown tree's packed form and importances.
struct GrownForestPart: Sendable {
  let forest: CompactForest
  let importances: [[Double]]
}

/// Grows trees `first..<(first + count)` of a forest in parallel, each from its own child seed.
func growForestTrees(
  config: ForestConfig, data: TreeTrainingData, target: TreeTarget, baseWeights: [Double],
  seed: UInt64, first: Int, count: Int, balancedSubsample: (codes: [Int32], classes: Int)?,
  normalise: Bool, valueCount: Int
) throws -> GrownForestPart {
  let n = data.rowCount
  let draws =
    config.bootstrap
    ? try (config.maxSamples?.resolved(sampleCount: n, estimator: config.name) ?? n) : n
  let slots = ParallelSlots<(TreeStructure, [Double])>(count: count)
  let errors = ParallelSlots<LearnError>(count: count)
  let tree = config.tree
  parallelFor(count, threads: config.threads) { k in
    let index = first + k
    var weights = baseWeights
    var rng: SeededGenerator
    if config.bootstrap {
      let drawn = bootstrapCounts(seed: seed, index: index, rowCount: n, draws: draws)
      rng = drawn.rng
      for i in 0..<n { weights[i] *= drawn.counts[i] }
      if let balancedSubsample {
        let factors = classWeightFactors(
          codes: balancedSubsample.codes, classCount: balancedSubsample.classes,
          rows: drawn.rows, balanced: true, explicit: nil)
        for i in 0..<n { weights[i] *= factors[i] }
      }
    } else {
      rng = SeededGenerator(seed: SeededGenerator.childSeed(of: seed, index: index))
    }
    var total = 0.0
    for w in weights { total += w }
    do {
      let limits = try tree.limits(
        sampleCount: n, featureCount: data.featureCount, totalWeight: total)
      let grown = growTree(data: data, target: target, weights: weights, limits: limits, rng: rng)
      let importances = grown.nodeCount > 1 ? grown.featureImportances : []
      slots.set(k, (grown, importances))
    } catch let error as LearnError {
      errors.set(k, error)
    } catch {
      errors.set(k, LearnError.numericalFailure(estimator: config.name, reason: "\(error)"))
    }
  }
  if let error = errors.items.compactMap({ $0 }).first { throw error }
  let grown = slots.items.compactMap { $0 }
  return GrownForestPart(
    forest: CompactForest(
      trees: grown.map(\.0), normalise: normalise, valueCount: valueCount,
      featureCount: data.featureCount),
    importances: grown.map(\.1))
}

/// Mean of the per-tree importances over trees that split at least once, normalised
/// (scikit-learn's forest `feature_importances_`).
func forestImportances(_ perTree: [[Double]], featureCount d: Int) -> [Double] {
  let used = perTree.filter { !$0.isEmpty }
  guard !used.isEmpty else { return [Double](repeating: 0, count: d) }
  var mean = [Double](repeating: 0, count: d)
  for imp in used { for f in 0..<d { mean[f] += imp[f] } }
  for f in 0..<d { mean[f] /= Double(used.count) }
  let total = mean.reduce(0, +)
  if total > 0 { for f in 0..<d { mean[f] /= total } }
  return mean
}

/// Out-of-bag sums: for each row, the summed leaf values of the trees that did not draw it,
/// and how many such trees there were. Rows are processed in parallel, trees in order.
func outOfBag(
  forest: CompactForest, x: Matrix, seed: UInt64, draws: Int, threads: Int
) -> (sums: [Double], counts: [Int]) {
  let n = x.rowCount
  let k = forest.valueCount
  let treeCount = forest.treeCount
  // inBag[t][i] for every tree (regenerated from the seeds, as scikit-learn does).
  let bags = ParallelSlots<[Bool]>(count: treeCount)
  parallelFor(treeCount, threads: threads) { t in
    let drawn = bootstrapCounts(seed: seed, index: t, rowCount: n, draws: draws)
    bags.set(t, drawn.counts.map { $0 > 0 })
  }
  let inBag = bags.items.map { $0 ?? [] }
  var sums = [Double](repeating: 0, count: n * k)
  var counts = [Int](repeating: 0, count: n)
  x.withUnsafeStorage { s in
    guard let base = s.baseAddress else { return }
    let d = x.columnCount
    sums.withUnsafeMutableBufferPointer { sb in
      guard let out = sb.baseAddress else { return }
      for i in 0..<n {
        for t in 0..<treeCount where !inBag[t][i] {
          forest.accumulate(row: base + i * d, into: out + i * k, trees: t..<(t + 1))
          counts[i] += 1
        }
      }
    }
  }
  return (sums, counts)
}

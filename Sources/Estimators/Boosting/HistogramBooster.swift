import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The hyperparameters shared by the histogram boosters, after validation.
struct BoostingSettings: Sendable {
  var learningRate: Double
  var maxIter: Int
  var maxLeafNodes: Int?
  var maxDepth: Int?
  var minSamplesLeaf: Int
  var l2Regularization: Double
  var maxBins: Int
  var earlyStopping: Bool
  var validationFraction: Double?
  var nIterNoChange: Int
  var tol: Double
  var threads: Int?
}

/// A fitted histogram gradient-boosting model: the bin edges, the baseline and the trees.
struct HistogramBooster: Sendable, Hashable, Codable {
  var binning: FeatureBinning
  var objective: BoostingObjective
  /// The constant raw prediction before the first tree, one per tree of an iteration.
  var baseline: [Double]
  /// `trees[iteration][k]`: the `k`-th tree of each iteration (one per class for multiclass).
  var trees: [[HistogramTree]]
  /// The training loss before the first and after every iteration (negated: higher is better).
  var trainScores: [Double]
  /// The same on the validation rows when early stopping held some out, else empty.
  var validationScores: [Double]
  var featureCount: Int
  var seedUsed: UInt64

  /// The number of boosting iterations kept.
  var iterationCount: Int { trees.count }

  /// Raw predictions, class-major (`out[k·n + i]`), after the first `iterations` iterations.
  func rawPredictions(_ x: Matrix, iterations: Int? = nil, threads: Int? = nil) -> [Double] {
    let n = x.rowCount
    let d = x.columnCount
    let k = objective.treesPerIteration
    let used = min(iterations ?? trees.count, trees.count)
    var out = [Double](repeating: 0, count: n * k)
    let chunks = ParallelLoop.ranges(count: n, parts: n >= 4096 ? 64 : 1)
    x.withUnsafeStorage { s in
      out.withUnsafeMutableBufferPointer { o in
        let target = SendablePointer(o.baseAddress)
        ParallelLoop.run(count: chunks.count, threads: threads) { c in
          guard let base = s.baseAddress, let out = target.pointer else { return }
          for i in chunks[c] {
            let row = base + i * d
            for t in 0..<k {
              var value = baseline[t]
              for iteration in 0..<used { value += trees[iteration][t].value(row: row) }
              out[t * n + i] = value
            }
          }
        }
      }
    }
    return out
  }

  /// Fits the trees. `y` holds targets, or class codes as doubles for the classifiers;
  /// `stratify` holds class codes for a stratified validation split.
  static func fit(
    _ x: Matrix, _ y: [Double], weights: [Double]?, objective: BoostingObjective,
    settings: BoostingSettings, seed: UInt64, stratify: [Int]?
  ) throws -> HistogramBooster {
    let generator = SeededGenerator(seed: seed)
    let n = x.rowCount
    // Hold out validation rows (scikit-learn's train_test_split, stratified for classifiers).
    var trainRows = Array(0..<n)
    var validationRows: [Int] = []
    if settings.earlyStopping, let fraction = settings.validationFraction {
      var splitter = generator.child(1)
      (trainRows, validationRows) = holdOut(
        rowCount: n, fraction: fraction, stratify: stratify, generator: &splitter)
    }
    let yTrain = trainRows.map { y[$0] }
    let wTrain = weights.map { w in trainRows.map { w[$0] } }
    let yValidation = validationRows.map { y[$0] }
    let wValidation = weights.map { w in validationRows.map { w[$0] } }

    var binningGenerator = generator.child(2)
    let binningSample = try x.rows(trainRows)
    let binning = FeatureBinning(
      fitting: binningSample, maxBins: settings.maxBins, subsample: 200_000,
      generator: &binningGenerator)
    let data = BinnedData(
      codes: binning.transform(binningSample), rowCount: trainRows.count, binning: binning)
    let validationCodes = validationRows.isEmpty ? [] : binning.transform(x, rows: validationRows)

    let k = objective.treesPerIteration
    let m = trainRows.count
    let v = validationRows.count
    let baseline = objective.baseline(yTrain, weights: wTrain)
    var raw = [Double](repeating: 0, count: m * k)
    var rawValidation = [Double](repeating: 0, count: v * k)
    for t in 0..<k {
      for i in 0..<m { raw[t * m + i] = baseline[t] }
      for i in 0..<v { rawValidation[t * v + i] = baseline[t] }
    }
    let grower = HistogramTreeGrower(
      data: data,
      settings: GrowerSettings(
        maxLeafNodes: settings.maxLeafNodes, maxDepth: settings.maxDepth,
        minSamplesLeaf: settings.minSamplesLeaf, l2Regularization: settings.l2Regularization,
        learningRate: settings.learningRate, threads: settings.threads))
    var gradients = [[Float]](repeating: [Float](repeating: 0, count: m), count: k)
    var hessians = [[Float]](repeating: [Float](repeating: 0, count: m), count: k)
    var trees: [[HistogramTree]] = []
    var trainScores = [-objective.meanLoss(raw: raw, y: yTrain, weights: wTrain)]
    var validationScores: [Double] = []
    if v > 0 {
      validationScores.append(
        -objective.meanLoss(raw: rawValidation, y: yValidation, weights: wValidation))
    }
    let weightValues = wTrain ?? []
    let hasWeights = wTrain != nil
    let rowChunks = ParallelLoop.ranges(count: m, parts: m >= 8192 ? 16 : 1)
    let missing = UInt8(truncatingIfNeeded: binning.missingBin)

    for _ in 0..<settings.maxIter {
      // Gradients of every tree of this iteration, from the predictions before it.
      raw.withUnsafeBufferPointer { r in
        yTrain.withUnsafeBufferPointer { yb in
          weightValues.withUnsafeBufferPointer { wb in
            let weightPointer = UncheckedBox(hasWeights ? wb.baseAddress : nil)
            for t in 0..<k {
              gradients[t].withUnsafeMutableBufferPointer { g in
                hessians[t].withUnsafeMutableBufferPointer { h in
                  let gp = SendablePointer(g.baseAddress)
                  let hp = SendablePointer(h.baseAddress)
                  ParallelLoop.run(count: rowChunks.count, threads: settings.threads) { c in
                    guard let rb = r.baseAddress, let ybase = yb.baseAddress,
                      let gOut = gp.pointer, let hOut = hp.pointer
                    else { return }
                    objective.gradients(
                      raw: rb, rowCount: m, y: ybase, weights: weightPointer.value, tree: t,
                      range: rowChunks[c], gradients: gOut, hessians: hOut)
                  }
                }
              }
            }
          }
        }
      }
      var iterationTrees: [HistogramTree] = []
      for t in 0..<k {
        let (tree, leaves) = grower.grow(gradients: gradients[t], hessians: hessians[t])
        iterationTrees.append(tree)
        // Training predictions straight from the leaves' row ranges.
        grower.indices.withUnsafeBufferPointer { idx in
          for leaf in leaves {
            for position in leaf.rows { raw[t * m + idx[position]] += leaf.value }
          }
        }
        if v > 0 {
          validationCodes.withUnsafeBufferPointer { codes in
            guard let base = codes.baseAddress else { return }
            for i in 0..<v {
              rawValidation[t * v + i] += tree.value(
                codes: base + i * data.featureCount, missingBin: missing)
            }
          }
        }
      }
      trees.append(iterationTrees)
      if settings.earlyStopping {
        if v > 0 {
          validationScores.append(
            -objective.meanLoss(raw: rawValidation, y: yValidation, weights: wValidation))
          if shouldStop(validationScores, settings) { break }
        } else {
          trainScores.append(-objective.meanLoss(raw: raw, y: yTrain, weights: wTrain))
          if shouldStop(trainScores, settings) { break }
        }
      }
      // Every leaf of every tree of this iteration is a single root leaf: nothing more to learn.
      if iterationTrees.allSatisfy({ $0.nodes.count == 1 }) { break }
    }
    return HistogramBooster(
      binning: binning, objective: objective, baseline: baseline, trees: trees,
      trainScores: trainScores, validationScores: validationScores,
      featureCount: x.columnCount, seedUsed: seed)
  }

  /// scikit-learn's rule: stop when none of the last `nIterNoChange` scores beats the one
  /// before them by more than `tol`.
  static func shouldStop(_ scores: [Double], _ settings: BoostingSettings) -> Bool {
    let reference = settings.nIterNoChange + 1
    guard scores.count >= reference else { return false }
    let bar = scores[scores.count - reference] + settings.tol
    return !scores[(scores.count - reference + 1)...].contains { $0 > bar }
  }

  /// A seeded split into training and validation rows; `ceil(fraction·n)` validation rows
  /// (scikit-learn's `train_test_split` rounding), drawn per class when `stratify` is given.
  static func holdOut(
    rowCount n: Int, fraction: Double, stratify: [Int]?, generator: inout SeededGenerator
  ) -> ([Int], [Int]) {
    let testCount = min(n - 1, max(1, Int((fraction * Double(n)).rounded(.up))))
    var isTest = [Bool](repeating: false, count: n)
    if let stratify {
      var byClass: [Int: [Int]] = [:]
      for i in 0..<n { byClass[stratify[i], default: []].append(i) }
      var assigned = 0
      let classes = byClass.keys.sorted()
      for (position, c) in classes.enumerated() {
        guard var rows = byClass[c] else { continue }
        generator.shuffle(&rows)
        let share =
          position == classes.count - 1
          ? testCount - assigned
          : Int((Double(rows.count) * Double(testCount) / Double(n)).rounded())
        let take = min(max(0, share), rows.count)
        for r in rows.prefix(take) { isTest[r] = true }
        assigned += take
      }
    } else {
      var rows = Array(0..<n)
      generator.shuffle(&rows)
      for r in rows.prefix(testCount) { isTest[r] = true }
    }
    let train = (0..<n).filter { !isTest[$0] }
    let test = (0..<n).filter { isTest[$0] }
    return (train, test)
  }
}

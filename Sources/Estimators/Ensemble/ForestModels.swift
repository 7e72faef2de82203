import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Checks one row for the single-row prediction paths (no allocation on success).
@inline(__always)
func checkRow(_ row: UnsafeBufferPointer<Double>, featureCount: Int) throws {
  guard row.count == featureCount else {
    throw LearnError.featureCountMismatch(expected: featureCount, got: row.count)
  }
  for j in 0..<row.count where row[j].isInfinite {
    throw LearnError.nonFinite(input: "X", row: 0, column: j)
  }
}

/// A fitted forest classifier (``RandomForestClassifier`` or ``ExtraTreesClassifier``).
///
/// Probabilities are the mean of the trees' leaf class fractions, like scikit-learn's
/// `predict_proba`; batch prediction runs on ``threadCount`` workers and gives the same bits
/// for any thread count.
public struct ForestClassifierModel<Label: ClassLabel>: ProbabilisticClassifier,
  FeatureImportancesProviding, Hashable
{
  /// The number of features seen during fit.
  public let featureCount: Int
  /// The label codec; its classes are ``classes``.
  public let encoding: LabelEncoding<Label>
  /// The trees in the compact prediction layout.
  public let forest: CompactForest
  /// Each tree's impurity importances (empty for a tree that never split).
  let treeImportances: [[Double]]
  /// The seed the trees were derived from (tree `i` uses child seed `i`).
  public let seedUsed: UInt64
  /// Out-of-bag accuracy when fitted with `oobScore: true` (scikit-learn's `oob_score_`).
  public let oobScore: Double?
  /// Out-of-bag class probabilities per training row (`oob_decision_function_`).
  public let oobDecisionFunction: Matrix?
  /// Workers used by batch prediction (`nil`: all processors).
  public var threadCount: Int?

  /// The sorted distinct training labels (scikit-learn's `classes_`).
  public var classes: [Label] { encoding.classes }
  /// The number of trees.
  public var treeCount: Int { forest.treeCount }
  /// Mean impurity importances over the trees (scikit-learn's `feature_importances_`).
  public var featureImportances: [Double] {
    forestImportances(treeImportances, featureCount: featureCount)
  }
  /// The bytes this model holds in memory (nodes, leaf values, importances).
  public var memoryFootprint: Int {
    forest.memoryFootprint + treeImportances.reduce(0) { $0 + $1.capacity * 8 }
      + MemoryLayout<Self>.size
  }

  /// Mean class probabilities (scikit-learn's `predict_proba`).
  ///
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
  public func predictProbabilities(_ x: Matrix) throws -> Matrix {
    try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
    let k = forest.valueCount
    let values = x.withUnsafeStorage {
      forest.averaged(
        $0, rowCount: x.rowCount,
        threads: threadCount ?? ProcessInfo.processInfo.activeProcessorCount)
    }
    return try Matrix(rowCount: x.rowCount, columnCount: k, storage: values)
  }

  /// The class with the highest mean probability (ties go to the first class).
  ///
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
  public func predict(_ x: Matrix) throws -> [Label] {
    let p = try predictProbabilities(x)
    let k = p.columnCount
    var codes = [Int](repeating: 0, count: p.rowCount)
    p.withUnsafeStorage { s in
      for r in 0..<p.rowCount {
        var best = 0
        for c in 1..<max(k, 1) where s[r * k + c] > s[r * k + best] { best = c }
        codes[r] = best
      }
    }
    return try encoding.decode(codes)
  }

  /// Mean class probabilities of one row, written into `out` (one per class); allocates
  /// nothing.
  ///
  /// - Parameters:
  ///   - row: ``featureCount`` values (NaN means missing).
  ///   - out: Space for one probability per class.
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)`, `LearnError.nonFinite(input:row:column:)`
  ///   for infinity, `LearnError.lengthMismatch(input:expected:got:)` for a wrong `out` size.
  public func predictProbabilities(
    row: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>
  ) throws {
    try checkRow(row, featureCount: featureCount)
    let k = forest.valueCount
    guard out.count == k, let o = out.baseAddress, let r = row.baseAddress else {
      throw LearnError.lengthMismatch(input: "out", expected: k, got: out.count)
    }
    for c in 0..<k { o[c] = 0 }
    forest.accumulate(row: r, into: o, trees: 0..<forest.treeCount)
    let scale = 1 / Double(forest.treeCount)
    for c in 0..<k { o[c] *= scale }
  }

  /// The predicted class of one row; allocates nothing beyond the returned label.
  ///
  /// - Parameter row: ``featureCount`` values (NaN means missing).
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)`, `LearnError.nonFinite(input:row:column:)`.
  public func predict(row: [Double]) throws -> Label {
    let k = forest.valueCount
    let best = try withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { buffer in
      try row.withUnsafeBufferPointer { try predictProbabilities(row: $0, into: buffer) }
      var best = 0
      for c in 1..<max(k, 1) where buffer[c] > buffer[best] { best = c }
      return best
    }
    return encoding.classes[best]
  }

  /// The leaf (node index within each tree) every row reaches in every tree (`apply`).
  ///
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
  public func apply(_ x: Matrix) throws -> [[Int]] {
    try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
    return x.withUnsafeStorage { forest.leafIndices($0, rowCount: x.rowCount) }
  }
}

/// A fitted forest regressor (``RandomForestRegressor`` or ``ExtraTreesRegressor``).
///
/// Predictions are the mean of the trees' leaf values; batch prediction runs on
/// ``threadCount`` workers and gives the same bits for any thread count.
public struct ForestRegressorModel: FittedRegressor, FeatureImportancesProviding, Hashable {
  /// The number of features seen during fit.
  public let featureCount: Int
  /// The trees in the compact prediction layout.
  public let forest: CompactForest
  let treeImportances: [[Double]]
  /// The seed the trees were derived from (tree `i` uses child seed `i`).
  public let seedUsed: UInt64
  /// Out-of-bag R² when fitted with `oobScore: true` (scikit-learn's `oob_score_`).
  public let oobScore: Double?
  /// Out-of-bag prediction per training row (`oob_prediction_`).
  public let oobPrediction: [Double]?
  /// Workers used by batch prediction (`nil`: all processors).
  public var threadCount: Int?

  /// The number of trees.
  public var treeCount: Int { forest.treeCount }
  /// Mean impurity importances over the trees (scikit-learn's `feature_importances_`).
  public var featureImportances: [Double] {
    forestImportances(treeImportances, featureCount: featureCount)
  }
  /// The bytes this model holds in memory (nodes, leaf values, importances).
  public var memoryFootprint: Int {
    forest.memoryFootprint + treeImportances.reduce(0) { $0 + $1.capacity * 8 }
      + MemoryLayout<Self>.size
  }

  /// The mean of the trees' predictions.
  ///
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
  public func predict(_ x: Matrix) throws -> [Double] {
    try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
    return x.withUnsafeStorage {
      forest.averaged(
        $0, rowCount: x.rowCount,
        threads: threadCount ?? ProcessInfo.processInfo.activeProcessorCount)
    }
  }

  /// The prediction for one row; allocates nothing.
  ///
  /// - Parameter row: ``featureCount`` values (NaN means missing).
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)`, `LearnError.nonFinite(input:row:column:)`.
  public func predict(row: UnsafeBufferPointer<Double>) throws -> Double {
    try checkRow(row, featureCount: featureCount)
    guard let r = row.baseAddress else { return 0 }
    var total = 0.0
    withUnsafeMutablePointer(to: &total) {
      forest.accumulate(row: r, into: $0, trees: 0..<forest.treeCount)
    }
    return total / Double(forest.treeCount)
  }

  /// The prediction for one row; allocates nothing.
  ///
  /// - Parameter row: ``featureCount`` values (NaN means missing).
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)`, `LearnError.nonFinite(input:row:column:)`.
  public func predict(row: [Double]) throws -> Double {
    try row.withUnsafeBufferPointer { try predict(row: $0) }
  }

  /// The leaf (node index within each tree) every row reaches in every tree (`apply`).
  ///
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
  public func apply(_ x: Matrix) throws -> [[Int]] {
    try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
    return x.withUnsafeStorage { forest.leafIndices($0, rowCount: x.rowCount) }
  }
}

// MARK: - Fitting

func fitForestClassifier<Label: ClassLabel>(
  config: ForestConfig, criterion: ClassificationCriterion, classWeight: ClassWeight<Label>?,
  seed: UInt64?, x: Matrix, y: [Label], sampleWeight: [Double]?,
  previous: ForestClassifierModel<Label>?
) throws -> ForestClassifierModel<Label> {
  try config.validate()
  if case .weights(let w) = classWeight {
    for (label, v) in w where !(v.isFinite && v >= 0) {
      throw LearnError.invalidParameter(
        estimator: config.name, name: "classWeight", value: "\(label): \(v)",
        expected: "finite, non-negative weights")
    }
  }
  try Validate.features(x, allowNaN: true)
  try Validate.labels(y, sampleCount: x.rowCount)
  let given = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
  let encoding = try previous.map { $0.encoding } ?? LabelEncoding(fitting: y)
  let codes = try encoding.encode(y).map { Int32($0) }
  var weights = given ?? [Double](repeating: 1, count: x.rowCount)
  var subsample: (codes: [Int32], classes: Int)? = nil
  if case .balancedSubsample = classWeight, config.bootstrap {
    subsample = (codes, encoding.classCount)
  } else if let factors = try classWeightFactors(classWeight, encoding: encoding, codes: codes) {
    for i in 0..<weights.count { weights[i] *= factors[i] }
  }
  let existing = previous?.treeCount ?? 0
  if let previous {
    guard previous.featureCount == x.columnCount else {
      throw LearnError.featureCountMismatch(expected: previous.featureCount, got: x.columnCount)
    }
    guard config.estimatorCount >= existing else {
      throw LearnError.invalidParameter(
        estimator: config.name, name: "estimatorCount", value: "\(config.estimatorCount)",
        expected: "at least the \(existing) trees of the model being extended")
    }
  }
  let seedUsed = previous?.seedUsed ?? seed ?? SeededGenerator.randomSeed()
  var forest = previous?.forest
  var importances = previous?.treeImportances ?? []
  let toGrow = config.estimatorCount - existing
  if toGrow > 0 {
    let data = TreeTrainingData(
      x, presort: config.tree.splitter == .best, threads: config.threads)
    let part = try growForestTrees(
      config: config, data: data,
      target: .classes(
        codes: codes, classCount: encoding.classCount, entropy: criterion != .gini),
      baseWeights: weights, seed: seedUsed, first: existing, count: toGrow,
      balancedSubsample: subsample, normalise: true, valueCount: encoding.classCount)
    forest = forest.map { $0.appending(part.forest) } ?? part.forest
    importances += part.importances
  }
  guard let forest else {
    throw LearnError.numericalFailure(estimator: config.name, reason: "no trees were grown")
  }
  var oobScore: Double? = nil
  var oobMatrix: Matrix? = nil
  if config.oobScore {
    let draws =
      try config.maxSamples?.resolved(sampleCount: x.rowCount, estimator: config.name)
      ?? x.rowCount
    let (sums, counts) = outOfBag(
      forest: forest, x: x, seed: seedUsed, draws: draws, threads: config.threads)
    let k = encoding.classCount
    var decision = sums
    var correct = 0
    for i in 0..<x.rowCount {
      let c = Double(counts[i])
      var best = 0
      for j in 0..<k {
        decision[i * k + j] = c > 0 ? sums[i * k + j] / c : 0
        if decision[i * k + j] > decision[i * k + best] { best = j }
      }
      if Int32(best) == codes[i] { correct += 1 }
    }
    oobScore = Double(correct) / Double(x.rowCount)
    oobMatrix = try Matrix(rowCount: x.rowCount, columnCount: k, storage: decision)
  }
  return ForestClassifierModel(
    featureCount: x.columnCount, encoding: encoding, forest: forest,
    treeImportances: importances, seedUsed: seedUsed, oobScore: oobScore,
    oobDecisionFunction: oobMatrix, threadCount: config.threadCount)
}

func fitForestRegressor(
  config: ForestConfig, criterion: RegressionCriterion, seed: UInt64?, x: Matrix, y: [Double],
  sampleWeight: [Double]?, previous: ForestRegressorModel?
) throws -> ForestRegressorModel {
  try config.validate()
  try Validate.features(x, allowNaN: true)
  try Validate.target(y, sampleCount: x.rowCount)
  try checkPoissonTarget(y, criterion: criterion)
  let given = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
  let weights = given ?? [Double](repeating: 1, count: x.rowCount)
  let existing = previous?.treeCount ?? 0
  if let previous {
    guard previous.featureCount == x.columnCount else {
      throw LearnError.featureCountMismatch(expected: previous.featureCount, got: x.columnCount)
    }
    guard config.estimatorCount >= existing else {
      throw LearnError.invalidParameter(
        estimator: config.name, name: "estimatorCount", value: "\(config.estimatorCount)",
        expected: "at least the \(existing) trees of the model being extended")
    }
  }
  let seedUsed = previous?.seedUsed ?? seed ?? SeededGenerator.randomSeed()
  var forest = previous?.forest
  var importances = previous?.treeImportances ?? []
  let toGrow = config.estimatorCount - existing
  if toGrow > 0 {
    let data = TreeTrainingData(
      x, presort: config.tree.splitter == .best, threads: config.threads)
    let part = try growForestTrees(
      config: config, data: data,
      target: .values(y, criterion == .friedmanMSE ? .squaredError : criterion),
      baseWeights: weights, seed: seedUsed, first: existing, count: toGrow,
      balancedSubsample: nil, normalise: false, valueCount: 1)
    forest = forest.map { $0.appending(part.forest) } ?? part.forest
    importances += part.importances
  }
  guard let forest else {
    throw LearnError.numericalFailure(estimator: config.name, reason: "no trees were grown")
  }
  var oobScore: Double? = nil
  var oobPrediction: [Double]? = nil
  if config.oobScore {
    let draws =
      try config.maxSamples?.resolved(sampleCount: x.rowCount, estimator: config.name)
      ?? x.rowCount
    let (sums, counts) = outOfBag(
      forest: forest, x: x, seed: seedUsed, draws: draws, threads: config.threads)
    var prediction = [Double](repeating: 0, count: x.rowCount)
    for i in 0..<x.rowCount where counts[i] > 0 { prediction[i] = sums[i] / Double(counts[i]) }
    let mean = y.reduce(0, +) / Double(y.count)
    var residual = 0.0
    var spread = 0.0
    for i in 0..<y.count {
      residual += (y[i] - prediction[i]) * (y[i] - prediction[i])
      spread += (y[i] - mean) * (y[i] - mean)
    }
    oobScore = spread > 0 ? 1 - residual / spread : 0
    oobPrediction = prediction
  }
  return ForestRegressorModel(
    featureCount: x.columnCount, forest: forest, treeImportances: importances,
    seedUsed: seedUsed, oobScore: oobScore, oobPrediction: oobPrediction,
    threadCount: config.threadCount)
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Whether a histogram booster holds out rows and stops when they stop improving
/// (scikit-learn's `early_stopping`).
public enum EarlyStopping: String, Sendable, Hashable, Codable, CaseIterable {
  /// On when the training set has more than 10,000 rows (scikit-learn's default).
  case auto
  /// Always on.
  case on
  /// Always off: exactly `maxIter` iterations.
  case off
}

/// Gradient boosting on histograms of binned features — the LightGBM algorithm, as in
/// scikit-learn's `HistGradientBoostingRegressor`.
///
/// Each feature is binned once into at most `maxBins` ordered bins plus a bin for missing
/// values; every iteration fits one regression tree to the loss gradients, growing it leaf by
/// leaf (largest gain first) from gradient/hessian histograms, the larger child's histogram
/// being its parent's minus its sibling's. Missing values (NaN) are accepted: each split
/// learns which side they go to. Histograms and split searches run in parallel over features;
/// the model does not depend on the thread count.
///
/// scikit-learn: `sklearn.ensemble.HistGradientBoostingRegressor`; defaults match 1.9
/// (`loss="squared_error"`, `learning_rate=0.1`, `max_iter=100`, `max_leaf_nodes=31`,
/// `min_samples_leaf=20`, `l2_regularization=0`, `max_bins=255`, `early_stopping="auto"`,
/// `validation_fraction=0.1`, `n_iter_no_change=10`, `tol=1e-7`).
///
///     let model = try HistGradientBoostingRegressor(maxIter: 200, seed: 0).fit(x, y)
///     let predictions = try model.predict(xTest)
///
/// - Complexity: O(n·d) per iteration to build the root histogram, less below it.
public struct HistGradientBoostingRegressor: Regressor, SampleWeightedEstimator,
  RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The loss (scikit-learn's `loss`, with its spellings as raw values).
  public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
    /// Half squared error; identity link.
    case squaredError = "squared_error"
    /// Half Poisson deviance; log link. Targets must be non-negative with a positive sum.
    case poisson
    /// Half gamma deviance; log link. Targets must be positive.
    case gamma
  }

  /// The loss.
  public var loss: Loss
  /// Shrinkage applied to every leaf value (scikit-learn's `learning_rate`).
  public var learningRate: Double
  /// The most boosting iterations (scikit-learn's `max_iter`).
  public var maxIter: Int
  /// The most leaves per tree; `nil` for no limit (scikit-learn's `max_leaf_nodes`).
  public var maxLeafNodes: Int?
  /// The deepest a tree may grow; `nil` for no limit (scikit-learn's `max_depth`).
  public var maxDepth: Int?
  /// The fewest training rows in a leaf (scikit-learn's `min_samples_leaf`).
  public var minSamplesLeaf: Int
  /// L2 penalty on leaf values (scikit-learn's `l2_regularization`).
  public var l2Regularization: Double
  /// Bins per feature for non-missing values, at most 255 (scikit-learn's `max_bins`).
  public var maxBins: Int
  /// Whether to stop early (scikit-learn's `early_stopping`).
  public var earlyStopping: EarlyStopping
  /// The share of rows held out for early stopping; `nil` uses the training loss
  /// (scikit-learn's `validation_fraction`).
  public var validationFraction: Double?
  /// Iterations without improvement before stopping (scikit-learn's `n_iter_no_change`).
  public var nIterNoChange: Int
  /// The improvement that counts (scikit-learn's `tol`).
  public var tol: Double
  /// Seed for the validation split and the binning subsample (scikit-learn's
  /// `random_state`).
  public var seed: UInt64?
  /// Threads for histograms and prediction; `nil` uses every core. The model is the same for
  /// any value.
  public var threadCount: Int?

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    loss: Loss = .squaredError, learningRate: Double = 0.1, maxIter: Int = 100,
    maxLeafNodes: Int? = 31, maxDepth: Int? = nil, minSamplesLeaf: Int = 20,
    l2Regularization: Double = 0, maxBins: Int = 255, earlyStopping: EarlyStopping = .auto,
    validationFraction: Double? = 0.1, nIterNoChange: Int = 10, tol: Double = 1e-7,
    seed: UInt64? = nil, threadCount: Int? = nil
  ) {
    self.loss = loss
    self.learningRate = learningRate
    self.maxIter = maxIter
    self.maxLeafNodes = maxLeafNodes
    self.maxDepth = maxDepth
    self.minSamplesLeaf = minSamplesLeaf
    self.l2Regularization = l2Regularization
    self.maxBins = maxBins
    self.earlyStopping = earlyStopping
    self.validationFraction = validationFraction
    self.nIterNoChange = nIterNoChange
    self.tol = tol
    self.seed = seed
    self.threadCount = threadCount
  }

  public init() { self.init(loss: .squaredError) }

  /// NaN is accepted in the features; weights are supported.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false, supportsSampleWeight: true)
  }

  /// Checks every hyperparameter.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming it.
  public func validateHyperparameters() throws {
    try BoostingChecks.validate(
      estimator: "HistGradientBoostingRegressor", learningRate: learningRate, maxIter: maxIter,
      maxLeafNodes: maxLeafNodes, maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf,
      l2Regularization: l2Regularization, maxBins: maxBins,
      validationFraction: validationFraction, nIterNoChange: nIterNoChange, tol: tol,
      threadCount: threadCount)
  }

  /// Bins the features and fits the trees.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`; input errors
  ///   (infinite features — NaN is allowed); `LearnError.unsupportedInput(input:reason:)` for
  ///   negative targets with `.poisson` (or an all-zero target) and non-positive ones with
  ///   `.gamma`.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let objective: BoostingObjective
    switch loss {
    case .squaredError: objective = .squaredError
    case .poisson:
      if let row = y.firstIndex(where: { $0 < 0 }) {
        throw LearnError.unsupportedInput(
          input: "y", reason: "loss poisson needs y >= 0; row \(row) is \(y[row])")
      }
      guard y.contains(where: { $0 > 0 }) else {
        throw LearnError.unsupportedInput(
          input: "y", reason: "loss poisson needs sum(y) > 0; every target is 0")
      }
      objective = .poisson
    case .gamma:
      if let row = y.firstIndex(where: { $0 <= 0 }) {
        throw LearnError.unsupportedInput(
          input: "y", reason: "loss gamma needs y > 0; row \(row) is \(y[row])")
      }
      objective = .gamma
    }
    let seed = self.seed ?? SeededGenerator.randomSeed()
    let booster = try HistogramBooster.fit(
      x, y, weights: weights, objective: objective,
      settings: BoostingChecks.settings(
        learningRate: learningRate, maxIter: maxIter, maxLeafNodes: maxLeafNodes,
        maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf, l2Regularization: l2Regularization,
        maxBins: maxBins, earlyStopping: earlyStopping, rowCount: x.rowCount,
        validationFraction: validationFraction, nIterNoChange: nIterNoChange, tol: tol,
        threadCount: threadCount),
      seed: seed, stratify: nil)
    return Fitted(booster: booster, threadCount: threadCount)
  }

  /// A fitted ``HistGradientBoostingRegressor``.
  public struct Fitted: FittedRegressor, Hashable {
    var booster: HistogramBooster
    /// Threads used by `predict`.
    public var threadCount: Int?

    /// The number of features seen during fit.
    public var featureCount: Int { booster.featureCount }
    /// Boosting iterations kept (scikit-learn's `n_iter_`).
    public var iterationCount: Int { booster.iterationCount }
    /// The negated training loss before the first and after each iteration when early
    /// stopping used it (scikit-learn's `train_score_`).
    public var trainScores: [Double] { booster.trainScores }
    /// The negated validation loss, when rows were held out (scikit-learn's
    /// `validation_score_`).
    public var validationScores: [Double] { booster.validationScores }
    /// The seed used.
    public var seedUsed: UInt64 { booster.seedUsed }
    /// Leaves of every tree, in fit order.
    public var leafCounts: [Int] { booster.trees.map { $0[0].leafCount } }

    /// Predicts with every tree (the inverse link of the raw score: `exp` for Poisson and
    /// gamma). NaN features follow the side learned at each split.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`, input errors.
    public func predict(_ x: Matrix) throws -> [Double] {
      try stagedPredict(x, iterations: iterationCount)
    }

    /// Predicts with the first `iterations` iterations only (scikit-learn's
    /// `staged_predict`, one stage at a time).
    ///
    /// - Throws: as ``predict(_:)``; `LearnError.invalidParameter` for a negative count.
    public func stagedPredict(_ x: Matrix, iterations: Int) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      try Check.count(
        iterations, atLeast: 0, estimator: "HistGradientBoostingRegressor", name: "iterations")
      let raw = booster.rawPredictions(x, iterations: iterations, threads: threadCount)
      switch booster.objective {
      case .poisson, .gamma: return raw.map { exp($0) }
      default: return raw
      }
    }
  }
}

extension HistGradientBoostingRegressor.Fitted {
  enum CodingKeys: String, CodingKey { case booster, threadCount }

  /// Decodes and re-checks the trees (child links, features, finite values).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    booster = try c.decode(HistogramBooster.self, forKey: .booster)
    threadCount = try c.decodeIfPresent(Int.self, forKey: .threadCount)
    try booster.checkInvariants()
    switch booster.objective {
    case .squaredError, .poisson, .gamma: break
    default:
      throw LearnError.corruptModelFile(reason: "a classifier's trees in a regressor's file")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(booster, forKey: .booster)
    try c.encodeIfPresent(threadCount, forKey: .threadCount)
  }
}

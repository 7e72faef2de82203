import Foundation
import LinearAlgebra
import SwiftLearnCore

/// A random forest regressor: bootstrap-sampled regression trees whose predictions are averaged.
///
/// scikit-learn: `sklearn.ensemble.RandomForestRegressor` (1.9), with its defaults (`n_estimators=100`, `max_features=1.0`, `bootstrap=True`).
/// Each tree is grown with the best splitter on a bootstrap sample.
///
/// Trees are grown in parallel on ``threadCount`` workers (`nil`: all processors); tree `i`
/// draws its bootstrap sample and features from child seed `i` of ``seed``, so the same seed
/// gives a bit-identical forest for any thread count. NaN in `X` means missing (see
/// ``DecisionTreeRegressor``).
///
///     let forest = try RandomForestRegressor(seed: 0).fit(x, y)
///     let value = try forest.predict(row: x.row(0))
public struct RandomForestRegressor: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The number of trees (scikit-learn's `n_estimators`, default 100).
  public var estimatorCount: Int
  /// The impurity (default `.squaredError`).
  public var criterion: RegressionCriterion
  /// The maximum depth of each tree (default `nil`, unlimited).
  public var maxDepth: Int?
  /// The minimum samples to split a node (default `.count(2)`).
  public var minSamplesSplit: SampleThreshold
  /// The minimum samples in each leaf (default `.count(1)`).
  public var minSamplesLeaf: SampleThreshold
  /// The minimum fraction of the total sample weight in each leaf (default 0).
  public var minWeightFractionLeaf: Double
  /// The features considered per split (default `.all`, scikit-learn's `1.0`).
  public var maxFeatures: MaxFeatures
  /// Grow each tree best-first up to this many leaves (default `nil`).
  public var maxLeafNodes: Int?
  /// A split must decrease the weighted impurity by at least this much (default 0).
  public var minImpurityDecrease: Double
  /// Whether each tree sees a bootstrap sample (default true).
  public var bootstrap: Bool
  /// Whether to compute the out-of-bag R² (needs `bootstrap`; default false).
  public var oobScore: Bool
  /// Worker threads for fitting and batch prediction (scikit-learn's `n_jobs`; `nil`: all
  /// processors). The model does not depend on it.
  public var threadCount: Int?
  /// The seed (scikit-learn's `random_state`).
  public var seed: UInt64?
  /// Minimal cost-complexity pruning of each tree (default 0, none).
  public var ccpAlpha: Double
  /// Draws per bootstrap sample (default `nil`: as many as rows).
  public var maxSamples: MaxSamples?

  /// Creates the forest; every argument defaults to scikit-learn's value.
  public init(
    estimatorCount: Int = 100, criterion: RegressionCriterion = .squaredError,
    maxDepth: Int? = nil, minSamplesSplit: SampleThreshold = .count(2),
    minSamplesLeaf: SampleThreshold = .count(1), minWeightFractionLeaf: Double = 0,
    maxFeatures: MaxFeatures = .all, maxLeafNodes: Int? = nil, minImpurityDecrease: Double = 0,
    bootstrap: Bool = true, oobScore: Bool = false, threadCount: Int? = nil,
    seed: UInt64? = nil, ccpAlpha: Double = 0, maxSamples: MaxSamples? = nil
  ) {
    self.estimatorCount = estimatorCount
    self.criterion = criterion
    self.maxDepth = maxDepth
    self.minSamplesSplit = minSamplesSplit
    self.minSamplesLeaf = minSamplesLeaf
    self.minWeightFractionLeaf = minWeightFractionLeaf
    self.maxFeatures = maxFeatures
    self.maxLeafNodes = maxLeafNodes
    self.minImpurityDecrease = minImpurityDecrease
    self.bootstrap = bootstrap
    self.oobScore = oobScore
    self.threadCount = threadCount
    self.seed = seed
    self.ccpAlpha = ccpAlpha
    self.maxSamples = maxSamples
  }

  public init() { self.init(estimatorCount: 100) }

  /// NaN in `X` is accepted; weights are supported; the model depends on the seed.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false, supportsSampleWeight: true)
  }

  /// The fitted forest.
  public typealias Fitted = ForestRegressorModel

  var config: ForestConfig {
    ForestConfig(
      name: "RandomForestRegressor",
      tree: TreeSettings(
        splitter: .best, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
        minSamplesLeaf: minSamplesLeaf, minWeightFractionLeaf: minWeightFractionLeaf,
        maxFeatures: maxFeatures, maxLeafNodes: maxLeafNodes,
        minImpurityDecrease: minImpurityDecrease, ccpAlpha: ccpAlpha),
      estimatorCount: estimatorCount, bootstrap: bootstrap, oobScore: oobScore,
      maxSamples: maxSamples, threadCount: threadCount)
  }

  /// Checks every hyperparameter, naming the first one out of range.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`.
  public func validateHyperparameters() throws { try config.validate() }

  /// Grows ``estimatorCount`` trees.
  ///
  /// - Parameters:
  ///   - x: The features; NaN means missing.
  ///   - y: One finite target per row (non-negative with a positive sum for Poisson).
  ///   - sampleWeight: Optional non-negative weights.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.unsupportedInput(input:reason:)` for negative Poisson targets, and input
  ///   errors.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try fitForestRegressor(
      config: config, criterion: criterion, seed: seed, x: x, y: y, sampleWeight: sampleWeight,
      previous: nil)
  }

  /// Warm start: keeps the trees of `previous` and grows more until there are
  /// ``estimatorCount`` (scikit-learn's `warm_start=True`). Tree `i` always comes from child
  /// seed `i` of `previous.seedUsed`, so growing 50 then 100 trees equals growing 100.
  ///
  /// - Parameters:
  ///   - x: The same features as before.
  ///   - y: The same targets as before.
  ///   - sampleWeight: Optional weights.
  ///   - previous: The model to extend.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` when
  ///   ``estimatorCount`` is below `previous.treeCount`, and input errors.
  public func fit(
    _ x: Matrix, _ y: [Double], sampleWeight: [Double]? = nil, extending previous: Fitted
  ) throws -> Fitted {
    try fitForestRegressor(
      config: config, criterion: criterion, seed: seed, x: x, y: y, sampleWeight: sampleWeight,
      previous: previous)
  }
}

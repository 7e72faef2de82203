import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Classic gradient boosting for regression: an additive model of depth-limited regression
/// trees, each fitted to the negative gradient of the loss.
///
/// scikit-learn equivalent: `sklearn.ensemble.GradientBoostingRegressor`. Each tree splits
/// with the friedman_mse criterion; for the absolute-error, Huber and quantile losses the
/// leaf values are then re-estimated per leaf (median, Huber step or quantile of the
/// residuals), as scikit-learn's `_update_terminal_regions` does.
///
/// Defaults: `loss: .squaredError`, `learningRate: 0.1`, `estimatorCount: 100`,
/// `subsample: 1`, `maxDepth: 3`, `minSamplesSplit: 2`, `minSamplesLeaf: 1`,
/// `maxFeatures: .all`, `alpha: 0.9`, `initStrategy: .prior`, no early stopping
/// (`iterationsWithoutChange: nil`, `validationFraction: 0.1`, `tol: 1e-4`).
///
/// Classic boosting does not accept missing values: NaN in `X` throws
/// `LearnError.nonFinite` (use `HistGradientBoostingRegressor` for data with gaps).
///
/// ```swift
/// let model = try GradientBoostingRegressor(estimatorCount: 200, seed: 0).fit(x, y)
/// let predictions = try model.predict(xTest)
/// ```
public struct GradientBoostingRegressor: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The regression losses (scikit-learn's `loss`).
  public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
    /// Squared error (least squares).
    case squaredError = "squared_error"
    /// Absolute error (least absolute deviation).
    case absoluteError = "absolute_error"
    /// Huber: squared below the `alpha` quantile of the absolute residuals, linear above.
    case huber
    /// Pinball loss for the `alpha` quantile.
    case quantile
  }

  /// The loss to minimise (`loss`).
  public var loss: Loss
  /// Shrinkage of each tree's contribution (`learning_rate`), `>= 0`.
  public var learningRate: Double
  /// Boosting stages (`n_estimators`), `>= 1`.
  public var estimatorCount: Int
  /// Fraction of rows drawn without replacement for each tree (`subsample`), in (0, 1].
  public var subsample: Double
  /// Minimum rows to split a node (`min_samples_split`).
  public var minSamplesSplit: SampleThreshold
  /// Minimum rows in a leaf (`min_samples_leaf`).
  public var minSamplesLeaf: SampleThreshold
  /// Minimum weight fraction in a leaf (`min_weight_fraction_leaf`).
  public var minWeightFractionLeaf: Double
  /// Maximum tree depth (`max_depth`); nil grows until the other limits stop it.
  public var maxDepth: Int?
  /// Minimum impurity decrease to split (`min_impurity_decrease`).
  public var minImpurityDecrease: Double
  /// How the model starts (`init`).
  public var initStrategy: GradientBoostingInit
  /// Seed for subsampling, feature sampling and the early-stopping split (`random_state`).
  public var seed: UInt64?
  /// Features considered per split (`max_features`).
  public var maxFeatures: MaxFeatures
  /// The quantile of the Huber and quantile losses (`alpha`), in (0, 1).
  public var alpha: Double
  /// Best-first growth with at most this many leaves (`max_leaf_nodes`).
  public var maxLeafNodes: Int?
  /// Fraction of rows held out for early stopping (`validation_fraction`), in (0, 1).
  public var validationFraction: Double
  /// Stop when the validation loss has not improved by `tol` for this many stages
  /// (`n_iter_no_change`); nil disables early stopping.
  public var iterationsWithoutChange: Int?
  /// The improvement early stopping requires (`tol`).
  public var tol: Double

  /// Creates a classic gradient boosting regressor; the defaults are scikit-learn's.
  ///
  /// - Parameters:
  ///   - loss: The loss to minimise.
  ///   - learningRate: Shrinkage per tree.
  ///   - estimatorCount: Boosting stages.
  ///   - subsample: Row fraction per tree.
  ///   - minSamplesSplit: Minimum rows to split.
  ///   - minSamplesLeaf: Minimum rows per leaf.
  ///   - minWeightFractionLeaf: Minimum weight fraction per leaf.
  ///   - maxDepth: Maximum depth of each tree.
  ///   - minImpurityDecrease: Minimum impurity decrease to split.
  ///   - initStrategy: The starting prediction.
  ///   - seed: Random seed; nil draws one.
  ///   - maxFeatures: Features considered per split.
  ///   - alpha: Quantile for the Huber and quantile losses.
  ///   - maxLeafNodes: Leaf limit for best-first growth.
  ///   - validationFraction: Held-out fraction for early stopping.
  ///   - iterationsWithoutChange: Early-stopping patience; nil disables it.
  ///   - tol: Required validation improvement.
  public init(
    loss: Loss = .squaredError, learningRate: Double = 0.1, estimatorCount: Int = 100,
    subsample: Double = 1, minSamplesSplit: SampleThreshold = .count(2),
    minSamplesLeaf: SampleThreshold = .count(1), minWeightFractionLeaf: Double = 0,
    maxDepth: Int? = 3, minImpurityDecrease: Double = 0,
    initStrategy: GradientBoostingInit = .prior, seed: UInt64? = nil,
    maxFeatures: MaxFeatures = .all, alpha: Double = 0.9, maxLeafNodes: Int? = nil,
    validationFraction: Double = 0.1, iterationsWithoutChange: Int? = nil, tol: Double = 1e-4
  ) {
    self.loss = loss
    self.learningRate = learningRate
    self.estimatorCount = estimatorCount
    self.subsample = subsample
    self.minSamplesSplit = minSamplesSplit
    self.minSamplesLeaf = minSamplesLeaf
    self.minWeightFractionLeaf = minWeightFractionLeaf
    self.maxDepth = maxDepth
    self.minImpurityDecrease = minImpurityDecrease
    self.initStrategy = initStrategy
    self.seed = seed
    self.maxFeatures = maxFeatures
    self.alpha = alpha
    self.maxLeafNodes = maxLeafNodes
    self.validationFraction = validationFraction
    self.iterationsWithoutChange = iterationsWithoutChange
    self.tol = tol
  }

  /// Creates a regressor with scikit-learn's defaults.
  public init() { self.init(loss: .squaredError) }

  /// Classic boosting needs finite `X`, takes sample weights and is randomized.
  public static var capabilities: Capabilities {
    Capabilities(isDeterministic: false, supportsSampleWeight: true)
  }

  var settings: ClassicBoostingSettings {
    ClassicBoostingSettings(
      name: "GradientBoostingRegressor", learningRate: learningRate,
      estimatorCount: estimatorCount, subsample: subsample,
      tree: TreeSettings(
        splitter: .best, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
        minSamplesLeaf: minSamplesLeaf, minWeightFractionLeaf: minWeightFractionLeaf,
        maxFeatures: maxFeatures, maxLeafNodes: maxLeafNodes,
        minImpurityDecrease: minImpurityDecrease, ccpAlpha: 0),
      initStrategy: initStrategy, validationFraction: validationFraction,
      iterationsWithoutChange: iterationsWithoutChange, tol: tol)
  }

  /// Checks every hyperparameter.
  ///
  /// - Throws: `LearnError.invalidParameter` naming the first parameter out of range.
  public func validateHyperparameters() throws {
    try settings.validate()
    if loss == .huber || loss == .quantile {
      guard alpha > 0 && alpha < 1 else {
        throw LearnError.invalidParameter(
          estimator: "GradientBoostingRegressor", name: "alpha", value: "\(alpha)",
          expected: "a number in (0, 1)")
      }
    }
  }

  /// Fits the boosted trees.
  ///
  /// - Parameters:
  ///   - x: Training features, finite (no NaN).
  ///   - y: Targets, one per row.
  ///   - sampleWeight: Optional non-negative row weights.
  /// - Returns: The fitted model.
  /// - Throws: `LearnError.invalidParameter`, `.nonFinite` (NaN or infinity in `X` or `y`),
  ///   `.emptyInput`, `.lengthMismatch`, `.invalidSampleWeight`.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let given = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let weights = given ?? [Double](repeating: 1, count: x.rowCount)
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let kind: BoostingLossKind
    switch loss {
    case .squaredError: kind = .squaredError
    case .absoluteError: kind = .absoluteError
    case .huber: kind = .huber(alpha)
    case .quantile: kind = .quantile(alpha)
    }
    let run = try runClassicBoosting(
      settings: settings, loss: kind, x: x, y: y, weights: weights, weighted: given != nil,
      strata: nil, seed: seedUsed)
    return Fitted(
      ensemble: GradientBoostingEnsemble(
        featureCount: x.columnCount, initialPrediction: run.initial, learningRate: learningRate,
        stages: run.stages),
      trainScores: run.trainScores, oobImprovement: run.oobImprovement, seedUsed: seedUsed)
  }

  /// A fitted classic gradient boosting regressor.
  public struct Fitted: FittedRegressor, FeatureImportancesProviding, Hashable {
    /// The trees and the initial prediction.
    public let ensemble: GradientBoostingEnsemble
    /// The training loss after each stage (`train_score_`; in-bag rows when subsampling).
    public let trainScores: [Double]
    /// The out-of-bag loss improvement of each stage (`oob_improvement_`); nil without
    /// subsampling.
    public let oobImprovement: [Double]?
    /// The seed the fit used.
    public let seedUsed: UInt64

    init(
      ensemble: GradientBoostingEnsemble, trainScores: [Double], oobImprovement: [Double]?,
      seedUsed: UInt64
    ) {
      self.ensemble = ensemble
      self.trainScores = trainScores
      self.oobImprovement = oobImprovement
      self.seedUsed = seedUsed
    }

    private enum CodingKeys: String, CodingKey {
      case ensemble, trainScores, oobImprovement, seedUsed
    }

    /// Decodes a saved model and checks its trees.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      ensemble = try c.decode(GradientBoostingEnsemble.self, forKey: .ensemble).validated()
      trainScores = try c.decode([Double].self, forKey: .trainScores)
      oobImprovement = try c.decodeIfPresent([Double].self, forKey: .oobImprovement)
      seedUsed = try c.decode(UInt64.self, forKey: .seedUsed)
      guard ensemble.initialPrediction.count == 1 else {
        throw LearnError.corruptModelFile(reason: "a regressor has one tree per stage")
      }
    }

    /// Columns of `X` at fit.
    public var featureCount: Int { ensemble.featureCount }

    /// Stages fitted (`n_estimators_`; fewer than `estimatorCount` after early stopping).
    public var stageCount: Int { ensemble.stages.count }

    /// Impurity-based feature importances (`feature_importances_`).
    public var featureImportances: [Double] { ensemble.featureImportances }

    /// Predicts the target of each row.
    ///
    /// - Parameter x: Rows to predict, finite, with ``featureCount`` columns.
    /// - Returns: One prediction per row.
    /// - Throws: `LearnError.featureCountMismatch`, `.nonFinite`, `.emptyInput`.
    public func predict(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount)
      return ensemble.raw(x)
    }

    /// The predictions after each stage (`staged_predict`).
    ///
    /// - Parameter x: Rows to predict.
    /// - Returns: ``stageCount`` arrays of one prediction per row.
    /// - Throws: As ``predict(_:)``.
    public func stagedPredict(_ x: Matrix) throws -> [[Double]] {
      try Validate.predictionInput(x, featureCount: featureCount)
      var out: [[Double]] = []
      ensemble.stagedRaw(x) { _, raw in out.append(raw) }
      return out
    }
  }
}

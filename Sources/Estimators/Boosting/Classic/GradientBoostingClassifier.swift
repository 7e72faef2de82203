import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Classic gradient boosting for classification: one regression tree per stage (binary) or
/// one per class and stage (multinomial), fitted to the negative gradient of the log loss.
///
/// scikit-learn equivalent: `sklearn.ensemble.GradientBoostingClassifier`. Leaf values take
/// one Newton step per leaf, as scikit-learn's `_update_terminal_regions` does.
///
/// Defaults: `loss: .logLoss`, `learningRate: 0.1`, `estimatorCount: 100`, `subsample: 1`,
/// `maxDepth: 3`, `minSamplesSplit: 2`, `minSamplesLeaf: 1`, `maxFeatures: .all`,
/// `initStrategy: .prior`, no early stopping (`iterationsWithoutChange: nil`,
/// `validationFraction: 0.1`, `tol: 1e-4`; the early-stopping split is stratified).
///
/// NaN in `X` throws `LearnError.nonFinite`; one class throws `LearnError.tooFewClasses`; the
/// exponential loss with more than two classes throws `LearnError.invalidParameter` naming
/// `loss`.
///
/// ```swift
/// let model = try GradientBoostingClassifier<String>(seed: 0).fit(x, labels)
/// let probabilities = try model.predictProbabilities(xTest)
/// ```
public struct GradientBoostingClassifier<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The classification losses (scikit-learn's `loss`).
  public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
    /// Binomial or multinomial log loss.
    case logLoss = "log_loss"
    /// Exponential loss (AdaBoost's), binary only.
    case exponential
  }

  /// The loss to minimise (`loss`).
  public var loss: Loss
  /// Shrinkage of each tree's contribution (`learning_rate`), `>= 0`.
  public var learningRate: Double
  /// Boosting stages (`n_estimators`), `>= 1`.
  public var estimatorCount: Int
  /// Fraction of rows drawn without replacement for each stage (`subsample`), in (0, 1].
  public var subsample: Double
  /// Minimum rows to split a node (`min_samples_split`).
  public var minSamplesSplit: SampleThreshold
  /// Minimum rows in a leaf (`min_samples_leaf`).
  public var minSamplesLeaf: SampleThreshold
  /// Minimum weight fraction in a leaf (`min_weight_fraction_leaf`).
  public var minWeightFractionLeaf: Double
  /// Maximum tree depth (`max_depth`).
  public var maxDepth: Int?
  /// Minimum impurity decrease to split (`min_impurity_decrease`).
  public var minImpurityDecrease: Double
  /// How the model starts (`init`).
  public var initStrategy: GradientBoostingInit
  /// Seed for subsampling, feature sampling and the early-stopping split (`random_state`).
  public var seed: UInt64?
  /// Features considered per split (`max_features`).
  public var maxFeatures: MaxFeatures
  /// Best-first growth with at most this many leaves (`max_leaf_nodes`).
  public var maxLeafNodes: Int?
  /// Fraction of rows held out for early stopping (`validation_fraction`), in (0, 1).
  public var validationFraction: Double
  /// Early-stopping patience (`n_iter_no_change`); nil disables early stopping.
  public var iterationsWithoutChange: Int?
  /// The improvement early stopping requires (`tol`).
  public var tol: Double

  /// Creates a classic gradient boosting classifier; the defaults are scikit-learn's.
  ///
  /// - Parameters:
  ///   - loss: The loss to minimise.
  ///   - learningRate: Shrinkage per tree.
  ///   - estimatorCount: Boosting stages.
  ///   - subsample: Row fraction per stage.
  ///   - minSamplesSplit: Minimum rows to split.
  ///   - minSamplesLeaf: Minimum rows per leaf.
  ///   - minWeightFractionLeaf: Minimum weight fraction per leaf.
  ///   - maxDepth: Maximum depth of each tree.
  ///   - minImpurityDecrease: Minimum impurity decrease to split.
  ///   - initStrategy: The starting prediction.
  ///   - seed: Random seed; nil draws one.
  ///   - maxFeatures: Features considered per split.
  ///   - maxLeafNodes: Leaf limit for best-first growth.
  ///   - validationFraction: Held-out fraction for early stopping.
  ///   - iterationsWithoutChange: Early-stopping patience; nil disables it.
  ///   - tol: Required validation improvement.
  public init(
    loss: Loss = .logLoss, learningRate: Double = 0.1, estimatorCount: Int = 100,
    subsample: Double = 1, minSamplesSplit: SampleThreshold = .count(2),
    minSamplesLeaf: SampleThreshold = .count(1), minWeightFractionLeaf: Double = 0,
    maxDepth: Int? = 3, minImpurityDecrease: Double = 0,
    initStrategy: GradientBoostingInit = .prior, seed: UInt64? = nil,
    maxFeatures: MaxFeatures = .all, maxLeafNodes: Int? = nil,
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
    self.maxLeafNodes = maxLeafNodes
    self.validationFraction = validationFraction
    self.iterationsWithoutChange = iterationsWithoutChange
    self.tol = tol
  }

  /// Creates a classifier with scikit-learn's defaults.
  public init() { self.init(loss: .logLoss) }

  /// Classic boosting needs finite `X`, takes sample weights and is randomized.
  public static var capabilities: Capabilities {
    Capabilities(isDeterministic: false, supportsSampleWeight: true)
  }

  var settings: ClassicBoostingSettings {
    ClassicBoostingSettings(
      name: "GradientBoostingClassifier", learningRate: learningRate,
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
  public func validateHyperparameters() throws { try settings.validate() }

  /// Fits the boosted trees.
  ///
  /// - Parameters:
  ///   - x: Training features, finite (no NaN).
  ///   - y: Labels, one per row, at least two classes.
  ///   - sampleWeight: Optional non-negative row weights.
  /// - Returns: The fitted model.
  /// - Throws: `LearnError.invalidParameter`, `.nonFinite`, `.emptyInput`, `.lengthMismatch`,
  ///   `.invalidSampleWeight`, `.tooFewClasses`.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    let given = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let weights = given ?? [Double](repeating: 1, count: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let codes = try encoding.encode(y)
    let kind: BoostingLossKind
    switch loss {
    case .logLoss: kind = encoding.classCount == 2 ? .binomial : .multinomial(encoding.classCount)
    case .exponential:
      guard encoding.classCount == 2 else {
        throw LearnError.invalidParameter(
          estimator: "GradientBoostingClassifier", name: "loss", value: "exponential",
          expected: "logLoss for \(encoding.classCount) classes (exponential is binary only)")
      }
      kind = .exponential
    }
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let run = try runClassicBoosting(
      settings: settings, loss: kind, x: x, y: codes.map(Double.init), weights: weights,
      weighted: given != nil, strata: codes, seed: seedUsed)
    return Fitted(
      encoding: encoding, exponential: loss == .exponential,
      ensemble: GradientBoostingEnsemble(
        featureCount: x.columnCount, initialPrediction: run.initial, learningRate: learningRate,
        stages: run.stages),
      trainScores: run.trainScores, oobImprovement: run.oobImprovement, seedUsed: seedUsed)
  }

  /// A fitted classic gradient boosting classifier.
  public struct Fitted: ProbabilisticClassifier, DecisionFunctionProviding,
    FeatureImportancesProviding, Hashable
  {
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// Whether the exponential loss was used (probabilities are `classicExpit(2 · raw)`).
    public let exponential: Bool
    /// The trees and the initial prediction.
    public let ensemble: GradientBoostingEnsemble
    /// The training loss after each stage (`train_score_`).
    public let trainScores: [Double]
    /// The out-of-bag loss improvement of each stage (`oob_improvement_`); nil without
    /// subsampling.
    public let oobImprovement: [Double]?
    /// The seed the fit used.
    public let seedUsed: UInt64

    init(
      encoding: LabelEncoding<Label>, exponential: Bool, ensemble: GradientBoostingEnsemble,
      trainScores: [Double], oobImprovement: [Double]?, seedUsed: UInt64
    ) {
      self.encoding = encoding
      self.exponential = exponential
      self.ensemble = ensemble
      self.trainScores = trainScores
      self.oobImprovement = oobImprovement
      self.seedUsed = seedUsed
    }

    private enum CodingKeys: String, CodingKey {
      case encoding, exponential, ensemble, trainScores, oobImprovement, seedUsed
    }

    /// Decodes a saved model and checks its trees match its classes.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
      exponential = try c.decode(Bool.self, forKey: .exponential)
      ensemble = try c.decode(GradientBoostingEnsemble.self, forKey: .ensemble).validated()
      trainScores = try c.decode([Double].self, forKey: .trainScores)
      oobImprovement = try c.decodeIfPresent([Double].self, forKey: .oobImprovement)
      seedUsed = try c.decode(UInt64.self, forKey: .seedUsed)
      let expected = encoding.classCount == 2 ? 1 : encoding.classCount
      guard encoding.classCount >= 2, ensemble.initialPrediction.count == expected else {
        throw LearnError.corruptModelFile(reason: "tree count per stage does not match classes")
      }
    }

    /// Columns of `X` at fit.
    public var featureCount: Int { ensemble.featureCount }

    /// The sorted training classes (`classes_`).
    public var classes: [Label] { encoding.classes }

    /// Stages fitted (`n_estimators_`).
    public var stageCount: Int { ensemble.stages.count }

    /// Impurity-based feature importances (`feature_importances_`).
    public var featureImportances: [Double] { ensemble.featureImportances }

    /// The raw scores (`decision_function`): one column for two classes (the positive
    /// class's log-odds, or half of them for the exponential loss), one per class otherwise.
    ///
    /// - Parameter x: Rows to score, finite, with ``featureCount`` columns.
    /// - Returns: An `n × 1` or `n × classCount` matrix.
    /// - Throws: `LearnError.featureCountMismatch`, `.nonFinite`, `.emptyInput`.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      let raw = ensemble.raw(x)
      return try Matrix(
        rowCount: x.rowCount, columnCount: ensemble.treesPerStage, storage: raw)
    }

    func probabilities(fromRaw raw: [Double], rowCount n: Int) throws -> Matrix {
      let k = encoding.classCount
      var out = [Double](repeating: 0, count: n * k)
      if k == 2 {
        for i in 0..<n {
          let p = classicExpit(exponential ? 2 * raw[i] : raw[i])
          out[2 * i] = 1 - p
          out[2 * i + 1] = p
        }
      } else {
        var p = [Double](repeating: 0, count: k)
        for i in 0..<n {
          classicSoftmax(raw, offset: i * k, count: k, into: &p)
          for c in 0..<k { out[i * k + c] = p[c] }
        }
      }
      return try Matrix(rowCount: n, columnCount: k, storage: out)
    }

    func labels(fromProbabilities p: Matrix) throws -> [Label] {
      let k = p.columnCount
      var codes = [Int](repeating: 0, count: p.rowCount)
      p.withUnsafeStorage { s in
        for i in 0..<p.rowCount {
          var best = 0
          for c in 1..<k where s[i * k + c] > s[i * k + best] { best = c }
          codes[i] = best
        }
      }
      return try encoding.decode(codes)
    }

    /// Class probabilities, columns in ``classes`` order (`predict_proba`).
    ///
    /// - Parameter x: Rows to score.
    /// - Returns: An `n × classCount` matrix whose rows sum to 1.
    /// - Throws: As ``decisionFunction(_:)``.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      return try probabilities(fromRaw: ensemble.raw(x), rowCount: x.rowCount)
    }

    /// The most probable class of each row.
    ///
    /// - Parameter x: Rows to classify.
    /// - Returns: One label per row.
    /// - Throws: As ``decisionFunction(_:)``.
    public func predict(_ x: Matrix) throws -> [Label] {
      try labels(fromProbabilities: predictProbabilities(x))
    }

    /// Class probabilities after each stage (`staged_predict_proba`).
    ///
    /// - Parameter x: Rows to score.
    /// - Returns: ``stageCount`` probability matrices.
    /// - Throws: As ``decisionFunction(_:)``.
    public func stagedPredictProbabilities(_ x: Matrix) throws -> [Matrix] {
      try Validate.predictionInput(x, featureCount: featureCount)
      var raws: [[Double]] = []
      ensemble.stagedRaw(x) { _, raw in raws.append(raw) }
      return try raws.map { try probabilities(fromRaw: $0, rowCount: x.rowCount) }
    }

    /// Predicted labels after each stage (`staged_predict`).
    ///
    /// - Parameter x: Rows to classify.
    /// - Returns: ``stageCount`` arrays of one label per row.
    /// - Throws: As ``decisionFunction(_:)``.
    public func stagedPredict(_ x: Matrix) throws -> [[Label]] {
      try stagedPredictProbabilities(x).map { try labels(fromProbabilities: $0) }
    }
  }
}

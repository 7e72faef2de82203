import Foundation
import LinearAlgebra
import Metrics
import Preprocessing
import SwiftLearnCore

/// Recursive feature elimination with the number of features chosen by cross-validation.
///
/// On each split of `cv`, runs `RFE` on the training rows down to
/// `minFeaturesToSelect` features, scoring the model of every round on the test rows. The
/// feature count with the highest total score over the splits wins (ties: the smaller count);
/// RFE then runs on all rows down to that count, and the estimator is refitted on the kept
/// features.
///
/// scikit-learn: `sklearn.feature_selection.RFECV`; defaults `step=1`,
/// `min_features_to_select=1`, `cv=5` (`KFold` for regressors, `StratifiedKFold` for
/// classifiers), `scoring=None` (the model's `score`: R² or accuracy).
///
///     let selector = try RFECV(LinearRegression(), cv: KFold(splitCount: 5)).fit(x, y)
///     selector.selectedFeatureCount      // chosen by cross-validation
///     selector.meanTestScores            // one per candidate feature count
///
/// - Complexity: about `splits × (d − minFeaturesToSelect) / step` fits, folds in parallel.
public struct RFECV<Model: SupervisedEstimator>: SupervisedTransformerEstimator, Estimator {
  /// The estimator fitted at every round.
  public var estimator: Model
  /// Features removed per round (scikit-learn's `step`); default `.count(1)`.
  public var step: FeatureAmount
  /// The smallest feature count considered (scikit-learn's `min_features_to_select`);
  /// default 1.
  public var minFeaturesToSelect: Int
  /// The splitter (scikit-learn's `cv`).
  public var cv: any Splitter
  /// The test-set score of a fitted model, greater is better (scikit-learn's `scoring`).
  public var scoring: CrossValidationScoring<Model.Fitted, Model.Target>
  /// How importances are read from the fitted model.
  public let importanceGetter: ImportanceGetter<Model.Fitted>
  /// Run the folds in parallel; the result is the same either way.
  public var parallel: Bool
  let rowsOfTarget: @Sendable (Model.Target, [Int]) -> Model.Target
  let splitLabels: @Sendable (Model.Target) -> [Int]?
  let targetCount: @Sendable (Model.Target) -> Int

  init(
    estimator: Model, importanceGetter: ImportanceGetter<Model.Fitted>, step: FeatureAmount,
    minFeaturesToSelect: Int, cv: any Splitter,
    scoring: @escaping CrossValidationScoring<Model.Fitted, Model.Target>, parallel: Bool,
    rowsOfTarget: @escaping @Sendable (Model.Target, [Int]) -> Model.Target,
    splitLabels: @escaping @Sendable (Model.Target) -> [Int]?,
    targetCount: @escaping @Sendable (Model.Target) -> Int
  ) {
    self.estimator = estimator
    self.importanceGetter = importanceGetter
    self.step = step
    self.minFeaturesToSelect = minFeaturesToSelect
    self.cv = cv
    self.scoring = scoring
    self.parallel = parallel
    self.rowsOfTarget = rowsOfTarget
    self.splitLabels = splitLabels
    self.targetCount = targetCount
  }

  /// The estimator and the non-default settings.
  public var description: String {
    var parts = ["\(estimator)"]
    if step != .count(1) { parts.append("step: .\(step)") }
    if minFeaturesToSelect != 1 { parts.append("minFeaturesToSelect: \(minFeaturesToSelect)") }
    parts.append("cv: \(cv)")
    return "RFECV(\(parts.joined(separator: ", ")))"
  }

  var eliminator: RFE<Model> {
    RFE(estimator, importanceGetter: importanceGetter, selectedFeatureCount: nil, step: step)
  }

  /// Checks `minFeaturesToSelect`, `step` and the estimator's settings.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`.
  public func validateHyperparameters() throws {
    try Check.count(
      minFeaturesToSelect, atLeast: 1, estimator: "RFECV", name: "minFeaturesToSelect")
    do {
      try eliminator.validateHyperparameters()
    } catch let LearnError.invalidParameter(_, name, value, expected) {
      throw LearnError.invalidParameter(
        estimator: "RFECV", name: name, value: value, expected: expected)
    }
  }

  /// Cross-validates every feature count, then eliminates on all rows down to the best one.
  ///
  /// - Parameters:
  ///   - x: Training samples.
  ///   - y: The target.
  /// - Returns: The fitted selector with the cross-validation scores.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`, input errors,
  ///   the splitter's, the estimator's and the scorer's errors.
  public func fit(_ x: Matrix, _ y: Model.Target) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    let n = targetCount(y)
    guard n == x.rowCount else {
      throw LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: n)
    }
    let d = x.columnCount
    let floor = min(minFeaturesToSelect, d)
    let splits = try cv.splits(sampleCount: x.rowCount, labels: splitLabels(y), groups: nil)
    let eliminator = self.eliminator
    let scoring = self.scoring
    let rows = rowsOfTarget
    let perFold = try FoldRunner.run(
      count: splits.count, parallel: parallel, progress: nil, cancellation: nil
    ) { f in
      let split = splits[f]
      let xTrain = try x.rows(split.train)
      let xTest = try x.rows(split.test)
      let yTest = rows(y, split.test)
      let result = try eliminator.eliminate(
        xTrain, rows(y, split.train), down: floor,
        scoring: { fitted, features in try scoring(fitted, xTest.columns(features), yTest) })
      return (result.scores, result.featureCounts)
    }
    guard let counts = perFold.first?.1, !counts.isEmpty else {
      throw LearnError.emptyInput(input: "cv", reason: "the splitter produced no splits")
    }
    // Ascending feature counts, as scikit-learn's `cv_results_`.
    let ascendingCounts = Array(counts.reversed())
    let scores = perFold.map { Array($0.0.reversed()) }
    let m = ascendingCounts.count
    var totals = [Double](repeating: 0, count: m)
    for fold in scores { for k in 0..<m { totals[k] += fold[k] } }
    var best = 0
    for k in 1..<max(m, 1) where totals[k] > totals[best] { best = k }
    let chosen = ascendingCounts[best]
    let final = try RFE(
      estimator, importanceGetter: importanceGetter, selectedFeatureCount: .count(chosen),
      step: step
    ).fit(x, y)
    let folds = Double(scores.count)
    let means = (0..<m).map { k in scores.reduce(0) { $0 + $1[k] } / folds }
    let deviations = (0..<m).map { k in
      (scores.reduce(0) { $0 + ($1[k] - means[k]) * ($1[k] - means[k]) } / folds).squareRoot()
    }
    return Fitted(
      featureCount: d, support: final.support, ranking: final.ranking,
      estimator: final.estimator, featureCounts: ascendingCounts, meanTestScores: means,
      stdTestScores: deviations, splitTestScores: scores)
  }

  /// A fitted ``RFECV``.
  public struct Fitted: FittedFeatureSelector {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// `true` for the kept features (scikit-learn's `support_`).
    public let support: [Bool]
    /// 1 for kept features; larger for features eliminated earlier (scikit-learn's `ranking_`).
    public let ranking: [Int]
    /// The estimator fitted on the kept features (scikit-learn's `estimator_`).
    public let estimator: Model.Fitted
    /// The candidate feature counts, ascending (scikit-learn's `cv_results_["n_features"]`).
    public let featureCounts: [Int]
    /// The mean test score of each candidate count (`cv_results_["mean_test_score"]`).
    public let meanTestScores: [Double]
    /// The standard deviation over splits of each count's test score
    /// (`cv_results_["std_test_score"]`).
    public let stdTestScores: [Double]
    /// The test scores per split, each in ``featureCounts`` order
    /// (`cv_results_["split<k>_test_score"]`).
    public let splitTestScores: [[Double]]

    /// The number of kept features (scikit-learn's `n_features_`).
    public var selectedFeatureCount: Int { support.filter { $0 }.count }

    init(
      featureCount: Int, support: [Bool], ranking: [Int], estimator: Model.Fitted,
      featureCounts: [Int], meanTestScores: [Double], stdTestScores: [Double],
      splitTestScores: [[Double]]
    ) {
      self.featureCount = featureCount
      self.support = support
      self.ranking = ranking
      self.estimator = estimator
      self.featureCounts = featureCounts
      self.meanTestScores = meanTestScores
      self.stdTestScores = stdTestScores
      self.splitTestScores = splitTestScores
    }

    enum CodingKeys: String, CodingKey {
      case featureCount, support, ranking, estimator, featureCounts, meanTestScores,
        stdTestScores, splitTestScores
    }

    /// Decodes and re-checks the arrays against the feature count.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let support = try c.decode([Bool].self, forKey: .support)
      let ranking = try c.decode([Int].self, forKey: .ranking)
      let estimator = try c.decode(Model.Fitted.self, forKey: .estimator)
      let counts = try c.decode([Int].self, forKey: .featureCounts)
      let means = try c.decode([Double].self, forKey: .meanTestScores)
      let deviations = try c.decode([Double].self, forKey: .stdTestScores)
      let splits = try c.decode([[Double]].self, forKey: .splitTestScores)
      let path = c.codingPath
      try requireDecoded(
        d >= 1 && support.count == d && ranking.count == d,
        "support and ranking need \(d) entries", codingPath: path)
      try requireDecoded(
        estimator.featureCount == support.filter { $0 }.count,
        "the estimator's feature count differs from the kept features", codingPath: path)
      try requireDecoded(
        means.count == counts.count && deviations.count == counts.count
          && splits.allSatisfy { $0.count == counts.count },
        "cross-validation results need one entry per feature count", codingPath: path)
      self.init(
        featureCount: d, support: support, ranking: ranking, estimator: estimator,
        featureCounts: counts, meanTestScores: means, stdTestScores: deviations,
        splitTestScores: splits)
    }
  }
}

extension RFECV where Model: Regressor, Model.Fitted: CoefficientsProviding {
  /// RFECV for a regressor ranked by its coefficients.
  ///
  /// - Parameters:
  ///   - estimator: The regressor.
  ///   - step: Features removed per round; default `.count(1)`.
  ///   - minFeaturesToSelect: The smallest count considered; default 1.
  ///   - cv: The splitter; default `KFold(splitCount: 5)`.
  ///   - scoring: The test score; default the model's `score` (R²).
  ///   - parallel: Run folds in parallel; default `true`.
  public init(
    _ estimator: Model, step: FeatureAmount = .count(1), minFeaturesToSelect: Int = 1,
    cv: any Splitter = KFold(),
    scoring: @escaping CrossValidationScoring<Model.Fitted, [Double]> = { try $0.score($1, $2) },
    parallel: Bool = true
  ) {
    self.init(
      estimator: estimator, importanceGetter: .coefficients, step: step,
      minFeaturesToSelect: minFeaturesToSelect, cv: cv, scoring: scoring, parallel: parallel,
      rowsOfTarget: { y, rows in rows.map { y[$0] } }, splitLabels: { _ in nil },
      targetCount: { $0.count })
  }
}

extension RFECV where Model: Regressor, Model.Fitted: FeatureImportancesProviding {
  /// RFECV for a regressor ranked by its feature importances.
  ///
  /// - Parameters:
  ///   - estimator: The regressor.
  ///   - step: Features removed per round; default `.count(1)`.
  ///   - minFeaturesToSelect: The smallest count considered; default 1.
  ///   - cv: The splitter; default `KFold(splitCount: 5)`.
  ///   - scoring: The test score; default the model's `score` (R²).
  ///   - parallel: Run folds in parallel; default `true`.
  public init(
    _ estimator: Model, step: FeatureAmount = .count(1), minFeaturesToSelect: Int = 1,
    cv: any Splitter = KFold(),
    scoring: @escaping CrossValidationScoring<Model.Fitted, [Double]> = { try $0.score($1, $2) },
    parallel: Bool = true
  ) {
    self.init(
      estimator: estimator, importanceGetter: .featureImportances, step: step,
      minFeaturesToSelect: minFeaturesToSelect, cv: cv, scoring: scoring, parallel: parallel,
      rowsOfTarget: { y, rows in rows.map { y[$0] } }, splitLabels: { _ in nil },
      targetCount: { $0.count })
  }
}

extension RFECV where Model: Classifier, Model.Fitted: CoefficientsProviding {
  /// RFECV for a classifier ranked by its coefficients; labels stratify the splits.
  ///
  /// - Parameters:
  ///   - estimator: The classifier.
  ///   - step: Features removed per round; default `.count(1)`.
  ///   - minFeaturesToSelect: The smallest count considered; default 1.
  ///   - cv: The splitter; default `StratifiedKFold(splitCount: 5)`.
  ///   - scoring: The test score; default the model's `score` (accuracy).
  ///   - parallel: Run folds in parallel; default `true`.
  public init(
    _ estimator: Model, step: FeatureAmount = .count(1), minFeaturesToSelect: Int = 1,
    cv: any Splitter = StratifiedKFold(),
    scoring: @escaping CrossValidationScoring<Model.Fitted, [Model.Label]> = {
      try $0.score($1, $2)
    },
    parallel: Bool = true
  ) {
    self.init(
      estimator: estimator, importanceGetter: .coefficients, step: step,
      minFeaturesToSelect: minFeaturesToSelect, cv: cv, scoring: scoring, parallel: parallel,
      rowsOfTarget: { y, rows in rows.map { y[$0] } }, splitLabels: { SplitCodes.encode($0) },
      targetCount: { $0.count })
  }
}

extension RFECV where Model: Classifier, Model.Fitted: FeatureImportancesProviding {
  /// RFECV for a classifier ranked by its feature importances; labels stratify the splits.
  ///
  /// - Parameters:
  ///   - estimator: The classifier.
  ///   - step: Features removed per round; default `.count(1)`.
  ///   - minFeaturesToSelect: The smallest count considered; default 1.
  ///   - cv: The splitter; default `StratifiedKFold(splitCount: 5)`.
  ///   - scoring: The test score; default the model's `score` (accuracy).
  ///   - parallel: Run folds in parallel; default `true`.
  public init(
    _ estimator: Model, step: FeatureAmount = .count(1), minFeaturesToSelect: Int = 1,
    cv: any Splitter = StratifiedKFold(),
    scoring: @escaping CrossValidationScoring<Model.Fitted, [Model.Label]> = {
      try $0.score($1, $2)
    },
    parallel: Bool = true
  ) {
    self.init(
      estimator: estimator, importanceGetter: .featureImportances, step: step,
      minFeaturesToSelect: minFeaturesToSelect, cv: cv, scoring: scoring, parallel: parallel,
      rowsOfTarget: { y, rows in rows.map { y[$0] } }, splitLabels: { SplitCodes.encode($0) },
      targetCount: { $0.count })
  }
}

import LinearAlgebra
import SwiftLearnCore

/// Recursive feature elimination: refits a model on fewer and fewer features, each time
/// dropping the least important ones.
///
/// Each round fits the estimator on the remaining features, squares the importances (summing
/// over coefficient rows) and removes the `step` smallest (ties: the earlier feature goes
/// first, a stable sort as in scikit-learn), until `selectedFeatureCount` remain; the estimator
/// is then refitted on them. ``Fitted/ranking`` is 1 for kept features and grows with each
/// earlier elimination round.
///
/// scikit-learn: `sklearn.feature_selection.RFE`; defaults `n_features_to_select=None` (half
/// the features, rounded down) and `step=1`.
///
///     let rfe = try RFE(LinearRegression(), selectedFeatureCount: .count(3)).fit(x, y)
///     let ranking = rfe.ranking
///
/// - Complexity: about `(d − k) / step` fits of the estimator.
public struct RFE<Model: SupervisedEstimator>: SupervisedTransformerEstimator, Estimator {
  /// The estimator fitted at every round.
  public var estimator: Model
  /// The number of features to keep (scikit-learn's `n_features_to_select`); `nil` keeps half.
  public var selectedFeatureCount: FeatureAmount?
  /// Features removed per round: a count, or a fraction of the input features
  /// (scikit-learn's `step`); default `.count(1)`.
  public var step: FeatureAmount
  /// How importances are read from the fitted model.
  public let importanceGetter: ImportanceGetter<Model.Fitted>

  /// An eliminator with an explicit importance getter.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - importanceGetter: How importances are read.
  ///   - selectedFeatureCount: Features to keep, `nil` for half.
  ///   - step: Features removed per round; default `.count(1)`.
  public init(
    _ estimator: Model, importanceGetter: ImportanceGetter<Model.Fitted>,
    selectedFeatureCount: FeatureAmount? = nil, step: FeatureAmount = .count(1)
  ) {
    self.estimator = estimator
    self.importanceGetter = importanceGetter
    self.selectedFeatureCount = selectedFeatureCount
    self.step = step
  }

  /// The estimator and the non-default settings.
  public var description: String {
    var parts = ["\(estimator)"]
    if let selectedFeatureCount { parts.append("selectedFeatureCount: .\(selectedFeatureCount)") }
    if step != .count(1) { parts.append("step: .\(step)") }
    return "RFE(\(parts.joined(separator: ", ")))"
  }

  /// Checks `selectedFeatureCount`, `step` and the estimator's settings.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`.
  public func validateHyperparameters() throws {
    switch selectedFeatureCount {
    case .count(let c)?:
      try Check.count(c, atLeast: 1, estimator: "RFE", name: "selectedFeatureCount")
    case .fraction(let f)?:
      guard f > 0, f <= 1 else {
        throw LearnError.invalidParameter(
          estimator: "RFE", name: "selectedFeatureCount", value: "\(f)",
          expected: "a fraction in (0, 1]")
      }
    case nil: break
    }
    switch step {
    case .count(let c): try Check.count(c, atLeast: 1, estimator: "RFE", name: "step")
    case .fraction(let f):
      guard f > 0, f < 1 else {
        throw LearnError.invalidParameter(
          estimator: "RFE", name: "step", value: "\(f)", expected: "a fraction in (0, 1)")
      }
    }
    try estimator.validateHyperparameters()
  }

  /// Eliminates features recursively and fits the estimator on the survivors.
  ///
  /// - Parameters:
  ///   - x: Training samples.
  ///   - y: The target.
  /// - Returns: The fitted eliminator.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` (including a
  ///   count above the feature count), input errors, and whatever the estimator throws.
  public func fit(_ x: Matrix, _ y: Model.Target) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    let d = x.columnCount
    let target = try targetCount(featureCount: d)
    let result = try eliminate(x, y, down: target, scoring: nil)
    let kept = result.support.indices.filter { result.support[$0] }
    let final = try estimator.fit(selectColumns(x, kept), y)
    return Fitted(
      featureCount: d, support: result.support, ranking: result.ranking, estimator: final)
  }

  /// The number of features to keep for `d` input features.
  func targetCount(featureCount d: Int) throws -> Int {
    switch selectedFeatureCount {
    case nil: return max(d / 2, 1)
    case .count(let c):
      guard c <= d else {
        throw LearnError.invalidParameter(
          estimator: "RFE", name: "selectedFeatureCount", value: "\(c)",
          expected: "at most the number of features (\(d))")
      }
      return c
    case .fraction(let f): return max(Int(Double(d) * f), 1)
    }
  }

  /// The elimination loop (scikit-learn's `RFE._fit`). `scoring`, when given, is called after
  /// each fit with the model and the feature indices it was fitted on, and its values are
  /// returned with the feature counts (what `RFECV` needs).
  package func eliminate(
    _ x: Matrix, _ y: Model.Target, down target: Int,
    scoring: ((Model.Fitted, [Int]) throws -> Double)?
  ) throws -> (
    support: [Bool], ranking: [Int], scores: [Double], featureCounts: [Int]
  ) {
    let d = x.columnCount
    let stepSize: Int
    switch step {
    case .count(let c): stepSize = c
    case .fraction(let f): stepSize = max(1, Int(f * Double(d)))
    }
    var support = [Bool](repeating: true, count: d)
    var ranking = [Int](repeating: 1, count: d)
    var scores: [Double] = []
    var counts: [Int] = []
    var remaining = d
    while remaining > target {
      let features = support.indices.filter { support[$0] }
      let fitted = try estimator.fit(selectColumns(x, features), y)
      if let scoring {
        counts.append(features.count)
        scores.append(try scoring(fitted, features))
      }
      let importances = importanceGetter.squares(fitted)
      guard importances.count == features.count else {
        throw LearnError.numericalFailure(
          estimator: "RFE",
          reason: "the model's \(importanceGetter.name) are not \(features.count) values")
      }
      let order = importances.indices.sorted {
        importances[$0] != importances[$1] ? importances[$0] < importances[$1] : $0 < $1
      }
      let drop = min(stepSize, remaining - target)
      for position in order.prefix(drop) { support[features[position]] = false }
      remaining -= drop
      for j in 0..<d where !support[j] { ranking[j] += 1 }
    }
    if let scoring {
      let features = support.indices.filter { support[$0] }
      let fitted = try estimator.fit(selectColumns(x, features), y)
      counts.append(features.count)
      scores.append(try scoring(fitted, features))
    }
    return (support, ranking, scores, counts)
  }

  /// A fitted ``RFE``: the kept features, the ranking, and the estimator fitted on them.
  public struct Fitted: FittedFeatureSelector {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// `true` for the kept features (scikit-learn's `support_`).
    public let support: [Bool]
    /// 1 for kept features; larger for features eliminated earlier (scikit-learn's `ranking_`).
    public let ranking: [Int]
    /// The estimator fitted on the kept features (scikit-learn's `estimator_`); predict with
    /// `estimator.predict(try transform(x))`.
    public let estimator: Model.Fitted

    init(featureCount: Int, support: [Bool], ranking: [Int], estimator: Model.Fitted) {
      self.featureCount = featureCount
      self.support = support
      self.ranking = ranking
      self.estimator = estimator
    }

    enum CodingKeys: String, CodingKey { case featureCount, support, ranking, estimator }

    /// Decodes and re-checks the arrays against the feature count.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let support = try c.decode([Bool].self, forKey: .support)
      let ranking = try c.decode([Int].self, forKey: .ranking)
      let estimator = try c.decode(Model.Fitted.self, forKey: .estimator)
      try checkDecodedSupport(support, featureCount: d, codingPath: c.codingPath)
      try requireDecoded(
        ranking.count == d && ranking.allSatisfy { $0 >= 1 },
        "ranking needs \(d) entries >= 1", codingPath: c.codingPath)
      try requireDecoded(
        estimator.featureCount == support.filter { $0 }.count,
        "the estimator's feature count differs from the kept features",
        codingPath: c.codingPath)
      self.init(featureCount: d, support: support, ranking: ranking, estimator: estimator)
    }
  }
}

extension RFE where Model.Fitted: CoefficientsProviding {
  /// An eliminator ranking features by the fitted model's coefficients.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - selectedFeatureCount: Features to keep, `nil` for half.
  ///   - step: Features removed per round; default `.count(1)`.
  public init(
    _ estimator: Model, selectedFeatureCount: FeatureAmount? = nil, step: FeatureAmount = .count(1)
  ) {
    self.init(
      estimator, importanceGetter: .coefficients, selectedFeatureCount: selectedFeatureCount,
      step: step)
  }
}

extension RFE where Model.Fitted: FeatureImportancesProviding {
  /// An eliminator ranking features by the fitted model's feature importances.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - selectedFeatureCount: Features to keep, `nil` for half.
  ///   - step: Features removed per round; default `.count(1)`.
  public init(
    _ estimator: Model, selectedFeatureCount: FeatureAmount? = nil, step: FeatureAmount = .count(1)
  ) {
    self.init(
      estimator, importanceGetter: .featureImportances,
      selectedFeatureCount: selectedFeatureCount, step: step)
  }
}

extension RFE where Model.Fitted: CoefficientsProviding & FeatureImportancesProviding {
  /// An eliminator reading the coefficients of a model that has both.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - selectedFeatureCount: Features to keep, `nil` for half.
  ///   - step: Features removed per round; default `.count(1)`.
  public init(
    _ estimator: Model, selectedFeatureCount: FeatureAmount? = nil, step: FeatureAmount = .count(1)
  ) {
    self.init(
      estimator, importanceGetter: .coefficients, selectedFeatureCount: selectedFeatureCount,
      step: step)
  }
}

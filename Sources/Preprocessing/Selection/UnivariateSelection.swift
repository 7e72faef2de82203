import LinearAlgebra
import SwiftLearnCore

/// The score functions of the univariate selectors.
///
/// Raw values are scikit-learn's function names. The classification functions treat the
/// distinct values of the `[Double]` target as class labels.
public enum UnivariateScoreFunction: String, Sendable, Hashable, Codable, CaseIterable {
  /// ANOVA F-value against class labels (``fClassif(_:_:)``).
  case fClassif = "f_classif"
  /// Univariate linear-regression F-value (``fRegression(_:_:center:forceFinite:)``).
  case fRegression = "f_regression"
  /// Chi-squared statistic of non-negative features against class labels (``chi2(_:_:)``).
  case chi2
  /// Estimated mutual information with class labels; seeded.
  case mutualInfoClassif = "mutual_info_classif"
  /// Estimated mutual information with a continuous target; seeded.
  case mutualInfoRegression = "mutual_info_regression"

  /// Scores every feature of `x` against `y`; `pValues` is `nil` for mutual information.
  func score(_ x: Matrix, _ y: [Double], seed: UInt64?) throws -> (
    scores: [Double], pValues: [Double]?
  ) {
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    switch self {
    case .fClassif:
      let (codes, k) = classCodes(y)
      let result = fOneWay(x, codes: codes, classCount: k)
      return (result.scores, result.pValues)
    case .fRegression:
      let result = try SwiftLearnPreprocessingScore.fRegression(x, y)
      return (result.scores, result.pValues)
    case .chi2:
      try requireNonNegative(x, for: "chi2")
      let (codes, k) = classCodes(y)
      let result = chiSquared(x, codes: codes, classCount: k)
      return (result.scores, result.pValues)
    case .mutualInfoClassif:
      let (codes, _) = classCodes(y)
      let mi = try estimateMutualInformation(
        x, target: .discrete(codes), discreteFeatures: [], neighborCount: 3, seed: seed,
        function: "mutualInfoClassif")
      return (mi, nil)
    case .mutualInfoRegression:
      let mi = try estimateMutualInformation(
        x, target: .continuous(y), discreteFeatures: [], neighborCount: 3, seed: seed,
        function: "mutualInfoRegression")
      return (mi, nil)
    }
  }

  /// Whether the score depends on the seed.
  var isRandomized: Bool { self == .mutualInfoClassif || self == .mutualInfoRegression }
}

/// Disambiguates the free function from the enum case of the same name.
enum SwiftLearnPreprocessingScore {
  static func fRegression(_ x: Matrix, _ y: [Double]) throws -> UnivariateScores {
    try Preprocessing.fRegression(x, y)
  }
}

/// NaN scores rank lowest, as scikit-learn's `_clean_nans` does.
func cleanedScores(_ scores: [Double]) -> [Double] {
  scores.map { $0.isNaN ? -Double.greatestFiniteMagnitude : $0 }
}

/// Selects the `k` features with the highest scores.
///
/// scikit-learn: `sklearn.feature_selection.SelectKBest`; defaults `scoreFunction: .fClassif`,
/// `k: 10`. Ties are broken as scikit-learn does (a stable ascending sort, keeping the last
/// `k`: among equal scores the later features win). Unlike scikit-learn, which warns and keeps
/// every feature, a `k` above the feature count throws.
///
///     let selector = try SelectKBest(scoreFunction: .fRegression, k: 5).fit(x, y)
///     let reduced = try selector.transform(x)
///
/// - Complexity: that of the score function plus O(d log d).
public struct SelectKBest: SupervisedTransformerEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// How features are scored (scikit-learn's `score_func`); default `.fClassif`.
  public var scoreFunction: UnivariateScoreFunction
  /// The number of features to keep; `nil` keeps all (scikit-learn's `k="all"`). Default 10.
  public var k: Int?
  /// Seed of the mutual-information noise (the `random_state` of scikit-learn's
  /// `mutual_info_*`); unused by the other score functions.
  public var seed: UInt64?

  /// Creates the selector.
  ///
  /// - Parameters:
  ///   - scoreFunction: The score function; default `.fClassif`.
  ///   - k: The number of features to keep, `nil` for all; default 10.
  ///   - seed: Seed for the mutual-information score functions.
  public init(
    scoreFunction: UnivariateScoreFunction = .fClassif, k: Int? = 10, seed: UInt64? = nil
  ) {
    self.scoreFunction = scoreFunction
    self.k = k
    self.seed = seed
  }

  public init() { self.init(scoreFunction: .fClassif) }

  /// Checks that `k` is not negative.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for `k`.
  public func validateHyperparameters() throws {
    if let k { try Check.count(k, atLeast: 0, estimator: "SelectKBest", name: "k") }
  }

  /// Scores the features against `y` and keeps the `k` best.
  ///
  /// - Parameters:
  ///   - x: Training samples (non-negative for `.chi2`).
  ///   - y: The target; class labels as numbers for the classification score functions.
  /// - Returns: The fitted selector.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for a negative
  ///   `k` or one above the feature count; input errors; `LearnError.unsupportedInput(input:reason:)`
  ///   for negative values with `.chi2`.
  public func fit(_ x: Matrix, _ y: [Double]) throws -> UnivariateSelection {
    try validateHyperparameters()
    if let k, k > x.columnCount, x.columnCount > 0 {
      throw LearnError.invalidParameter(
        estimator: "SelectKBest", name: "k", value: "\(k)",
        expected: "at most the number of features (\(x.columnCount)), or nil for all")
    }
    let seedUsed = scoreFunction.isRandomized ? (seed ?? SeededGenerator.randomSeed()) : nil
    let (scores, pValues) = try scoreFunction.score(x, y, seed: seedUsed)
    let d = scores.count
    var support = [Bool](repeating: false, count: d)
    let keep = k ?? d
    let cleaned = cleanedScores(scores)
    let order = (0..<d).sorted { cleaned[$0] != cleaned[$1] ? cleaned[$0] < cleaned[$1] : $0 < $1 }
    for j in order.suffix(keep) { support[j] = true }
    return UnivariateSelection(
      featureCount: d, scores: scores, pValues: pValues, support: support, seedUsed: seedUsed)
  }
}

/// Selects the highest-scoring percentage of the features.
///
/// scikit-learn: `sklearn.feature_selection.SelectPercentile`; defaults
/// `scoreFunction: .fClassif`, `percentile: 10`. The cut is scikit-learn's: features scoring
/// above the `(100 − percentile)`-th percentile of the scores (numpy's linear interpolation),
/// plus the earliest features tied at that value up to `⌊d · percentile / 100⌋` in total.
///
/// - Complexity: that of the score function plus O(d log d).
public struct SelectPercentile: SupervisedTransformerEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// How features are scored (scikit-learn's `score_func`); default `.fClassif`.
  public var scoreFunction: UnivariateScoreFunction
  /// The percentage of features to keep, in `[0, 100]`; default 10.
  public var percentile: Double
  /// Seed of the mutual-information noise; unused by the other score functions.
  public var seed: UInt64?

  /// Creates the selector.
  ///
  /// - Parameters:
  ///   - scoreFunction: The score function; default `.fClassif`.
  ///   - percentile: The percentage of features to keep; default 10.
  ///   - seed: Seed for the mutual-information score functions.
  public init(
    scoreFunction: UnivariateScoreFunction = .fClassif, percentile: Double = 10,
    seed: UInt64? = nil
  ) {
    self.scoreFunction = scoreFunction
    self.percentile = percentile
    self.seed = seed
  }

  public init() { self.init(scoreFunction: .fClassif) }

  /// Checks that `percentile` lies in `[0, 100]`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for `percentile`.
  public func validateHyperparameters() throws {
    try Check.within(percentile, 0...100, estimator: "SelectPercentile", name: "percentile")
  }

  /// Scores the features against `y` and keeps the top `percentile` percent.
  ///
  /// - Parameters:
  ///   - x: Training samples (non-negative for `.chi2`).
  ///   - y: The target; class labels as numbers for the classification score functions.
  /// - Returns: The fitted selector.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`, input errors,
  ///   `LearnError.unsupportedInput(input:reason:)` for negative values with `.chi2`.
  public func fit(_ x: Matrix, _ y: [Double]) throws -> UnivariateSelection {
    try validateHyperparameters()
    let seedUsed = scoreFunction.isRandomized ? (seed ?? SeededGenerator.randomSeed()) : nil
    let (scores, pValues) = try scoreFunction.score(x, y, seed: seedUsed)
    let d = scores.count
    var support = [Bool](repeating: false, count: d)
    if percentile == 100 {
      support = [Bool](repeating: true, count: d)
    } else if percentile > 0 {
      let cleaned = cleanedScores(scores)
      let threshold = numpyPercentile(cleaned, 100 - percentile)
      for j in 0..<d where cleaned[j] > threshold { support[j] = true }
      let ties = (0..<d).filter { cleaned[$0] == threshold }
      if !ties.isEmpty {
        let maxFeatures = Int(Double(d) * percentile / 100)
        // Python's `ties[:m]`, where a negative `m` counts from the end.
        let m = maxFeatures - support.filter { $0 }.count
        let take = m >= 0 ? min(m, ties.count) : max(0, ties.count + m)
        for j in ties.prefix(take) { support[j] = true }
      }
    }
    return UnivariateSelection(
      featureCount: d, scores: scores, pValues: pValues, support: support, seedUsed: seedUsed)
  }
}

/// numpy's `percentile(values, q)` with the default linear method.
func numpyPercentile(_ values: [Double], _ q: Double) -> Double {
  let sorted = values.sorted()
  let n = sorted.count
  guard n > 1 else { return sorted.first ?? .nan }
  let position = q / 100 * Double(n - 1)
  let lower = min(Int(position.rounded(.down)), n - 1)
  let upper = min(lower + 1, n - 1)
  let t = position - Double(lower)
  let a = sorted[lower]
  let b = sorted[upper]
  let diff = b - a
  // numpy's `_lerp`, which interpolates from the nearer end.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}

/// A fitted ``SelectKBest`` or ``SelectPercentile``: the scores and the kept features.
public struct UnivariateSelection: FittedFeatureSelector, Hashable, Codable {
  /// The number of features seen during fit.
  public let featureCount: Int
  /// Each feature's score (scikit-learn's `scores_`).
  public let scores: [Double]
  /// Each score's p-value (scikit-learn's `pvalues_`); `nil` for mutual information.
  public let pValues: [Double]?
  /// `true` for the kept features.
  public let support: [Bool]
  /// The seed of the mutual-information noise (drawn when the estimator's `seed` was `nil`);
  /// `nil` for the deterministic score functions.
  public let seedUsed: UInt64?

  init(
    featureCount: Int, scores: [Double], pValues: [Double]?, support: [Bool], seedUsed: UInt64?
  ) {
    self.featureCount = featureCount
    self.scores = scores
    self.pValues = pValues
    self.support = support
    self.seedUsed = seedUsed
  }

  enum CodingKeys: String, CodingKey { case featureCount, scores, pValues, support, seedUsed }

  /// Decodes and re-checks the lengths of the arrays.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = try c.decode(Int.self, forKey: .featureCount)
    let scores = try c.decode([Double].self, forKey: .scores)
    let pValues = try c.decodeIfPresent([Double].self, forKey: .pValues)
    let support = try c.decode([Bool].self, forKey: .support)
    let seedUsed = try c.decodeIfPresent(UInt64.self, forKey: .seedUsed)
    try checkDecodedSupport(support, featureCount: d, codingPath: c.codingPath)
    try requireDecoded(
      scores.count == d && (pValues?.count ?? d) == d, "scores and pValues need \(d) entries",
      codingPath: c.codingPath)
    self.init(
      featureCount: d, scores: scores, pValues: pValues, support: support, seedUsed: seedUsed)
  }
}

extension UnivariateScoreFunction {
  /// Whether the score function reads the target as class labels.
  var isClassification: Bool { self == .fClassif || self == .chi2 || self == .mutualInfoClassif }

  /// Class labels as the numeric codes the score functions read (their sorted order).
  func codes<L: ClassLabel>(_ labels: [L], estimator: String) throws -> [Double] {
    guard isClassification else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "scoreFunction", value: ".\(self)",
        expected:
          "a classification score function (.fClassif, .chi2, .mutualInfoClassif) for class labels")
    }
    return classCodes(labels).codes.map(Double.init)
  }
}

extension SelectKBest {
  /// Scores the features against class labels of any type (`String`, `Int`...) and keeps the
  /// `k` best.
  ///
  /// - Parameters:
  ///   - x: Training samples.
  ///   - labels: One class label per sample.
  /// - Returns: The fitted selector.
  /// - Throws: The errors of ``fit(_:_:)``, and
  ///   `LearnError.invalidParameter(estimator:name:value:expected:)` naming `scoreFunction` when
  ///   it is a regression score function.
  public func fit<L: ClassLabel>(_ x: Matrix, labels: [L]) throws -> UnivariateSelection {
    try fit(x, scoreFunction.codes(labels, estimator: "SelectKBest"))
  }
}

extension SelectPercentile {
  /// Scores the features against class labels of any type and keeps the top percentile.
  ///
  /// - Parameters:
  ///   - x: Training samples.
  ///   - labels: One class label per sample.
  /// - Returns: The fitted selector.
  /// - Throws: The errors of ``fit(_:_:)``, and
  ///   `LearnError.invalidParameter(estimator:name:value:expected:)` naming `scoreFunction` when
  ///   it is a regression score function.
  public func fit<L: ClassLabel>(_ x: Matrix, labels: [L]) throws -> UnivariateSelection {
    try fit(x, scoreFunction.codes(labels, estimator: "SelectPercentile"))
  }
}

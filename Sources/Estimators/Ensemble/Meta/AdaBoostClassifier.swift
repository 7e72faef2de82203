import Foundation
import LinearAlgebra
import SwiftLearnCore

/// AdaBoost with the multi-class SAMME algorithm: decision trees fitted in sequence, each on
/// sample weights that grow on the rows its predecessors got wrong.
///
/// scikit-learn equivalent: `sklearn.ensemble.AdaBoostClassifier` (SAMME, the only algorithm
/// in scikit-learn 1.9). Each tree's weight is
/// `learningRate · (log((1 - err) / err) + log(K - 1))`; boosting stops early when a tree is
/// perfect or no better than chance.
///
/// Defaults: `estimator: DecisionTreeClassifier(maxDepth: 1)` (stumps), `estimatorCount: 50`,
/// `learningRate: 1`.
///
/// ```swift
/// let model = try AdaBoostClassifier<Int>(seed: 0).fit(x, y)
/// ```
public struct AdaBoostClassifier<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The base tree (`estimator`); its seed is replaced per round.
  public var estimator: DecisionTreeClassifier<Label>
  /// Maximum boosting rounds (`n_estimators`), `>= 1`.
  public var estimatorCount: Int
  /// Shrinks each tree's weight (`learning_rate`), `> 0`.
  public var learningRate: Double
  /// Seed (`random_state`).
  public var seed: UInt64?

  /// Creates an AdaBoost classifier; the defaults are scikit-learn's.
  ///
  /// - Parameters:
  ///   - estimator: The base tree.
  ///   - estimatorCount: Maximum boosting rounds.
  ///   - learningRate: Weight shrinkage.
  ///   - seed: Random seed; nil draws one.
  public init(
    estimator: DecisionTreeClassifier<Label> = DecisionTreeClassifier(maxDepth: 1),
    estimatorCount: Int = 50, learningRate: Double = 1, seed: UInt64? = nil
  ) {
    self.estimator = estimator
    self.estimatorCount = estimatorCount
    self.learningRate = learningRate
    self.seed = seed
  }

  /// Creates AdaBoost over decision stumps with scikit-learn's defaults.
  public init() { self.init(estimatorCount: 50) }

  /// AdaBoost takes sample weights and what its tree takes (missing values).
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false, supportsSampleWeight: true)
  }

  /// Checks every hyperparameter and the base tree's.
  ///
  /// - Throws: `LearnError.invalidParameter` naming the parameter.
  public func validateHyperparameters() throws {
    try Check.count(
      estimatorCount, atLeast: 1, estimator: "AdaBoostClassifier", name: "estimatorCount")
    try Check.finite(
      learningRate, atLeast: 0, inclusive: false, estimator: "AdaBoostClassifier",
      name: "learningRate")
    try estimator.validateHyperparameters()
  }

  /// Boosts the trees.
  ///
  /// - Parameters:
  ///   - x: Training features (NaN allowed, as for the tree).
  ///   - y: Labels, at least two classes.
  ///   - sampleWeight: Optional non-negative initial row weights.
  /// - Returns: The fitted ensemble.
  /// - Throws: `LearnError.invalidParameter`, `.nonFinite`, `.emptyInput`, `.lengthMismatch`,
  ///   `.invalidSampleWeight`, `.tooFewClasses`; `.numericalFailure` when the first tree is
  ///   no better than chance.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.labels(y, sampleCount: x.rowCount)
    let given = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    let k = encoding.classCount
    guard k >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let n = x.rowCount
    var weights = given ?? [Double](repeating: 1, count: n)
    var total = weights.reduce(0, +)
    weights = weights.map { $0 / total }
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    var trees: [DecisionTreeClassifier<Label>.Fitted] = []
    var treeWeights: [Double] = []
    var errors: [Double] = []
    for round in 0..<estimatorCount {
      var tree = estimator
      tree.seed = SeededGenerator.childSeed(of: seedUsed, index: round)
      let fitted = try tree.fit(x, y, sampleWeight: weights)
      let predicted = try fitted.predict(x)
      var error = 0.0
      var incorrect = [Bool](repeating: false, count: n)
      for i in 0..<n where predicted[i] != y[i] {
        incorrect[i] = true
        error += weights[i]
      }
      // weights sum to 1, so `error` is the weighted mean of the mistakes.
      if error <= 0 {
        trees.append(fitted)
        treeWeights.append(1)
        errors.append(0)
        break
      }
      if error >= 1 - 1 / Double(k) {
        if trees.isEmpty {
          throw LearnError.numericalFailure(
            estimator: "AdaBoostClassifier",
            reason: "the first tree is no better than chance; boosting cannot start")
        }
        break
      }
      let alpha =
        learningRate * (Foundation.log((1 - error) / error) + Foundation.log(Double(k - 1)))
      trees.append(fitted)
      treeWeights.append(alpha)
      errors.append(error)
      if round == estimatorCount - 1 { break }
      for i in 0..<n where incorrect[i] && weights[i] > 0 {
        weights[i] = Foundation.exp(Foundation.log(weights[i]) + alpha)
      }
      total = weights.reduce(0, +)
      guard total > 0, total.isFinite else { break }
      weights = weights.map { $0 / total }
    }
    return Fitted(
      encoding: encoding, trees: trees, treeWeights: treeWeights, treeErrors: errors,
      featureCount: x.columnCount, seedUsed: seedUsed)
  }

  /// A fitted AdaBoost classifier.
  public struct Fitted: ProbabilisticClassifier, DecisionFunctionProviding,
    FeatureImportancesProviding, Hashable
  {
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// The boosted trees (`estimators_`).
    public let trees: [DecisionTreeClassifier<Label>.Fitted]
    /// Each tree's vote weight (`estimator_weights_`).
    public let treeWeights: [Double]
    /// Each tree's weighted training error (`estimator_errors_`).
    public let treeErrors: [Double]
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The seed the fit used.
    public let seedUsed: UInt64

    /// The sorted training classes (`classes_`).
    public var classes: [Label] { encoding.classes }

    /// Vote-weighted mean of the trees' importances (`feature_importances_`).
    public var featureImportances: [Double] {
      var sum = [Double](repeating: 0, count: featureCount)
      let total = treeWeights.reduce(0, +)
      for (t, w) in zip(trees, treeWeights) {
        for (j, v) in t.featureImportances.enumerated() where j < featureCount {
          sum[j] += w * v
        }
      }
      return total > 0 ? sum.map { $0 / total } : sum
    }

    /// The weighted class votes per row, `n × K` (before the binary reduction).
    func votes(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let k = encoding.classCount
      var pred = [Double](repeating: 0, count: x.rowCount * k)
      for (t, w) in zip(trees, treeWeights) {
        let predicted = try t.predict(x)
        for i in 0..<x.rowCount {
          if let c = encoding.code(of: predicted[i]) { pred[i * k + c] += w }
        }
      }
      let total = treeWeights.reduce(0, +)
      return total > 0 ? pred.map { $0 / total } : pred
    }

    /// The SAMME decision function (`decision_function`): one column for two classes
    /// (positive means the second class), one per class otherwise.
    ///
    /// - Parameter x: Rows to score.
    /// - Returns: An `n × 1` or `n × K` matrix.
    /// - Throws: `LearnError.featureCountMismatch`, `.nonFinite`, `.emptyInput`.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
      let k = encoding.classCount
      let v = try votes(x)
      if k == 2 {
        let d = (0..<x.rowCount).map { v[2 * $0 + 1] - v[2 * $0] }
        return try Matrix(rowCount: x.rowCount, columnCount: 1, storage: d)
      }
      return try Matrix(rowCount: x.rowCount, columnCount: k, storage: v)
    }

    /// Class probabilities from the decision function (`predict_proba`).
    ///
    /// - Parameter x: Rows to score.
    /// - Returns: An `n × K` matrix whose rows sum to 1.
    /// - Throws: As ``decisionFunction(_:)``.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      let k = encoding.classCount
      let v = try votes(x)
      var scaled = [Double](repeating: 0, count: v.count)
      if k == 2 {
        for i in 0..<x.rowCount {
          let d = v[2 * i + 1] - v[2 * i]
          scaled[2 * i] = -d / 2
          scaled[2 * i + 1] = d / 2
        }
      } else {
        for j in 0..<v.count { scaled[j] = v[j] / Double(k - 1) }
      }
      var out = [Double](repeating: 0, count: v.count)
      var p = [Double](repeating: 0, count: k)
      for i in 0..<x.rowCount {
        classicSoftmax(scaled, offset: i * k, count: k, into: &p)
        for c in 0..<k { out[i * k + c] = p[c] }
      }
      return try Matrix(rowCount: x.rowCount, columnCount: k, storage: out)
    }

    /// The class with the highest weighted vote.
    ///
    /// - Parameter x: Rows to classify.
    /// - Returns: One label per row.
    /// - Throws: As ``decisionFunction(_:)``.
    public func predict(_ x: Matrix) throws -> [Label] {
      let k = encoding.classCount
      let v = try votes(x)
      var codes = [Int](repeating: 0, count: x.rowCount)
      for i in 0..<x.rowCount {
        var best = 0
        for c in 1..<k where v[i * k + c] > v[i * k + best] { best = c }
        codes[i] = best
      }
      return try encoding.decode(codes)
    }
  }
}

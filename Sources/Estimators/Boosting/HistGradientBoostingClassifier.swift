import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Gradient boosting on histograms for classification: binary log loss with one tree per
/// iteration, multinomial log loss with one tree per class per iteration.
///
/// The algorithm is ``HistGradientBoostingRegressor``'s (binning, leaf-wise growth on
/// gradient/hessian histograms, learned missing-value directions, early stopping on held-out
/// rows — drawn per class here, as scikit-learn stratifies them).
///
/// scikit-learn: `sklearn.ensemble.HistGradientBoostingClassifier`; defaults match 1.9
/// (`loss="log_loss"`, the rest as the regressor). The label type is inferred from `y`:
///
///     let model = try HistGradientBoostingClassifier<String>(seed: 0).fit(x, labels)
///     let probabilities = try model.predictProbabilities(xTest)
public struct HistGradientBoostingClassifier<Label: ClassLabel>: Classifier,
  SampleWeightedEstimator, RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
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
  /// Per-class weights multiplying the sample weights (scikit-learn's `class_weight`);
  /// `nil` weighs every class 1.
  public var classWeight: ClassWeight<Label>?
  /// Seed for the validation split and the binning subsample (scikit-learn's
  /// `random_state`).
  public var seed: UInt64?
  /// Threads for histograms and prediction; `nil` uses every core. The model is the same for
  /// any value.
  public var threadCount: Int?

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    learningRate: Double = 0.1, maxIter: Int = 100, maxLeafNodes: Int? = 31,
    maxDepth: Int? = nil, minSamplesLeaf: Int = 20, l2Regularization: Double = 0,
    maxBins: Int = 255, earlyStopping: EarlyStopping = .auto, validationFraction: Double? = 0.1,
    nIterNoChange: Int = 10, tol: Double = 1e-7, classWeight: ClassWeight<Label>? = nil,
    seed: UInt64? = nil, threadCount: Int? = nil
  ) {
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
    self.classWeight = classWeight
    self.seed = seed
    self.threadCount = threadCount
  }

  public init() { self.init(learningRate: 0.1) }

  /// NaN is accepted in the features; weights are supported.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false, supportsSampleWeight: true)
  }

  /// Checks every hyperparameter.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming it.
  public func validateHyperparameters() throws {
    try BoostingChecks.validate(
      estimator: "HistGradientBoostingClassifier", learningRate: learningRate,
      maxIter: maxIter, maxLeafNodes: maxLeafNodes, maxDepth: maxDepth,
      minSamplesLeaf: minSamplesLeaf, l2Regularization: l2Regularization, maxBins: maxBins,
      validationFraction: validationFraction, nIterNoChange: nIterNoChange, tol: tol,
      threadCount: threadCount)
    try classWeight?.validate(estimator: "HistGradientBoostingClassifier")
  }

  /// Bins the features and fits the trees.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`; input errors
  ///   (infinite features — NaN is allowed); `LearnError.tooFewClasses(found:)` for one class.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.labels(y, sampleCount: x.rowCount)
    var weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let codes = try encoding.encode(y)
    if let classWeight {
      let perClass = try classWeight.resolved(
        classes: encoding.classes, codes: codes, sampleWeight: nil,
        estimator: "HistGradientBoostingClassifier")
      weights = (0..<codes.count).map { (weights?[$0] ?? 1) * perClass[codes[$0]] }
      guard weights?.contains(where: { $0 > 0 }) ?? true else {
        throw LearnError.invalidSampleWeight(reason: "every class weight times sample weight is 0")
      }
    }
    let k = encoding.classCount
    let objective: BoostingObjective = k == 2 ? .binaryLogLoss : .multinomialLogLoss(classCount: k)
    let seed = self.seed ?? SeededGenerator.randomSeed()
    let booster = try HistogramBooster.fit(
      x, codes.map(Double.init), weights: weights, objective: objective,
      settings: BoostingChecks.settings(
        learningRate: learningRate, maxIter: maxIter, maxLeafNodes: maxLeafNodes,
        maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf, l2Regularization: l2Regularization,
        maxBins: maxBins, earlyStopping: earlyStopping, rowCount: x.rowCount,
        validationFraction: validationFraction, nIterNoChange: nIterNoChange, tol: tol,
        threadCount: threadCount),
      seed: seed, stratify: codes)
    return Fitted(booster: booster, encoding: encoding, threadCount: threadCount)
  }

  /// A fitted ``HistGradientBoostingClassifier``.
  public struct Fitted: ProbabilisticClassifier, DecisionFunctionProviding, Hashable {
    var booster: HistogramBooster
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// Threads used by prediction.
    public var threadCount: Int?

    /// The sorted distinct training labels (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }
    /// The number of features seen during fit.
    public var featureCount: Int { booster.featureCount }
    /// Boosting iterations kept (scikit-learn's `n_iter_`).
    public var iterationCount: Int { booster.iterationCount }
    /// The negated training loss when early stopping used it (scikit-learn's
    /// `train_score_`).
    public var trainScores: [Double] { booster.trainScores }
    /// The negated validation loss, when rows were held out (scikit-learn's
    /// `validation_score_`).
    public var validationScores: [Double] { booster.validationScores }
    /// The seed used.
    public var seedUsed: UInt64 { booster.seedUsed }

    /// Raw scores: one column (the log-odds of the second class) for two classes, one
    /// column per class otherwise (scikit-learn's `decision_function`).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`, input errors.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let n = x.rowCount
      let k = booster.objective.treesPerIteration
      let raw = booster.rawPredictions(x, threads: threadCount)
      var rowMajor = [Double](repeating: 0, count: n * k)
      for t in 0..<k { for i in 0..<n { rowMajor[i * k + t] = raw[t * n + i] } }
      return Matrix(unchecked: n, k, rowMajor)
    }

    /// Class probabilities: the sigmoid (two classes) or softmax of the raw scores.
    ///
    /// - Throws: as ``decisionFunction(_:)``.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      let scores = try decisionFunction(x)
      let n = scores.rowCount
      let k = classes.count
      var out = [Double](repeating: 0, count: n * k)
      scores.withUnsafeStorage { s in
        if k == 2 {
          for i in 0..<n {
            let p = BoostingObjective.sigmoid(s[i])
            out[2 * i] = 1 - p
            out[2 * i + 1] = p
          }
        } else {
          for i in 0..<n {
            var largest = -Double.infinity
            for c in 0..<k { largest = max(largest, s[i * k + c]) }
            var sum = 0.0
            for c in 0..<k {
              let e = exp(s[i * k + c] - largest)
              out[i * k + c] = e
              sum += e
            }
            for c in 0..<k { out[i * k + c] /= sum }
          }
        }
      }
      return Matrix(unchecked: n, k, out)
    }

    /// The most probable class of every row.
    ///
    /// - Throws: as ``decisionFunction(_:)``.
    public func predict(_ x: Matrix) throws -> [Label] {
      let probabilities = try predictProbabilities(x)
      let k = classes.count
      let codes = probabilities.withUnsafeStorage { p in
        (0..<probabilities.rowCount).map { i in
          var best = 0
          for c in 1..<k where p[i * k + c] > p[i * k + best] { best = c }
          return best
        }
      }
      return try encoding.decode(codes)
    }
  }
}

extension HistGradientBoostingClassifier.Fitted {
  enum CodingKeys: String, CodingKey { case booster, encoding, threadCount }

  /// Decodes and re-checks the trees and that there is one tree per class (or one for two
  /// classes) in every iteration.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    booster = try c.decode(HistogramBooster.self, forKey: .booster)
    encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
    threadCount = try c.decodeIfPresent(Int.self, forKey: .threadCount)
    try booster.checkInvariants()
    let k = encoding.classCount
    let expected: BoostingObjective = k == 2 ? .binaryLogLoss : .multinomialLogLoss(classCount: k)
    try requireDecoded(
      booster.objective == expected, "the trees do not match \(k) classes",
      codingPath: c.codingPath)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(booster, forKey: .booster)
    try c.encode(encoding, forKey: .encoding)
    try c.encodeIfPresent(threadCount, forKey: .threadCount)
  }
}

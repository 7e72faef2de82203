import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Linear classifiers (SVM, logistic regression, ...) trained by stochastic gradient descent.
///
/// Minimises `Σ wᵢ·L(yᵢ, xᵢ·β + b) / n + alpha·R(β)` one sample at a time, with the learning
/// rate schedule ``learningRate``. Multiclass problems are one-vs-rest: one binary model per
/// class, fitted in parallel with seeds derived from ``seed`` (deterministic whatever the
/// thread count). Scale the features (for example with `StandardScaler`) for the default
/// `optimal` schedule to work well.
///
/// scikit-learn: `sklearn.linear_model.SGDClassifier`; defaults match scikit-learn 1.9
/// (`loss="hinge"`, `penalty="l2"`, `alpha` 1e-4, `l1Ratio` 0.15, `maxIter` 1000, `tol`
/// 1e-3, `learningRate` `optimal`, `eta0` 0.01, `powerT` 0.5, `validationFraction` 0.1,
/// `nIterNoChange` 5). The shuffling generator differs from scikit-learn's, so models agree
/// in quality, not bit for bit. Not offered: the passive-aggressive rates, `warm_start`,
/// sparse input.
///
///     let model = try SGDClassifier<String>(loss: .logLoss, seed: 0).fit(x, labels)
///     let p = try model.predictProbabilities(xTest)
///
/// - Complexity: O(epochs·n·d) per class.
public struct SGDClassifier<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  IncrementalEstimator, RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The loss function (scikit-learn's `loss`, with its spellings as raw values).
  public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
    /// `max(0, 1 − y·f)`: a linear SVM.
    case hinge
    /// The logistic loss: logistic regression, with probabilities.
    case logLoss = "log_loss"
    /// A smoothed hinge robust to outliers, with probabilities.
    case modifiedHuber = "modified_huber"
    /// `max(0, 1 − y·f)²`.
    case squaredHinge = "squared_hinge"
    /// `max(0, −y·f)`: the perceptron.
    case perceptron
    /// `½(y − f)²` on targets ±1.
    case squaredError = "squared_error"
    /// Huber's loss with threshold ``SGDClassifier/epsilon`` on targets ±1.
    case huber
    /// `max(0, |y − f| − epsilon)` on targets ±1.
    case epsilonInsensitive = "epsilon_insensitive"
    /// `max(0, |y − f| − epsilon)²` on targets ±1.
    case squaredEpsilonInsensitive = "squared_epsilon_insensitive"

    func kind(epsilon: Double) -> SGDLossKind {
      switch self {
      case .hinge: return .hinge(threshold: 1)
      case .logLoss: return .logLoss
      case .modifiedHuber: return .modifiedHuber
      case .squaredHinge: return .squaredHinge
      case .perceptron: return .hinge(threshold: 0)
      case .squaredError: return .squaredError
      case .huber: return .huber(epsilon: epsilon)
      case .epsilonInsensitive: return .epsilonInsensitive(epsilon: epsilon)
      case .squaredEpsilonInsensitive: return .squaredEpsilonInsensitive(epsilon: epsilon)
      }
    }
  }

  /// Per-class weights (scikit-learn's `class_weight`): the shared ``Estimators/ClassWeight``.
  public typealias ClassWeight = Estimators.ClassWeight<Label>

  /// The loss (scikit-learn's `loss`, default `.hinge`).
  public var loss: Loss
  /// The penalty, `nil` for none (scikit-learn's `penalty`, default `.l2`).
  public var penalty: SGDPenalty?
  /// The penalty strength, also used by the `optimal` schedule (scikit-learn's `alpha`,
  /// default 1e-4).
  public var alpha: Double
  /// The L1 share of the elastic-net penalty (scikit-learn's `l1_ratio`, default 0.15).
  public var l1Ratio: Double
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// The maximum number of epochs (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int
  /// Stop when the epoch objective (or validation score) fails to improve by `tol` for
  /// ``nIterNoChange`` epochs; `nil` never stops early (scikit-learn's `tol`, default 1e-3).
  public var tol: Double?
  /// Whether to shuffle the rows before each epoch (scikit-learn's `shuffle`, default true).
  public var shuffle: Bool
  /// The threshold of the Huber and epsilon-insensitive losses (scikit-learn's `epsilon`,
  /// default 0.1).
  public var epsilon: Double
  /// The seed for shuffling and the validation split (scikit-learn's `random_state`).
  public var seed: UInt64?
  /// The learning-rate schedule (scikit-learn's `learning_rate`, default `.optimal`).
  public var learningRate: SGDLearningRate
  /// The initial learning rate (scikit-learn's `eta0`, default 0.01).
  public var eta0: Double
  /// The exponent of the `invscaling` schedule (scikit-learn's `power_t`, default 0.5).
  public var powerT: Double
  /// Whether to stop on a held-out validation score (scikit-learn's `early_stopping`,
  /// default false).
  public var earlyStopping: Bool
  /// The held-out share for early stopping (scikit-learn's `validation_fraction`, default 0.1).
  public var validationFraction: Double
  /// Epochs without improvement before stopping (scikit-learn's `n_iter_no_change`, default 5).
  public var nIterNoChange: Int
  /// Per-class weights, `nil` for all ones (scikit-learn's `class_weight`).
  public var classWeight: ClassWeight?
  /// Averaged SGD: 0 is off, `k ≥ 1` averages the weights from the `k`-th update on
  /// (scikit-learn's `average`; `True` is 1, default `False`).
  public var average: Int

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - loss: The loss function.
  ///   - penalty: The penalty, `nil` for none.
  ///   - alpha: The penalty strength.
  ///   - l1Ratio: The elastic-net mixing.
  ///   - fitIntercept: Whether to fit an intercept.
  ///   - maxIter: The maximum number of epochs.
  ///   - tol: The stopping tolerance, `nil` for none.
  ///   - shuffle: Whether to shuffle before each epoch.
  ///   - epsilon: The threshold of the Huber and epsilon-insensitive losses.
  ///   - seed: The random seed.
  ///   - learningRate: The learning-rate schedule.
  ///   - eta0: The initial learning rate.
  ///   - powerT: The `invscaling` exponent.
  ///   - earlyStopping: Whether to stop on a validation score.
  ///   - validationFraction: The validation share.
  ///   - nIterNoChange: The patience in epochs.
  ///   - classWeight: Per-class weights.
  ///   - average: When averaging starts, 0 for off.
  public init(
    loss: Loss = .hinge, penalty: SGDPenalty? = .l2, alpha: Double = 1e-4, l1Ratio: Double = 0.15,
    fitIntercept: Bool = true, maxIter: Int = 1000, tol: Double? = 1e-3, shuffle: Bool = true,
    epsilon: Double = 0.1, seed: UInt64? = nil, learningRate: SGDLearningRate = .optimal,
    eta0: Double = 0.01, powerT: Double = 0.5, earlyStopping: Bool = false,
    validationFraction: Double = 0.1, nIterNoChange: Int = 5, classWeight: ClassWeight? = nil,
    average: Int = 0
  ) {
    self.loss = loss
    self.penalty = penalty
    self.alpha = alpha
    self.l1Ratio = l1Ratio
    self.fitIntercept = fitIntercept
    self.maxIter = maxIter
    self.tol = tol
    self.shuffle = shuffle
    self.epsilon = epsilon
    self.seed = seed
    self.learningRate = learningRate
    self.eta0 = eta0
    self.powerT = powerT
    self.earlyStopping = earlyStopping
    self.validationFraction = validationFraction
    self.nIterNoChange = nIterNoChange
    self.classWeight = classWeight
    self.average = average
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(loss: .hinge) }

  /// Randomized (shuffling), accepts sample weights.
  public static var capabilities: Capabilities {
    Capabilities(isDeterministic: false, supportsSampleWeight: true)
  }

  var name: String { estimatorTypeName(Self.self) }

  /// Checks every hyperparameter's range.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `alpha`
  ///   (negative, or zero with the `optimal` schedule), `l1Ratio`, `maxIter`, `tol`, `epsilon`,
  ///   `eta0`, `powerT`, `validationFraction`, `nIterNoChange`, `average` or `classWeight`.
  public func validateHyperparameters() throws {
    try classWeight?.validate(estimator: name)
    try SGDValidation.check(
      name: name, alpha: alpha, l1Ratio: l1Ratio, maxIter: maxIter, tol: tol, epsilon: epsilon,
      learningRate: learningRate, eta0: eta0, powerT: powerT,
      validationFraction: validationFraction, nIterNoChange: nIterNoChange, average: average)
    if case .weights(let map) = classWeight {
      for (label, value) in map where !(value.isFinite && value >= 0) {
        throw LearnError.invalidParameter(
          estimator: name, name: "classWeight", value: "\(label): \(value)",
          expected: "finite, non-negative weights")
      }
    }
  }

  var settings: SGDSettings {
    SGDSettings(
      loss: loss.kind(epsilon: epsilon), penalty: penalty, alpha: alpha, l1Ratio: l1Ratio,
      fitIntercept: fitIntercept, maxIter: maxIter, tol: tol, shuffle: shuffle,
      learningRate: learningRate, eta0: eta0, powerT: powerT, earlyStopping: earlyStopping,
      nIterNoChange: nIterNoChange, average: average, isClassification: true,
      estimatorName: name)
  }

  /// Fits the model from scratch.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`, `LearnError.invalidSampleWeight(reason:)`,
  ///   `LearnError.tooFewClasses(found:)` for a single class,
  ///   `LearnError.numericalFailure(estimator:reason:)` on overflow.
  /// - Complexity: O(epochs·n·d) per class.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    return try train(
      x, codes: try encoding.encode(y), encoding: encoding, sampleWeight: weights,
      previous: nil, maxIter: maxIter, seedUsed: seed ?? SeededGenerator.randomSeed())
  }

  /// One epoch of SGD on a chunk (scikit-learn's `partial_fit`); the classes are those of the
  /// first chunk's labels.
  ///
  /// - Throws: as ``fit(_:_:sampleWeight:)``; `LearnError.featureCountMismatch(expected:got:)`
  ///   when the chunk has a different feature count, `LearnError.unknownLabel(_:)` for a label
  ///   outside the model's classes.
  public func partialFit(_ x: Matrix, _ y: [Label], updating fitted: Fitted?) throws -> Fitted {
    try partialFit(x, y, classes: nil, sampleWeight: nil, updating: fitted)
  }

  /// One epoch of SGD on a chunk (scikit-learn's `partial_fit`).
  ///
  /// - Parameters:
  ///   - x: The chunk's features.
  ///   - y: The chunk's labels.
  ///   - classes: Every class of the whole stream, needed on the first call when the first
  ///     chunk does not contain all of them; `nil` uses the first chunk's labels.
  ///   - sampleWeight: Optional weights of the chunk's rows.
  ///   - fitted: The model so far, `nil` to start.
  /// - Throws: as ``partialFit(_:_:updating:)``; `LearnError.invalidParameter(estimator:name:value:expected:)`
  ///   for `earlyStopping` or a balanced `classWeight`, which need the whole data.
  public func partialFit(
    _ x: Matrix, _ y: [Label], classes: [Label]?, sampleWeight: [Double]? = nil,
    updating fitted: Fitted?
  ) throws -> Fitted {
    try validateHyperparameters()
    if earlyStopping {
      throw LearnError.invalidParameter(
        estimator: name, name: "earlyStopping", value: "true", expected: "false with partialFit")
    }
    if classWeight == .balanced {
      throw LearnError.invalidParameter(
        estimator: name, name: "classWeight", value: "balanced",
        expected: "explicit weights with partialFit (the class frequencies are unknown)")
    }
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    if let fitted {
      guard x.columnCount == fitted.featureCount else {
        throw LearnError.featureCountMismatch(expected: fitted.featureCount, got: x.columnCount)
      }
      return try train(
        x, codes: try fitted.encoding.encode(y), encoding: fitted.encoding,
        sampleWeight: weights, previous: fitted, maxIter: 1, seedUsed: fitted.seedUsed)
    }
    let encoding =
      try classes.map { try LabelEncoding(classes: Array(Set($0)).sorted()) }
      ?? LabelEncoding(fitting: y)
    return try train(
      x, codes: try encoding.encode(y), encoding: encoding, sampleWeight: weights,
      previous: nil, maxIter: 1, seedUsed: seed ?? SeededGenerator.randomSeed())
  }

  func train(
    _ x: Matrix, codes: [Int], encoding: LabelEncoding<Label>, sampleWeight: [Double]?,
    previous: Fitted?, maxIter epochLimit: Int, seedUsed: UInt64
  ) throws -> Fitted {
    let k = encoding.classCount
    guard k >= 2 else { throw LearnError.tooFewClasses(found: k) }
    let n = x.rowCount
    let d = x.columnCount
    var explicit: [Int: Double] = [:]
    if case .weights(let map) = classWeight {
      for (label, value) in map {
        if let code = encoding.code(of: label) { explicit[code] = value }
      }
    }
    let classWeights = LinearClassifierSupport.classWeights(
      balanced: classWeight == .balanced, explicit: explicit, codes: codes, classCount: k)
    let sw = sampleWeight ?? [Double](repeating: 1, count: n)
    let validation =
      earlyStopping
      ? try SGDEngine.validationMask(
        rowCount: n, fraction: validationFraction, strata: codes, sampleWeight: sw,
        seed: seedUsed, estimator: name)
      : [Bool](repeating: false, count: n)
    let lossKind = loss.kind(epsilon: epsilon)
    let negative = lossKind.usesZeroOneTargets ? 0.0 : -1.0
    let problemCount = k == 2 ? 1 : k
    let problems = (0..<problemCount).map { c -> SGDBinaryProblem in
      let positive = k == 2 ? 1 : c
      return SGDBinaryProblem(
        targets: codes.map { $0 == positive ? 1 : negative },
        weightPositive: classWeights[positive], weightNegative: k == 2 ? classWeights[0] : 1,
        seed: SeededGenerator.childSeed(of: seedUsed, index: c))
    }
    var states =
      previous?.states ?? [SGDState](repeating: SGDState(featureCount: d), count: problemCount)
    let t = previous?.t ?? 1
    let epochs = try SGDDriver.run(
      x: x, problems: problems, sampleWeight: sw, validation: validation, settings: settings,
      states: &states, t: t, maxIter: epochLimit)
    let newT = t + Double(epochs * n)
    let useAverage = average > 0 && Double(average) <= newT - 1
    var coefficients = [Double](repeating: 0, count: problemCount * d)
    var intercepts = [Double](repeating: 0, count: problemCount)
    for c in 0..<problemCount {
      let source = useAverage ? states[c].averageWeights : states[c].weights
      for j in 0..<d { coefficients[c * d + j] = source[j] }
      intercepts[c] = useAverage ? states[c].averageIntercept : states[c].intercept
    }
    return Fitted(
      encoding: encoding, coefficients: Matrix(unchecked: problemCount, d, coefficients),
      intercepts: intercepts, loss: loss, iterationCount: epochs,
      converged: epochs < epochLimit, seedUsed: seedUsed, t: newT, states: states)
  }

  /// A fitted ``SGDClassifier``.
  public struct Fitted: FittedClassifier, DecisionFunctionProviding, CoefficientsProviding,
    Hashable
  {
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// One row of coefficients for two classes, one per class otherwise (scikit-learn's
    /// `coef_`); averaged when averaging was on.
    public let coefficients: Matrix
    /// One intercept per row of ``coefficients`` (scikit-learn's `intercept_`).
    public let intercepts: [Double]
    /// The loss the model was trained with.
    public let loss: Loss
    /// The epochs run, the largest over the one-vs-rest problems (scikit-learn's `n_iter_`).
    public let iterationCount: Int
    /// Whether the stopping rule ended the fit before the epoch limit.
    public let converged: Bool
    /// The seed used for shuffling and the validation split.
    public let seedUsed: UInt64
    /// The number of weight updates plus one (scikit-learn's `t_`); `partialFit` continues
    /// the learning-rate schedule from it.
    public let t: Double
    let states: [SGDState]

    init(
      encoding: LabelEncoding<Label>, coefficients: Matrix, intercepts: [Double], loss: Loss,
      iterationCount: Int, converged: Bool, seedUsed: UInt64, t: Double, states: [SGDState]
    ) {
      self.encoding = encoding
      self.coefficients = coefficients
      self.intercepts = intercepts
      self.loss = loss
      self.iterationCount = iterationCount
      self.converged = converged
      self.seedUsed = seedUsed
      self.t = t
      self.states = states
    }

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.columnCount }
    /// The sorted distinct training labels (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }
    /// ``coefficients`` as rows (scikit-learn's `coef_`).
    public var coefficientRows: [[Double]] { coefficients.rowArrays }

    /// `x·coefficientsᵀ + intercepts`: one column for two classes (positive means the second
    /// class), one per class otherwise.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
      try LinearClassifierSupport.scores(x, coefficients: coefficients, intercepts: intercepts)
    }

    /// The class with the largest decision value.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predict(_ x: Matrix) throws -> [Label] {
      try encoding.decode(LinearClassifierSupport.codes(decisionFunction(x)))
    }

    /// Class probabilities, for the `log_loss` (logistic, one-vs-rest normalised) and
    /// `modified_huber` losses (scikit-learn's `predict_proba`).
    ///
    /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `loss`
    ///   for other losses; input errors.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      let scores = try decisionFunction(x)
      let link: (Double) -> Double
      switch loss {
      case .logLoss: link = { 1 / (1 + Foundation.exp(-$0)) }
      case .modifiedHuber: link = { (min(max($0, -1), 1) + 1) / 2 }
      default:
        throw LearnError.invalidParameter(
          estimator: "SGDClassifier", name: "loss", value: loss.rawValue,
          expected: "log_loss or modified_huber for probability estimates")
      }
      var p = scores.map(link)
      if p.columnCount == 1 {
        return try Matrix(columns: [p.storage.map { 1 - $0 }, p.storage])
      }
      LinearClassifierSupport.normalizeRows(&p)
      return p
    }

    /// The natural logarithm of ``predictProbabilities(_:)``.
    ///
    /// - Throws: as ``predictProbabilities(_:)``.
    public func predictLogProbabilities(_ x: Matrix) throws -> Matrix {
      try predictProbabilities(x).map { Foundation.log($0) }
    }
  }
}

/// Hyperparameter checks shared by the SGD estimators.
enum SGDValidation {
  static func check(
    name: String, alpha: Double, l1Ratio: Double, maxIter: Int, tol: Double?, epsilon: Double,
    learningRate: SGDLearningRate, eta0: Double, powerT: Double, validationFraction: Double,
    nIterNoChange: Int, average: Int
  ) throws {
    try Check.finite(alpha, atLeast: 0, estimator: name, name: "alpha")
    if learningRate == .optimal && alpha == 0 {
      throw LearnError.invalidParameter(
        estimator: name, name: "alpha", value: "0",
        expected: "> 0 with learningRate .optimal (it sets the learning rate)")
    }
    try Check.within(l1Ratio, 0...1, estimator: name, name: "l1Ratio")
    try Check.count(maxIter, atLeast: 1, estimator: name, name: "maxIter")
    if let tol { try Check.finite(tol, atLeast: 0, estimator: name, name: "tol") }
    try Check.finite(epsilon, atLeast: 0, estimator: name, name: "epsilon")
    try Check.finite(eta0, atLeast: 0, inclusive: false, estimator: name, name: "eta0")
    guard powerT.isFinite else {
      throw LearnError.invalidParameter(
        estimator: name, name: "powerT", value: "\(powerT)", expected: "a finite number")
    }
    guard validationFraction > 0, validationFraction < 1 else {
      throw LearnError.invalidParameter(
        estimator: name, name: "validationFraction", value: "\(validationFraction)",
        expected: "a number in (0, 1)")
    }
    try Check.count(nIterNoChange, atLeast: 1, estimator: name, name: "nIterNoChange")
    try Check.count(average, atLeast: 0, estimator: name, name: "average")
  }
}

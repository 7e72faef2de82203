import Foundation
import LinearAlgebra
import SwiftLearnCore

/// A linear regressor trained by stochastic gradient descent.
///
/// Minimises `Σ wᵢ·L(yᵢ, xᵢ·β + b) / n + alpha·R(β)` one sample at a time with the learning
/// rate schedule ``learningRate``. Scale the features (for example with `StandardScaler`).
///
/// scikit-learn: `sklearn.linear_model.SGDRegressor`; defaults match scikit-learn 1.9
/// (`loss="squared_error"`, `penalty="l2"`, `alpha` 1e-4, `l1Ratio` 0.15, `maxIter` 1000,
/// `tol` 1e-3, `epsilon` 0.1, `learningRate` `invscaling`, `eta0` 0.01, `powerT` 0.25,
/// `validationFraction` 0.1, `nIterNoChange` 5). The shuffling generator differs from
/// scikit-learn's, so models agree in quality, not bit for bit. Not offered: the
/// passive-aggressive rates, `warm_start`, sparse input.
///
///     let model = try SGDRegressor(seed: 0).fit(xScaled, y)
///
/// - Complexity: O(epochs·n·d).
public struct SGDRegressor: Regressor, SampleWeightedEstimator, IncrementalEstimator,
  RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The loss function (scikit-learn's `loss`, with its spellings as raw values).
  public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
    /// `½(y − f)²`: ordinary least squares.
    case squaredError = "squared_error"
    /// Huber's loss: squared within ``SGDRegressor/epsilon``, linear beyond.
    case huber
    /// `max(0, |y − f| − epsilon)`: linear support vector regression.
    case epsilonInsensitive = "epsilon_insensitive"
    /// `max(0, |y − f| − epsilon)²`.
    case squaredEpsilonInsensitive = "squared_epsilon_insensitive"

    func kind(epsilon: Double) -> SGDLossKind {
      switch self {
      case .squaredError: return .squaredError
      case .huber: return .huber(epsilon: epsilon)
      case .epsilonInsensitive: return .epsilonInsensitive(epsilon: epsilon)
      case .squaredEpsilonInsensitive: return .squaredEpsilonInsensitive(epsilon: epsilon)
      }
    }
  }

  /// The loss (scikit-learn's `loss`, default `.squaredError`).
  public var loss: Loss
  /// The penalty, `nil` for none (scikit-learn's `penalty`, default `.l2`).
  public var penalty: SGDPenalty?
  /// The penalty strength (scikit-learn's `alpha`, default 1e-4).
  public var alpha: Double
  /// The L1 share of the elastic-net penalty (scikit-learn's `l1_ratio`, default 0.15).
  public var l1Ratio: Double
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// The maximum number of epochs (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int
  /// The stopping tolerance, `nil` for none (scikit-learn's `tol`, default 1e-3).
  public var tol: Double?
  /// Whether to shuffle the rows before each epoch (scikit-learn's `shuffle`, default true).
  public var shuffle: Bool
  /// The threshold of the Huber and epsilon-insensitive losses (scikit-learn's `epsilon`,
  /// default 0.1).
  public var epsilon: Double
  /// The seed for shuffling and the validation split (scikit-learn's `random_state`).
  public var seed: UInt64?
  /// The learning-rate schedule (scikit-learn's `learning_rate`, default `.invscaling`).
  public var learningRate: SGDLearningRate
  /// The initial learning rate (scikit-learn's `eta0`, default 0.01).
  public var eta0: Double
  /// The exponent of the `invscaling` schedule (scikit-learn's `power_t`, default 0.25).
  public var powerT: Double
  /// Whether to stop on a held-out R² (scikit-learn's `early_stopping`, default false).
  public var earlyStopping: Bool
  /// The held-out share for early stopping (scikit-learn's `validation_fraction`, default 0.1).
  public var validationFraction: Double
  /// Epochs without improvement before stopping (scikit-learn's `n_iter_no_change`, default 5).
  public var nIterNoChange: Int
  /// Averaged SGD: 0 is off, `k ≥ 1` averages from the `k`-th update on (scikit-learn's
  /// `average`).
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
  ///   - average: When averaging starts, 0 for off.
  public init(
    loss: Loss = .squaredError, penalty: SGDPenalty? = .l2, alpha: Double = 1e-4,
    l1Ratio: Double = 0.15, fitIntercept: Bool = true, maxIter: Int = 1000,
    tol: Double? = 1e-3, shuffle: Bool = true, epsilon: Double = 0.1, seed: UInt64? = nil,
    learningRate: SGDLearningRate = .invscaling, eta0: Double = 0.01, powerT: Double = 0.25,
    earlyStopping: Bool = false, validationFraction: Double = 0.1, nIterNoChange: Int = 5,
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
    self.average = average
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(loss: .squaredError) }

  /// Randomized (shuffling), accepts sample weights.
  public static var capabilities: Capabilities {
    Capabilities(isDeterministic: false, supportsSampleWeight: true)
  }

  /// Checks every hyperparameter's range.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `alpha`,
  ///   `l1Ratio`, `maxIter`, `tol`, `epsilon`, `eta0`, `powerT`, `validationFraction`,
  ///   `nIterNoChange` or `average`.
  public func validateHyperparameters() throws {
    try SGDValidation.check(
      name: "SGDRegressor", alpha: alpha, l1Ratio: l1Ratio, maxIter: maxIter, tol: tol,
      epsilon: epsilon, learningRate: learningRate, eta0: eta0, powerT: powerT,
      validationFraction: validationFraction, nIterNoChange: nIterNoChange, average: average)
  }

  var settings: SGDSettings {
    SGDSettings(
      loss: loss.kind(epsilon: epsilon), penalty: penalty, alpha: alpha, l1Ratio: l1Ratio,
      fitIntercept: fitIntercept, maxIter: maxIter, tol: tol, shuffle: shuffle,
      learningRate: learningRate, eta0: eta0, powerT: powerT, earlyStopping: earlyStopping,
      nIterNoChange: nIterNoChange, average: average, isClassification: false,
      estimatorName: "SGDRegressor")
  }

  /// Fits the model from scratch.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`, `LearnError.invalidSampleWeight(reason:)`,
  ///   `LearnError.numericalFailure(estimator:reason:)` on overflow.
  /// - Complexity: O(epochs·n·d).
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    return try train(
      x, y, sampleWeight: weights, previous: nil, maxIter: maxIter,
      seedUsed: seed ?? SeededGenerator.randomSeed())
  }

  /// One epoch of SGD on a chunk (scikit-learn's `partial_fit`).
  ///
  /// - Throws: as ``fit(_:_:sampleWeight:)``; `LearnError.featureCountMismatch(expected:got:)`
  ///   for a chunk with a different feature count.
  public func partialFit(_ x: Matrix, _ y: [Double], updating fitted: Fitted?) throws -> Fitted {
    try partialFit(x, y, sampleWeight: nil, updating: fitted)
  }

  /// One epoch of SGD on a weighted chunk (scikit-learn's `partial_fit`).
  ///
  /// - Parameters:
  ///   - x: The chunk's features.
  ///   - y: The chunk's targets.
  ///   - sampleWeight: Optional weights of the chunk's rows.
  ///   - fitted: The model so far, `nil` to start.
  /// - Throws: as ``partialFit(_:_:updating:)``; `LearnError.invalidParameter(estimator:name:value:expected:)`
  ///   naming `earlyStopping` when it is on.
  public func partialFit(
    _ x: Matrix, _ y: [Double], sampleWeight: [Double]?, updating fitted: Fitted?
  ) throws -> Fitted {
    try validateHyperparameters()
    if earlyStopping {
      throw LearnError.invalidParameter(
        estimator: "SGDRegressor", name: "earlyStopping", value: "true",
        expected: "false with partialFit")
    }
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    if let fitted, x.columnCount != fitted.featureCount {
      throw LearnError.featureCountMismatch(expected: fitted.featureCount, got: x.columnCount)
    }
    return try train(
      x, y, sampleWeight: weights, previous: fitted, maxIter: 1,
      seedUsed: fitted?.seedUsed ?? seed ?? SeededGenerator.randomSeed())
  }

  func train(
    _ x: Matrix, _ y: [Double], sampleWeight: [Double]?, previous: Fitted?,
    maxIter epochLimit: Int, seedUsed: UInt64
  ) throws -> Fitted {
    let n = x.rowCount
    let d = x.columnCount
    let sw = sampleWeight ?? [Double](repeating: 1, count: n)
    let validation =
      earlyStopping
      ? try SGDEngine.validationMask(
        rowCount: n, fraction: validationFraction, strata: nil, sampleWeight: sw,
        seed: seedUsed, estimator: "SGDRegressor")
      : [Bool](repeating: false, count: n)
    let problem = SGDBinaryProblem(
      targets: y, weightPositive: 1, weightNegative: 1,
      seed: SeededGenerator.childSeed(of: seedUsed, index: 0))
    var states = [previous?.state ?? SGDState(featureCount: d)]
    let t = previous?.t ?? 1
    let epochs = try SGDDriver.run(
      x: x, problems: [problem], sampleWeight: sw, validation: validation, settings: settings,
      states: &states, t: t, maxIter: epochLimit)
    let newT = t + Double(epochs * n)
    let state = states[0]
    let useAverage = average > 0 && Double(average) <= newT - 1
    return Fitted(
      coefficients: useAverage ? state.averageWeights : state.weights,
      intercept: useAverage ? state.averageIntercept : state.intercept,
      iterationCount: epochs, converged: epochs < epochLimit, seedUsed: seedUsed, t: newT,
      state: state)
  }

  /// A fitted ``SGDRegressor``.
  public struct Fitted: FittedRegressor, CoefficientsProviding, Hashable {
    /// One coefficient per feature (scikit-learn's `coef_`); averaged when averaging was on.
    public let coefficients: [Double]
    /// The intercept (scikit-learn's `intercept_`).
    public let intercept: Double
    /// The epochs run (scikit-learn's `n_iter_`).
    public let iterationCount: Int
    /// Whether the stopping rule ended the fit before the epoch limit.
    public let converged: Bool
    /// The seed used for shuffling and the validation split.
    public let seedUsed: UInt64
    /// The number of weight updates plus one (scikit-learn's `t_`).
    public let t: Double
    let state: SGDState

    init(
      coefficients: [Double], intercept: Double, iterationCount: Int, converged: Bool,
      seedUsed: UInt64, t: Double, state: SGDState
    ) {
      self.coefficients = coefficients
      self.intercept = intercept
      self.iterationCount = iterationCount
      self.converged = converged
      self.seedUsed = seedUsed
      self.t = t
      self.state = state
    }

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.count }
    /// ``coefficients`` as a single row (scikit-learn's `coef_`).
    public var coefficientRows: [[Double]] { [coefficients] }

    /// `x·coefficients + intercept` for every row.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predict(_ x: Matrix) throws -> [Double] {
      try linearPredict(x, coefficients: coefficients, intercept: intercept)
    }
  }
}

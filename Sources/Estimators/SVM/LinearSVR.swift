import LinearAlgebra
import SwiftLearnCore

/// Linear support vector regression solved by liblinear's dual coordinate descent.
///
/// Minimises `½(‖w‖² + w_b²) + C·Σ wᵢ·max(0, |yᵢ − xᵢ·w − s·w_b| − epsilon)` (squared for
/// ``Loss/squaredEpsilonInsensitive``), where the intercept `b = s·w_b` comes from an extra
/// constant feature `s = interceptScaling` and is penalised, as in liblinear.
///
/// scikit-learn: `sklearn.svm.LinearSVR`; defaults match scikit-learn 1.9 (`epsilon` 0,
/// `tol` 1e-4, `C` 1, `loss` `epsilon_insensitive`, `interceptScaling` 1, `maxIter` 1000).
/// Always solves the dual; the primal problem is strictly convex, so `dual="auto"`/`False`
/// reach the same model.
///
///     let model = try LinearSVR(epsilon: 0.1).fit(xScaled, y)
///
/// - Complexity: O(iterations·n·d).
public struct LinearSVR: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The loss (scikit-learn's `loss`).
  public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
    /// `max(0, |y − f| − epsilon)` (the default).
    case epsilonInsensitive = "epsilon_insensitive"
    /// `max(0, |y − f| − epsilon)²`.
    case squaredEpsilonInsensitive = "squared_epsilon_insensitive"
  }

  /// The width of the insensitive tube (scikit-learn's `epsilon`, default 0).
  public var epsilon: Double
  /// The stopping tolerance (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// The inverse regularisation strength (scikit-learn's `C`, default 1).
  public var c: Double
  /// The loss (scikit-learn's `loss`, default `.epsilonInsensitive`).
  public var loss: Loss
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// The value of the constant feature that carries the intercept (scikit-learn's
  /// `intercept_scaling`, default 1).
  public var interceptScaling: Double
  /// The seed of the coordinate order (scikit-learn's `random_state`).
  public var seed: UInt64?
  /// The maximum number of passes over the data (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - epsilon: The tube width.
  ///   - tol: The stopping tolerance.
  ///   - c: The inverse regularisation strength.
  ///   - loss: The loss.
  ///   - fitIntercept: Whether to fit an intercept.
  ///   - interceptScaling: The intercept feature's value.
  ///   - seed: The seed of the coordinate order.
  ///   - maxIter: The maximum number of passes.
  public init(
    epsilon: Double = 0, tol: Double = 1e-4, c: Double = 1,
    loss: Loss = .epsilonInsensitive, fitIntercept: Bool = true, interceptScaling: Double = 1,
    seed: UInt64? = nil, maxIter: Int = 1000
  ) {
    self.epsilon = epsilon
    self.tol = tol
    self.c = c
    self.loss = loss
    self.fitIntercept = fitIntercept
    self.interceptScaling = interceptScaling
    self.seed = seed
    self.maxIter = maxIter
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(epsilon: 0) }

  /// Accepts sample weights; the model is unique, only the iteration count depends on the seed.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `epsilon`, `c`, `tol`, `interceptScaling` and `maxIter`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter.
  public func validateHyperparameters() throws {
    try Check.finite(epsilon, atLeast: 0, estimator: "LinearSVR", name: "epsilon")
    try Check.finite(c, atLeast: 0, inclusive: false, estimator: "LinearSVR", name: "c")
    try Check.finite(tol, atLeast: 0, inclusive: false, estimator: "LinearSVR", name: "tol")
    try Check.finite(
      interceptScaling, atLeast: 0, inclusive: false, estimator: "LinearSVR",
      name: "interceptScaling")
    try Check.count(maxIter, atLeast: 1, estimator: "LinearSVR", name: "maxIter")
  }

  /// Fits the model.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`, `LearnError.invalidSampleWeight(reason:)`.
  /// - Complexity: O(iterations·n·d).
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let n = x.rowCount
    let d = x.columnCount
    let scale = fitIntercept ? interceptScaling : 0
    let cost = (0..<n).map { c * (weights?[$0] ?? 1) }
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let norms = LinearSVMSolvers.squaredNorms(x, biasScale: scale)
    let solution = x.withUnsafeStorage { xs -> LinearSVMSolvers.Solution in
      guard let base = xs.baseAddress else {
        return .init(weights: [Double](repeating: 0, count: d), bias: 0, iterations: 0)
      }
      let rows = LinearSVMSolvers.Rows(
        x: base, rowCount: n, featureCount: d, biasScale: scale, squaredNorms: norms)
      return LinearSVMSolvers.regression(
        rows, y: y, cost: cost, epsilon: epsilon, squared: loss == .squaredEpsilonInsensitive,
        tol: tol, maxIter: maxIter, seed: SeededGenerator.childSeed(of: seedUsed, index: 0))
    }
    return Fitted(
      coefficients: solution.weights, intercept: solution.bias * scale,
      iterationCount: solution.iterations, converged: solution.iterations < maxIter,
      seedUsed: seedUsed)
  }

  /// A fitted ``LinearSVR``.
  public struct Fitted: FittedRegressor, CoefficientsProviding, Hashable, Codable {
    /// One coefficient per feature (scikit-learn's `coef_`).
    public let coefficients: [Double]
    /// The intercept (scikit-learn's `intercept_`).
    public let intercept: Double
    /// The passes run (scikit-learn's `n_iter_`).
    public let iterationCount: Int
    /// Whether `tol` was met before `maxIter`.
    public let converged: Bool
    /// The seed of the coordinate order.
    public let seedUsed: UInt64

    init(
      coefficients: [Double], intercept: Double, iterationCount: Int, converged: Bool,
      seedUsed: UInt64
    ) {
      self.coefficients = coefficients
      self.intercept = intercept
      self.iterationCount = iterationCount
      self.converged = converged
      self.seedUsed = seedUsed
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

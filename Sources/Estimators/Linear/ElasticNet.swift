import LinearAlgebra
import SwiftLearnCore

/// Linear regression with combined L1 and L2 penalties, fitted by coordinate descent.
///
/// Minimises `1/(2n)·‖y − Xβ − b‖² + alpha·l1Ratio·‖β‖₁ + ½·alpha·(1 − l1Ratio)·‖β‖²`. With
/// sample weights the squared error becomes `Σ wᵢ(…)²/(2·Σwᵢ)`: weights are rescaled to sum to
/// `n`, the data centred on their weighted means and the rows scaled by `√wᵢ`, as in
/// scikit-learn 1.9. The solver is scikit-learn's coordinate descent with gap-safe screening
/// and its duality-gap stopping rule (`tol` is scaled by `‖y‖²`), so iteration counts and
/// gaps are comparable. scikit-learn: `sklearn.linear_model.ElasticNet`; defaults match
/// scikit-learn 1.9 (`alpha` 1, `l1Ratio` 0.5, `maxIter` 1000, `tol` 1e-4, cyclic selection).
/// Not yet offered: a user-supplied Gram matrix, multi-target `y`. Warm start is
/// ``fit(_:_:sampleWeight:startingFrom:)``. With `.random` selection coordinates are drawn from
/// SwiftLearn's own seeded generator, so random runs do not reproduce scikit-learn's draws.
///
///     let model = try ElasticNet(alpha: 0.1, l1Ratio: 0.7).fit(x, y)
///     model.coefficients; model.converged; model.dualGap
///
/// - Complexity: O(n·d) per pass over the coordinates (less once screening drops features);
///   the number of passes depends on `tol` and the conditioning of the data.
public struct ElasticNet: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The order in which coordinates are updated (scikit-learn's `selection`).
  public enum Selection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Features in order, every pass.
    case cyclic
    /// A feature drawn at random for each update.
    case random
  }

  /// Overall penalty strength `alpha ≥ 0` (scikit-learn's `alpha`, default 1).
  public var alpha: Double
  /// The L1 share of the penalty, in [0, 1] (scikit-learn's `l1_ratio`, default 0.5).
  public var l1Ratio: Double
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// Run coordinate descent on the precomputed Gram matrix `XᵀX` (O(n·d²) once, then O(d²)
  /// per pass instead of O(n·d)); scikit-learn's `precompute=True` (default false).
  public var precompute: Bool
  /// Maximum passes over the coordinates (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int
  /// Duality-gap tolerance relative to `‖y‖²` (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// Constrains the coefficients to be non-negative (scikit-learn's `positive`).
  public var positive: Bool
  /// Coordinate order (scikit-learn's `selection`, default `.cyclic`).
  public var selection: Selection
  /// Seed for `.random` selection (scikit-learn's `random_state`); `nil` draws one.
  public var seed: UInt64?

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    alpha: Double = 1, l1Ratio: Double = 0.5, fitIntercept: Bool = true,
    precompute: Bool = false, maxIter: Int = 1000, tol: Double = 1e-4, positive: Bool = false,
    selection: Selection = .cyclic, seed: UInt64? = nil
  ) {
    self.alpha = alpha
    self.l1Ratio = l1Ratio
    self.fitIntercept = fitIntercept
    self.precompute = precompute
    self.maxIter = maxIter
    self.tol = tol
    self.positive = positive
    self.selection = selection
    self.seed = seed
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(alpha: 1) }

  /// ElasticNet accepts sample weights.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `alpha`, `l1Ratio`, `tol` and `maxIter`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the first
  ///   parameter out of range.
  public func validateHyperparameters() throws {
    try ElasticNetSettings(
      alpha: alpha, l1Ratio: l1Ratio, fitIntercept: fitIntercept, maxIter: maxIter, tol: tol,
      positive: positive, selection: selection, seed: seed
    ).validate(estimator: "ElasticNet")
  }

  /// Fits from zero coefficients.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)` (also
  ///   for NaN targets), `LearnError.lengthMismatch(input:expected:got:)`,
  ///   `LearnError.invalidSampleWeight(reason:)`.
  /// - Complexity: see ``ElasticNet``.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try fit(x, y, sampleWeight: sampleWeight, startingFrom: nil)
  }

  /// Fits starting from the coefficients of an earlier fit (scikit-learn's `warm_start`).
  ///
  /// - Parameters:
  ///   - x: Training samples, one row per sample.
  ///   - y: Targets, one per row of `x`.
  ///   - sampleWeight: Optional per-sample weights (rescaled to sum to the row count).
  ///   - start: A model fitted on data with the same number of features, or `nil` to start
  ///     from zero.
  /// - Throws: as ``fit(_:_:sampleWeight:)``; `LearnError.featureCountMismatch(expected:got:)`
  ///   when `start` has a different feature count.
  public func fit(
    _ x: Matrix, _ y: [Double], sampleWeight: [Double]? = nil, startingFrom start: Fitted?
  ) throws -> Fitted {
    let settings = ElasticNetSettings(
      alpha: alpha, l1Ratio: l1Ratio, fitIntercept: fitIntercept, maxIter: maxIter, tol: tol,
      positive: positive, selection: selection, seed: seed, precompute: precompute)
    try settings.validate(estimator: "ElasticNet")
    return try settings.fit(
      x, y, sampleWeight: sampleWeight, start: start?.coefficients, estimator: "ElasticNet")
  }

  /// A fitted ``ElasticNet`` (also the fitted type of ``Lasso``).
  public struct Fitted: FittedRegressor, Hashable {
    /// One coefficient per feature (scikit-learn's `coef_`).
    public let coefficients: [Double]
    /// The intercept, 0 when `fitIntercept` was false (scikit-learn's `intercept_`).
    public let intercept: Double
    /// Passes over the coordinates (scikit-learn's `n_iter_`).
    public let iterationCount: Int
    /// The final duality gap divided by `n` (scikit-learn's `dual_gap_`).
    public let dualGap: Double
    /// Whether the duality gap reached `tol·‖y‖²` within `maxIter` passes (scikit-learn warns
    /// with `ConvergenceWarning` otherwise).
    public let converged: Bool
    /// The seed used for `.random` selection, `nil` for cyclic.
    public let seedUsed: UInt64?

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.count }

    init(
      coefficients: [Double], intercept: Double, iterationCount: Int, dualGap: Double,
      converged: Bool, seedUsed: UInt64?
    ) {
      self.coefficients = coefficients
      self.intercept = intercept
      self.iterationCount = iterationCount
      self.dualGap = dualGap
      self.converged = converged
      self.seedUsed = seedUsed
    }

    /// Predicts `x · coefficients + intercept` for every row (BLAS `dgemv`).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.emptyInput(input:reason:)`.
    /// - Complexity: O(n·d).
    public func predict(_ x: Matrix) throws -> [Double] {
      try linearPredict(x, coefficients: coefficients, intercept: intercept)
    }
  }
}

extension ElasticNet.Fitted {
  enum CodingKeys: String, CodingKey {
    case coefficients, intercept, iterationCount, dualGap, converged, seedUsed
  }

  /// Decodes and re-checks: finite coefficients and intercept, a non-negative iteration count
  /// and a finite, non-negative-or-tiny gap.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode([Double].self, forKey: .coefficients)
    let intercept = try c.decode(Double.self, forKey: .intercept)
    let iterations = try c.decode(Int.self, forKey: .iterationCount)
    let gap = try c.decode(Double.self, forKey: .dualGap)
    let converged = try c.decode(Bool.self, forKey: .converged)
    let seed = try c.decodeIfPresent(UInt64.self, forKey: .seedUsed)
    try checkDecodedLinear(
      coefficients: coefficients, intercept: intercept, codingPath: c.codingPath)
    try requireDecoded(
      iterations >= 0 && gap.isFinite, "bad iteration count or gap", codingPath: c.codingPath)
    self.init(
      coefficients: coefficients, intercept: intercept, iterationCount: iterations,
      dualGap: gap, converged: converged, seedUsed: seed)
  }
}

/// The hyperparameters ElasticNet, Lasso and the CV estimators share, and the fit itself.
struct ElasticNetSettings {
  var alpha: Double
  var l1Ratio: Double
  var fitIntercept: Bool
  var maxIter: Int
  var tol: Double
  var positive: Bool
  var selection: ElasticNet.Selection
  var seed: UInt64?
  /// Run coordinate descent on the Gram matrix `XᵀX` (scikit-learn's `precompute=True`).
  var precompute = false

  func validate(estimator: String) throws {
    try Check.finite(alpha, atLeast: 0, estimator: estimator, name: "alpha")
    try Check.within(l1Ratio, 0...1, estimator: estimator, name: "l1Ratio")
    try Check.count(maxIter, atLeast: 1, estimator: estimator, name: "maxIter")
    try Check.finite(tol, atLeast: 0, estimator: estimator, name: "tol")
  }

  /// Validates the data, prepares the problem and runs coordinate descent.
  func fit(
    _ x: Matrix, _ y: [Double], sampleWeight: [Double]?, start: [Double]?, estimator: String
  ) throws -> ElasticNet.Fitted {
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try normalizedWeights(sampleWeight, sampleCount: x.rowCount)
    if let start, start.count != x.columnCount {
      throw LearnError.featureCountMismatch(expected: x.columnCount, got: start.count)
    }
    let problem = CenteredProblem(
      x: x, y: y, targetCount: 1, weights: weights, fitIntercept: fitIntercept,
      columnMajor: true)
    let fitted: ElasticNet.Fitted
    do {
      fitted = try solve(problem, alpha: alpha, start: start)
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: estimator, reason: error.description)
    }
    guard fitted.coefficients.allSatisfy(\.isFinite), fitted.intercept.isFinite else {
      throw LearnError.numericalFailure(
        estimator: estimator,
        reason: "coordinate descent produced non-finite coefficients; rescale the data")
    }
    return fitted
  }

  /// scikit-learn 1.9 rescales the weights to sum to `n`.
  func normalizedWeights(_ sampleWeight: [Double]?, sampleCount n: Int) throws -> [Double]? {
    guard let w = try Validate.sampleWeight(sampleWeight, sampleCount: n) else { return nil }
    let total = w.reduce(0, +)
    return w.map { $0 * (Double(n) / total) }
  }

  /// Coordinate descent on a prepared (column-major) problem at one `alpha`.
  func solve(_ problem: CenteredProblem, alpha: Double, start: [Double]?, gram: Gram? = nil)
    throws -> ElasticNet.Fitted
  {
    let n = problem.rowCount
    let d = problem.columnCount
    var w = start ?? [Double](repeating: 0, count: d)
    var generator: SeededGenerator?
    var seedUsed: UInt64?
    if selection == .random {
      let s = seed ?? SeededGenerator.randomSeed()
      seedUsed = s
      generator = SeededGenerator(seed: s)
    }
    let l1 = alpha * l1Ratio * Double(n)
    let l2 = alpha * (1 - l1Ratio) * Double(n)
    let outcome: CoordinateDescent.Outcome
    if let gram = try gram ?? (precompute ? Gram(problem) : nil) {
      outcome = gram.matrix.withUnsafeStorage { q in
        CoordinateDescent.runGram(
          gram: q, xy: gram.xy, yNorm2: gram.yNorm2, columnCount: d, w: &w, alpha: l1,
          beta: l2, maxIter: maxIter, tol: tol, positive: positive, generator: &generator)
      }
    } else {
      outcome = problem.design.withUnsafeBufferPointer { xs in
        problem.targets.withUnsafeBufferPointer { ys in
          CoordinateDescent.run(
            x: xs, y: ys, rowCount: n, columnCount: d, w: &w, alpha: l1, beta: l2,
            maxIter: maxIter, tol: tol, positive: positive, generator: &generator,
            columnNorms: problem.columnNorms, targetProducts: problem.firstTargetProducts)
        }
      }
    }
    let intercept = problem.intercept(
      target: 0, coefficients: w[...], fitIntercept: fitIntercept)
    return ElasticNet.Fitted(
      coefficients: w, intercept: intercept, iterationCount: outcome.iterations,
      dualGap: outcome.gap / Double(n), converged: outcome.converged, seedUsed: seedUsed)
  }
}

/// `XᵀX`, `Xᵀy` and `‖y‖²` of a prepared (column-major) problem, for the Gram solver.
struct Gram {
  let matrix: Matrix
  let xy: [Double]
  let yNorm2: Double

  init(_ problem: CenteredProblem) throws {
    // The column-major n x d design is the row-major d x n matrix Xᵀ.
    let transposed = Matrix(unchecked: problem.columnCount, problem.rowCount, problem.design)
    matrix = try transposed.outerGram()
    let y = problem.target(0)
    xy = try transposed.matvec(y)
    yNorm2 = y.reduce(0) { $0 + $1 * $1 }
  }
}

extension ElasticNet.Fitted: CoefficientsProviding {
  /// ``coefficients`` as a single row (scikit-learn's `coef_` for one target).
  public var coefficientRows: [[Double]] { [coefficients] }
}

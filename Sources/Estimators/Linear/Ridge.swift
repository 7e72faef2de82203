import LinearAlgebra
import SwiftLearnCore

/// Linear least squares with L2 regularization.
///
/// Minimises `Σ wᵢ (yᵢ − xᵢ·β − b)² + alpha·‖β‖²` (the intercept `b` is not penalised). With
/// an intercept the data are centred on their weighted means; with sample weights the rows are
/// then scaled by `√wᵢ`, as scikit-learn does, and the penalised problem is solved by the
/// chosen ``Solver``. scikit-learn: `sklearn.linear_model.Ridge`; defaults match
/// scikit-learn 1.9 (`alpha` 1, `fitIntercept` true, `tol` 1e-4, `maxIter` nil, `solver`
/// `.auto`). Not yet offered: `positive`, the `lsqr`/`sag`/`saga`/`lbfgs` solvers and one
/// alpha per target.
///
///     let model = try Ridge(alpha: 0.5).fit(x, y)
///     let predictions = try model.predict(xTest)
///
/// A `Matrix` target (one column per target) fits every target at once and returns a
/// ``MultiTargetFitted``.
///
/// - Complexity: Cholesky: O(n·d² + d³) (O(n²·d + n³) when `d > n`); SVD: O(n·d·min(n, d));
///   sparse CG: O(n·d) per iteration.
public struct Ridge: Regressor, SampleWeightedEstimator, DefaultInitializable, Hashable,
  Codable
{
  /// How the penalised least-squares system is solved (scikit-learn's `solver`).
  public enum Solver: String, Sendable, Hashable, Codable, CaseIterable {
    /// scikit-learn's choice for dense input: ``cholesky``.
    case auto
    /// Thin SVD of the centred design; the most stable, handles `alpha = 0` on a singular
    /// design (scikit-learn's `"svd"`).
    case svd
    /// Cholesky on `XᵀX + αI` (or on `XXᵀ + αI` when features outnumber samples), falling
    /// back to ``svd`` when that matrix is not positive definite (scikit-learn's
    /// `"cholesky"`).
    case cholesky
    /// Matrix-free conjugate gradients with relative tolerance `tol` (scikit-learn's
    /// `"sparse_cg"`).
    case sparseCG = "sparse_cg"
  }

  /// The L2 penalty `alpha ≥ 0` (scikit-learn's `alpha`, default 1).
  public var alpha: Double
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// Iteration limit for the iterative solver; `nil` uses scipy's default `10·d` (scikit-learn's
  /// `max_iter`, default `None`).
  public var maxIter: Int?
  /// Relative residual tolerance of the iterative solver (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// The solver (scikit-learn's `solver`, default `"auto"`).
  public var solver: Solver

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    alpha: Double = 1, fitIntercept: Bool = true, maxIter: Int? = nil, tol: Double = 1e-4,
    solver: Solver = .auto
  ) {
    self.alpha = alpha
    self.fitIntercept = fitIntercept
    self.maxIter = maxIter
    self.tol = tol
    self.solver = solver
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(alpha: 1) }

  /// Ridge accepts sample weights.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `alpha`, `tol` and `maxIter`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `alpha`
  ///   or `tol` when negative or not finite, or `maxIter` when below 1.
  public func validateHyperparameters() throws {
    try Check.finite(alpha, atLeast: 0, estimator: "Ridge", name: "alpha")
    try Check.finite(tol, atLeast: 0, estimator: "Ridge", name: "tol")
    if let maxIter { try Check.count(maxIter, atLeast: 1, estimator: "Ridge", name: "maxIter") }
  }

  /// Fits one target.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)` (also
  ///   for NaN targets), `LearnError.lengthMismatch(input:expected:got:)`,
  ///   `LearnError.invalidSampleWeight(reason:)`; `LearnError.numericalFailure(estimator:reason:)`
  ///   if LAPACK fails.
  /// - Complexity: see ``Ridge``.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let solved = try solve(x, y, targetCount: 1, weights: weights)
    return Fitted(
      coefficients: solved.coefficients, intercept: solved.intercepts[0],
      solver: solved.solver, iterationCount: solved.iterations)
  }

  /// Fits several targets at once: `y` has one column per target.
  ///
  /// scikit-learn's `Ridge.fit` with a 2-D `y`; all targets share `alpha`.
  /// - Throws: as ``fit(_:_:sampleWeight:)``; `LearnError.lengthMismatch(input:expected:got:)`
  ///   when `y` has a different number of rows than `x`, `LearnError.emptyInput(input:reason:)`
  ///   when it has no column.
  public func fit(_ x: Matrix, _ y: Matrix, sampleWeight: [Double]? = nil) throws
    -> MultiTargetFitted
  {
    try validateHyperparameters()
    try Validate.features(x)
    guard y.rowCount == x.rowCount else {
      throw LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: y.rowCount)
    }
    guard y.columnCount > 0 else {
      throw LearnError.emptyInput(input: "y", reason: "y has no target column")
    }
    try Validate.finite(y, input: "y")
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let solved = try solve(
      x, y.transposed().storage, targetCount: y.columnCount, weights: weights)
    return MultiTargetFitted(
      coefficients: Matrix(unchecked: y.columnCount, x.columnCount, solved.coefficients),
      intercepts: solved.intercepts, solver: solved.solver,
      iterationCount: solved.iterations)
  }

  /// Centres, scales and dispatches to the solver; `y` is column-major `n x t`.
  func solve(_ x: Matrix, _ y: [Double], targetCount t: Int, weights: [Double]?) throws -> (
    coefficients: [Double], intercepts: [Double], solver: Solver, iterations: Int?
  ) {
    let problem = CenteredProblem(
      x: x, y: y, targetCount: t, weights: weights, fitIntercept: fitIntercept,
      columnMajor: false)
    var used = solver == .auto ? Solver.cholesky : solver
    var coefficients: [Double] = []
    var iterations: Int?
    do {
      switch used {
      case .sparseCG:
        let result = try RidgeSolvers.conjugateGradient(
          problem, alpha: alpha, tol: tol, maxIter: maxIter)
        coefficients = result.coefficients
        iterations = result.iterations
      case .cholesky, .auto:
        if let solved = try RidgeSolvers.cholesky(problem, alpha: alpha) {
          coefficients = solved
        } else {
          used = .svd
          coefficients = try RidgeSolvers.svd(problem, alpha: alpha)
        }
      case .svd:
        coefficients = try RidgeSolvers.svd(problem, alpha: alpha)
      }
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: "Ridge", reason: error.description)
    }
    let d = x.columnCount
    let intercepts = (0..<t).map { k in
      problem.intercept(
        target: k, coefficients: coefficients[(k * d)..<((k + 1) * d)],
        fitIntercept: fitIntercept)
    }
    guard coefficients.allSatisfy(\.isFinite), intercepts.allSatisfy(\.isFinite) else {
      throw LearnError.numericalFailure(
        estimator: "Ridge", reason: "the solution is not finite; the system is singular")
    }
    return (coefficients, intercepts, used, iterations)
  }

  /// A fitted ``Ridge`` for one target.
  public struct Fitted: FittedRegressor, Hashable {
    /// One coefficient per feature (scikit-learn's `coef_`).
    public let coefficients: [Double]
    /// The intercept, 0 when `fitIntercept` was false (scikit-learn's `intercept_`).
    public let intercept: Double
    /// The solver that produced the fit: `.auto` resolved, or `.svd` after a Cholesky
    /// fallback (scikit-learn's `solver_`).
    public let solver: Solver
    /// Conjugate-gradient iterations for `.sparseCG`, otherwise `nil` (scikit-learn's
    /// `n_iter_`, which is `None` for these solvers).
    public let iterationCount: Int?

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.count }

    init(coefficients: [Double], intercept: Double, solver: Solver, iterationCount: Int?) {
      self.coefficients = coefficients
      self.intercept = intercept
      self.solver = solver
      self.iterationCount = iterationCount
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

  /// A fitted ``Ridge`` for several targets.
  public struct MultiTargetFitted: FittedModel, Hashable {
    /// Coefficients, one row per target and one column per feature (scikit-learn's `coef_`
    /// for a 2-D `y`).
    public let coefficients: Matrix
    /// One intercept per target (scikit-learn's `intercept_`).
    public let intercepts: [Double]
    /// The solver that produced the fit (scikit-learn's `solver_`).
    public let solver: Solver
    /// The largest conjugate-gradient iteration count over targets for `.sparseCG`.
    public let iterationCount: Int?

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.columnCount }

    init(coefficients: Matrix, intercepts: [Double], solver: Solver, iterationCount: Int?) {
      self.coefficients = coefficients
      self.intercepts = intercepts
      self.solver = solver
      self.iterationCount = iterationCount
    }

    /// Predicts every target: one row per sample, one column per target.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.emptyInput(input:reason:)`.
    /// - Complexity: O(n·d·t).
    public func predict(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      let product = try Matrix.product(x, coefficients, transposeB: .transposed)
      return try product.addingRowVector(intercepts)
    }
  }
}

extension Ridge.Fitted {
  enum CodingKeys: String, CodingKey { case coefficients, intercept, solver, iterationCount }

  /// Decodes and re-checks: at least one coefficient, all finite.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode([Double].self, forKey: .coefficients)
    let intercept = try c.decode(Double.self, forKey: .intercept)
    let solver = try c.decode(Ridge.Solver.self, forKey: .solver)
    let iterations = try c.decodeIfPresent(Int.self, forKey: .iterationCount)
    try checkDecodedLinear(
      coefficients: coefficients, intercept: intercept, codingPath: c.codingPath)
    try requireDecoded(
      (iterations ?? 0) >= 0, "negative iteration count", codingPath: c.codingPath)
    self.init(
      coefficients: coefficients, intercept: intercept, solver: solver,
      iterationCount: iterations)
  }
}

extension Ridge.MultiTargetFitted {
  enum CodingKeys: String, CodingKey { case coefficients, intercepts, solver, iterationCount }

  /// Decodes and re-checks: one finite intercept per coefficient row, finite coefficients.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode(Matrix.self, forKey: .coefficients)
    let intercepts = try c.decode([Double].self, forKey: .intercepts)
    let solver = try c.decode(Ridge.Solver.self, forKey: .solver)
    let iterations = try c.decodeIfPresent(Int.self, forKey: .iterationCount)
    let path = c.codingPath
    try requireDecoded(
      coefficients.rowCount == intercepts.count && coefficients.columnCount > 0
        && !intercepts.isEmpty,
      "one intercept per coefficient row is required", codingPath: path)
    try requireDecoded(
      coefficients.isFinite && intercepts.allSatisfy(\.isFinite),
      "coefficients and intercepts must be finite", codingPath: path)
    self.init(
      coefficients: coefficients, intercepts: intercepts, solver: solver,
      iterationCount: iterations)
  }
}

extension Ridge.Fitted: CoefficientsProviding {
  /// ``coefficients`` as a single row (scikit-learn's `coef_` for one target).
  public var coefficientRows: [[Double]] { [coefficients] }
}

extension Ridge.MultiTargetFitted: CoefficientsProviding {
  /// ``coefficients`` with one row per target (scikit-learn's `coef_`).
  public var coefficientRows: [[Double]] { coefficients.rowArrays }
}

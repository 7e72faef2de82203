import LinearAlgebra
import SwiftLearnCore

/// Ordinary least squares: minimises `Σ wᵢ (yᵢ − xᵢ·β − b)²`.
///
/// The data are centred (weighted means) when fitting an intercept, rows are scaled by
/// `√wᵢ` for sample weights, and the least-squares problem is solved with LAPACK: a blocked
/// Householder QR (blocks of rows factored in cache, in parallel, centred on the way in)
/// followed by the SVD-based `dgelsd` on the small triangular factor — the same QR-then-SVD
/// steps scikit-learn's `scipy.linalg.lstsq` call takes inside `dgelsd`. Singular values below `tol · σ_max` count as zero
/// (scikit-learn 1.9 passes `cond=tol` to `scipy.linalg.lstsq`), so on a rank-deficient design
/// the minimum-norm solution is returned and ``Fitted/rank`` reports the effective rank.
/// When that cut-off calls a tall design rank-deficient, the default ``Solver/auto`` refits it
/// with equilibrated columns and iterative refinement, recovering full-rank ill-conditioned
/// designs (condition numbers up to about 1e15) to at least 7 significant digits;
/// ``Solver/lstsq`` keeps scikit-learn's minimum-norm answer.
///
/// scikit-learn: `sklearn.linear_model.LinearRegression`; defaults match scikit-learn 1.9.
/// With `positive`, the coefficients are constrained to be non-negative and the centred,
/// weight-scaled problem is solved by Lawson–Hanson non-negative least squares (scikit-learn
/// calls `scipy.optimize.nnls`); ``Fitted/rank`` is then the number of positive coefficients
/// and ``Fitted/singularValues`` is empty (scikit-learn sets neither attribute).
///
///     let model = try LinearRegression().fit(x, y)
///     let predictions = try model.predict(xTest)
///     model.coefficients   // one per feature
///
/// - Complexity: O(n·d²) to fit (QR of the centred data inside `dgelsd`), O(n·d) to predict.
public struct LinearRegression: Regressor, SampleWeightedEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// Whether to fit an intercept; when false the data are used as given
  /// (scikit-learn's `fit_intercept`).
  public var fitIntercept: Bool
  /// Relative cut-off for small singular values: those below `tol · σ_max` are treated as
  /// zero (scikit-learn's `tol`, passed to `lstsq` as `cond`).
  public var tol: Double
  /// Constrains the coefficients to be non-negative (scikit-learn's `positive`, default
  /// false).
  public var positive: Bool
  /// How an ill-conditioned design is handled (not in scikit-learn; see ``Solver``).
  public var solver: Solver

  /// What to do when the `tol` cut-off finds the design rank-deficient.
  ///
  /// scikit-learn treats every singular value below `tol · σ_max` of the centred design as
  /// zero and returns the minimum-norm solution of what is left. On a full-rank design whose
  /// columns differ wildly in scale (a polynomial design, say, with a condition number of
  /// 1e15), that cut-off discards real information and the coefficients lose every
  /// significant digit.
  public enum Solver: String, Sendable, Hashable, Codable, CaseIterable {
    /// scikit-learn's answer whenever the cut-off keeps the full rank. When it does not, the
    /// design is refitted with its columns centred and scaled to unit norm, solved by SVD with
    /// the cut-off `max(n, d) · ε · σ_max` (numpy's `lstsq` default) on the scaled problem, and
    /// the solution is polished by iterative refinement with residuals computed in doubled
    /// precision (`fma`-based compensated dot products). If the scaled design is still
    /// numerically rank-deficient (exactly collinear columns), scikit-learn's minimum-norm
    /// solution is kept.
    case auto
    /// Always scikit-learn's: `scipy.linalg.lstsq(X, y, cond=tol)` semantics — the
    /// minimum-norm solution after the `tol` cut-off.
    case lstsq
  }

  /// Creates the estimator; every argument defaults to scikit-learn's value except
  /// `solver`, whose `.auto` differs from scikit-learn only on designs the `tol` cut-off
  /// finds rank-deficient.
  public init(
    fitIntercept: Bool = true, tol: Double = 1e-6, positive: Bool = false,
    solver: Solver = .auto
  ) {
    self.fitIntercept = fitIntercept
    self.tol = tol
    self.positive = positive
    self.solver = solver
  }

  public init() { self.init(fitIntercept: true, tol: 1e-6) }

  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `tol`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` when `tol` is
  ///   negative or not finite.
  public func validateHyperparameters() throws {
    try Check.finite(tol, atLeast: 0, estimator: "LinearRegression", name: "tol")
  }

  /// Fits the coefficients and intercept.
  ///
  /// - Parameters:
  ///   - x: Training samples, one row per sample.
  ///   - y: Targets, one per row of `x`.
  ///   - sampleWeight: Optional per-sample weights.
  /// - Returns: The fitted model.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for a bad `tol`;
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`, `LearnError.invalidSampleWeight(reason:)`;
  ///   `LearnError.numericalFailure(estimator:reason:)` if LAPACK's SVD (with `positive`, the
  ///   non-negative least-squares iteration) does not converge.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let n = x.rowCount
    let d = x.columnCount

    // Centre (weighted) and scale rows by sqrt(w) in one pass over a copy.
    var xOffset = [Double](repeating: 0, count: d)
    var yOffset = 0.0
    if fitIntercept {
      var total = 0.0
      x.withUnsafeStorage { s in
        for i in 0..<n {
          let w = weights?[i] ?? 1
          total += w
          yOffset += w * y[i]
          let base = i * d
          for j in 0..<d { xOffset[j] += w * s[base + j] }
        }
      }
      for j in 0..<d { xOffset[j] /= total }
      yOffset /= total
    }
    if positive {
      return try fitNonNegative(x, y, weights: weights, xOffset: xOffset, yOffset: yOffset)
    }
    // The centred, sqrt(w)-scaled design is written block by block straight into the
    // column-major buffers of the blocked QR, so the data are read once more and never copied
    // whole.
    let solution: LeastSquaresSolution
    do {
      if n >= d {
        let offsets = xOffset
        let centre = yOffset
        solution = try Matrix.tallLeastSquares(
          rowCount: n, columnCount: d, rhsCount: 1, rcond: tol
        ) { block in
          x.withUnsafeStorage { s in
            for r in 0..<block.rows {
              let i = block.firstRow + r
              let root = weights.map { $0[i].squareRoot() } ?? 1
              let base = i * d
              for j in 0..<d { block.a[j * block.rows + r] = (s[base + j] - offsets[j]) * root }
              block.b[r] = (y[i] - centre) * root
            }
          }
        }
      } else {
        var design = x
        var target = y
        design.withUnsafeMutableStorage { s in
          for i in 0..<n {
            let root = weights.map { $0[i].squareRoot() } ?? 1
            for j in 0..<d { s[i * d + j] = (s[i * d + j] - xOffset[j]) * root }
            target[i] = (target[i] - yOffset) * root
          }
        }
        solution = try design.leastSquares(Matrix(column: target), rcond: tol)
      }
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: "LinearRegression", reason: error.description)
    }
    if solver == .auto, n > d, solution.rank < d,
      let refined = try RefinedLeastSquares.solve(
        x, y, weights: weights, fitIntercept: fitIntercept)
    {
      return Fitted(
        coefficients: refined.coefficients, intercept: refined.intercept, rank: d,
        singularValues: solution.singularValues, refinementSteps: refined.steps)
    }
    let coefficients = solution.solution.storage
    var intercept = 0.0
    if fitIntercept {
      intercept = yOffset
      for j in 0..<d { intercept -= xOffset[j] * coefficients[j] }
    }
    return Fitted(
      coefficients: coefficients, intercept: intercept, rank: solution.rank,
      singularValues: solution.singularValues)
  }

  /// Non-negative least squares on the centred, sqrt(w)-scaled data.
  private func fitNonNegative(
    _ x: Matrix, _ y: [Double], weights: [Double]?, xOffset: [Double], yOffset: Double
  ) throws -> Fitted {
    let n = x.rowCount
    let d = x.columnCount
    var design = x
    var target = y
    design.withUnsafeMutableStorage { s in
      for i in 0..<n {
        let root = weights.map { $0[i].squareRoot() } ?? 1
        for j in 0..<d { s[i * d + j] = (s[i * d + j] - xOffset[j]) * root }
        target[i] = (target[i] - yOffset) * root
      }
    }
    let coefficients: [Double]
    do {
      coefficients = try NonNegativeLeastSquares.solve(
        design, target, estimator: "LinearRegression")
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: "LinearRegression", reason: error.description)
    }
    var intercept = 0.0
    if fitIntercept {
      intercept = yOffset
      for j in 0..<d { intercept -= xOffset[j] * coefficients[j] }
    }
    return Fitted(
      coefficients: coefficients, intercept: intercept,
      rank: coefficients.filter { $0 > 0 }.count, singularValues: [])
  }

  /// A fitted ``LinearRegression``.
  public struct Fitted: FittedRegressor, Hashable {
    /// One coefficient per feature (scikit-learn's `coef_`).
    public let coefficients: [Double]
    /// The intercept, 0 when `fitIntercept` was false (scikit-learn's `intercept_`).
    public let intercept: Double
    /// The effective rank of the (centred, weighted) design (scikit-learn's `rank_`).
    public let rank: Int
    /// Singular values of the (centred, weighted) design, descending (scikit-learn's
    /// `singular_`).
    public let singularValues: [Double]
    /// Iterative-refinement steps taken by the `.auto` solver on an ill-conditioned design;
    /// 0 when the solution is scikit-learn's (not in scikit-learn).
    public let refinementSteps: Int

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.count }

    init(
      coefficients: [Double], intercept: Double, rank: Int, singularValues: [Double],
      refinementSteps: Int = 0
    ) {
      self.coefficients = coefficients
      self.intercept = intercept
      self.rank = rank
      self.singularValues = singularValues
      self.refinementSteps = refinementSteps
    }

    /// Predicts `x · coefficients + intercept` for every row (BLAS `dgemv`).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.emptyInput(input:reason:)`.
    public func predict(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount)
      var result = try x.matvec(coefficients)
      for i in 0..<result.count { result[i] += intercept }
      return result
    }
  }
}

extension LinearRegression.Fitted {
  enum CodingKeys: String, CodingKey {
    case coefficients, intercept, rank, singularValues, refinementSteps
  }

  /// Decodes and re-checks: at least one finite coefficient, a finite intercept, a rank
  /// between 0 and the feature count.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode([Double].self, forKey: .coefficients)
    let intercept = try c.decode(Double.self, forKey: .intercept)
    let rank = try c.decode(Int.self, forKey: .rank)
    let singular = try c.decode([Double].self, forKey: .singularValues)
    let steps = try c.decodeIfPresent(Int.self, forKey: .refinementSteps) ?? 0
    let path = c.codingPath
    try requireDecoded(!coefficients.isEmpty, "no coefficients", codingPath: path)
    try requireDecoded(
      coefficients.allSatisfy(\.isFinite) && intercept.isFinite,
      "coefficients and intercept must be finite", codingPath: path)
    try requireDecoded(
      rank >= 0 && rank <= coefficients.count, "rank \(rank) is out of range", codingPath: path)
    try requireDecoded(steps >= 0, "negative refinementSteps", codingPath: path)
    self.init(
      coefficients: coefficients, intercept: intercept, rank: rank, singularValues: singular,
      refinementSteps: steps)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(coefficients, forKey: .coefficients)
    try c.encode(intercept, forKey: .intercept)
    try c.encode(rank, forKey: .rank)
    try c.encode(singularValues, forKey: .singularValues)
    try c.encode(refinementSteps, forKey: .refinementSteps)
  }
}

extension LinearRegression.Fitted: CoefficientsProviding {
  /// ``coefficients`` as a single row (scikit-learn's `coef_` for one target).
  public var coefficientRows: [[Double]] { [coefficients] }
}

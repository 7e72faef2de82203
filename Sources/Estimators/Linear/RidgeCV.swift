import LinearAlgebra
import SwiftLearnCore

/// Ridge regression with `alpha` chosen by efficient leave-one-out cross-validation.
///
/// For every candidate `alpha` the leave-one-out residuals are obtained in closed form from one
/// decomposition of the centred, weight-scaled design (scikit-learn's `_RidgeGCV`): the
/// eigendecomposition of `XᵀX` when samples outnumber features, of `XXᵀ` otherwise
/// (`.eigen`/`.auto`), or the thin SVD of `X` (`.svd`). The alpha with the largest score — the
/// negative mean squared leave-one-out error, weighted by the sample weights when given — wins;
/// ties keep the earlier alpha. scikit-learn: `sklearn.linear_model.RidgeCV` with `cv=None`,
/// `scoring=None`; defaults match scikit-learn 1.9 (`alphas` (0.1, 1, 10), `fitIntercept`
/// true, `gcvMode` auto). Not yet offered: K-fold `cv`, a custom `scoring`, `alpha_per_target`,
/// `store_cv_results`, multi-target `y`.
///
///     let model = try RidgeCV(alphas: [0.01, 0.1, 1, 10]).fit(x, y)
///     model.alpha; model.bestScore
///
/// - Complexity: one O(n·d·min(n, d)) decomposition, then O(n·min(n, d)) per alpha.
public struct RidgeCV: Regressor, SampleWeightedEstimator, DefaultInitializable, Hashable,
  Codable
{
  /// How the leave-one-out errors are computed (scikit-learn's `gcv_mode`).
  public enum GCVMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// `.eigen` (scikit-learn's `None`/`"auto"` for dense input).
    case auto
    /// Thin SVD of the design.
    case svd
    /// Eigendecomposition of `XᵀX` (`n > d`) or of `XXᵀ` (`n ≤ d`).
    case eigen
  }

  /// The candidate penalties, each `> 0` (scikit-learn's `alphas`, default (0.1, 1, 10)).
  public var alphas: [Double]
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// The decomposition used (scikit-learn's `gcv_mode`, default auto).
  public var gcvMode: GCVMode

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(alphas: [Double] = [0.1, 1, 10], fitIntercept: Bool = true, gcvMode: GCVMode = .auto)
  {
    self.alphas = alphas
    self.fitIntercept = fitIntercept
    self.gcvMode = gcvMode
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(alphas: [0.1, 1, 10]) }

  /// RidgeCV accepts sample weights.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `alphas`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `alphas`
  ///   when the list is empty or an entry is not a finite number `> 0`.
  public func validateHyperparameters() throws {
    guard !alphas.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "RidgeCV", name: "alphas", value: "[]", expected: "at least one alpha")
    }
    for alpha in alphas {
      try Check.finite(alpha, atLeast: 0, inclusive: false, estimator: "RidgeCV", name: "alphas")
    }
  }

  /// Fits a Ridge model for every alpha in closed form and keeps the best.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`, `LearnError.invalidSampleWeight(reason:)`;
  ///   `LearnError.numericalFailure(estimator:reason:)` if the decomposition fails.
  /// - Complexity: see ``RidgeCV``.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let problem = CenteredProblem(
      x: x, y: y, targetCount: 1, weights: weights, fitIntercept: fitIntercept,
      columnMajor: false)
    let n = problem.rowCount
    let roots = problem.rootWeights ?? [Double](repeating: 1, count: n)
    do {
      let leaveOneOut = try LeaveOneOutRidge(
        problem, roots: roots, fitIntercept: fitIntercept,
        useSVD: gcvMode == .svd)
      var best: (alpha: Double, score: Double, coefficients: [Double])?
      for alpha in alphas {
        let (errors, coefficients) = try leaveOneOut.solve(alpha: alpha)
        var total = 0.0
        for e in errors { total += e * e }
        let score = -total / Double(n)
        if best == nil || score > (best?.score ?? -.infinity) {
          best = (alpha, score, coefficients)
        }
      }
      guard let best else {
        throw LearnError.numericalFailure(estimator: "RidgeCV", reason: "no alpha was scored")
      }
      let intercept = problem.intercept(
        target: 0, coefficients: best.coefficients[...], fitIntercept: fitIntercept)
      guard best.coefficients.allSatisfy(\.isFinite), intercept.isFinite, best.score.isFinite
      else {
        throw LearnError.numericalFailure(
          estimator: "RidgeCV", reason: "leave-one-out errors are not finite")
      }
      return Fitted(
        coefficients: best.coefficients, intercept: intercept, alpha: best.alpha,
        bestScore: best.score)
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: "RidgeCV", reason: error.description)
    }
  }

  /// A fitted ``RidgeCV``.
  public struct Fitted: FittedRegressor, Hashable {
    /// One coefficient per feature, of the Ridge fit at ``alpha`` (scikit-learn's `coef_`).
    public let coefficients: [Double]
    /// The intercept (scikit-learn's `intercept_`).
    public let intercept: Double
    /// The chosen penalty (scikit-learn's `alpha_`).
    public let alpha: Double
    /// The negative mean squared leave-one-out error at ``alpha`` (scikit-learn's
    /// `best_score_`).
    public let bestScore: Double

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.count }

    init(coefficients: [Double], intercept: Double, alpha: Double, bestScore: Double) {
      self.coefficients = coefficients
      self.intercept = intercept
      self.alpha = alpha
      self.bestScore = bestScore
    }

    /// Predicts `x · coefficients + intercept` for every row.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.emptyInput(input:reason:)`.
    /// - Complexity: O(n·d).
    public func predict(_ x: Matrix) throws -> [Double] {
      try linearPredict(x, coefficients: coefficients, intercept: intercept)
    }
  }
}

extension RidgeCV.Fitted {
  enum CodingKeys: String, CodingKey { case coefficients, intercept, alpha, bestScore }

  /// Decodes and re-checks: finite coefficients, a positive alpha, a score `≤ 0`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode([Double].self, forKey: .coefficients)
    let intercept = try c.decode(Double.self, forKey: .intercept)
    let alpha = try c.decode(Double.self, forKey: .alpha)
    let score = try c.decode(Double.self, forKey: .bestScore)
    try checkDecodedLinear(
      coefficients: coefficients, intercept: intercept, codingPath: c.codingPath)
    try requireDecoded(
      alpha.isFinite && alpha > 0 && score.isFinite && score <= 0,
      "alpha must be positive and the score a finite number <= 0", codingPath: c.codingPath)
    self.init(coefficients: coefficients, intercept: intercept, alpha: alpha, bestScore: score)
  }
}

/// One decomposition of the centred design, then the leave-one-out residuals and the
/// coefficients for any alpha (scikit-learn's `_RidgeGCV` decompose/solve pairs).
struct LeaveOneOutRidge {
  enum Mode { case covariance, gram, svd }
  let mode: Mode
  let x: Matrix
  let y: [Double]
  let roots: [Double]
  let rootsNorm2: Double
  let fitIntercept: Bool
  /// Eigenvalues (or singular values for `.svd`).
  let values: [Double]
  /// `XV` (n x d) for `.covariance`, `Q` (n x n) for `.gram`, `U` (n x k) for `.svd`.
  let basis: Matrix
  /// `V` (d x d) for `.covariance`, `V` (d x k) for `.svd`; unused for `.gram`.
  let right: Matrix
  /// The projections of `y` and `√w`: `Vᵀ(Xᵀy)`, `Qᵀy` or `Uᵀy`.
  let projectedY: [Double]
  let projectedRoots: [Double]

  init(_ problem: CenteredProblem, roots: [Double], fitIntercept: Bool, useSVD: Bool) throws {
    x = problem.matrix
    y = problem.target(0)
    self.roots = roots
    rootsNorm2 = roots.reduce(0) { $0 + $1 * $1 }
    self.fitIntercept = fitIntercept
    let n = problem.rowCount
    let d = problem.columnCount
    if useSVD {
      mode = .svd
      let (u, s, vt) = try x.svd()
      values = s
      basis = u
      right = vt.transposed()
      projectedY = try u.matvec(y, transpose: .transposed)
      projectedRoots = try u.matvec(roots, transpose: .transposed)
    } else if n <= d {
      mode = .gram
      let (eigenvalues, q) = try x.outerGram().symmetricEigen()
      values = eigenvalues
      basis = q
      right = Matrix.zeros(0, 0)
      projectedY = try q.matvec(y, transpose: .transposed)
      projectedRoots = try q.matvec(roots, transpose: .transposed)
    } else {
      mode = .covariance
      let (eigenvalues, v) = try x.gram().symmetricEigen()
      values = eigenvalues
      right = v
      basis = try x.matmul(v)
      // Vᵀ(Xᵀy) = (XV)ᵀy.
      projectedY = try basis.matvec(y, transpose: .transposed)
      projectedRoots = try basis.matvec(roots, transpose: .transposed)
    }
  }

  /// `Σₖ D[k]·B[i,k]²` for every row `i` of `basis`.
  private func weightedRowNorms(_ weights: [Double]) -> [Double] {
    let n = basis.rowCount
    let k = basis.columnCount
    var out = [Double](repeating: 0, count: n)
    basis.withUnsafeStorage { b in
      for i in 0..<n {
        var s = 0.0
        for j in 0..<k { s += weights[j] * b[i * k + j] * b[i * k + j] }
        out[i] = s
      }
    }
    return out
  }

  /// The leave-one-out residuals (in the weight-scaled space) and the coefficients.
  func solve(alpha: Double) throws -> (errors: [Double], coefficients: [Double]) {
    let n = x.rowCount
    var c: [Double]
    var diagonal: [Double]
    var interceptTerm: [Double]
    let coefficients: [Double]
    switch mode {
    case .covariance:
      // H⁻¹ = V·diag(D)·Vᵀ with D = 1/(λ + α); X·H⁻¹·Xᵀ·v = (XV)·D·(XV)ᵀv.
      let inverse = values.map { 1 / ($0 + alpha) }
      var scaledY = projectedY
      var scaledRoots = projectedRoots
      for k in 0..<inverse.count {
        scaledY[k] *= inverse[k]
        scaledRoots[k] *= inverse[k]
      }
      let fittedY = try basis.matvec(scaledY)
      let fittedRoots = try basis.matvec(scaledRoots)
      c = (0..<n).map { y[$0] - fittedY[$0] }
      diagonal = weightedRowNorms(inverse).map { 1 - $0 }
      interceptTerm = (0..<n).map { roots[$0] - fittedRoots[$0] }
      coefficients = try right.matvec(scaledY)
    case .gram:
      let inverse = values.map { 1 / ($0 + alpha) }
      var scaledY = projectedY
      var scaledRoots = projectedRoots
      for k in 0..<inverse.count {
        scaledY[k] *= inverse[k]
        scaledRoots[k] *= inverse[k]
      }
      c = try basis.matvec(scaledY)
      diagonal = weightedRowNorms(inverse)
      interceptTerm = try basis.matvec(scaledRoots)
      coefficients = try x.matvec(c, transpose: .transposed)
    case .svd:
      let long = n > right.rowCount
      // long: M = α/(s² + α) − 1, residual = U·M·Uᵀy + y; wide: αD = α/(s² + α).
      let factors = values.map { alpha / ($0 * $0 + alpha) - (long ? 1 : 0) }
      var scaledY = projectedY
      var scaledRoots = projectedRoots
      for k in 0..<factors.count {
        scaledY[k] *= factors[k]
        scaledRoots[k] *= factors[k]
      }
      c = try basis.matvec(scaledY)
      interceptTerm = try basis.matvec(scaledRoots)
      diagonal = weightedRowNorms(factors)
      if long {
        for i in 0..<n {
          c[i] += y[i]
          interceptTerm[i] += roots[i]
          diagonal[i] += 1
        }
      }
      var shrunk = projectedY
      for k in 0..<values.count {
        shrunk[k] *= values[k] / (values[k] * values[k] + alpha)
      }
      coefficients = try right.matvec(shrunk)
    }
    if fitIntercept {
      for i in 0..<n { diagonal[i] -= interceptTerm[i] * roots[i] / rootsNorm2 }
    }
    let errors = (0..<n).map { c[$0] / diagonal[$0] }
    return (errors, coefficients)
  }
}

extension RidgeCV.Fitted: CoefficientsProviding {
  /// ``coefficients`` as a single row (scikit-learn's `coef_` for one target).
  public var coefficientRows: [[Double]] { [coefficients] }
}

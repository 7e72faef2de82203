import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The numerical solver of ``LogisticRegression`` (scikit-learn's `solver`).
public enum LogisticRegressionSolver: String, Sendable, Hashable, Codable, CaseIterable {
  /// Limited-memory BFGS (scikit-learn's default `"lbfgs"`), for the L2 penalty or none.
  case lbfgs
  /// Newton's method with a Cholesky factorisation of the Hessian (scikit-learn's
  /// `"newton-cholesky"`), for the L2 penalty or none; fast when samples far outnumber
  /// features, since each iteration costs O(n·(K·d)²) plus a `(K·d)³` factorisation.
  case newtonCholesky = "newton-cholesky"
  /// Proximal Newton with coordinate descent (glmnet's method), for the L1 and elastic-net
  /// penalties (`l1Ratio > 0`) and also L2. It has no scikit-learn spelling: it stands where
  /// scikit-learn uses `"saga"` (or `"liblinear"` for L1), minimises the same objective, but
  /// is deterministic and converges to tight tolerances.
  case newtonCD = "newton-cd"
}

/// Logistic regression: a linear classifier fitted by penalised maximum likelihood.
///
/// Minimises scikit-learn's objective `C·Σᵢ sᵢ·ℓ(yᵢ, xᵢ·Wᵀ + b) + r(W)` with
/// `r(W) = ½(1 − l1Ratio)·‖W‖² + l1Ratio·‖W‖₁` (the intercepts are not penalised), where
/// `sᵢ` is the sample weight times the class weight. Two classes use the binomial loss with
/// one coefficient row; more classes use the multinomial (softmax) loss over all classes with
/// one row per class, as scikit-learn 1.9 does. `c = .infinity` fits without a penalty.
///
/// scikit-learn: `sklearn.linear_model.LogisticRegression`; defaults match scikit-learn 1.9
/// (`C` 1, `l1_ratio` 0, `tol` 1e-4, `fit_intercept` true, `class_weight` None, `solver`
/// `"lbfgs"`, `max_iter` 100). The deprecated `penalty` is expressed, as scikit-learn 1.9
/// recommends, through `l1Ratio` and `c`. Not offered: `dual`, `intercept_scaling`, the
/// `liblinear`, `newton-cg`, `sag` and `saga` solvers (``LogisticRegressionSolver/newtonCD``
/// replaces the latter for L1 and elastic net), `warm_start`.
///
///     let model = try LogisticRegression<String>(c: 0.5).fit(x, labels)
///     let p = try model.predictProbabilities(xTest)   // one column per class
///
/// - Complexity: L-BFGS: O(n·d·K) per iteration (two BLAS products); Newton–Cholesky:
///   O(n·(K·(d + 1))² + (K·(d + 1))³) per iteration.
public struct LogisticRegression<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The solver type (``LogisticRegressionSolver``).
  public typealias Solver = LogisticRegressionSolver

  /// Inverse regularisation strength `C > 0`; `.infinity` means no penalty (scikit-learn's
  /// `C`, default 1).
  public var c: Double
  /// Elastic-net mixing `0 ≤ l1Ratio ≤ 1`: 0 is the L2 penalty, 1 the L1 penalty
  /// (scikit-learn's `l1_ratio`, default 0). Values above 0 need ``LogisticRegressionSolver/newtonCD``.
  public var l1Ratio: Double
  /// Stopping tolerance (scikit-learn's `tol`, default 1e-4): L-BFGS stops when
  /// `max |gᵢ| ≤ tol`; Newton–Cholesky also needs half the Newton decrement `≤ tol`;
  /// Newton-CD stops when the optimality violation is `≤ tol`.
  public var tol: Double
  /// Whether to fit intercepts (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// Per-class weights (scikit-learn's `class_weight`, default `nil`).
  public var classWeight: ClassWeight<Label>?
  /// The solver (scikit-learn's `solver`, default `"lbfgs"`).
  public var solver: Solver
  /// Iteration limit of the solver (scikit-learn's `max_iter`, default 100).
  public var maxIter: Int

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    c: Double = 1, l1Ratio: Double = 0, tol: Double = 1e-4, fitIntercept: Bool = true,
    classWeight: ClassWeight<Label>? = nil, solver: Solver = .lbfgs, maxIter: Int = 100
  ) {
    self.c = c
    self.l1Ratio = l1Ratio
    self.tol = tol
    self.fitIntercept = fitIntercept
    self.classWeight = classWeight
    self.solver = solver
    self.maxIter = maxIter
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(c: 1) }

  /// Logistic regression accepts sample weights and any number of classes.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `c`, `l1Ratio`, `tol`, `maxIter`, `classWeight` and that the solver supports the
  /// penalty.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `c` (not
  ///   `> 0`), `l1Ratio` (outside [0, 1]), `tol` (negative or not finite), `maxIter` (negative),
  ///   `classWeight` (a negative or non-finite weight), or `solver` when `l1Ratio > 0` with a
  ///   solver other than `.newtonCD` (scikit-learn raises the same).
  public func validateHyperparameters() throws {
    let name = "LogisticRegression"
    guard c > 0, !c.isNaN else {
      throw LearnError.invalidParameter(
        estimator: name, name: "c", value: "\(c)", expected: "a number > 0 (or infinity)")
    }
    try Check.within(l1Ratio, 0...1, estimator: name, name: "l1Ratio")
    try Check.finite(tol, atLeast: 0, estimator: name, name: "tol")
    try Check.count(maxIter, atLeast: 0, estimator: name, name: "maxIter")
    try classWeight?.validate(estimator: name)
    if l1Ratio > 0, c.isFinite, solver != .newtonCD {
      throw LearnError.invalidParameter(
        estimator: name, name: "solver", value: solver.rawValue,
        expected: "\"newton-cd\" when l1Ratio > 0 (lbfgs and newton-cholesky support only L2)")
    }
  }

  /// Fits the model.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`,
  ///   `LearnError.invalidSampleWeight(reason:)` (also when the class weights leave no
  ///   weight), `LearnError.tooFewClasses(found:)` when `y` has a single class,
  ///   `LearnError.numericalFailure(estimator:reason:)` if the solution is not finite.
  /// - Complexity: see ``LogisticRegression``.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let codes = try encoding.encode(y)
    let combined = try combinedWeights(
      classes: encoding.classes, codes: codes, sampleWeight: weights)
    let problem = makeProblem(x, codes: codes, classCount: encoding.classCount, weights: combined)
    let solution = solve(problem, start: nil)
    return try Fitted(problem: problem, solution: solution, encoding: encoding)
  }

  /// Sample weights times class weights (ones when both are absent).
  ///
  /// - Throws: `LearnError.invalidSampleWeight(reason:)` when the product is all zero.
  func combinedWeights(classes: [Label], codes: [Int], sampleWeight: [Double]?) throws
    -> [Double]
  {
    var combined = sampleWeight ?? [Double](repeating: 1, count: codes.count)
    if let classWeight {
      let perClass = classWeight.perClass(
        classes: classes, codes: codes, sampleWeight: sampleWeight)
      for i in 0..<combined.count { combined[i] *= perClass[codes[i]] }
    }
    guard combined.contains(where: { $0 > 0 }) else {
      throw LearnError.invalidSampleWeight(
        reason: "sample weights times class weights are all zero; at least one must be positive")
    }
    return combined
  }

  /// The scaled problem for `x`, class codes and combined weights.
  func makeProblem(_ x: Matrix, codes: [Int], classCount: Int, weights: [Double])
    -> LogisticProblem
  {
    let total = weights.reduce(0, +)
    let strength = c.isFinite ? 1 / (c * total) : 0
    return LogisticProblem(
      x: x, outputs: classCount == 2 ? 1 : classCount, codes: codes, weights: weights,
      weightSum: total, fitIntercept: fitIntercept, l2: strength * (1 - l1Ratio),
      l1: strength * l1Ratio)
  }

  /// Runs the configured solver from `start` (zeros when `nil`).
  func solve(_ problem: LogisticProblem, start: [Double]?) -> LogisticSolution {
    let initial = start ?? [Double](repeating: 0, count: problem.parameterCount)
    var solution: LogisticSolution
    switch solver {
    case .lbfgs:
      solution = LogisticSolvers.lbfgs(problem, start: initial, maxIter: maxIter, tol: tol)
    case .newtonCholesky:
      solution = LogisticSolvers.newtonCholesky(
        problem, start: initial, maxIter: maxIter, tol: tol)
    case .newtonCD:
      solution = LogisticSolvers.newtonCD(problem, start: initial, maxIter: maxIter, tol: tol)
    }
    // The multinomial loss does not change when every intercept moves together; report the
    // centred intercepts, as scikit-learn does.
    if problem.outputs > 1, problem.fitIntercept {
      let offset = problem.coefficientCount
      let m = problem.outputs
      var mean = 0.0
      for k in 0..<m { mean += solution.parameters[offset + k] }
      mean /= Double(m)
      for k in 0..<m { solution.parameters[offset + k] -= mean }
    }
    return solution
  }

  /// A fitted ``LogisticRegression``.
  public struct Fitted: ProbabilisticClassifier, DecisionFunctionProviding, Hashable {
    /// The coefficients: one row for two classes (the second class's log-odds), one row per
    /// class otherwise; one column per feature (scikit-learn's `coef_`).
    public let coefficients: Matrix
    /// One intercept per coefficient row, zeros when `fitIntercept` was false (scikit-learn's
    /// `intercept_`).
    public let intercepts: [Double]
    /// Solver iterations (scikit-learn's `n_iter_`).
    public let iterationCount: Int
    /// Whether the solver met its tolerance within `maxIter` (scikit-learn warns with a
    /// `ConvergenceWarning` otherwise).
    public let converged: Bool
    let encoding: LabelEncoding<Label>

    /// The sorted classes (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }
    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.columnCount }

    init(
      coefficients: Matrix, intercepts: [Double], iterationCount: Int, converged: Bool,
      encoding: LabelEncoding<Label>
    ) {
      self.coefficients = coefficients
      self.intercepts = intercepts
      self.iterationCount = iterationCount
      self.converged = converged
      self.encoding = encoding
    }

    init(problem: LogisticProblem, solution: LogisticSolution, encoding: LabelEncoding<Label>)
      throws
    {
      let m = problem.outputs
      let count = problem.coefficientCount
      let parameters = solution.parameters
      let intercepts =
        problem.fitIntercept
        ? Array(parameters[count..<(count + m)]) : [Double](repeating: 0, count: m)
      guard parameters.allSatisfy(\.isFinite) else {
        throw LearnError.numericalFailure(
          estimator: "LogisticRegression", reason: "the solver produced non-finite coefficients")
      }
      self.init(
        coefficients: Matrix(unchecked: m, problem.featureCount, Array(parameters[0..<count])),
        intercepts: intercepts, iterationCount: solution.iterations,
        converged: solution.converged, encoding: encoding)
    }

    /// `X·coefficientsᵀ + intercepts`: one column for two classes (positive means the second
    /// class), one column per class otherwise (scikit-learn's `decision_function`).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.emptyInput(input:reason:)`.
    /// - Complexity: O(n·d·K), one BLAS product.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      var scores = try linearClassifierScores(x, coefficients)
      addLinearClassifierIntercepts(intercepts, to: &scores)
      return scores
    }

    /// Class probabilities, one column per class in ``classes`` order: `[1 − σ(z), σ(z)]`
    /// for two classes, the softmax of the decision function otherwise (scikit-learn's
    /// `predict_proba`).
    ///
    /// - Throws: as ``decisionFunction(_:)``.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      let scores = try decisionFunction(x)
      let n = scores.rowCount
      let m = scores.columnCount
      if m == 1 {
        var out = [Double](repeating: 0, count: n * 2)
        for i in 0..<n {
          let p = logisticSigmoid(scores[i, 0])
          out[2 * i] = 1 - p
          out[2 * i + 1] = p
        }
        return Matrix(unchecked: n, 2, out)
      }
      var out = scores.storage
      for i in 0..<n {
        let row = i * m
        var top = out[row]
        for k in 1..<m { top = max(top, out[row + k]) }
        var sum = 0.0
        for k in 0..<m {
          out[row + k] = Foundation.exp(out[row + k] - top)
          sum += out[row + k]
        }
        for k in 0..<m { out[row + k] /= sum }
      }
      return Matrix(unchecked: n, m, out)
    }

    /// The class with the largest decision value (for two classes: the second class when the
    /// decision is positive), as scikit-learn's `predict`.
    ///
    /// - Throws: as ``decisionFunction(_:)``.
    public func predict(_ x: Matrix) throws -> [Label] {
      let scores = try decisionFunction(x)
      return try encoding.decode(linearClassifierCodes(scores))
    }
  }
}

/// `X·Wᵀ` (`n x m`): one `dgemv` for a single coefficient row, one `dgemm` otherwise.
func linearClassifierScores(_ x: Matrix, _ coefficients: Matrix) throws -> Matrix {
  if coefficients.rowCount == 1 {
    return Matrix(column: try x.matvec(coefficients.storage))
  }
  return try Matrix.product(x, coefficients, transposeB: .transposed)
}

/// Adds `intercepts[k]` to column `k` of every row, in place.
func addLinearClassifierIntercepts(_ intercepts: [Double], to scores: inout Matrix) {
  let m = scores.columnCount
  let n = scores.rowCount
  guard intercepts.count == m else { return }
  scores.withUnsafeMutableStorage { s in
    for i in 0..<n {
      for k in 0..<m { s[i * m + k] += intercepts[k] }
    }
  }
}

/// The predicted class codes from a decision matrix: `z > 0` for one column, the first
/// largest column otherwise (numpy's `argmax`).
func linearClassifierCodes(_ scores: Matrix) -> [Int] {
  let n = scores.rowCount
  let m = scores.columnCount
  var codes = [Int](repeating: 0, count: n)
  scores.withUnsafeStorage { s in
    for i in 0..<n {
      if m == 1 {
        codes[i] = s[i] > 0 ? 1 : 0
      } else {
        var best = 0
        for k in 1..<m where s[i * m + k] > s[i * m + best] { best = k }
        codes[i] = best
      }
    }
  }
  return codes
}

extension LogisticRegression.Fitted: CoefficientsProviding {
  /// ``coefficients`` as rows (scikit-learn's `coef_`).
  public var coefficientRows: [[Double]] { coefficients.rowArrays }
}

extension LogisticRegression.Fitted {
  enum CodingKeys: String, CodingKey {
    case coefficients, intercepts, iterationCount, converged, encoding
  }

  /// Decodes and re-checks: one finite intercept per coefficient row, one row for two classes
  /// and one per class otherwise, finite coefficients.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode(Matrix.self, forKey: .coefficients)
    let intercepts = try c.decode([Double].self, forKey: .intercepts)
    let iterations = try c.decode(Int.self, forKey: .iterationCount)
    let converged = try c.decode(Bool.self, forKey: .converged)
    let encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
    let k = encoding.classCount
    let path = c.codingPath
    try requireDecoded(
      k >= 2 && coefficients.rowCount == (k == 2 ? 1 : k)
        && intercepts.count == coefficients.rowCount && coefficients.columnCount > 0,
      "one coefficient row and intercept per class (one for two classes) is required",
      codingPath: path)
    try requireDecoded(
      coefficients.isFinite && intercepts.allSatisfy(\.isFinite),
      "coefficients and intercepts must be finite", codingPath: path)
    try requireDecoded(iterations >= 0, "negative iteration count", codingPath: path)
    self.init(
      coefficients: coefficients, intercepts: intercepts, iterationCount: iterations,
      converged: converged, encoding: encoding)
  }
}

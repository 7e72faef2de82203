import Dispatch
import LinearAlgebra
import SwiftLearnCore

/// A linear support vector classifier solved as liblinear does (dual coordinate descent, or a
/// Newton method on the primal).
///
/// Minimises `½(‖w‖² + w_b²) + C·Σ cᵢ·max(0, 1 − yᵢ(xᵢ·w + s·w_b))²` (the square is dropped
/// for the hinge loss), where the intercept `b = s·w_b` comes from an extra constant feature
/// `s = interceptScaling` and is therefore penalised, as in liblinear. `cᵢ` is the sample
/// weight times the class weight. Multiclass problems are one-vs-rest (one binary problem per
/// class, in parallel); as in liblinear, the class weight scales only the positive side of
/// each one-vs-rest problem.
///
/// scikit-learn: `sklearn.svm.LinearSVC`; defaults match scikit-learn 1.9 (`loss`
/// `squared_hinge`, `penalty="l2"`, `C` 1, `tol` 1e-4, `maxIter` 1000, `interceptScaling` 1).
/// ``dual`` `nil` is scikit-learn's `"auto"`: the squared hinge with at least as many samples
/// as features is solved in the primal by Newton's method (liblinear uses trust-region
/// Newton; the strictly convex problem has one minimiser), everything else by liblinear's dual
/// coordinate descent. Not offered: `penalty="l1"`, `multi_class="crammer_singer"`.
///
///     let model = try LinearSVC<String>(c: 0.5).fit(xScaled, labels)
///
/// - Complexity: dual: O(iterations·n·d) per class; primal: O(iterations·(n·d² + d³)).
public struct LinearSVC<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The loss (scikit-learn's `loss`).
  public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
    /// `max(0, 1 − y·f)`: the standard SVM loss.
    case hinge
    /// `max(0, 1 − y·f)²` (the default).
    case squaredHinge = "squared_hinge"
  }

  /// Per-class weights (scikit-learn's `class_weight`): the shared ``Estimators/ClassWeight``.
  public typealias ClassWeight = Estimators.ClassWeight<Label>

  /// The loss (scikit-learn's `loss`, default `.squaredHinge`).
  public var loss: Loss
  /// Whether to solve the dual problem (scikit-learn's `dual`); `nil` is scikit-learn's
  /// `"auto"`: the primal for the squared hinge when samples outnumber features, the dual
  /// otherwise. The hinge loss needs the dual.
  public var dual: Bool?
  /// The stopping tolerance on the dual projected-gradient gap (scikit-learn's `tol`,
  /// default 1e-4).
  public var tol: Double
  /// The inverse regularisation strength (scikit-learn's `C`, default 1).
  public var c: Double
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// The value of the constant feature that carries the intercept (scikit-learn's
  /// `intercept_scaling`, default 1); larger values penalise the intercept less.
  public var interceptScaling: Double
  /// Per-class weights, `nil` for all ones (scikit-learn's `class_weight`).
  public var classWeight: ClassWeight?
  /// The seed of the coordinate order (scikit-learn's `random_state`).
  public var seed: UInt64?
  /// The maximum number of passes over the data (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - loss: The loss.
  ///   - dual: Dual (`true`), primal (`false`) or automatic (`nil`).
  ///   - tol: The stopping tolerance.
  ///   - c: The inverse regularisation strength.
  ///   - fitIntercept: Whether to fit an intercept.
  ///   - interceptScaling: The intercept feature's value.
  ///   - classWeight: Per-class weights.
  ///   - seed: The seed of the coordinate order.
  ///   - maxIter: The maximum number of passes.
  public init(
    loss: Loss = .squaredHinge, dual: Bool? = nil, tol: Double = 1e-4, c: Double = 1,
    fitIntercept: Bool = true,
    interceptScaling: Double = 1, classWeight: ClassWeight? = nil, seed: UInt64? = nil,
    maxIter: Int = 1000
  ) {
    self.loss = loss
    self.dual = dual
    self.tol = tol
    self.c = c
    self.fitIntercept = fitIntercept
    self.interceptScaling = interceptScaling
    self.classWeight = classWeight
    self.seed = seed
    self.maxIter = maxIter
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(loss: .squaredHinge) }

  /// Accepts sample weights; the model is unique, only the iteration count depends on the seed.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `c`, `tol`, `interceptScaling`, `maxIter` and `classWeight`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter.
  public func validateHyperparameters() throws {
    try classWeight?.validate(estimator: "LinearSVC")
    try Check.finite(c, atLeast: 0, inclusive: false, estimator: "LinearSVC", name: "c")
    try Check.finite(tol, atLeast: 0, inclusive: false, estimator: "LinearSVC", name: "tol")
    try Check.finite(
      interceptScaling, atLeast: 0, inclusive: false, estimator: "LinearSVC",
      name: "interceptScaling")
    try Check.count(maxIter, atLeast: 1, estimator: "LinearSVC", name: "maxIter")
    if dual == false && loss == .hinge {
      throw LearnError.invalidParameter(
        estimator: "LinearSVC", name: "dual", value: "false",
        expected: "true or nil with the hinge loss (liblinear has no primal hinge solver)")
    }
    if case .weights(let map) = classWeight {
      for (label, value) in map where !(value.isFinite && value >= 0) {
        throw LearnError.invalidParameter(
          estimator: "LinearSVC", name: "classWeight", value: "\(label): \(value)",
          expected: "finite, non-negative weights")
      }
    }
  }

  /// Fits one binary problem, or one per class.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`, `LearnError.invalidSampleWeight(reason:)`,
  ///   `LearnError.tooFewClasses(found:)` for a single class.
  /// - Complexity: O(iterations·n·d) per class.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    let k = encoding.classCount
    guard k >= 2 else { throw LearnError.tooFewClasses(found: k) }
    let codes = try encoding.encode(y)
    var explicit: [Int: Double] = [:]
    if case .weights(let map) = classWeight {
      for (label, value) in map {
        if let code = encoding.code(of: label) { explicit[code] = value }
      }
    }
    let classWeights = LinearClassifierSupport.classWeights(
      balanced: classWeight == .balanced, explicit: explicit, codes: codes, classCount: k)
    let n = x.rowCount
    let d = x.columnCount
    let sw = weights ?? [Double](repeating: 1, count: n)
    let scale = fitIntercept ? interceptScaling : 0
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let problemCount = k == 2 ? 1 : k
    let norms = LinearSVMSolvers.squaredNorms(x, biasScale: scale)
    var solutions = [LinearSVMSolvers.Solution](
      repeating: .init(weights: [], bias: 0, iterations: 0), count: problemCount)
    var failures = [LearnError?](repeating: nil, count: problemCount)
    let squared = loss == .squaredHinge
    let settings = (c: c, tol: tol, maxIter: maxIter)
    let usePrimal = squared && (dual.map { !$0 } ?? (n >= d))
    let augmented =
      usePrimal && fitIntercept
      ? try x.appendingColumns(Matrix(repeating: scale, rowCount: n, columnCount: 1)) : x
    x.withUnsafeStorage { xs in
      failures.withUnsafeMutableBufferPointer { fail in
        solutions.withUnsafeMutableBufferPointer { out in
          guard let base = xs.baseAddress else { return }
          let rows = LinearSVMSolvers.Rows(
            x: base, rowCount: n, featureCount: d, biasScale: scale, squaredNorms: norms)
          let slots = SolutionSlots(buffer: out)
          let failed = FailureSlots(buffer: fail)
          let work: @Sendable (Int) -> Void = { p in
            let positive = problemCount == 1 ? 1 : p
            var targets = [Double](repeating: -1, count: n)
            var cost = [Double](repeating: 0, count: n)
            for i in 0..<n {
              let isPositive = codes[i] == positive
              targets[i] = isPositive ? 1 : -1
              let classFactor =
                problemCount == 1 ? classWeights[codes[i]] : (isPositive ? classWeights[p] : 1)
              cost[i] = settings.c * sw[i] * classFactor
            }
            if usePrimal {
              do {
                var solution = try LinearSVMSolvers.primalSquaredHinge(
                  augmented, y: targets, cost: cost, tol: settings.tol, maxIter: settings.maxIter)
                if solution.weights.count > d {
                  solution.bias = solution.weights[d]
                  solution.weights.removeLast()
                }
                slots.buffer[p] = solution
              } catch {
                failed.buffer[p] = .numericalFailure(estimator: "LinearSVC", reason: "\(error)")
              }
            } else {
              slots.buffer[p] = LinearSVMSolvers.classification(
                rows, y: targets, cost: cost, squared: squared, tol: settings.tol,
                maxIter: settings.maxIter, seed: SeededGenerator.childSeed(of: seedUsed, index: p))
            }
          }
          if problemCount == 1 {
            work(0)
          } else {
            DispatchQueue.concurrentPerform(iterations: problemCount, execute: work)
          }
        }
      }
    }
    for failure in failures { if let failure { throw failure } }
    var coefficients = [Double](repeating: 0, count: problemCount * d)
    var intercepts = [Double](repeating: 0, count: problemCount)
    for p in 0..<problemCount {
      for j in 0..<d { coefficients[p * d + j] = solutions[p].weights[j] }
      intercepts[p] = solutions[p].bias * scale
    }
    let iterations = solutions.map(\.iterations).max() ?? 0
    return Fitted(
      encoding: encoding, coefficients: Matrix(unchecked: problemCount, d, coefficients),
      intercepts: intercepts, iterationCount: iterations, converged: iterations < maxIter,
      seedUsed: seedUsed)
  }

  /// A fitted ``LinearSVC``.
  public struct Fitted: FittedClassifier, DecisionFunctionProviding, CoefficientsProviding,
    Hashable, Codable
  {
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// One row of coefficients for two classes, one per class otherwise (scikit-learn's
    /// `coef_`).
    public let coefficients: Matrix
    /// One intercept per row of ``coefficients`` (scikit-learn's `intercept_`).
    public let intercepts: [Double]
    /// The passes run, the largest over the one-vs-rest problems (scikit-learn's `n_iter_`).
    public let iterationCount: Int
    /// Whether every problem met `tol` before `maxIter`.
    public let converged: Bool
    /// The seed of the coordinate order.
    public let seedUsed: UInt64

    init(
      encoding: LabelEncoding<Label>, coefficients: Matrix, intercepts: [Double],
      iterationCount: Int, converged: Bool, seedUsed: UInt64
    ) {
      self.encoding = encoding
      self.coefficients = coefficients
      self.intercepts = intercepts
      self.iterationCount = iterationCount
      self.converged = converged
      self.seedUsed = seedUsed
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
  }
}

/// The result slots of the parallel one-vs-rest problems; each problem writes its own.
struct SolutionSlots: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<LinearSVMSolvers.Solution>
}

/// The error slots of the parallel one-vs-rest problems.
struct FailureSlots: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<LearnError?>
}

import LinearAlgebra
import SwiftLearnCore

/// A classifier that fits ridge regression to ±1 targets.
///
/// Two classes become one target (`+1` for the second class, `−1` for the first); more
/// classes become one ±1 target per class (one-vs-all), all fitted at once by ``Ridge``'s
/// multi-target solver with the same `alpha`. The prediction is the class with the largest
/// decision value (for two classes: the second class when the decision is positive).
/// scikit-learn: `sklearn.linear_model.RidgeClassifier`; defaults match scikit-learn 1.9
/// (`alpha` 1, `fit_intercept` true, `max_iter` None, `tol` 1e-4, `class_weight` None,
/// `solver` `"auto"`). Not offered: `positive`, multilabel targets, the `lsqr`/`sag`/`saga`/
/// `lbfgs` solvers.
///
///     let model = try RidgeClassifier<String>(alpha: 0.5).fit(x, labels)
///     let scores = try model.decisionFunction(xTest)
///
/// - Complexity: that of ``Ridge`` with `K` targets (one for two classes).
public struct RidgeClassifier<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The L2 penalty `alpha ≥ 0` (scikit-learn's `alpha`, default 1).
  public var alpha: Double
  /// Whether to fit intercepts (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// Iteration limit of the iterative solver (scikit-learn's `max_iter`, default `None`).
  public var maxIter: Int?
  /// Tolerance of the iterative solver (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// Per-class weights (scikit-learn's `class_weight`, default `nil`); `.balanced` counts rows.
  public var classWeight: ClassWeight<Label>?
  /// The ridge solver (scikit-learn's `solver`, default `"auto"`).
  public var solver: Ridge.Solver

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    alpha: Double = 1, fitIntercept: Bool = true, maxIter: Int? = nil, tol: Double = 1e-4,
    classWeight: ClassWeight<Label>? = nil, solver: Ridge.Solver = .auto
  ) {
    self.alpha = alpha
    self.fitIntercept = fitIntercept
    self.maxIter = maxIter
    self.tol = tol
    self.classWeight = classWeight
    self.solver = solver
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(alpha: 1) }

  /// Accepts sample weights and any number of classes.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks `alpha`, `tol`, `maxIter` and `classWeight`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter.
  public func validateHyperparameters() throws {
    let name = "RidgeClassifier"
    try Check.finite(alpha, atLeast: 0, estimator: name, name: "alpha")
    try Check.finite(tol, atLeast: 0, estimator: name, name: "tol")
    if let maxIter { try Check.count(maxIter, atLeast: 1, estimator: name, name: "maxIter") }
    try classWeight?.validate(estimator: name)
  }

  /// Fits the ±1 targets.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`,
  ///   `LearnError.invalidSampleWeight(reason:)`, `LearnError.tooFewClasses(found:)` for a
  ///   single class, `LearnError.numericalFailure(estimator:reason:)` if LAPACK fails.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    var weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let codes = try encoding.encode(y)
    if let classWeight {
      let perClass = classWeight.perClass(
        classes: encoding.classes, codes: codes, sampleWeight: nil)
      var combined = weights ?? [Double](repeating: 1, count: codes.count)
      for i in 0..<combined.count { combined[i] *= perClass[codes[i]] }
      guard combined.contains(where: { $0 > 0 }) else {
        throw LearnError.invalidSampleWeight(
          reason: "sample weights times class weights are all zero; at least one must be positive"
        )
      }
      weights = combined
    }
    let k = encoding.classCount
    let targets = k == 2 ? 1 : k
    var y = [Double](repeating: -1, count: codes.count * targets)
    for (i, code) in codes.enumerated() {
      if targets == 1 {
        if code == 1 { y[i] = 1 }
      } else {
        y[i * targets + code] = 1
      }
    }
    let ridge = Ridge(
      alpha: alpha, fitIntercept: fitIntercept, maxIter: maxIter, tol: tol, solver: solver)
    let fitted: Ridge.MultiTargetFitted
    do {
      fitted = try ridge.fit(
        x, Matrix(unchecked: codes.count, targets, y), sampleWeight: weights)
    } catch LearnError.numericalFailure(_, let reason) {
      throw LearnError.numericalFailure(estimator: "RidgeClassifier", reason: reason)
    }
    return Fitted(
      coefficients: fitted.coefficients, intercepts: fitted.intercepts, encoding: encoding)
  }

  /// A fitted ``RidgeClassifier``.
  public struct Fitted: FittedClassifier, DecisionFunctionProviding, Hashable {
    /// One row for two classes, one row per class otherwise; one column per feature
    /// (scikit-learn's `coef_`).
    public let coefficients: Matrix
    /// One intercept per coefficient row (scikit-learn's `intercept_`).
    public let intercepts: [Double]
    let encoding: LabelEncoding<Label>

    /// The sorted classes (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }
    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.columnCount }

    init(coefficients: Matrix, intercepts: [Double], encoding: LabelEncoding<Label>) {
      self.coefficients = coefficients
      self.intercepts = intercepts
      self.encoding = encoding
    }

    /// `X·coefficientsᵀ + intercepts` (scikit-learn's `decision_function`): one column for
    /// two classes, one per class otherwise.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.emptyInput(input:reason:)`.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      var scores = try linearClassifierScores(x, coefficients)
      addLinearClassifierIntercepts(intercepts, to: &scores)
      return scores
    }

    /// The class with the largest decision value.
    ///
    /// - Throws: as ``decisionFunction(_:)``.
    public func predict(_ x: Matrix) throws -> [Label] {
      try encoding.decode(linearClassifierCodes(try decisionFunction(x)))
    }

    enum CodingKeys: String, CodingKey { case coefficients, intercepts, encoding }

    /// Decodes and re-checks the shapes and finiteness.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let coefficients = try c.decode(Matrix.self, forKey: .coefficients)
      let intercepts = try c.decode([Double].self, forKey: .intercepts)
      let encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
      let k = encoding.classCount
      try requireDecoded(
        k >= 2 && coefficients.rowCount == (k == 2 ? 1 : k)
          && intercepts.count == coefficients.rowCount && coefficients.columnCount > 0,
        "one coefficient row and intercept per class (one for two classes) is required",
        codingPath: c.codingPath)
      try requireDecoded(
        coefficients.isFinite && intercepts.allSatisfy(\.isFinite),
        "coefficients and intercepts must be finite", codingPath: c.codingPath)
      self.init(coefficients: coefficients, intercepts: intercepts, encoding: encoding)
    }
  }
}

extension RidgeClassifier.Fitted: CoefficientsProviding {
  /// ``coefficients`` as rows (scikit-learn's `coef_`).
  public var coefficientRows: [[Double]] { coefficients.rowArrays }
}

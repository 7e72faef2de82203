import Foundation
import LinearAlgebra
import SwiftLearnCore

extension LinearDiscriminantAnalysis {
  /// A fitted ``LinearDiscriminantAnalysis``: a linear classifier and (with the `svd` solver)
  /// a projection onto the discriminant directions.
  public struct Fitted: ProbabilisticClassifier, DecisionFunctionProviding,
    CoefficientsProviding, Transformer, Hashable, Codable
  {
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// One row for two classes, one per class otherwise (scikit-learn's `coef_`).
    public let coefficients: Matrix
    /// One intercept per row of ``coefficients`` (scikit-learn's `intercept_`).
    public let intercepts: [Double]
    /// The class means, one row per class (scikit-learn's `means_`).
    public let means: Matrix
    /// The class priors (scikit-learn's `priors_`).
    public let priors: [Double]
    /// The solver used.
    public let solver: Solver
    /// The prior-weighted overall mean (scikit-learn's `xbar_`; zeros for `lsqr`).
    public let xbar: [Double]
    /// The discriminant directions, one column each (scikit-learn's `scalings_`; empty for
    /// `lsqr`).
    public let scalings: Matrix
    /// The number of columns ``transform(_:)`` returns.
    public let componentCount: Int
    /// The share of between-class variance of each kept direction (scikit-learn's
    /// `explained_variance_ratio_`; empty for `lsqr`).
    public let explainedVarianceRatio: [Double]

    init(
      encoding: LabelEncoding<Label>, coefficients: Matrix, intercepts: [Double], means: Matrix,
      priors: [Double], solver: Solver, xbar: [Double], scalings: Matrix, componentCount: Int,
      explainedVarianceRatio: [Double]
    ) {
      self.encoding = encoding
      self.coefficients = coefficients
      self.intercepts = intercepts
      self.means = means
      self.priors = priors
      self.solver = solver
      self.xbar = xbar
      self.scalings = scalings
      self.componentCount = componentCount
      self.explainedVarianceRatio = explainedVarianceRatio
    }

    /// The number of features seen during fit.
    public var featureCount: Int { coefficients.columnCount }
    /// The sorted distinct training labels (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }
    /// ``coefficients`` as rows (scikit-learn's `coef_`).
    public var coefficientRows: [[Double]] { coefficients.rowArrays }
    /// The number of columns of ``transform(_:)``.
    public var outputFeatureCount: Int { componentCount }

    /// `x·coefficientsᵀ + intercepts`: the log-posterior ratio of the second class for two
    /// classes, one column per class otherwise.
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

    /// Posterior probabilities: the logistic of the decision for two classes, its softmax
    /// otherwise.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try predictLogProbabilities(x).map { Foundation.exp($0) }
    }

    /// The logarithm of ``predictProbabilities(_:)``, computed stably.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predictLogProbabilities(_ x: Matrix) throws -> Matrix {
      let scores = try decisionFunction(x)
      if scores.columnCount == 1 {
        let pairs = scores.storage.flatMap { v -> [Double] in [0, v] }
        return DiscriminantSupport.logSoftmax(Matrix(unchecked: scores.rowCount, 2, pairs))
      }
      return DiscriminantSupport.logSoftmax(scores)
    }

    /// Projects `x` onto the first ``componentCount`` discriminant directions:
    /// `(x − xbar)·scalings` (scikit-learn's `transform`).
    ///
    /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `solver`
    ///   for the `lsqr` solver, which has no projection; input errors.
    public func transform(_ x: Matrix) throws -> Matrix {
      guard solver == .svd else {
        throw LearnError.invalidParameter(
          estimator: "LinearDiscriminantAnalysis", name: "solver", value: solver.rawValue,
          expected: "svd for transform")
      }
      try Validate.predictionInput(x, featureCount: featureCount)
      let centred = try x.addingRowVector(xbar.map { -$0 })
      let kept = try scalings.columns(Array(0..<componentCount))
      return try Matrix.product(centred, kept)
    }

    /// `lineardiscriminantanalysis0`, `lineardiscriminantanalysis1`, ... (scikit-learn's
    /// class-name prefixed output names).
    ///
    /// - Throws: `LearnError.lengthMismatch(input:expected:got:)` for a wrong number of input
    ///   names.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      _ = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      return (0..<componentCount).map { "lineardiscriminantanalysis\($0)" }
    }

    enum CodingKeys: String, CodingKey {
      case encoding, coefficients, intercepts, means, priors, solver, xbar, scalings
      case componentCount, explainedVarianceRatio
    }

    /// Decodes and re-checks the shapes and finiteness.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
      let coefficients = try c.decode(Matrix.self, forKey: .coefficients)
      let intercepts = try c.decode([Double].self, forKey: .intercepts)
      let means = try c.decode(Matrix.self, forKey: .means)
      let priors = try c.decode([Double].self, forKey: .priors)
      let xbar = try c.decode([Double].self, forKey: .xbar)
      let scalings = try c.decode(Matrix.self, forKey: .scalings)
      let componentCount = try c.decode(Int.self, forKey: .componentCount)
      try checkDecodedLinearClassifier(
        coefficients: coefficients, intercepts: intercepts, classCount: encoding.classCount,
        codingPath: c.codingPath)
      let d = coefficients.columnCount
      try requireDecoded(
        means.rowCount == encoding.classCount && means.columnCount == d
          && priors.count == encoding.classCount && xbar.count == d
          && scalings.rowCount == d && componentCount >= 0
          && componentCount <= scalings.columnCount,
        "inconsistent discriminant shapes", codingPath: c.codingPath)
      self.init(
        encoding: encoding, coefficients: coefficients, intercepts: intercepts, means: means,
        priors: priors, solver: try c.decode(Solver.self, forKey: .solver), xbar: xbar,
        scalings: scalings, componentCount: componentCount,
        explainedVarianceRatio: try c.decode([Double].self, forKey: .explainedVarianceRatio))
    }
  }
}

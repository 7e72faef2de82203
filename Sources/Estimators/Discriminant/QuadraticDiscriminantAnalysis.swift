import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Quadratic discriminant analysis: one Gaussian per class with its own covariance matrix,
/// giving quadratic decision boundaries.
///
/// Each class covariance is kept as the SVD of its centred rows: scalings `S²/n_c`,
/// regularised to `(1 − regParam)·S²/n_c + regParam`, and rotation `V`.
/// scikit-learn: `sklearn.discriminant_analysis.QuadraticDiscriminantAnalysis`; defaults
/// match scikit-learn 1.9 (`solver="svd"`, `regParam` 0, `tol` 1e-4, priors from the class
/// frequencies). Not offered: the `eigen` solver, `shrinkage`, `covariance_estimator`.
///
///     let qda = try QuadraticDiscriminantAnalysis<Int>(regParam: 0.01).fit(x, labels)
///
/// - Complexity: O(n·d·min(n_c, d)) to fit; O(n·d²·k) to predict.
public struct QuadraticDiscriminantAnalysis<Label: ClassLabel>: Classifier,
  DefaultInitializable, Hashable, Codable
{
  /// Class priors in class order, `nil` for the training frequencies (scikit-learn's
  /// `priors`).
  public var priors: [Double]?
  /// Regularisation of each class covariance towards the identity, in `[0, 1]`
  /// (scikit-learn's `reg_param`, default 0).
  public var regParam: Double
  /// The threshold below which a regularised scaling counts as rank-deficient
  /// (scikit-learn's `tol`, default 1e-4).
  public var tol: Double

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - priors: The class priors.
  ///   - regParam: The covariance regularisation.
  ///   - tol: The rank threshold.
  public init(priors: [Double]? = nil, regParam: Double = 0, tol: Double = 1e-4) {
    self.priors = priors
    self.regParam = regParam
    self.tol = tol
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(regParam: 0) }

  static var name: String { "QuadraticDiscriminantAnalysis" }

  /// Checks `regParam` and `tol`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter.
  public func validateHyperparameters() throws {
    try Check.within(regParam, 0...1, estimator: Self.name, name: "regParam")
    try Check.finite(tol, atLeast: 0, estimator: Self.name, name: "tol")
  }

  /// Fits one Gaussian per class.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
  ///   `LearnError.lengthMismatch(input:expected:got:)`, `LearnError.tooFewClasses(found:)`,
  ///   `LearnError.unsupportedInput(input:reason:)` for a class with one sample,
  ///   `LearnError.numericalFailure(estimator:reason:)` for a rank-deficient class covariance
  ///   (increase `regParam`).
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    let k = encoding.classCount
    guard k >= 2 else { throw LearnError.tooFewClasses(found: k) }
    let d = x.columnCount
    let members = DiscriminantSupport.members(try encoding.encode(y), classCount: k)
    let priors = try DiscriminantSupport.priors(
      self.priors, members: members, rowCount: x.rowCount, estimator: Self.name)
    var means: [[Double]] = []
    var scalings: [[Double]] = []
    var rotations: [Matrix] = []
    for c in 0..<k {
      let rows = members[c]
      guard rows.count > 1 else {
        throw LearnError.unsupportedInput(
          input: "y",
          reason:
            "class \(encoding.classes[c]) has only 1 sample; its covariance is ill defined")
      }
      let mean = DiscriminantSupport.mean(x, rows: rows)
      let centred = DiscriminantSupport.centered(x, rows: rows, center: mean)
      let decomposition: (u: Matrix, s: [Double], vt: Matrix)
      do {
        decomposition = try centred.svd()
      } catch let error as LinearAlgebraError {
        throw LearnError.numericalFailure(estimator: Self.name, reason: error.description)
      }
      let scaling = decomposition.s.map {
        (1 - regParam) * ($0 * $0 / Double(rows.count)) + regParam
      }
      let rank = scaling.filter { $0 > tol }.count
      guard rank >= d else {
        throw LearnError.numericalFailure(
          estimator: Self.name,
          reason:
            "the covariance matrix of class \(encoding.classes[c]) is not full rank (\(rows.count) samples, \(d) features); increase regParam"
        )
      }
      means.append(mean)
      scalings.append(scaling)
      rotations.append(decomposition.vt.transposed())
    }
    return Fitted(
      encoding: encoding, means: try Matrix(rows: means), priors: priors, scalings: scalings,
      rotations: rotations)
  }

  /// A fitted ``QuadraticDiscriminantAnalysis``.
  public struct Fitted: ProbabilisticClassifier, DecisionFunctionProviding, Hashable, Codable {
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// The class means, one row per class (scikit-learn's `means_`).
    public let means: Matrix
    /// The class priors (scikit-learn's `priors_`).
    public let priors: [Double]
    /// Per class, the (regularised) variances along its principal axes (scikit-learn's
    /// `scalings_`).
    public let scalings: [[Double]]
    /// Per class, the principal axes as columns (scikit-learn's `rotations_`).
    public let rotations: [Matrix]

    init(
      encoding: LabelEncoding<Label>, means: Matrix, priors: [Double], scalings: [[Double]],
      rotations: [Matrix]
    ) {
      self.encoding = encoding
      self.means = means
      self.priors = priors
      self.scalings = scalings
      self.rotations = rotations
    }

    /// The number of features seen during fit.
    public var featureCount: Int { means.columnCount }
    /// The sorted distinct training labels (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }

    /// The per-class log posterior up to a constant:
    /// `−½(‖(x − μ_c)·R_c·S_c^{−½}‖² + Σ log S_c) + log π_c`.
    func classScores(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      let n = x.rowCount
      let k = priors.count
      var out = [Double](repeating: 0, count: n * k)
      for c in 0..<k {
        let mean = try means.row(c)
        let centred = try x.addingRowVector(mean.map { -$0 })
        let s = scalings[c]
        let rotation = rotations[c]
        var scaled = rotation
        for j in 0..<rotation.rowCount {
          for r in 0..<rotation.columnCount { scaled[j, r] = rotation[j, r] / s[r].squareRoot() }
        }
        let projected = try Matrix.product(centred, scaled)
        let logDet = s.reduce(0) { $0 + Foundation.log($1) }
        let logPrior = Foundation.log(priors[c])
        let m = projected.columnCount
        projected.withUnsafeStorage { p in
          for i in 0..<n {
            var norm = 0.0
            for r in 0..<m { norm += p[i * m + r] * p[i * m + r] }
            out[i * k + c] = -0.5 * (norm + logDet) + logPrior
          }
        }
      }
      return Matrix(unchecked: n, k, out)
    }

    /// The log-likelihood ratio of the second class for two classes, the class scores
    /// otherwise (scikit-learn's `decision_function`).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
      let scores = try classScores(x)
      guard scores.columnCount == 2 else { return scores }
      let diff = (0..<scores.rowCount).map { scores[$0, 1] - scores[$0, 0] }
      return Matrix(column: diff)
    }

    /// The class with the largest score.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predict(_ x: Matrix) throws -> [Label] {
      let scores = try classScores(x)
      return try encoding.decode(LinearClassifierSupport.codes(scores))
    }

    /// Posterior probabilities: the softmax of the class scores.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try predictLogProbabilities(x).map { Foundation.exp($0) }
    }

    /// The log-softmax of the class scores.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predictLogProbabilities(_ x: Matrix) throws -> Matrix {
      DiscriminantSupport.logSoftmax(try classScores(x))
    }

    enum CodingKeys: String, CodingKey { case encoding, means, priors, scalings, rotations }

    /// Decodes and re-checks the shapes and that every scaling is positive.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
      let means = try c.decode(Matrix.self, forKey: .means)
      let priors = try c.decode([Double].self, forKey: .priors)
      let scalings = try c.decode([[Double]].self, forKey: .scalings)
      let rotations = try c.decode([Matrix].self, forKey: .rotations)
      let k = encoding.classCount
      let d = means.columnCount
      try requireDecoded(
        k >= 2 && d >= 1 && means.rowCount == k && priors.count == k && scalings.count == k
          && rotations.count == k
          && zip(scalings, rotations).allSatisfy {
            $1.rowCount == d && $1.columnCount == $0.count && $0.allSatisfy { $0 > 0 }
          },
        "inconsistent class shapes or non-positive scalings", codingPath: c.codingPath)
      self.init(
        encoding: encoding, means: means, priors: priors, scalings: scalings,
        rotations: rotations)
    }
  }
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Dimensionality reduction by a truncated singular value decomposition, without centring.
///
/// Unlike ``PCA`` the data are not centred, which makes it the latent semantic analysis of
/// term matrices. Components follow scikit-learn's `svd_flip` convention
/// (`u_based_decision=False`).
///
/// scikit-learn: `sklearn.decomposition.TruncatedSVD`; defaults match scikit-learn 1.9
/// (`n_components=2`, `algorithm="randomized"`, `n_iter=5`, `n_oversamples=10`,
/// `power_iteration_normalizer="auto"`). The randomized algorithm draws its Gaussian test
/// matrix from SwiftLearn's seeded generator, so its output differs from scikit-learn's in the
/// last digits of the trailing components; `arpack` computes the exact truncated SVD (through
/// LAPACK's full SVD, which gives what ARPACK converges to with `tol=0`).
///
///     let lsa = try TruncatedSVD(componentCount: 2, seed: 0).fit(x)
///     let z = try lsa.transform(x)
///
/// - Complexity: randomized: O(n·d·(k + 10)·(iterations + 2)); arpack: O(n·d·min(n, d)).
public struct TruncatedSVD: TransformerEstimator, RandomizedEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// The SVD algorithm (scikit-learn's `algorithm`).
  public enum Algorithm: String, Sendable, Hashable, Codable, CaseIterable {
    /// Halko et al.'s randomized SVD, seeded.
    case randomized
    /// The exact truncated SVD (scikit-learn uses ARPACK; SwiftLearn a full LAPACK SVD).
    case arpack
  }

  /// The number of components (scikit-learn's `n_components`, default 2); must be below the
  /// number of features.
  public var componentCount: Int
  /// The algorithm (default `randomized`).
  public var algorithm: Algorithm
  /// Power iterations of the randomized algorithm (scikit-learn's `n_iter`, default 5).
  public var iterationCount: Int
  /// Extra random directions of the randomized algorithm (scikit-learn's `n_oversamples`, 10).
  public var oversampleCount: Int
  /// Normalization of the power iterations (default `auto`).
  public var powerIterationNormalizer: PowerIterationNormalizer
  /// Seed of the randomized algorithm (scikit-learn's `random_state`).
  public var seed: UInt64?

  /// Creates a truncated SVD; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - componentCount: The number of components.
  ///   - algorithm: `randomized` or the exact `arpack`.
  ///   - iterationCount: Power iterations of the randomized algorithm.
  ///   - oversampleCount: Oversampling of the randomized algorithm.
  ///   - powerIterationNormalizer: Normalization of the power iterations.
  ///   - seed: Seed of the randomized algorithm.
  public init(
    componentCount: Int = 2, algorithm: Algorithm = .randomized, iterationCount: Int = 5,
    oversampleCount: Int = 10, powerIterationNormalizer: PowerIterationNormalizer = .auto,
    seed: UInt64? = nil
  ) {
    self.componentCount = componentCount
    self.algorithm = algorithm
    self.iterationCount = iterationCount
    self.oversampleCount = oversampleCount
    self.powerIterationNormalizer = powerIterationNormalizer
    self.seed = seed
  }

  public init() { self.init(componentCount: 2) }

  /// - Throws: `LearnError.invalidParameter` naming `componentCount` (< 1),
  ///   `iterationCount` (< 0) or `oversampleCount` (< 1).
  public func validateHyperparameters() throws {
    try Check.count(componentCount, atLeast: 1, estimator: "TruncatedSVD", name: "componentCount")
    try Check.count(iterationCount, atLeast: 0, estimator: "TruncatedSVD", name: "iterationCount")
    try Check.count(
      oversampleCount, atLeast: 1, estimator: "TruncatedSVD", name: "oversampleCount")
  }

  /// Learns the leading right singular vectors of `x`.
  ///
  /// - Parameter x: Training samples, finite, at least two features.
  /// - Returns: The fitted decomposition.
  /// - Throws: `LearnError.invalidParameter` (also when `componentCount` is not below the
  ///   feature count for `arpack`, or above it for `randomized`, as in scikit-learn),
  ///   `LearnError.emptyInput` (fewer than two features), `LearnError.nonFinite`,
  ///   `LearnError.numericalFailure`.
  public func fit(_ x: Matrix) throws -> Fitted {
    try fitTransform(x).fitted
  }

  /// Fits and returns the training scores `U·Σ` (exact algorithm) or `X·Vᵀ` (randomized), as
  /// scikit-learn's `fit_transform`.
  ///
  /// - Parameter x: Training samples.
  /// - Returns: The fitted decomposition and the scores of `x`.
  /// - Throws: As ``fit(_:)``.
  public func fitTransform(_ x: Matrix) throws -> (fitted: Fitted, output: Matrix) {
    try validateHyperparameters()
    try Validate.features(x)
    let d = x.columnCount
    guard d >= 2 else {
      throw LearnError.emptyInput(
        input: "X",
        reason:
          "found array with \(d) feature(s) (shape=(\(x.rowCount), \(d))) while a minimum of 2 is required"
      )
    }
    let k = componentCount
    switch algorithm {
    case .arpack:
      guard k < min(x.rowCount, d) else {
        throw LearnError.invalidParameter(
          estimator: "TruncatedSVD", name: "componentCount", value: "\(k)",
          expected: "less than min(n_samples, n_features) = \(min(x.rowCount, d)) with 'arpack'")
      }
    case .randomized:
      guard k <= d else {
        throw LearnError.invalidParameter(
          estimator: "TruncatedSVD", name: "componentCount", value: "\(k)",
          expected: "at most n_features = \(d)")
      }
    }
    do {
      var u: Matrix?
      var s: [Double]
      var vt: Matrix
      var seedUsed: UInt64? = nil
      switch algorithm {
      case .arpack:
        let full = try x.svd()
        u = leadingColumns(full.u, k)
        s = Array(full.s[0..<k])
        vt = leadingRows(full.vt, k)
      case .randomized:
        var (generator, used) = makeGenerator(seed)
        seedUsed = used
        let r = try randomizedSVD(
          x, k: k, oversamples: oversampleCount, iterations: iterationCount,
          normalizer: powerIterationNormalizer, generator: &generator)
        u = r.u
        s = r.s
        vt = r.vt
      }
      svdFlipRows(u: &u, vt: &vt)
      let scores: Matrix
      if algorithm == .arpack, let u {
        scores = try u.multiplyingRowVector(s)
      } else {
        scores = try Matrix.product(x, vt, transposeB: .transposed)
      }
      let explained = try scores.variance(.perColumn)
      let total = try x.variance(.perColumn).reduce(0, +)
      let fitted = Fitted(
        featureCount: d, components: vt, explainedVariance: explained,
        explainedVarianceRatio: explained.map { $0 / total }, singularValues: s,
        seedUsed: seedUsed)
      return (fitted, scores)
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: "TruncatedSVD", reason: "\(error)")
    }
  }

  /// The fitted state of a ``TruncatedSVD``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The right singular vectors, one per row (scikit-learn's `components_`).
    public let components: Matrix
    /// Variance of the training scores per component (scikit-learn's `explained_variance_`).
    public let explainedVariance: [Double]
    /// Explained variance over the total variance of the training data (scikit-learn's
    /// `explained_variance_ratio_`).
    public let explainedVarianceRatio: [Double]
    /// The singular values (scikit-learn's `singular_values_`).
    public let singularValues: [Double]
    /// The seed the randomized algorithm used; `nil` for `arpack`.
    public let seedUsed: UInt64?

    /// One column per component.
    public var outputFeatureCount: Int { components.rowCount }

    /// Projects `x` on the components: `x · componentsᵀ`.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      return try Matrix.product(x, components, transposeB: .transposed)
    }

    /// Maps scores back: `z · components`.
    ///
    /// - Throws: `LearnError.featureCountMismatch` when `z` does not have one column per
    ///   component; `LearnError.nonFinite`.
    public func inverseTransform(_ z: Matrix) throws -> Matrix {
      try Validate.predictionInput(z, featureCount: components.rowCount)
      return try Matrix.product(z, components)
    }

    /// `truncatedsvd0, truncatedsvd1, ...` (scikit-learn's class-name prefix).
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      _ = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      return (0..<components.rowCount).map { "truncatedsvd\($0)" }
    }
  }
}

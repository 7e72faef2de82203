import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Principal component analysis: a linear projection onto the directions of largest variance.
///
/// The data are centred (not scaled) and decomposed by a singular value decomposition; the
/// components are the right singular vectors, with scikit-learn's `svd_flip` sign convention
/// (`u_based_decision=False`: the largest-magnitude entry of every component is positive), so
/// components compare one to one with scikit-learn's.
///
/// scikit-learn: `sklearn.decomposition.PCA`; defaults match scikit-learn 1.9
/// (`n_components=None`, `whiten=False`, `svd_solver="auto"`, `n_oversamples=10`,
/// `iterated_power="auto"`, `power_iteration_normalizer="auto"`).
///
///     let pca = try PCA(componentCount: 2).fit(x)
///     let z = try pca.transform(x)               // n x 2 scores
///     print(pca.explainedVarianceRatio)
///
/// - Complexity: `covarianceEigh`: O(n·d² + d³); `full`: O(n·d·min(n, d));
///   `randomized`: O(n·d·(k + 10)·iterations).
public struct PCA: TransformerEstimator, RandomizedEstimator, DefaultInitializable, Hashable,
  Codable
{
  /// How many components to keep (scikit-learn's `n_components`).
  public enum ComponentCount: Sendable, Hashable, Codable, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
  {
    /// Exactly this many components, between 0 and `min(n_samples, n_features)`.
    case count(Int)
    /// The fewest components whose explained variance ratio sums to more than this fraction
    /// (strictly between 0 and 1); needs the `full` or `covarianceEigh` solver.
    case varianceFraction(Double)

    /// An integer literal is a component count.
    public init(integerLiteral value: Int) { self = .count(value) }
    /// A floating-point literal is a variance fraction.
    public init(floatLiteral value: Double) { self = .varianceFraction(value) }
  }

  /// The SVD solver (scikit-learn's `svd_solver`).
  public enum Solver: String, Sendable, Hashable, Codable, CaseIterable {
    /// scikit-learn's policy: `covarianceEigh` when `n_features <= 1000` and
    /// `n_samples >= 10·n_features`; else `full` when the larger side is at most 500 or
    /// the count is a fraction; else `randomized` for an integer count below 80% of
    /// `min(n, d)`; else `full`.
    case auto
    /// LAPACK's divide-and-conquer SVD of the centred data (scikit-learn's `full`).
    case full
    /// Eigendecomposition of the covariance matrix `XᵀX/(n-1)` (tall data).
    case covarianceEigh = "covariance_eigh"
    /// Halko et al.'s randomized truncated SVD, seeded.
    case randomized
  }

  /// Components to keep; `nil` keeps `min(n_samples, n_features)` (scikit-learn's
  /// `n_components`, default `None`).
  public var componentCount: ComponentCount?
  /// Divide the scores by the square roots of the explained variances so every output column
  /// has unit variance (scikit-learn's `whiten`, default `false`).
  public var whiten: Bool
  /// The solver (scikit-learn's `svd_solver`, default `auto`).
  public var solver: Solver
  /// Extra random directions of the randomized solver (scikit-learn's `n_oversamples`, 10).
  public var oversampleCount: Int
  /// Power iterations of the randomized solver; `nil` is scikit-learn's `"auto"` (7 when the
  /// count is below 10% of `min(n, d)`, else 4) (scikit-learn's `iterated_power`).
  public var iteratedPower: Int?
  /// Normalization of the randomized solver's power iterations.
  public var powerIterationNormalizer: PowerIterationNormalizer
  /// Seed of the randomized solver (scikit-learn's `random_state`).
  public var seed: UInt64?

  /// Creates a PCA; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - componentCount: Components to keep, a count or a variance fraction; `nil` keeps all.
  ///   - whiten: Scale the scores to unit variance.
  ///   - solver: The SVD solver.
  ///   - oversampleCount: Oversampling of the randomized solver.
  ///   - iteratedPower: Power iterations of the randomized solver (`nil`: automatic).
  ///   - powerIterationNormalizer: Normalization of the power iterations.
  ///   - seed: Seed of the randomized solver.
  public init(
    componentCount: ComponentCount? = nil, whiten: Bool = false, solver: Solver = .auto,
    oversampleCount: Int = 10, iteratedPower: Int? = nil,
    powerIterationNormalizer: PowerIterationNormalizer = .auto, seed: UInt64? = nil
  ) {
    self.componentCount = componentCount
    self.whiten = whiten
    self.solver = solver
    self.oversampleCount = oversampleCount
    self.iteratedPower = iteratedPower
    self.powerIterationNormalizer = powerIterationNormalizer
    self.seed = seed
  }

  public init() { self.init(componentCount: nil) }

  /// Checks the ranges that do not depend on the data.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `componentCount` (negative count, fraction
  ///   outside (0, 1), or a fraction with the randomized solver), `oversampleCount` or
  ///   `iteratedPower`.
  public func validateHyperparameters() throws {
    switch componentCount {
    case .count(let k)?:
      try Check.count(k, atLeast: 0, estimator: "PCA", name: "componentCount")
    case .varianceFraction(let f)?:
      guard f.isFinite, f > 0, f < 1 else {
        throw LearnError.invalidParameter(
          estimator: "PCA", name: "componentCount", value: "\(f)",
          expected: "a variance fraction strictly between 0 and 1")
      }
      if solver == .randomized {
        throw LearnError.invalidParameter(
          estimator: "PCA", name: "componentCount", value: "\(f)",
          expected: "an integer count with solver 'randomized'")
      }
    case nil: break
    }
    try Check.count(oversampleCount, atLeast: 1, estimator: "PCA", name: "oversampleCount")
    if let p = iteratedPower {
      try Check.count(p, atLeast: 0, estimator: "PCA", name: "iteratedPower")
    }
  }

  /// The solver `auto` resolves to for an `n x d` input (scikit-learn 1.9's policy).
  public func resolvedSolver(sampleCount n: Int, featureCount d: Int) -> Solver {
    guard solver == .auto else { return solver }
    if d <= 1000 && n >= 10 * d { return .covarianceEigh }
    if max(n, d) <= 500 { return .full }
    if case .count(let k)? = componentCount, k >= 1, Double(k) < 0.8 * Double(min(n, d)) {
      return .randomized
    }
    return .full
  }

  /// Learns the mean and the principal components of `x`.
  ///
  /// - Parameter x: Training samples, finite, at least two rows and one column.
  /// - Returns: The fitted PCA.
  /// - Throws: `LearnError.invalidParameter` (see ``validateHyperparameters()``, and
  ///   `componentCount` larger than `min(n_samples, n_features)`),
  ///   `LearnError.emptyInput` (fewer than two rows or no column), `LearnError.nonFinite`, and
  ///   `LearnError.numericalFailure` if LAPACK fails.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    // Variances divide by n - 1, so one sample is not enough.
    try Validate.features(x, minimumSamples: 2)
    let n = x.rowCount
    let d = x.columnCount
    let maxCount = min(n, d)
    var requested = maxCount
    if case .count(let k)? = componentCount {
      guard k <= maxCount else {
        throw LearnError.invalidParameter(
          estimator: "PCA", name: "componentCount", value: "\(k)",
          expected: "at most min(n_samples, n_features) = \(maxCount)")
      }
      requested = k
    }
    let used = resolvedSolver(sampleCount: n, featureCount: d)
    let mean = try x.mean(.perColumn)
    do {
      switch used {
      case .randomized:
        return try fitRandomized(x, mean: mean, k: requested)
      case .covarianceEigh:
        let gram = try x.gram()
        var c = gram.storage
        let denominator = Double(n - 1)
        for i in 0..<d {
          for j in 0..<d {
            c[i * d + j] = (c[i * d + j] - Double(n) * mean[i] * mean[j]) / denominator
          }
        }
        let (values, vectors) = try Matrix(unchecked: d, d, c).symmetricEigen()
        var variance = [Double](repeating: 0, count: d)
        var vt = [Double](repeating: 0, count: d * d)
        for r in 0..<d {
          let source = d - 1 - r
          variance[r] = max(values[source], 0)
          for j in 0..<d { vt[r * d + j] = vectors[j, source] }
        }
        let singular = variance.map { ($0 * denominator).squareRoot() }
        var none: Matrix? = nil
        var components = Matrix(unchecked: d, d, vt)
        svdFlipRows(u: &none, vt: &components)
        return finish(
          components: components, variance: variance, singular: singular, mean: mean, n: n,
          solver: used)
      case .full, .auto:
        let centered = try x.subtractingRowVector(mean)
        let (_, s, vtRaw) = try centered.svd()
        var none: Matrix? = nil
        var components = vtRaw
        svdFlipRows(u: &none, vt: &components)
        let variance = s.map { $0 * $0 / Double(n - 1) }
        return finish(
          components: components, variance: variance, singular: s, mean: mean, n: n, solver: used)
      }
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: "PCA", reason: "\(error)")
    }
  }

  /// Keeps the requested leading components of a full decomposition.
  private func finish(
    components: Matrix, variance: [Double], singular: [Double], mean: [Double], n: Int,
    solver: Solver
  ) -> Fitted {
    let d = components.columnCount
    let total = variance.reduce(0, +)
    let ratio = variance.map { $0 / total }
    let available = variance.count
    var k = available
    switch componentCount {
    case .count(let c)?: k = c
    case .varianceFraction(let f)?:
      // numpy's searchsorted(cumsum, f, side="right") + 1.
      var cumulative = 0.0
      var index = 0
      while index < ratio.count {
        cumulative += ratio[index]
        if cumulative > f { break }
        index += 1
      }
      k = min(index + 1, available)
    case nil: break
    }
    let noise: Double
    if k < min(d, n) {
      let rest = variance[k...]
      noise = rest.isEmpty ? 0 : rest.reduce(0, +) / Double(rest.count)
    } else {
      noise = 0
    }
    return Fitted(
      featureCount: d, mean: mean, components: leadingRows(components, k),
      explainedVariance: Array(variance[0..<k]), explainedVarianceRatio: Array(ratio[0..<k]),
      singularValues: Array(singular[0..<k]), noiseVariance: noise, sampleCount: n,
      whiten: whiten, solverUsed: solver, seedUsed: nil)
  }

  /// scikit-learn's `_fit_truncated` with the randomized solver.
  private func fitRandomized(_ x: Matrix, mean: [Double], k: Int) throws -> Fitted {
    let n = x.rowCount
    let d = x.columnCount
    var (generator, seedUsed) = makeGenerator(seed)
    let centered = try x.subtractingRowVector(mean)
    let iterations = iteratedPower ?? (Double(k) < 0.1 * Double(min(n, d)) ? 7 : 4)
    let result = try randomizedSVD(
      centered, k: k, oversamples: oversampleCount, iterations: iterations,
      normalizer: powerIterationNormalizer, generator: &generator)
    var none: Matrix? = nil
    var components = result.vt
    svdFlipRows(u: &none, vt: &components)
    let variance = result.s.map { $0 * $0 / Double(n - 1) }
    let totalVariance = try centered.variance(.perColumn, ddof: 1).reduce(0, +)
    let ratio = variance.map { $0 / totalVariance }
    var noise = totalVariance - variance.reduce(0, +)
    noise = k < min(n, d) ? noise / Double(min(n, d) - k) : 0
    return Fitted(
      featureCount: d, mean: mean, components: components, explainedVariance: variance,
      explainedVarianceRatio: ratio, singularValues: result.s, noiseVariance: noise,
      sampleCount: n, whiten: whiten, solverUsed: .randomized, seedUsed: seedUsed)
  }

  /// The fitted state of a ``PCA``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// Per-feature mean of the training data (scikit-learn's `mean_`).
    public let mean: [Double]
    /// The principal axes, one per row, `componentCount x featureCount`, sorted by decreasing
    /// explained variance (scikit-learn's `components_`).
    public let components: Matrix
    /// Variance along each component, with `n - 1` degrees of freedom (scikit-learn's
    /// `explained_variance_`).
    public let explainedVariance: [Double]
    /// Fraction of the total variance along each component (scikit-learn's
    /// `explained_variance_ratio_`).
    public let explainedVarianceRatio: [Double]
    /// Singular values of the centred data for the kept components (scikit-learn's
    /// `singular_values_`).
    public let singularValues: [Double]
    /// The probabilistic PCA noise variance: the mean of the discarded variances, 0 when none
    /// is discarded (scikit-learn's `noise_variance_`).
    public let noiseVariance: Double
    /// Number of training samples (scikit-learn's `n_samples_`).
    public let sampleCount: Int
    /// Whether `transform` whitens.
    public let whiten: Bool
    /// The solver `auto` resolved to.
    public let solverUsed: Solver
    /// The seed used by the randomized solver, `nil` for the exact solvers.
    public let seedUsed: UInt64?

    /// The number of kept components (scikit-learn's `n_components_`).
    public var componentCount: Int { components.rowCount }
    /// One column per component.
    public var outputFeatureCount: Int { components.rowCount }

    /// Projects `x` on the components: `(x - mean) · componentsᵀ`, divided by
    /// `sqrt(explainedVariance)` when whitening.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      let k = componentCount
      // scikit-learn projects first and subtracts the projected mean afterwards.
      var out = try Matrix.projection(x, onto: components)
      let shift = try components.matvec(mean)
      // scikit-learn clamps the whitening scale at machine epsilon.
      let scale = whiten ? explainedVariance.map { max($0.squareRoot(), Double.ulpOfOne) } : nil
      out.withUnsafeMutableStorage { o in
        for i in 0..<x.rowCount {
          for j in 0..<k {
            var v = o[i * k + j] - shift[j]
            if let scale { v /= scale[j] }
            o[i * k + j] = v
          }
        }
      }
      return out
    }

    /// Maps scores back to the input space: `z · components + mean` (with the whitening
    /// undone first).
    ///
    /// - Throws: `LearnError.featureCountMismatch` when `z` does not have
    ///   ``componentCount`` columns; `LearnError.nonFinite`.
    public func inverseTransform(_ z: Matrix) throws -> Matrix {
      try Validate.predictionInput(z, featureCount: componentCount)
      var basis = components
      if whiten {
        let d = featureCount
        var s = components.storage
        for r in 0..<componentCount {
          let f = explainedVariance[r].squareRoot()
          for j in 0..<d { s[r * d + j] *= f }
        }
        basis = Matrix(unchecked: componentCount, d, s)
      }
      return try Matrix.product(z, basis).addingRowVector(mean)
    }

    /// `pca0, pca1, ...` (scikit-learn's class-name prefix).
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      _ = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      return (0..<componentCount).map { "pca\($0)" }
    }
  }
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Maps each feature through its empirical CDF to a uniform or a standard normal distribution.
///
/// `fit` stores `quantileCount` quantiles of every feature (numpy's linear percentiles,
/// ignoring NaN). `transform` interpolates each value in the quantiles, averaging the forward
/// and the backward interpolation as scikit-learn does so that repeated quantiles map to the
/// middle of their range, and, for a normal output, applies the normal quantile function
/// (clipped at `1e-7` from 0 and 1). NaN stays NaN.
///
/// scikit-learn: `sklearn.preprocessing.QuantileTransformer`; defaults match scikit-learn 1.9
/// (`n_quantiles=1000`, `output_distribution="uniform"`, `subsample=10_000`). When the data
/// have more rows than `subsample`, a seeded random subset (without replacement) is used; its
/// rows differ from scikit-learn's, so parity holds for data sets up to `subsample` rows.
///
///     let q = try QuantileTransformer(outputDistribution: .normal).fit(x)
///     let gaussian = try q.transform(x)
///
/// - Complexity: O(n log n · d) to fit; O(n · d · log quantileCount) to transform.
public struct QuantileTransformer: TransformerEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The target distribution (scikit-learn's `output_distribution`).
  public enum OutputDistribution: String, Sendable, Hashable, Codable, CaseIterable {
    /// Uniform on [0, 1].
    case uniform
    /// Standard normal.
    case normal
  }

  /// The number of quantiles (scikit-learn's `n_quantiles`, default 1000; capped at the
  /// number of samples).
  public var quantileCount: Int
  /// The target distribution (default `uniform`).
  public var outputDistribution: OutputDistribution
  /// Fit on at most this many rows, chosen at random (scikit-learn's `subsample`, default
  /// 10,000); `nil` uses every row.
  public var subsample: Int?
  /// Seed of the subsampling (scikit-learn's `random_state`).
  public var seed: UInt64?

  /// Creates the transformer; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - quantileCount: The number of quantiles.
  ///   - outputDistribution: Uniform or normal output.
  ///   - subsample: The largest number of rows used to estimate the quantiles.
  ///   - seed: Seed of the subsampling.
  public init(
    quantileCount: Int = 1000, outputDistribution: OutputDistribution = .uniform,
    subsample: Int? = 10_000, seed: UInt64? = nil
  ) {
    self.quantileCount = quantileCount
    self.outputDistribution = outputDistribution
    self.subsample = subsample
    self.seed = seed
  }

  public init() { self.init(quantileCount: 1000) }

  /// NaN is ignored by `fit` and kept by `transform`.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// - Throws: `LearnError.invalidParameter` naming `quantileCount` (< 1 or above
  ///   `subsample`) or `subsample` (< 1).
  public func validateHyperparameters() throws {
    try Check.count(
      quantileCount, atLeast: 1, estimator: "QuantileTransformer", name: "quantileCount")
    if let subsample {
      try Check.count(subsample, atLeast: 1, estimator: "QuantileTransformer", name: "subsample")
      guard quantileCount <= subsample else {
        throw LearnError.invalidParameter(
          estimator: "QuantileTransformer", name: "quantileCount", value: "\(quantileCount)",
          expected: "at most subsample = \(subsample)")
      }
    }
  }

  /// Computes the quantiles of every feature.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value.
  /// - Returns: The fitted transformer.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.nonFinite` (±infinity), `LearnError.unsupportedInput` for a column that is
  ///   entirely NaN.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let n = x.rowCount
    let d = x.columnCount
    let count = max(1, min(quantileCount, n))
    let references = numpyLinspace(0, 1, count)
    var rows = Array(0..<n)
    var seedUsed: UInt64? = nil
    if let subsample, subsample < n {
      var (generator, used) = makeGenerator(seed)
      seedUsed = used
      generator.shuffle(&rows)
      rows = Array(rows[0..<subsample])
    }
    var quantiles = [[Double]](repeating: [], count: d)
    for j in 0..<d {
      var column: [Double] = []
      column.reserveCapacity(rows.count)
      for i in rows {
        let v = x[i, j]
        if !v.isNaN { column.append(v) }
      }
      guard !column.isEmpty else {
        throw LearnError.unsupportedInput(
          input: "X", reason: "column \(j) has no non-NaN value to estimate quantiles from")
      }
      column.sort()
      quantiles[j] = references.map { numpyPercentile(sorted: column, $0 * 100, method: .linear) }
    }
    return Fitted(
      featureCount: d, quantiles: quantiles, references: references,
      outputDistribution: outputDistribution, seedUsed: seedUsed)
  }

  /// The fitted state of a ``QuantileTransformer``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The quantiles of each feature, one array per feature (the columns of scikit-learn's
    /// `quantiles_`).
    public let quantiles: [[Double]]
    /// The quantile levels in [0, 1] (scikit-learn's `references_`).
    public let references: [Double]
    /// The target distribution.
    public let outputDistribution: OutputDistribution
    /// The seed used to subsample; `nil` when every row was used.
    public let seedUsed: UInt64?

    /// The number of quantiles actually used (scikit-learn's `n_quantiles_`).
    public var quantileCount: Int { references.count }
    /// Same number of columns as the input.
    public var outputFeatureCount: Int { featureCount }

    /// Maps every value to the target distribution.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite` (±infinity).
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return map(x, inverse: false)
    }

    /// Maps values of the target distribution back to the feature scale.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite` (±infinity).
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return map(x, inverse: true)
    }

    private func map(_ x: Matrix, inverse: Bool) -> Matrix {
      let d = featureCount
      let threshold = 1e-7
      let normal = outputDistribution == .normal
      let reversedReferences = references.reversed().map { -$0 }
      let clipLow = normalQuantile(threshold - Double.ulpOfOne)
      let clipHigh = normalQuantile(1 - (threshold - Double.ulpOfOne))
      var values = x.storage
      for j in 0..<d {
        let q = quantiles[j]
        let reversedQ = q.reversed().map { -$0 }
        var i = j
        while i < values.count {
          var v = values[i]
          defer { i += d }
          if v.isNaN { continue }
          if !inverse {
            let atLower = normal ? v - threshold < q[0] : v == q[0]
            let atUpper = normal ? v + threshold > q[q.count - 1] : v == q[q.count - 1]
            var y =
              0.5
              * (numpyInterp(v, q, references) - numpyInterp(-v, reversedQ, reversedReferences))
            if atUpper { y = 1 }
            if atLower { y = 0 }
            if normal { y = min(max(normalQuantile(y), clipLow), clipHigh) }
            values[i] = y
          } else {
            if normal { v = normalCDF(v) }
            let atLower = normal ? v - threshold < 0 : v == 0
            let atUpper = normal ? v + threshold > 1 : v == 1
            var y = numpyInterp(v, references, q)
            if atUpper { y = q[q.count - 1] }
            if atLower { y = q[0] }
            values[i] = y
          }
        }
      }
      return Matrix(unchecked: x.rowCount, d, values)
    }

    /// The input names unchanged.
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      try Validate.featureNames(inputFeatures, featureCount: featureCount)
    }
  }
}

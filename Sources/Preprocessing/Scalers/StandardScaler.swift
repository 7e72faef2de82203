import Dispatch
import LinearAlgebra
import SwiftLearnCore

/// Standardizes features by removing the mean and scaling to unit variance.
///
/// Each feature `x` becomes `(x - mean) / scale`, where `scale` is the population standard
/// deviation (`ddof = 0`) and constant features get a scale of 1. NaN values are ignored when
/// fitting and kept as NaN when transforming, as in scikit-learn.
///
/// scikit-learn: `sklearn.preprocessing.StandardScaler`; defaults match scikit-learn 1.9.
///
///     let scaler = try StandardScaler().fit(x)
///     let z = try scaler.transform(x)           // columns now have mean 0, variance 1
///     let back = try scaler.inverseTransform(z)  // x again
///
/// - Complexity: O(n·d) to fit and to transform.
public struct StandardScaler: SampleWeightedTransformerEstimator, DefaultInitializable, Hashable,
  Codable
{
  /// Center the data before scaling (scikit-learn's `with_mean`).
  public var withMean: Bool
  /// Scale the data to unit variance (scikit-learn's `with_std`).
  public var withStd: Bool

  /// Creates a scaler; every argument defaults to scikit-learn's value.
  public init(withMean: Bool = true, withStd: Bool = true) {
    self.withMean = withMean
    self.withStd = withStd
  }

  public init() { self.init(withMean: true, withStd: true) }

  /// NaN in `X` is allowed (ignored by `fit`, passed through by `transform`); weights accepted.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, supportsSampleWeight: true)
  }

  /// Learns per-feature means and standard deviations.
  ///
  /// - Parameters:
  ///   - x: Training samples. NaN marks a missing value and is ignored.
  ///   - sampleWeight: Optional per-sample weights (weighted mean and variance).
  /// - Returns: The fitted scaler.
  /// - Throws: `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`
  ///   for ±infinity, `LearnError.lengthMismatch(input:expected:got:)` and
  ///   `LearnError.invalidSampleWeight(reason:)` for bad weights.
  /// - Complexity: O(n·d), two passes over the data.
  public func fit(_ x: Matrix, sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let stats = columnMeanAndVariance(x, weights: weights)
    let d = x.columnCount
    var scale: [Double]? = nil
    if withStd {
      var s = [Double](repeating: 1, count: d)
      for j in 0..<d {
        let variance = stats.variance[j]
        let n = stats.count[j]
        // scikit-learn's `_is_constant_feature`: variance indistinguishable from rounding error.
        let eps = Double.ulpOfOne
        let bound = n * eps * variance + (n * stats.mean[j] * eps) * (n * stats.mean[j] * eps)
        s[j] = (variance <= bound || variance.isNaN) ? 1 : variance.squareRoot()
      }
      scale = s
    }
    let center = withMean || withStd
    return Fitted(
      featureCount: d,
      mean: center ? stats.mean : nil,
      variance: withStd ? stats.variance : nil,
      scale: scale,
      sampleCountSeen: stats.count,
      withMean: withMean)
  }

  /// The fitted state of a ``StandardScaler``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// Per-feature mean (scikit-learn's `mean_`); `nil` when neither centering nor scaling.
    public let mean: [Double]?
    /// Per-feature population variance (scikit-learn's `var_`); `nil` when `withStd` is false.
    public let variance: [Double]?
    /// Per-feature scale, the standard deviation with 1 for constant features
    /// (scikit-learn's `scale_`); `nil` when `withStd` is false.
    public let scale: [Double]?
    /// Number (or total weight) of non-missing samples per feature (scikit-learn's
    /// `n_samples_seen_`, always per feature here).
    public let sampleCountSeen: [Double]
    /// Whether `transform` subtracts ``mean``.
    public let withMean: Bool

    init(
      featureCount: Int, mean: [Double]?, variance: [Double]?, scale: [Double]?,
      sampleCountSeen: [Double], withMean: Bool
    ) {
      self.featureCount = featureCount
      self.mean = mean
      self.variance = variance
      self.scale = scale
      self.sampleCountSeen = sampleCountSeen
      self.withMean = withMean
    }

    /// Same number of columns as the input.
    public var outputFeatureCount: Int { featureCount }

    /// Standardizes `x` with the fitted statistics; NaN stays NaN.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)` for ±infinity.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return affine(x, shift: withMean ? mean : nil, scale: scale, inverse: false)
    }

    /// Maps standardized values back: `x * scale + mean`.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return affine(x, shift: withMean ? mean : nil, scale: scale, inverse: true)
    }

    /// `(x - shift) / scale` per column, or its inverse `x * scale + shift`, in one pass from
    /// `x` into a new buffer. Division (not multiplication by a reciprocal) keeps results
    /// identical to scikit-learn's. Large inputs are split into a fixed number of row chunks
    /// run in parallel (each element is computed independently, so the result does not depend
    /// on the thread count); the page faults of the fresh output buffer are shared too.
    private func affine(_ x: Matrix, shift: [Double]?, scale: [Double]?, inverse: Bool) -> Matrix {
      let d = featureCount
      let n = x.rowCount
      let m = shift ?? [Double](repeating: 0, count: d)
      let s = scale ?? [Double](repeating: 1, count: d)
      let chunkCount = n * d >= 1 << 18 ? 8 : 1
      let values = m.withUnsafeBufferPointer { m in
        s.withUnsafeBufferPointer { s in
          x.withUnsafeStorage { input in
            makeDoubleBuffer(count: input.count) { v in
              let shared = AffineBuffers(input: input, output: v, shift: m, scale: s)
              let work: @Sendable (Int) -> Void = { c in
                guard let src = shared.input.baseAddress, let dst = shared.output.baseAddress,
                  let mp = shared.shift.baseAddress, let sp = shared.scale.baseAddress
                else { return }
                let rows = (c * n / chunkCount)..<((c + 1) * n / chunkCount)
                if inverse {
                  for i in rows {
                    let a = src + i * d
                    let b = dst + i * d
                    for j in 0..<d { b[j] = a[j] * sp[j] + mp[j] }
                  }
                } else {
                  for i in rows {
                    let a = src + i * d
                    let b = dst + i * d
                    for j in 0..<d { b[j] = (a[j] - mp[j]) / sp[j] }
                  }
                }
              }
              if chunkCount == 1 {
                work(0)
              } else {
                DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work)
              }
            }
          }
        }
      }
      return Matrix(unchecked: n, d, values)
    }

    /// The input names unchanged (`x0, x1, ...` when `nil`).
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      try Validate.featureNames(inputFeatures, featureCount: featureCount)
    }
  }
}

/// The buffers of one `StandardScaler` transform, shared by the row chunks (each chunk writes
/// only its own rows of `output`).
private struct AffineBuffers: @unchecked Sendable {
  let input: UnsafeBufferPointer<Double>
  let output: UnsafeMutableBufferPointer<Double>
  let shift: UnsafeBufferPointer<Double>
  let scale: UnsafeBufferPointer<Double>
}

/// Per-column weighted mean, population variance and weight of non-NaN entries.
///
/// Two passes (mean, then squared deviations) for accuracy; NaN entries are skipped.
func columnMeanAndVariance(_ x: Matrix, weights: [Double]?) -> (
  mean: [Double], variance: [Double], count: [Double]
) {
  let n = x.rowCount
  let d = x.columnCount
  var sum = [Double](repeating: 0, count: d)
  var count = [Double](repeating: 0, count: d)
  var squares = [Double](repeating: 0, count: d)
  x.withUnsafeStorage { s in
    for i in 0..<n {
      let w = weights?[i] ?? 1
      let base = i * d
      for j in 0..<d {
        let v = s[base + j]
        if v.isNaN { continue }
        sum[j] += w * v
        count[j] += w
      }
    }
    var mean = [Double](repeating: .nan, count: d)
    for j in 0..<d where count[j] > 0 { mean[j] = sum[j] / count[j] }
    for i in 0..<n {
      let w = weights?[i] ?? 1
      let base = i * d
      for j in 0..<d {
        let v = s[base + j]
        if v.isNaN { continue }
        let dev = v - mean[j]
        squares[j] += w * dev * dev
      }
    }
    sum = mean
  }
  var variance = [Double](repeating: .nan, count: d)
  for j in 0..<d where count[j] > 0 { variance[j] = squares[j] / count[j] }
  return (sum, variance, count)
}

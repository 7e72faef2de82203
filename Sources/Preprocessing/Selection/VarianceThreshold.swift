import LinearAlgebra
import SwiftLearnCore

/// Removes features whose variance is not above a threshold.
///
/// The variance is the population variance ignoring NaN; with the default threshold 0, a
/// feature is also removed when its range (max − min) is 0, so rounding error in the variance
/// of a constant feature cannot keep it. Does not look at the target.
///
/// scikit-learn: `sklearn.feature_selection.VarianceThreshold`; default `threshold=0`.
///
///     let selector = try VarianceThreshold().fit(x)    // drops constant columns
///     let kept = selector.selectedIndices
///
/// - Complexity: O(n·d).
public struct VarianceThreshold: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// Keep features whose variance is strictly above this; default 0.
  public var threshold: Double

  /// Creates the selector.
  ///
  /// - Parameter threshold: The variance a feature must exceed; default 0.
  public init(threshold: Double = 0) {
    self.threshold = threshold
  }

  public init() { self.init(threshold: 0) }

  /// NaN in `X` is allowed and ignored when computing variances.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Checks that `threshold` is finite and non-negative.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for `threshold`.
  public func validateHyperparameters() throws {
    try Check.finite(threshold, atLeast: 0, estimator: "VarianceThreshold", name: "threshold")
  }

  /// Computes each feature's variance and keeps those above the threshold.
  ///
  /// - Parameter x: Training samples; NaN is ignored.
  /// - Returns: The fitted selector.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)` for
  ///   infinity, and `LearnError.unsupportedInput(input:reason:)` when no feature qualifies.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let stats = columnMeanAndVariance(x, weights: nil)
    var variances = stats.variance
    if threshold == 0 {
      let n = x.rowCount
      let d = x.columnCount
      x.withUnsafeStorage { s in
        for j in 0..<d {
          var low = Double.infinity
          var high = -Double.infinity
          var sawNaN = false
          for i in 0..<n {
            let v = s[i * d + j]
            if v.isNaN {
              sawNaN = true
            } else {
              low = min(low, v)
              high = max(high, v)
            }
          }
          // numpy's ptp is NaN with a NaN present; nanmin then keeps the variance.
          if !sawNaN, high >= low { variances[j] = min(variances[j], high - low) }
        }
      }
    }
    let support = variances.map { $0.isFinite && $0 > threshold }
    guard support.contains(true) else {
      throw LearnError.unsupportedInput(
        input: "X", reason: "no feature in X meets the variance threshold \(threshold)")
    }
    return Fitted(featureCount: x.columnCount, variances: variances, support: support)
  }

  /// A fitted ``VarianceThreshold``.
  public struct Fitted: FittedFeatureSelector, Hashable, Codable {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// Each feature's variance (scikit-learn's `variances_`; NaN for an all-NaN feature).
    public let variances: [Double]
    /// `true` for the kept features.
    public let support: [Bool]

    /// NaN passes through `transform`.
    public var allowsMissingValues: Bool { true }

    init(featureCount: Int, variances: [Double], support: [Bool]) {
      self.featureCount = featureCount
      self.variances = variances
      self.support = support
    }

    enum CodingKeys: String, CodingKey { case featureCount, variances, support }

    /// Decodes and re-checks the lengths of the arrays.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let variances = try c.decode([Double].self, forKey: .variances)
      let support = try c.decode([Bool].self, forKey: .support)
      try checkDecodedSupport(support, featureCount: d, codingPath: c.codingPath)
      try requireDecoded(
        variances.count == d, "variances has \(variances.count) entries for \(d) features",
        codingPath: c.codingPath)
      self.init(featureCount: d, variances: variances, support: support)
    }
  }
}

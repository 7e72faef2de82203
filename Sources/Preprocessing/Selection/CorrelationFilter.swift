import LinearAlgebra
import SwiftLearnCore

/// Drops one feature of every pair whose absolute Pearson correlation exceeds a threshold.
///
/// Not in scikit-learn. Features are visited in input order; a feature is dropped when its
/// absolute correlation with an earlier feature that is still kept is above `threshold`. So of
/// each highly correlated pair the **later** column goes and the earlier one stays: the rule
/// is deterministic, needs no target, and lets the user decide which of two redundant columns
/// survives by ordering the columns. A feature dropped earlier does not cause further drops
/// (the chain `a ~ b ~ c` with `a` and `c` weakly correlated keeps `a` and `c`). Constant
/// features have no defined correlation and are never dropped by this filter (use
/// ``VarianceThreshold`` for them).
///
///     let filter = try CorrelationFilter(threshold: 0.95).fit(x)
///     let reduced = try filter.transform(x)
///
/// - Complexity: O(n·d²) for the correlation matrix (one BLAS product).
public struct CorrelationFilter: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// Pairs with `|r|` strictly above this are redundant; default 0.9.
  public var threshold: Double

  /// Creates the filter.
  ///
  /// - Parameter threshold: The absolute correlation above which the later feature is
  ///   dropped, in `[0, 1]`; default 0.9.
  public init(threshold: Double = 0.9) {
    self.threshold = threshold
  }

  public init() { self.init(threshold: 0.9) }

  /// Checks that `threshold` lies in `[0, 1]`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for `threshold`.
  public func validateHyperparameters() throws {
    try Check.within(threshold, 0...1, estimator: "CorrelationFilter", name: "threshold")
  }

  /// Computes the correlations and chooses the features to keep.
  ///
  /// - Parameter x: Training samples, finite.
  /// - Returns: The fitted filter.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    let n = x.rowCount
    let d = x.columnCount
    let stats = columnMeanAndVariance(x, weights: nil)
    var centered = x
    centered.withUnsafeMutableStorage { s in
      for i in 0..<n {
        for j in 0..<d { s[i * d + j] -= stats.mean[j] }
      }
    }
    let cross = try centered.gram()
    var correlation = [Double](repeating: .nan, count: d * d)
    for a in 0..<d {
      for b in 0..<d {
        let denominator = (cross[a, a] * cross[b, b]).squareRoot()
        if denominator > 0 { correlation[a * d + b] = cross[a, b] / denominator }
      }
    }
    var support = [Bool](repeating: true, count: d)
    for b in 0..<d {
      for a in 0..<b where support[a] {
        let r = correlation[a * d + b]
        if !r.isNaN, abs(r) > threshold {
          support[b] = false
          break
        }
      }
    }
    return Fitted(
      featureCount: d, correlations: Matrix(unchecked: d, d, correlation), support: support)
  }

  /// A fitted ``CorrelationFilter``.
  public struct Fitted: FittedFeatureSelector, Hashable, Codable {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// The Pearson correlation matrix of the training features (NaN for constant features).
    public let correlations: Matrix
    /// `true` for the kept features.
    public let support: [Bool]

    init(featureCount: Int, correlations: Matrix, support: [Bool]) {
      self.featureCount = featureCount
      self.correlations = correlations
      self.support = support
    }

    enum CodingKeys: String, CodingKey { case featureCount, correlations, support }

    /// Decodes and re-checks the shapes.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let correlations = try c.decode(Matrix.self, forKey: .correlations)
      let support = try c.decode([Bool].self, forKey: .support)
      try checkDecodedSupport(support, featureCount: d, codingPath: c.codingPath)
      try requireDecoded(
        correlations.rowCount == d && correlations.columnCount == d,
        "correlations must be \(d) x \(d)", codingPath: c.codingPath)
      self.init(featureCount: d, correlations: correlations, support: support)
    }
  }
}

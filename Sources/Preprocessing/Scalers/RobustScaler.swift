import LinearAlgebra
import SwiftLearnCore

/// Scales features with statistics that are robust to outliers: the median and a quantile
/// range (by default the interquartile range).
///
/// Each feature `x` becomes `(x - center) / scale`, where `center` is the median and `scale`
/// the difference of the ``quantileRange`` percentiles (numpy's linear interpolation);
/// near-constant features get a scale of 1. NaN values are ignored when fitting and kept as NaN
/// when transforming.
///
/// scikit-learn: `sklearn.preprocessing.RobustScaler`; defaults match scikit-learn 1.9
/// (`with_centering=True`, `with_scaling=True`, `quantile_range=(25.0, 75.0)`,
/// `unit_variance=False`).
///
///     let fitted = try RobustScaler(quantileRange: 10...90).fit(x)
///
/// - Complexity: O(d·n log n) to fit (one sort per feature), O(n·d) to transform.
public struct RobustScaler: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// Subtract the median before scaling (scikit-learn's `with_centering`).
  public var withCentering: Bool
  /// Divide by the quantile range (scikit-learn's `with_scaling`).
  public var withScaling: Bool
  /// The percentiles whose difference is the scale, within `0...100` (scikit-learn's
  /// `quantile_range`).
  public var quantileRange: ClosedRange<Double>
  /// Divide the scale by the same quantile range of the standard normal distribution, so
  /// normally distributed features end with unit variance (scikit-learn's `unit_variance`).
  public var unitVariance: Bool

  /// Creates a scaler; every argument defaults to scikit-learn's value.
  public init(
    withCentering: Bool = true, withScaling: Bool = true,
    quantileRange: ClosedRange<Double> = 25...75, unitVariance: Bool = false
  ) {
    self.withCentering = withCentering
    self.withScaling = withScaling
    self.quantileRange = quantileRange
    self.unitVariance = unitVariance
  }

  public init() { self.init(withCentering: true) }

  /// NaN in `X` is allowed (ignored by `fit`, passed through by `transform`).
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Checks that ``quantileRange`` lies within `0...100`.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `quantileRange`.
  public func validateHyperparameters() throws {
    guard quantileRange.lowerBound >= 0, quantileRange.upperBound <= 100 else {
      throw LearnError.invalidParameter(
        estimator: "RobustScaler", name: "quantileRange", value: "\(quantileRange)",
        expected: "a range within 0...100")
    }
  }

  /// Learns each feature's median and quantile range.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value and is ignored.
  /// - Returns: The fitted scaler.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.nonFinite` for ±infinity.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let d = x.columnCount
    var center = [Double](repeating: .nan, count: d)
    var range = [Double](repeating: .nan, count: d)
    for j in 0..<d {
      let sorted = sortedFiniteColumn(x, j)
      center[j] = linearPercentile(sorted, 50)
      range[j] =
        linearPercentile(sorted, quantileRange.upperBound)
        - linearPercentile(sorted, quantileRange.lowerBound)
    }
    var scale = handleZerosInScale(range)
    if unitVariance {
      let adjust =
        inverseNormalCDF(quantileRange.upperBound / 100)
        - inverseNormalCDF(quantileRange.lowerBound / 100)
      scale = scale.map { $0 / adjust }
    }
    return Fitted(
      featureCount: d, center: withCentering ? center : nil, scale: withScaling ? scale : nil)
  }

  /// The fitted state of a ``RobustScaler``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// Per-feature median (scikit-learn's `center_`); `nil` without centering.
    public let center: [Double]?
    /// Per-feature quantile range (scikit-learn's `scale_`); `nil` without scaling.
    public let scale: [Double]?

    init(featureCount: Int, center: [Double]?, scale: [Double]?) {
      self.featureCount = featureCount
      self.center = center
      self.scale = scale
    }

    /// Decodes a saved scaler and re-checks that every array has one entry per feature.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let center = try c.decodeIfPresent([Double].self, forKey: .center)
      let scale = try c.decodeIfPresent([Double].self, forKey: .scale)
      try requireLengths(
        [("center", center), ("scale", scale)], count: d, codingPath: c.codingPath)
      self.init(featureCount: d, center: center, scale: scale)
    }

    /// Same number of columns as the input.
    public var outputFeatureCount: Int { featureCount }

    /// Centers and scales `x`: `(x - center) / scale`; NaN stays NaN.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return columnAffine(x, subtract: center, divide: scale)
    }

    /// Undoes the scaling: `x · scale + center`.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return columnAffine(x, multiply: scale, add: center)
    }

    /// The input names unchanged (`x0, x1, ...` when `nil`).
    ///
    /// - Parameter inputFeatures: The input column names, or `nil`.
    /// - Throws: `LearnError.lengthMismatch` for a wrong number of names.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      try Validate.featureNames(inputFeatures, featureCount: featureCount)
    }
  }
}

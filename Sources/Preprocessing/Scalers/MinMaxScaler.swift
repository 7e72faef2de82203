import LinearAlgebra
import SwiftLearnCore

/// Scales each feature to a given range, by default `[0, 1]`.
///
/// Each feature `x` becomes `x · scale + min`, where `scale = (hi - lo) / (dataMax - dataMin)`
/// and `min = lo - dataMin · scale`; constant features get a data range of 1. NaN values are
/// ignored when fitting and kept as NaN when transforming.
///
/// scikit-learn: `sklearn.preprocessing.MinMaxScaler`; defaults match scikit-learn 1.9
/// (`feature_range=(0, 1)`, `clip=False`).
///
///     let fitted = try MinMaxScaler(featureRange: -1...1).fit(x)
///     let scaled = try fitted.transform(x)
///
/// - Complexity: O(n·d) to fit and to transform.
public struct MinMaxScaler: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// The desired range of the transformed data (scikit-learn's `feature_range`); the lower
  /// bound must be strictly below the upper bound.
  public var featureRange: ClosedRange<Double>
  /// Clip transformed values of new data to ``featureRange`` (scikit-learn's `clip`).
  public var clip: Bool

  /// Creates a scaler; every argument defaults to scikit-learn's value.
  public init(featureRange: ClosedRange<Double> = 0...1, clip: Bool = false) {
    self.featureRange = featureRange
    self.clip = clip
  }

  public init() { self.init(featureRange: 0...1, clip: false) }

  /// NaN in `X` is allowed (ignored by `fit`, passed through by `transform`).
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Checks that ``featureRange`` is finite with its lower bound below its upper bound.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `featureRange`.
  public func validateHyperparameters() throws {
    let lo = featureRange.lowerBound
    let hi = featureRange.upperBound
    guard lo.isFinite, hi.isFinite, lo < hi else {
      throw LearnError.invalidParameter(
        estimator: "MinMaxScaler", name: "featureRange", value: "\(featureRange)",
        expected: "a finite range whose minimum is smaller than its maximum")
    }
  }

  /// Learns each feature's minimum and maximum.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value and is ignored.
  /// - Returns: The fitted scaler.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.nonFinite` for ±infinity.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let d = x.columnCount
    var lo = [Double](repeating: .nan, count: d)
    var hi = [Double](repeating: .nan, count: d)
    x.withUnsafeStorage { s in
      for i in 0..<x.rowCount {
        for j in 0..<d {
          let v = s[i * d + j]
          if v.isNaN { continue }
          if lo[j].isNaN || v < lo[j] { lo[j] = v }
          if hi[j].isNaN || v > hi[j] { hi[j] = v }
        }
      }
    }
    let range = zip(hi, lo).map { $0 - $1 }
    let width = featureRange.upperBound - featureRange.lowerBound
    let scale = handleZerosInScale(range).map { width / $0 }
    let minimum = (0..<d).map { featureRange.lowerBound - lo[$0] * scale[$0] }
    return Fitted(
      featureCount: d, dataMin: lo, dataMax: hi, dataRange: range, scale: scale,
      min: minimum, sampleCountSeen: x.rowCount, featureRange: featureRange, clip: clip)
  }

  /// The fitted state of a ``MinMaxScaler``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// Per-feature minimum seen in the data (scikit-learn's `data_min_`).
    public let dataMin: [Double]
    /// Per-feature maximum seen in the data (scikit-learn's `data_max_`).
    public let dataMax: [Double]
    /// Per-feature range `dataMax - dataMin` (scikit-learn's `data_range_`).
    public let dataRange: [Double]
    /// Per-feature multiplier (scikit-learn's `scale_`).
    public let scale: [Double]
    /// Per-feature offset added after scaling (scikit-learn's `min_`).
    public let min: [Double]
    /// The number of rows seen during fit (scikit-learn's `n_samples_seen_`).
    public let sampleCountSeen: Int
    /// The target range.
    public let featureRange: ClosedRange<Double>
    /// Whether transformed values are clipped to ``featureRange``.
    public let clip: Bool

    init(
      featureCount: Int, dataMin: [Double], dataMax: [Double], dataRange: [Double],
      scale: [Double], min: [Double], sampleCountSeen: Int, featureRange: ClosedRange<Double>,
      clip: Bool
    ) {
      self.featureCount = featureCount
      self.dataMin = dataMin
      self.dataMax = dataMax
      self.dataRange = dataRange
      self.scale = scale
      self.min = min
      self.sampleCountSeen = sampleCountSeen
      self.featureRange = featureRange
      self.clip = clip
    }

    /// Decodes a saved scaler and re-checks that every array has one entry per feature.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let lo = try c.decode([Double].self, forKey: .dataMin)
      let hi = try c.decode([Double].self, forKey: .dataMax)
      let range = try c.decode([Double].self, forKey: .dataRange)
      let scale = try c.decode([Double].self, forKey: .scale)
      let minimum = try c.decode([Double].self, forKey: .min)
      try requireLengths(
        [
          ("dataMin", lo), ("dataMax", hi), ("dataRange", range), ("scale", scale),
          ("min", minimum),
        ],
        count: d, codingPath: c.codingPath)
      self.init(
        featureCount: d, dataMin: lo, dataMax: hi, dataRange: range, scale: scale, min: minimum,
        sampleCountSeen: try c.decode(Int.self, forKey: .sampleCountSeen),
        featureRange: try c.decode(ClosedRange<Double>.self, forKey: .featureRange),
        clip: try c.decode(Bool.self, forKey: .clip))
    }

    /// Same number of columns as the input.
    public var outputFeatureCount: Int { featureCount }

    /// Scales `x`: `x · scale + min`, clipped to the feature range when `clip` is set; NaN
    /// stays NaN.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      var out = columnAffine(x, multiply: scale, add: min)
      if clip {
        let lo = featureRange.lowerBound
        let hi = featureRange.upperBound
        out.withUnsafeMutableStorage { s in
          for k in 0..<s.count where !s[k].isNaN { s[k] = Swift.min(Swift.max(s[k], lo), hi) }
        }
      }
      return out
    }

    /// Undoes the scaling: `(x - min) / scale`.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return columnAffine(x, subtract: min, divide: scale)
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

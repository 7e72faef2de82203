import LinearAlgebra
import SwiftLearnCore

/// Scales each feature by its maximum absolute value, so values land in `[-1, 1]`.
///
/// The data is not shifted, so sparsity is kept. Features whose maximum absolute value is zero
/// keep a scale of 1. NaN values are ignored when fitting and kept as NaN when transforming.
///
/// scikit-learn: `sklearn.preprocessing.MaxAbsScaler`; it has no hyperparameters besides
/// `copy`.
///
/// - Complexity: O(n·d) to fit and to transform.
public struct MaxAbsScaler: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// Creates the scaler.
  public init() {}

  /// NaN in `X` is allowed (ignored by `fit`, passed through by `transform`).
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Learns each feature's maximum absolute value.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value and is ignored.
  /// - Returns: The fitted scaler.
  /// - Throws: `LearnError.emptyInput`, `LearnError.nonFinite` for ±infinity.
  public func fit(_ x: Matrix) throws -> Fitted {
    try Validate.features(x, allowNaN: true)
    let d = x.columnCount
    var maxAbs = [Double](repeating: .nan, count: d)
    x.withUnsafeStorage { s in
      for i in 0..<x.rowCount {
        for j in 0..<d {
          let v = abs(s[i * d + j])
          if v.isNaN { continue }
          if maxAbs[j].isNaN || v > maxAbs[j] { maxAbs[j] = v }
        }
      }
    }
    return Fitted(
      featureCount: d, maxAbs: maxAbs, scale: handleZerosInScale(maxAbs),
      sampleCountSeen: x.rowCount)
  }

  /// The fitted state of a ``MaxAbsScaler``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// Per-feature maximum absolute value (scikit-learn's `max_abs_`).
    public let maxAbs: [Double]
    /// Per-feature divisor, ``maxAbs`` with zeros replaced by 1 (scikit-learn's `scale_`).
    public let scale: [Double]
    /// The number of rows seen during fit (scikit-learn's `n_samples_seen_`).
    public let sampleCountSeen: Int

    init(featureCount: Int, maxAbs: [Double], scale: [Double], sampleCountSeen: Int) {
      self.featureCount = featureCount
      self.maxAbs = maxAbs
      self.scale = scale
      self.sampleCountSeen = sampleCountSeen
    }

    /// Decodes a saved scaler and re-checks that every array has one entry per feature.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let maxAbs = try c.decode([Double].self, forKey: .maxAbs)
      let scale = try c.decode([Double].self, forKey: .scale)
      try requireLengths(
        [("maxAbs", maxAbs), ("scale", scale)], count: d, codingPath: c.codingPath)
      self.init(
        featureCount: d, maxAbs: maxAbs, scale: scale,
        sampleCountSeen: try c.decode(Int.self, forKey: .sampleCountSeen))
    }

    /// Same number of columns as the input.
    public var outputFeatureCount: Int { featureCount }

    /// Divides each feature by its scale; NaN stays NaN.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return columnAffine(x, divide: scale)
    }

    /// Multiplies each feature by its scale.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return columnAffine(x, multiply: scale)
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

import LinearAlgebra
import SwiftLearnCore

/// Binary indicators of missing values (NaN), one column per feature.
///
/// With ``Features/missingOnly`` (the default) only features that had missing values during
/// fit get a column, and a missing value at transform in another feature throws when
/// ``errorOnNew`` is set. Output values are 0 and 1.
///
/// scikit-learn: `sklearn.impute.MissingIndicator` with `missing_values=np.nan`; defaults match
/// scikit-learn 1.9 (`features="missing-only"`, `error_on_new=True`); the output is a dense
/// 0/1 matrix rather than booleans.
///
/// - Complexity: O(n·d).
public struct MissingIndicator: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// Which features get an indicator column (scikit-learn's `features`).
  public enum Features: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only features with missing values during fit.
    case missingOnly = "missing-only"
    /// Every feature.
    case all
  }

  /// Which features get an indicator column.
  public var features: Features
  /// Throw at transform when a feature without missing values during fit has some now
  /// (only with ``Features/missingOnly``; scikit-learn's `error_on_new`).
  public var errorOnNew: Bool

  /// Creates an indicator; every argument defaults to scikit-learn's value.
  public init(features: Features = .missingOnly, errorOnNew: Bool = true) {
    self.features = features
    self.errorOnNew = errorOnNew
  }

  public init() { self.init(features: .missingOnly) }

  /// NaN is the missing value.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Finds the features with missing values.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value.
  /// - Returns: The fitted indicator.
  /// - Throws: `LearnError.emptyInput`, `LearnError.nonFinite` for ±infinity.
  public func fit(_ x: Matrix) throws -> Fitted {
    try Validate.features(x, allowNaN: true)
    let missing = columnsWithMissing(x)
    let selected =
      features == .all ? Array(0..<x.columnCount) : (0..<x.columnCount).filter { missing[$0] }
    return Fitted(
      featureCount: x.columnCount, features: selected,
      errorOnNew: errorOnNew && features == .missingOnly)
  }

  /// The fitted state of a ``MissingIndicator``.
  public struct Fitted: Transformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The indices of the features that get a column (scikit-learn's `features_`).
    public let features: [Int]
    /// Whether new missing features throw.
    public let errorOnNew: Bool

    init(featureCount: Int, features: [Int], errorOnNew: Bool) {
      self.featureCount = featureCount
      self.features = features
      self.errorOnNew = errorOnNew
    }

    /// Decodes a saved indicator and re-checks the feature indices.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let features = try c.decode([Int].self, forKey: .features)
      try requireDecoded(
        d >= 1 && features.allSatisfy { $0 >= 0 && $0 < d }, "bad feature indices",
        codingPath: c.codingPath)
      self.init(
        featureCount: d, features: features,
        errorOnNew: try c.decode(Bool.self, forKey: .errorOnNew))
    }

    /// One column per selected feature.
    public var outputFeatureCount: Int { features.count }

    /// 1 where the selected feature is NaN, else 0.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity,
    ///   `LearnError.unsupportedInput` when ``errorOnNew`` is set and a feature without missing
    ///   values during fit has some.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      if errorOnNew {
        let missing = columnsWithMissing(x)
        let selected = Set(features)
        let new = (0..<featureCount).filter { missing[$0] && !selected.contains($0) }
        if !new.isEmpty {
          throw LearnError.unsupportedInput(
            input: "X",
            reason:
              "features \(new) have missing values in transform but have no missing values in fit"
          )
        }
      }
      return indicatorMatrix(x, features: features)
    }

    /// `missingindicator_<name>` per selected feature.
    ///
    /// - Parameter inputFeatures: Input names, or `nil` for `x0, x1, ...`.
    /// - Throws: `LearnError.lengthMismatch` for a wrong number of names.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      return features.map { "missingindicator_\(names[$0])" }
    }
  }
}

/// Whether each column of `x` holds a NaN.
func columnsWithMissing(_ x: Matrix) -> [Bool] {
  let d = x.columnCount
  var missing = [Bool](repeating: false, count: d)
  x.withUnsafeStorage { s in
    for k in 0..<s.count where s[k].isNaN { missing[k % d] = true }
  }
  return missing
}

/// 0/1 indicators of NaN in the listed columns of `x`.
func indicatorMatrix(_ x: Matrix, features: [Int]) -> Matrix {
  let n = x.rowCount
  let d = x.columnCount
  let w = features.count
  var out = [Double](repeating: 0, count: n * w)
  x.withUnsafeStorage { s in
    for i in 0..<n {
      for (k, j) in features.enumerated() where s[i * d + j].isNaN { out[i * w + k] = 1 }
    }
  }
  return Matrix(unchecked: n, w, out)
}

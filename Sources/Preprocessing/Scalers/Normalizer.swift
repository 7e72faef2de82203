import LinearAlgebra
import SwiftLearnCore

/// Rescales each sample (row) to unit norm.
///
/// Rows whose norm is below `10·ε` are left unchanged. The transformer is stateless: `fit`
/// only records the number of features.
///
/// scikit-learn: `sklearn.preprocessing.Normalizer`; default `norm="l2"`. It has no
/// `inverse_transform`, so neither does this.
///
///     let unit = try Normalizer(norm: .l1).fit(x).transform(x)   // rows sum to 1 in |·|
///
/// - Complexity: O(n·d).
public struct Normalizer: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// The norm each row is divided by (scikit-learn's `norm`).
  public enum Norm: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sum of absolute values.
    case l1
    /// Euclidean length.
    case l2
    /// Largest absolute value.
    case max
  }

  /// The norm used to normalize each non-zero row.
  public var norm: Norm

  /// Creates a normalizer; `norm` defaults to `.l2`, as in scikit-learn.
  public init(norm: Norm = .l2) { self.norm = norm }

  public init() { self.init(norm: .l2) }

  /// Records the number of features (nothing is learned).
  ///
  /// - Parameter x: Training samples, finite.
  /// - Returns: The fitted normalizer.
  /// - Throws: `LearnError.emptyInput`, `LearnError.nonFinite`.
  public func fit(_ x: Matrix) throws -> Fitted {
    try Validate.features(x)
    return Fitted(featureCount: x.columnCount, norm: norm)
  }

  /// The fitted state of a ``Normalizer``: the norm and the feature count.
  public struct Fitted: Transformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The norm used.
    public let norm: Norm

    init(featureCount: Int, norm: Norm) {
      self.featureCount = featureCount
      self.norm = norm
    }

    /// Same number of columns as the input.
    public var outputFeatureCount: Int { featureCount }

    /// Divides every row by its norm (rows of norm below `10·ε` are kept as they are).
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      let d = featureCount
      let tiny = 10 * Double.ulpOfOne
      var out = x
      out.withUnsafeMutableStorage { s in
        var k = 0
        while k < s.count {
          var value = 0.0
          switch norm {
          case .l1: for j in 0..<d { value += abs(s[k + j]) }
          case .l2:
            for j in 0..<d { value += s[k + j] * s[k + j] }
            value = value.squareRoot()
          case .max: for j in 0..<d { value = Swift.max(value, abs(s[k + j])) }
          }
          if value >= tiny {
            for j in 0..<d { s[k + j] /= value }
          }
          k += d
        }
      }
      return out
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

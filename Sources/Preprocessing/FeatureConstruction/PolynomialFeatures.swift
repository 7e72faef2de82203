import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Generates polynomial and interaction features: every product of input features up to a
/// degree.
///
/// For inputs `[a, b]` and degree 2 the output is `[1, a, b, a², ab, b²]`, in scikit-learn's
/// column order (the bias, then degree by degree, combinations in lexicographic order) and
/// with its feature names (`1`, `x0`, `x0^2`, `x0 x1`).
///
/// scikit-learn: `sklearn.preprocessing.PolynomialFeatures`; defaults match scikit-learn 1.9
/// (`degree=2`, `interaction_only=False`, `include_bias=True`).
///
///     let poly = try PolynomialFeatures(degree: 3, interactionOnly: true).fit(x)
///     let expanded = try poly.transform(x)
///
/// - Complexity: O(n · outputFeatureCount · degree) to transform.
public struct PolynomialFeatures: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// The smallest degree of the non-bias terms (scikit-learn's `degree=(min, max)`; 0 when
  /// `degree` is an integer).
  public var minimumDegree: Int
  /// The largest degree (scikit-learn's `degree`, default 2).
  public var degree: Int
  /// Keep only products of distinct features (scikit-learn's `interaction_only`).
  public var interactionOnly: Bool
  /// Add a column of ones (scikit-learn's `include_bias`, default `true`).
  public var includeBias: Bool

  /// Creates the transformer for terms of degree up to `degree`.
  ///
  /// - Parameters:
  ///   - degree: The largest degree.
  ///   - interactionOnly: Keep only products of distinct features.
  ///   - includeBias: Add a column of ones.
  public init(degree: Int = 2, interactionOnly: Bool = false, includeBias: Bool = true) {
    self.minimumDegree = 0
    self.degree = degree
    self.interactionOnly = interactionOnly
    self.includeBias = includeBias
  }

  /// Creates the transformer for terms of degree `degrees.lowerBound ... degrees.upperBound`
  /// (scikit-learn's `degree=(min_degree, max_degree)`).
  ///
  /// - Parameters:
  ///   - degrees: The smallest and largest degree.
  ///   - interactionOnly: Keep only products of distinct features.
  ///   - includeBias: Add a column of ones.
  public init(degrees: ClosedRange<Int>, interactionOnly: Bool = false, includeBias: Bool = true) {
    self.minimumDegree = degrees.lowerBound
    self.degree = degrees.upperBound
    self.interactionOnly = interactionOnly
    self.includeBias = includeBias
  }

  public init() { self.init(degree: 2) }

  /// - Throws: `LearnError.invalidParameter` naming `degree` (negative, below
  ///   `minimumDegree`, or 0 without a bias) or `minimumDegree` (negative).
  public func validateHyperparameters() throws {
    try Check.count(
      minimumDegree, atLeast: 0, estimator: "PolynomialFeatures", name: "minimumDegree")
    try Check.count(degree, atLeast: minimumDegree, estimator: "PolynomialFeatures", name: "degree")
    if degree == 0 && !includeBias {
      throw LearnError.invalidParameter(
        estimator: "PolynomialFeatures", name: "degree", value: "0",
        expected: "at least 1 when includeBias is false (the output would be empty)")
    }
  }

  /// Enumerates the output terms for `d` input features.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `degree` when the output would have
  ///   no columns or more than `Int32.max` columns.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    let d = x.columnCount
    var terms: [[Int]] = includeBias ? [[]] : []
    var current: [[Int]] = [[]]
    for k in 1...max(degree, 1) where degree >= 1 {
      var next: [[Int]] = []
      for combo in current {
        let start = combo.last.map { interactionOnly ? $0 + 1 : $0 } ?? 0
        guard start < d else { continue }
        for j in start..<d { next.append(combo + [j]) }
        guard next.count + terms.count < Int(Int32.max) else {
          throw LearnError.invalidParameter(
            estimator: "PolynomialFeatures", name: "degree", value: "\(degree)",
            expected: "a degree whose output has fewer than 2^31 columns")
        }
      }
      current = next
      if k >= max(minimumDegree, 1) { terms += next }
    }
    guard !terms.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "PolynomialFeatures", name: "degree", value: "\(degree)",
        expected: "a degree range that produces at least one output column")
    }
    return Fitted(featureCount: d, terms: terms)
  }

  /// The fitted state of a ``PolynomialFeatures``: the list of output terms.
  public struct Fitted: Transformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The input features multiplied together for each output column (an empty list is the
    /// bias).
    public let terms: [[Int]]

    /// One column per term (scikit-learn's `n_output_features_`).
    public var outputFeatureCount: Int { terms.count }

    /// The exponent of each input feature in each output column, `outputFeatureCount x
    /// featureCount` (scikit-learn's `powers_`).
    public var powers: [[Int]] {
      terms.map { term in
        var p = [Int](repeating: 0, count: featureCount)
        for j in term { p[j] += 1 }
        return p
      }
    }

    /// Computes every term for every row.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      let n = x.rowCount
      let d = featureCount
      let m = terms.count
      let values = x.withUnsafeStorage { s in
        makeDoubleBuffer(count: n * m) { out in
          for i in 0..<n {
            let row = i * d
            for (t, term) in terms.enumerated() {
              var v = 1.0
              var first = true
              for j in term {
                v = first ? s[row + j] : v * s[row + j]
                first = false
              }
              out[i * m + t] = v
            }
          }
        }
      }
      return Matrix(unchecked: n, m, values)
    }

    /// scikit-learn's names: `1` for the bias, `x0`, `x0^2`, `x0 x1`.
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      return powers.map { p in
        let parts = p.enumerated().compactMap { j, e -> String? in
          e == 0 ? nil : (e == 1 ? names[j] : "\(names[j])^\(e)")
        }
        return parts.isEmpty ? "1" : parts.joined(separator: " ")
      }
    }
  }
}

import LinearAlgebra
import SwiftLearnCore

/// An estimator that learns a `Transformer` from features and a target.
///
/// The supervised feature selectors (``SelectKBest``, ``SelectPercentile``,
/// ``SelectFromModel``, ``RFE``) conform: like scikit-learn's `fit(X, y)` on a transformer, the
/// target guides what the transformer learns, and `transform` then needs only `X`. It is not a
/// `TransformerEstimator` because fitting without `y` means nothing for them.
public protocol SupervisedTransformerEstimator<Target, Fitted>: Estimator {
  /// The training target type.
  associatedtype Target: Sendable
  /// The fitted transformer's type.
  associatedtype Fitted: Transformer
  /// Learns the transformation from `x` and `y`.
  func fit(_ x: Matrix, _ y: Target) throws -> Fitted
  /// Fits and transforms `x` in one call.
  func fitTransform(_ x: Matrix, _ y: Target) throws -> (fitted: Fitted, output: Matrix)
}

extension SupervisedTransformerEstimator {
  /// Fits, then transforms the same data.
  public func fitTransform(_ x: Matrix, _ y: Target) throws -> (fitted: Fitted, output: Matrix) {
    let fitted = try fit(x, y)
    return (fitted, try fitted.transform(x))
  }
}

/// A fitted feature selector: keeps the input columns marked in ``support``.
///
/// scikit-learn's `SelectorMixin`: `get_support()`, `get_support(indices=True)`, `transform`,
/// `inverse_transform` and `get_feature_names_out` all follow from the mask, and are provided
/// here by default.
public protocol FittedFeatureSelector: InvertibleTransformer {
  /// One flag per input feature, `true` where the feature is kept (scikit-learn's
  /// `get_support()`).
  var support: [Bool] { get }
  /// Whether ``transform(_:)`` passes NaN through (it rejects it by default).
  var allowsMissingValues: Bool { get }
}

extension FittedFeatureSelector {
  /// NaN is rejected by default.
  public var allowsMissingValues: Bool { false }

  /// The kept features' indices, ascending (scikit-learn's `get_support(indices=True)`).
  public var selectedIndices: [Int] { support.indices.filter { support[$0] } }

  /// The number of kept features.
  public var outputFeatureCount: Int { support.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// The kept columns of `x`, in input order.
  ///
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)`, `LearnError.emptyInput(input:reason:)`,
  ///   `LearnError.nonFinite(input:row:column:)`.
  public func transform(_ x: Matrix) throws -> Matrix {
    try Validate.predictionInput(x, featureCount: featureCount, allowNaN: allowsMissingValues)
    return selectColumns(x, selectedIndices)
  }

  /// Puts the kept columns back in place with zeros for the removed ones
  /// (scikit-learn's `inverse_transform`).
  ///
  /// - Throws: `LearnError.featureCountMismatch(expected:got:)` when `x` does not have
  ///   ``outputFeatureCount`` columns.
  public func inverseTransform(_ x: Matrix) throws -> Matrix {
    let kept = selectedIndices
    guard x.columnCount == kept.count else {
      throw LearnError.featureCountMismatch(expected: kept.count, got: x.columnCount)
    }
    let d = featureCount
    let n = x.rowCount
    var values = [Double](repeating: 0, count: n * d)
    x.withUnsafeStorage { s in
      for i in 0..<n {
        for (k, j) in kept.enumerated() { values[i * d + j] = s[i * kept.count + k] }
      }
    }
    return Matrix(unchecked: n, d, values)
  }

  /// The names of the kept features.
  ///
  /// - Throws: `LearnError.lengthMismatch(input:expected:got:)` for a wrong number of names.
  public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
    let names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
    return selectedIndices.map { names[$0] }
  }
}

/// The columns `indices` of `x` (already validated), as a new matrix.
func selectColumns(_ x: Matrix, _ indices: [Int]) -> Matrix {
  let n = x.rowCount
  let d = x.columnCount
  let k = indices.count
  let values = x.withUnsafeStorage { s in
    [Double](unsafeUninitializedCapacity: n * k) { buffer, count in
      indices.withUnsafeBufferPointer { idx in
        for i in 0..<n {
          let row = i * d
          let out = i * k
          for c in 0..<k { buffer[out + c] = s[row + idx[c]] }
        }
      }
      count = n * k
    }
  }
  return Matrix(unchecked: n, k, values)
}

/// Checks a decoded support mask against the decoded feature count.
func checkDecodedSupport(_ support: [Bool], featureCount: Int, codingPath: [any CodingKey])
  throws
{
  try requireDecoded(
    featureCount >= 1, "featureCount must be at least 1, got \(featureCount)",
    codingPath: codingPath)
  try requireDecoded(
    support.count == featureCount,
    "support has \(support.count) entries for \(featureCount) features", codingPath: codingPath)
}

/// Class codes `0..<k` for the distinct values of `y`, sorted ascending like `np.unique`.
func classCodes<L: Hashable & Comparable>(_ y: [L]) -> (codes: [Int], classCount: Int) {
  let classes = Array(Set(y)).sorted()
  var index: [L: Int] = [:]
  for (k, c) in classes.enumerated() { index[c] = k }
  return (y.map { index[$0] ?? 0 }, classes.count)
}

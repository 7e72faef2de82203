import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Fills each missing value with the (weighted) mean of that feature over the nearest training
/// rows that have it.
///
/// Distances are scikit-learn's `nan_euclidean_distances`: over the coordinates present in both
/// rows, `sqrt(d / present · Σ (a - b)²)` for `d` features, and undefined (NaN) when no
/// coordinate is shared. For each missing cell the donors are the training rows where the
/// feature is present; the ``neighborCount`` closest (ties broken by row order) are averaged,
/// uniformly or by inverse distance (a donor at distance 0 then takes all the weight). A row
/// with no defined distance to any donor gets the feature's training mean. Features with no
/// value during fit are dropped (or filled with 0 under ``keepEmptyFeatures``), as in
/// scikit-learn.
///
/// scikit-learn: `sklearn.impute.KNNImputer` with `missing_values=np.nan` and
/// `metric="nan_euclidean"`; defaults match scikit-learn 1.9 (`n_neighbors=5`,
/// `weights="uniform"`, `add_indicator=False`, `keep_empty_features=False`). Distances are
/// summed directly rather than through scikit-learn's `‖a‖² + ‖b‖² - 2a·b` expansion, so they
/// can differ from scikit-learn's in the last bits.
///
/// - Complexity: O(m·n·d) to transform `m` rows with missing values against `n` training rows.
public struct KNNImputer: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// How donors are weighted (scikit-learn's `weights`).
  public enum Weights: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every donor counts the same.
    case uniform
    /// Donors count by the inverse of their distance.
    case distance
  }

  /// The number of donors averaged (scikit-learn's `n_neighbors`), at least 1.
  public var neighborCount: Int
  /// How donors are weighted.
  public var weights: Weights
  /// Append a 0/1 indicator column per feature with missing values during fit (scikit-learn's
  /// `add_indicator`).
  public var addIndicator: Bool
  /// Keep features without any value during fit, filled with 0 (scikit-learn's
  /// `keep_empty_features`).
  public var keepEmptyFeatures: Bool

  /// Creates an imputer; every argument defaults to scikit-learn's value.
  public init(
    neighborCount: Int = 5, weights: Weights = .uniform, addIndicator: Bool = false,
    keepEmptyFeatures: Bool = false
  ) {
    self.neighborCount = neighborCount
    self.weights = weights
    self.addIndicator = addIndicator
    self.keepEmptyFeatures = keepEmptyFeatures
  }

  public init() { self.init(neighborCount: 5) }

  /// NaN is the missing value.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Checks that ``neighborCount`` is at least 1.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `neighborCount`.
  public func validateHyperparameters() throws {
    try Check.count(neighborCount, atLeast: 1, estimator: "KNNImputer", name: "neighborCount")
  }

  /// Stores the training rows.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value.
  /// - Returns: The fitted imputer.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`, `LearnError.nonFinite`
  ///   for ±infinity.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let n = x.rowCount
    let d = x.columnCount
    var present = [Int](repeating: 0, count: d)
    var missing = [Bool](repeating: false, count: d)
    x.withUnsafeStorage { s in
      for i in 0..<n {
        for j in 0..<d {
          if s[i * d + j].isNaN { missing[j] = true } else { present[j] += 1 }
        }
      }
    }
    return Fitted(
      trainingData: x, neighborCount: neighborCount, weights: weights,
      validFeatures: present.map { $0 > 0 },
      indicatorFeatures: addIndicator ? (0..<d).filter { missing[$0] } : [],
      keepEmptyFeatures: keepEmptyFeatures)
  }

  /// The fitted state of a ``KNNImputer``: the training rows and the settings.
  public struct Fitted: Transformer, Hashable {
    /// The training rows (scikit-learn's `_fit_X`).
    public let trainingData: Matrix
    /// The number of donors.
    public let neighborCount: Int
    /// How donors are weighted.
    public let weights: Weights
    /// Whether each feature had at least one value during fit.
    public let validFeatures: [Bool]
    /// The features that get an indicator column.
    public let indicatorFeatures: [Int]
    /// Whether empty features are kept (filled with 0).
    public let keepEmptyFeatures: Bool

    init(
      trainingData: Matrix, neighborCount: Int, weights: Weights, validFeatures: [Bool],
      indicatorFeatures: [Int], keepEmptyFeatures: Bool
    ) {
      self.trainingData = trainingData
      self.neighborCount = neighborCount
      self.weights = weights
      self.validFeatures = validFeatures
      self.indicatorFeatures = indicatorFeatures
      self.keepEmptyFeatures = keepEmptyFeatures
    }

    /// Decodes a saved imputer and re-checks its shapes.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let x = try c.decode(Matrix.self, forKey: .trainingData)
      let valid = try c.decode([Bool].self, forKey: .validFeatures)
      let indicators = try c.decode([Int].self, forKey: .indicatorFeatures)
      let k = try c.decode(Int.self, forKey: .neighborCount)
      try requireDecoded(
        x.rowCount >= 1 && x.columnCount >= 1 && valid.count == x.columnCount && k >= 1
          && indicators.allSatisfy { $0 >= 0 && $0 < x.columnCount },
        "inconsistent imputer", codingPath: c.codingPath)
      self.init(
        trainingData: x, neighborCount: k, weights: try c.decode(Weights.self, forKey: .weights),
        validFeatures: valid, indicatorFeatures: indicators,
        keepEmptyFeatures: try c.decode(Bool.self, forKey: .keepEmptyFeatures))
    }

    /// The number of features seen during fit.
    public var featureCount: Int { trainingData.columnCount }

    /// The kept features plus the indicators.
    public var outputFeatureCount: Int {
      (keepEmptyFeatures ? featureCount : validFeatures.filter { $0 }.count)
        + indicatorFeatures.count
    }

    /// The kept input names, then `missingindicator_<name>` per indicator.
    ///
    /// - Parameter inputFeatures: Input names, or `nil` for `x0, x1, ...`.
    /// - Throws: `LearnError.lengthMismatch` for a wrong number of names.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      let kept = names.indices.filter { keepEmptyFeatures || validFeatures[$0] }.map { names[$0] }
      return kept + indicatorFeatures.map { "missingindicator_\(names[$0])" }
    }

    /// Fills every missing value from the nearest donors.
    ///
    /// - Parameter x: Samples with the fitted number of columns; NaN marks a missing value.
    /// - Returns: The completed matrix (empty features dropped or zeroed, indicators appended).
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let d = featureCount
      let n = x.rowCount
      let m = trainingData.rowCount
      let fit = trainingData.storage
      let input = x.storage
      var out = input
      // Column means of the training data, for receivers without any defined distance.
      var means = [Double](repeating: .nan, count: d)
      for j in 0..<d {
        var sum = 0.0
        var count = 0.0
        for r in 0..<m where !fit[r * d + j].isNaN {
          sum += fit[r * d + j]
          count += 1
        }
        if count > 0 { means[j] = sum / count }
      }
      var distances = [Double](repeating: .nan, count: m)
      var donors: [(distance: Double, row: Int)] = []
      donors.reserveCapacity(m)
      for i in 0..<n {
        let needs = (0..<d).contains { validFeatures[$0] && input[i * d + $0].isNaN }
        guard needs else { continue }
        for r in 0..<m {
          distances[r] = nanEuclidean(input, i, fit, r, d)
        }
        for j in 0..<d where validFeatures[j] && input[i * d + j].isNaN {
          donors.removeAll(keepingCapacity: true)
          for r in 0..<m where !fit[r * d + j].isNaN { donors.append((distances[r], r)) }
          if donors.allSatisfy({ $0.distance.isNaN }) {
            out[i * d + j] = means[j]
            continue
          }
          donors.sort { a, b in
            if a.distance.isNaN != b.distance.isNaN { return !a.distance.isNaN }
            if a.distance != b.distance { return a.distance < b.distance }
            return a.row < b.row
          }
          let chosen = donors.prefix(Swift.min(neighborCount, donors.count))
          var weightsOfDonors = chosen.map { $0.distance.isNaN ? 0.0 : 1.0 }
          if weights == .distance {
            if chosen.contains(where: { $0.distance == 0 }) {
              weightsOfDonors = chosen.map { $0.distance == 0 ? 1 : 0 }
            } else {
              weightsOfDonors = chosen.map { $0.distance.isNaN ? 0 : 1 / $0.distance }
            }
          }
          var total = 0.0
          var weightSum = 0.0
          for (w, donor) in zip(weightsOfDonors, chosen) {
            total += w * fit[donor.row * d + j]
            weightSum += w
          }
          out[i * d + j] = total / weightSum
        }
      }
      var result = Matrix(unchecked: n, d, out)
      if keepEmptyFeatures {
        result.withUnsafeMutableStorage { s in
          for k in 0..<s.count where !validFeatures[k % d] { s[k] = 0 }
        }
      } else if validFeatures.contains(false) {
        result = try result.columns((0..<d).filter { validFeatures[$0] })
      }
      guard !indicatorFeatures.isEmpty else { return result }
      return try result.appendingColumns(indicatorMatrix(x, features: indicatorFeatures))
    }
  }
}

/// scikit-learn's `nan_euclidean_distances` between row `i` of `a` and row `r` of `b`.
func nanEuclidean(_ a: [Double], _ i: Int, _ b: [Double], _ r: Int, _ d: Int) -> Double {
  var sum = 0.0
  var present = 0
  for j in 0..<d {
    let u = a[i * d + j]
    let v = b[r * d + j]
    if u.isNaN || v.isNaN { continue }
    sum += (u - v) * (u - v)
    present += 1
  }
  guard present > 0 else { return .nan }
  return (sum / Double(present) * Double(d)).squareRoot()
}

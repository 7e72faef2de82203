import LinearAlgebra
import SwiftLearnCore

/// A regressor that ignores the features and predicts one constant: the baseline every real
/// regressor must beat.
///
/// The constant is a (weighted) statistic of the training target chosen by ``Strategy``.
/// Features are checked for shape but their values are not used, so NaN is accepted.
///
/// scikit-learn: `sklearn.dummy.DummyRegressor`; defaults match scikit-learn 1.9
/// (`strategy="mean"`). With sample weights the median and quantiles are scikit-learn's
/// weighted `inverted_cdf` percentile; without weights they are numpy's `median` and linear
/// `percentile`.
///
///     let baseline = try DummyRegressor(strategy: .median).fit(x, y)
///     let r2 = try baseline.score(xTest, yTest)
///
/// - Complexity: O(n) for the mean, O(n log n) for the median and quantiles.
public struct DummyRegressor: Regressor, SampleWeightedEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// The statistic predicted (scikit-learn's `strategy`, with its spellings as raw values).
  public enum Strategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The (weighted) mean of the target.
    case mean
    /// The (weighted) median of the target.
    case median
    /// The (weighted) ``DummyRegressor/quantile`` of the target.
    case quantile
    /// Always ``DummyRegressor/constant``.
    case constant
  }

  /// The prediction strategy (scikit-learn's `strategy`, default `.mean`).
  public var strategy: Strategy
  /// The value predicted by ``Strategy/constant`` (scikit-learn's `constant`, default `nil`).
  public var constant: Double?
  /// The quantile in `[0, 1]` predicted by ``Strategy/quantile`` (scikit-learn's `quantile`,
  /// default `nil`).
  public var quantile: Double?

  /// Creates the baseline; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - strategy: The statistic to predict.
  ///   - constant: The value for the constant strategy.
  ///   - quantile: The quantile for the quantile strategy.
  public init(strategy: Strategy = .mean, constant: Double? = nil, quantile: Double? = nil) {
    self.strategy = strategy
    self.constant = constant
    self.quantile = quantile
  }

  /// Creates the baseline with scikit-learn's defaults.
  public init() { self.init(strategy: .mean) }

  /// Feature values are never read, so NaN is accepted; weights are supported.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, supportsSampleWeight: true)
  }

  /// Checks that the constant strategy has a finite `constant` and the quantile strategy a
  /// `quantile` in `[0, 1]`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming
  ///   `constant` or `quantile`.
  public func validateHyperparameters() throws {
    if let quantile {
      try Check.within(quantile, 0...1, estimator: "DummyRegressor", name: "quantile")
    }
    if let constant, !constant.isFinite {
      throw LearnError.invalidParameter(
        estimator: "DummyRegressor", name: "constant", value: "\(constant)",
        expected: "a finite number")
    }
    if strategy == .constant && constant == nil {
      throw LearnError.invalidParameter(
        estimator: "DummyRegressor", name: "constant", value: "nil",
        expected: "a number when strategy is .constant")
    }
    if strategy == .quantile && quantile == nil {
      throw LearnError.invalidParameter(
        estimator: "DummyRegressor", name: "quantile", value: "nil",
        expected: "a number in [0, 1] when strategy is .quantile")
    }
  }

  /// Learns the constant from the target.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)` for
  ///   non-finite targets or infinite features, `LearnError.lengthMismatch(input:expected:got:)`,
  ///   `LearnError.invalidSampleWeight(reason:)`.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let value: Double
    switch strategy {
    case .mean:
      value = Self.mean(y, weights)
    case .median:
      value = weights.map { Self.weightedPercentile(y, $0, rank: 50) } ?? Self.median(y)
    case .quantile:
      let rank = (quantile ?? 0.5) * 100
      value =
        weights.map { Self.weightedPercentile(y, $0, rank: rank) }
        ?? Self.linearPercentile(y, rank: rank)
    case .constant:
      value = constant ?? 0
    }
    return Fitted(featureCount: x.columnCount, constant: value)
  }

  /// `numpy.average` with optional weights.
  static func mean(_ y: [Double], _ weights: [Double]?) -> Double {
    guard let weights else { return y.reduce(0, +) / Double(y.count) }
    var total = 0.0
    var sum = 0.0
    for i in 0..<y.count {
      sum += weights[i] * y[i]
      total += weights[i]
    }
    return sum / total
  }

  /// `numpy.median`: the middle value, or the mean of the two middle values.
  static func median(_ y: [Double]) -> Double {
    let sorted = y.sorted()
    let n = sorted.count
    if n % 2 == 1 { return sorted[n / 2] }
    return (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }

  /// `numpy.percentile` with the default linear method, `rank` in percent.
  static func linearPercentile(_ y: [Double], rank: Double) -> Double {
    let sorted = y.sorted()
    let n = sorted.count
    let position = (rank / 100) * Double(n - 1)
    let lower = min(max(Int(position.rounded(.down)), 0), n - 1)
    let upper = min(lower + 1, n - 1)
    let t = position - Double(lower)
    let a = sorted[lower]
    let b = sorted[upper]
    // numpy's lerp: from the nearer end, so t = 1 gives b exactly.
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
  }

  /// scikit-learn's `_weighted_percentile` (`inverted_cdf`): the first sorted value whose
  /// cumulative weight reaches `rank`% of the total.
  static func weightedPercentile(_ y: [Double], _ weights: [Double], rank: Double) -> Double {
    let order = (0..<y.count).sorted { y[$0] < y[$1] }
    var cdf = [Double](repeating: 0, count: y.count)
    var running = 0.0
    for (k, i) in order.enumerated() {
      running += weights[i]
      cdf[k] = running
    }
    var target = rank / 100 * running
    if target == 0 { target = target.nextUp }
    // searchsorted(side="left"): the first index with cdf >= target.
    var lo = 0
    var hi = cdf.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if cdf[mid] < target { lo = mid + 1 } else { hi = mid }
    }
    return y[order[min(lo, order.count - 1)]]
  }

  /// A fitted ``DummyRegressor``: one constant.
  public struct Fitted: FittedRegressor, Hashable {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// The predicted value (scikit-learn's `constant_`).
    public let constant: Double

    init(featureCount: Int, constant: Double) {
      self.featureCount = featureCount
      self.constant = constant
    }

    /// ``constant`` for every row.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)` for
    ///   infinite values (NaN is accepted).
    public func predict(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return [Double](repeating: constant, count: x.rowCount)
    }

    enum CodingKeys: String, CodingKey { case featureCount, constant }

    /// Decodes and re-checks: at least one feature, a finite constant.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      featureCount = try c.decode(Int.self, forKey: .featureCount)
      constant = try c.decode(Double.self, forKey: .constant)
      try requireDecoded(
        featureCount >= 1, "featureCount must be at least 1", codingPath: c.codingPath)
      try requireDecoded(constant.isFinite, "constant must be finite", codingPath: c.codingPath)
    }
  }
}

import Foundation
import SwiftLearnCore

/// How a decision tree chooses the split at each node (scikit-learn's `splitter`).
public enum TreeSplitter: String, Sendable, Hashable, Codable, CaseIterable {
  /// The best threshold of each candidate feature (every distinct midpoint is tried).
  case best
  /// One uniformly drawn threshold per candidate feature (extremely randomized trees).
  case random
}

/// The impurity a classification tree minimises (scikit-learn's `criterion`).
public enum ClassificationCriterion: String, Sendable, Hashable, Codable, CaseIterable {
  /// Gini impurity `1 - Σ p_k²`.
  case gini
  /// Shannon entropy in bits, `-Σ p_k log₂ p_k`.
  case entropy
  /// The same as ``entropy`` (scikit-learn's `"log_loss"` alias).
  case logLoss = "log_loss"
}

/// The impurity a regression tree minimises (scikit-learn's `criterion`).
public enum RegressionCriterion: String, Sendable, Hashable, Codable, CaseIterable {
  /// Mean squared error around the node mean; leaves predict the mean.
  case squaredError = "squared_error"
  /// Deprecated in scikit-learn 1.9, where it maps to ``squaredError``; kept as an alias.
  case friedmanMSE = "friedman_mse"
  /// Mean absolute error around the node median; leaves predict the weighted median.
  case absoluteError = "absolute_error"
  /// Half Poisson deviance; needs non-negative targets with a positive sum.
  case poisson
}

/// How many features each split considers (scikit-learn's `max_features`).
public enum MaxFeatures: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Every feature (scikit-learn's `None`).
  case all
  /// `max(1, ⌊√d⌋)` features.
  case sqrt
  /// `max(1, ⌊log₂ d⌋)` features.
  case log2
  /// Exactly this many features (at least 1, at most `d`).
  case count(Int)
  /// `max(1, ⌊fraction·d⌋)` features, `fraction` in (0, 1].
  case fraction(Double)

  public var description: String {
    switch self {
    case .all: return "all"
    case .sqrt: return "sqrt"
    case .log2: return "log2"
    case .count(let k): return "count(\(k))"
    case .fraction(let f): return "fraction(\(f))"
    }
  }

  /// The number of features to draw for `featureCount` columns.
  func resolved(featureCount d: Int) -> Int {
    switch self {
    case .all: return d
    case .sqrt: return max(1, Int(Double(d).squareRoot()))
    case .log2: return max(1, Int(Foundation.log2(Double(d))))
    case .count(let k): return k
    case .fraction(let f): return max(1, Int(f * Double(d)))
    }
  }

  func validate(estimator: String) throws {
    switch self {
    case .count(let k) where k < 1:
      throw LearnError.invalidParameter(
        estimator: estimator, name: "maxFeatures", value: "\(k)",
        expected: "a feature count >= 1")
    case .fraction(let f) where !(f > 0 && f <= 1):
      throw LearnError.invalidParameter(
        estimator: estimator, name: "maxFeatures", value: "\(f)",
        expected: "a fraction in (0, 1]")
    default: return
    }
  }
}

/// A minimum size for a split or a leaf, as a count or as a fraction of the samples
/// (scikit-learn's int-or-float `min_samples_split` / `min_samples_leaf`).
public enum SampleThreshold: Sendable, Hashable, Codable, CustomStringConvertible {
  /// An absolute number of samples.
  case count(Int)
  /// `⌈fraction · n_samples⌉` samples.
  case fraction(Double)

  public var description: String {
    switch self {
    case .count(let k): return "\(k)"
    case .fraction(let f): return "fraction(\(f))"
    }
  }

  func resolved(sampleCount n: Int) -> Int {
    switch self {
    case .count(let k): return k
    case .fraction(let f): return Int((f * Double(n)).rounded(.up))
    }
  }
}

/// The hyperparameters shared by every tree-growing estimator, checked in one place.
struct TreeSettings: Sendable, Hashable {
  var splitter: TreeSplitter
  var maxDepth: Int?
  var minSamplesSplit: SampleThreshold
  var minSamplesLeaf: SampleThreshold
  var minWeightFractionLeaf: Double
  var maxFeatures: MaxFeatures
  var maxLeafNodes: Int?
  var minImpurityDecrease: Double
  var ccpAlpha: Double

  func validate(estimator: String) throws {
    if let maxDepth, maxDepth < 1 {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "maxDepth", value: "\(maxDepth)",
        expected: "nil or an integer >= 1")
    }
    switch minSamplesSplit {
    case .count(let k) where k < 2:
      throw LearnError.invalidParameter(
        estimator: estimator, name: "minSamplesSplit", value: "\(k)",
        expected: "an integer >= 2 or a fraction in (0, 1]")
    case .fraction(let f) where !(f > 0 && f <= 1):
      throw LearnError.invalidParameter(
        estimator: estimator, name: "minSamplesSplit", value: "\(f)",
        expected: "an integer >= 2 or a fraction in (0, 1]")
    default: break
    }
    switch minSamplesLeaf {
    case .count(let k) where k < 1:
      throw LearnError.invalidParameter(
        estimator: estimator, name: "minSamplesLeaf", value: "\(k)",
        expected: "an integer >= 1 or a fraction in (0, 1)")
    case .fraction(let f) where !(f > 0 && f < 1):
      throw LearnError.invalidParameter(
        estimator: estimator, name: "minSamplesLeaf", value: "\(f)",
        expected: "an integer >= 1 or a fraction in (0, 1)")
    default: break
    }
    try Check.within(
      minWeightFractionLeaf, 0...0.5, estimator: estimator, name: "minWeightFractionLeaf")
    try maxFeatures.validate(estimator: estimator)
    if let maxLeafNodes, maxLeafNodes < 2 {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "maxLeafNodes", value: "\(maxLeafNodes)",
        expected: "nil or an integer >= 2")
    }
    try Check.finite(
      minImpurityDecrease, atLeast: 0, estimator: estimator, name: "minImpurityDecrease")
    try Check.finite(ccpAlpha, atLeast: 0, estimator: estimator, name: "ccpAlpha")
  }

  /// The integer limits the grower needs for `n` samples of `d` features with total weight `w`.
  func limits(sampleCount n: Int, featureCount d: Int, totalWeight w: Double) throws
    -> GrowthLimits
  {
    let leaf = minSamplesLeaf.resolved(sampleCount: n)
    var split = minSamplesSplit.resolved(sampleCount: n)
    if case .fraction = minSamplesSplit { split = max(2, split) }
    split = max(split, 2 * leaf)
    let features = maxFeatures.resolved(featureCount: d)
    if features > d {
      throw LearnError.invalidParameter(
        estimator: "DecisionTree", name: "maxFeatures", value: "\(features)",
        expected: "at most the number of features (\(d))")
    }
    return GrowthLimits(
      maxDepth: maxDepth ?? Int(Int32.max), minSamplesSplit: split, minSamplesLeaf: leaf,
      minWeightLeaf: minWeightFractionLeaf * w, maxFeatures: features,
      maxLeafNodes: maxLeafNodes, minImpurityDecrease: minImpurityDecrease,
      randomSplitter: splitter == .random)
  }
}

/// Resolved integer limits for one tree.
struct GrowthLimits: Sendable {
  var maxDepth: Int
  var minSamplesSplit: Int
  var minSamplesLeaf: Int
  var minWeightLeaf: Double
  var maxFeatures: Int
  var maxLeafNodes: Int?
  var minImpurityDecrease: Double
  var randomSplitter: Bool
}

/// Per-sample weights from class weights: `balanced` is `n / (k · count(class))`.
func classWeightFactors(
  codes: [Int32], classCount k: Int, rows: [Int]? = nil, balanced: Bool,
  explicit: [Double]?
) -> [Double] {
  if let explicit { return codes.map { explicit[Int($0)] } }
  guard balanced else { return [Double](repeating: 1, count: codes.count) }
  var counts = [Double](repeating: 0, count: k)
  if let rows {
    for r in rows { counts[Int(codes[r])] += 1 }
  } else {
    for c in codes { counts[Int(c)] += 1 }
  }
  let total = counts.reduce(0, +)
  let present = Double(counts.filter { $0 > 0 }.count)
  var factor = [Double](repeating: 0, count: k)
  for c in 0..<k where counts[c] > 0 { factor[c] = total / (present * counts[c]) }
  return codes.map { factor[Int($0)] }
}

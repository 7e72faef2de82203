import Foundation
import LinearAlgebra
import SwiftLearnCore

/// A regression tree (CART) with scikit-learn's algorithm and defaults.
///
/// scikit-learn: `sklearn.tree.DecisionTreeRegressor` (1.9). Leaves predict the weighted mean
/// (``RegressionCriterion/squaredError``, ``RegressionCriterion/poisson``) or the weighted
/// median (``RegressionCriterion/absoluteError``) of their training targets. Features are
/// compared as float32 values like scikit-learn; NaN in `X` means missing and is routed per
/// split as described in ``DecisionTreeClassifier``.
///
///     let model = try DecisionTreeRegressor(maxDepth: 5, seed: 0).fit(x, y)
///     let leaves = try model.apply(x)
public struct DecisionTreeRegressor: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The impurity (default `.squaredError`).
  public var criterion: RegressionCriterion
  /// Best or random thresholds (default `.best`).
  public var splitter: TreeSplitter
  /// The maximum depth; `nil` grows until leaves are pure or too small (default `nil`).
  public var maxDepth: Int?
  /// The minimum samples to split a node (default `.count(2)`).
  public var minSamplesSplit: SampleThreshold
  /// The minimum samples in each leaf (default `.count(1)`).
  public var minSamplesLeaf: SampleThreshold
  /// The minimum fraction of the total sample weight in each leaf (default 0).
  public var minWeightFractionLeaf: Double
  /// The features considered per split (default `.all`).
  public var maxFeatures: MaxFeatures
  /// The seed for feature draws and random thresholds (scikit-learn's `random_state`).
  public var seed: UInt64?
  /// Grow best-first up to this many leaves; `nil` grows depth-first (default `nil`).
  public var maxLeafNodes: Int?
  /// A split must decrease the weighted impurity by at least this much (default 0).
  public var minImpurityDecrease: Double
  /// The complexity parameter of minimal cost-complexity pruning (default 0, no pruning).
  public var ccpAlpha: Double

  /// Creates a regression tree; every argument defaults to scikit-learn's value.
  public init(
    criterion: RegressionCriterion = .squaredError, splitter: TreeSplitter = .best,
    maxDepth: Int? = nil, minSamplesSplit: SampleThreshold = .count(2),
    minSamplesLeaf: SampleThreshold = .count(1), minWeightFractionLeaf: Double = 0,
    maxFeatures: MaxFeatures = .all, seed: UInt64? = nil, maxLeafNodes: Int? = nil,
    minImpurityDecrease: Double = 0, ccpAlpha: Double = 0
  ) {
    self.criterion = criterion
    self.splitter = splitter
    self.maxDepth = maxDepth
    self.minSamplesSplit = minSamplesSplit
    self.minSamplesLeaf = minSamplesLeaf
    self.minWeightFractionLeaf = minWeightFractionLeaf
    self.maxFeatures = maxFeatures
    self.seed = seed
    self.maxLeafNodes = maxLeafNodes
    self.minImpurityDecrease = minImpurityDecrease
    self.ccpAlpha = ccpAlpha
  }

  public init() { self.init(criterion: .squaredError) }

  /// NaN in `X` is accepted; weights are supported; the fit depends on the seed among ties.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false, supportsSampleWeight: true)
  }

  var settings: TreeSettings {
    TreeSettings(
      splitter: splitter, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
      minSamplesLeaf: minSamplesLeaf, minWeightFractionLeaf: minWeightFractionLeaf,
      maxFeatures: maxFeatures, maxLeafNodes: maxLeafNodes,
      minImpurityDecrease: minImpurityDecrease, ccpAlpha: ccpAlpha)
  }

  /// Checks every hyperparameter, naming the first one out of range.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`.
  public func validateHyperparameters() throws {
    try settings.validate(estimator: "DecisionTreeRegressor")
  }

  /// Grows the tree (and prunes it when `ccpAlpha > 0`).
  ///
  /// - Parameters:
  ///   - x: The features; NaN means missing.
  ///   - y: One finite target per row (non-negative with a positive sum for Poisson).
  ///   - sampleWeight: Optional non-negative weights; rows with weight 0 are ignored.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`,
  ///   `LearnError.unsupportedInput(input:reason:)` for negative Poisson targets, and input
  ///   errors.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    let grown = try grow(x, y, sampleWeight: sampleWeight)
    var tree = grown.tree
    if ccpAlpha > 0 { tree = tree.pruned(leaves: tree.costComplexityPrune(alpha: ccpAlpha).leaves) }
    return Fitted(
      featureCount: x.columnCount, tree: tree, criterion: criterion, seedUsed: grown.seed)
  }

  /// The effective alphas and total leaf impurities of minimal cost-complexity pruning
  /// (scikit-learn's `cost_complexity_pruning_path`), from the unpruned tree.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The targets.
  ///   - sampleWeight: Optional weights.
  /// - Throws: The errors of ``fit(_:_:sampleWeight:)``.
  public func costComplexityPruningPath(
    _ x: Matrix, _ y: [Double], sampleWeight: [Double]? = nil
  ) throws -> PruningPath {
    try grow(x, y, sampleWeight: sampleWeight).tree.costComplexityPrune(alpha: .infinity).path
  }

  func grow(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> (
    tree: TreeStructure, seed: UInt64
  ) {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.target(y, sampleCount: x.rowCount)
    try checkPoissonTarget(y, criterion: criterion)
    let given = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let weights = given ?? [Double](repeating: 1, count: x.rowCount)
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let limits = try settings.limits(
      sampleCount: x.rowCount, featureCount: x.columnCount, totalWeight: weights.reduce(0, +))
    let data = TreeTrainingData(
      x, presort: splitter == .best, threads: ProcessInfo.processInfo.activeProcessorCount)
    let tree = growTree(
      data: data, target: .values(y, criterion == .friedmanMSE ? .squaredError : criterion),
      weights: weights, limits: limits, rng: SeededGenerator(seed: seedUsed))
    return (tree, seedUsed)
  }

  /// A fitted ``DecisionTreeRegressor``.
  public struct Fitted: FittedRegressor, FeatureImportancesProviding, Hashable {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// The tree; each node's single value is its prediction.
    public let tree: TreeStructure
    /// The criterion used (shown in exports).
    public let criterion: RegressionCriterion
    /// The seed used.
    public let seedUsed: UInt64

    /// Impurity-based importances (scikit-learn's `feature_importances_`).
    public var featureImportances: [Double] { tree.featureImportances }

    /// The depth of the tree (scikit-learn's `get_depth()`).
    public var depth: Int { tree.depth }

    /// The number of leaves (scikit-learn's `get_n_leaves()`).
    public var leafCount: Int { tree.leafCount }

    /// The value of the leaf each row reaches.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predict(_ x: Matrix) throws -> [Double] {
      try apply(x).map { tree.values[$0] }
    }

    /// The index of the leaf each row ends in (scikit-learn's `apply`).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func apply(_ x: Matrix) throws -> [Int] {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return x.withUnsafeStorage { tree.leaves($0, rowCount: x.rowCount) }
    }

    /// The nodes each row visits, root to leaf (scikit-learn's `decision_path`, as lists).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func decisionPath(_ x: Matrix) throws -> [[Int]] {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let d = featureCount
      return x.withUnsafeStorage { s in
        (0..<x.rowCount).map { r in tree.path { Float(s[r * d + $0]) } }
      }
    }

    /// The rules as indented text (scikit-learn's `export_text`).
    ///
    /// - Parameters:
    ///   - featureNames: One name per feature; `nil` uses `feature_0, feature_1, ...`.
    ///   - decimals: Digits shown for thresholds and values (default 2).
    /// - Throws: `LearnError.lengthMismatch(input:expected:got:)` for a wrong name count.
    public func exportText(featureNames: [String]? = nil, decimals: Int = 2) throws -> String {
      if let featureNames {
        _ = try Validate.featureNames(featureNames, featureCount: featureCount)
      }
      return tree.exportText(featureNames: featureNames, decimals: decimals) { leaf in
        "value: [\(String(format: "%.\(decimals)f", tree.values[leaf]))]"
      }
    }

    /// The tree in Graphviz DOT (scikit-learn's `export_graphviz`).
    ///
    /// - Parameter featureNames: One name per feature; `nil` uses `x[0], x[1], ...`.
    /// - Throws: `LearnError.lengthMismatch(input:expected:got:)` for a wrong name count.
    public func exportGraphviz(featureNames: [String]? = nil) throws -> String {
      if let featureNames {
        _ = try Validate.featureNames(featureNames, featureCount: featureCount)
      }
      return tree.exportDOT(featureNames: featureNames, criterion: criterion.rawValue) { i in
        "value = \(String(format: "%.3f", tree.values[i]))"
      }
    }
  }
}

/// scikit-learn's Poisson target checks: no negative value and a positive sum.
func checkPoissonTarget(_ y: [Double], criterion: RegressionCriterion) throws {
  guard criterion == .poisson else { return }
  if let i = y.firstIndex(where: { $0 < 0 }) {
    throw LearnError.unsupportedInput(
      input: "y",
      reason: "value \(y[i]) at row \(i) is negative, which is not allowed for Poisson regression")
  }
  if y.reduce(0, +) <= 0 {
    throw LearnError.unsupportedInput(
      input: "y", reason: "the sum of y is not positive, which Poisson regression needs")
  }
}

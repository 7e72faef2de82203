import Foundation
import LinearAlgebra
import SwiftLearnCore

/// A classification tree (CART) with scikit-learn's algorithm and defaults.
///
/// scikit-learn: `sklearn.tree.DecisionTreeClassifier` (1.9). Splits are chosen by Gini or
/// entropy; every candidate threshold of every drawn feature is tried (``TreeSplitter/best``)
/// or one random threshold per feature (``TreeSplitter/random``). Like scikit-learn, features
/// are compared as float32 values. Missing values (NaN) in `X` are supported: at each split
/// the rows with a missing value go to the side that lowers the impurity most, and at
/// prediction NaN follows that learned direction (to the larger child when the feature had
/// no missing values in that node during fit). Infinity is rejected.
///
/// The fitted tree is a flat array of ``TreeNode`` values with integer child indices
/// (``Fitted/tree``); features are drawn in a random order at every node even with
/// `maxFeatures: .all`, so among exactly tied splits the `seed` decides.
///
///     let model = try DecisionTreeClassifier<String>(maxDepth: 4, seed: 0).fit(x, labels)
///     print(try model.exportText(featureNames: names))
public struct DecisionTreeClassifier<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The impurity (default `.gini`).
  public var criterion: ClassificationCriterion
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
  /// Class weights; `nil` weighs every class 1 (default `nil`).
  public var classWeight: ClassWeight<Label>?
  /// The complexity parameter of minimal cost-complexity pruning (default 0, no pruning).
  public var ccpAlpha: Double

  /// Creates a classification tree; every argument defaults to scikit-learn's value.
  public init(
    criterion: ClassificationCriterion = .gini, splitter: TreeSplitter = .best,
    maxDepth: Int? = nil, minSamplesSplit: SampleThreshold = .count(2),
    minSamplesLeaf: SampleThreshold = .count(1), minWeightFractionLeaf: Double = 0,
    maxFeatures: MaxFeatures = .all, seed: UInt64? = nil, maxLeafNodes: Int? = nil,
    minImpurityDecrease: Double = 0, classWeight: ClassWeight<Label>? = nil, ccpAlpha: Double = 0
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
    self.classWeight = classWeight
    self.ccpAlpha = ccpAlpha
  }

  public init() { self.init(criterion: .gini) }

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
    try settings.validate(estimator: "DecisionTreeClassifier")
    if case .weights(let w) = classWeight {
      for (label, v) in w where !(v.isFinite && v >= 0) {
        throw LearnError.invalidParameter(
          estimator: "DecisionTreeClassifier", name: "classWeight", value: "\(label): \(v)",
          expected: "finite, non-negative weights")
      }
    }
  }

  /// Grows the tree (and prunes it when `ccpAlpha > 0`).
  ///
  /// - Parameters:
  ///   - x: The features; NaN means missing.
  ///   - y: One label per row.
  ///   - sampleWeight: Optional non-negative weights; rows with weight 0 are ignored.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`, and input errors
  ///   (`LearnError.nonFinite(input:row:column:)` for infinity in `X`).
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    let grown = try grow(x, y, sampleWeight: sampleWeight)
    var tree = grown.tree
    if ccpAlpha > 0 { tree = tree.pruned(leaves: tree.costComplexityPrune(alpha: ccpAlpha).leaves) }
    return Fitted(
      featureCount: x.columnCount, encoding: grown.encoding, tree: tree,
      criterion: criterion, seedUsed: grown.seed)
  }

  /// The effective alphas and total leaf impurities of minimal cost-complexity pruning
  /// (scikit-learn's `cost_complexity_pruning_path`), from the unpruned tree.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The labels.
  ///   - sampleWeight: Optional weights.
  /// - Throws: The errors of ``fit(_:_:sampleWeight:)``.
  public func costComplexityPruningPath(_ x: Matrix, _ y: [Label], sampleWeight: [Double]? = nil)
    throws -> PruningPath
  {
    try grow(x, y, sampleWeight: sampleWeight).tree.costComplexityPrune(alpha: .infinity).path
  }

  func grow(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> (
    tree: TreeStructure, encoding: LabelEncoding<Label>, seed: UInt64
  ) {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.labels(y, sampleCount: x.rowCount)
    let given = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    let codes = try encoding.encode(y).map { Int32($0) }
    var weights = given ?? [Double](repeating: 1, count: x.rowCount)
    if let factors = try classWeightFactors(classWeight, encoding: encoding, codes: codes) {
      for i in 0..<weights.count { weights[i] *= factors[i] }
    }
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let limits = try settings.limits(
      sampleCount: x.rowCount, featureCount: x.columnCount, totalWeight: weights.reduce(0, +))
    let data = TreeTrainingData(
      x, presort: splitter == .best, threads: ProcessInfo.processInfo.activeProcessorCount)
    let tree = growTree(
      data: data,
      target: .classes(
        codes: codes, classCount: encoding.classCount, entropy: criterion != .gini),
      weights: weights, limits: limits, rng: SeededGenerator(seed: seedUsed))
    return (tree, encoding, seedUsed)
  }

  /// A fitted ``DecisionTreeClassifier``.
  public struct Fitted: ProbabilisticClassifier, FeatureImportancesProviding, Hashable {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// The tree; node values are class fractions in ``classes`` order.
    public let tree: TreeStructure
    /// The criterion used (shown in exports).
    public let criterion: ClassificationCriterion
    /// The seed used.
    public let seedUsed: UInt64

    /// The sorted distinct training labels (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }

    /// Impurity-based importances (scikit-learn's `feature_importances_`).
    public var featureImportances: [Double] { tree.featureImportances }

    /// The depth of the tree (scikit-learn's `get_depth()`).
    public var depth: Int { tree.depth }

    /// The number of leaves (scikit-learn's `get_n_leaves()`).
    public var leafCount: Int { tree.leafCount }

    /// The most probable class of each row; ties go to the first class.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predict(_ x: Matrix) throws -> [Label] {
      let leaves = try apply(x)
      let k = tree.valueCount
      var codes = [Int](repeating: 0, count: leaves.count)
      tree.values.withUnsafeBufferPointer { v in
        for (r, leaf) in leaves.enumerated() {
          var best = 0
          for c in 1..<max(k, 1) where v[leaf * k + c] > v[leaf * k + best] { best = c }
          codes[r] = best
        }
      }
      return try encoding.decode(codes)
    }

    /// The class fractions of the leaf each row reaches (scikit-learn's `predict_proba`).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      let leaves = try apply(x)
      let k = tree.valueCount
      var out = Matrix.zeros(leaves.count, k)
      out.withUnsafeMutableStorage { p in
        tree.values.withUnsafeBufferPointer { v in
          for (r, leaf) in leaves.enumerated() {
            var total = 0.0
            for c in 0..<k { total += v[leaf * k + c] }
            if total == 0 { total = 1 }
            for c in 0..<k { p[r * k + c] = v[leaf * k + c] / total }
          }
        }
      }
      return out
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
    ///   - decimals: Digits shown for thresholds (default 2).
    /// - Throws: `LearnError.lengthMismatch(input:expected:got:)` for a wrong name count.
    public func exportText(featureNames: [String]? = nil, decimals: Int = 2) throws -> String {
      if let featureNames {
        _ = try Validate.featureNames(featureNames, featureCount: featureCount)
      }
      let k = tree.valueCount
      return tree.exportText(featureNames: featureNames, decimals: decimals) { leaf in
        var best = 0
        for c in 1..<max(k, 1) where tree.values[leaf * k + c] > tree.values[leaf * k + best] {
          best = c
        }
        return "class: \(classes[best])"
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
      let k = tree.valueCount
      return tree.exportDOT(featureNames: featureNames, criterion: criterion.rawValue) { i in
        let v = tree.value(ofNode: i).map { String(format: "%.3f", $0) }
        var best = 0
        for c in 1..<max(k, 1) where tree.values[i * k + c] > tree.values[i * k + best] {
          best = c
        }
        return "value = [\(v.joined(separator: ", "))]\\nclass = \(classes[best])"
      }
    }
  }
}

/// Per-row factors for `classWeight` (`nil` when no class weights apply).
func classWeightFactors<Label: ClassLabel>(
  _ classWeight: ClassWeight<Label>?, encoding: LabelEncoding<Label>, codes: [Int32]
) throws -> [Double]? {
  guard let classWeight else { return nil }
  switch classWeight {
  case .balanced, .balancedSubsample:
    return classWeightFactors(
      codes: codes, classCount: encoding.classCount, balanced: true, explicit: nil)
  case .weights(let table):
    var perClass = [Double](repeating: 1, count: encoding.classCount)
    for (label, w) in table {
      guard let code = encoding.code(of: label) else {
        throw LearnError.invalidParameter(
          estimator: "DecisionTree", name: "classWeight", value: "\(label)",
          expected: "labels among the training classes \(encoding.classes)")
      }
      perClass[code] = w
    }
    return codes.map { perClass[Int($0)] }
  }
}

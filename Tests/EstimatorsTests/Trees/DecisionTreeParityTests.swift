import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// Loads `Tests/Fixtures/trees.json` once.
enum TreeFixtures {
  static let file: Fixture? = try? Fixture("trees")

  static func data(_ name: String) throws -> (x: Matrix, y: [Double]) {
    guard let file else { throw FixtureError.malformed("trees", "missing file") }
    let d = try file.child("data").child(name)
    return (try d.matrix("X"), try d.vector("y"))
  }

  static var treeCases: [String] {
    ((try? file?.children("trees")) ?? []).compactMap { try? $0.string("name") }
  }

  static func treeCase(_ name: String) throws -> Fixture {
    guard let file else { throw FixtureError.malformed("trees", "missing file") }
    guard let found = try file.children("trees").first(where: { (try? $0.string("name")) == name })
    else { throw FixtureError.malformed("trees", "no case \(name)") }
    return found
  }
}

/// The structure a Swift tree must share with scikit-learn's `tree_`.
func expectSameTree(
  _ tree: TreeStructure, _ c: Fixture, targetScale: Double,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let left = try c.ints("children_left")
  #expect(tree.nodeCount == left.count, "node count", sourceLocation: sourceLocation)
  guard tree.nodeCount == left.count else { return }
  #expect(tree.nodes.map(\.leftChild) == left, sourceLocation: sourceLocation)
  #expect(
    tree.nodes.map(\.rightChild) == (try c.ints("children_right")), sourceLocation: sourceLocation)
  #expect(tree.nodes.map(\.feature) == (try c.ints("feature")), sourceLocation: sourceLocation)
  // Thresholds are midpoints of float32 values: bit-identical.
  #expect(
    tree.nodes.map(\.threshold) == (try c.vector("threshold")), sourceLocation: sourceLocation)
  #expect(
    tree.nodes.map(\.sampleCount) == (try c.ints("n_node_samples")),
    sourceLocation: sourceLocation)
  let missing = try c.ints("missing_go_to_left")
  for (i, node) in tree.nodes.enumerated() where !node.isLeaf {
    #expect(
      node.missingGoesLeft == (missing[i] != 0), "missing direction at node \(i)",
      sourceLocation: sourceLocation)
  }
  expectClose(
    tree.nodes.map(\.weightedSampleCount), try c.vector("weighted_n_node_samples"), rtol: 1e-12,
    "weighted counts", sourceLocation: sourceLocation)
  // A squared-error impurity is `Σwy²/w - mean²`: for a (nearly) constant node it is the
  // difference of two numbers of size max(y²), so both libraries return rounding noise of
  // order ε·max(y²)·log(n); the absolute tolerance is that noise level.
  expectClose(
    tree.nodes.map(\.impurity), try c.vector("impurity"), rtol: 1e-9,
    atol: 1e-13 * max(1, targetScale), "impurity",
    sourceLocation: sourceLocation)
  expectClose(
    tree.values, try c.vector("value"), rtol: 1e-12, atol: 1e-14, "values",
    sourceLocation: sourceLocation)
}

func classifierFromParams(_ p: Fixture) throws -> DecisionTreeClassifier<Int> {
  var e = DecisionTreeClassifier<Int>(seed: 0)
  if p.has("max_depth") { e.maxDepth = try p.int("max_depth") }
  if p.has("min_samples_leaf") { e.minSamplesLeaf = .count(try p.int("min_samples_leaf")) }
  if p.has("max_leaf_nodes") { e.maxLeafNodes = try p.int("max_leaf_nodes") }
  if p.has("ccp_alpha") { e.ccpAlpha = try p.double("ccp_alpha") }
  if p.has("criterion") {
    e.criterion = ClassificationCriterion(rawValue: try p.string("criterion")) ?? .gini
  }
  return e
}

func regressorFromParams(_ p: Fixture) throws -> DecisionTreeRegressor {
  var e = DecisionTreeRegressor(seed: 0)
  if p.has("max_depth") { e.maxDepth = try p.int("max_depth") }
  if p.has("min_samples_leaf") { e.minSamplesLeaf = .count(try p.int("min_samples_leaf")) }
  if p.has("max_leaf_nodes") { e.maxLeafNodes = try p.int("max_leaf_nodes") }
  if p.has("ccp_alpha") { e.ccpAlpha = try p.double("ccp_alpha") }
  if p.has("criterion") {
    e.criterion = RegressionCriterion(rawValue: try p.string("criterion")) ?? .squaredError
  }
  return e
}

@Suite("Decision tree parity with scikit-learn")
struct DecisionTreeParityTests {
  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(TreeFixtures.treeCases.count >= 10)
  }

  @Test("reproduces scikit-learn's tree", arguments: TreeFixtures.treeCases)
  func sameTree(_ name: String) throws {
    let c = try TreeFixtures.treeCase(name)
    let (x, y) = try TreeFixtures.data(try c.string("data"))
    let weights = c.has("sample_weight") ? try c.vector("sample_weight") : nil
    // Different seeds give the same tree: these cases have no tied splits.
    for seed: UInt64 in [0, 1] {
      if try c.string("kind") == "classifier" {
        var est = try classifierFromParams(try c.child("params"))
        est.seed = seed
        let labels = y.map { Int($0) }
        let fitted = try est.fit(x, labels, sampleWeight: weights)
        try expectSameTree(fitted.tree, c, targetScale: 1)
        expectClose(
          fitted.featureImportances, try c.vector("feature_importances"), rtol: 1e-7, atol: 1e-12,
          "importances")
        #expect(try fitted.predict(x).map(Double.init) == (try c.vector("predict")))
        expectClose(
          try fitted.predictProbabilities(x), try c.matrix("predict_proba"), rtol: 1e-12,
          atol: 1e-14, "probabilities")
        if c.has("path_alphas") {
          var unpruned = est
          unpruned.ccpAlpha = 0
          let path = try unpruned.costComplexityPruningPath(x, labels)
          expectClose(path.ccpAlphas, try c.vector("path_alphas"), rtol: 1e-9, atol: 1e-14)
          expectClose(path.impurities, try c.vector("path_impurities"), rtol: 1e-9, atol: 1e-14)
        }
      } else {
        var est = try regressorFromParams(try c.child("params"))
        est.seed = seed
        let fitted = try est.fit(x, y, sampleWeight: weights)
        try expectSameTree(fitted.tree, c, targetScale: y.map { $0 * $0 }.max() ?? 1)
        expectClose(
          fitted.featureImportances, try c.vector("feature_importances"), rtol: 1e-7, atol: 1e-12,
          "importances")
        expectClose(try fitted.predict(x), try c.vector("predict"), rtol: 1e-12, "predictions")
      }
    }
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("Decision trees")
struct DecisionTreeTests {
  static func data() throws -> (x: Matrix, y: [Int]) {
    let (x, y) = try TreeFixtures.data("classif")
    return (x, y.map { Int($0) })
  }

  @Test("apply, decision path and leaf values agree")
  func applyAndPath() throws {
    let (x, y) = try Self.data()
    let model = try DecisionTreeClassifier<Int>(maxDepth: 4, seed: 0).fit(x, y)
    let leaves = try model.apply(x)
    let paths = try model.decisionPath(x)
    for i in 0..<20 {
      #expect(paths[i].first == 0)
      #expect(paths[i].last == leaves[i])
      #expect(model.tree.nodes[leaves[i]].isLeaf)
      #expect(paths[i].count <= model.depth + 1)
    }
    #expect(model.leafCount == model.tree.nodes.filter(\.isLeaf).count)
    #expect(model.depth == 4)
  }

  @Test("text and Graphviz exports name the features and classes")
  func exports() throws {
    let (x, y) = try Self.data()
    let model = try DecisionTreeClassifier<Int>(maxDepth: 2, seed: 0).fit(x, y)
    let names = (0..<8).map { "f\($0)" }
    let text = try model.exportText(featureNames: names)
    let root = model.tree.nodes[0]
    #expect(text.hasPrefix("|--- f\(root.feature) <= "))
    #expect(text.contains("class: "))
    #expect(text.split(separator: "\n").count == model.tree.nodeCount - 1 + model.leafCount)
    let dot = try model.exportGraphviz(featureNames: names)
    #expect(dot.hasPrefix("digraph Tree {"))
    #expect(dot.contains("0 -> 1"))
    #expect(throws: LearnError.self) { try model.exportText(featureNames: ["a"]) }
    let reg = try DecisionTreeRegressor(maxDepth: 2, seed: 0).fit(x, y.map(Double.init))
    #expect(try reg.exportText().contains("value: ["))
  }

  @Test("NaN at predict follows the learned direction, or the larger child")
  func missingAtPredict() throws {
    let (x, y) = try Self.data()
    let model = try DecisionTreeClassifier<Int>(maxDepth: 3, seed: 0).fit(x, y)
    var row = try x.row(0)
    let root = model.tree.nodes[0]
    row[root.feature] = .nan
    let path = try model.decisionPath(try Matrix(rows: [row]))[0]
    let larger =
      model.tree.nodes[root.leftChild].sampleCount > model.tree.nodes[root.rightChild].sampleCount
      ? root.leftChild : root.rightChild
    #expect(path[1] == larger)
    #expect(root.missingGoesLeft == (larger == root.leftChild))
  }

  @Test("class weights change the tree; balanced equals inverse-frequency sample weights")
  func classWeights() throws {
    let (x, y) = try Self.data()
    let skewed = Array(
      y.enumerated().filter { $0.element != 2 || $0.offset % 5 == 0 }.map(\.offset))
    let xs = try x.rows(skewed)
    let ys = skewed.map { y[$0] }
    let balanced = try DecisionTreeClassifier<Int>(maxDepth: 3, seed: 0, classWeight: .balanced)
      .fit(xs, ys)
    var counts = [Double](repeating: 0, count: 3)
    for label in ys { counts[label] += 1 }
    let weights = ys.map { Double(ys.count) / (3 * counts[$0]) }
    let manual = try DecisionTreeClassifier<Int>(maxDepth: 3, seed: 0)
      .fit(xs, ys, sampleWeight: weights)
    #expect(balanced.tree == manual.tree)
    let plain = try DecisionTreeClassifier<Int>(maxDepth: 3, seed: 0).fit(xs, ys)
    #expect(plain.tree != balanced.tree)
    #expect(throws: LearnError.self) {
      try DecisionTreeClassifier<Int>(classWeight: .weights([7: 1])).fit(xs, ys)
    }
  }

  @Test("pruning: alphas increase, impurities increase, and ccpAlpha prunes")
  func pruning() throws {
    let (x, y) = try Self.data()
    let est = DecisionTreeClassifier<Int>(maxDepth: 6, seed: 0)
    let path = try est.costComplexityPruningPath(x, y)
    #expect(path.ccpAlphas.first == 0)
    #expect(zip(path.ccpAlphas, path.ccpAlphas.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(zip(path.impurities, path.impurities.dropFirst()).allSatisfy { $0 <= $1 + 1e-15 })
    let full = try est.fit(x, y)
    var pruned = est
    pruned.ccpAlpha = path.ccpAlphas[path.ccpAlphas.count / 2]
    let small = try pruned.fit(x, y)
    #expect(small.leafCount < full.leafCount)
    var all = est
    all.ccpAlpha = (path.ccpAlphas.last ?? 0) + 1
    #expect(try all.fit(x, y).tree.nodeCount == 1)
  }

  @Test("random splitter, max features and limits")
  func settings() throws {
    let (x, y) = try Self.data()
    let random = try DecisionTreeClassifier<Int>(splitter: .random, maxDepth: 5, seed: 1).fit(x, y)
    let again = try DecisionTreeClassifier<Int>(splitter: .random, maxDepth: 5, seed: 1).fit(x, y)
    #expect(random.tree == again.tree)
    #expect(random.depth <= 5)
    let sqrt = try DecisionTreeClassifier<Int>(maxFeatures: .sqrt, seed: 3).fit(x, y)
    #expect(sqrt.featureImportances.count == 8)
    let leaves = try DecisionTreeClassifier<Int>(seed: 0, maxLeafNodes: 5).fit(x, y)
    #expect(leaves.leafCount == 5)
    let minLeaf = try DecisionTreeClassifier<Int>(minSamplesLeaf: .fraction(0.1), seed: 0)
      .fit(x, y)
    #expect(minLeaf.tree.nodes.filter(\.isLeaf).allSatisfy { $0.sampleCount >= 80 })
    let decrease = try DecisionTreeClassifier<Int>(seed: 0, minImpurityDecrease: 0.05).fit(x, y)
    #expect(decrease.tree.nodeCount < sqrt.tree.nodeCount)
    let weightLeaf = try DecisionTreeRegressor(minWeightFractionLeaf: 0.2, seed: 0)
      .fit(x, y.map(Double.init))
    #expect(weightLeaf.tree.nodes.filter(\.isLeaf).allSatisfy { $0.weightedSampleCount >= 160 })
  }

  @Test("bad input is a typed error; NaN in X is accepted")
  func badInput() throws {
    let (x, y) = try Self.data()
    var withNaN = x
    withNaN[3, 2] = .nan
    _ = try DecisionTreeClassifier<Int>(seed: 0).fit(withNaN, y)
    var withInf = x
    withInf[3, 2] = .infinity
    #expect(throws: LearnError.nonFinite(input: "X", row: 3, column: 2)) {
      try DecisionTreeClassifier<Int>().fit(withInf, y)
    }
    var target = y.map(Double.init)
    target[5] = .nan
    #expect(throws: LearnError.nonFinite(input: "y", row: 5, column: 0)) {
      try DecisionTreeRegressor().fit(x, target)
    }
    let negative = y.map { Double($0) - 1 }
    #expect {
      try DecisionTreeRegressor(criterion: .poisson).fit(x, negative)
    } throws: { error in
      if case LearnError.unsupportedInput(let input, _) = error { return input == "y" }
      return false
    }
    #expect {
      try DecisionTreeClassifier<Int>(maxFeatures: .count(20)).fit(x, y)
    } throws: { error in
      if case LearnError.invalidParameter(_, let name, _, _) = error {
        return name == "maxFeatures"
      }
      return false
    }
  }
}

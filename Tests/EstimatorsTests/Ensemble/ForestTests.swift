import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

/// The forest data of `trees.json`: train on the first half, test on the second.
enum ForestFixtures {
  static func split(_ key: String) throws -> (
    train: Matrix, yTrain: [Double], test: Matrix, yTest: [Double]
  ) {
    guard let file = TreeFixtures.file else { throw FixtureError.malformed("trees", "missing") }
    let d = try file.child(key)
    let x = try d.matrix("X")
    let y = try d.vector("y")
    let half = try d.int("train")
    return (
      try x.rows(0..<half), Array(y[0..<half]), try x.rows(half..<x.rowCount),
      Array(y[half...])
    )
  }

  static func expected(_ name: String) throws -> Fixture {
    guard let file = TreeFixtures.file,
      let found = try file.children("forests").first(where: { (try? $0.string("name")) == name })
    else { throw FixtureError.malformed("trees", "no forest \(name)") }
    return found
  }
}

@Suite("Random forests and extra trees")
struct ForestTests {
  // scikit-learn's numbers are its means over seeds 0-4 with the same hyperparameters
  // (100 trees, defaults); ours are means over seeds 0-2. The acceptance margin is 0.005.
  static let seeds: [UInt64] = [0, 1, 2]

  @Test("RandomForestClassifier matches scikit-learn's accuracy and ROC-AUC")
  func randomForestClassifierQuality() throws {
    let (x, y, xt, yt) = try ForestFixtures.split("forest_classification")
    let models = try Self.seeds.map {
      try RandomForestClassifier<Int>(seed: $0).fit(x, y.map { Int($0) })
    }
    try expectClassifierQuality(
      models, xt, yt, try ForestFixtures.expected("random_forest_classifier"))
  }

  @Test("ExtraTreesClassifier matches scikit-learn's accuracy and ROC-AUC")
  func extraTreesClassifierQuality() throws {
    let (x, y, xt, yt) = try ForestFixtures.split("forest_classification")
    let models = try Self.seeds.map {
      try ExtraTreesClassifier<Int>(seed: $0).fit(x, y.map { Int($0) })
    }
    try expectClassifierQuality(
      models, xt, yt, try ForestFixtures.expected("extra_trees_classifier"))
  }

  func expectClassifierQuality(
    _ models: [ForestClassifierModel<Int>], _ xt: Matrix, _ yt: [Double], _ expected: Fixture
  ) throws {
    let labels = yt.map { Int($0) }
    var accuracy = 0.0
    var auc = 0.0
    for model in models {
      accuracy += try accuracyScore(yTrue: labels, yPred: try model.predict(xt))
      let proba = try model.predictProbabilities(xt)
      auc += try rocAUCScore(yTrue: labels, yScore: try proba.column(1))
    }
    accuracy /= Double(models.count)
    auc /= Double(models.count)
    let sklearnAccuracy = try expected.double("accuracy")
    let sklearnAUC = try expected.double("roc_auc")
    #expect(abs(accuracy - sklearnAccuracy) <= 0.005, "accuracy \(accuracy) vs \(sklearnAccuracy)")
    #expect(abs(auc - sklearnAUC) <= 0.005, "ROC-AUC \(auc) vs \(sklearnAUC)")
  }

  func meanR2(_ fit: (UInt64) throws -> ForestRegressorModel) throws -> Double {
    let (_, _, xt, yt) = try ForestFixtures.split("forest_regression")
    var total = 0.0
    for seed in Self.seeds { total += try r2Score(yTrue: yt, yPred: try fit(seed).predict(xt)) }
    return total / Double(Self.seeds.count)
  }

  @Test("RandomForestRegressor matches scikit-learn's R²")
  func randomForestRegressorQuality() throws {
    let (x, y, _, _) = try ForestFixtures.split("forest_regression")
    let r2 = try meanR2 { try RandomForestRegressor(seed: $0).fit(x, y) }
    let expected = try ForestFixtures.expected("random_forest_regressor").double("r2")
    #expect(abs(r2 - expected) <= 0.005, "R² \(r2) vs \(expected)")
  }

  @Test("ExtraTreesRegressor matches scikit-learn's R²")
  func extraTreesRegressorQuality() throws {
    let (x, y, _, _) = try ForestFixtures.split("forest_regression")
    let r2 = try meanR2 { try ExtraTreesRegressor(seed: $0).fit(x, y) }
    let expected = try ForestFixtures.expected("extra_trees_regressor").double("r2")
    #expect(abs(r2 - expected) <= 0.005, "R² \(r2) vs \(expected)")
  }

  @Test("out-of-bag accuracy is close to scikit-learn's")
  func outOfBag() throws {
    let (x, y, _, _) = try ForestFixtures.split("forest_classification")
    let model = try RandomForestClassifier<Int>(oobScore: true, seed: 0).fit(x, y.map { Int($0) })
    let score = try #require(model.oobScore)
    let expected = try ForestFixtures.expected("random_forest_oob").double("oob_score")
    // OOB accuracy on 2,000 rows from a different random stream: within 0.015.
    #expect(abs(score - expected) <= 0.015, "OOB \(score) vs \(expected)")
    let decision = try #require(model.oobDecisionFunction)
    #expect(decision.rowCount == x.rowCount && decision.columnCount == 2)
    let reg = try RandomForestRegressor(estimatorCount: 30, oobScore: true, seed: 1).fit(x, y)
    #expect((reg.oobPrediction?.count ?? 0) == x.rowCount)
    #expect((reg.oobScore ?? -1) > 0.3)
  }

  @Test("the same seed gives bit-identical forests with 1 and 2 threads")
  func threadCountInvariance() throws {
    let (x, y, xt, _) = try ForestFixtures.split("forest_classification")
    let labels = y.map { Int($0) }
    let one = try RandomForestClassifier<Int>(estimatorCount: 24, threadCount: 1, seed: 5)
      .fit(x, labels)
    let two = try RandomForestClassifier<Int>(estimatorCount: 24, threadCount: 2, seed: 5)
      .fit(x, labels)
    #expect(one.forest == two.forest)
    #expect(try one.predictProbabilities(xt) == two.predictProbabilities(xt))
    var serial = two
    serial.threadCount = 1
    #expect(try serial.predictProbabilities(xt) == two.predictProbabilities(xt))
    let e1 = try ExtraTreesRegressor(estimatorCount: 16, threadCount: 1, seed: 9).fit(x, y)
    let e2 = try ExtraTreesRegressor(estimatorCount: 16, threadCount: 2, seed: 9).fit(x, y)
    #expect(try e1.predict(xt) == e2.predict(xt))
    let r1 = try RandomForestRegressor(estimatorCount: 16, threadCount: 1, seed: 9).fit(x, y)
    let r2 = try RandomForestRegressor(estimatorCount: 16, threadCount: 2, seed: 9).fit(x, y)
    #expect(try r1.predict(xt) == r2.predict(xt))
  }

  @Test("warm start adds trees: 10 then 25 equals 25 at once")
  func warmStart() throws {
    let (x, y, xt, _) = try ForestFixtures.split("forest_classification")
    let labels = y.map { Int($0) }
    let small = try RandomForestClassifier<Int>(estimatorCount: 10, seed: 3).fit(x, labels)
    let grown = try RandomForestClassifier<Int>(estimatorCount: 25, seed: 3)
      .fit(x, labels, extending: small)
    let direct = try RandomForestClassifier<Int>(estimatorCount: 25, seed: 3).fit(x, labels)
    #expect(grown.treeCount == 25)
    #expect(try grown.predictProbabilities(xt) == direct.predictProbabilities(xt))
    #expect(grown.featureImportances == direct.featureImportances)
    #expect(throws: LearnError.self) {
      try RandomForestClassifier<Int>(estimatorCount: 5, seed: 3).fit(x, labels, extending: small)
    }
    let r10 = try ExtraTreesRegressor(estimatorCount: 10, seed: 3).fit(x, y)
    let r20 = try ExtraTreesRegressor(estimatorCount: 20, seed: 3).fit(x, y, extending: r10)
    #expect(
      try r20.predict(xt) == ExtraTreesRegressor(estimatorCount: 20, seed: 3).fit(x, y).predict(xt))
  }

  @Test("single-row prediction equals batch prediction")
  func singleRow() throws {
    let (x, y, xt, _) = try ForestFixtures.split("forest_classification")
    let clf = try RandomForestClassifier<Int>(estimatorCount: 20, seed: 2).fit(x, y.map { Int($0) })
    let batch = try clf.predict(xt)
    let probs = try clf.predictProbabilities(xt)
    var out = [Double](repeating: 0, count: 2)
    for i in [0, 7, 99] {
      let row = try xt.row(i)
      #expect(try clf.predict(row: row) == batch[i])
      try row.withUnsafeBufferPointer { r in
        try out.withUnsafeMutableBufferPointer { try clf.predictProbabilities(row: r, into: $0) }
      }
      #expect(out == (try probs.row(i)))
    }
    #expect(throws: LearnError.featureCountMismatch(expected: 12, got: 2)) {
      try clf.predict(row: [1, 2])
    }
    let reg = try RandomForestRegressor(estimatorCount: 10, seed: 2).fit(x, y)
    let values = try reg.predict(xt)
    #expect(try reg.predict(row: try xt.row(3)) == values[3])
  }

  @Test("importances, apply and memory size")
  func inspection() throws {
    let (x, y, xt, _) = try ForestFixtures.split("forest_classification")
    let clf = try RandomForestClassifier<Int>(estimatorCount: 10, seed: 4).fit(x, y.map { Int($0) })
    let importances = clf.featureImportances
    #expect(importances.count == 12)
    #expect(abs(importances.reduce(0, +) - 1) < 1e-12)
    #expect(importances.allSatisfy { $0 >= 0 })
    let leaves = try clf.apply(xt.rows(0..<3))
    #expect(leaves.count == 3 && leaves[0].count == 10)
    #expect(clf.memoryFootprint > clf.forest.nodeCount * 16)
  }

  @Test("NaN in X is learned and predicted; bad targets and settings are typed errors")
  func badInput() throws {
    var (x, y, _, _) = try ForestFixtures.split("forest_regression")
    x[0, 1] = .nan
    x[5, 2] = .nan
    let model = try RandomForestRegressor(estimatorCount: 5, seed: 0).fit(x, y)
    #expect(try model.predict(x.rows(0..<6)).allSatisfy(\.isFinite))
    var badY = y
    badY[3] = .nan
    #expect(throws: LearnError.nonFinite(input: "y", row: 3, column: 0)) {
      try RandomForestRegressor(estimatorCount: 5).fit(x, badY)
    }
    var negative = y
    negative[2] = -1
    #expect(throws: LearnError.self) {
      try RandomForestRegressor(estimatorCount: 5, criterion: .poisson).fit(x, negative)
    }
    #expect(throws: LearnError.self) {
      try DecisionTreeRegressor(criterion: .poisson).fit(x, negative)
    }
    #expect(throws: LearnError.self) {
      try DecisionTreeRegressor(criterion: .poisson).fit(x, y.map { _ in 0 })
    }
    let poissonTree = try DecisionTreeRegressor(criterion: .poisson, maxDepth: 3, seed: 0)
      .fit(x, y.map { abs($0) })
    #expect(try poissonTree.predict(x).allSatisfy { $0 >= 0 })
  }
}

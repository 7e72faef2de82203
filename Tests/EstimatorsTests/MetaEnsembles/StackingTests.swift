import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Stacking")
struct StackingTests {
  static func regression() throws -> (Matrix, [Double], Matrix, [Double]) {
    let file = try Fixture("ensembles")
    let d = try file.child("regression")
    let x = try d.matrix("X")
    let y = try d.vector("y")
    let half = try d.int("train")
    return (
      try x.rows(0..<half), Array(y[0..<half]), try x.rows(half..<x.rowCount), Array(y[half...])
    )
  }

  static func expectedR2(_ name: String) throws -> Double {
    let file = try Fixture("ensembles")
    guard let c = try file.children("cases").first(where: { (try? $0.string("name")) == name })
    else { throw FixtureError.malformed("ensembles", "no case \(name)") }
    return try c.double("r2")
  }

  @Test(
    "StackingRegressor matches scikit-learn's R² (RidgeCV on cross-fitted predictions)",
    arguments: [false, true])
  func regressorQuality(_ passthrough: Bool) throws {
    let (x, y, xt, yt) = try Self.regression()
    let seeds: [UInt64] = passthrough ? [0, 1, 2, 3, 4] : [0, 1]
    var r2 = 0.0
    for seed in seeds {
      var members = [
        EnsembleMemberRegressor(Ridge()),
        EnsembleMemberRegressor(RandomForestRegressor(estimatorCount: 50, seed: seed)),
      ]
      if !passthrough {
        members.append(EnsembleMemberRegressor(GradientBoostingRegressor(seed: seed)))
      }
      let model = try StackingRegressor(estimators: members, passthrough: passthrough).fit(x, y)
      r2 += try r2Score(yTrue: yt, yPred: model.predict(xt))
    }
    r2 /= Double(seeds.count)
    let name = passthrough ? "stacking_regressor_passthrough" : "stacking_regressor"
    let sk = try Self.expectedR2(name)
    #expect(abs(r2 - sk) <= 0.005, "\(name): R² \(r2) vs scikit-learn \(sk)")
  }

  @Test("meta-features are one column per member, plus X with passthrough; save and load")
  func metaFeatures() throws {
    let (x, y, xt, _) = try Self.regression()
    let members = [
      EnsembleMemberRegressor(Ridge()),
      EnsembleMemberRegressor(DecisionTreeRegressor(maxDepth: 3, seed: 0)),
    ]
    let plain = try StackingRegressor(estimators: members).fit(x, y)
    #expect(try plain.transform(xt).columnCount == 2)
    let through = try StackingRegressor(estimators: members, passthrough: true).fit(x, y)
    #expect(try through.transform(xt).columnCount == 2 + x.columnCount)
    let restored = try StackingRegressor.Fitted.decodeModelFile(through.encodedModelFile())
    #expect(try restored.predict(xt) == through.predict(xt))
  }

  @Test("StackingClassifier keeps one probability column per member for two classes")
  func classifier() throws {
    let file = try Fixture("ensembles")
    let d = try file.child("binary")
    let x = try d.matrix("X")
    let y = try d.vector("y").map { Int($0) }
    let half = try d.int("train")
    let train = try x.rows(0..<half)
    let test = try x.rows(half..<x.rowCount)
    let model = try StackingClassifier(
      estimators: [
        EnsembleMemberClassifier(DecisionTreeClassifier<Int>(maxDepth: 5, seed: 0)),
        EnsembleMemberClassifier(RandomForestClassifier<Int>(estimatorCount: 30, seed: 0)),
      ],
      finalEstimator: EnsembleMemberClassifier(
        GradientBoostingClassifier<Int>(estimatorCount: 30, seed: 0))
    ).fit(train, Array(y[0..<half]))
    #expect(try model.transform(test).columnCount == 2)
    let accuracy = try accuracyScore(yTrue: Array(y[half...]), yPred: model.predict(test))
    #expect(accuracy > 0.85)
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try StackingClassifier(estimators: [EnsembleMemberClassifier(DecisionTreeClassifier<Int>())])
        .fit(train, [Int](repeating: 0, count: half))
    }
  }

  @Test("StackingClassifier matches scikit-learn's accuracy and ROC-AUC (same final estimator)")
  func classifierQuality() throws {
    let scores = try EnsembleFixtures.classifierScores("binary") { seed, x, y in
      try StackingClassifier(
        estimators: [
          EnsembleMemberClassifier(DecisionTreeClassifier<Int>(maxDepth: 5, seed: seed)),
          EnsembleMemberClassifier(RandomForestClassifier<Int>(estimatorCount: 50, seed: seed)),
        ],
        finalEstimator: EnsembleMemberClassifier(
          GradientBoostingClassifier<Int>(estimatorCount: 50, maxDepth: 2, seed: seed))
      ).fit(x, y)
    }
    try EnsembleFixtures.expectClassifier("stacking_classifier", scores)
  }
}

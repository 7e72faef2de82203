import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Bagging, AdaBoost and voting")
struct MetaEnsembleTests {
  @Test("BaggingClassifier matches scikit-learn's accuracy and ROC-AUC")
  func baggingClassifier() throws {
    let seeds = Array(UInt64(0)..<30)
    let plain = try EnsembleFixtures.classifierScores("binary", seeds: seeds) { seed, x, y in
      try BaggingClassifier(
        estimator: DecisionTreeClassifier<Int>(), estimatorCount: 30, seed: seed
      )
      .fit(x, y)
    }
    try EnsembleFixtures.expectClassifier("bagging_classifier", plain)
    let features = try EnsembleFixtures.classifierScores("binary", seeds: seeds) { seed, x, y in
      try BaggingClassifier(
        estimator: DecisionTreeClassifier<Int>(), estimatorCount: 30, maxSamples: .fraction(0.7),
        maxFeatures: .fraction(0.6), seed: seed
      ).fit(x, y)
    }
    try EnsembleFixtures.expectClassifier("bagging_classifier_features", features)
  }

  @Test("BaggingRegressor matches scikit-learn's R²")
  func baggingRegressor() throws {
    let r2 = try EnsembleFixtures.regressorR2(seeds: Array(0..<10)) { seed, x, y in
      try BaggingRegressor(estimator: DecisionTreeRegressor(), estimatorCount: 30, seed: seed)
        .fit(x, y)
    }
    try EnsembleFixtures.expectRegressor("bagging_regressor", r2)
  }

  @Test("bagging: same seed gives bit-identical predictions with 1 and 2 threads")
  func baggingThreads() throws {
    let (x, y, xt, _) = try EnsembleFixtures.split("binary")
    let labels = EnsembleFixtures.labels(y)
    func fit(_ threads: Int) throws -> BaggingClassifier<DecisionTreeClassifier<Int>>.Fitted {
      try BaggingClassifier(
        estimator: DecisionTreeClassifier<Int>(), estimatorCount: 12, maxFeatures: .fraction(0.5),
        bootstrapFeatures: true, oobScore: true, threadCount: threads, seed: 5
      ).fit(x, labels)
    }
    let one = try fit(1)
    let two = try fit(2)
    #expect(try one.predictProbabilities(xt) == two.predictProbabilities(xt))
    #expect(one.featureSubsets == two.featureSubsets)
    #expect(one.oobScore == two.oobScore)
    #expect((one.oobScore ?? 0) > 0.8)
    let (rx, ry, rxt, _) = try EnsembleFixtures.split("regression")
    let r1 = try BaggingRegressor(
      estimator: DecisionTreeRegressor(), oobScore: true, threadCount: 1, seed: 2
    ).fit(rx, ry)
    let r2 = try BaggingRegressor(
      estimator: DecisionTreeRegressor(), oobScore: true, threadCount: 2, seed: 2
    ).fit(rx, ry)
    #expect(try r1.predict(rxt) == r2.predict(rxt))
    #expect(r1.oobScore == r2.oobScore)
  }

  @Test("AdaBoostClassifier (SAMME) matches scikit-learn's accuracy and ROC-AUC")
  func adaBoost() throws {
    let binary = try EnsembleFixtures.classifierScores("binary", seeds: [0, 1]) { seed, x, y in
      try AdaBoostClassifier<Int>(seed: seed).fit(x, y)
    }
    try EnsembleFixtures.expectClassifier("adaboost_binary", binary)
    let multi = try EnsembleFixtures.classifierScores("multiclass", seeds: [0, 1]) { seed, x, y in
      try AdaBoostClassifier<Int>(
        estimator: DecisionTreeClassifier(maxDepth: 2), learningRate: 0.5, seed: seed
      ).fit(x, y)
    }
    try EnsembleFixtures.expectClassifier("adaboost_multiclass", multi)
  }

  @Test("AdaBoost: one class is a typed error; probabilities sum to 1")
  func adaBoostErrors() throws {
    let (x, y, xt, _) = try EnsembleFixtures.split("multiclass")
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try AdaBoostClassifier<Int>().fit(x, [Int](repeating: 0, count: x.rowCount))
    }
    let model = try AdaBoostClassifier<Int>(seed: 0).fit(x, EnsembleFixtures.labels(y))
    let p = try model.predictProbabilities(xt)
    for i in 0..<p.rowCount {
      let row = try p.row(i)
      #expect(abs(row.reduce(0, +) - 1) < 1e-12)
    }
    #expect(model.trees.count == model.treeWeights.count)
  }

  static func votingMembers(_ seed: UInt64) -> [EnsembleMemberClassifier<Int>] {
    [
      EnsembleMemberClassifier(DecisionTreeClassifier<Int>(maxDepth: 5, seed: seed)),
      EnsembleMemberClassifier(RandomForestClassifier<Int>(estimatorCount: 50, seed: seed)),
      EnsembleMemberClassifier(GradientBoostingClassifier<Int>(seed: seed)),
    ]
  }

  @Test("VotingClassifier (soft, weighted; hard) matches scikit-learn")
  func votingClassifier() throws {
    let soft = try EnsembleFixtures.classifierScores("binary") { seed, x, y in
      try VotingClassifier(estimators: Self.votingMembers(seed), voting: .soft, weights: [1, 2, 2])
        .fit(x, y)
    }
    try EnsembleFixtures.expectClassifier("voting_soft", soft)
    let (x, y, xt, yt) = try EnsembleFixtures.split("multiclass")
    var accuracy = 0.0
    for seed in EnsembleFixtures.seeds {
      let model = try VotingClassifier(estimators: Self.votingMembers(seed))
        .fit(x, EnsembleFixtures.labels(y))
      accuracy += try accuracyScore(
        yTrue: EnsembleFixtures.labels(yt), yPred: model.predict(xt))
    }
    try EnsembleFixtures.expectClassifier(
      "voting_hard", (accuracy / Double(EnsembleFixtures.seeds.count), nil))
  }

  @Test("VotingRegressor matches scikit-learn's R²; fitted voting models save and load")
  func votingRegressor() throws {
    let r2 = try EnsembleFixtures.regressorR2 { seed, x, y in
      try VotingRegressor(estimators: [
        EnsembleMemberRegressor(Ridge()),
        EnsembleMemberRegressor(DecisionTreeRegressor(maxDepth: 6, seed: seed)),
        EnsembleMemberRegressor(RandomForestRegressor(estimatorCount: 50, seed: seed)),
      ]).fit(x, y)
    }
    try EnsembleFixtures.expectRegressor("voting_regressor", r2)
    let (x, y, xt, _) = try EnsembleFixtures.split("binary")
    let model = try VotingClassifier(estimators: Self.votingMembers(1), voting: .soft)
      .fit(x, EnsembleFixtures.labels(y))
    let restored = try VotingClassifier<Int>.Fitted.decodeModelFile(model.encodedModelFile())
    #expect(try restored.predictProbabilities(xt) == model.predictProbabilities(xt))
  }

  @Test("soft voting with hard voting's probabilities is a typed error")
  func hardVotingHasNoProbabilities() throws {
    let (x, y, xt, _) = try EnsembleFixtures.split("binary")
    let model = try VotingClassifier(estimators: Self.votingMembers(0))
      .fit(x, EnsembleFixtures.labels(y))
    #expect(throws: LearnError.self) { try model.predictProbabilities(xt) }
  }

  @Test("voting: members fitted on 1 or 2 threads give bit-identical predictions")
  func votingThreads() throws {
    let (x, y, xt, _) = try EnsembleFixtures.split("multiclass")
    let labels = EnsembleFixtures.labels(y)
    let one = try VotingClassifier(estimators: Self.votingMembers(4), voting: .soft, threadCount: 1)
      .fit(x, labels)
    let two = try VotingClassifier(estimators: Self.votingMembers(4), voting: .soft, threadCount: 2)
      .fit(x, labels)
    #expect(try one.predictProbabilities(xt) == two.predictProbabilities(xt))
  }
}

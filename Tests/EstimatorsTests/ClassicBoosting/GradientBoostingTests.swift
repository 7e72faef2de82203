import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Classic gradient boosting")
struct GradientBoostingTests {
  @Test(
    "GradientBoostingRegressor matches scikit-learn's R² for every loss",
    arguments: [
      ("gbr_squared_error", GradientBoostingRegressor.Loss.squaredError),
      ("gbr_absolute_error", .absoluteError), ("gbr_huber", .huber), ("gbr_quantile", .quantile),
    ])
  func regressorQuality(_ name: String, _ loss: GradientBoostingRegressor.Loss) throws {
    let alpha = loss == .quantile ? 0.7 : 0.9
    let r2 = try EnsembleFixtures.regressorR2(seeds: [0, 1]) { seed, x, y in
      try GradientBoostingRegressor(loss: loss, seed: seed, alpha: alpha).fit(x, y)
    }
    try EnsembleFixtures.expectRegressor(name, r2)
  }

  @Test("GradientBoostingRegressor with subsampling and feature sampling matches R²")
  func regressorSubsample() throws {
    let r2 = try EnsembleFixtures.regressorR2 { seed, x, y in
      try GradientBoostingRegressor(subsample: 0.7, seed: seed, maxFeatures: .fraction(0.5))
        .fit(x, y)
    }
    try EnsembleFixtures.expectRegressor("gbr_subsample", r2)
  }

  @Test(
    "GradientBoostingClassifier matches scikit-learn's accuracy and ROC-AUC",
    arguments: [
      ("gbc_binary", "binary", GradientBoostingClassifier<Int>.Loss.logLoss, 1.0),
      ("gbc_exponential", "binary", .exponential, 1.0),
      ("gbc_subsample", "binary", .logLoss, 0.7),
      ("gbc_multiclass", "multiclass", .logLoss, 1.0),
    ])
  func classifierQuality(
    _ name: String, _ data: String, _ loss: GradientBoostingClassifier<Int>.Loss,
    _ subsample: Double
  ) throws {
    let seeds: [UInt64] = subsample < 1 ? EnsembleFixtures.seeds : [0, 1]
    let scores = try EnsembleFixtures.classifierScores(data, seeds: seeds) { seed, x, y in
      try GradientBoostingClassifier<Int>(loss: loss, subsample: subsample, seed: seed).fit(x, y)
    }
    try EnsembleFixtures.expectClassifier(name, scores)
  }

  @Test("NaN in X is a typed error at fit and predict (classic boosting takes no NaN)")
  func nanRejected() throws {
    let (x, y, _, _) = try EnsembleFixtures.split("regression")
    var storage = x.storage
    storage[3 * x.columnCount + 2] = .nan
    let bad = try Matrix(rowCount: x.rowCount, columnCount: x.columnCount, storage: storage)
    #expect(throws: LearnError.nonFinite(input: "X", row: 3, column: 2)) {
      try GradientBoostingRegressor(estimatorCount: 5).fit(bad, y)
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 3, column: 2)) {
      try GradientBoostingClassifier<Int>(estimatorCount: 5).fit(bad, y.map { $0 > 10 ? 1 : 0 })
    }
    let model = try GradientBoostingRegressor(estimatorCount: 5, seed: 0).fit(x, y)
    #expect(throws: LearnError.nonFinite(input: "X", row: 3, column: 2)) {
      try model.predict(bad)
    }
  }

  @Test("one class is a typed error")
  func singleClass() throws {
    let (x, _, _, _) = try EnsembleFixtures.split("binary")
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try GradientBoostingClassifier<Int>().fit(x, [Int](repeating: 1, count: x.rowCount))
    }
  }

  @Test("staged predictions end at predict, train scores fall, importances sum to 1")
  func stagedAndDiagnostics() throws {
    let (x, y, xt, _) = try EnsembleFixtures.split("regression")
    let model = try GradientBoostingRegressor(estimatorCount: 40, seed: 0).fit(x, y)
    let staged = try model.stagedPredict(xt)
    #expect(staged.count == 40)
    #expect(staged.last == (try model.predict(xt)))
    #expect(model.trainScores.count == 40)
    #expect(model.trainScores[39] < model.trainScores[0])
    #expect(abs(model.featureImportances.reduce(0, +) - 1) < 1e-12)
    #expect(model.oobImprovement == nil)
    let sub = try GradientBoostingRegressor(estimatorCount: 10, subsample: 0.5, seed: 0).fit(x, y)
    #expect(sub.oobImprovement?.count == 10)

    let (bx, by, bxt, _) = try EnsembleFixtures.split("binary")
    let labels = EnsembleFixtures.labels(by)
    let clf = try GradientBoostingClassifier<Int>(estimatorCount: 25, seed: 0).fit(bx, labels)
    let stagedProba = try clf.stagedPredictProbabilities(bxt)
    #expect(stagedProba.count == 25)
    #expect(stagedProba.last == (try clf.predictProbabilities(bxt)))
    #expect(try clf.stagedPredict(bxt).last == clf.predict(bxt))
    #expect(try clf.decisionFunction(bxt).columnCount == 1)
  }

  @Test("early stopping stops before estimatorCount and the same seed gives the same model")
  func earlyStopping() throws {
    let (x, y, _, _) = try EnsembleFixtures.split("multiclass")
    let labels = EnsembleFixtures.labels(y)
    let estimator = GradientBoostingClassifier<Int>(
      learningRate: 0.5, estimatorCount: 500, seed: 3, iterationsWithoutChange: 3)
    let a = try estimator.fit(x, labels)
    let b = try estimator.fit(x, labels)
    #expect(a.stageCount < 500)
    #expect(a == b)
  }

  @Test("the zero init starts from raw zero and still learns")
  func zeroInit() throws {
    let (x, y, xt, yt) = try EnsembleFixtures.split("regression")
    let model = try GradientBoostingRegressor(initStrategy: .zero, seed: 0).fit(x, y)
    #expect(model.ensemble.initialPrediction == [0])
    #expect(try r2Score(yTrue: yt, yPred: model.predict(xt)) > 0.7)
  }
}

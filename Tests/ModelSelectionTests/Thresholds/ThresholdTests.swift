import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import ModelSelection
import Pipeline
import Preprocessing
import SwiftLearnCore
import Testing

@Suite struct ThresholdTests {
  let t: Fixture
  let x: Matrix
  let y: [Int]
  let xTest: Matrix
  init() throws {
    t = try Fixture("search").child("thresholds")
    x = try t.matrix("X")
    y = try t.ints("y")
    xTest = try t.matrix("X_test")
  }

  var logistic: LogisticRegression<Int> { LogisticRegression(tol: 1e-10, maxIter: 10000) }

  @Test func fixedThresholdMatchesScikitLearn() throws {
    let fitted = try FixedThresholdClassifier(logistic, threshold: 0.3).fit(x, y)
    #expect(try fitted.predict(xTest) == (try t.ints("fixed_predict")))
    // The threshold is applied with >=, and a lower threshold predicts more positives.
    let p = try fitted.predictProbabilities(xTest).column(1)
    #expect(try fitted.predict(xTest) == p.map { $0 >= 0.3 ? 1 : 0 })
    let strict = try FixedThresholdClassifier(logistic, threshold: 0.9).fit(x, y)
    #expect(
      try strict.predict(xTest).filter { $0 == 1 }.count
        < fitted.predict(xTest).filter { $0 == 1 }.count)
    // posLabel = 0: the threshold applies to class 0's probability.
    let flipped = try FixedThresholdClassifier(logistic, threshold: 0.3, posLabel: 0).fit(x, y)
    let p0 = try flipped.predictProbabilities(xTest).column(0)
    #expect(try flipped.predict(xTest) == p0.map { $0 >= 0.3 ? 0 : 1 })
  }

  @Test func tunedThresholdMatchesScikitLearn() throws {
    // LogisticRegression is fitted iteratively by both libraries: the project's parity
    // standard for convex models is rtol 1e-6, and tail probabilities inherit it.
    let e = try t.child("tuned")
    let fitted = try TunedThresholdClassifier(logistic, cv: StratifiedKFold(splitCount: 5)).fit(
      x, y)
    expectClose(fitted.thresholds, try e.vector("thresholds"), rtol: 1e-6)
    expectClose(fitted.scores, try e.vector("scores"), rtol: 1e-6)
    expectClose(fitted.bestThreshold, try e.double("best_threshold"), rtol: 1e-6)
    expectClose(fitted.bestScore, try e.double("best_score"), rtol: 1e-6)
    #expect(try fitted.predict(xTest) == (try e.ints("predict")))

    let f1 = try t.child("tuned_f1")
    let tunedF1 = try TunedThresholdClassifier(
      logistic, objective: .maximize(.f1), thresholdCount: 50, cv: StratifiedKFold(splitCount: 4)
    ).fit(x, y)
    expectClose(tunedF1.thresholds, try f1.vector("thresholds"), rtol: 1e-6)
    expectClose(tunedF1.scores, try f1.vector("scores"), rtol: 1e-6)
    expectClose(tunedF1.bestThreshold, try f1.double("best_threshold"), rtol: 1e-6)
  }

  @Test func constrainedThresholdMeetsTheRecallTarget() throws {
    let fitted = try TunedThresholdClassifier(
      logistic, objective: .constrained(maximize: .precision, constraint: .recall, atLeast: 0.8)
    ).fit(x, y)
    #expect(fitted.constraintMet)
    let rates = try #require(fitted.constraintRates)
    let best = try #require(fitted.thresholds.firstIndex(of: fitted.bestThreshold))
    #expect(rates[best] >= 0.8)
    // No feasible threshold has a better cross-validated precision.
    for i in rates.indices where rates[i] >= 0.8 { #expect(fitted.scores[i] <= fitted.bestScore) }
  }

  @Test func anUnreachableConstraintIsReportedAsData() throws {
    // Scores anti-correlated with the labels: precision never reaches 0.9 at any threshold.
    let labels = (0..<40).map { $0 % 4 == 0 ? 1 : 0 }
    let features = try Matrix(rows: labels.enumerated().map { [Double(1 - $1) + Double($0) / 100] })
    let fitted = try TunedThresholdClassifier(
      ReversedScores(),
      objective: .constrained(maximize: .recall, constraint: .precision, atLeast: 0.9),
      thresholdCount: 20, cv: StratifiedKFold(splitCount: 4)
    ).fit(features, labels)
    #expect(!fitted.constraintMet)
    let rates = try #require(fitted.constraintRates)
    #expect(rates.allSatisfy { $0 < 0.9 })
    // The fallback is the threshold with the highest constraint rate.
    let best = try #require(fitted.thresholds.firstIndex(of: fitted.bestThreshold))
    #expect(rates[best] == rates.max())
  }

  @Test func thresholdClassifiersRejectBadInput() throws {
    let three = (0..<x.rowCount).map { $0 % 3 }
    #expect(throws: LearnError.self) { _ = try FixedThresholdClassifier(logistic).fit(x, three) }
    #expect(throws: LearnError.self) { _ = try TunedThresholdClassifier(logistic).fit(x, three) }
    #expect(throws: LearnError.self) {
      _ = try FixedThresholdClassifier(logistic, posLabel: 7).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      _ = try TunedThresholdClassifier(logistic, thresholdCount: 1).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      _ = try TunedThresholdClassifier(logistic, objective: .maximize(.rocAUC)).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      _ = try FixedThresholdClassifier(logistic, threshold: .nan).fit(x, y)
    }
    // Constant probabilities cannot be tuned.
    #expect(throws: LearnError.self) {
      _ = try TunedThresholdClassifier(DummyClassifier<Int>()).fit(x, y)
    }
  }

  @Test func halvingSearchOnAClassifierCountsClasses() throws {
    typealias Model = Pipeline<StandardScaler, LogisticRegression<Int>>
    let c = HyperparameterPath(\Model.last.c, name: "C")
    let result = try HalvingGridSearch(
      Model(), axes: [SearchAxis(c, values: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10])],
      minResources: .smallest, cv: StratifiedKFold(splitCount: 3), seed: 0
    ).fit(x, y)
    // smallest = 2 × 3 splits × 2 classes = 12 samples, then 36 and 108.
    #expect(result.results.resourceCount.map { Set($0) } == [12, 36, 108])
    #expect(result.results.iteration?.last == 2)
    #expect(result.bestModel != nil)
  }

  @Test func logisticGridSearchFindsScikitLearnsBestC() throws {
    let g = try Fixture("search").child("logistic_grid")
    typealias Model = Pipeline<StandardScaler, LogisticRegression<Int>>
    let c = HyperparameterPath(\Model.last.c, name: "logisticregression.C")
    let model = Model(StandardScaler(), LogisticRegression(tol: 1e-10, maxIter: 10000))
    let search = GridSearch(
      model, axes: [SearchAxis(c, values: try g.vector("Cs"))], cv: StratifiedKFold(splitCount: 5),
      scoring: ClassificationScorer<Int>.negLogLoss.scoring())
    let result = try search.fit(try g.matrix("X"), try g.ints("y"))
    #expect(result.bestCandidate.last.c == (try g.double("best_C")))
    // Log loss of an iteratively fitted model: the convex-model parity standard, rtol 1e-6.
    expectClose(result.results.meanTestScore, try g.vector("mean_test_score"), rtol: 1e-6)
    #expect(result.results.rankTestScore == (try g.ints("rank_test_score")))
    // Default scoring (accuracy): identical fractions.
    let accuracy = try GridSearch(
      model, axes: [SearchAxis(c, values: try g.vector("Cs"))], cv: StratifiedKFold(splitCount: 5)
    ).fit(try g.matrix("X"), try g.ints("y"))
    expectClose(
      accuracy.results.meanTestScore, try g.vector("accuracy_mean_test_score"), rtol: 1e-12)
    #expect(accuracy.bestCandidate.last.c == (try g.double("accuracy_best_C")))
  }
}

/// A test classifier whose positive-class probability is the clipped first feature.
private struct ReversedScores: Classifier {
  typealias Label = Int
  var description: String { "ReversedScores()" }
  struct Fitted: ProbabilisticClassifier {
    let featureCount: Int
    var classes: [Int] { [0, 1] }
    func predict(_ x: Matrix) throws -> [Int] {
      try predictProbabilities(x).column(1).map { $0 >= 0.5 ? 1 : 0 }
    }
    func predictProbabilities(_ x: Matrix) throws -> Matrix {
      let p = try x.column(0).map { Swift.min(Swift.max($0 / 2, 0), 1) }
      return try Matrix(columns: [p.map { 1 - $0 }, p])
    }
  }
  func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted { Fitted(featureCount: x.columnCount) }
}

import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

/// Predicts the first feature.
private struct FirstColumnRegressor: FittedRegressor {
  var featureCount: Int { 1 }
  func predict(_ x: Matrix) throws -> [Double] { try x.column(0) }
}

/// Labels 0/1 by the sign of the first feature; probabilities from a logistic of it.
private struct SignClassifier: ProbabilisticClassifier {
  var featureCount: Int { 1 }
  var classes: [Int] { [0, 1] }
  func predict(_ x: Matrix) throws -> [Int] { try x.column(0).map { $0 > 0 ? 1 : 0 } }
  func predictProbabilities(_ x: Matrix) throws -> Matrix {
    let p = try x.column(0).map { 1 / (1 + exp(-$0)) }
    return try Matrix(columns: [p.map { 1 - $0 }, p])
  }
}

/// The same labels with only a decision function.
private struct MarginClassifier: FittedClassifier, DecisionFunctionProviding {
  var featureCount: Int { 1 }
  var classes: [Int] { [0, 1] }
  func predict(_ x: Matrix) throws -> [Int] { try x.column(0).map { $0 > 0 ? 1 : 0 } }
  func decisionFunction(_ x: Matrix) throws -> Matrix { try Matrix(column: x.column(0)) }
}

/// The same labels with neither.
private struct PlainClassifier: FittedClassifier {
  var featureCount: Int { 1 }
  var classes: [Int] { [0, 1] }
  func predict(_ x: Matrix) throws -> [Int] { try x.column(0).map { $0 > 0 ? 1 : 0 } }
}

@Suite("Scorers")
struct ScorerTests {
  let x = Matrix(column: [-2, -0.5, 0.3, 1.2, -0.1, 2.5])
  let yReg = [-1.5, -1, 0.5, 1, 0.2, 2]
  let yCls = [0, 0, 1, 1, 1, 1]

  @Test("regression scorers negate losses and match the metrics")
  func regression() throws {
    let m = FirstColumnRegressor()
    let p = try x.column(0)
    #expect(try RegressionScorer.r2.score(m, x, yReg) == r2Score(yTrue: yReg, yPred: p))
    let rmse = try RegressionScorer(named: "neg_root_mean_squared_error")
    #expect(!rmse.greaterIsBetter)
    #expect(try rmse.score(m, x, yReg) == -rootMeanSquaredError(yTrue: yReg, yPred: p))
    #expect(try RegressionScorer(named: "neg_max_error").score(m, x, yReg) == -0.5)
    for name in RegressionScorer.allNames where !name.contains("log") && !name.contains("dev") {
      let s = try RegressionScorer(named: name)
      #expect(s.name == name)
      #expect(try s.score(m, x, yReg).isFinite)
    }
    #expect(throws: LearnError.self) { try RegressionScorer(named: "r2_score") }
  }

  @Test("a custom scorer wraps any closure")
  func custom() throws {
    let within = RegressionScorer(name: "within_quarter") { t, p, _ in
      Double(zip(t, p).filter { abs($0 - $1) <= 0.25 }.count) / Double(t.count)
    }
    #expect(try within.score(FirstColumnRegressor(), x, yReg) == 2.0 / 6.0)
    let errors = ClassificationScorer<Int>(name: "errors", greaterIsBetter: false) { t, p, _ in
      Double(zip(t, p).filter { $0 != $1 }.count)
    }
    #expect(try errors.score(PlainClassifier(), x, yCls) == -1)
  }

  @Test("classification scorers dispatch on the model's capabilities")
  func classification() throws {
    let proba = SignClassifier()
    let p = try proba.predictProbabilities(x)
    let auc = try ClassificationScorer<Int>(named: "roc_auc")
    #expect(auc.response == .scores)
    let expected = try rocAUCScore(yTrue: yCls, yScore: x.column(0))
    #expect(try auc.score(proba, x, yCls) == expected)  // probabilities: monotone in x
    #expect(try auc.score(MarginClassifier(), x, yCls) == expected)  // decision values
    let logLossScorer = ClassificationScorer<Int>.negLogLoss
    #expect(try logLossScorer.score(proba, x, yCls) == -logLoss(yTrue: yCls, yProba: p))
    #expect(
      try ClassificationScorer<Int>.negBrierScore.score(proba, x, yCls)
        == -brierScoreLoss(yTrue: yCls, yProba: p.column(1)))
    #expect(
      try ClassificationScorer<Int>(named: "f1_macro").score(PlainClassifier(), x, yCls)
        == f1Score(yTrue: yCls, yPred: PlainClassifier().predict(x), average: .macro))
    for name in ClassificationScorer<Int>.allNames {
      #expect(try ClassificationScorer<Int>(named: name).score(proba, x, yCls).isFinite)
    }
  }

  @Test("a probability scorer on a model without probabilities is a typed error")
  func missingCapability() {
    #expect {
      try ClassificationScorer<Int>.negLogLoss.score(PlainClassifier(), x, yCls)
    } throws: { error in
      if case LearnError.unsupportedInput("model", _) = error { return true }
      return false
    }
    #expect {
      try ClassificationScorer<Int>.negLogLoss.score(MarginClassifier(), x, yCls)
    } throws: { error in
      if case LearnError.unsupportedInput("model", _) = error { return true }
      return false
    }
    #expect(throws: LearnError.self) {
      try ClassificationScorer<Int>.rocAUC.score(PlainClassifier(), x, yCls)
    }
    #expect(throws: LearnError.self) { try ClassificationScorer<String>(named: "neg_mse") }
  }

  @Test("generic callers score through the protocol family")
  func generic() throws {
    func crossScore<M: FittedRegressor>(_ m: M, _ s: RegressionScorer) throws -> Double {
      try s.score(m, x, yReg)
    }
    func crossScore<M: ProbabilisticClassifier>(_ m: M, _ s: ClassificationScorer<M.Label>)
      throws -> Double
    {
      try s.score(m, x, [0, 0, 1, 1, 1, 1].map { m.classes[$0] })
    }
    #expect(try crossScore(FirstColumnRegressor(), .negMeanAbsoluteError) < 0)
    #expect(try crossScore(SignClassifier(), .rocAUCOvr) > 0.5)
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("SGD estimators")
struct SGDTests {
  static let blobs = CheckData.classification(n: 120, d: 4, classCount: 3, seed: 5)
  static let line = CheckData.regression(n: 200, d: 4, seed: 3)

  @Test("same seed gives the same model; another seed another model")
  func seeds() throws {
    let (x, y) = Self.blobs
    let a = try SGDClassifier<Int>(seed: 42).fit(x, y)
    let b = try SGDClassifier<Int>(seed: 42).fit(x, y)
    #expect(a == b)
    let c = try SGDClassifier<Int>(seed: 43).fit(x, y)
    #expect(a.coefficients != c.coefficients)
    let (xr, yr) = Self.line
    #expect(try SGDRegressor(seed: 7).fit(xr, yr) == SGDRegressor(seed: 7).fit(xr, yr))
    #expect(try Perceptron<Int>(seed: 9).fit(x, y) == Perceptron<Int>(seed: 9).fit(x, y))
    let unseeded = try SGDClassifier<Int>().fit(x, y)
    let replay = try SGDClassifier<Int>(seed: unseeded.seedUsed).fit(x, y)
    #expect(unseeded == replay)
  }

  @Test("bad input throws typed errors")
  func badInput() throws {
    let (x, y) = Self.blobs
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try SGDClassifier<Int>(seed: 0).fit(x, [Int](repeating: 2, count: x.rowCount))
    }
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try Perceptron<Int>().fit(x, [Int](repeating: 0, count: x.rowCount))
    }
    #expect(throws: LearnError.self) {
      try SGDClassifier<Int>(seed: 0).fit(
        x, y, sampleWeight: [Double](repeating: 0, count: x.rowCount))
    }
    #expect(throws: LearnError.self) {
      try SGDRegressor(seed: 0).fit(
        Self.line.x, Self.line.y, sampleWeight: [Double](repeating: 0, count: Self.line.x.rowCount))
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 5, column: 1)) {
      try SGDClassifier<Int>(seed: 0).fit(CheckData.with(x, .nan, at: 5, 1), y)
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 2, column: 0)) {
      try SGDRegressor(seed: 0).fit(CheckData.with(Self.line.x, .nan, at: 2, 0), Self.line.y)
    }
    // partialFit: different feature count, unseen class.
    let first = try SGDClassifier<Int>(seed: 0).partialFit(x, y, updating: nil)
    let narrow = try x.columns([0, 1, 2])
    #expect(throws: LearnError.featureCountMismatch(expected: 4, got: 3)) {
      try SGDClassifier<Int>(seed: 0).partialFit(narrow, y, updating: first)
    }
    #expect(throws: LearnError.unknownLabel("7")) {
      try SGDClassifier<Int>(seed: 0).partialFit(
        x, y.map { $0 == 2 ? 7 : $0 }, updating: first)
    }
    let regressor = try SGDRegressor(seed: 0).partialFit(Self.line.x, Self.line.y, updating: nil)
    #expect(throws: LearnError.featureCountMismatch(expected: 4, got: 3)) {
      try SGDRegressor(seed: 0).partialFit(
        try Self.line.x.columns([0, 1, 2]), Self.line.y, updating: regressor)
    }
    // partialFit cannot early-stop or balance.
    for (model, parameter) in [
      (SGDClassifier<Int>(earlyStopping: true), "earlyStopping"),
      (SGDClassifier<Int>(classWeight: .balanced), "classWeight"),
    ] {
      do {
        _ = try model.partialFit(x, y, updating: nil)
        Issue.record("\(parameter) did not throw")
      } catch let LearnError.invalidParameter(_, name, _, _) {
        #expect(name == parameter)
      }
    }
    // A validation split that leaves nothing to train on names the parameter.
    do {
      _ = try SGDClassifier<Int>(earlyStopping: true, validationFraction: 0.999).fit(
        x.rows(0..<6), Array(y[0..<6]))
      Issue.record("validationFraction did not throw")
    } catch let LearnError.invalidParameter(_, name, _, _) {
      #expect(name == "validationFraction")
    }
  }

  @Test("partialFit learns over chunks and keeps the stream's classes")
  func partialFit() throws {
    let (x, y) = Self.blobs
    let model = SGDClassifier<Int>(seed: 3)
    // The first chunk lacks class 2; the classes argument declares it.
    let firstRows = (0..<x.rowCount).filter { y[$0] != 2 }
    var fitted = try model.partialFit(
      x.rows(firstRows), firstRows.map { y[$0] }, classes: [0, 1, 2], updating: nil)
    #expect(fitted.classes == [0, 1, 2])
    #expect(fitted.iterationCount == 1)
    for _ in 0..<20 { fitted = try model.partialFit(x, y, updating: fitted) }
    let accuracy =
      Double(zip(try fitted.predict(x), y).filter { $0 == $1 }.count) / Double(y.count)
    #expect(accuracy > 0.9)
    // The schedule continues: t grows by n per chunk.
    let next = try model.partialFit(x, y, updating: fitted)
    #expect(next.t == fitted.t + Double(x.rowCount))
  }

  @Test("probabilities for log_loss and modified_huber, typed error otherwise")
  func probabilities() throws {
    let (x, y) = Self.blobs
    for loss in [SGDClassifier<Int>.Loss.logLoss, .modifiedHuber] {
      let fitted = try SGDClassifier<Int>(loss: loss, seed: 0).fit(x, y)
      let p = try fitted.predictProbabilities(x)
      #expect(p.columnCount == 3)
      for row in p.rowArrays {
        #expect(abs(row.reduce(0, +) - 1) < 1e-12)
        #expect(row.allSatisfy { $0 >= 0 && $0 <= 1 })
      }
    }
    // Binary log loss: P(class 1) is the logistic of the decision value.
    let binary = y.map { $0 == 0 ? 0 : 1 }
    let fitted = try SGDClassifier<Int>(loss: .logLoss, seed: 0).fit(x, binary)
    let p = try fitted.predictProbabilities(x)
    let d = try fitted.decisionFunction(x)
    for i in 0..<x.rowCount {
      expectClose([p[i, 1], p[i, 0]], [1 / (1 + exp(-d[i, 0])), 1 - 1 / (1 + exp(-d[i, 0]))])
    }
    do {
      _ = try SGDClassifier<Int>(seed: 0).fit(x, y).predictProbabilities(x)
      Issue.record("hinge probabilities did not throw")
    } catch let LearnError.invalidParameter(_, name, _, _) {
      #expect(name == "loss")
    }
  }

  @Test("squared-error SGD approaches least squares")
  func leastSquares() throws {
    let (x, y) = Self.line
    let exact = try LinearRegression().fit(x, y)
    let sgd = try SGDRegressor(alpha: 1e-8, tol: nil, seed: 0, average: 1).fit(x, y)
    expectClose(sgd.coefficients, exact.coefficients, rtol: 0, atol: 0.02)
    #expect(abs(sgd.intercept - exact.intercept) < 0.02)
    #expect(sgd.iterationCount == 1000 && !sgd.converged)
  }

  @Test("L1 penalty gives exact zeros; class weights shift the boundary")
  func penaltiesAndWeights() throws {
    var rng = SeededGenerator(seed: 1)
    let x = Matrix.random(
      rowCount: 200, columnCount: 10, distribution: .normal(mean: 0, standardDeviation: 1),
      using: &rng)
    let y = (0..<200).map { x[$0, 0] + 0.5 * x[$0, 1] > 0 ? 1 : 0 }
    let l1 = try SGDClassifier<Int>(penalty: .l1, alpha: 0.01, seed: 0).fit(x, y)
    let zeros = l1.coefficients.storage.filter { $0 == 0 }.count
    #expect(zeros >= 3)
    let plain = try SGDClassifier<Int>(seed: 0).fit(x, y)
    let heavy = try SGDClassifier<Int>(seed: 0, classWeight: .weights([1: 10])).fit(x, y)
    let plainOnes = try plain.predict(x).filter { $0 == 1 }.count
    let heavyOnes = try heavy.predict(x).filter { $0 == 1 }.count
    #expect(heavyOnes >= plainOnes)
  }

  @Test("early stopping stops early; averaging reports averaged weights")
  func earlyStoppingAndAveraging() throws {
    let (x, y) = Self.blobs
    let early = try SGDClassifier<Int>(seed: 0, earlyStopping: true).fit(x, y)
    #expect(early.converged && early.iterationCount < 100)
    let averaged = try SGDRegressor(seed: 0, average: 1).fit(Self.line.x, Self.line.y)
    let plain = try SGDRegressor(seed: 0).fit(Self.line.x, Self.line.y)
    #expect(averaged.coefficients != plain.coefficients)
    let averagedScore = try averaged.score(Self.line.x, Self.line.y)
    #expect(averagedScore > 0.95, "R² \(averagedScore)")
  }

  @Test("decoding re-checks the model's shape")
  func corruptModel() throws {
    let (x, y) = Self.blobs
    let fitted = try SGDClassifier<Int>(seed: 0).fit(x, y)
    let data = try JSONEncoder().encode(fitted)
    #expect(try JSONDecoder().decode(SGDClassifier<Int>.Fitted.self, from: data) == fitted)
    var object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["intercepts"] = [0.0, 1.0]
    let broken = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(SGDClassifier<Int>.Fitted.self, from: broken)
    }
    let svc = try LinearSVC<Int>(seed: 0).fit(x, y)
    var svcObject = try #require(
      JSONSerialization.jsonObject(with: JSONEncoder().encode(svc)) as? [String: Any])
    svcObject["intercepts"] = [0.0]
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(
        LinearSVC<Int>.Fitted.self, from: JSONSerialization.data(withJSONObject: svcObject))
    }
  }
}

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

/// Counts progress reports from worker threads.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int] = []
  func record(_ v: Int) {
    lock.lock()
    values.append(v)
    lock.unlock()
  }
  var recorded: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}

/// A user-written regressor whose predictions have the wrong length.
private struct ShortRegressor: Regressor {
  struct Fitted: FittedRegressor {
    let featureCount: Int
    func predict(_ x: Matrix) throws -> [Double] { [0] }
  }
  var description: String { "ShortRegressor()" }
  func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted { Fitted(featureCount: x.columnCount) }
}

@Suite struct CrossValidationTests {
  let diabetes: Fixture
  let dummy: Fixture

  init() throws {
    let cv = try Fixture("model_selection").child("crossValidation")
    diabetes = try cv.child("diabetes")
    dummy = try cv.child("dummy")
  }

  @Test func crossValScoreMatchesScikitLearnOnDiabetes() throws {
    let x = try diabetes.matrix("X")
    let y = try diabetes.vector("y")
    let model = Pipeline(StandardScaler(), LinearRegression())
    let scores = try crossValScore(model, x, y, cv: KFold(splitCount: 5))
    expectClose(scores, try diabetes.vector("scores"), rtol: 1e-10, "cross_val_score")
    let predicted = try crossValPredict(model, x, y, cv: KFold(splitCount: 5))
    expectClose(predicted, try diabetes.vector("predictions"), rtol: 1e-10, "cross_val_predict")
  }

  @Test func crossValidateWithNamedScorersMatchesScikitLearn() throws {
    let x = try diabetes.matrix("X")
    let y = try diabetes.vector("y")
    let model = Pipeline(StandardScaler(), LinearRegression())
    let result = try crossValidate(
      model, x, y, cv: KFold(splitCount: 5),
      scoring: [
        "r2": { try $0.score($1, $2) },
        "neg_mean_squared_error": {
          -(try meanSquaredError(yTrue: $2, yPred: $0.predict($1)))
        },
      ], returnTrainScore: true, returnEstimator: true)
    expectClose(result.testScores["r2"] ?? [], try diabetes.vector("testR2"), rtol: 1e-10, "r2")
    expectClose(
      result.trainScores?["r2"] ?? [], try diabetes.vector("trainR2"), rtol: 1e-10, "train r2")
    expectClose(
      result.testScores["neg_mean_squared_error"] ?? [], try diabetes.vector("testNegMSE"),
      rtol: 1e-10, "neg mse")
    #expect(result.fitTimes.count == 5 && result.scoreTimes.count == 5)
    #expect(result.fitTimes.allSatisfy { $0 >= 0 })
    #expect(result.estimators?.count == 5)
    #expect(result.splits == (try KFold(splitCount: 5).splits(sampleCount: x.rowCount)))
    // The returned models are the fold models: refitting fold 0 predicts the same.
    let fold0 = result.splits[0]
    let refit = try model.fit(try x.rows(fold0.train), fold0.train.map { y[$0] })
    let xTest = try x.rows(fold0.test)
    #expect(try result.estimators?[0].predict(xTest) == refit.predict(xTest))
    let plain = try crossValidate(model, x, y)
    #expect(plain.trainScores == nil && plain.estimators == nil)
    #expect(plain.testScores.keys.sorted() == ["score"])
  }

  @Test func classifierCrossValidationMatchesScikitLearn() throws {
    let x = try dummy.matrix("X")
    let y = try dummy.ints("y")
    let model = DummyClassifier<Int>()
    expectClose(try crossValScore(model, x, y), try dummy.vector("scores"), "stratified")
    expectClose(
      try crossValScore(model, x, y, cv: KFold(splitCount: 4)), try dummy.vector("scoresKFold4"),
      "kfold4")
    #expect(try crossValPredict(model, x, y) == dummy.ints("predictions"))
    expectClose(
      try crossValPredictProbabilities(model, x, y), try dummy.matrix("proba"), "proba")
    // String labels give the same numbers.
    let names = y.map { ["zero", "one", "two"][$0] }
    let byName = try crossValScore(DummyClassifier<String>(), x, names)
    expectClose(byName, try dummy.vector("scores"), "string labels")
  }

  @Test func probabilitiesFillMissingClassesWithZero() throws {
    // Class 9 appears once; with PredefinedSplit it is absent from fold 0's training set.
    let x = try Matrix(rows: (0..<6).map { [Double($0)] })
    let y = [0, 0, 1, 1, 9, 1]
    let p = try crossValPredictProbabilities(
      DummyClassifier<Int>(), x, y, cv: PredefinedSplit(testFold: [0, 1, 1, 0, 0, 1]))
    #expect(p.columnCount == 3)
    // Fold 0 tests rows 0, 3, 4 and trains on rows 1, 2, 5 = labels [0, 1, 1].
    #expect(try p.row(0) == [1.0 / 3, 2.0 / 3, 0])
    // Fold 1 trains on rows 0, 3, 4 = labels [0, 1, 9].
    #expect(try p.row(1) == [1.0 / 3, 1.0 / 3, 1.0 / 3])
  }

  @Test func parallelEqualsSerialBitForBit() throws {
    let x = try diabetes.matrix("X")
    let y = try diabetes.vector("y")
    let model = Pipeline(StandardScaler(), LinearRegression())
    let cv = KFold(splitCount: 7, shuffle: true, seed: 3)
    let serial = try crossValScore(model, x, y, cv: cv, parallel: false)
    let parallel = try crossValScore(model, x, y, cv: cv, parallel: true)
    #expect(serial.map(\.bitPattern) == parallel.map(\.bitPattern))
    let ps = try crossValPredict(model, x, y, cv: cv, parallel: false)
    let pp = try crossValPredict(model, x, y, cv: cv, parallel: true)
    #expect(ps.map(\.bitPattern) == pp.map(\.bitPattern))
  }

  @Test func progressAndCancellation() throws {
    let x = try diabetes.matrix("X")
    let y = try diabetes.vector("y")
    let counter = Counter()
    _ = try crossValScore(
      LinearRegression(), x, y, cv: KFold(splitCount: 6),
      progress: { done, total in
        counter.record(done)
        #expect(total == 6)
      })
    #expect(counter.recorded == [1, 2, 3, 4, 5, 6])
    let token = CancellationToken()
    #expect(!token.isCancelled)
    token.cancel()
    #expect(token.isCancelled)
    #expect(throws: CancellationError.self) {
      try crossValScore(LinearRegression(), x, y, cancellation: token)
    }
    // Cancelling from inside the run stops the folds that have not started.
    let midway = CancellationToken()
    let started = Counter()
    #expect(throws: CancellationError.self) {
      try crossValScore(
        LinearRegression(), x, y, cv: KFold(splitCount: 10),
        scoring: { model, xTest, yTest in
          started.record(1)
          midway.cancel()
          return try model.score(xTest, yTest)
        }, parallel: false, cancellation: midway)
    }
    #expect(started.recorded.count == 1)
  }

  @Test func badInputThrowsTypedErrors() throws {
    let x = try diabetes.matrix("X")
    let y = try diabetes.vector("y")
    #expect(throws: LearnError.lengthMismatch(input: "y", expected: 442, got: 441)) {
      try crossValScore(LinearRegression(), x, Array(y.dropLast()))
    }
    #expect(throws: LearnError.lengthMismatch(input: "groups", expected: 442, got: 3)) {
      try crossValScore(LinearRegression(), x, y, cv: GroupKFold(), groups: [0, 1, 2])
    }
    let empty = try Matrix(rowCount: 0, columnCount: 3, storage: [])
    #expect {
      try crossValScore(LinearRegression(), empty, [])
    } throws: { e in
      guard case LearnError.emptyInput("X", _) = e else { return false }
      return true
    }
    #expect {
      try crossValPredict(LinearRegression(), x, y, cv: ShuffleSplit(splitCount: 2, seed: 1))
    } throws: { e in
      guard case LearnError.unsupportedInput("cv", _) = e else { return false }
      return true
    }
    #expect {
      try crossValidate(LinearRegression(), x, y, scoring: [:])
    } throws: { e in
      guard case LearnError.invalidParameter(_, "scoring", _, _) = e else { return false }
      return true
    }
    #expect(throws: LearnError.lengthMismatch(input: "predictions", expected: 89, got: 1)) {
      try crossValPredict(ShortRegressor(), x, y)
    }
    // The estimator's own errors come through (NaN in a training fold).
    var bad = x
    bad[3, 2] = .nan
    #expect {
      try crossValScore(LinearRegression(), bad, y, parallel: true)
    } throws: { e in
      guard case LearnError.nonFinite = e else { return false }
      return true
    }
  }
}

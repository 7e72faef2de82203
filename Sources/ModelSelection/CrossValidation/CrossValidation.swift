import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// A scoring function for cross-validation: fitted model, test features, test target → score
/// (greater is better, like scikit-learn's scorers).
///
/// The default is the model's `score` (R² for regressors, accuracy for classifiers). Any metric
/// can be wrapped: `{ model, x, y in -(try meanSquaredError(yTrue: y, yPred: model.predict(x))) }`.
/// A typed scorer value can plug in later through an overload that turns it into this closure.
public typealias CrossValidationScoring<Fitted, Target> =
  @Sendable (Fitted, Matrix, Target) throws -> Double

/// The result of `crossValidate`: per-fold scores, timings, and optionally the fitted models.
///
/// scikit-learn: the dictionary returned by `sklearn.model_selection.cross_validate`
/// (`test_<name>` → ``testScores``, `train_<name>` → ``trainScores``, `fit_time`,
/// `score_time`, `estimator`, `indices`).
public struct CrossValidationResult<Fitted: Sendable>: Sendable {
  /// Test-set scores per scorer name, one per fold in split order.
  public let testScores: [String: [Double]]
  /// Training-set scores per scorer name, when asked for (`return_train_score`).
  public let trainScores: [String: [Double]]?
  /// Seconds spent fitting, per fold.
  public let fitTimes: [Double]
  /// Seconds spent scoring the test set (all scorers), per fold.
  public let scoreTimes: [Double]
  /// The fitted model of each fold, when asked for (`return_estimator`).
  public let estimators: [Fitted]?
  /// The train/test indices of each fold (`return_indices`).
  public let splits: [Split]
}

/// What one fold produced.
struct FoldOutcome<Fitted: Sendable>: Sendable {
  var fitted: Fitted?
  var testScores: [Double]
  var trainScores: [Double]
  var fitTime: Double
  var scoreTime: Double
}

/// The shared engine behind the public cross-validation functions.
enum CrossValidationEngine {
  static func seconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
  }

  /// Checks `x`, `y` and `groups` and returns the splits.
  static func prepare<T>(
    x: Matrix, y: [T], cv: some Splitter, labels: [Int]?, groups: [Int]?
  ) throws -> [Split] {
    guard x.rowCount >= 1 else {
      throw LearnError.emptyInput(
        input: "X",
        reason:
          "found array with 0 sample(s) (shape=(0, \(x.columnCount))) while a minimum of 1 is required"
      )
    }
    guard y.count == x.rowCount else {
      throw LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: y.count)
    }
    if let groups, groups.count != x.rowCount {
      throw LearnError.lengthMismatch(input: "groups", expected: x.rowCount, got: groups.count)
    }
    return try cv.splits(
      sampleCount: x.rowCount, labels: labels, groups: groups.map(SplitCodes.compact))
  }

  /// Fits on every split and scores with every scorer.
  static func evaluate<E: SupervisedEstimator, T: Sendable>(
    _ estimator: E, x: Matrix, y: [T], splits: [Split],
    scorers: [(String, CrossValidationScoring<E.Fitted, [T]>)], returnTrainScore: Bool,
    returnEstimator: Bool, parallel: Bool, progress: (@Sendable (Int, Int) -> Void)?,
    cancellation: CancellationToken?
  ) throws -> [FoldOutcome<E.Fitted>] where E.Target == [T] {
    try FoldRunner.run(
      count: splits.count, parallel: parallel, progress: progress, cancellation: cancellation
    ) { f in
      let split = splits[f]
      let xTrain = try x.rows(split.train)
      let yTrain = split.train.map { y[$0] }
      let fitStart = DispatchTime.now().uptimeNanoseconds
      let fitted = try estimator.fit(xTrain, yTrain)
      let fitTime = seconds(since: fitStart)
      let xTest = try x.rows(split.test)
      let yTest = split.test.map { y[$0] }
      let scoreStart = DispatchTime.now().uptimeNanoseconds
      let test = try scorers.map { try $0.1(fitted, xTest, yTest) }
      let scoreTime = seconds(since: scoreStart)
      let train = returnTrainScore ? try scorers.map { try $0.1(fitted, xTrain, yTrain) } : []
      return FoldOutcome(
        fitted: returnEstimator ? fitted : nil, testScores: test, trainScores: train,
        fitTime: fitTime, scoreTime: scoreTime)
    }
  }

  /// Assembles the public result.
  static func result<Fitted>(
    _ outcomes: [FoldOutcome<Fitted>], names: [String], splits: [Split], returnTrainScore: Bool,
    returnEstimator: Bool
  ) -> CrossValidationResult<Fitted> {
    var test: [String: [Double]] = [:]
    var train: [String: [Double]] = [:]
    for (s, name) in names.enumerated() {
      test[name] = outcomes.map { $0.testScores[s] }
      if returnTrainScore { train[name] = outcomes.map { $0.trainScores[s] } }
    }
    return CrossValidationResult(
      testScores: test, trainScores: returnTrainScore ? train : nil,
      fitTimes: outcomes.map(\.fitTime), scoreTimes: outcomes.map(\.scoreTime),
      estimators: returnEstimator ? outcomes.compactMap(\.fitted) : nil, splits: splits)
  }

  /// Checks that the test sets partition the samples (each sample tested exactly once) and
  /// returns, for each sample, its fold and position in that fold's test set.
  static func partition(_ splits: [Split], sampleCount: Int) throws -> [(fold: Int, slot: Int)] {
    var owner = [(fold: Int, slot: Int)](repeating: (-1, -1), count: sampleCount)
    var seen = 0
    for (f, split) in splits.enumerated() {
      for (k, i) in split.test.enumerated() {
        guard i >= 0, i < sampleCount, owner[i].fold < 0 else {
          throw LearnError.unsupportedInput(
            input: "cv",
            reason:
              "cross_val_predict only works for partitions: sample \(i) is in more than one test set"
          )
        }
        owner[i] = (f, k)
        seen += 1
      }
    }
    guard seen == sampleCount else {
      throw LearnError.unsupportedInput(
        input: "cv",
        reason:
          "cross_val_predict only works for partitions: \(sampleCount - seen) sample(s) are in no test set"
      )
    }
    return owner
  }

  /// Checks that every fold returned one prediction per test sample.
  static func checkCounts(_ counts: [Int], splits: [Split]) throws {
    for (count, split) in zip(counts, splits) where count != split.test.count {
      throw LearnError.lengthMismatch(
        input: "predictions", expected: split.test.count, got: count)
    }
  }

  /// Fits on every split and applies `apply` to each test set.
  static func predictFolds<E: SupervisedEstimator, T: Sendable, Output: Sendable>(
    _ estimator: E, x: Matrix, y: [T], splits: [Split], parallel: Bool,
    progress: (@Sendable (Int, Int) -> Void)?, cancellation: CancellationToken?,
    apply: @escaping @Sendable (E.Fitted, Matrix) throws -> Output
  ) throws -> [Output] where E.Target == [T] {
    try FoldRunner.run(
      count: splits.count, parallel: parallel, progress: progress, cancellation: cancellation
    ) { f in
      let split = splits[f]
      let fitted = try estimator.fit(try x.rows(split.train), split.train.map { y[$0] })
      return try apply(fitted, try x.rows(split.test))
    }
  }
}

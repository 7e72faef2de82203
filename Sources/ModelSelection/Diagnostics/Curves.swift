import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// Training and test scores of a model fitted on growing parts of the training data.
///
/// scikit-learn: the tuple returned by `learning_curve(..., return_times=True)`.
public struct LearningCurve: Sendable, Hashable, Codable {
  /// The absolute training sizes used, increasing (`train_sizes_abs`).
  public let trainSizes: [Int]
  /// Training scores: `trainScores[size][split]`.
  public let trainScores: [[Double]]
  /// Test scores: `testScores[size][split]`.
  public let testScores: [[Double]]
  /// Seconds spent fitting: `fitTimes[size][split]`.
  public let fitTimes: [[Double]]
}

/// Training and test scores of a model for each value of one hyperparameter.
///
/// scikit-learn: the tuple returned by `validation_curve`.
public struct ValidationCurve: Sendable, Hashable, Codable {
  /// The hyperparameter's display name.
  public let parameterName: String
  /// The values, as text, in the order given.
  public let parameterValues: [String]
  /// Training scores: `trainScores[value][split]`.
  public let trainScores: [[Double]]
  /// Test scores: `testScores[value][split]`.
  public let testScores: [[Double]]
}

/// The training sizes of a learning curve.
public enum TrainSizes: Sendable, Hashable {
  /// Fractions in `(0, 1]` of the largest training set (scikit-learn's floats).
  case fractions([Double])
  /// Absolute numbers of training rows (scikit-learn's integers).
  case counts([Int])

  /// scikit-learn's default, `np.linspace(0.1, 1.0, 5)`.
  public static var `default`: TrainSizes {
    let step = (1.0 - 0.1) / 4
    return .fractions((0..<5).map { $0 == 4 ? 1.0 : 0.1 + Double($0) * step })
  }

  /// The absolute sizes for a largest training set of `maxCount` rows (sorted, unique).
  func absolute(maxCount: Int) throws -> [Int] {
    var sizes: [Int]
    switch self {
    case .fractions(let f):
      for v in f where !(v > 0 && v <= 1) {
        throw LearnError.invalidParameter(
          estimator: "learningCurve", name: "trainSizes", value: "\(v)",
          expected: "fractions in (0, 1]")
      }
      // numpy's astype(int) truncates toward zero; then clip to [1, max].
      sizes = f.map {
        Swift.min(Swift.max(Int(($0 * Double(maxCount)).rounded(.towardZero)), 1), maxCount)
      }
    case .counts(let c):
      for v in c where !(v >= 1 && v <= maxCount) {
        throw LearnError.invalidParameter(
          estimator: "learningCurve", name: "trainSizes", value: "\(v)",
          expected: "counts in 1...\(maxCount) (the largest training set)")
      }
      sizes = c
    }
    guard !sizes.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "learningCurve", name: "trainSizes", value: "[]", expected: "at least one size")
    }
    return Array(Set(sizes)).sorted()
  }
}

/// The shared implementation of the curves.
enum CurveEngine {
  static func learning<E: SupervisedEstimator, T: Sendable>(
    _ estimator: E, x: Matrix, y: [T], cv: any Splitter, labels: [Int]?, groups: [Int]?,
    trainSizes: TrainSizes, scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    parallel: Bool, cancellation: CancellationToken?
  ) throws -> LearningCurve where E.Target == [T] {
    let splits = try CrossValidationEngine.prepare(
      x: x, y: y, cv: cv, labels: labels, groups: groups)
    let maxCount = splits.first?.train.count ?? 0
    let sizes = try trainSizes.absolute(maxCount: maxCount)
    let s = splits.count
    let units = try FoldRunner.run(
      count: sizes.count * s, parallel: parallel, progress: nil, cancellation: cancellation
    ) { unit -> (Double, Double, Double) in
      let split = splits[unit % s]
      let part = Array(split.train.prefix(sizes[unit / s]))
      let xTrain = try x.rows(part)
      let yTrain = part.map { y[$0] }
      let start = DispatchTime.now().uptimeNanoseconds
      let fitted = try estimator.fit(xTrain, yTrain)
      let fitTime = CrossValidationEngine.seconds(since: start)
      let test = try scoring(fitted, try x.rows(split.test), split.test.map { y[$0] })
      let train = try scoring(fitted, xTrain, yTrain)
      return (train, test, fitTime)
    }
    func table(_ pick: ((Double, Double, Double)) -> Double) -> [[Double]] {
      (0..<sizes.count).map { i in units[(i * s)..<((i + 1) * s)].map(pick) }
    }
    return LearningCurve(
      trainSizes: sizes, trainScores: table { $0.0 }, testScores: table { $0.1 },
      fitTimes: table { $0.2 })
  }

  static func validation<E: SupervisedEstimator, T: Sendable, V: Sendable>(
    _ estimator: E, x: Matrix, y: [T], path: HyperparameterPath<E, V>, values: [V],
    cv: any Splitter, labels: [Int]?, groups: [Int]?,
    scoring: @escaping CrossValidationScoring<E.Fitted, [T]>, parallel: Bool,
    cancellation: CancellationToken?
  ) throws -> ValidationCurve where E.Target == [T] {
    guard !values.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "validationCurve", name: path.name, value: "[]",
        expected: "at least one value")
    }
    let splits = try CrossValidationEngine.prepare(
      x: x, y: y, cv: cv, labels: labels, groups: groups)
    let s = splits.count
    let models = values.map { path.setting($0, in: estimator) }
    let units = try FoldRunner.run(
      count: values.count * s, parallel: parallel, progress: nil, cancellation: cancellation
    ) { unit -> (Double, Double) in
      let split = splits[unit % s]
      let xTrain = try x.rows(split.train)
      let yTrain = split.train.map { y[$0] }
      let fitted = try models[unit / s].fit(xTrain, yTrain)
      let test = try scoring(fitted, try x.rows(split.test), split.test.map { y[$0] })
      return (try scoring(fitted, xTrain, yTrain), test)
    }
    return ValidationCurve(
      parameterName: path.name, parameterValues: values.map { SearchAxis<E>.describe($0) },
      trainScores: (0..<values.count).map { i in units[(i * s)..<((i + 1) * s)].map(\.0) },
      testScores: (0..<values.count).map { i in units[(i * s)..<((i + 1) * s)].map(\.1) })
  }
}

/// Learning curve of a regressor: scores when fitted on growing prefixes of each split's
/// training rows.
///
/// For each split and each size `m`, the model is fitted on the first `m` training rows of the
/// split and scored on those rows and on the split's test rows. Sizes are fractions of the
/// first split's training set (truncated, clipped to at least 1, deduplicated and sorted, as
/// scikit-learn). Fits run in parallel into pre-sized slots.
///
/// scikit-learn: `learning_curve(estimator, X, y, train_sizes=np.linspace(0.1, 1.0, 5), cv=5,
/// scoring=None, shuffle=False)`.
///
///     let curve = try learningCurve(Ridge(), x, y, cv: KFold(splitCount: 5))
///
/// - Parameters:
///   - estimator: The model.
///   - x: The features.
///   - y: The target.
///   - cv: The splitter (default `KFold(splitCount: 5)`).
///   - groups: Group ids for group splitters (default `nil`).
///   - trainSizes: The sizes (default five fractions from 0.1 to 1).
///   - scoring: The scorer (default the model's `score`, R²).
///   - parallel: Run the fits concurrently (default `true`).
///   - cancellation: Checked before each fit.
/// - Returns: The sizes and the training/test scores and fit times per size and split.
/// - Throws: `LearnError.invalidParameter` for sizes out of range; input, splitter, estimator
///   and scorer errors; `CancellationError`.
/// - Complexity: sizes × splits fits.
public func learningCurve<E: Regressor>(
  _ estimator: E, _ x: Matrix, _ y: [Double], cv: some Splitter = KFold(), groups: [Int]? = nil,
  trainSizes: TrainSizes = .default,
  scoring: @escaping CrossValidationScoring<E.Fitted, [Double]> = { try $0.score($1, $2) },
  parallel: Bool = true, cancellation: CancellationToken? = nil
) throws -> LearningCurve {
  try CurveEngine.learning(
    estimator, x: x, y: y, cv: cv, labels: nil, groups: groups, trainSizes: trainSizes,
    scoring: scoring, parallel: parallel, cancellation: cancellation)
}

/// Learning curve of a classifier (labels go to `cv`, default `StratifiedKFold(splitCount: 5)`
/// and accuracy).
///
/// scikit-learn: `learning_curve` with a classifier.
///
/// - Parameters:
///   - estimator: The model.
///   - x: The features.
///   - y: The labels.
///   - cv: The splitter (default `StratifiedKFold(splitCount: 5)`).
///   - groups: Group ids for group splitters (default `nil`).
///   - trainSizes: The sizes (default five fractions from 0.1 to 1).
///   - scoring: The scorer (default accuracy).
///   - parallel: Run the fits concurrently (default `true`).
///   - cancellation: Checked before each fit.
/// - Returns: The sizes and the scores per size and split.
/// - Throws: as the regressor version (a prefix with one class makes most classifiers throw).
/// - Complexity: sizes × splits fits.
public func learningCurve<E: Classifier>(
  _ estimator: E, _ x: Matrix, _ y: [E.Label], cv: some Splitter = StratifiedKFold(),
  groups: [Int]? = nil, trainSizes: TrainSizes = .default,
  scoring: @escaping CrossValidationScoring<E.Fitted, [E.Label]> = { try $0.score($1, $2) },
  parallel: Bool = true, cancellation: CancellationToken? = nil
) throws -> LearningCurve {
  try CurveEngine.learning(
    estimator, x: x, y: y, cv: cv, labels: SplitCodes.encode(y), groups: groups,
    trainSizes: trainSizes, scoring: scoring, parallel: parallel, cancellation: cancellation)
}

/// Validation curve of a regressor: training and test scores for each value of one
/// hyperparameter.
///
/// scikit-learn: `validation_curve(estimator, X, y, param_name=, param_range=, cv=5,
/// scoring=None)`, with a typed `HyperparameterPath` instead of the parameter name.
///
///     let alpha = HyperparameterPath(\Ridge.alpha, name: "alpha")
///     let curve = try validationCurve(Ridge(), x, y, path: alpha, values: [0.1, 1, 10])
///
/// - Parameters:
///   - estimator: The model.
///   - x: The features.
///   - y: The target.
///   - path: The hyperparameter.
///   - values: Its values (at least one).
///   - cv: The splitter (default `KFold(splitCount: 5)`).
///   - groups: Group ids for group splitters (default `nil`).
///   - scoring: The scorer (default R²).
///   - parallel: Run the fits concurrently (default `true`).
///   - cancellation: Checked before each fit.
/// - Returns: Training and test scores per value and split.
/// - Throws: `LearnError.invalidParameter` for no values; input, splitter, estimator and
///   scorer errors; `CancellationError`.
/// - Complexity: values × splits fits.
public func validationCurve<E: Regressor, V: Sendable>(
  _ estimator: E, _ x: Matrix, _ y: [Double], path: HyperparameterPath<E, V>, values: [V],
  cv: some Splitter = KFold(), groups: [Int]? = nil,
  scoring: @escaping CrossValidationScoring<E.Fitted, [Double]> = { try $0.score($1, $2) },
  parallel: Bool = true, cancellation: CancellationToken? = nil
) throws -> ValidationCurve {
  try CurveEngine.validation(
    estimator, x: x, y: y, path: path, values: values, cv: cv, labels: nil, groups: groups,
    scoring: scoring, parallel: parallel, cancellation: cancellation)
}

/// Validation curve of a classifier (labels go to `cv`, default
/// `StratifiedKFold(splitCount: 5)` and accuracy).
///
/// scikit-learn: `validation_curve` with a classifier.
///
/// - Parameters:
///   - estimator: The model.
///   - x: The features.
///   - y: The labels.
///   - path: The hyperparameter.
///   - values: Its values (at least one).
///   - cv: The splitter (default `StratifiedKFold(splitCount: 5)`).
///   - groups: Group ids for group splitters (default `nil`).
///   - scoring: The scorer (default accuracy).
///   - parallel: Run the fits concurrently (default `true`).
///   - cancellation: Checked before each fit.
/// - Returns: Training and test scores per value and split.
/// - Throws: as the regressor version.
/// - Complexity: values × splits fits.
public func validationCurve<E: Classifier, V: Sendable>(
  _ estimator: E, _ x: Matrix, _ y: [E.Label], path: HyperparameterPath<E, V>, values: [V],
  cv: some Splitter = StratifiedKFold(), groups: [Int]? = nil,
  scoring: @escaping CrossValidationScoring<E.Fitted, [E.Label]> = { try $0.score($1, $2) },
  parallel: Bool = true, cancellation: CancellationToken? = nil
) throws -> ValidationCurve {
  try CurveEngine.validation(
    estimator, x: x, y: y, path: path, values: values, cv: cv, labels: SplitCodes.encode(y),
    groups: groups, scoring: scoring, parallel: parallel, cancellation: cancellation)
}

import LinearAlgebra
import Metrics
import SwiftLearnCore

/// Scores a regressor by cross-validation: one test score per split.
///
/// For each split of `cv`, fits a copy of `estimator` on the training rows and scores it on
/// the test rows with `scoring` (default: the model's `score`, R²). Folds run in parallel with
/// `DispatchQueue.concurrentPerform` into pre-sized slots, so the scores are bit-identical to
/// `parallel: false`. Labels are not passed to `cv` (stratified splitters need a classifier);
/// `groups` are passed as given.
///
/// scikit-learn: `sklearn.model_selection.cross_val_score(estimator, X, y, groups=,
/// scoring=None, cv=5)`; the default `cv` is `KFold(splitCount: 5)` like scikit-learn's for
/// regressors.
///
///     let model = Pipeline(StandardScaler(), LinearRegression())
///     let scores = try crossValScore(model, x, y, cv: KFold(splitCount: 5))
///
/// - Parameters:
///   - estimator: The hyperparameters to fit on each training part (copied, never mutated).
///   - x: The features, one row per sample.
///   - y: The target, one value per row of `x`.
///   - cv: The splitter; default `KFold(splitCount: 5)`.
///   - groups: Group ids for group splitters, one per row; default `nil`.
///   - scoring: `(fitted, xTest, yTest) -> score`, greater is better; default `score` (R²).
///   - parallel: Run folds concurrently (default `true`); the result is the same either way.
///   - progress: Called as `progress(completed, total)` after each fold, from a worker thread;
///     calls are serialized and `completed` increases.
///   - cancellation: Checked before each fold starts; when cancelled the call throws
///     `CancellationError`.
/// - Throws: `LearnError.emptyInput` for no rows, `LearnError.lengthMismatch` for `y` or
///   `groups` of the wrong length, the splitter's errors, the estimator's and the scorer's
///   errors (the first by fold order), `CancellationError`.
/// - Complexity: the sum of `splitCount` fits and scorings, spread over the cores.
public func crossValScore<E: Regressor>(
  _ estimator: E, _ x: Matrix, _ y: [Double], cv: some Splitter = KFold(),
  groups: [Int]? = nil,
  scoring: @escaping CrossValidationScoring<E.Fitted, [Double]> = { try $0.score($1, $2) },
  parallel: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil,
  cancellation: CancellationToken? = nil
) throws -> [Double] {
  let splits = try CrossValidationEngine.prepare(
    x: x, y: y, cv: cv, labels: nil, groups: groups)
  let outcomes = try CrossValidationEngine.evaluate(
    estimator, x: x, y: y, splits: splits, scorers: [("score", scoring)],
    returnTrainScore: false, returnEstimator: false, parallel: parallel, progress: progress,
    cancellation: cancellation)
  return outcomes.map { $0.testScores[0] }
}

/// Scores a classifier by cross-validation: one test score per split.
///
/// As the regressor version, but the labels are passed to `cv` (so stratified splitters work)
/// and the default scoring is accuracy. The default `cv` is `StratifiedKFold(splitCount: 5)`,
/// scikit-learn's default for classifiers.
///
/// scikit-learn: `sklearn.model_selection.cross_val_score` with a classifier.
///
///     let scores = try crossValScore(DummyClassifier<String>(), x, labels)
///
/// - Throws: as the regressor version.
/// - Complexity: the sum of `splitCount` fits and scorings, spread over the cores.
public func crossValScore<E: Classifier>(
  _ estimator: E, _ x: Matrix, _ y: [E.Label], cv: some Splitter = StratifiedKFold(),
  groups: [Int]? = nil,
  scoring: @escaping CrossValidationScoring<E.Fitted, [E.Label]> = { try $0.score($1, $2) },
  parallel: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil,
  cancellation: CancellationToken? = nil
) throws -> [Double] {
  let splits = try CrossValidationEngine.prepare(
    x: x, y: y, cv: cv, labels: SplitCodes.encode(y), groups: groups)
  let outcomes = try CrossValidationEngine.evaluate(
    estimator, x: x, y: y, splits: splits, scorers: [("score", scoring)],
    returnTrainScore: false, returnEstimator: false, parallel: parallel, progress: progress,
    cancellation: cancellation)
  return outcomes.map { $0.testScores[0] }
}

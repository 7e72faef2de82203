import LinearAlgebra
import Metrics
import SwiftLearnCore

/// Cross-validates a regressor with several named scorers, optional training scores, timings
/// and the fitted models.
///
/// scikit-learn: `sklearn.model_selection.cross_validate(estimator, X, y, groups=,
/// scoring={name: scorer}, cv=5, return_train_score=False, return_estimator=False,
/// return_indices=True)`. `scoring` defaults to `["score": model.score]` (R²).
///
///     let result = try crossValidate(
///       model, x, y, cv: KFold(splitCount: 5),
///       scoring: ["r2": { try $0.score($1, $2) },
///                 "neg_mae": { -(try meanAbsoluteError(yTrue: $2, yPred: $0.predict($1))) }],
///       returnTrainScore: true)
///     result.testScores["r2"]
///
/// - Throws: as `crossValScore` for regressors,
///   and `LearnError.invalidParameter` when `scoring` is empty.
/// - Complexity: the sum of the fits and scorings, spread over the cores.
public func crossValidate<E: Regressor>(
  _ estimator: E, _ x: Matrix, _ y: [Double], cv: some Splitter = KFold(),
  groups: [Int]? = nil,
  scoring: [String: CrossValidationScoring<E.Fitted, [Double]>] = [
    "score": { try $0.score($1, $2) }
  ],
  returnTrainScore: Bool = false, returnEstimator: Bool = false, parallel: Bool = true,
  progress: (@Sendable (Int, Int) -> Void)? = nil, cancellation: CancellationToken? = nil
) throws -> CrossValidationResult<E.Fitted> {
  let scorers = try orderedScorers(scoring)
  let splits = try CrossValidationEngine.prepare(
    x: x, y: y, cv: cv, labels: nil, groups: groups)
  let outcomes = try CrossValidationEngine.evaluate(
    estimator, x: x, y: y, splits: splits, scorers: scorers,
    returnTrainScore: returnTrainScore, returnEstimator: returnEstimator, parallel: parallel,
    progress: progress, cancellation: cancellation)
  return CrossValidationEngine.result(
    outcomes, names: scorers.map(\.0), splits: splits, returnTrainScore: returnTrainScore,
    returnEstimator: returnEstimator)
}

/// Cross-validates a classifier with several named scorers, optional training scores, timings
/// and the fitted models; labels go to `cv`, default `StratifiedKFold(splitCount: 5)` and
/// accuracy.
///
/// scikit-learn: `sklearn.model_selection.cross_validate` with a classifier.
///
/// - Throws: as the regressor version.
/// - Complexity: the sum of the fits and scorings, spread over the cores.
public func crossValidate<E: Classifier>(
  _ estimator: E, _ x: Matrix, _ y: [E.Label], cv: some Splitter = StratifiedKFold(),
  groups: [Int]? = nil,
  scoring: [String: CrossValidationScoring<E.Fitted, [E.Label]>] = [
    "score": { try $0.score($1, $2) }
  ],
  returnTrainScore: Bool = false, returnEstimator: Bool = false, parallel: Bool = true,
  progress: (@Sendable (Int, Int) -> Void)? = nil, cancellation: CancellationToken? = nil
) throws -> CrossValidationResult<E.Fitted> {
  let scorers = try orderedScorers(scoring)
  let splits = try CrossValidationEngine.prepare(
    x: x, y: y, cv: cv, labels: SplitCodes.encode(y), groups: groups)
  let outcomes = try CrossValidationEngine.evaluate(
    estimator, x: x, y: y, splits: splits, scorers: scorers,
    returnTrainScore: returnTrainScore, returnEstimator: returnEstimator, parallel: parallel,
    progress: progress, cancellation: cancellation)
  return CrossValidationEngine.result(
    outcomes, names: scorers.map(\.0), splits: splits, returnTrainScore: returnTrainScore,
    returnEstimator: returnEstimator)
}

/// The scorers sorted by name (so runs are reproducible); at least one.
private func orderedScorers<S>(_ scoring: [String: S]) throws -> [(String, S)] {
  guard !scoring.isEmpty else {
    throw LearnError.invalidParameter(
      estimator: "cross_validate", name: "scoring", value: "[:]",
      expected: "at least one named scorer")
  }
  return scoring.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}

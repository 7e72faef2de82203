import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// Exhaustive search over a grid of hyperparameter values, scored by cross-validation.
///
/// Every combination of the axes' values is fitted on every split of `cv` and scored on the
/// split's test rows; the (candidate, split) fits run in parallel into pre-sized slots, so
/// the results do not depend on the thread count. The best candidate (highest mean test score,
/// the first on ties) is refitted on all the data.
///
/// scikit-learn: `GridSearchCV(estimator, param_grid, scoring=None, refit=True, cv=5,
/// return_train_score=False)`. Differences: parameters are typed ``SearchAxis`` values over key
/// paths, not `"step__param"` strings; the grid is the product of the axes in the order given
/// (the last axis varies fastest), where scikit-learn sorts the parameter names first; a fit or
/// scoring error stops the search and is rethrown (scikit-learn's `error_score="raise"`).
///
///     typealias Model = Pipeline<StandardScaler, Ridge>
///     let search = GridSearch(
///       Model(), axes: [SearchAxis(HyperparameterPath(\Model.last.alpha, name: "alpha"),
///                                  values: [0.1, 1, 10])],
///       cv: KFold(splitCount: 5))
///     let result = try search.fit(x, y)
///     print(result.results.text, result.bestParameters)
public struct GridSearch<E: SupervisedEstimator>: Sendable {
  /// The estimator whose hyperparameters are searched (copied for every candidate).
  public var estimator: E
  /// The axes of the grid; each needs a finite list of values or an integer range.
  public var axes: [SearchAxis<E>]
  /// The splitter; `nil` means `KFold(splitCount: 5)` for regressors and
  /// `StratifiedKFold(splitCount: 5)` for classifiers, as scikit-learn's `cv=5`.
  public var cv: (any Splitter)?
  /// `(fitted, xTest, yTest) -> score`, greater is better; `nil` means the model's `score`.
  public var scoring: CrossValidationScoring<E.Fitted, E.Target>?
  /// Refit the best candidate on all the data (default `true`).
  public var refit: Bool
  /// Also score the training rows of each split (default `false`).
  public var returnTrainScore: Bool
  /// Run the fits concurrently (default `true`); results are identical either way.
  public var parallel: Bool

  /// Creates a grid search.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to tune.
  ///   - axes: The grid axes.
  ///   - cv: The splitter (default `nil`: 5-fold, stratified for classifiers).
  ///   - scoring: The scorer (default `nil`: the model's `score`).
  ///   - refit: Refit the best candidate (default `true`).
  ///   - returnTrainScore: Record training scores (default `false`).
  ///   - parallel: Run the fits concurrently (default `true`).
  public init(
    _ estimator: E, axes: [SearchAxis<E>], cv: (any Splitter)? = nil,
    scoring: CrossValidationScoring<E.Fitted, E.Target>? = nil, refit: Bool = true,
    returnTrainScore: Bool = false, parallel: Bool = true
  ) {
    self.estimator = estimator
    self.axes = axes
    self.cv = cv
    self.scoring = scoring
    self.refit = refit
    self.returnTrainScore = returnTrainScore
    self.parallel = parallel
  }

  /// The candidates' points, after validating the axes.
  func points() throws -> [CandidatePoint] {
    try SearchEngine.validate(axes, estimator: "GridSearch", grid: true)
    return SearchEngine.grid(axes)
  }

  func run<T: Sendable>(
    _ x: Matrix, _ y: [T], labels: [Int]?, defaultCV: any Splitter, groups: [Int]?,
    scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    progress: (@Sendable (SearchProgress) -> Void)?, cancellation: CancellationToken?
  ) throws -> SearchResult<E> where E.Target == [T] {
    let points = try points()
    let splits = try SearchEngine.splits(
      x: x, y: y, cv: cv ?? defaultCV, labels: labels, groups: groups)
    let tracker = SearchTracker(total: points.count * splits.count, handler: progress)
    let outcomes = try SearchEngine.run(
      estimator: estimator, axes: axes, points: points, x: x, y: y, splits: splits,
      scoring: scoring, returnTrainScore: returnTrainScore, parallel: parallel,
      tracker: tracker, cancellation: cancellation)
    return try SearchEngine.finish(
      estimator: estimator, axes: axes, points: points, outcomes: outcomes, x: x, y: y,
      splitCount: splits.count, refit: refit, returnTrainScore: returnTrainScore)
  }
}

extension GridSearch where E: Regressor {
  /// Runs the search on a regression problem.
  ///
  /// - Parameters:
  ///   - x: The features, one row per sample.
  ///   - y: The target.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress`` (from a worker thread,
  ///     serialized, `completed` increasing).
  ///   - cancellation: Checked before each fit; when cancelled the call throws
  ///     `CancellationError`.
  /// - Returns: The results table, the best candidate and the refitted model.
  /// - Throws: `LearnError.invalidParameter` for no axes, an axis without values or with a
  ///   continuous distribution; `LearnError.emptyInput`, `LearnError.lengthMismatch`; the
  ///   splitter's errors (for example more splits than samples); the estimator's and scorer's
  ///   errors; `CancellationError`.
  /// - Complexity: candidates × splits fits (spread over the cores), plus one refit.
  public func fit(
    _ x: Matrix, _ y: [Double], groups: [Int]? = nil,
    progress: (@Sendable (SearchProgress) -> Void)? = nil, cancellation: CancellationToken? = nil
  ) throws -> SearchResult<E> {
    try run(
      x, y, labels: nil, defaultCV: KFold(), groups: groups,
      scoring: scoring ?? { try $0.score($1, $2) }, progress: progress,
      cancellation: cancellation)
  }
}

extension GridSearch where E: Classifier {
  /// Runs the search on a classification problem; labels go to `cv` (stratified splitters
  /// work) and the default scoring is accuracy.
  ///
  /// - Parameters:
  ///   - x: The features, one row per sample.
  ///   - y: The class labels.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: The results table, the best candidate and the refitted model.
  /// - Throws: as the regression version.
  /// - Complexity: candidates × splits fits (spread over the cores), plus one refit.
  public func fit(
    _ x: Matrix, _ y: [E.Label], groups: [Int]? = nil,
    progress: (@Sendable (SearchProgress) -> Void)? = nil, cancellation: CancellationToken? = nil
  ) throws -> SearchResult<E> {
    try run(
      x, y, labels: SplitCodes.encode(y), defaultCV: StratifiedKFold(), groups: groups,
      scoring: scoring ?? { try $0.score($1, $2) }, progress: progress,
      cancellation: cancellation)
  }
}

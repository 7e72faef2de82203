import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// Search over `iterationCount` hyperparameter settings drawn at random from the axes'
/// distributions, scored by cross-validation.
///
/// When every axis is a finite list or an integer range, settings are drawn from the grid
/// without replacement (and at most the whole grid is evaluated), as scikit-learn's
/// `ParameterSampler`; otherwise each axis is drawn independently. The same `seed` gives the
/// same candidates and the same results.
///
/// scikit-learn: `RandomizedSearchCV(estimator, param_distributions, n_iter=10, scoring=None,
/// refit=True, cv=5, random_state=None, return_train_score=False)`. The random draws differ
/// from numpy's (another generator), so candidates are not the same as scikit-learn's for a
/// given seed.
///
///     let search = RandomizedSearch(
///       Model(), axes: [.logUniform(HyperparameterPath(\Model.last.alpha, name: "alpha"), 1e-3...1e3)],
///       iterationCount: 20, seed: 0)
///     let result = try search.fit(x, y)
public struct RandomizedSearch<E: SupervisedEstimator>: Sendable {
  /// The estimator whose hyperparameters are searched.
  public var estimator: E
  /// The axes: lists of values, continuous or integer distributions.
  public var axes: [SearchAxis<E>]
  /// The number of settings to evaluate (`n_iter`, default 10); at least 1.
  public var iterationCount: Int
  /// The splitter; `nil` means 5-fold (stratified for classifiers).
  public var cv: (any Splitter)?
  /// The scorer; `nil` means the model's `score`.
  public var scoring: CrossValidationScoring<E.Fitted, E.Target>?
  /// Refit the best candidate on all the data (default `true`).
  public var refit: Bool
  /// Also score the training rows (default `false`).
  public var returnTrainScore: Bool
  /// Run the fits concurrently (default `true`).
  public var parallel: Bool
  /// The seed of the draws (`random_state`); `nil` draws one from the system.
  public var seed: UInt64?

  /// Creates a randomized search.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to tune.
  ///   - axes: The axes and their distributions.
  ///   - iterationCount: Settings to evaluate (default 10).
  ///   - cv: The splitter (default `nil`: 5-fold).
  ///   - scoring: The scorer (default `nil`: the model's `score`).
  ///   - refit: Refit the best candidate (default `true`).
  ///   - returnTrainScore: Record training scores (default `false`).
  ///   - parallel: Run the fits concurrently (default `true`).
  ///   - seed: The seed (default `nil`).
  public init(
    _ estimator: E, axes: [SearchAxis<E>], iterationCount: Int = 10, cv: (any Splitter)? = nil,
    scoring: CrossValidationScoring<E.Fitted, E.Target>? = nil, refit: Bool = true,
    returnTrainScore: Bool = false, parallel: Bool = true, seed: UInt64? = nil
  ) {
    self.estimator = estimator
    self.axes = axes
    self.iterationCount = iterationCount
    self.cv = cv
    self.scoring = scoring
    self.refit = refit
    self.returnTrainScore = returnTrainScore
    self.parallel = parallel
    self.seed = seed
  }

  /// The sampled candidates, after validating the settings.
  func points(seed: UInt64) throws -> [CandidatePoint] {
    guard iterationCount >= 1 else {
      throw LearnError.invalidParameter(
        estimator: "RandomizedSearch", name: "iterationCount", value: "\(iterationCount)",
        expected: "an integer >= 1")
    }
    try SearchEngine.validate(axes, estimator: "RandomizedSearch", grid: false)
    var rng = SeededGenerator(seed: seed)
    return SearchSampling.sample(axes, count: iterationCount, rng: &rng)
  }

  func run<T: Sendable>(
    _ x: Matrix, _ y: [T], labels: [Int]?, defaultCV: any Splitter, groups: [Int]?,
    scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    progress: (@Sendable (SearchProgress) -> Void)?, cancellation: CancellationToken?
  ) throws -> SearchResult<E> where E.Target == [T] {
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let points = try points(seed: seedUsed)
    let splits = try SearchEngine.splits(
      x: x, y: y, cv: cv ?? defaultCV, labels: labels, groups: groups)
    let tracker = SearchTracker(total: points.count * splits.count, handler: progress)
    let outcomes = try SearchEngine.run(
      estimator: estimator, axes: axes, points: points, x: x, y: y, splits: splits,
      scoring: scoring, returnTrainScore: returnTrainScore, parallel: parallel,
      tracker: tracker, cancellation: cancellation)
    return try SearchEngine.finish(
      estimator: estimator, axes: axes, points: points, outcomes: outcomes, x: x, y: y,
      splitCount: splits.count, refit: refit, returnTrainScore: returnTrainScore,
      seedUsed: seedUsed)
  }
}

/// Random draws of candidates shared by the randomized searches.
enum SearchSampling {
  /// `count` points: without replacement from the grid when every axis is finite, otherwise
  /// independent draws per axis.
  static func sample<Root>(
    _ axes: [SearchAxis<Root>], count: Int, rng: inout SeededGenerator
  ) -> [CandidatePoint] {
    let sizes = axes.map { $0.gridValues?.count }
    if sizes.allSatisfy({ $0 != nil }) {
      let lengths = sizes.map { $0 ?? 1 }
      var total = 1
      var overflow = false
      for l in lengths {
        let (p, o) = total.multipliedReportingOverflow(by: l)
        total = p
        overflow = overflow || o
      }
      if !overflow, total <= 1_000_000 {
        // Partial Fisher–Yates over the grid's flat indices.
        var order = Array(0..<total)
        let k = min(count, total)
        for i in 0..<k {
          let j = i + rng.nextInt(below: total - i)
          order.swapAt(i, j)
        }
        return order[0..<k].map { flat in
          var rest = flat
          var values = [Double](repeating: 0, count: axes.count)
          for a in stride(from: axes.count - 1, through: 0, by: -1) {
            let grid = axes[a].gridValues ?? [0]
            values[a] = grid[rest % lengths[a]]
            rest /= lengths[a]
          }
          return CandidatePoint(values: values)
        }
      }
    }
    return (0..<count).map { _ in CandidatePoint(values: axes.map { $0.sample(&rng) }) }
  }
}

extension RandomizedSearch where E: Regressor {
  /// Runs the search on a regression problem.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The target.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: The results table, the best candidate and the refitted model.
  /// - Throws: `LearnError.invalidParameter` for `iterationCount < 1`, no axes, an empty or
  ///   invalid axis; input, splitter, estimator and scorer errors; `CancellationError`.
  /// - Complexity: `iterationCount` × splits fits, plus one refit.
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

extension RandomizedSearch where E: Classifier {
  /// Runs the search on a classification problem (labels go to `cv`; default accuracy).
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The class labels.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: The results table, the best candidate and the refitted model.
  /// - Throws: as the regression version.
  /// - Complexity: `iterationCount` × splits fits, plus one refit.
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

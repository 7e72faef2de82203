import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// How many samples each candidate gets in the first halving iteration (scikit-learn's
/// `min_resources`).
public enum HalvingMinResources: Sendable, Hashable {
  /// Start as large as possible so the last iteration uses close to all the samples
  /// (`"exhaust"`, the grid version's default).
  case exhaust
  /// `2 × splits` samples (`× classes` for classifiers) (`"smallest"`, the random version's
  /// default).
  case smallest
  /// A given number of samples.
  case count(Int)
}

/// Successive-halving search over a grid: every candidate is evaluated on few samples, the
/// best `1/factor` go on to `factor` times more samples, until one iteration is left.
///
/// The resource is the number of training samples: at iteration `i` each split's training and
/// test rows are subsampled without replacement to `rᵢ / n` of their size, with
/// `rᵢ = minResources · factorⁱ`. The number of iterations is
/// `min(1 + ⌊log_factor(candidates)⌋, 1 + ⌊log_factor(maxResources / minResources)⌋)`
/// (aggressive elimination off), the best candidate is the best of the last iteration, and the
/// results table has one row per (iteration, candidate) with `iter` and `n_resources`.
///
/// scikit-learn: `HalvingGridSearchCV(estimator, param_grid, factor=3, resource="n_samples",
/// max_resources="auto", min_resources="exhaust", aggressive_elimination=False, cv=5,
/// refit=True, random_state=None)`. Subsamples are drawn with SwiftLearn's generator, so they
/// differ from scikit-learn's for the same seed.
public struct HalvingGridSearch<E: SupervisedEstimator>: Sendable {
  /// The estimator whose hyperparameters are searched.
  public var estimator: E
  /// The grid axes (finite lists or integer ranges).
  public var axes: [SearchAxis<E>]
  /// The elimination factor (default 3); greater than 1.
  public var factor: Double
  /// The first iteration's samples per candidate (default ``HalvingMinResources/exhaust``).
  public var minResources: HalvingMinResources
  /// The most samples a candidate may use; `nil` means all the samples (`"auto"`).
  public var maxResources: Int?
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
  /// The seed of the subsampling (default `nil`: drawn from the system).
  public var seed: UInt64?

  /// Creates a successive-halving grid search.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to tune.
  ///   - axes: The grid axes.
  ///   - factor: The elimination factor (default 3).
  ///   - minResources: The first iteration's resources (default `.exhaust`).
  ///   - maxResources: The maximum resources (default `nil`: all samples).
  ///   - cv: The splitter (default `nil`: 5-fold).
  ///   - scoring: The scorer (default `nil`: the model's `score`).
  ///   - refit: Refit the best candidate (default `true`).
  ///   - returnTrainScore: Record training scores (default `false`).
  ///   - parallel: Run the fits concurrently (default `true`).
  ///   - seed: The subsampling seed (default `nil`).
  public init(
    _ estimator: E, axes: [SearchAxis<E>], factor: Double = 3,
    minResources: HalvingMinResources = .exhaust, maxResources: Int? = nil,
    cv: (any Splitter)? = nil, scoring: CrossValidationScoring<E.Fitted, E.Target>? = nil,
    refit: Bool = true, returnTrainScore: Bool = false, parallel: Bool = true,
    seed: UInt64? = nil
  ) {
    self.estimator = estimator
    self.axes = axes
    self.factor = factor
    self.minResources = minResources
    self.maxResources = maxResources
    self.cv = cv
    self.scoring = scoring
    self.refit = refit
    self.returnTrainScore = returnTrainScore
    self.parallel = parallel
    self.seed = seed
  }

  var settings: HalvingSettings {
    HalvingSettings(
      name: "HalvingGridSearch", factor: factor, minResources: minResources,
      maxResources: maxResources, refit: refit, returnTrainScore: returnTrainScore,
      parallel: parallel, seed: seed)
  }
}

/// Successive-halving search over randomly drawn candidates.
///
/// As ``HalvingGridSearch``, but the first iteration's candidates are drawn from the axes'
/// distributions like ``RandomizedSearch``; by default as many as
/// `maxResources / minResources` (`n_candidates="exhaust"`).
///
/// scikit-learn: `HalvingRandomSearchCV(estimator, param_distributions,
/// n_candidates="exhaust", factor=3, resource="n_samples", max_resources="auto",
/// min_resources="smallest", aggressive_elimination=False, cv=5, refit=True,
/// random_state=None)`.
public struct HalvingRandomSearch<E: SupervisedEstimator>: Sendable {
  /// The estimator whose hyperparameters are searched.
  public var estimator: E
  /// The axes and their distributions.
  public var axes: [SearchAxis<E>]
  /// The first iteration's candidates; `nil` means `maxResources / minResources`
  /// (`"exhaust"`). At least 1 when given; `nil` cannot be combined with
  /// `minResources: .exhaust`.
  public var candidateCount: Int?
  /// The elimination factor (default 3); greater than 1.
  public var factor: Double
  /// The first iteration's samples per candidate (default ``HalvingMinResources/smallest``).
  public var minResources: HalvingMinResources
  /// The most samples a candidate may use; `nil` means all the samples (`"auto"`).
  public var maxResources: Int?
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
  /// The seed of the draws and the subsampling (default `nil`).
  public var seed: UInt64?

  /// Creates a successive-halving random search.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to tune.
  ///   - axes: The axes and their distributions.
  ///   - candidateCount: First-iteration candidates (default `nil`: exhaust).
  ///   - factor: The elimination factor (default 3).
  ///   - minResources: The first iteration's resources (default `.smallest`).
  ///   - maxResources: The maximum resources (default `nil`: all samples).
  ///   - cv: The splitter (default `nil`: 5-fold).
  ///   - scoring: The scorer (default `nil`: the model's `score`).
  ///   - refit: Refit the best candidate (default `true`).
  ///   - returnTrainScore: Record training scores (default `false`).
  ///   - parallel: Run the fits concurrently (default `true`).
  ///   - seed: The seed (default `nil`).
  public init(
    _ estimator: E, axes: [SearchAxis<E>], candidateCount: Int? = nil, factor: Double = 3,
    minResources: HalvingMinResources = .smallest, maxResources: Int? = nil,
    cv: (any Splitter)? = nil, scoring: CrossValidationScoring<E.Fitted, E.Target>? = nil,
    refit: Bool = true, returnTrainScore: Bool = false, parallel: Bool = true,
    seed: UInt64? = nil
  ) {
    self.estimator = estimator
    self.axes = axes
    self.candidateCount = candidateCount
    self.factor = factor
    self.minResources = minResources
    self.maxResources = maxResources
    self.cv = cv
    self.scoring = scoring
    self.refit = refit
    self.returnTrainScore = returnTrainScore
    self.parallel = parallel
    self.seed = seed
  }

  var settings: HalvingSettings {
    HalvingSettings(
      name: "HalvingRandomSearch", factor: factor, minResources: minResources,
      maxResources: maxResources, refit: refit, returnTrainScore: returnTrainScore,
      parallel: parallel, seed: seed)
  }
}

/// The settings both halving searches share.
struct HalvingSettings: Sendable {
  var name: String
  var factor: Double
  var minResources: HalvingMinResources
  var maxResources: Int?
  var refit: Bool
  var returnTrainScore: Bool
  var parallel: Bool
  var seed: UInt64?

  func fail(_ parameter: String, _ value: String, _ expected: String) -> LearnError {
    .invalidParameter(estimator: name, name: parameter, value: value, expected: expected)
  }

  /// `⌊log_factor(v)⌋` as Python's `floor(log(v, factor))`.
  func floorLog(_ v: Double) -> Int {
    Int((Foundation.log(v) / Foundation.log(factor)).rounded(.down))
  }

  /// The (min, max) resources before the exhaust adjustment.
  func resources(sampleCount: Int, splitCount: Int, classCount: Int?) throws -> (Int, Int) {
    guard factor.isFinite, factor > 1 else {
      throw fail("factor", "\(factor)", "a number > 1")
    }
    let maxR = maxResources ?? sampleCount
    guard maxR >= 1, maxR <= sampleCount else {
      throw fail("maxResources", "\(maxR)", "an integer in 1...\(sampleCount) (the sample count)")
    }
    var minR: Int
    switch minResources {
    case .exhaust, .smallest: minR = splitCount * 2 * (classCount ?? 1)
    case .count(let c):
      guard c >= 1 else { throw fail("minResources", "\(c)", "an integer >= 1") }
      minR = c
    }
    guard minR <= maxR else {
      throw fail(
        "minResources", "\(minR)", "at most maxResources (\(maxR)); min_resources_ is greater")
    }
    return (minR, maxR)
  }

  /// Runs the halving iterations from `points`.
  func run<E: SupervisedEstimator, T: Sendable>(
    estimator: E, axes: [SearchAxis<E>], points initial: [CandidatePoint], minR: Int, maxR: Int,
    x: Matrix, y: [T], splits: [Split], scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    progress: (@Sendable (SearchProgress) -> Void)?, cancellation: CancellationToken?
  ) throws -> SearchResult<E> where E.Target == [T] {
    var minR = minR
    let required = 1 + floorLog(Double(initial.count))
    if case .exhaust = minResources {
      minR = Swift.max(minR, Int(Double(maxR) / Foundation.pow(factor, Double(required - 1))))
    }
    let possible = 1 + floorLog(Double(maxR / Swift.max(minR, 1)))
    let iterations = Swift.max(1, Swift.min(possible, required))
    // Fits planned: candidates shrink by ⌈n / factor⌉ each iteration.
    var total = 0
    var n = initial.count
    for _ in 0..<iterations {
      total += n * splits.count
      n = Int((Double(n) / factor).rounded(.up))
    }
    let tracker = SearchTracker(total: total, handler: progress)
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let root = SeededGenerator(seed: seedUsed)
    var candidates = initial
    var allPoints: [CandidatePoint] = []
    var allOutcomes: [CandidateOutcome] = []
    var iterationOf: [Int] = []
    var resourcesOf: [Int] = []
    let sampleCount = x.rowCount
    for itr in 0..<iterations {
      let resources = Swift.min(Int(Foundation.pow(factor, Double(itr)) * Double(minR)), maxR)
      let fraction = Double(resources) / Double(sampleCount)
      let subSplits = splits.enumerated().map { f, split in
        var rng = root.child(itr * 10_000 + f)
        return Split(
          train: Self.subsample(split.train, fraction: fraction, rng: &rng),
          test: Self.subsample(split.test, fraction: fraction, rng: &rng))
      }
      let outcomes = try SearchEngine.run(
        estimator: estimator, axes: axes, points: candidates, x: x, y: y, splits: subSplits,
        scoring: scoring, returnTrainScore: returnTrainScore, parallel: parallel,
        tracker: tracker, cancellation: cancellation)
      allPoints += candidates
      allOutcomes += outcomes
      iterationOf += Array(repeating: itr, count: candidates.count)
      resourcesOf += Array(repeating: resources, count: candidates.count)
      // Keep the top ⌈n / factor⌉, in increasing score order (NaN first), as `_top_k`.
      let keep = Int((Double(candidates.count) / factor).rounded(.up))
      let means = outcomes.map { SearchResults.mean($0.test) }
      let order = means.indices.sorted { a, b in
        switch (means[a].isNaN, means[b].isNaN) {
        case (true, false): return true
        case (false, true): return false
        case (true, true): return a < b
        case (false, false): return means[a] < means[b] || (means[a] == means[b] && a < b)
        }
      }
      candidates = order.suffix(keep).map { candidates[$0] }
    }
    let lastIteration = iterationOf.last ?? 0
    let lastRows = iterationOf.indices.filter { iterationOf[$0] == lastIteration }
    return try SearchEngine.finish(
      estimator: estimator, axes: axes, points: allPoints, outcomes: allOutcomes, x: x, y: y,
      splitCount: splits.count, refit: refit, returnTrainScore: returnTrainScore,
      iteration: iterationOf, resourceCount: resourcesOf, bestAmong: lastRows,
      seedUsed: seedUsed)
  }

  /// `⌊fraction · n⌋` indices drawn without replacement (at least 1), in drawn order.
  static func subsample(_ indices: [Int], fraction: Double, rng: inout SeededGenerator) -> [Int] {
    let k = Swift.max(1, Swift.min(indices.count, Int(fraction * Double(indices.count))))
    guard k < indices.count else { return indices }
    var copy = indices
    for i in 0..<k {
      let j = i + rng.nextInt(below: copy.count - i)
      copy.swapAt(i, j)
    }
    return Array(copy[0..<k])
  }
}

extension HalvingGridSearch {
  func run<T: Sendable>(
    _ x: Matrix, _ y: [T], labels: [Int]?, defaultCV: any Splitter, groups: [Int]?,
    scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    progress: (@Sendable (SearchProgress) -> Void)?, cancellation: CancellationToken?
  ) throws -> SearchResult<E> where E.Target == [T] {
    try SearchEngine.validate(axes, estimator: settings.name, grid: true)
    let points = SearchEngine.grid(axes)
    let splits = try SearchEngine.splits(
      x: x, y: y, cv: cv ?? defaultCV, labels: labels, groups: groups)
    let (minR, maxR) = try settings.resources(
      sampleCount: x.rowCount, splitCount: splits.count,
      classCount: labels.map { Set($0).count })
    return try settings.run(
      estimator: estimator, axes: axes, points: points, minR: minR, maxR: maxR, x: x, y: y,
      splits: splits, scoring: scoring, progress: progress, cancellation: cancellation)
  }
}

extension HalvingRandomSearch {
  func run<T: Sendable>(
    _ x: Matrix, _ y: [T], labels: [Int]?, defaultCV: any Splitter, groups: [Int]?,
    scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    progress: (@Sendable (SearchProgress) -> Void)?, cancellation: CancellationToken?
  ) throws -> SearchResult<E> where E.Target == [T] {
    if let candidateCount, candidateCount < 1 {
      throw settings.fail("candidateCount", "\(candidateCount)", "an integer >= 1")
    }
    if candidateCount == nil, case .exhaust = minResources {
      throw settings.fail(
        "minResources", "exhaust",
        "not .exhaust when candidateCount is nil (exhaust): they cannot both be exhaust")
    }
    try SearchEngine.validate(axes, estimator: settings.name, grid: false)
    let splits = try SearchEngine.splits(
      x: x, y: y, cv: cv ?? defaultCV, labels: labels, groups: groups)
    let (minR, maxR) = try settings.resources(
      sampleCount: x.rowCount, splitCount: splits.count,
      classCount: labels.map { Set($0).count })
    let count = candidateCount ?? Swift.max(1, maxR / minR)
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    // Draw from a child stream so the subsampling seed is independent of the draws.
    var draws = SeededGenerator(seed: seedUsed).child(Int(Int32.max))
    let points = SearchSampling.sample(axes, count: count, rng: &draws)
    var s = settings
    s.seed = seedUsed
    return try s.run(
      estimator: estimator, axes: axes, points: points, minR: minR, maxR: maxR, x: x, y: y,
      splits: splits, scoring: scoring, progress: progress, cancellation: cancellation)
  }
}

extension HalvingGridSearch where E: Regressor {
  /// Runs the search on a regression problem.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The target.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: One results row per (iteration, candidate); the best of the last iteration.
  /// - Throws: `LearnError.invalidParameter` for invalid axes, `factor <= 1`,
  ///   `minResources > maxResources`; input, splitter, estimator, scorer errors;
  ///   `CancellationError`.
  /// - Complexity: about `candidates × splits × minResources × iterations` samples fitted.
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

extension HalvingGridSearch where E: Classifier {
  /// Runs the search on a classification problem (labels go to `cv`; default accuracy).
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The class labels.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: One results row per (iteration, candidate); the best of the last iteration.
  /// - Throws: as the regression version.
  /// - Complexity: as the regression version.
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

extension HalvingRandomSearch where E: Regressor {
  /// Runs the search on a regression problem.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The target.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: One results row per (iteration, candidate); the best of the last iteration.
  /// - Throws: as ``HalvingGridSearch``, and for `candidateCount < 1`.
  /// - Complexity: as ``HalvingGridSearch``.
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

extension HalvingRandomSearch where E: Classifier {
  /// Runs the search on a classification problem (labels go to `cv`; default accuracy).
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The class labels.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: One results row per (iteration, candidate); the best of the last iteration.
  /// - Throws: as the regression version.
  /// - Complexity: as ``HalvingGridSearch``.
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

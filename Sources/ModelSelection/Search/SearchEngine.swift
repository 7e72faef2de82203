import Foundation
import LinearAlgebra
import SwiftLearnCore

/// What one candidate produced on all splits.
struct CandidateOutcome: Sendable {
  var test: [Double]
  var train: [Double]
  var fitTimes: [Double]
  var scoreTimes: [Double]
}

/// Serializes progress reports and tracks the best fully evaluated candidate.
final class SearchTracker: @unchecked Sendable {
  private let lock = NSLock()
  private let start = DispatchTime.now().uptimeNanoseconds
  private let handler: (@Sendable (SearchProgress) -> Void)?
  private var completed = 0
  var total: Int
  private var bestScore: Double?
  private var bestParameters: [String: String]?

  init(total: Int, handler: (@Sendable (SearchProgress) -> Void)?) {
    self.total = total
    self.handler = handler
  }

  /// Records one finished fit; when `candidateMean` is given the candidate is complete.
  func fitDone(candidateMean: Double?, parameters: @autoclosure () -> [String: String]) {
    lock.lock()
    defer { lock.unlock() }
    completed += 1
    if let mean = candidateMean, !mean.isNaN, bestScore.map({ mean > $0 }) ?? true {
      bestScore = mean
      bestParameters = parameters()
    }
    guard let handler else { return }
    handler(
      SearchProgress(
        completed: completed, total: max(total, completed),
        elapsed: Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9,
        bestScore: bestScore, bestParameters: bestParameters))
  }
}

/// Per-candidate accumulation of fold scores for the tracker.
final class CandidateCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var remaining: [Int]
  private var scores: [[Double]]

  init(candidates: Int, splits: Int) {
    remaining = Array(repeating: splits, count: candidates)
    scores = Array(repeating: Array(repeating: 0, count: splits), count: candidates)
  }

  /// Stores a score; returns the candidate's mean when this was its last split.
  func record(candidate: Int, split: Int, score: Double) -> Double? {
    lock.lock()
    defer { lock.unlock() }
    scores[candidate][split] = score
    remaining[candidate] -= 1
    return remaining[candidate] == 0 ? SearchResults.mean(scores[candidate]) : nil
  }
}

/// The shared machinery of every search: splits, (candidate, split) evaluation, refit.
enum SearchEngine {
  /// The splits for `x`/`y`, after the common input checks.
  static func splits<T>(
    x: Matrix, y: [T], cv: any Splitter, labels: [Int]?, groups: [Int]?
  ) throws -> [Split] {
    try CrossValidationEngine.prepare(x: x, y: y, cv: cv, labels: labels, groups: groups)
  }

  /// Fits and scores every candidate on every split, in parallel over the pairs, into
  /// pre-sized slots.
  static func evaluate<E: SupervisedEstimator, T: Sendable>(
    _ candidates: [E], labels: [[String: String]], x: Matrix, y: [T], splits: [Split],
    scoring: @escaping CrossValidationScoring<E.Fitted, [T]>, returnTrainScore: Bool,
    parallel: Bool, tracker: SearchTracker, cancellation: CancellationToken?
  ) throws -> [CandidateOutcome] where E.Target == [T] {
    let s = splits.count
    // Slice each split once; every candidate shares the slices (read-only).
    let parts = try splits.map { split in
      (
        xTrain: try x.rows(split.train), yTrain: split.train.map { y[$0] },
        xTest: try x.rows(split.test), yTest: split.test.map { y[$0] }
      )
    }
    let counter = CandidateCounter(candidates: candidates.count, splits: s)
    let units = try FoldRunner.run(
      count: candidates.count * s, parallel: parallel, progress: nil, cancellation: cancellation
    ) { unit -> (test: Double, train: Double, fit: Double, score: Double) in
      let c = unit / s
      let f = unit % s
      let part = parts[f]
      let fitStart = DispatchTime.now().uptimeNanoseconds
      let fitted = try candidates[c].fit(part.xTrain, part.yTrain)
      let fitTime = CrossValidationEngine.seconds(since: fitStart)
      let scoreStart = DispatchTime.now().uptimeNanoseconds
      let test = try scoring(fitted, part.xTest, part.yTest)
      let scoreTime = CrossValidationEngine.seconds(since: scoreStart)
      let train = returnTrainScore ? try scoring(fitted, part.xTrain, part.yTrain) : .nan
      let mean = counter.record(candidate: c, split: f, score: test)
      tracker.fitDone(candidateMean: mean, parameters: labels[c])
      return (test, train, fitTime, scoreTime)
    }
    return (0..<candidates.count).map { c in
      let slice = units[(c * s)..<((c + 1) * s)]
      return CandidateOutcome(
        test: slice.map(\.test), train: slice.map(\.train), fitTimes: slice.map(\.fit),
        scoreTimes: slice.map(\.score))
    }
  }

  /// Fits the best candidate on all the data when asked.
  static func refit<E: SupervisedEstimator>(
    _ estimator: E, x: Matrix, y: E.Target, refit: Bool
  ) throws -> (E.Fitted?, Double) {
    guard refit else { return (nil, 0) }
    let start = DispatchTime.now().uptimeNanoseconds
    let fitted = try estimator.fit(x, y)
    return (fitted, CrossValidationEngine.seconds(since: start))
  }

  /// Validates the axes of a search.
  static func validate<Root>(
    _ axes: [SearchAxis<Root>], estimator: String, grid: Bool
  ) throws {
    guard !axes.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: grid ? "paramGrid" : "paramDistributions", value: "[]",
        expected: "at least one axis")
    }
    var seen = Set<String>()
    for axis in axes {
      try axis.validate(estimator: estimator)
      guard seen.insert(axis.name).inserted else {
        throw LearnError.invalidParameter(
          estimator: estimator, name: axis.name, value: "repeated axis",
          expected: "each hyperparameter name at most once")
      }
      if grid, axis.gridValues == nil {
        throw LearnError.invalidParameter(
          estimator: estimator, name: axis.name, value: "a continuous distribution",
          expected: "a finite list of values or an integer range for a grid")
      }
    }
  }

  /// Every combination of the axes' grid values, the last axis varying fastest (the order
  /// of `itertools.product`).
  static func grid<Root>(_ axes: [SearchAxis<Root>]) -> [CandidatePoint] {
    var points = [CandidatePoint(values: [])]
    for axis in axes {
      let values = axis.gridValues ?? []
      points = points.flatMap { p in values.map { CandidatePoint(values: p.values + [$0]) } }
    }
    return points
  }

  /// The labels of a point keyed by axis name.
  static func labelDictionary<Root>(_ axes: [SearchAxis<Root>], _ point: CandidatePoint)
    -> [String: String]
  {
    Dictionary(uniqueKeysWithValues: zip(axes.map(\.name), axes.labels(of: point)))
  }

  /// Evaluates `points` and returns the outcomes in order.
  static func run<E: SupervisedEstimator, T: Sendable>(
    estimator: E, axes: [SearchAxis<E>], points: [CandidatePoint], x: Matrix, y: [T],
    splits: [Split], scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    returnTrainScore: Bool, parallel: Bool, tracker: SearchTracker,
    cancellation: CancellationToken?
  ) throws -> [CandidateOutcome] where E.Target == [T] {
    let candidates = points.map { axes.configure(estimator, at: $0) }
    let labels = points.map { labelDictionary(axes, $0) }
    return try evaluate(
      candidates, labels: labels, x: x, y: y, splits: splits, scoring: scoring,
      returnTrainScore: returnTrainScore, parallel: parallel, tracker: tracker,
      cancellation: cancellation)
  }

  /// Assembles the results table and the best candidate of a plain (non-halving) search.
  static func finish<E: SupervisedEstimator, T: Sendable>(
    estimator: E, axes: [SearchAxis<E>], points: [CandidatePoint],
    outcomes: [CandidateOutcome], x: Matrix, y: [T], splitCount: Int, refit: Bool,
    returnTrainScore: Bool, iteration: [Int]? = nil, resourceCount: [Int]? = nil,
    bestAmong: [Int]? = nil, seedUsed: UInt64? = nil
  ) throws -> SearchResult<E> where E.Target == [T] {
    let table = SearchResults(
      parameterNames: axes.map(\.name), parameters: points.map { axes.labels(of: $0) },
      splitTestScores: outcomes.map(\.test),
      splitTrainScores: returnTrainScore ? outcomes.map(\.train) : nil,
      fitTimes: outcomes.map(\.fitTimes), scoreTimes: outcomes.map(\.scoreTimes),
      iteration: iteration, resourceCount: resourceCount)
    var best = table.bestIndex
    if let bestAmong, let first = bestAmong.first {
      // Halving: the best of the last iteration (`nanargmax`, first on ties).
      best = first
      for i in bestAmong where !table.meanTestScore[i].isNaN {
        if table.meanTestScore[best].isNaN || table.meanTestScore[i] > table.meanTestScore[best] {
          best = i
        }
      }
    }
    let bestCandidate = axes.configure(estimator, at: points[best])
    let (model, refitTime) = try self.refit(bestCandidate, x: x, y: y, refit: refit)
    return SearchResult(
      results: table, bestIndex: best, bestScore: table.meanTestScore[best],
      bestParameters: labelDictionary(axes, points[best]), bestCandidate: bestCandidate,
      bestModel: model, refitTime: refitTime, splitCount: splitCount,
      seedUsed: seedUsed)
  }
}

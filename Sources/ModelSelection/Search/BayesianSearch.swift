import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// Sequential model-based search with a tree-structured Parzen estimator (TPE), scored by
/// cross-validation.
///
/// The first `startupTrialCount` trials are drawn at random. After that, each trial splits the
/// trials so far into the best `γ(n) = min(⌈0.1·n⌉, 25)` ("below") and the rest ("above"),
/// fits per axis a Parzen window density to each group — truncated Gaussians on continuous and
/// integer axes (in log space for log-uniform axes), smoothed counts on categorical axes, each
/// with a prior component — draws `candidateCount` settings from the "below" density and
/// evaluates the one that maximizes `l(x) / g(x)`, the expected-improvement criterion of
/// Bergstra et al. (2011). This is Optuna's default `TPESampler` (univariate, with prior and
/// "magic clip" bandwidths). Each trial's splits run in parallel; trials run one after another
/// because each depends on the previous ones. The same `seed` gives the same trials.
///
/// scikit-learn has no Bayesian search; its users reach for Optuna's
/// `optuna.samplers.TPESampler(n_startup_trials=10, n_ei_candidates=24, seed=)`. The
/// interface is the same as ``RandomizedSearch``.
///
///     let search = BayesianSearch(
///       Model(), axes: [.logUniform(alpha, 1e-4...1e2), .integers(degree, 1...5)],
///       trialCount: 40, seed: 7)
///     let result = try search.fit(x, y)
public struct BayesianSearch<E: SupervisedEstimator>: Sendable {
  /// The estimator whose hyperparameters are searched.
  public var estimator: E
  /// The axes: categorical lists, continuous (linear or log) and integer ranges.
  public var axes: [SearchAxis<E>]
  /// The number of trials (the budget, default 50); at least 1.
  public var trialCount: Int
  /// Random trials before the TPE model is used (`n_startup_trials`, default 10); at least 1.
  public var startupTrialCount: Int
  /// Settings drawn from the "below" density per trial (`n_ei_candidates`, default 24).
  public var candidateCount: Int
  /// The weight of each density's prior component (`prior_weight`, default 1).
  public var priorWeight: Double
  /// The splitter; `nil` means 5-fold (stratified for classifiers).
  public var cv: (any Splitter)?
  /// The scorer; `nil` means the model's `score`.
  public var scoring: CrossValidationScoring<E.Fitted, E.Target>?
  /// Refit the best trial on all the data (default `true`).
  public var refit: Bool
  /// Also score the training rows (default `false`).
  public var returnTrainScore: Bool
  /// Run each trial's splits concurrently (default `true`).
  public var parallel: Bool
  /// The seed (default `nil`: drawn from the system).
  public var seed: UInt64?

  /// Creates a Bayesian (TPE) search.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to tune.
  ///   - axes: The axes and their domains.
  ///   - trialCount: The budget of trials (default 50).
  ///   - startupTrialCount: Random trials first (default 10).
  ///   - candidateCount: Candidates per TPE step (default 24).
  ///   - priorWeight: Weight of the prior component (default 1).
  ///   - cv: The splitter (default `nil`: 5-fold).
  ///   - scoring: The scorer (default `nil`: the model's `score`).
  ///   - refit: Refit the best trial (default `true`).
  ///   - returnTrainScore: Record training scores (default `false`).
  ///   - parallel: Run each trial's splits concurrently (default `true`).
  ///   - seed: The seed (default `nil`).
  public init(
    _ estimator: E, axes: [SearchAxis<E>], trialCount: Int = 50, startupTrialCount: Int = 10,
    candidateCount: Int = 24, priorWeight: Double = 1, cv: (any Splitter)? = nil,
    scoring: CrossValidationScoring<E.Fitted, E.Target>? = nil, refit: Bool = true,
    returnTrainScore: Bool = false, parallel: Bool = true, seed: UInt64? = nil
  ) {
    self.estimator = estimator
    self.axes = axes
    self.trialCount = trialCount
    self.startupTrialCount = startupTrialCount
    self.candidateCount = candidateCount
    self.priorWeight = priorWeight
    self.cv = cv
    self.scoring = scoring
    self.refit = refit
    self.returnTrainScore = returnTrainScore
    self.parallel = parallel
    self.seed = seed
  }

  func validate() throws {
    func bad(_ name: String, _ value: String, _ expected: String) -> LearnError {
      .invalidParameter(estimator: "BayesianSearch", name: name, value: value, expected: expected)
    }
    guard trialCount >= 1 else { throw bad("trialCount", "\(trialCount)", "an integer >= 1") }
    guard startupTrialCount >= 1 else {
      throw bad("startupTrialCount", "\(startupTrialCount)", "an integer >= 1")
    }
    guard candidateCount >= 1 else {
      throw bad("candidateCount", "\(candidateCount)", "an integer >= 1")
    }
    guard priorWeight.isFinite, priorWeight > 0 else {
      throw bad("priorWeight", "\(priorWeight)", "a finite number > 0")
    }
    try SearchEngine.validate(axes, estimator: "BayesianSearch", grid: false)
  }

  func run<T: Sendable>(
    _ x: Matrix, _ y: [T], labels: [Int]?, defaultCV: any Splitter, groups: [Int]?,
    scoring: @escaping CrossValidationScoring<E.Fitted, [T]>,
    progress: (@Sendable (SearchProgress) -> Void)?, cancellation: CancellationToken?
  ) throws -> SearchResult<E> where E.Target == [T] {
    try validate()
    let splits = try SearchEngine.splits(
      x: x, y: y, cv: cv ?? defaultCV, labels: labels, groups: groups)
    let tracker = SearchTracker(total: trialCount * splits.count, handler: progress)
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    var rng = SeededGenerator(seed: seedUsed)
    var points: [CandidatePoint] = []
    var outcomes: [CandidateOutcome] = []
    for trial in 0..<trialCount {
      let point: CandidatePoint
      if trial < startupTrialCount {
        point = CandidatePoint(values: axes.map { $0.sample(&rng) })
      } else {
        let means = outcomes.map { SearchResults.mean($0.test) }
        point = TreeParzen.propose(
          axes.map(\.domain), points: points, scores: means, candidateCount: candidateCount,
          priorWeight: priorWeight, rng: &rng)
      }
      let outcome = try SearchEngine.run(
        estimator: estimator, axes: axes, points: [point], x: x, y: y, splits: splits,
        scoring: scoring, returnTrainScore: returnTrainScore, parallel: parallel,
        tracker: tracker, cancellation: cancellation)
      points.append(point)
      outcomes += outcome
    }
    return try SearchEngine.finish(
      estimator: estimator, axes: axes, points: points, outcomes: outcomes, x: x, y: y,
      splitCount: splits.count, refit: refit, returnTrainScore: returnTrainScore,
      seedUsed: seedUsed)
  }
}

extension BayesianSearch where E: Regressor {
  /// Runs the search on a regression problem.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The target.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: The results table (one row per trial), the best trial and the refitted model.
  /// - Throws: `LearnError.invalidParameter` for a budget below 1 or invalid axes; input,
  ///   splitter, estimator and scorer errors; `CancellationError`.
  /// - Complexity: `trialCount` × splits fits plus O(trials² · axes · candidates) for the
  ///   densities.
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

extension BayesianSearch where E: Classifier {
  /// Runs the search on a classification problem (labels go to `cv`; default accuracy).
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The class labels.
  ///   - groups: Group ids for group splitters (default `nil`).
  ///   - progress: Called after each fit with ``SearchProgress``.
  ///   - cancellation: Checked before each fit.
  /// - Returns: The results table, the best trial and the refitted model.
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

/// The tree-structured Parzen estimator.
enum TreeParzen {
  /// Optuna's default split: the best `min(⌈0.1·n⌉, 25)` trials are "below".
  static func gamma(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

  /// Optuna's default observation weights: flat below 25 trials, else a ramp from `1/n` up to
  /// 1 for the oldest `n − 25` and flat 1 for the latest 25.
  static func weights(_ n: Int) -> [Double] {
    guard n >= 25 else { return Array(repeating: 1, count: n) }
    let ramp = n - 25
    var w: [Double] = []
    for i in 0..<ramp {
      w.append(
        ramp == 1
          ? 1.0 / Double(n) : 1.0 / Double(n) + (1 - 1.0 / Double(n)) * Double(i) / Double(ramp - 1)
      )
    }
    return w + Array(repeating: 1, count: 25)
  }

  /// A one-dimensional Parzen density on an axis (in the sampling space).
  struct Density {
    var mus: [Double] = []
    var sigmas: [Double] = []
    var weights: [Double] = []
    var low = 0.0
    var high = 1.0
    // Categorical: per-component category probabilities.
    var table: [[Double]] = []
    var categorical = false

    /// The density of one axis from observed values (in the sampling space).
    init(domain: AxisDomain, observed: [Double], priorWeight: Double) {
      let obsWeights = TreeParzen.weights(observed.count)
      switch domain {
      case .choice(let count):
        categorical = true
        let base = priorWeight / Double(count)
        for v in observed {
          var row = [Double](repeating: base, count: count)
          let c = Int(v)
          if c >= 0, c < count { row[c] += 1 }
          let s = row.reduce(0, +)
          table.append(row.map { $0 / s })
        }
        table.append([Double](repeating: 1 / Double(count), count: count))
        weights = obsWeights + [priorWeight]
      default:
        (low, high) = TreeParzen.bounds(domain)
        let n = observed.count
        let order = observed.indices.sorted { observed[$0] < observed[$1] }
        let sorted = order.map { observed[$0] }
        let ends = [low] + sorted + [high]
        var sortedSigmas = [Double](repeating: 0, count: n)
        for i in 0..<n {
          sortedSigmas[i] = max(ends[i + 1] - ends[i], ends[i + 2] - ends[i + 1])
        }
        if n >= 2 {
          // consider_endpoints=False: the extreme points look only inward.
          sortedSigmas[0] = ends[2] - ends[1]
          sortedSigmas[n - 1] = ends[n] - ends[n - 1]
        }
        let maxSigma = high - low
        let minSigma = (high - low) / min(100, 1 + Double(n))
        var sig = [Double](repeating: 0, count: n)
        for (k, i) in order.enumerated() {
          sig[i] = Swift.min(Swift.max(sortedSigmas[k], minSigma), maxSigma)
        }
        mus = observed + [0.5 * (low + high)]
        sigmas = sig + [high - low]
        weights = obsWeights + [priorWeight]
      }
      let total = weights.reduce(0, +)
      weights = weights.map { $0 / total }
    }

    /// Draws one value (sampling space).
    func sample(_ rng: inout SeededGenerator) -> Double {
      var u = rng.nextUniform()
      var k = weights.count - 1
      for (i, w) in weights.enumerated() {
        if u < w {
          k = i
          break
        }
        u -= w
      }
      if categorical {
        var v = rng.nextUniform()
        let row = table[k]
        for (c, p) in row.enumerated() {
          if v < p { return Double(c) }
          v -= p
        }
        return Double(row.count - 1)
      }
      for _ in 0..<100 {
        let z = mus[k] + sigmas[k] * rng.nextGaussian()
        if z >= low, z <= high { return z }
      }
      return Swift.min(Swift.max(mus[k], low), high)
    }

    /// The log density at `v` (sampling space).
    func logDensity(_ v: Double) -> Double {
      if categorical {
        let c = Int(v)
        var p = 0.0
        for (w, row) in zip(weights, table) where c >= 0 && c < row.count { p += w * row[c] }
        return Foundation.log(Swift.max(p, 1e-300))
      }
      var terms: [Double] = []
      terms.reserveCapacity(mus.count)
      for k in mus.indices {
        let s = sigmas[k]
        let z = (v - mus[k]) / s
        let mass =
          TreeParzen.normalCDF((high - mus[k]) / s) - TreeParzen.normalCDF((low - mus[k]) / s)
        terms.append(
          Foundation.log(weights[k]) - 0.5 * z * z
            - Foundation.log(s * (2 * Double.pi).squareRoot())
            - Foundation.log(Swift.max(mass, 1e-300)))
      }
      let m = terms.max() ?? 0
      return m + Foundation.log(terms.reduce(0) { $0 + Foundation.exp($1 - m) })
    }
  }

  static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// The sampling-space bounds of a numeric domain.
  static func bounds(_ domain: AxisDomain) -> (Double, Double) {
    switch domain {
    case .uniform(let low, let high): return (low, high)
    case .logUniform(let low, let high): return (Foundation.log(low), Foundation.log(high))
    case .integer(let low, let high): return (Double(low) - 0.5, Double(high) + 0.5)
    case .choice(let count): return (0, Double(count))
    }
  }

  /// An axis value mapped to the sampling space.
  static func toSpace(_ v: Double, _ domain: AxisDomain) -> Double {
    if case .logUniform = domain { return Foundation.log(v) }
    return v
  }

  /// A sampling-space value mapped back to the axis.
  static func fromSpace(_ u: Double, _ domain: AxisDomain) -> Double {
    switch domain {
    case .logUniform(let low, let high):
      return Swift.min(Swift.max(Foundation.exp(u), low), high)
    case .integer(let low, let high):
      return Swift.min(Swift.max(u.rounded(), Double(low)), Double(high))
    case .uniform, .choice: return u
    }
  }

  /// The next setting to try, given the trials so far (greater scores are better).
  static func propose(
    _ domains: [AxisDomain], points: [CandidatePoint], scores: [Double], candidateCount: Int,
    priorWeight: Double, rng: inout SeededGenerator
  ) -> CandidatePoint {
    let valid = scores.indices.filter { !scores[$0].isNaN }
    // Stable sort by score, best first; ties keep trial order.
    let ranked = valid.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    let nBelow = gamma(ranked.count)
    let below = Array(ranked.prefix(nBelow)).sorted()
    let above = Array(ranked.dropFirst(nBelow)).sorted()
    var lDensities: [Density] = []
    var gDensities: [Density] = []
    for (a, domain) in domains.enumerated() {
      let obsBelow = below.map { toSpace(points[$0].values[a], domain) }
      let obsAbove = above.map { toSpace(points[$0].values[a], domain) }
      lDensities.append(Density(domain: domain, observed: obsBelow, priorWeight: priorWeight))
      gDensities.append(Density(domain: domain, observed: obsAbove, priorWeight: priorWeight))
    }
    var best: [Double] = []
    var bestScore = -Double.infinity
    for _ in 0..<candidateCount {
      var u: [Double] = []
      var score = 0.0
      for a in domains.indices {
        let v = lDensities[a].sample(&rng)
        u.append(v)
        score += lDensities[a].logDensity(v) - gDensities[a].logDensity(v)
      }
      if best.isEmpty || score > bestScore {
        best = u
        bestScore = score
      }
    }
    return CandidatePoint(values: zip(best, domains).map { fromSpace($0, $1) })
  }
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Replaces the seed of a randomized estimator; other estimators are returned unchanged.
func reseeded<E>(_ estimator: E, _ seed: UInt64) -> E {
  guard var randomized = estimator as? any RandomizedEstimator else { return estimator }
  randomized.seed = seed
  return (randomized as? E) ?? estimator
}

/// The rows and columns one bagging member is trained on.
struct BaggingDraw: Sendable {
  var rows: [Int]
  var features: [Int]
  var inBag: [Bool]
}

/// Shared bagging hyperparameters and the per-member draw.
struct BaggingSettings: Sendable {
  var name: String
  var estimatorCount: Int
  var maxSamples: MaxSamples
  var maxFeatures: MaxFeatures
  var bootstrap: Bool
  var bootstrapFeatures: Bool
  var oobScore: Bool
  var threadCount: Int?

  func validate() throws {
    try Check.count(estimatorCount, atLeast: 1, estimator: name, name: "estimatorCount")
    switch maxSamples {
    case .count(let k): try Check.count(k, atLeast: 1, estimator: name, name: "maxSamples")
    case .fraction(let f):
      guard f > 0 && f <= 1 else {
        throw LearnError.invalidParameter(
          estimator: name, name: "maxSamples", value: "\(f)", expected: "a fraction in (0, 1]")
      }
    }
    try maxFeatures.validate(estimator: name)
    if oobScore && !bootstrap {
      throw LearnError.invalidParameter(
        estimator: name, name: "oobScore", value: "true",
        expected: "false unless bootstrap is true (out-of-bag rows exist only with bootstrap)")
    }
    if let threadCount {
      try Check.count(threadCount, atLeast: 1, estimator: name, name: "threadCount")
    }
  }

  var threads: Int { threadCount ?? ProcessInfo.processInfo.activeProcessorCount }

  func sizes(rowCount n: Int, featureCount d: Int) throws -> (rows: Int, features: Int) {
    let rows: Int
    switch maxSamples {
    case .count(let k): rows = k
    case .fraction(let f): rows = max(1, Int(f * Double(n)))
    }
    guard rows <= n || bootstrap else {
      throw LearnError.invalidParameter(
        estimator: name, name: "maxSamples", value: "\(rows)",
        expected: "at most the number of samples (\(n)) without bootstrap")
    }
    let features = maxFeatures.resolved(featureCount: d)
    guard features <= d else {
      throw LearnError.invalidParameter(
        estimator: name, name: "maxFeatures", value: "\(features)",
        expected: "at most the number of features (\(d))")
    }
    return (rows, features)
  }

  /// The draw of member `index`, from its own derived seed (the same for any thread count).
  func draw(
    seed: UInt64, index: Int, rowCount n: Int, featureCount d: Int, rows: Int, features: Int
  )
    -> BaggingDraw
  {
    var rng = SeededGenerator(seed: SeededGenerator.childSeed(of: seed, index: index))
    func pick(_ count: Int, of total: Int, replace: Bool) -> [Int] {
      if replace { return (0..<count).map { _ in rng.nextInt(below: total) } }
      var all = Array(0..<total)
      for i in 0..<min(count, total) { all.swapAt(i, i + rng.nextInt(below: total - i)) }
      return Array(all[0..<min(count, total)])
    }
    let chosenFeatures =
      features == d && !bootstrapFeatures
      ? Array(0..<d) : pick(features, of: d, replace: bootstrapFeatures).sorted()
    let chosenRows = pick(rows, of: n, replace: bootstrap)
    var inBag = [Bool](repeating: false, count: n)
    for r in chosenRows { inBag[r] = true }
    return BaggingDraw(rows: chosenRows, features: chosenFeatures, inBag: inBag)
  }
}

/// Fits `count` members in parallel; each slot depends only on its index.
func fitBaggingMembers<F: Sendable>(
  settings: BaggingSettings, seed: UInt64, x: Matrix,
  fit: @escaping @Sendable (Matrix, [Int], UInt64) throws -> F
) throws -> (members: [F], draws: [BaggingDraw]) {
  let n = x.rowCount
  let d = x.columnCount
  let sizes = try settings.sizes(rowCount: n, featureCount: d)
  let count = settings.estimatorCount
  let models = ParallelSlots<F>(count: count)
  let draws = ParallelSlots<BaggingDraw>(count: count)
  let errors = ParallelSlots<any Error>(count: count)
  parallelFor(count, threads: settings.threads) { i in
    let draw = settings.draw(
      seed: seed, index: i, rowCount: n, featureCount: d, rows: sizes.rows,
      features: sizes.features)
    draws.set(i, draw)
    do {
      let sub = try x.rows(draw.rows).columns(draw.features)
      let memberSeed = SeededGenerator.childSeed(of: seed, index: count + i)
      models.set(i, try fit(sub, draw.rows, memberSeed))
    } catch {
      errors.set(i, error)
    }
  }
  if let first = errors.items.compactMap({ $0 }).first { throw first }
  return (models.items.compactMap { $0 }, draws.items.compactMap { $0 })
}

/// A bagging ensemble of classifiers: each member is fitted on a random sample of rows (and
/// optionally of features), and predictions average the members' class probabilities.
///
/// scikit-learn equivalent: `sklearn.ensemble.BaggingClassifier`. Members are fitted in
/// parallel, each from its own seed derived from ``seed``, so the ensemble is bit-identical
/// for any ``threadCount``. A randomized base estimator gets a derived seed per member.
///
/// Defaults: `estimatorCount: 10`, `maxSamples: .fraction(1)`, `maxFeatures: .all`,
/// `bootstrap: true`, `bootstrapFeatures: false`, `oobScore: false`; the default base
/// estimator (`init()`) is a `DecisionTreeClassifier`.
///
/// ```swift
/// let bag = BaggingClassifier(estimator: DecisionTreeClassifier<String>(), seed: 0)
/// let model = try bag.fit(x, labels)
/// ```
public struct BaggingClassifier<Base: Classifier>: Classifier, RandomizedEstimator
where Base.Fitted: ProbabilisticClassifier {
  /// The labels are the base estimator's.
  public typealias Label = Base.Label

  /// The base estimator fitted on each sample (`estimator`).
  public var estimator: Base
  /// Number of members (`n_estimators`), `>= 1`.
  public var estimatorCount: Int
  /// Rows drawn per member (`max_samples`).
  public var maxSamples: MaxSamples
  /// Features drawn per member (`max_features`).
  public var maxFeatures: MaxFeatures
  /// Draw rows with replacement (`bootstrap`).
  public var bootstrap: Bool
  /// Draw features with replacement (`bootstrap_features`).
  public var bootstrapFeatures: Bool
  /// Compute the out-of-bag accuracy (`oob_score`); needs `bootstrap`.
  public var oobScore: Bool
  /// Worker threads; nil uses every core. The result does not depend on it.
  public var threadCount: Int?
  /// Seed (`random_state`).
  public var seed: UInt64?

  /// Creates a bagging classifier around `estimator`; the defaults are scikit-learn's.
  ///
  /// - Parameters:
  ///   - estimator: The base classifier.
  ///   - estimatorCount: Number of members.
  ///   - maxSamples: Rows per member.
  ///   - maxFeatures: Features per member.
  ///   - bootstrap: Rows with replacement.
  ///   - bootstrapFeatures: Features with replacement.
  ///   - oobScore: Compute the out-of-bag accuracy.
  ///   - threadCount: Worker threads.
  ///   - seed: Random seed; nil draws one.
  public init(
    estimator: Base, estimatorCount: Int = 10, maxSamples: MaxSamples = .fraction(1),
    maxFeatures: MaxFeatures = .all, bootstrap: Bool = true, bootstrapFeatures: Bool = false,
    oobScore: Bool = false, threadCount: Int? = nil, seed: UInt64? = nil
  ) {
    self.estimator = estimator
    self.estimatorCount = estimatorCount
    self.maxSamples = maxSamples
    self.maxFeatures = maxFeatures
    self.bootstrap = bootstrap
    self.bootstrapFeatures = bootstrapFeatures
    self.oobScore = oobScore
    self.threadCount = threadCount
    self.seed = seed
  }

  /// The changed hyperparameters, scikit-learn style.
  public var description: String {
    describeHyperparameters(of: self, defaults: Self(estimator: estimator))
  }

  /// Bagging is randomized; it takes what its base estimator takes.
  public static var capabilities: Capabilities {
    Capabilities(
      allowsMissingValues: Base.capabilities.allowsMissingValues, isDeterministic: false)
  }

  var settings: BaggingSettings {
    BaggingSettings(
      name: "BaggingClassifier", estimatorCount: estimatorCount, maxSamples: maxSamples,
      maxFeatures: maxFeatures, bootstrap: bootstrap, bootstrapFeatures: bootstrapFeatures,
      oobScore: oobScore, threadCount: threadCount)
  }

  /// Checks every hyperparameter and the base estimator's.
  ///
  /// - Throws: `LearnError.invalidParameter` naming the parameter.
  public func validateHyperparameters() throws {
    try settings.validate()
    try estimator.validateHyperparameters()
  }

  /// Fits the members.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Labels, at least two classes.
  /// - Returns: The fitted ensemble.
  /// - Throws: `LearnError.invalidParameter`, `.nonFinite`, `.emptyInput`, `.lengthMismatch`,
  ///   `.tooFewClasses`, or the base estimator's errors.
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: Base.capabilities.allowsMissingValues)
    try Validate.labels(y, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let base = estimator
    let (members, draws) = try fitBaggingMembers(settings: settings, seed: seedUsed, x: x) {
      sub, rows, memberSeed in
      try reseeded(base, memberSeed).fit(sub, rows.map { y[$0] })
    }
    var model = Fitted(
      featureCount: x.columnCount, encoding: encoding, members: members,
      featureSubsets: draws.map(\.features), seedUsed: seedUsed, oobScore: nil,
      threadCount: threadCount)
    if oobScore {
      let codes = try encoding.encode(y)
      var votes = [Double](repeating: 0, count: x.rowCount * encoding.classCount)
      for (m, draw) in draws.enumerated() {
        let out = (0..<x.rowCount).filter { !draw.inBag[$0] }
        guard !out.isEmpty else { continue }
        let p = try model.memberProbabilities(m, try x.rows(out))
        for (j, r) in out.enumerated() {
          for c in 0..<encoding.classCount { votes[r * encoding.classCount + c] += p[j][c] }
        }
      }
      var correct = 0
      for i in 0..<x.rowCount {
        var best = 0
        for c in 1..<encoding.classCount
        where votes[i * encoding.classCount + c] > votes[i * encoding.classCount + best] {
          best = c
        }
        if best == codes[i] { correct += 1 }
      }
      model.oobScore = Double(correct) / Double(x.rowCount)
    }
    return model
  }

  /// A fitted bagging classifier.
  public struct Fitted: ProbabilisticClassifier {
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// The fitted members (`estimators_`).
    public let members: [Base.Fitted]
    /// The feature columns each member was trained on (`estimators_features_`).
    public let featureSubsets: [[Int]]
    /// The seed the fit used.
    public let seedUsed: UInt64
    /// The out-of-bag accuracy (`oob_score_`), when requested.
    public internal(set) var oobScore: Double?
    /// Threads for prediction; nil uses every core.
    public var threadCount: Int?

    /// The sorted training classes (`classes_`).
    public var classes: [Label] { encoding.classes }

    func memberProbabilities(_ m: Int, _ x: Matrix) throws -> [[Double]] {
      guard m < members.count, m < featureSubsets.count else {
        throw LearnError.corruptModelFile(reason: "bagging members and feature subsets differ")
      }
      let member = members[m]
      let p = try member.predictProbabilities(x.columns(featureSubsets[m]))
      let k = encoding.classCount
      let mapping = member.classes.map { encoding.code(of: $0) ?? -1 }
      var out = [[Double]](repeating: [Double](repeating: 0, count: k), count: x.rowCount)
      p.withUnsafeStorage { s in
        let w = p.columnCount
        for i in 0..<x.rowCount {
          for (j, c) in mapping.enumerated() where c >= 0 && j < w { out[i][c] = s[i * w + j] }
        }
      }
      return out
    }

    /// The mean of the members' class probabilities (`predict_proba`).
    ///
    /// - Parameter x: Rows to score, with ``featureCount`` columns.
    /// - Returns: An `n × classCount` matrix.
    /// - Throws: `LearnError.featureCountMismatch`, `.nonFinite`, `.emptyInput`.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(
        x, featureCount: featureCount, allowNaN: Base.capabilities.allowsMissingValues)
      let k = encoding.classCount
      var sum = [Double](repeating: 0, count: x.rowCount * k)
      for m in 0..<members.count {
        let p = try memberProbabilities(m, x)
        for i in 0..<x.rowCount { for c in 0..<k { sum[i * k + c] += p[i][c] } }
      }
      let scale = 1 / Double(max(members.count, 1))
      return try Matrix(rowCount: x.rowCount, columnCount: k, storage: sum.map { $0 * scale })
    }

    /// The class with the highest mean probability.
    ///
    /// - Parameter x: Rows to classify.
    /// - Returns: One label per row.
    /// - Throws: As ``predictProbabilities(_:)``.
    public func predict(_ x: Matrix) throws -> [Label] {
      let p = try predictProbabilities(x)
      let k = p.columnCount
      var codes = [Int](repeating: 0, count: p.rowCount)
      p.withUnsafeStorage { s in
        for i in 0..<p.rowCount {
          var best = 0
          for c in 1..<k where s[i * k + c] > s[i * k + best] { best = c }
          codes[i] = best
        }
      }
      return try encoding.decode(codes)
    }
  }
}

extension BaggingClassifier: DefaultInitializable
where Base: DefaultInitializable {
  /// Bagging around the base estimator's defaults.
  public init() { self.init(estimator: Base()) }
}

/// A bagging ensemble of regressors: each member is fitted on a random sample of rows (and
/// optionally of features); predictions are the members' mean.
///
/// scikit-learn equivalent: `sklearn.ensemble.BaggingRegressor`. Members are fitted in
/// parallel from per-member derived seeds, so the result is the same for any thread count.
///
/// Defaults: `estimatorCount: 10`, `maxSamples: .fraction(1)`, `maxFeatures: .all`,
/// `bootstrap: true`, `bootstrapFeatures: false`, `oobScore: false`.
public struct BaggingRegressor<Base: Regressor>: Regressor, RandomizedEstimator {
  /// The base estimator fitted on each sample (`estimator`).
  public var estimator: Base
  /// Number of members (`n_estimators`), `>= 1`.
  public var estimatorCount: Int
  /// Rows drawn per member (`max_samples`).
  public var maxSamples: MaxSamples
  /// Features drawn per member (`max_features`).
  public var maxFeatures: MaxFeatures
  /// Draw rows with replacement (`bootstrap`).
  public var bootstrap: Bool
  /// Draw features with replacement (`bootstrap_features`).
  public var bootstrapFeatures: Bool
  /// Compute the out-of-bag R² (`oob_score`); needs `bootstrap`.
  public var oobScore: Bool
  /// Worker threads; nil uses every core. The result does not depend on it.
  public var threadCount: Int?
  /// Seed (`random_state`).
  public var seed: UInt64?

  /// Creates a bagging regressor around `estimator`; the defaults are scikit-learn's.
  ///
  /// - Parameters:
  ///   - estimator: The base regressor.
  ///   - estimatorCount: Number of members.
  ///   - maxSamples: Rows per member.
  ///   - maxFeatures: Features per member.
  ///   - bootstrap: Rows with replacement.
  ///   - bootstrapFeatures: Features with replacement.
  ///   - oobScore: Compute the out-of-bag R².
  ///   - threadCount: Worker threads.
  ///   - seed: Random seed; nil draws one.
  public init(
    estimator: Base, estimatorCount: Int = 10, maxSamples: MaxSamples = .fraction(1),
    maxFeatures: MaxFeatures = .all, bootstrap: Bool = true, bootstrapFeatures: Bool = false,
    oobScore: Bool = false, threadCount: Int? = nil, seed: UInt64? = nil
  ) {
    self.estimator = estimator
    self.estimatorCount = estimatorCount
    self.maxSamples = maxSamples
    self.maxFeatures = maxFeatures
    self.bootstrap = bootstrap
    self.bootstrapFeatures = bootstrapFeatures
    self.oobScore = oobScore
    self.threadCount = threadCount
    self.seed = seed
  }

  /// The changed hyperparameters, scikit-learn style.
  public var description: String {
    describeHyperparameters(of: self, defaults: Self(estimator: estimator))
  }

  /// Bagging is randomized; it takes what its base estimator takes.
  public static var capabilities: Capabilities {
    Capabilities(
      allowsMissingValues: Base.capabilities.allowsMissingValues, isDeterministic: false)
  }

  var settings: BaggingSettings {
    BaggingSettings(
      name: "BaggingRegressor", estimatorCount: estimatorCount, maxSamples: maxSamples,
      maxFeatures: maxFeatures, bootstrap: bootstrap, bootstrapFeatures: bootstrapFeatures,
      oobScore: oobScore, threadCount: threadCount)
  }

  /// Checks every hyperparameter and the base estimator's.
  ///
  /// - Throws: `LearnError.invalidParameter` naming the parameter.
  public func validateHyperparameters() throws {
    try settings.validate()
    try estimator.validateHyperparameters()
  }

  /// Fits the members.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Targets.
  /// - Returns: The fitted ensemble.
  /// - Throws: `LearnError.invalidParameter`, `.nonFinite`, `.emptyInput`, `.lengthMismatch`,
  ///   or the base estimator's errors.
  public func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: Base.capabilities.allowsMissingValues)
    try Validate.target(y, sampleCount: x.rowCount)
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let base = estimator
    let (members, draws) = try fitBaggingMembers(settings: settings, seed: seedUsed, x: x) {
      sub, rows, memberSeed in
      try reseeded(base, memberSeed).fit(sub, rows.map { y[$0] })
    }
    var model = Fitted(
      featureCount: x.columnCount, members: members, featureSubsets: draws.map(\.features),
      seedUsed: seedUsed, oobScore: nil)
    if oobScore {
      var sum = [Double](repeating: 0, count: x.rowCount)
      var count = [Double](repeating: 0, count: x.rowCount)
      for (m, draw) in draws.enumerated() {
        let out = (0..<x.rowCount).filter { !draw.inBag[$0] }
        guard !out.isEmpty else { continue }
        let p = try members[m].predict(x.rows(out).columns(draw.features))
        for (j, r) in out.enumerated() {
          sum[r] += p[j]
          count[r] += 1
        }
      }
      let rows = (0..<x.rowCount).filter { count[$0] > 0 }
      let mean = y.reduce(0, +) / Double(y.count)
      var residual = 0.0
      var spread = 0.0
      for r in rows {
        let p = sum[r] / count[r]
        residual += (y[r] - p) * (y[r] - p)
        spread += (y[r] - mean) * (y[r] - mean)
      }
      model.oobScore = spread > 0 ? 1 - residual / spread : 0
    }
    return model
  }

  /// A fitted bagging regressor.
  public struct Fitted: FittedRegressor {
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The fitted members (`estimators_`).
    public let members: [Base.Fitted]
    /// The feature columns each member was trained on (`estimators_features_`).
    public let featureSubsets: [[Int]]
    /// The seed the fit used.
    public let seedUsed: UInt64
    /// The out-of-bag R² (`oob_score_`), when requested.
    public internal(set) var oobScore: Double?

    /// The mean of the members' predictions.
    ///
    /// - Parameter x: Rows to predict, with ``featureCount`` columns.
    /// - Returns: One prediction per row.
    /// - Throws: `LearnError.featureCountMismatch`, `.nonFinite`, `.emptyInput`.
    public func predict(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(
        x, featureCount: featureCount, allowNaN: Base.capabilities.allowsMissingValues)
      guard members.count == featureSubsets.count else {
        throw LearnError.corruptModelFile(reason: "bagging members and feature subsets differ")
      }
      var sum = [Double](repeating: 0, count: x.rowCount)
      for (m, member) in members.enumerated() {
        let p = try member.predict(x.columns(featureSubsets[m]))
        for i in 0..<x.rowCount { sum[i] += p[i] }
      }
      let scale = 1 / Double(max(members.count, 1))
      return sum.map { $0 * scale }
    }
  }
}

extension BaggingRegressor: DefaultInitializable where Base: DefaultInitializable {
  /// Bagging around the base estimator's defaults.
  public init() { self.init(estimator: Base()) }
}

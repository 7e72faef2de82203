import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Fits type-erased members in parallel (each member independent, so any thread count gives
/// the same models).
func fitEnsembleMembers<F: Sendable>(
  _ count: Int, threads: Int?, _ fit: @escaping @Sendable (Int) throws -> F
) throws -> [F] {
  let slots = ParallelSlots<F>(count: count)
  let errors = ParallelSlots<any Error>(count: count)
  parallelFor(count, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount) { i in
    do { slots.set(i, try fit(i)) } catch { errors.set(i, error) }
  }
  if let first = errors.items.compactMap({ $0 }).first { throw first }
  return slots.items.compactMap { $0 }
}

func checkVotingSettings(name: String, count: Int, weights: [Double]?) throws {
  guard count >= 1 else {
    throw LearnError.invalidParameter(
      estimator: name, name: "estimators", value: "[]", expected: "at least one estimator")
  }
  if let weights {
    guard weights.count == count else {
      throw LearnError.invalidParameter(
        estimator: name, name: "weights", value: "\(weights.count) weights",
        expected: "one weight per estimator (\(count))")
    }
    guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }), weights.contains(where: { $0 > 0 })
    else {
      throw LearnError.invalidParameter(
        estimator: name, name: "weights", value: "\(weights)",
        expected: "finite non-negative weights, not all zero")
    }
  }
}

/// How a ``VotingClassifier`` combines its members (scikit-learn's `voting`).
public enum VotingKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// The weighted majority of the predicted labels.
  case hard
  /// The class with the highest weighted mean probability.
  case soft
}

/// Combines different classifiers by a weighted vote of their labels or probabilities.
///
/// scikit-learn equivalent: `sklearn.ensemble.VotingClassifier`. Members are wrapped in
/// ``EnsembleMemberClassifier`` so the list can mix model types; they are fitted in parallel. The
/// fitted ensemble saves and loads like any model: each member is stored with its type name
/// (see ``ErasedModelTypes``).
///
/// Defaults: `voting: .hard`, equal weights.
///
/// ```swift
/// let vote = VotingClassifier<Int>(
///   estimators: [EnsembleMemberClassifier(DecisionTreeClassifier(maxDepth: 5)),
///                EnsembleMemberClassifier(RandomForestClassifier())], voting: .soft)
/// ```
public struct VotingClassifier<Label: ClassLabel>: Classifier, DefaultInitializable {
  /// The members (`estimators`).
  public var estimators: [EnsembleMemberClassifier<Label>]
  /// Hard or soft voting (`voting`).
  public var voting: VotingKind
  /// One non-negative weight per member (`weights`); nil weighs them equally.
  public var weights: [Double]?
  /// Threads for fitting the members; nil uses every core.
  public var threadCount: Int?

  /// Creates a voting classifier.
  ///
  /// - Parameters:
  ///   - estimators: The members.
  ///   - voting: Hard or soft voting.
  ///   - weights: One weight per member; nil for equal weights.
  ///   - threadCount: Threads for fitting; nil uses every core.
  public init(
    estimators: [EnsembleMemberClassifier<Label>], voting: VotingKind = .hard,
    weights: [Double]? = nil,
    threadCount: Int? = nil
  ) {
    self.estimators = estimators
    self.voting = voting
    self.weights = weights
    self.threadCount = threadCount
  }

  /// A voting classifier without members (fitting it throws naming `estimators`).
  public init() { self.init(estimators: []) }

  /// What the ensemble accepts depends on its members.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false)
  }

  /// Checks the settings and every member's.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `estimators`, `weights` or a member's
  ///   parameter.
  public func validateHyperparameters() throws {
    try checkVotingSettings(name: "VotingClassifier", count: estimators.count, weights: weights)
    for e in estimators { try e.validateHyperparameters() }
  }

  /// Fits every member on the same data.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Labels, at least two classes.
  /// - Returns: The fitted ensemble.
  /// - Throws: `LearnError.invalidParameter`, `.tooFewClasses`, input errors, or a member's
  ///   errors (soft voting with a member without probabilities: `.unsupportedInput`).
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.labels(y, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let members = estimators
    let fitted = try fitEnsembleMembers(members.count, threads: threadCount) { i in
      try members[i].fit(x, y)
    }
    if voting == .soft, let bad = fitted.first(where: { !$0.hasProbabilities }) {
      throw LearnError.unsupportedInput(
        input: "estimators",
        reason: "soft voting needs probabilities; \(type(of: bad.base)) has none")
    }
    return Fitted(
      featureCount: x.columnCount, encoding: encoding, members: fitted, voting: voting,
      weights: weights ?? [Double](repeating: 1, count: fitted.count))
  }

  /// A fitted voting classifier.
  public struct Fitted: ProbabilisticClassifier {
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// The fitted members (`estimators_`).
    public let members: [EnsembleFittedClassifier<Label>]
    /// Hard or soft voting.
    public let voting: VotingKind
    /// The member weights.
    public let weights: [Double]

    /// The sorted training classes (`classes_`).
    public var classes: [Label] { encoding.classes }

    /// The weighted mean of the members' probabilities (`predict_proba`; soft voting only).
    ///
    /// - Parameter x: Rows to score.
    /// - Returns: An `n × classCount` matrix.
    /// - Throws: `LearnError.unsupportedInput` for hard voting; input errors.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      guard voting == .soft else {
        throw LearnError.unsupportedInput(
          input: "voting", reason: "probabilities need voting: .soft")
      }
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let k = encoding.classCount
      var sum = [Double](repeating: 0, count: x.rowCount * k)
      let total = weights.reduce(0, +)
      for (member, w) in zip(members, weights) {
        let p = try member.predictProbabilities(x)
        let mapping = member.classes.map { encoding.code(of: $0) ?? -1 }
        let width = p.columnCount
        p.withUnsafeStorage { s in
          for i in 0..<x.rowCount {
            for (j, c) in mapping.enumerated() where c >= 0 && j < width {
              sum[i * k + c] += w * s[i * width + j]
            }
          }
        }
      }
      return try Matrix(
        rowCount: x.rowCount, columnCount: k, storage: sum.map { $0 / max(total, 1e-300) })
    }

    /// The voted class of each row (ties go to the first class in ``classes`` order).
    ///
    /// - Parameter x: Rows to classify.
    /// - Returns: One label per row.
    /// - Throws: Input errors or a member's errors.
    public func predict(_ x: Matrix) throws -> [Label] {
      let k = encoding.classCount
      var scores = [Double](repeating: 0, count: x.rowCount * k)
      if voting == .soft {
        scores = try predictProbabilities(x).storage
      } else {
        try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
        for (member, w) in zip(members, weights) {
          let labels = try member.predict(x)
          for i in 0..<x.rowCount {
            if let c = encoding.code(of: labels[i]) { scores[i * k + c] += w }
          }
        }
      }
      var codes = [Int](repeating: 0, count: x.rowCount)
      for i in 0..<x.rowCount {
        var best = 0
        for c in 1..<k where scores[i * k + c] > scores[i * k + best] { best = c }
        codes[i] = best
      }
      return try encoding.decode(codes)
    }
  }
}

/// Averages the predictions of different regressors, optionally weighted.
///
/// scikit-learn equivalent: `sklearn.ensemble.VotingRegressor`. Members are wrapped in
/// ``EnsembleMemberRegressor``; they are fitted in parallel; the fitted ensemble saves and loads with
/// each member's type name (see ``ErasedModelTypes``).
///
/// ```swift
/// let vote = VotingRegressor(estimators: [EnsembleMemberRegressor(Ridge()), EnsembleMemberRegressor(DecisionTreeRegressor())])
/// ```
public struct VotingRegressor: Regressor, DefaultInitializable {
  /// The members (`estimators`).
  public var estimators: [EnsembleMemberRegressor]
  /// One non-negative weight per member (`weights`); nil weighs them equally.
  public var weights: [Double]?
  /// Threads for fitting the members; nil uses every core.
  public var threadCount: Int?

  /// Creates a voting regressor.
  ///
  /// - Parameters:
  ///   - estimators: The members.
  ///   - weights: One weight per member; nil for equal weights.
  ///   - threadCount: Threads for fitting; nil uses every core.
  public init(
    estimators: [EnsembleMemberRegressor], weights: [Double]? = nil, threadCount: Int? = nil
  ) {
    self.estimators = estimators
    self.weights = weights
    self.threadCount = threadCount
  }

  /// A voting regressor without members (fitting it throws naming `estimators`).
  public init() { self.init(estimators: []) }

  /// What the ensemble accepts depends on its members.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false)
  }

  /// Checks the settings and every member's.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `estimators`, `weights` or a member's
  ///   parameter.
  public func validateHyperparameters() throws {
    try checkVotingSettings(name: "VotingRegressor", count: estimators.count, weights: weights)
    for e in estimators { try e.validateHyperparameters() }
  }

  /// Fits every member on the same data.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Targets.
  /// - Returns: The fitted ensemble.
  /// - Throws: `LearnError.invalidParameter`, input errors, or a member's errors.
  public func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.target(y, sampleCount: x.rowCount)
    let members = estimators
    let fitted = try fitEnsembleMembers(members.count, threads: threadCount) { i in
      try members[i].fit(x, y)
    }
    return Fitted(
      featureCount: x.columnCount, members: fitted,
      weights: weights ?? [Double](repeating: 1, count: fitted.count))
  }

  /// A fitted voting regressor.
  public struct Fitted: FittedRegressor {
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The fitted members (`estimators_`).
    public let members: [EnsembleFittedRegressor]
    /// The member weights.
    public let weights: [Double]

    /// The weighted mean of the members' predictions.
    ///
    /// - Parameter x: Rows to predict.
    /// - Returns: One prediction per row.
    /// - Throws: Input errors or a member's errors.
    public func predict(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      var sum = [Double](repeating: 0, count: x.rowCount)
      let total = weights.reduce(0, +)
      for (member, w) in zip(members, weights) {
        let p = try member.predict(x)
        for i in 0..<x.rowCount { sum[i] += w * p[i] }
      }
      return sum.map { $0 / max(total, 1e-300) }
    }
  }
}

import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// A rate of a binary confusion matrix, for threshold constraints.
public enum BinaryRate: String, Sendable, Hashable, Codable, CaseIterable {
  /// `TP / (TP + FP)`; 1 when nothing is predicted positive (as scikit-learn's
  /// `zero_division=1` would; here the convention keeps curves monotone).
  case precision
  /// `TP / (TP + FN)`, the true-positive rate (sensitivity).
  case recall
  /// `TN / (TN + FP)`, the true-negative rate.
  case specificity

  func value(tp: Double, fp: Double, tn: Double, fn: Double) -> Double {
    switch self {
    case .precision: return tp + fp > 0 ? tp / (tp + fp) : 1
    case .recall: return tp + fn > 0 ? tp / (tp + fn) : 0
    case .specificity: return tn + fp > 0 ? tn / (tn + fp) : 0
    }
  }
}

/// What ``TunedThresholdClassifier`` optimizes.
public enum ThresholdObjective<Label: ClassLabel>: Sendable {
  /// Maximize a label scorer (`scoring` in scikit-learn; default balanced accuracy).
  case maximize(ClassificationScorer<Label>)
  /// Maximize one rate among the thresholds whose cross-validated `constraint` rate is at
  /// least `atLeast` — for example the best precision with recall ≥ 0.80.
  case constrained(maximize: BinaryRate, constraint: BinaryRate, atLeast: Double)
}

/// A binary classifier whose decision threshold is tuned by cross-validation.
///
/// For each split of `cv`, the wrapped classifier is fitted on the training rows and the
/// positive class' probabilities of the validation rows are turned into predictions at
/// `thresholdCount` thresholds evenly spaced between that split's lowest and highest
/// probability, and scored. Each split's score curve is interpolated onto common thresholds
/// spaced between the lowest and highest probability over all splits, the curves are averaged,
/// and the best threshold is kept; the wrapped classifier is then refitted on all the data.
/// With a ``ThresholdObjective/constrained(maximize:constraint:atLeast:)`` objective, the best
/// threshold maximizes one rate among those meeting the constraint on average; when none meets
/// it, the threshold with the highest constraint rate is kept and ``Fitted/constraintMet`` is
/// `false`. Splits run in parallel.
///
/// scikit-learn: `TunedThresholdClassifierCV(estimator, scoring="balanced_accuracy",
/// response_method="auto", thresholds=100, cv=None, refit=True, store_cv_results=True)` with
/// `predict_proba` as the response. The constrained objective replaces scikit-learn's recipe
/// of a custom scorer.
///
///     let tuned = TunedThresholdClassifier(
///       LogisticRegression<Int>(),
///       objective: .constrained(maximize: .precision, constraint: .recall, atLeast: 0.8))
///     let fitted = try tuned.fit(x, y)
///     fitted.bestThreshold
public struct TunedThresholdClassifier<Base: Classifier>: Classifier
where Base.Fitted: ProbabilisticClassifier {
  /// The label type.
  public typealias Label = Base.Label

  /// The wrapped classifier.
  public var estimator: Base
  /// What to optimize (default: maximize balanced accuracy).
  public var objective: ThresholdObjective<Label>
  /// Thresholds evaluated (`thresholds`, default 100); at least 2.
  public var thresholdCount: Int
  /// The splitter; `nil` means `StratifiedKFold(splitCount: 5)`.
  public var cv: (any Splitter)?
  /// The positive class; `nil` means the greater of the two classes.
  public var posLabel: Label?
  /// Run the splits concurrently (default `true`).
  public var parallel: Bool

  /// Wraps `estimator`.
  ///
  /// - Parameters:
  ///   - estimator: The classifier.
  ///   - objective: What to optimize (default balanced accuracy).
  ///   - thresholdCount: Thresholds evaluated (default 100).
  ///   - cv: The splitter (default `nil`: stratified 5-fold).
  ///   - posLabel: The positive class (default `nil`: the greater class).
  ///   - parallel: Run the splits concurrently (default `true`).
  public init(
    _ estimator: Base, objective: ThresholdObjective<Label> = .maximize(.balancedAccuracy),
    thresholdCount: Int = 100, cv: (any Splitter)? = nil, posLabel: Label? = nil,
    parallel: Bool = true
  ) {
    self.estimator = estimator
    self.objective = objective
    self.thresholdCount = thresholdCount
    self.cv = cv
    self.posLabel = posLabel
    self.parallel = parallel
  }

  /// The type name, the wrapped model and the settings that differ from the defaults.
  public var description: String {
    wrapperDescription(of: self, defaults: Self(estimator), wrapped: estimator)
  }

  /// Binary only; otherwise the wrapped model's capabilities.
  public static var capabilities: Capabilities {
    var c = Base.capabilities
    c.supportsMulticlass = false
    return c
  }

  /// Checks `thresholdCount`, the objective and the wrapped model.
  ///
  /// - Throws: `LearnError.invalidParameter` naming the parameter.
  public func validateHyperparameters() throws {
    func bad(_ name: String, _ value: String, _ expected: String) -> LearnError {
      .invalidParameter(
        estimator: "TunedThresholdClassifier", name: name, value: value, expected: expected)
    }
    guard thresholdCount >= 2 else {
      throw bad("thresholdCount", "\(thresholdCount)", "an integer >= 2")
    }
    switch objective {
    case .maximize(let scorer):
      guard scorer.response == .predictions else {
        throw bad("objective", scorer.name, "a scorer of predicted labels")
      }
    case .constrained(_, _, let atLeast):
      guard atLeast.isFinite, atLeast >= 0, atLeast <= 1 else {
        throw bad("objective", "atLeast: \(atLeast)", "a rate in [0, 1]")
      }
    }
    try estimator.validateHyperparameters()
  }

  /// Tunes the threshold and refits the wrapped classifier on all the data.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: Binary labels.
  /// - Returns: The fitted model with the best threshold and the averaged score curve.
  /// - Throws: `LearnError.invalidParameter` for bad settings; `LearnError.unsupportedInput`
  ///   for other than two classes or a model whose probabilities are constant on a split;
  ///   `LearnError.unknownLabel` for a `posLabel` not in `y`; input, splitter and wrapped
  ///   model errors.
  /// - Complexity: `splits + 1` fits plus O(splits · thresholdCount · n).
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    try validateWrapperInput(x, allowsMissingValues: Base.capabilities.allowsMissingValues)
    guard y.count == x.rowCount else {
      throw LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: y.count)
    }
    let classes = Array(Set(y)).sorted()
    let positive = try BinaryResponse.positiveIndex(classes: classes, posLabel: posLabel)
    let pos = classes[positive]
    let splitter: any Splitter = cv ?? StratifiedKFold()
    let splits = try SearchEngine.splits(
      x: x, y: y, cv: splitter, labels: SplitCodes.encode(y), groups: nil)
    let n = thresholdCount
    let objective = self.objective
    let estimator = self.estimator
    // Per split: its thresholds and one or two score curves.
    let folds = try FoldRunner.run(
      count: splits.count, parallel: parallel, progress: nil, cancellation: nil
    ) { f -> (thresholds: [Double], primary: [Double], secondary: [Double]) in
      let split = splits[f]
      let fitted = try estimator.fit(try x.rows(split.train), split.train.map { y[$0] })
      let index = try BinaryResponse.positiveIndex(classes: fitted.classes, posLabel: pos)
      let yVal = split.test.map { y[$0] }
      let scores = try BinaryResponse.scores(fitted, try x.rows(split.test), positiveIndex: index)
      let low = scores.min() ?? 0
      let high = scores.max() ?? 0
      let thresholds = BinaryResponse.linspace(low, high, n)
      var primary: [Double] = []
      var secondary: [Double] = []
      for th in thresholds {
        switch objective {
        case .maximize(let scorer):
          let predicted = try BinaryResponse.labels(
            scores, threshold: th, classes: fitted.classes, positiveIndex: index)
          primary.append(try scorer.score(yTrue: yVal, yPred: predicted))
        case .constrained(let target, let constraint, _):
          var tp = 0.0
          var fp = 0.0
          var tn = 0.0
          var fn = 0.0
          for (s, label) in zip(scores, yVal) {
            let predictedPositive = s >= th
            let isPositive = label == pos
            switch (predictedPositive, isPositive) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            case (false, true): fn += 1
            }
          }
          primary.append(target.value(tp: tp, fp: fp, tn: tn, fn: fn))
          secondary.append(constraint.value(tp: tp, fp: fp, tn: tn, fn: fn))
        }
      }
      return (thresholds, primary, secondary)
    }
    for fold in folds {
      if let first = fold.thresholds.first, let last = fold.thresholds.last,
        Swift.abs(first - last) <= 1e-8 + 1e-5 * Swift.abs(last)
      {
        throw LearnError.unsupportedInput(
          input: "estimator",
          reason:
            "the provided estimator makes constant predictions; the decision threshold cannot be optimized"
        )
      }
    }
    let low = folds.compactMap { $0.thresholds.first }.min() ?? 0
    let high = folds.compactMap { $0.thresholds.last }.max() ?? 1
    let thresholds = BinaryResponse.linspace(low, high, n)
    func meanCurve(
      _ pick: ((thresholds: [Double], primary: [Double], secondary: [Double])) -> [Double]
    ) -> [Double] {
      var sum = [Double](repeating: 0, count: n)
      for fold in folds {
        let curve = BinaryResponse.interp(thresholds, fold.thresholds, pick(fold))
        for i in 0..<n { sum[i] += curve[i] }
      }
      return sum.map { $0 / Double(folds.count) }
    }
    let scores = meanCurve { $0.primary }
    var best = 0
    var constraintMet = true
    var constraintCurve: [Double]? = nil
    switch objective {
    case .maximize:
      for i in 1..<n where scores[i] > scores[best] { best = i }
    case .constrained(_, _, let atLeast):
      let rates = meanCurve { $0.secondary }
      constraintCurve = rates
      let feasible = (0..<n).filter { rates[$0] >= atLeast }
      if let first = feasible.first {
        best = first
        for i in feasible where scores[i] > scores[best] { best = i }
      } else {
        constraintMet = false
        for i in 1..<n where rates[i] > rates[best] { best = i }
      }
    }
    let base = try estimator.fit(x, y)
    let index = try BinaryResponse.positiveIndex(classes: base.classes, posLabel: pos)
    return Fitted(
      base: base, bestThreshold: thresholds[best], bestScore: scores[best],
      positiveIndex: index, thresholds: thresholds, scores: scores,
      constraintRates: constraintCurve, constraintMet: constraintMet)
  }

  /// A fitted ``TunedThresholdClassifier``.
  public struct Fitted: ProbabilisticClassifier {
    /// The wrapped model refitted on all the data (`estimator_`).
    public let base: Base.Fitted
    /// The tuned threshold on the positive class' probability (`best_threshold_`).
    public let bestThreshold: Double
    /// The objective at that threshold, averaged over the splits (`best_score_`).
    public let bestScore: Double
    /// The column of the positive class in ``classes``.
    public let positiveIndex: Int
    /// The thresholds evaluated (`cv_results_["thresholds"]`).
    public let thresholds: [Double]
    /// The objective at each threshold, averaged over the splits (`cv_results_["scores"]`).
    public let scores: [Double]
    /// The constraint rate at each threshold for a constrained objective; `nil` otherwise.
    public let constraintRates: [Double]?
    /// Whether some threshold met the constraint (always `true` without one).
    public let constraintMet: Bool

    /// The two classes, sorted.
    public var classes: [Label] { base.classes }
    /// The number of features seen during fit.
    public var featureCount: Int { base.featureCount }

    /// The positive class where its probability is at least ``bestThreshold``.
    ///
    /// - Throws: the wrapped model's errors.
    /// - Complexity: one `predictProbabilities`.
    public func predict(_ x: Matrix) throws -> [Label] {
      let s = try BinaryResponse.scores(base, x, positiveIndex: positiveIndex)
      return try BinaryResponse.labels(
        s, threshold: bestThreshold, classes: classes, positiveIndex: positiveIndex)
    }

    /// The wrapped model's probabilities.
    ///
    /// - Throws: the wrapped model's errors.
    /// - Complexity: the wrapped model's.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try base.predictProbabilities(x)
    }
  }
}

extension TunedThresholdClassifier: DefaultInitializable where Base: DefaultInitializable {
  /// Wraps the wrapped type's default estimator with the default settings.
  public init() { self.init(Base()) }
}

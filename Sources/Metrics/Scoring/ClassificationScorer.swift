import LinearAlgebra
import SwiftLearnCore

/// What a classification scorer needs from the model.
///
/// scikit-learn: a scorer's `response_method`.
public enum ScorerResponse: String, Sendable, Hashable, Codable, CaseIterable {
  /// Predicted labels (`predict`).
  case predictions
  /// Class probabilities (`predict_proba`); only `ProbabilisticClassifier` models.
  case probabilities
  /// Continuous scores: the decision function when the model has one, else probabilities
  /// (scikit-learn's `("decision_function", "predict_proba")`).
  case scores
}

/// A named classification metric that scores a fitted classifier, with greater always better.
///
/// scikit-learn: a scorer from `sklearn.metrics.get_scorer` / `make_scorer` on a classifier.
/// Losses are negated (`neg_log_loss`, `neg_brier_score`).
///
/// Swift cannot ask a model at run time whether it has `predictProbabilities`, so
/// `score(_:_:_:sampleWeight:)` comes in overloads chosen at compile time by the model's
/// static type: on a plain `FittedClassifier` only ``ScorerResponse/predictions`` scorers
/// work, and a probability or score scorer throws
/// `LearnError.unsupportedInput(input: "model", ...)`; a `ProbabilisticClassifier` supports
/// all three; a `DecisionFunctionProviding` classifier supports predictions and scores.
/// Generic code (cross-validation, searches) should therefore constrain its model type as
/// tightly as the scorer needs (`where M.Fitted: ProbabilisticClassifier`).
///
/// Score matrices have one column per entry of the model's `classes` (sorted); a single
/// column, or the second of two, is the score of the greater class.
///
///     let scorer = try ClassificationScorer<String>(named: "f1_macro")
///     let s = try scorer.score(fitted, x, y)
public struct ClassificationScorer<Label: ClassLabel>: Sendable {
  /// A label metric `(yTrue, yPred, sampleWeight)`.
  public typealias LabelMetric = @Sendable ([Label], [Label], [Double]?) throws -> Double
  /// A score metric `(yTrue, scores, classes, sampleWeight)`; `scores` has one column per
  /// class (or one column for the greater of two classes).
  public typealias ScoreMetric = @Sendable ([Label], Matrix, [Label], [Double]?) throws -> Double

  /// scikit-learn's scorer name.
  public let name: String
  /// Whether the underlying metric grows with quality; when `false`, scores are negated.
  public let greaterIsBetter: Bool
  /// What the scorer needs from the model.
  public let response: ScorerResponse
  let labelMetric: LabelMetric?
  let scoreMetric: ScoreMetric?

  /// A scorer from a custom label metric (scikit-learn's `make_scorer`; default
  /// `greaterIsBetter = true`).
  ///
  /// - Complexity: O(1).
  public init(name: String, greaterIsBetter: Bool = true, metric: @escaping LabelMetric) {
    self.name = name
    self.greaterIsBetter = greaterIsBetter
    self.response = .predictions
    self.labelMetric = metric
    self.scoreMetric = nil
  }

  /// A scorer from a custom probability or score metric (`make_scorer` with
  /// `response_method`).
  ///
  /// `response` must be ``ScorerResponse/probabilities`` or ``ScorerResponse/scores``; a
  /// scorer built with ``ScorerResponse/predictions`` here throws when used.
  ///
  /// - Complexity: O(1).
  public init(
    name: String, greaterIsBetter: Bool = true, response: ScorerResponse,
    metric: @escaping ScoreMetric
  ) {
    self.name = name
    self.greaterIsBetter = greaterIsBetter
    self.response = response
    self.labelMetric = nil
    self.scoreMetric = metric
  }

  /// The scorer scikit-learn registers under `name`.
  ///
  /// - Throws: `LearnError.invalidParameter` when `name` is not one of ``allNames``.
  /// - Complexity: O(s) for s registered scorers.
  public init(named name: String) throws {
    guard let scorer = Self.all.first(where: { $0.name == name }) else {
      throw LearnError.invalidParameter(
        estimator: "ClassificationScorer", name: "scoring", value: name,
        expected: "one of \(Self.allNames.joined(separator: ", "))")
    }
    self = scorer
  }

  private func signed(_ v: Double) -> Double { greaterIsBetter ? v : -v }

  private func missing(_ what: String) -> LearnError {
    LearnError.unsupportedInput(
      input: "model",
      reason: "scorer '\(name)' needs \(response.rawValue); the model does not provide \(what)")
  }

  /// The scorer on given labels (prediction scorers only).
  ///
  /// - Throws: the metric's errors; `LearnError.unsupportedInput` for a probability or score
  ///   scorer.
  /// - Complexity: the metric's.
  public func score(yTrue: [Label], yPred: [Label], sampleWeight: [Double]? = nil) throws
    -> Double
  {
    guard let labelMetric else { throw missing("labels alone") }
    return signed(try labelMetric(yTrue, yPred, sampleWeight))
  }

  /// The scorer on given scores or probabilities (probability and score scorers only).
  ///
  /// - Throws: the metric's errors; `LearnError.unsupportedInput` for a prediction scorer.
  /// - Complexity: the metric's.
  public func score(
    yTrue: [Label], scores: Matrix, classes: [Label], sampleWeight: [Double]? = nil
  ) throws -> Double {
    guard let scoreMetric else { throw missing("scores") }
    return signed(try scoreMetric(yTrue, scores, classes, sampleWeight))
  }

  /// Scores a classifier that only predicts labels.
  ///
  /// - Throws: the model's and the metric's errors; `LearnError.unsupportedInput(input:
  ///   "model", ...)` when the scorer needs probabilities or scores.
  /// - Complexity: one `predict` plus the metric.
  public func score<Model: FittedClassifier>(
    _ model: Model, _ x: Matrix, _ y: [Label], sampleWeight: [Double]? = nil
  ) throws -> Double where Model.Label == Label {
    guard response == .predictions else { throw missing("predictProbabilities") }
    return try score(yTrue: y, yPred: model.predict(x), sampleWeight: sampleWeight)
  }

  /// Scores a probabilistic classifier (any scorer).
  ///
  /// - Throws: the model's and the metric's errors.
  /// - Complexity: one `predict` or `predictProbabilities` plus the metric.
  public func score<Model: ProbabilisticClassifier>(
    _ model: Model, _ x: Matrix, _ y: [Label], sampleWeight: [Double]? = nil
  ) throws -> Double where Model.Label == Label {
    if response == .predictions {
      return try score(yTrue: y, yPred: model.predict(x), sampleWeight: sampleWeight)
    }
    return try score(
      yTrue: y, scores: model.predictProbabilities(x), classes: model.classes,
      sampleWeight: sampleWeight)
  }

  /// Scores a classifier with a decision function (prediction and score scorers).
  ///
  /// - Throws: the model's and the metric's errors; `LearnError.unsupportedInput(input:
  ///   "model", ...)` for a probability scorer.
  /// - Complexity: one `predict` or `decisionFunction` plus the metric.
  public func score<Model: FittedClassifier & DecisionFunctionProviding>(
    _ model: Model, _ x: Matrix, _ y: [Label], sampleWeight: [Double]? = nil
  ) throws -> Double where Model.Label == Label {
    switch response {
    case .predictions:
      return try score(yTrue: y, yPred: model.predict(x), sampleWeight: sampleWeight)
    case .probabilities:
      throw missing("predictProbabilities")
    case .scores:
      return try score(
        yTrue: y, scores: model.decisionFunction(x), classes: model.classes,
        sampleWeight: sampleWeight)
    }
  }

  /// Scores a classifier with both probabilities and a decision function; score scorers use
  /// the decision function, as scikit-learn does.
  ///
  /// - Throws: the model's and the metric's errors.
  /// - Complexity: one prediction call plus the metric.
  public func score<Model: ProbabilisticClassifier & DecisionFunctionProviding>(
    _ model: Model, _ x: Matrix, _ y: [Label], sampleWeight: [Double]? = nil
  ) throws -> Double where Model.Label == Label {
    switch response {
    case .predictions:
      return try score(yTrue: y, yPred: model.predict(x), sampleWeight: sampleWeight)
    case .probabilities:
      return try score(
        yTrue: y, scores: model.predictProbabilities(x), classes: model.classes,
        sampleWeight: sampleWeight)
    case .scores:
      return try score(
        yTrue: y, scores: model.decisionFunction(x), classes: model.classes,
        sampleWeight: sampleWeight)
    }
  }
}

/// The positive-class column of a binary score matrix: the last of one or two columns.
private func binaryColumn(_ m: Matrix) throws -> [Double]? {
  m.columnCount <= 2 && m.columnCount >= 1 ? try m.column(m.columnCount - 1) : nil
}

extension ClassificationScorer {
  /// Accuracy (`"accuracy"`).
  public static var accuracy: Self {
    Self(name: "accuracy") { try accuracyScore(yTrue: $0, yPred: $1, sampleWeight: $2) }
  }
  /// Balanced accuracy (`"balanced_accuracy"`).
  public static var balancedAccuracy: Self {
    Self(name: "balanced_accuracy") {
      try balancedAccuracyScore(yTrue: $0, yPred: $1, sampleWeight: $2)
    }
  }
  /// Matthews correlation (`"matthews_corrcoef"`).
  public static var matthewsCorrelation: Self {
    Self(name: "matthews_corrcoef") {
      try matthewsCorrelationCoefficient(yTrue: $0, yPred: $1, sampleWeight: $2)
    }
  }

  private static func prf(_ base: String, _ average: ClassAverage, _ pick: Int) -> Self {
    let name = average == .binary ? base : "\(base)_\(average.rawValue)"
    return Self(name: name) { t, p, w in
      let r = try prfs(
        t, p, beta: 1, labels: nil, posLabel: nil, average: average, sampleWeight: w,
        zeroDivision: .warn, function: name)
      return pick == 0 ? r.precision[0] : pick == 1 ? r.recall[0] : r.fScore[0]
    }
  }
  /// Binary F1 of the positive label (`"f1"`; `1` for `Int` labels, else the greater label).
  public static var f1: Self { prf("f1", .binary, 2) }
  /// Macro F1 (`"f1_macro"`).
  public static var f1Macro: Self { prf("f1", .macro, 2) }
  /// Micro F1 (`"f1_micro"`).
  public static var f1Micro: Self { prf("f1", .micro, 2) }
  /// Weighted F1 (`"f1_weighted"`).
  public static var f1Weighted: Self { prf("f1", .weighted, 2) }
  /// Binary precision (`"precision"`).
  public static var precision: Self { prf("precision", .binary, 0) }
  /// Macro precision (`"precision_macro"`).
  public static var precisionMacro: Self { prf("precision", .macro, 0) }
  /// Micro precision (`"precision_micro"`).
  public static var precisionMicro: Self { prf("precision", .micro, 0) }
  /// Weighted precision (`"precision_weighted"`).
  public static var precisionWeighted: Self { prf("precision", .weighted, 0) }
  /// Binary recall (`"recall"`).
  public static var recall: Self { prf("recall", .binary, 1) }
  /// Macro recall (`"recall_macro"`).
  public static var recallMacro: Self { prf("recall", .macro, 1) }
  /// Micro recall (`"recall_micro"`).
  public static var recallMicro: Self { prf("recall", .micro, 1) }
  /// Weighted recall (`"recall_weighted"`).
  public static var recallWeighted: Self { prf("recall", .weighted, 1) }

  /// Binary ROC AUC from decision values or probabilities (`"roc_auc"`).
  public static var rocAUC: Self {
    Self(name: "roc_auc", response: .scores) { y, s, _, w in
      guard let column = try binaryColumn(s) else {
        throw LearnError.invalidParameter(
          estimator: "roc_auc", name: "multi_class", value: "raise",
          expected: "a binary target; use roc_auc_ovr or roc_auc_ovo for multiclass")
      }
      return try rocAUCScore(yTrue: y, yScore: column, sampleWeight: w)
    }
  }
  private static func multiclassAUC(_ strategy: MultiClassStrategy, _ average: ScoreAverage)
    -> Self
  {
    let name = "roc_auc_\(strategy.rawValue)" + (average == .weighted ? "_weighted" : "")
    return Self(name: name, response: .probabilities) { y, s, classes, w in
      if let column = try binaryColumn(s) {
        return try rocAUCScore(yTrue: y, yScore: column, sampleWeight: w)
      }
      return try rocAUCScore(
        yTrue: y, yScore: s, multiClass: strategy, average: average, labels: classes,
        sampleWeight: w)
    }
  }
  /// One-vs-rest macro ROC AUC (`"roc_auc_ovr"`).
  public static var rocAUCOvr: Self { multiclassAUC(.ovr, .macro) }
  /// One-vs-rest prevalence-weighted ROC AUC (`"roc_auc_ovr_weighted"`).
  public static var rocAUCOvrWeighted: Self { multiclassAUC(.ovr, .weighted) }
  /// One-vs-one macro ROC AUC (`"roc_auc_ovo"`).
  public static var rocAUCOvo: Self { multiclassAUC(.ovo, .macro) }
  /// One-vs-one prevalence-weighted ROC AUC (`"roc_auc_ovo_weighted"`).
  public static var rocAUCOvoWeighted: Self { multiclassAUC(.ovo, .weighted) }
  /// Average precision (`"average_precision"`; multiclass: macro one-vs-rest).
  public static var averagePrecision: Self {
    Self(name: "average_precision", response: .scores) { y, s, classes, w in
      if let column = try binaryColumn(s) {
        return try averagePrecisionScore(
          yTrue: y, yScore: column, posLabel: classes.last, sampleWeight: w)
      }
      return try averagePrecisionScore(yTrue: y, yScore: s, sampleWeight: w)
    }
  }
  /// −log loss (`"neg_log_loss"`).
  public static var negLogLoss: Self {
    Self(name: "neg_log_loss", greaterIsBetter: false, response: .probabilities) {
      y, s, classes, w in
      try logLoss(yTrue: y, yProba: s, labels: classes, sampleWeight: w)
    }
  }
  /// −Brier score (`"neg_brier_score"`).
  public static var negBrierScore: Self {
    Self(name: "neg_brier_score", greaterIsBetter: false, response: .probabilities) {
      y, s, classes, w in
      if s.columnCount == 2 {
        return try brierScoreLoss(
          yTrue: y, yProba: s.column(1), posLabel: classes.last, sampleWeight: w)
      }
      return try brierScoreLoss(yTrue: y, yProba: s, labels: classes, sampleWeight: w)
    }
  }

  static var all: [Self] {
    [
      .accuracy, .balancedAccuracy, .matthewsCorrelation, .f1, .f1Macro, .f1Micro, .f1Weighted,
      .precision, .precisionMacro, .precisionMicro, .precisionWeighted, .recall, .recallMacro,
      .recallMicro, .recallWeighted, .rocAUC, .rocAUCOvr, .rocAUCOvrWeighted, .rocAUCOvo,
      .rocAUCOvoWeighted, .averagePrecision, .negLogLoss, .negBrierScore,
    ]
  }

  /// The names ``init(named:)`` accepts, sorted.
  public static var allNames: [String] { all.map(\.name).sorted() }
}

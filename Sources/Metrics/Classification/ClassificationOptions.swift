import SwiftLearnCore

/// How per-class precision, recall and F-scores are combined into one number.
///
/// scikit-learn: the `average` parameter of `precision_score`, `recall_score`, `f1_score`,
/// `fbeta_score` and `precision_recall_fscore_support` (`None` means per-class values). Default
/// ``binary``, like scikit-learn. Per-class values (scikit-learn's `average=None`) come from
/// ``precisionRecallFScoreSupport(yTrue:yPred:beta:labels:posLabel:average:sampleWeight:zeroDivision:)``
/// with `average: nil`.
public enum ClassAverage: String, Sendable, Hashable, Codable, CaseIterable {
  /// Only the positive class (`posLabel`); the target must have at most two labels.
  case binary
  /// Global counts of true positives, false negatives and false positives.
  case micro
  /// The unweighted mean over classes.
  case macro
  /// The mean over classes weighted by their support.
  case weighted
}

/// The value a precision, recall or F-score takes when its denominator is zero.
///
/// scikit-learn: the `zero_division` parameter; default `"warn"`, which acts as `0` (the
/// warning is reported in ``PrecisionRecallFScore/isIllDefined`` instead of printed).
public enum ZeroDivision: Sendable, Hashable, Codable {
  /// Use 0 and flag the result (scikit-learn's `"warn"`).
  case warn
  /// Use 0.
  case zero
  /// Use 1.
  case one
  /// Use NaN; NaN entries are left out of averages.
  case nan

  var value: Double {
    switch self {
    case .warn, .zero: return 0
    case .one: return 1
    case .nan: return .nan
    }
  }
}

/// The distinct labels of the truth and the predictions, sorted (scikit-learn's
/// `unique_labels`).
func sortedUnion<Label: ClassLabel>(_ a: [Label], _ b: [Label]) -> [Label] {
  var seen = Set<Label>()
  seen.reserveCapacity(16)
  for v in a { seen.insert(v) }
  for v in b { seen.insert(v) }
  return seen.sorted()
}

/// Maps labels to their index in `labels`; labels not present map to -1.
func codes<Label: ClassLabel>(_ y: [Label], in labels: [Label]) -> [Int] {
  var index: [Label: Int] = [:]
  index.reserveCapacity(labels.count)
  for (k, l) in labels.enumerated() where index[l] == nil { index[l] = k }
  return y.map { index[$0] ?? -1 }
}

/// Checks that a user-given `labels` list has no duplicates.
func checkDistinct<Label: ClassLabel>(_ labels: [Label], function: String) throws {
  guard !labels.isEmpty else {
    throw LearnError.invalidParameter(
      estimator: function, name: "labels", value: "[]", expected: "at least one label")
  }
  guard Set(labels).count == labels.count else {
    throw LearnError.invalidParameter(
      estimator: function, name: "labels", value: "\(labels)", expected: "distinct labels")
  }
}

/// The positive label used by binary metrics when `posLabel` is `nil`: `1` for `Int` labels
/// (scikit-learn's default `pos_label=1`), otherwise the greater of the labels present.
func defaultPositiveLabel<Label: ClassLabel>(_ present: [Label]) -> Label? {
  if let one = 1 as? Label { return one }
  return present.last
}

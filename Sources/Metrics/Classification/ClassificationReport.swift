import Foundation
import SwiftLearnCore

/// Per-class precision, recall, F1 and support, with their averages, as data and as text.
///
/// scikit-learn: `sklearn.metrics.classification_report`; ``text`` is the string it returns
/// and the other properties hold what `output_dict=True` returns.
public struct ClassificationReport: Sendable, Hashable, CustomStringConvertible {
  /// One line of the report.
  public struct Row: Sendable, Hashable {
    /// The class name (a target name or the label's text) or the average's name.
    public let name: String
    /// Precision.
    public let precision: Double
    /// Recall.
    public let recall: Double
    /// F1 score.
    public let f1Score: Double
    /// The (weighted) number of true samples.
    public let support: Double
  }

  /// One row per label, in label order.
  public let classes: [Row]
  /// The accuracy, when the micro average equals it (all labels reported); otherwise `nil`.
  public let accuracy: Double?
  /// The micro average, reported when it differs from accuracy (a subset of labels).
  public let microAverage: Row?
  /// The unweighted mean over labels.
  public let macroAverage: Row
  /// The support-weighted mean over labels.
  public let weightedAverage: Row
  /// The report in scikit-learn's layout, character for character.
  public let text: String

  /// The same as ``text``.
  public var description: String { text }
}

/// Builds the text report and its structured values.
///
/// scikit-learn: `sklearn.metrics.classification_report`. Defaults: `labels = nil` (sorted
/// labels of both inputs), `targetNames = nil` (the labels' text), `sampleWeight = nil`,
/// `digits = 2`, `zeroDivision = .warn` (0).
///
///     print(try classificationReport(yTrue: y, yPred: model.predict(x)))
///
/// - Throws: `LearnError.emptyInput`, `.lengthMismatch`, `.invalidSampleWeight`;
///   `LearnError.invalidParameter` when `targetNames` has a different length than the labels
///   (scikit-learn raises, or warns and truncates when `labels` is given), `labels` is empty
///   or repeats a label, or `digits` is negative.
/// - Complexity: O(n + k).
public func classificationReport<Label: ClassLabel>(
  yTrue: [Label], yPred: [Label], labels: [Label]? = nil, targetNames: [String]? = nil,
  sampleWeight: [Double]? = nil, digits: Int = 2, zeroDivision: ZeroDivision = .warn
) throws -> ClassificationReport {
  let function = "classification_report"
  try MetricInput.labels(yTrue, yPred, sampleWeight: sampleWeight)
  guard digits >= 0 else {
    throw LearnError.invalidParameter(
      estimator: function, name: "digits", value: "\(digits)", expected: "an integer >= 0")
  }
  let present = sortedUnion(yTrue, yPred)
  let used = labels ?? present
  let microIsAccuracy = labels == nil || Set(used).isSuperset(of: present)
  let names = targetNames ?? used.map { "\($0)" }
  guard names.count == used.count else {
    throw LearnError.invalidParameter(
      estimator: function, name: "target_names", value: "\(names.count) names",
      expected: "one name per label (\(used.count))")
  }
  func scores(_ average: ClassAverage?) throws -> PrecisionRecallFScore<Label> {
    try prfs(
      yTrue, yPred, beta: 1, labels: used, posLabel: nil, average: average,
      sampleWeight: sampleWeight, zeroDivision: zeroDivision, function: function)
  }
  let perClass = try scores(nil)
  let support = perClass.support ?? []
  let totalSupport = support.reduce(0, +)
  var rows: [ClassificationReport.Row] = []
  for k in 0..<used.count {
    rows.append(
      .init(
        name: names[k], precision: perClass.precision[k], recall: perClass.recall[k],
        f1Score: perClass.fScore[k], support: support[k]))
  }
  func averageRow(_ name: String, _ average: ClassAverage) throws -> ClassificationReport.Row {
    let r = try scores(average)
    return .init(
      name: name, precision: r.precision[0], recall: r.recall[0], f1Score: r.fScore[0],
      support: totalSupport)
  }
  let micro = try averageRow("micro avg", .micro)
  let macro = try averageRow("macro avg", .macro)
  let weighted = try averageRow("weighted avg", .weighted)

  let integerSupport = sampleWeight == nil
  let width = max(names.map(\.unicodeScalars.count).max() ?? 0, "weighted avg".count, digits)
  func pad(_ s: String, _ w: Int) -> String {
    let n = s.unicodeScalars.count
    return n >= w ? s : String(repeating: " ", count: w - n) + s
  }
  func fixed(_ v: Double) -> String { pad(String(format: "%.\(digits)f", v), 9) }
  func count(_ v: Double) -> String {
    if integerSupport, let i = Int(exactly: v) { return pad("\(i)", 9) }
    return pad(pythonRepr(v), 9)
  }
  func line(_ r: ClassificationReport.Row) -> String {
    pad(r.name, width) + " " + " " + fixed(r.precision) + " " + fixed(r.recall) + " "
      + fixed(r.f1Score) + " " + count(r.support) + "\n"
  }
  var text = pad("", width) + " "
  for h in ["precision", "recall", "f1-score", "support"] { text += " " + pad(h, 9) }
  text += "\n\n"
  for r in rows { text += line(r) }
  text += "\n"
  if microIsAccuracy {
    text +=
      pad("accuracy", width) + " " + " " + pad("", 9) + " " + pad("", 9) + " "
      + fixed(micro.f1Score) + " " + count(totalSupport) + "\n"
  } else {
    text += line(micro)
  }
  text += line(macro)
  text += line(weighted)
  return ClassificationReport(
    classes: rows, accuracy: microIsAccuracy ? micro.f1Score : nil,
    microAverage: microIsAccuracy ? nil : micro, macroAverage: macro, weightedAverage: weighted,
    text: text)
}

/// Python's `repr` of a float (shortest round-trip digits; `1e+16` style for large values).
func pythonRepr(_ v: Double) -> String {
  if v.isNaN { return "nan" }
  if v.isInfinite { return v > 0 ? "inf" : "-inf" }
  return "\(v)"
}

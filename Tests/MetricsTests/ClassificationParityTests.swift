import EstimatorChecks
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

/// Runs `body` with the fixture's labels typed as `String` or `Int`, whichever they are.
func withLabels(
  _ f: Fixture, _ keys: [String],
  strings: ([[String]?]) throws -> Void, ints: ([[Int]?]) throws -> Void
) throws {
  if (try? f.strings(keys[0])) != nil {
    try strings(keys.map { f.has($0) ? try? f.strings($0) : nil })
  } else {
    try ints(keys.map { f.has($0) ? try? f.ints($0) : nil })
  }
}

@Suite("Classification metrics parity")
struct ClassificationParityTests {
  static let file = try? Fixture("metrics_classification")
  static let prf: [Fixture] = (try? file?.children("prf")) ?? []
  static let agreement: [Fixture] = (try? file?.children("agreement")) ?? []
  static let report: [Fixture] = (try? file?.children("report")) ?? []

  @Test("fixtures were loaded")
  func loaded() {
    #expect(Self.prf.count > 150)
    #expect(Self.agreement.count == 10)
    #expect(Self.report.count == 23)
  }

  static func zeroDivision(_ f: Fixture) throws -> ZeroDivision {
    switch try f.string("zeroDivision") {
    case "warn": return .warn
    case "0.0": return .zero
    case "1.0": return .one
    default: return .nan
    }
  }

  func checkPRF<L: ClassLabel>(_ f: Fixture, _ t: [L], _ p: [L], _ labels: [L]?, _ pos: L?)
    throws
  {
    let w = f.has("sampleWeight") ? try f.vector("sampleWeight") : nil
    let averageText = try f.string("average")
    let average = averageText == "none" ? nil : ClassAverage(rawValue: averageText)
    let r = try precisionRecallFScoreSupport(
      yTrue: t, yPred: p, beta: f.double("beta"), labels: labels, posLabel: pos,
      average: average, sampleWeight: w, zeroDivision: Self.zeroDivision(f))
    expectClose(r.precision, try f.vector("precision"), "precision")
    expectClose(r.recall, try f.vector("recall"), "recall")
    expectClose(r.fScore, try f.vector("fScore"), "f")
    if f.has("support") {
      expectClose(r.support ?? [], try f.vector("support"), "support")
    } else {
      #expect(r.support == nil)
    }
    if let average, try f.double("beta") == 1 {
      let zd = try Self.zeroDivision(f)
      expectClose(
        try f1Score(
          yTrue: t, yPred: p, labels: labels, posLabel: pos, average: average, sampleWeight: w,
          zeroDivision: zd), try f.vector("fScore")[0], "f1Score")
      expectClose(
        try precisionScore(
          yTrue: t, yPred: p, labels: labels, posLabel: pos, average: average, sampleWeight: w,
          zeroDivision: zd), try f.vector("precision")[0], "precisionScore")
      expectClose(
        try recallScore(
          yTrue: t, yPred: p, labels: labels, posLabel: pos, average: average, sampleWeight: w,
          zeroDivision: zd), try f.vector("recall")[0], "recallScore")
    }
  }

  @Test("precision, recall, F-beta and support match scikit-learn", arguments: prf)
  func precisionRecall(_ f: Fixture) throws {
    try withLabels(
      f, ["yTrue", "yPred", "labels"],
      strings: { v in
        try checkPRF(
          f, v[0] ?? [], v[1] ?? [], v[2], f.has("posLabel") ? f.string("posLabel") : nil)
      },
      ints: { v in
        try checkPRF(f, v[0] ?? [], v[1] ?? [], v[2], f.has("posLabel") ? f.int("posLabel") : nil)
      })
  }

  func checkAgreement<L: ClassLabel>(_ f: Fixture, _ t: [L], _ p: [L], _ sub: [L]) throws {
    let w = f.has("sampleWeight") ? try f.vector("sampleWeight") : nil
    expectClose(try accuracyScore(yTrue: t, yPred: p, sampleWeight: w), try f.double("accuracy"))
    expectClose(
      try balancedAccuracyScore(yTrue: t, yPred: p, sampleWeight: w),
      try f.double("balancedAccuracy"), "balanced")
    expectClose(
      try balancedAccuracyScore(yTrue: t, yPred: p, sampleWeight: w, adjusted: true),
      try f.double("balancedAccuracyAdjusted"), "balanced adjusted")
    expectClose(
      try matthewsCorrelationCoefficient(yTrue: t, yPred: p, sampleWeight: w),
      try f.double("mcc"), "mcc")
    expectClose(try hammingLoss(yTrue: t, yPred: p, sampleWeight: w), try f.double("hamming"))
    expectClose(try cohenKappaScore(t, p, sampleWeight: w), try f.double("kappa_None"), "kappa")
    expectClose(
      try cohenKappaScore(t, p, weights: .linear, sampleWeight: w), try f.double("kappa_linear"),
      "kappa linear")
    expectClose(
      try cohenKappaScore(t, p, weights: .quadratic, sampleWeight: w),
      try f.double("kappa_quadratic"), "kappa quadratic")
    expectClose(
      try confusionMatrix(yTrue: t, yPred: p, sampleWeight: w), try f.matrix("confusion"))
    for norm in ConfusionNormalization.allCases {
      expectClose(
        try confusionMatrix(yTrue: t, yPred: p, sampleWeight: w, normalize: norm),
        try f.matrix("confusion_\(norm.rawValue)"), "normalize \(norm)")
    }
    expectClose(
      try confusionMatrix(yTrue: t, yPred: p, labels: sub, sampleWeight: w),
      try f.matrix("confusion_labels"), "labels")
  }

  @Test("agreement metrics and confusion matrices match scikit-learn", arguments: agreement)
  func agreementMetrics(_ f: Fixture) throws {
    try withLabels(
      f, ["yTrue", "yPred", "confusionLabels"],
      strings: { try checkAgreement(f, $0[0] ?? [], $0[1] ?? [], $0[2] ?? []) },
      ints: { try checkAgreement(f, $0[0] ?? [], $0[1] ?? [], $0[2] ?? []) })
  }

  func checkReport<L: ClassLabel>(_ f: Fixture, _ t: [L], _ p: [L], _ labels: [L]?) throws {
    let w = f.has("sampleWeight") ? try f.vector("sampleWeight") : nil
    let names = f.has("targetNames") ? try f.strings("targetNames") : nil
    let r = try classificationReport(
      yTrue: t, yPred: p, labels: labels, targetNames: names, sampleWeight: w,
      digits: f.int("digits"))
    let expectedText = try f.string("text")
    #expect(r.text == expectedText, "got:\n\(r.text)")
    if f.has("accuracy") {
      expectClose(r.accuracy ?? .nan, try f.double("accuracy"), "accuracy")
    } else {
      #expect(r.accuracy == nil)
      #expect(r.microAverage != nil)
    }
    expectClose(r.macroAverage.f1Score, try f.double("macroF1"), "macro f1")
    expectClose(
      r.weightedAverage.precision, try f.double("weightedPrecision"), "weighted precision")
  }

  @Test("classification report text equals scikit-learn's", arguments: report)
  func classificationReportText(_ f: Fixture) throws {
    try withLabels(
      f, ["yTrue", "yPred", "labels"],
      strings: { try checkReport(f, $0[0] ?? [], $0[1] ?? [], $0[2]) },
      ints: { try checkReport(f, $0[0] ?? [], $0[1] ?? [], $0[2]) })
  }
}

@Suite("Classification report documentation example")
struct ClassificationReportDocTests {
  @Test("Docs/Metrics.md shows scikit-learn's exact text")
  func documentedReport() throws {
    let report = try classificationReport(
      yTrue: [0, 1, 2, 2, 2], yPred: [0, 0, 2, 2, 1],
      targetNames: ["class 0", "class 1", "class 2"])
    let expected = """
                    precision    recall  f1-score   support

           class 0       0.50      1.00      0.67         1
           class 1       0.00      0.00      0.00         1
           class 2       1.00      0.67      0.80         3

          accuracy                           0.60         5
         macro avg       0.50      0.56      0.49         5
      weighted avg       0.70      0.60      0.61         5

      """
    #expect(report.text == expected)
    #expect(report.accuracy == 0.6)
  }
}

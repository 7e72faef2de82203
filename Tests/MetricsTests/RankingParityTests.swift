import EstimatorChecks
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Ranking and probability metrics parity")
struct RankingParityTests {
  static let file = try? Fixture("metrics_ranking")
  static let binary: [Fixture] = (try? file?.children("binary")) ?? []
  static let multiclass: [Fixture] = (try? file?.children("multiclass")) ?? []

  @Test("fixtures were loaded")
  func loaded() {
    #expect(Self.binary.count == 8)
    #expect(Self.multiclass.count == 4)
  }

  @Test("binary curves, AUC, AP and losses match scikit-learn", arguments: binary)
  func binaryRanking(_ f: Fixture) throws {
    let t = try f.ints("yTrue")
    let s = try f.vector("yScore")
    let w = f.has("sampleWeight") ? try f.vector("sampleWeight") : nil
    for drop in [true, false] {
      let roc = try rocCurve(yTrue: t, yScore: s, sampleWeight: w, dropIntermediate: drop)
      let e = try f.child("roc_\(drop ? "True" : "False")")
      expectClose(roc.falsePositiveRates, try e.vector("fpr"), "fpr drop=\(drop)")
      expectClose(roc.truePositiveRates, try e.vector("tpr"), "tpr drop=\(drop)")
      expectClose(roc.thresholds, try e.vector("thresholds"), "thresholds drop=\(drop)")
      let pr = try precisionRecallCurve(
        yTrue: t, yScore: s, sampleWeight: w, dropIntermediate: drop)
      let q = try f.child("pr_\(drop ? "True" : "False")")
      expectClose(pr.precision, try q.vector("precision"), "precision drop=\(drop)")
      expectClose(pr.recall, try q.vector("recall"), "recall drop=\(drop)")
      expectClose(pr.thresholds, try q.vector("thresholds"), "pr thresholds drop=\(drop)")
    }
    expectClose(try rocAUCScore(yTrue: t, yScore: s, sampleWeight: w), try f.double("rocAUC"))
    expectClose(
      try rocAUCScore(yTrue: t, yScore: s, sampleWeight: w, maxFPR: 0.3),
      try f.double("rocAUC_maxfpr_0.3"), "partial AUC")
    expectClose(
      try averagePrecisionScore(yTrue: t, yScore: s, sampleWeight: w),
      try f.double("averagePrecision"), "AP")
    let proba = try f.vector("proba")
    expectClose(
      try logLoss(yTrue: t, yProba: proba, sampleWeight: w), try f.double("logLoss"), "log loss")
    expectClose(
      try brierScoreLoss(yTrue: t, yProba: proba, sampleWeight: w), try f.double("brier"),
      "brier")
    expectClose(
      try hingeLoss(yTrue: t, predDecision: s, sampleWeight: w), try f.double("hinge"), "hinge")
    expectClose(
      try topKAccuracyScore(yTrue: t, yScore: s, k: 1, sampleWeight: w), try f.double("top1"),
      "top-1")
    expectClose(
      try topKAccuracyScore(yTrue: t, yScore: proba, k: 1, sampleWeight: w),
      try f.double("top1Proba"), "top-1 proba")
    expectClose(
      try topKAccuracyScore(yTrue: t, yScore: s, sampleWeight: w), try f.double("top2"), "top-2")
  }

  @Test("multiclass AUC, AP, log loss, Brier, top-k and hinge match", arguments: multiclass)
  func multiclassRanking(_ f: Fixture) throws {
    let t = try f.ints("yTrue")
    let p = try f.matrix("proba")
    let w = f.has("sampleWeight") ? try f.vector("sampleWeight") : nil
    if f.has("labels") {
      let labels = try f.ints("labels")
      expectClose(
        try logLoss(yTrue: t, yProba: p, labels: labels), try f.double("logLoss"), "log loss")
      expectClose(
        try brierScoreLoss(yTrue: t, yProba: p, labels: labels), try f.double("brier"), "brier")
      let p5 = try p.appendingRows(Matrix(rows: [[0.2, 0.6, 0.2]]))
      expectClose(
        try rocAUCScore(yTrue: [0, 2, 2, 0, 1], yScore: p5, labels: labels),
        try f.double("ovr_macro_labels"), "ovr with labels")
      return
    }
    for average in ScoreAverage.allCases {
      expectClose(
        try rocAUCScore(yTrue: t, yScore: p, average: average, sampleWeight: w),
        try f.double("ovr_\(average.rawValue)"), "ovr \(average)")
      expectClose(
        try averagePrecisionScore(yTrue: t, yScore: p, average: average, sampleWeight: w),
        try f.double("ap_\(average.rawValue)"), "ap \(average)")
    }
    if w == nil {
      for average in [ScoreAverage.macro, .weighted] {
        expectClose(
          try rocAUCScore(yTrue: t, yScore: p, multiClass: .ovo, average: average),
          try f.double("ovo_\(average.rawValue)"), "ovo \(average)")
      }
    }
    expectClose(try logLoss(yTrue: t, yProba: p, sampleWeight: w), try f.double("logLoss"))
    expectClose(
      try logLoss(yTrue: t, yProba: p, normalize: false, sampleWeight: w),
      try f.double("logLossSum"), "log loss sum")
    expectClose(try brierScoreLoss(yTrue: t, yProba: p, sampleWeight: w), try f.double("brier"))
    let raw = try f.matrix("raw")
    for k in 1...3 {
      expectClose(
        try topKAccuracyScore(yTrue: t, yScore: raw, k: k, sampleWeight: w),
        try f.double("top\(k)"), "top-\(k)")
    }
    let shifted = raw.map { $0 - 0.5 }
    expectClose(
      try hingeLoss(yTrue: t, predDecision: shifted, sampleWeight: w), try f.double("hinge"),
      "hinge")
  }

  @Test("the ROC curve of scikit-learn's documentation example")
  func documentedCurve() throws {
    let roc = try rocCurve(yTrue: [0, 0, 1, 1], yScore: [0.1, 0.4, 0.35, 0.8])
    #expect(roc.thresholds == [.infinity, 0.8, 0.4, 0.35, 0.1])
    #expect(roc.truePositiveRates == [0, 0.5, 0.5, 1, 1])
    #expect(try auc(x: roc.falsePositiveRates, y: roc.truePositiveRates) == 0.75)
  }

  @Test("string labels rank with an explicit or default positive label")
  func stringLabels() throws {
    let y = ["no", "yes", "no", "yes", "yes"]
    let s = [0.1, 0.9, 0.4, 0.3, 0.8]
    let byDefault = try rocAUCScore(yTrue: y, yScore: s)
    let numeric = try rocAUCScore(yTrue: [0, 1, 0, 1, 1], yScore: s)
    #expect(byDefault == numeric)
    let ap = try averagePrecisionScore(yTrue: y, yScore: s, posLabel: "yes")
    #expect(ap == (try averagePrecisionScore(yTrue: [0, 1, 0, 1, 1], yScore: s)))
  }

  @Test("the radix sort orders a large random score vector like a comparison sort")
  func largeInput() throws {
    var g = SeededGenerator(seed: 7)
    let n = 20_000
    let y = (0..<n).map { _ in Int.random(in: 0...1, using: &g) }
    let s = (0..<n).map { _ in (Double.random(in: -3...3, using: &g) * 100).rounded() / 100 }
    // Reference: Mann–Whitney U with midranks.
    let order = s.indices.sorted { s[$0] < s[$1] }
    var ranks = [Double](repeating: 0, count: n)
    var i = 0
    while i < n {
      var j = i
      while j + 1 < n && s[order[j + 1]] == s[order[i]] { j += 1 }
      for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
      i = j + 1
    }
    let positives = Double(y.filter { $0 == 1 }.count)
    let negatives = Double(n) - positives
    var rankSum = 0.0
    for k in 0..<n where y[k] == 1 { rankSum += ranks[k] }
    let expected = (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    expectClose(try rocAUCScore(yTrue: y, yScore: s), expected, rtol: 1e-12)
  }
}

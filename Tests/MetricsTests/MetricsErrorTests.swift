import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Metrics input errors")
struct MetricsErrorTests {
  @Test("mismatched lengths are lengthMismatch naming the input")
  func lengths() {
    #expect(throws: LearnError.lengthMismatch(input: "y_pred", expected: 3, got: 2)) {
      try f1Score(yTrue: [0, 1, 1], yPred: [0, 1])
    }
    #expect(throws: LearnError.lengthMismatch(input: "y_pred", expected: 2, got: 1)) {
      try confusionMatrix(yTrue: ["a", "b"], yPred: ["a"])
    }
    #expect(throws: LearnError.lengthMismatch(input: "y_score", expected: 3, got: 2)) {
      try rocAUCScore(yTrue: [0, 1, 1], yScore: [0.1, 0.2])
    }
    #expect(throws: LearnError.lengthMismatch(input: "y_proba", expected: 2, got: 3)) {
      try logLoss(yTrue: [0, 1], yProba: [0.1, 0.2, 0.3])
    }
    #expect(throws: LearnError.lengthMismatch(input: "sample_weight", expected: 2, got: 1)) {
      try accuracyScore(yTrue: [0, 1], yPred: [0, 1], sampleWeight: [1])
    }
    #expect(throws: LearnError.lengthMismatch(input: "labels_pred", expected: 2, got: 3)) {
      try adjustedRandScore(labelsTrue: [0, 1], labelsPred: [0, 1, 1])
    }
    #expect(throws: LearnError.lengthMismatch(input: "y_proba columns", expected: 3, got: 2)) {
      try logLoss(yTrue: [0, 1, 2], yProba: Matrix(rows: [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]))
    }
    #expect(throws: LearnError.lengthMismatch(input: "y_pred outputs", expected: 2, got: 1)) {
      try r2Score(yTrue: Matrix.zeros(3, 2), yPred: Matrix.zeros(3, 1))
    }
  }

  @Test("empty input is emptyInput")
  func empty() {
    let none: [Int] = []
    #expect(
      throws: LearnError.emptyInput(
        input: "y_true", reason: "found 0 samples, at least 1 is required")
    ) {
      try precisionScore(yTrue: none, yPred: none)
    }
    #expect(
      throws: LearnError.emptyInput(
        input: "y_true", reason: "found 0 samples, at least 1 is required")
    ) {
      try rocAUCScore(yTrue: none, yScore: [])
    }
    #expect(
      throws: LearnError.emptyInput(
        input: "y_true", reason: "found 0 samples, at least 1 is required")
    ) {
      try meanAbsolutePercentageError(yTrue: [], yPred: [])
    }
    #expect(
      throws: LearnError.emptyInput(
        input: "labels_true", reason: "found 0 samples, at least 1 is required")
    ) {
      try mutualInfoScore(labelsTrue: none, labelsPred: none)
    }
    #expect(throws: LearnError.self) { try silhouetteScore(x: Matrix.zeros(0, 2), labels: none) }
  }

  @Test("a single class in y_true for ROC AUC is tooFewClasses")
  func singleClassAUC() {
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try rocAUCScore(yTrue: [1, 1, 1], yScore: [0.2, 0.4, 0.9])
    }
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try rocAUCScore(
        yTrue: [2, 2], yScore: Matrix(rows: [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]]), labels: [0, 1, 2])
    }
  }

  @Test("unknown labels are unknownLabel")
  func unknownLabels() {
    #expect(throws: LearnError.self) {
      try confusionMatrix(yTrue: [0, 1], yPred: [0, 1], labels: [5, 6])
    }
    #expect {
      try logLoss(
        yTrue: [0, 3], yProba: Matrix(rows: [[0.5, 0.5], [0.5, 0.5]]), labels: [0, 1])
    } throws: { error in
      if case LearnError.unknownLabel = error { return true }
      return false
    }
    #expect {
      try rocAUCScore(
        yTrue: [0, 1, 7], yScore: Matrix(rows: [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [1, 0, 0]]),
        labels: [0, 1, 2])
    } throws: { error in
      if case LearnError.unknownLabel = error { return true }
      return false
    }
    #expect {
      try topKAccuracyScore(yTrue: [0, 9], yScore: Matrix.zeros(2, 3), labels: [0, 1, 2])
    } throws: { error in
      if case LearnError.unknownLabel = error { return true }
      return false
    }
  }

  @Test("invalid parameters name the parameter")
  func parameters() {
    #expect {
      try f1Score(yTrue: [0, 1, 2], yPred: [0, 1, 2])
    } throws: { error in
      if case LearnError.invalidParameter(_, "average", _, _) = error { return true }
      return false
    }
    #expect {
      try precisionScore(yTrue: [2, 3], yPred: [2, 3])
    } throws: { error in
      if case LearnError.invalidParameter(_, "pos_label", _, _) = error { return true }
      return false
    }
    #expect {
      try fBetaScore(yTrue: [0, 1], yPred: [0, 1], beta: -1)
    } throws: { error in
      if case LearnError.invalidParameter(_, "beta", _, _) = error { return true }
      return false
    }
    #expect {
      try rocAUCScore(yTrue: [0, 1], yScore: [0.1, 0.9], maxFPR: 0)
    } throws: { error in
      if case LearnError.invalidParameter(_, "max_fpr", _, _) = error { return true }
      return false
    }
    #expect {
      try meanPinballLoss(yTrue: [1], yPred: [1], alpha: 2)
    } throws: { error in
      if case LearnError.invalidParameter(_, "alpha", _, _) = error { return true }
      return false
    }
    #expect {
      try meanTweedieDeviance(yTrue: [1], yPred: [1], power: 0.5)
    } throws: { error in
      if case LearnError.invalidParameter(_, "power", _, _) = error { return true }
      return false
    }
    #expect {
      try classificationReport(yTrue: [0, 1], yPred: [0, 1], targetNames: ["only one"])
    } throws: { error in
      if case LearnError.invalidParameter(_, "target_names", _, _) = error { return true }
      return false
    }
    #expect {
      try rocAUCScore(
        yTrue: [0, 1, 2], yScore: Matrix(rows: [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [1, 0, 0]]),
        multiClass: .ovo, sampleWeight: [1, 1, 1])
    } throws: { error in
      if case LearnError.invalidParameter(_, "sample_weight", _, _) = error { return true }
      return false
    }
  }

  @Test("values outside a metric's domain are unsupportedInput")
  func domains() {
    #expect {
      try logLoss(yTrue: [0, 1], yProba: [0.5, 1.5])
    } throws: { error in
      if case LearnError.unsupportedInput("y_proba", _) = error { return true }
      return false
    }
    #expect {
      try meanSquaredLogError(yTrue: [1, -2], yPred: [1, 1])
    } throws: { error in
      if case LearnError.unsupportedInput("y_true", _) = error { return true }
      return false
    }
    #expect {
      try meanGammaDeviance(yTrue: [1, 2], yPred: [1, 0])
    } throws: { error in
      if case LearnError.unsupportedInput("y_pred", _) = error { return true }
      return false
    }
    #expect {
      try rocAUCScore(
        yTrue: [0, 1, 2], yScore: Matrix(rows: [[1, 1, 1], [1, 1, 1], [1, 1, 1]]))
    } throws: { error in
      if case LearnError.unsupportedInput("y_score", _) = error { return true }
      return false
    }
    #expect {
      try silhouetteScore(x: Matrix.zeros(3, 2), labels: [0, 0, 0])
    } throws: { error in
      if case LearnError.unsupportedInput("labels", _) = error { return true }
      return false
    }
    #expect(throws: LearnError.nonFinite(input: "y_score", row: 1, column: 0)) {
      try rocCurve(yTrue: [0, 1], yScore: [0.3, .nan])
    }
  }

  @Test("zero division is flagged like scikit-learn's warning")
  func zeroDivisionFlag() throws {
    let r = try precisionRecallFScoreSupport(yTrue: [0, 1, 1], yPred: [0, 0, 0], average: .binary)
    #expect(r.precision == [0])
    #expect(r.isIllDefined)
    let clean = try precisionRecallFScoreSupport(yTrue: [0, 1], yPred: [0, 1], average: .binary)
    #expect(!clean.isIllDefined)
    let one = try precisionScore(yTrue: [0, 1, 1], yPred: [0, 0, 0], zeroDivision: .one)
    #expect(one == 1)
    #expect(try precisionScore(yTrue: [0, 1, 1], yPred: [0, 0, 0], zeroDivision: .nan).isNaN)
  }
}

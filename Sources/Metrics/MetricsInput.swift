import SwiftLearnCore

/// Shared checks for metric inputs: equal lengths, non-empty, finite, valid weights.
enum MetricInput {
  static func pair(_ yTrue: [Double], _ yPred: [Double], sampleWeight: [Double]?) throws {
    guard !yTrue.isEmpty else {
      throw LearnError.emptyInput(
        input: "y_true", reason: "found 0 samples, at least 1 is required")
    }
    guard yPred.count == yTrue.count else {
      throw LearnError.lengthMismatch(input: "y_pred", expected: yTrue.count, got: yPred.count)
    }
    for (i, v) in yTrue.enumerated() where !v.isFinite {
      throw LearnError.nonFinite(input: "y_true", row: i, column: 0)
    }
    for (i, v) in yPred.enumerated() where !v.isFinite {
      throw LearnError.nonFinite(input: "y_pred", row: i, column: 0)
    }
    try Validate.sampleWeight(sampleWeight, sampleCount: yTrue.count)
  }

  static func labels<L>(_ yTrue: [L], _ yPred: [L], sampleWeight: [Double]?) throws {
    guard !yTrue.isEmpty else {
      throw LearnError.emptyInput(
        input: "y_true", reason: "found 0 samples, at least 1 is required")
    }
    guard yPred.count == yTrue.count else {
      throw LearnError.lengthMismatch(input: "y_pred", expected: yTrue.count, got: yPred.count)
    }
    try Validate.sampleWeight(sampleWeight, sampleCount: yTrue.count)
  }
}

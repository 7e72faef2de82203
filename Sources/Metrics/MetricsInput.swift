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

  static func labels<L, P>(
    _ yTrue: [L], _ yPred: [P], sampleWeight: [Double]?, input: String = "y_pred"
  ) throws {
    guard !yTrue.isEmpty else {
      throw LearnError.emptyInput(
        input: "y_true", reason: "found 0 samples, at least 1 is required")
    }
    guard yPred.count == yTrue.count else {
      throw LearnError.lengthMismatch(input: input, expected: yTrue.count, got: yPred.count)
    }
    try Validate.sampleWeight(sampleWeight, sampleCount: yTrue.count)
  }
}

extension MetricInput {
  /// Checks that every value of a score vector is finite, naming the first bad row.
  static func finite(_ values: [Double], input: String) throws {
    for (i, v) in values.enumerated() where !v.isFinite {
      throw LearnError.nonFinite(input: input, row: i, column: 0)
    }
  }
}

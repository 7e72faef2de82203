import SwiftLearnCore

/// The (weighted) fraction of predictions equal to the truth.
///
/// scikit-learn: `sklearn.metrics.accuracy_score` (`normalize=True`).
///
///     let accuracy = try accuracyScore(yTrue: y, yPred: model.predict(x))
///
/// - Throws: `LearnError.emptyInput(input:reason:)`, `LearnError.lengthMismatch(input:expected:got:)`,
///   `LearnError.invalidSampleWeight(reason:)`.
/// - Complexity: O(n).
public func accuracyScore<Label: Equatable>(
  yTrue: [Label], yPred: [Label], sampleWeight: [Double]? = nil
) throws -> Double {
  try MetricInput.labels(yTrue, yPred, sampleWeight: sampleWeight)
  return weightedMean(count: yTrue.count, sampleWeight) { yTrue[$0] == yPred[$0] ? 1 : 0 }
}

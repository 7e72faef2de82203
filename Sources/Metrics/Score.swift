import LinearAlgebra
import SwiftLearnCore

extension FittedRegressor {
  /// R² of the predictions on `x` against `y` (scikit-learn's `RegressorMixin.score`).
  ///
  /// - Throws: the model's prediction errors and ``r2Score(yTrue:yPred:sampleWeight:forceFinite:)``'s.
  /// - Complexity: one `predict` plus O(n).
  public func score(_ x: Matrix, _ y: [Double], sampleWeight: [Double]? = nil) throws -> Double {
    try r2Score(yTrue: y, yPred: predict(x), sampleWeight: sampleWeight)
  }
}

extension FittedClassifier {
  /// Accuracy of the predictions on `x` against `y` (scikit-learn's `ClassifierMixin.score`).
  ///
  /// - Throws: the model's prediction errors and ``accuracyScore(yTrue:yPred:sampleWeight:)``'s.
  /// - Complexity: one `predict` plus O(n).
  public func score(_ x: Matrix, _ y: [Label], sampleWeight: [Double]? = nil) throws -> Double {
    try accuracyScore(yTrue: y, yPred: predict(x), sampleWeight: sampleWeight)
  }
}

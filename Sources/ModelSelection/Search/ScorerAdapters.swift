import LinearAlgebra
import Metrics
import SwiftLearnCore

extension RegressionScorer {
  /// This scorer as the scoring closure of cross-validation, searches and curves.
  ///
  ///     GridSearch(model, axes: axes, scoring: RegressionScorer.negMeanSquaredError.scoring())
  ///
  /// - Parameter model: The fitted model type (inferred from the call site).
  /// - Returns: `{ fitted, x, y in try score(fitted, x, y) }`.
  public func scoring<M: FittedRegressor>(for model: M.Type = M.self)
    -> CrossValidationScoring<M, [Double]>
  {
    { try self.score($0, $1, $2) }
  }
}

extension ClassificationScorer {
  /// This scorer as a scoring closure for classifiers that only predict labels (prediction
  /// scorers; others throw `LearnError.unsupportedInput` when called).
  ///
  /// - Parameter model: The fitted model type (inferred from the call site).
  /// - Returns: `{ fitted, x, y in try score(fitted, x, y) }`.
  public func scoring<M: FittedClassifier>(for model: M.Type = M.self)
    -> CrossValidationScoring<M, [Label]> where M.Label == Label
  {
    { try self.score($0, $1, $2) }
  }

  /// This scorer as a scoring closure for probabilistic classifiers (every scorer).
  ///
  ///     GridSearch(model, axes: axes, scoring: ClassificationScorer<Int>.negLogLoss.scoring())
  ///
  /// - Parameter model: The fitted model type (inferred from the call site).
  /// - Returns: `{ fitted, x, y in try score(fitted, x, y) }`.
  public func scoring<M: ProbabilisticClassifier>(for model: M.Type = M.self)
    -> CrossValidationScoring<M, [Label]> where M.Label == Label
  {
    { try self.score($0, $1, $2) }
  }

  /// This scorer as a scoring closure for classifiers with probabilities and a decision
  /// function (score scorers use the decision function, as scikit-learn).
  ///
  /// - Parameter model: The fitted model type (inferred from the call site).
  /// - Returns: `{ fitted, x, y in try score(fitted, x, y) }`.
  public func scoring<M: ProbabilisticClassifier & DecisionFunctionProviding>(
    for model: M.Type = M.self
  ) -> CrossValidationScoring<M, [Label]> where M.Label == Label {
    { try self.score($0, $1, $2) }
  }
}

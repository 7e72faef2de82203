import LinearAlgebra
import SwiftLearnCore

/// A named regression metric that scores a fitted model, with greater always better.
///
/// scikit-learn: a scorer from `sklearn.metrics.get_scorer` / `make_scorer` on a regressor.
/// Loss metrics are negated and their names start with `neg_`, exactly as in scikit-learn, so
/// model selection can always maximize ``score(_:_:_:sampleWeight:)``.
///
///     let scorer = try RegressionScorer(named: "neg_root_mean_squared_error")
///     let s = try scorer.score(fitted, x, y)        // −RMSE
///
/// Model selection calls `score` generically over any `FittedRegressor`.
public struct RegressionScorer: Sendable {
  /// scikit-learn's scorer name (`"r2"`, `"neg_mean_squared_error"`, ...).
  public let name: String
  /// Whether the underlying metric grows with quality; when `false`, scores are negated.
  public let greaterIsBetter: Bool
  /// The underlying metric `(yTrue, yPred, sampleWeight) -> value` (not negated).
  public let metric: @Sendable ([Double], [Double], [Double]?) throws -> Double

  /// A scorer from a custom metric (scikit-learn's `make_scorer`).
  ///
  /// - Parameters:
  ///   - name: a display name.
  ///   - greaterIsBetter: `false` for a loss; scores are then negated (default `true`).
  ///   - metric: `(yTrue, yPred, sampleWeight) -> value`.
  /// - Throws: nothing here; ``score(yTrue:yPred:sampleWeight:)`` rethrows the metric's errors.
  /// - Complexity: O(1).
  public init(
    name: String, greaterIsBetter: Bool = true,
    metric: @escaping @Sendable ([Double], [Double], [Double]?) throws -> Double
  ) {
    self.name = name
    self.greaterIsBetter = greaterIsBetter
    self.metric = metric
  }

  /// The scorer scikit-learn registers under `name`.
  ///
  /// - Throws: `LearnError.invalidParameter` when `name` is not one of ``allNames``.
  /// - Complexity: O(1) (a dictionary lookup).
  public init(named name: String) throws {
    guard let scorer = RegressionScorer.registry[name] else {
      throw LearnError.invalidParameter(
        estimator: "RegressionScorer", name: "scoring", value: name,
        expected: "one of \(RegressionScorer.allNames.joined(separator: ", "))")
    }
    self = scorer
  }

  /// The metric on given predictions, negated when ``greaterIsBetter`` is `false`.
  ///
  /// - Throws: the metric's errors.
  /// - Complexity: the metric's.
  public func score(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil) throws
    -> Double
  {
    let v = try metric(yTrue, yPred, sampleWeight)
    return greaterIsBetter ? v : -v
  }

  /// Scores a fitted regressor on `(x, y)`: predicts, then applies the metric.
  ///
  /// - Throws: the model's prediction errors and the metric's.
  /// - Complexity: one `predict` plus the metric.
  public func score<Model: FittedRegressor>(
    _ model: Model, _ x: Matrix, _ y: [Double], sampleWeight: [Double]? = nil
  ) throws -> Double {
    try score(yTrue: y, yPred: model.predict(x), sampleWeight: sampleWeight)
  }

  /// R² (scikit-learn `"r2"`).
  public static let r2 = RegressionScorer(name: "r2") {
    try r2Score(yTrue: $0, yPred: $1, sampleWeight: $2)
  }
  /// Explained variance (`"explained_variance"`).
  public static let explainedVariance = RegressionScorer(name: "explained_variance") {
    try explainedVarianceScore(yTrue: $0, yPred: $1, sampleWeight: $2)
  }
  /// −MSE (`"neg_mean_squared_error"`).
  public static let negMeanSquaredError = RegressionScorer(
    name: "neg_mean_squared_error", greaterIsBetter: false
  ) { try meanSquaredError(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −RMSE (`"neg_root_mean_squared_error"`).
  public static let negRootMeanSquaredError = RegressionScorer(
    name: "neg_root_mean_squared_error", greaterIsBetter: false
  ) { try rootMeanSquaredError(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −MAE (`"neg_mean_absolute_error"`).
  public static let negMeanAbsoluteError = RegressionScorer(
    name: "neg_mean_absolute_error", greaterIsBetter: false
  ) { try meanAbsoluteError(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −median absolute error (`"neg_median_absolute_error"`).
  public static let negMedianAbsoluteError = RegressionScorer(
    name: "neg_median_absolute_error", greaterIsBetter: false
  ) { try medianAbsoluteError(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −MAPE (`"neg_mean_absolute_percentage_error"`).
  public static let negMeanAbsolutePercentageError = RegressionScorer(
    name: "neg_mean_absolute_percentage_error", greaterIsBetter: false
  ) { try meanAbsolutePercentageError(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −max error (`"neg_max_error"`; sample weights are not used).
  public static let negMaxError = RegressionScorer(name: "neg_max_error", greaterIsBetter: false) {
    t, p, _ in try maxError(yTrue: t, yPred: p)
  }
  /// −MSLE (`"neg_mean_squared_log_error"`).
  public static let negMeanSquaredLogError = RegressionScorer(
    name: "neg_mean_squared_log_error", greaterIsBetter: false
  ) { try meanSquaredLogError(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −RMSLE (`"neg_root_mean_squared_log_error"`).
  public static let negRootMeanSquaredLogError = RegressionScorer(
    name: "neg_root_mean_squared_log_error", greaterIsBetter: false
  ) { try rootMeanSquaredLogError(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −mean Poisson deviance (`"neg_mean_poisson_deviance"`).
  public static let negMeanPoissonDeviance = RegressionScorer(
    name: "neg_mean_poisson_deviance", greaterIsBetter: false
  ) { try meanPoissonDeviance(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// −mean Gamma deviance (`"neg_mean_gamma_deviance"`).
  public static let negMeanGammaDeviance = RegressionScorer(
    name: "neg_mean_gamma_deviance", greaterIsBetter: false
  ) { try meanGammaDeviance(yTrue: $0, yPred: $1, sampleWeight: $2) }
  /// D² of the absolute error (`"d2_absolute_error_score"`).
  public static let d2AbsoluteError = RegressionScorer(name: "d2_absolute_error_score") {
    try d2AbsoluteErrorScore(yTrue: $0, yPred: $1, sampleWeight: $2)
  }

  static let registry: [String: RegressionScorer] = {
    let all: [RegressionScorer] = [
      .r2, .explainedVariance, .negMeanSquaredError, .negRootMeanSquaredError,
      .negMeanAbsoluteError, .negMedianAbsoluteError, .negMeanAbsolutePercentageError,
      .negMaxError, .negMeanSquaredLogError, .negRootMeanSquaredLogError,
      .negMeanPoissonDeviance, .negMeanGammaDeviance, .d2AbsoluteError,
    ]
    return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
  }()

  /// The names ``init(named:)`` accepts, sorted.
  public static var allNames: [String] { registry.keys.sorted() }
}

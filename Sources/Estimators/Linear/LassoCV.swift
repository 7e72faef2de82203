import LinearAlgebra
import SwiftLearnCore

/// Lasso with `alpha` chosen by K-fold cross-validation along a regularisation path.
///
/// ``ElasticNetCV`` with `l1Ratio = 1`: a path of `alphaCount` alphas from `alpha_max` down to
/// `eps·alpha_max` is fitted on every training fold (warm-started), the alpha with the lowest
/// mean test MSE wins, and the model is refitted on all the data. scikit-learn:
/// `sklearn.linear_model.LassoCV`; defaults match scikit-learn 1.9 (`eps` 1e-3, 100 alphas,
/// 5 contiguous folds, `maxIter` 1000, `tol` 1e-4).
///
///     let model = try LassoCV().fit(x, y)
///     model.alpha; model.alphas[0]; model.mseMatrix   // alpha_, alphas_, mse_path_
///
/// - Complexity: `cvFolds · alphaCount` warm-started coordinate-descent fits.
public struct LassoCV: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The fitted model is an ``ElasticNetCV/Fitted`` with `l1Ratio` 1.
  public typealias Fitted = ElasticNetCV.Fitted

  /// Path length `alpha_min / alpha_max` (scikit-learn's `eps`, default 1e-3).
  public var eps: Double
  /// Alphas on the path when ``alphas`` is `nil` (scikit-learn's `alphas=100`).
  public var alphaCount: Int
  /// Explicit alphas, or `nil` to build the path from the data.
  public var alphas: [Double]?
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`).
  public var fitIntercept: Bool
  /// Maximum passes per fit (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int
  /// Duality-gap tolerance relative to `‖y‖²` (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// Number of contiguous folds (scikit-learn's `cv=None`, i.e. 5).
  public var cvFolds: Int
  /// Constrains the coefficients to be non-negative (scikit-learn's `positive`).
  public var positive: Bool
  /// Coordinate order (scikit-learn's `selection`).
  public var selection: ElasticNet.Selection
  /// Seed for `.random` selection (scikit-learn's `random_state`).
  public var seed: UInt64?

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    eps: Double = 1e-3, alphaCount: Int = 100, alphas: [Double]? = nil,
    fitIntercept: Bool = true, maxIter: Int = 1000, tol: Double = 1e-4, cvFolds: Int = 5,
    positive: Bool = false, selection: ElasticNet.Selection = .cyclic, seed: UInt64? = nil
  ) {
    self.eps = eps
    self.alphaCount = alphaCount
    self.alphas = alphas
    self.fitIntercept = fitIntercept
    self.maxIter = maxIter
    self.tol = tol
    self.cvFolds = cvFolds
    self.positive = positive
    self.selection = selection
    self.seed = seed
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(eps: 1e-3) }

  /// LassoCV accepts sample weights.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  var elasticNetCV: ElasticNetCV {
    ElasticNetCV(
      l1Ratios: [1], eps: eps, alphaCount: alphaCount, alphas: alphas,
      fitIntercept: fitIntercept, maxIter: maxIter, tol: tol, cvFolds: cvFolds,
      positive: positive, selection: selection, seed: seed)
  }

  /// Checks every hyperparameter.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `eps`,
  ///   `alphaCount`, `alphas`, `maxIter`, `tol` or `cvFolds`.
  public func validateHyperparameters() throws {
    try elasticNetCV.validate(estimator: "LassoCV")
  }

  /// Cross-validates the path, picks the best alpha and refits on all the data.
  ///
  /// - Throws: as `ElasticNetCV.fit(_:_:sampleWeight:)`.
  /// - Complexity: see ``LassoCV``.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    let cv = elasticNetCV
    try cv.validate(estimator: "LassoCV")
    return try cv.fitPath(x, y, sampleWeight: sampleWeight, estimator: "LassoCV")
  }
}

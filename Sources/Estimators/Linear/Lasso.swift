import LinearAlgebra
import SwiftLearnCore

/// Linear regression with an L1 penalty, fitted by coordinate descent.
///
/// Minimises `1/(2n)·‖y − Xβ − b‖² + alpha·‖β‖₁`: ``ElasticNet`` with `l1Ratio = 1`, the same
/// solver, stopping rule, sample-weight handling and diagnostics. scikit-learn:
/// `sklearn.linear_model.Lasso`; defaults match scikit-learn 1.9 (`alpha` 1, `maxIter` 1000,
/// `tol` 1e-4, cyclic selection). Not yet offered: a user-supplied Gram matrix, multi-target `y`.
///
///     let model = try Lasso(alpha: 0.1).fit(x, y)
///     model.coefficients.filter { $0 != 0 }.count   // selected features
///
/// - Complexity: O(n·d) per pass over the coordinates.
public struct Lasso: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The fitted model is an ``ElasticNet/Fitted``.
  public typealias Fitted = ElasticNet.Fitted

  /// Penalty strength `alpha ≥ 0` (scikit-learn's `alpha`, default 1).
  public var alpha: Double
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// Run coordinate descent on the precomputed Gram matrix `XᵀX` (scikit-learn's
  /// `precompute=True`, default false).
  public var precompute: Bool
  /// Maximum passes over the coordinates (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int
  /// Duality-gap tolerance relative to `‖y‖²` (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// Constrains the coefficients to be non-negative (scikit-learn's `positive`).
  public var positive: Bool
  /// Coordinate order (scikit-learn's `selection`, default `.cyclic`).
  public var selection: ElasticNet.Selection
  /// Seed for `.random` selection (scikit-learn's `random_state`); `nil` draws one.
  public var seed: UInt64?

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    alpha: Double = 1, fitIntercept: Bool = true, precompute: Bool = false,
    maxIter: Int = 1000, tol: Double = 1e-4, positive: Bool = false,
    selection: ElasticNet.Selection = .cyclic, seed: UInt64? = nil
  ) {
    self.alpha = alpha
    self.fitIntercept = fitIntercept
    self.precompute = precompute
    self.maxIter = maxIter
    self.tol = tol
    self.positive = positive
    self.selection = selection
    self.seed = seed
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(alpha: 1) }

  /// Lasso accepts sample weights.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  var settings: ElasticNetSettings {
    ElasticNetSettings(
      alpha: alpha, l1Ratio: 1, fitIntercept: fitIntercept, maxIter: maxIter, tol: tol,
      positive: positive, selection: selection, seed: seed, precompute: precompute)
  }

  /// Checks `alpha`, `tol` and `maxIter`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the first
  ///   parameter out of range.
  public func validateHyperparameters() throws {
    try settings.validate(estimator: "Lasso")
  }

  /// Fits from zero coefficients.
  ///
  /// - Throws: as `ElasticNet.fit(_:_:sampleWeight:)`.
  /// - Complexity: see ``Lasso``.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try fit(x, y, sampleWeight: sampleWeight, startingFrom: nil)
  }

  /// Fits starting from the coefficients of an earlier fit (scikit-learn's `warm_start`).
  ///
  /// - Throws: as ``fit(_:_:sampleWeight:)``; `LearnError.featureCountMismatch(expected:got:)`
  ///   when `start` has a different feature count.
  public func fit(
    _ x: Matrix, _ y: [Double], sampleWeight: [Double]? = nil, startingFrom start: Fitted?
  ) throws -> Fitted {
    try validateHyperparameters()
    return try settings.fit(
      x, y, sampleWeight: sampleWeight, start: start?.coefficients, estimator: "Lasso")
  }
}

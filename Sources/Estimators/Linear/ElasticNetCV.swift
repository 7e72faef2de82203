import LinearAlgebra
import SwiftLearnCore

/// Elastic net with `alpha` (and `l1Ratio`) chosen by K-fold cross-validation along a path.
///
/// For each `l1Ratio`, a path of `alphaCount` alphas from `alpha_max` (the smallest alpha
/// with all-zero coefficients) down to `eps·alpha_max` is fitted on every training fold, each
/// alpha warm-started from the previous one; the pair with the lowest mean test MSE over the
/// folds wins and the model is refitted on all the data. Folds are contiguous, without
/// shuffling (scikit-learn's `KFold(cvFolds)`). scikit-learn: `sklearn.linear_model.ElasticNetCV`;
/// defaults match scikit-learn 1.9 (`l1Ratios` [0.5], `eps` 1e-3, 100 alphas, 5 folds,
/// `maxIter` 1000, `tol` 1e-4). As with scikit-learn's `precompute="auto"`, fold fits run on
/// the Gram matrix when the fold has more rows than features. A custom splitter (`cv=`) is not
/// offered yet.
///
///     let model = try ElasticNetCV(l1Ratios: [0.1, 0.5, 0.9]).fit(x, y)
///     model.alpha; model.l1Ratio; model.mseMatrix
///
/// - Complexity: `l1Ratios.count · cvFolds · alphaCount` coordinate-descent fits (warm-started,
///   so most take a few passes), each pass O(n·d).
public struct ElasticNetCV: Regressor, SampleWeightedEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The candidate L1 shares, each in [0, 1] (scikit-learn's `l1_ratio`, default 0.5).
  public var l1Ratios: [Double]
  /// Path length `alpha_min / alpha_max` (scikit-learn's `eps`, default 1e-3).
  public var eps: Double
  /// Alphas per path when ``alphas`` is `nil` (scikit-learn's `alphas=100`).
  public var alphaCount: Int
  /// Explicit alphas (sorted descending before use); `nil` builds the path from the data
  /// (scikit-learn's `alphas` as a list).
  public var alphas: [Double]?
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`).
  public var fitIntercept: Bool
  /// Maximum passes per fit (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int
  /// Duality-gap tolerance relative to `‖y‖²` (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// Number of contiguous folds (scikit-learn's `cv=None`, i.e. 5-fold `KFold`).
  public var cvFolds: Int
  /// Constrains the coefficients to be non-negative (scikit-learn's `positive`).
  public var positive: Bool
  /// Coordinate order (scikit-learn's `selection`).
  public var selection: ElasticNet.Selection
  /// Seed for `.random` selection (scikit-learn's `random_state`).
  public var seed: UInt64?

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    l1Ratios: [Double] = [0.5], eps: Double = 1e-3, alphaCount: Int = 100,
    alphas: [Double]? = nil, fitIntercept: Bool = true, maxIter: Int = 1000, tol: Double = 1e-4,
    cvFolds: Int = 5, positive: Bool = false, selection: ElasticNet.Selection = .cyclic,
    seed: UInt64? = nil
  ) {
    self.l1Ratios = l1Ratios
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
  public init() { self.init(l1Ratios: [0.5]) }

  /// ElasticNetCV accepts sample weights.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// Checks every hyperparameter.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the first
  ///   out of range: `l1Ratios` (empty, outside [0, 1], or 0 with an automatic path), `eps`,
  ///   `alphaCount`, `alphas`, `maxIter`, `tol`, `cvFolds`.
  public func validateHyperparameters() throws {
    try validate(estimator: "ElasticNetCV")
  }

  func validate(estimator: String) throws {
    guard !l1Ratios.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "l1Ratios", value: "[]", expected: "at least one ratio")
    }
    for ratio in l1Ratios {
      try Check.within(ratio, 0...1, estimator: estimator, name: "l1Ratios")
      if ratio == 0 && alphas == nil {
        throw LearnError.invalidParameter(
          estimator: estimator, name: "l1Ratios", value: "0",
          expected: "a ratio > 0 when the alpha path is built from the data (give alphas)")
      }
    }
    try Check.finite(eps, atLeast: 0, inclusive: false, estimator: estimator, name: "eps")
    try Check.count(alphaCount, atLeast: 1, estimator: estimator, name: "alphaCount")
    if let alphas {
      guard !alphas.isEmpty else {
        throw LearnError.invalidParameter(
          estimator: estimator, name: "alphas", value: "[]", expected: "at least one alpha")
      }
      for a in alphas { try Check.finite(a, atLeast: 0, estimator: estimator, name: "alphas") }
    }
    try Check.count(maxIter, atLeast: 1, estimator: estimator, name: "maxIter")
    try Check.finite(tol, atLeast: 0, estimator: estimator, name: "tol")
    try Check.count(cvFolds, atLeast: 2, estimator: estimator, name: "cvFolds")
  }

  /// Cross-validates the path, picks the best `(alpha, l1Ratio)` and refits on all the data.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` (also when
  ///   `cvFolds` exceeds the number of samples), `LearnError.emptyInput(input:reason:)`,
  ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.lengthMismatch(input:expected:got:)`,
  ///   `LearnError.invalidSampleWeight(reason:)` (also when a fold has only zero weights).
  /// - Complexity: see ``ElasticNetCV``.
  public func fit(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?) throws -> Fitted {
    try validate(estimator: "ElasticNetCV")
    return try fitPath(x, y, sampleWeight: sampleWeight, estimator: "ElasticNetCV")
  }

  func fitPath(_ x: Matrix, _ y: [Double], sampleWeight: [Double]?, estimator: String) throws
    -> Fitted
  {
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let n = x.rowCount
    guard cvFolds <= n else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "cvFolds", value: "\(cvFolds)",
        expected: "at most the number of samples (\(n))")
    }
    var settings = ElasticNetSettings(
      alpha: 1, l1Ratio: 1, fitIntercept: fitIntercept, maxIter: maxIter, tol: tol,
      positive: positive, selection: selection, seed: seed ?? SeededGenerator.randomSeed())
    let folds = ElasticNetPath.kFoldTestRanges(sampleCount: n, folds: cvFolds)
    var grids: [[Double]] = []
    var mse: [Matrix] = []
    var best: (mse: Double, alpha: Double, ratio: Double) = (.infinity, 0, 0)
    for ratio in l1Ratios {
      settings.l1Ratio = ratio
      let grid =
        alphas.map { $0.sorted(by: >) }
        ?? ElasticNetPath.alphaGrid(
          x, y, weights: weights, l1Ratio: ratio, fitIntercept: fitIntercept,
          positive: positive, eps: eps, count: alphaCount)
      var table = [Double](repeating: 0, count: grid.count * folds.count)
      for (f, test) in folds.enumerated() {
        let errors: [Double]
        do {
          errors = try ElasticNetPath.foldErrors(
            x, y, weights: weights, test: test, settings: settings, alphas: grid)
        } catch let error as LinearAlgebraError {
          throw LearnError.numericalFailure(estimator: estimator, reason: error.description)
        }
        for a in 0..<grid.count { table[a * folds.count + f] = errors[a] }
      }
      for a in 0..<grid.count {
        var mean = 0.0
        for f in 0..<folds.count { mean += table[a * folds.count + f] }
        mean /= Double(folds.count)
        if mean < best.mse { best = (mean, grid[a], ratio) }
      }
      grids.append(grid)
      mse.append(Matrix(unchecked: grid.count, folds.count, table))
    }
    guard best.mse.isFinite else {
      throw LearnError.numericalFailure(
        estimator: estimator, reason: "no alpha gave a finite cross-validation error")
    }
    settings.alpha = best.alpha
    settings.l1Ratio = best.ratio
    let model = try settings.fit(
      x, y, sampleWeight: sampleWeight, start: nil, estimator: estimator)
    return Fitted(
      model: model, alpha: best.alpha, l1Ratio: best.ratio, l1Ratios: l1Ratios,
      alphas: grids, mseMatrices: mse)
  }

  /// A fitted ``ElasticNetCV`` (also the fitted type of ``LassoCV``).
  public struct Fitted: FittedRegressor, Hashable {
    /// The elastic net refitted on all the data at the chosen penalty.
    public let model: ElasticNet.Fitted
    /// The chosen alpha (scikit-learn's `alpha_`).
    public let alpha: Double
    /// The chosen L1 share (scikit-learn's `l1_ratio_`; 1 for ``LassoCV``).
    public let l1Ratio: Double
    /// The L1 shares that were tried, in the given order.
    public let l1Ratios: [Double]
    /// The alpha path per L1 share, descending (scikit-learn's `alphas_`).
    public let alphas: [[Double]]
    /// Per L1 share, the test MSE with one row per alpha and one column per fold
    /// (scikit-learn's `mse_path_`).
    public let mseMatrices: [Matrix]

    /// One coefficient per feature (scikit-learn's `coef_`).
    public var coefficients: [Double] { model.coefficients }
    /// The intercept (scikit-learn's `intercept_`).
    public var intercept: Double { model.intercept }
    /// The test-MSE matrix of the first (for ``LassoCV`` the only) L1 share.
    public var mseMatrix: Matrix { mseMatrices.first ?? Matrix.zeros(0, 0) }
    /// The number of features seen during fit.
    public var featureCount: Int { model.featureCount }

    init(
      model: ElasticNet.Fitted, alpha: Double, l1Ratio: Double, l1Ratios: [Double],
      alphas: [[Double]], mseMatrices: [Matrix]
    ) {
      self.model = model
      self.alpha = alpha
      self.l1Ratio = l1Ratio
      self.l1Ratios = l1Ratios
      self.alphas = alphas
      self.mseMatrices = mseMatrices
    }

    /// Predicts with the refitted model.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)`,
    ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.emptyInput(input:reason:)`.
    /// - Complexity: O(n·d).
    public func predict(_ x: Matrix) throws -> [Double] { try model.predict(x) }
  }
}

extension ElasticNetCV.Fitted {
  enum CodingKeys: String, CodingKey { case model, alpha, l1Ratio, l1Ratios, alphas, mseMatrices }

  /// Decodes and re-checks: one path and one MSE matrix per L1 share, of matching lengths.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let model = try c.decode(ElasticNet.Fitted.self, forKey: .model)
    let alpha = try c.decode(Double.self, forKey: .alpha)
    let ratio = try c.decode(Double.self, forKey: .l1Ratio)
    let ratios = try c.decode([Double].self, forKey: .l1Ratios)
    let alphas = try c.decode([[Double]].self, forKey: .alphas)
    let mse = try c.decode([Matrix].self, forKey: .mseMatrices)
    let consistent =
      !ratios.isEmpty && alphas.count == ratios.count && mse.count == ratios.count
      && zip(alphas, mse).allSatisfy { $0.count == $1.rowCount }
    try requireDecoded(consistent, "path and MSE shapes disagree", codingPath: c.codingPath)
    try requireDecoded(
      alpha.isFinite && alpha >= 0 && (0...1).contains(ratio), "bad alpha or l1Ratio",
      codingPath: c.codingPath)
    self.init(
      model: model, alpha: alpha, l1Ratio: ratio, l1Ratios: ratios, alphas: alphas,
      mseMatrices: mse)
  }
}

extension ElasticNetCV.Fitted: CoefficientsProviding {
  /// ``coefficients`` as a single row (scikit-learn's `coef_` for one target).
  public var coefficientRows: [[Double]] { [coefficients] }
}

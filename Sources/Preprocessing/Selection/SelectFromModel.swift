import LinearAlgebra
import SwiftLearnCore

/// The cut-off of ``SelectFromModel``: features whose importance is at least this are kept.
///
/// scikit-learn's `threshold`: a number, `"mean"`, `"median"`, or `"1.25*mean"`-style scaled
/// references.
public enum SelectionThreshold: Sendable, Hashable, Codable {
  /// A fixed importance.
  case value(Double)
  /// The mean importance (scikit-learn's `"mean"`).
  case mean
  /// The median importance (scikit-learn's `"median"`).
  case median
  /// A multiple of the mean importance (scikit-learn's `"1.25*mean"`).
  case scaledMean(Double)
  /// A multiple of the median importance (scikit-learn's `"0.5*median"`).
  case scaledMedian(Double)

  /// The threshold value for the given importances.
  func resolve(_ importances: [Double]) -> Double {
    switch self {
    case .value(let v): return v
    case .mean: return mean(importances)
    case .median: return median(importances)
    case .scaledMean(let s): return s * mean(importances)
    case .scaledMedian(let s): return s * median(importances)
    }
  }

  private func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
  private func median(_ v: [Double]) -> Double { numpyPercentile(v, 50) }
}

/// Keeps the features a fitted model finds important.
///
/// Importances come from the model's coefficients (`CoefficientsProviding`: absolute values,
/// or the `normOrder`-norm over the rows of a multi-row `coef_`) or from its
/// `FeatureImportancesProviding` importances, chosen at compile time by the initializer.
/// Features with importance `>= threshold` are kept; with `maxFeatures`, only the
/// `maxFeatures` most important among them.
///
/// scikit-learn: `sklearn.feature_selection.SelectFromModel`; `threshold` defaults to
/// `.mean`. scikit-learn's default switches to `1e-5` for L1-penalized models (Lasso, …); pass
/// `.value(1e-5)` for them here. `prefit=True` is ``select(from:)``.
///
///     let selector = try SelectFromModel(Ridge(alpha: 1), threshold: .median).fit(x, y)
///     let reduced = try selector.transform(x)
///
/// - Complexity: one fit of the estimator plus O(d log d).
public struct SelectFromModel<Model: SupervisedEstimator>: SupervisedTransformerEstimator, Estimator
{
  /// The estimator fitted to obtain importances.
  public var estimator: Model
  /// The cut-off; default `.mean`.
  public var threshold: SelectionThreshold
  /// Keep at most this many features (scikit-learn's `max_features`); default `nil`.
  public var maxFeatures: Int?
  /// The norm order across coefficient rows (scikit-learn's `norm_order`); default 1.
  public var normOrder: Double
  /// How importances are read from the fitted model.
  public let importanceGetter: ImportanceGetter<Model.Fitted>

  /// A selector with an explicit importance getter.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - importanceGetter: How importances are read.
  ///   - threshold: The cut-off; default `.mean`.
  ///   - maxFeatures: Keep at most this many features, or `nil`.
  ///   - normOrder: The norm order across coefficient rows; default 1.
  public init(
    _ estimator: Model, importanceGetter: ImportanceGetter<Model.Fitted>,
    threshold: SelectionThreshold = .mean, maxFeatures: Int? = nil, normOrder: Double = 1
  ) {
    self.estimator = estimator
    self.importanceGetter = importanceGetter
    self.threshold = threshold
    self.maxFeatures = maxFeatures
    self.normOrder = normOrder
  }

  /// The estimator's type and the non-default settings.
  public var description: String {
    var parts = ["\(estimator)"]
    if threshold != .mean { parts.append("threshold: .\(threshold)") }
    if let maxFeatures { parts.append("maxFeatures: \(maxFeatures)") }
    if normOrder != 1 { parts.append("normOrder: \(normOrder)") }
    return "SelectFromModel(\(parts.joined(separator: ", ")))"
  }

  /// Checks `maxFeatures`, `normOrder`, the threshold and the estimator's settings.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`.
  public func validateHyperparameters() throws {
    if let maxFeatures {
      try Check.count(maxFeatures, atLeast: 0, estimator: "SelectFromModel", name: "maxFeatures")
    }
    guard normOrder >= 1 else {
      throw LearnError.invalidParameter(
        estimator: "SelectFromModel", name: "normOrder", value: "\(normOrder)",
        expected: "a number >= 1 or infinity")
    }
    switch threshold {
    case .value(let v) where v.isNaN, .scaledMean(let v) where !v.isFinite,
      .scaledMedian(let v) where !v.isFinite:
      throw LearnError.invalidParameter(
        estimator: "SelectFromModel", name: "threshold", value: "\(threshold)",
        expected: "a number (or finite scale)")
    default: break
    }
    try estimator.validateHyperparameters()
  }

  /// Fits the estimator on `x` and `y` and selects features from its importances.
  ///
  /// - Parameters:
  ///   - x: Training samples.
  ///   - y: The target.
  /// - Returns: The fitted selector, holding the fitted estimator.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` (including
  ///   `maxFeatures` above the feature count), and whatever the estimator's `fit` throws.
  public func fit(_ x: Matrix, _ y: Model.Target) throws -> Fitted {
    try validateHyperparameters()
    let fitted = try estimator.fit(x, y)
    return try select(from: fitted)
  }

  /// Selects features from an already fitted model (scikit-learn's `prefit=True`).
  ///
  /// - Parameter fitted: A model fitted by `estimator`'s type.
  /// - Returns: The fitted selector.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for bad settings
  ///   or `maxFeatures` above the model's feature count; `LearnError.numericalFailure(estimator:reason:)`
  ///   when the importances are not one per feature or not finite.
  public func select(from fitted: Model.Fitted) throws -> Fitted {
    try validateHyperparameters()
    let d = fitted.featureCount
    if let maxFeatures, maxFeatures > d {
      throw LearnError.invalidParameter(
        estimator: "SelectFromModel", name: "maxFeatures", value: "\(maxFeatures)",
        expected: "at most the number of features (\(d))")
    }
    let importances = importanceGetter.norms(fitted, normOrder: normOrder)
    guard importances.count == d, importances.allSatisfy({ $0.isFinite }) else {
      throw LearnError.numericalFailure(
        estimator: "SelectFromModel",
        reason: "the model's \(importanceGetter.name) are not \(d) finite values")
    }
    let cut = threshold.resolve(importances)
    var support = [Bool](repeating: maxFeatures == nil, count: d)
    if let maxFeatures {
      let order = (0..<d).sorted {
        importances[$0] != importances[$1] ? importances[$0] > importances[$1] : $0 < $1
      }
      for j in order.prefix(maxFeatures) { support[j] = true }
    }
    for j in 0..<d where importances[j] < cut { support[j] = false }
    return Fitted(
      featureCount: d, estimator: fitted, importances: importances, threshold: cut,
      support: support)
  }

  /// A fitted ``SelectFromModel``: the fitted estimator, its importances and the kept features.
  public struct Fitted: FittedFeatureSelector {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// The fitted estimator, on all features (scikit-learn's `estimator_`).
    public let estimator: Model.Fitted
    /// The importance of each feature as compared with the threshold.
    public let importances: [Double]
    /// The threshold value used (scikit-learn's `threshold_`).
    public let threshold: Double
    /// `true` for the kept features.
    public let support: [Bool]

    init(
      featureCount: Int, estimator: Model.Fitted, importances: [Double], threshold: Double,
      support: [Bool]
    ) {
      self.featureCount = featureCount
      self.estimator = estimator
      self.importances = importances
      self.threshold = threshold
      self.support = support
    }

    enum CodingKeys: String, CodingKey {
      case featureCount, estimator, importances, threshold, support
    }

    /// Decodes and re-checks the lengths of the arrays.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = try c.decode(Int.self, forKey: .featureCount)
      let estimator = try c.decode(Model.Fitted.self, forKey: .estimator)
      let importances = try c.decode([Double].self, forKey: .importances)
      let threshold = try c.decode(Double.self, forKey: .threshold)
      let support = try c.decode([Bool].self, forKey: .support)
      try checkDecodedSupport(support, featureCount: d, codingPath: c.codingPath)
      try requireDecoded(
        importances.count == d && estimator.featureCount == d,
        "importances and estimator must have \(d) features", codingPath: c.codingPath)
      self.init(
        featureCount: d, estimator: estimator, importances: importances, threshold: threshold,
        support: support)
    }
  }
}

extension SelectFromModel where Model.Fitted: CoefficientsProviding {
  /// A selector reading the fitted model's coefficients.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - threshold: The cut-off; default `.mean`.
  ///   - maxFeatures: Keep at most this many features, or `nil`.
  ///   - normOrder: The norm order across coefficient rows; default 1.
  public init(
    _ estimator: Model, threshold: SelectionThreshold = .mean, maxFeatures: Int? = nil,
    normOrder: Double = 1
  ) {
    self.init(
      estimator, importanceGetter: .coefficients, threshold: threshold,
      maxFeatures: maxFeatures, normOrder: normOrder)
  }
}

extension SelectFromModel where Model.Fitted: FeatureImportancesProviding {
  /// A selector reading the fitted model's feature importances.
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - threshold: The cut-off; default `.mean`.
  ///   - maxFeatures: Keep at most this many features, or `nil`.
  public init(_ estimator: Model, threshold: SelectionThreshold = .mean, maxFeatures: Int? = nil) {
    self.init(
      estimator, importanceGetter: .featureImportances, threshold: threshold,
      maxFeatures: maxFeatures)
  }
}

extension SelectFromModel
where Model.Fitted: CoefficientsProviding & FeatureImportancesProviding {
  /// A selector reading the coefficients of a model that has both (scikit-learn's `"auto"`
  /// tries `coef_` first).
  ///
  /// - Parameters:
  ///   - estimator: The estimator to fit.
  ///   - threshold: The cut-off; default `.mean`.
  ///   - maxFeatures: Keep at most this many features, or `nil`.
  ///   - normOrder: The norm order across coefficient rows; default 1.
  public init(
    _ estimator: Model, threshold: SelectionThreshold = .mean, maxFeatures: Int? = nil,
    normOrder: Double = 1
  ) {
    self.init(
      estimator, importanceGetter: .coefficients, threshold: threshold,
      maxFeatures: maxFeatures, normOrder: normOrder)
  }
}

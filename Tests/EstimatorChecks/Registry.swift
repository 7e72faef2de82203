import SwiftLearn
import Testing

/// One public estimator and the common checks it runs.
public struct RegistryEntry: Sendable, CustomStringConvertible {
  /// The public type name, as declared in `Sources/`.
  public let name: String
  /// Runs every common check that applies.
  public let run: @Sendable () throws -> Void

  public var description: String { name }
}

/// Every public estimator, transformer and pipeline in SwiftLearn.
///
/// Swift cannot enumerate types at run time the way scikit-learn's `all_estimators()` does, so
/// the list is written out, and `RegistryCompletenessTests` fails when a public estimator type
/// in `Sources/` is missing from it. A new estimator adds one entry here.
public enum Registry {
  public static let entries: [RegistryEntry] = [
    RegistryEntry(name: "StandardScaler") {
      try checkTransformer(
        StandardScaler(), changed: (StandardScaler(withMean: false), "withMean: false"))
    },
    RegistryEntry(name: "LinearRegression") {
      try checkRegressor(
        LinearRegression(), changed: (LinearRegression(fitIntercept: false), "fitIntercept: false"),
        invalid: [
          InvalidSetting("tol", LinearRegression(tol: -1)),
          InvalidSetting("tol", LinearRegression(tol: .nan)),
        ])
      try checkSampleWeights(LinearRegression())
      try checkSampleWeights(LinearRegression(positive: true))
    },
    RegistryEntry(name: "Ridge") {
      try checkRegressor(
        Ridge(), changed: (Ridge(alpha: 2), "alpha: 2"),
        invalid: [
          InvalidSetting("alpha", Ridge(alpha: -1)), InvalidSetting("tol", Ridge(tol: .nan)),
          InvalidSetting("maxIter", Ridge(maxIter: 0)),
        ])
      try checkSampleWeights(Ridge())
      try checkSampleWeights(Ridge(solver: .svd))
    },
    RegistryEntry(name: "Lasso") {
      try checkRegressor(
        Lasso(alpha: 0.1), changed: (Lasso(alpha: 0.1, positive: true), "positive: true"),
        invalid: [
          InvalidSetting("alpha", Lasso(alpha: -1)), InvalidSetting("tol", Lasso(tol: -1)),
          InvalidSetting("maxIter", Lasso(maxIter: 0)),
        ])
      try checkSampleWeights(Lasso(alpha: 0.1))
    },
    RegistryEntry(name: "ElasticNet") {
      try checkRegressor(
        ElasticNet(alpha: 0.1), changed: (ElasticNet(l1Ratio: 0.2), "l1Ratio: 0.2"),
        invalid: [
          InvalidSetting("alpha", ElasticNet(alpha: .infinity)),
          InvalidSetting("l1Ratio", ElasticNet(l1Ratio: -0.1)),
          InvalidSetting("maxIter", ElasticNet(maxIter: -3)),
        ])
      try checkSampleWeights(ElasticNet(alpha: 0.1))
      try checkSampleWeights(ElasticNet(alpha: 0.1, precompute: true))
    },
    // The CV estimators skip the weights-equal-repeated-rows check, as scikit-learn does
    // (repeating a row changes the folds and the left-out points); their weight validation is
    // tested in RidgeCVTests.
    RegistryEntry(name: "RidgeCV") {
      try checkRegressor(
        RidgeCV(), changed: (RidgeCV(gcvMode: .svd), "gcvMode: .svd"),
        invalid: [
          InvalidSetting("alphas", RidgeCV(alphas: [])),
          InvalidSetting("alphas", RidgeCV(alphas: [1, -1])),
        ])
    },
    RegistryEntry(name: "LassoCV") {
      try checkRegressor(
        LassoCV(alphaCount: 10), changed: (LassoCV(cvFolds: 3), "cvFolds: 3"),
        invalid: [
          InvalidSetting("eps", LassoCV(eps: 0)), InvalidSetting("cvFolds", LassoCV(cvFolds: 1)),
          InvalidSetting("alphaCount", LassoCV(alphaCount: 0)),
        ])
    },
    RegistryEntry(name: "ElasticNetCV") {
      try checkRegressor(
        ElasticNetCV(alphaCount: 10), changed: (ElasticNetCV(l1Ratios: [0.2]), "l1Ratios: [0.2]"),
        invalid: [
          InvalidSetting("l1Ratios", ElasticNetCV(l1Ratios: [2])),
          InvalidSetting("alphas", ElasticNetCV(alphas: [])),
          InvalidSetting("tol", ElasticNetCV(tol: -1)),
        ])
    },
    RegistryEntry(name: "DummyClassifier") {
      try checkClassifier(
        DummyClassifier<Int>(), stringLabelled: DummyClassifier<String>(),
        changed: (DummyClassifier(strategy: .uniform, seed: 3), "strategy: .uniform"),
        invalid: [InvalidSetting("constant", DummyClassifier(strategy: .constant))],
        minimumAccuracy: 0.3)
    },
    RegistryEntry(name: "Pipeline") {
      typealias Scaled = Pipeline<StandardScaler, LinearRegression>
      try checkRegressor(
        Scaled(),
        changed: (Scaled(StandardScaler(withStd: false), LinearRegression()), "withStd: false"),
        invalid: [InvalidSetting("tol", Scaled(StandardScaler(), LinearRegression(tol: -2)))])
      try checkSampleWeights(Scaled())
      typealias Chained = Pipeline<StandardScaler, StandardScaler>
      try checkTransformer(
        Chained(),
        changed: (Chained(StandardScaler(), StandardScaler(withMean: false)), "withMean: false"))
    },
  ]

  /// The names in ``entries``.
  public static var names: Set<String> { Set(entries.map(\.name)) }
}

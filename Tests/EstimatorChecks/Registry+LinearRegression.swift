import SwiftLearn
import Testing

extension Registry {
  /// Linear regression models and baselines (issue 5).
  static let linearRegressionEntries: [RegistryEntry] = [
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
  ]
}

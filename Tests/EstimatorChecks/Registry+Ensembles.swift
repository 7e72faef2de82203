import SwiftLearn
import Testing

extension Registry {
  /// Classic gradient boosting, isolation forest and meta-ensembles (issue 7).
  static let ensembleEntries: [RegistryEntry] = [
    RegistryEntry(name: "GradientBoostingRegressor") {
      try checkRegressor(
        GradientBoostingRegressor(seed: 0),
        changed: (GradientBoostingRegressor(learningRate: 0.5), "learningRate: 0.5"),
        invalid: [
          InvalidSetting("learningRate", GradientBoostingRegressor(learningRate: -1)),
          InvalidSetting("estimatorCount", GradientBoostingRegressor(estimatorCount: 0)),
          InvalidSetting("subsample", GradientBoostingRegressor(subsample: 0)),
          InvalidSetting("subsample", GradientBoostingRegressor(subsample: 1.5)),
          InvalidSetting("alpha", GradientBoostingRegressor(loss: .huber, alpha: 1)),
          InvalidSetting("alpha", GradientBoostingRegressor(loss: .quantile, alpha: 0)),
          InvalidSetting("maxDepth", GradientBoostingRegressor(maxDepth: 0)),
          InvalidSetting(
            "validationFraction", GradientBoostingRegressor(validationFraction: 1)),
          InvalidSetting(
            "iterationsWithoutChange", GradientBoostingRegressor(iterationsWithoutChange: 0)),
          InvalidSetting("tol", GradientBoostingRegressor(tol: -1)),
        ])
      try checkSampleWeights(GradientBoostingRegressor(estimatorCount: 20, seed: 0))
    },
    RegistryEntry(name: "GradientBoostingClassifier") {
      try checkClassifier(
        GradientBoostingClassifier<Int>(estimatorCount: 30, seed: 0),
        stringLabelled: GradientBoostingClassifier<String>(estimatorCount: 30, seed: 0),
        changed: (GradientBoostingClassifier(estimatorCount: 7), "estimatorCount: 7"),
        invalid: [
          InvalidSetting("learningRate", GradientBoostingClassifier(learningRate: .nan)),
          InvalidSetting("estimatorCount", GradientBoostingClassifier(estimatorCount: -2)),
          InvalidSetting("subsample", GradientBoostingClassifier(subsample: -0.1)),
          InvalidSetting("loss", GradientBoostingClassifier(loss: .exponential)),
          InvalidSetting("minSamplesSplit", GradientBoostingClassifier(minSamplesSplit: .count(1))),
        ])
    },
    RegistryEntry(name: "IsolationForest") {
      try checkOutlierDetector(
        IsolationForest(estimatorCount: 30, seed: 0),
        changed: (IsolationForest(contamination: .fraction(0.1)), "contamination"),
        invalid: [
          InvalidSetting("contamination", IsolationForest(contamination: .fraction(0.6))),
          InvalidSetting("contamination", IsolationForest(contamination: .fraction(0))),
          InvalidSetting("estimatorCount", IsolationForest(estimatorCount: 0)),
          InvalidSetting("maxSamples", IsolationForest(maxSamples: .fraction(1.5))),
          InvalidSetting("maxSamples", IsolationForest(maxSamples: .count(0))),
          InvalidSetting("maxFeatures", IsolationForest(maxFeatures: 0)),
          InvalidSetting("threadCount", IsolationForest(threadCount: 0)),
        ])
    },
  ]
}

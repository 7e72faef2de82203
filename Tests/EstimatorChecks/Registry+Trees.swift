import SwiftLearn
import Testing

extension Registry {
  /// Decision trees, forests and classic boosting (issue 7).
  static let treeEntries: [RegistryEntry] = [
    RegistryEntry(name: "DecisionTreeClassifier") {
      try checkClassifier(
        DecisionTreeClassifier<Int>(seed: 0),
        stringLabelled: DecisionTreeClassifier<String>(seed: 0),
        changed: (DecisionTreeClassifier(maxDepth: 3), "maxDepth: 3"),
        invalid: [
          InvalidSetting("maxDepth", DecisionTreeClassifier(maxDepth: 0)),
          InvalidSetting("minSamplesSplit", DecisionTreeClassifier(minSamplesSplit: .count(1))),
          InvalidSetting("minSamplesLeaf", DecisionTreeClassifier(minSamplesLeaf: .fraction(1.5))),
          InvalidSetting("maxFeatures", DecisionTreeClassifier(maxFeatures: .fraction(0))),
          InvalidSetting("maxFeatures", DecisionTreeClassifier(maxFeatures: .count(99))),
          InvalidSetting("maxLeafNodes", DecisionTreeClassifier(maxLeafNodes: 1)),
          InvalidSetting("ccpAlpha", DecisionTreeClassifier(ccpAlpha: -1)),
          InvalidSetting(
            "minWeightFractionLeaf", DecisionTreeClassifier(minWeightFractionLeaf: 0.7)),
          InvalidSetting("minImpurityDecrease", DecisionTreeClassifier(minImpurityDecrease: .nan)),
        ])
    },
    RegistryEntry(name: "DecisionTreeRegressor") {
      try checkRegressor(
        DecisionTreeRegressor(seed: 0),
        changed: (DecisionTreeRegressor(maxDepth: 3), "maxDepth: 3"),
        invalid: [
          InvalidSetting("maxDepth", DecisionTreeRegressor(maxDepth: -1)),
          InvalidSetting("minSamplesLeaf", DecisionTreeRegressor(minSamplesLeaf: .count(0))),
          InvalidSetting("maxFeatures", DecisionTreeRegressor(maxFeatures: .count(0))),
          InvalidSetting("ccpAlpha", DecisionTreeRegressor(ccpAlpha: .infinity)),
        ])
      try checkSampleWeights(DecisionTreeRegressor(seed: 0))
      try checkSampleWeights(DecisionTreeRegressor(criterion: .absoluteError, seed: 0))
    },
    RegistryEntry(name: "RandomForestClassifier") {
      try checkClassifier(
        RandomForestClassifier<Int>(estimatorCount: 20, seed: 0),
        stringLabelled: RandomForestClassifier<String>(estimatorCount: 20, seed: 0),
        changed: (RandomForestClassifier(estimatorCount: 7), "estimatorCount: 7"),
        invalid: [
          InvalidSetting("estimatorCount", RandomForestClassifier(estimatorCount: 0)),
          InvalidSetting("oobScore", RandomForestClassifier(bootstrap: false, oobScore: true)),
          InvalidSetting("maxSamples", RandomForestClassifier(maxSamples: .fraction(0))),
          InvalidSetting("threadCount", RandomForestClassifier(threadCount: 0)),
          InvalidSetting("maxDepth", RandomForestClassifier(maxDepth: 0)),
        ])
    },
    RegistryEntry(name: "ExtraTreesClassifier") {
      try checkClassifier(
        ExtraTreesClassifier<Int>(estimatorCount: 20, seed: 0),
        stringLabelled: ExtraTreesClassifier<String>(estimatorCount: 20, seed: 0),
        changed: (ExtraTreesClassifier(bootstrap: true), "bootstrap: true"),
        invalid: [
          InvalidSetting("estimatorCount", ExtraTreesClassifier(estimatorCount: -1)),
          InvalidSetting("oobScore", ExtraTreesClassifier(oobScore: true)),
          InvalidSetting("maxSamples", ExtraTreesClassifier(maxSamples: .count(5))),
        ])
    },
    RegistryEntry(name: "RandomForestRegressor") {
      try checkRegressor(
        RandomForestRegressor(estimatorCount: 20, seed: 0),
        changed: (RandomForestRegressor(maxFeatures: .sqrt), "maxFeatures: .sqrt"),
        invalid: [
          InvalidSetting("estimatorCount", RandomForestRegressor(estimatorCount: 0)),
          InvalidSetting("maxSamples", RandomForestRegressor(maxSamples: .fraction(2))),
          InvalidSetting("minSamplesSplit", RandomForestRegressor(minSamplesSplit: .fraction(0))),
        ])
    },
    RegistryEntry(name: "ExtraTreesRegressor") {
      try checkRegressor(
        ExtraTreesRegressor(estimatorCount: 20, seed: 0),
        changed: (ExtraTreesRegressor(estimatorCount: 10), "estimatorCount: 10"),
        invalid: [
          InvalidSetting("estimatorCount", ExtraTreesRegressor(estimatorCount: 0)),
          InvalidSetting("oobScore", ExtraTreesRegressor(oobScore: true)),
        ])
      // Like scikit-learn (an expected failure there), random thresholds make weights differ
      // from repeated rows, so the weight-equivalence check does not apply to extra trees.
    },
  ]
}

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
    RegistryEntry(name: "BaggingClassifier") {
      try checkClassifier(
        BaggingClassifier(estimator: DecisionTreeClassifier<Int>(), estimatorCount: 10, seed: 0),
        stringLabelled: BaggingClassifier(estimator: DecisionTreeClassifier<String>(), seed: 0),
        changed: (
          BaggingClassifier(estimator: DecisionTreeClassifier<Int>(), estimatorCount: 7),
          "estimatorCount: 7"
        ),
        invalid: [
          InvalidSetting(
            "estimatorCount",
            BaggingClassifier(estimator: DecisionTreeClassifier<Int>(), estimatorCount: 0)),
          InvalidSetting(
            "maxSamples",
            BaggingClassifier(estimator: DecisionTreeClassifier<Int>(), maxSamples: .fraction(0))),
          InvalidSetting(
            "maxFeatures",
            BaggingClassifier(estimator: DecisionTreeClassifier<Int>(), maxFeatures: .count(0))),
          InvalidSetting(
            "oobScore",
            BaggingClassifier(
              estimator: DecisionTreeClassifier<Int>(), bootstrap: false, oobScore: true)),
          InvalidSetting(
            "maxDepth", BaggingClassifier(estimator: DecisionTreeClassifier<Int>(maxDepth: 0))),
        ])
    },
    RegistryEntry(name: "BaggingRegressor") {
      try checkRegressor(
        BaggingRegressor(estimator: DecisionTreeRegressor(), seed: 0),
        changed: (
          BaggingRegressor(estimator: DecisionTreeRegressor(), bootstrap: false), "bootstrap: false"
        ),
        invalid: [
          InvalidSetting(
            "estimatorCount",
            BaggingRegressor(estimator: DecisionTreeRegressor(), estimatorCount: 0)),
          InvalidSetting(
            "threadCount", BaggingRegressor(estimator: DecisionTreeRegressor(), threadCount: 0)),
          InvalidSetting(
            "maxSamples",
            BaggingRegressor(estimator: DecisionTreeRegressor(), maxSamples: .fraction(1.5))),
        ])
    },
    RegistryEntry(name: "AdaBoostClassifier") {
      try checkClassifier(
        AdaBoostClassifier<Int>(estimator: DecisionTreeClassifier(maxDepth: 2), seed: 0),
        stringLabelled: AdaBoostClassifier<String>(
          estimator: DecisionTreeClassifier(maxDepth: 2), seed: 0),
        changed: (AdaBoostClassifier(learningRate: 0.5), "learningRate: 0.5"),
        invalid: [
          InvalidSetting("estimatorCount", AdaBoostClassifier(estimatorCount: 0)),
          InvalidSetting("learningRate", AdaBoostClassifier(learningRate: 0)),
          InvalidSetting(
            "maxDepth", AdaBoostClassifier(estimator: DecisionTreeClassifier(maxDepth: 0))),
        ])
    },
    RegistryEntry(name: "VotingClassifier") {
      let members: [EnsembleMemberClassifier<Int>] = [
        EnsembleMemberClassifier(DecisionTreeClassifier(maxDepth: 4, seed: 0)),
        EnsembleMemberClassifier(RandomForestClassifier(estimatorCount: 10, seed: 0)),
        EnsembleMemberClassifier(GradientBoostingClassifier(estimatorCount: 20, seed: 0)),
      ]
      let names: [EnsembleMemberClassifier<String>] = [
        EnsembleMemberClassifier(DecisionTreeClassifier(maxDepth: 4, seed: 0)),
        EnsembleMemberClassifier(RandomForestClassifier(estimatorCount: 10, seed: 0)),
        EnsembleMemberClassifier(GradientBoostingClassifier(estimatorCount: 20, seed: 0)),
      ]
      for voting in VotingKind.allCases {
        try checkClassifier(
          VotingClassifier(estimators: members, voting: voting),
          stringLabelled: VotingClassifier(estimators: names, voting: voting),
          changed: (VotingClassifier(estimators: [], voting: .soft), "voting: .soft"),
          invalid: [
            InvalidSetting("estimators", VotingClassifier<Int>()),
            InvalidSetting("weights", VotingClassifier(estimators: members, weights: [1])),
            InvalidSetting("weights", VotingClassifier(estimators: members, weights: [0, 0, 0])),
            InvalidSetting(
              "maxDepth",
              VotingClassifier(estimators: [
                EnsembleMemberClassifier(DecisionTreeClassifier(maxDepth: 0))
              ])),
          ])
      }
    },
    RegistryEntry(name: "VotingRegressor") {
      let members = [
        EnsembleMemberRegressor(Ridge()),
        EnsembleMemberRegressor(DecisionTreeRegressor(maxDepth: 5, seed: 0)),
        EnsembleMemberRegressor(GradientBoostingRegressor(estimatorCount: 30, seed: 0)),
      ]
      try checkRegressor(
        VotingRegressor(estimators: members, weights: [2, 1, 1]),
        changed: (VotingRegressor(estimators: [], threadCount: 1), "threadCount: 1"),
        invalid: [
          InvalidSetting("estimators", VotingRegressor()),
          InvalidSetting("weights", VotingRegressor(estimators: members, weights: [1, -1, 1])),
        ])
    },
    RegistryEntry(name: "EnsembleMemberRegressor") {
      try checkRegressor(
        EnsembleMemberRegressor(Ridge(alpha: 0.5)),
        changed: (EnsembleMemberRegressor(Ridge(alpha: 2)), "alpha: 2"))
    },
    RegistryEntry(name: "EnsembleMemberClassifier") {
      try checkClassifier(
        EnsembleMemberClassifier(GradientBoostingClassifier<Int>(estimatorCount: 20, seed: 0)),
        stringLabelled: EnsembleMemberClassifier(
          GradientBoostingClassifier<String>(estimatorCount: 20, seed: 0)),
        changed: (
          EnsembleMemberClassifier(GradientBoostingClassifier<Int>(learningRate: 0.3)),
          "learningRate: 0.3"
        ))
    },
    RegistryEntry(name: "StackingRegressor") {
      let members = [
        EnsembleMemberRegressor(Ridge()),
        EnsembleMemberRegressor(DecisionTreeRegressor(maxDepth: 4, seed: 0)),
      ]
      try checkRegressor(
        StackingRegressor(estimators: members),
        changed: (StackingRegressor(estimators: [], passthrough: true), "passthrough: true"),
        invalid: [
          InvalidSetting("estimators", StackingRegressor()),
          InvalidSetting("cvFolds", StackingRegressor(estimators: members, cvFolds: 1)),
          InvalidSetting(
            "alpha", StackingRegressor(estimators: [EnsembleMemberRegressor(Ridge(alpha: -1))])),
        ])
    },
    RegistryEntry(name: "StackingClassifier") {
      func members<L: ClassLabel>(_: L.Type) -> [EnsembleMemberClassifier<L>] {
        [
          EnsembleMemberClassifier(DecisionTreeClassifier<L>(maxDepth: 4, seed: 0)),
          EnsembleMemberClassifier(RandomForestClassifier<L>(estimatorCount: 10, seed: 0)),
        ]
      }
      let final = EnsembleMemberClassifier(
        GradientBoostingClassifier<Int>(estimatorCount: 20, seed: 0))
      let finalNamed = EnsembleMemberClassifier(
        GradientBoostingClassifier<String>(estimatorCount: 20, seed: 0))
      try checkClassifier(
        StackingClassifier(estimators: members(Int.self), finalEstimator: final),
        stringLabelled: StackingClassifier(
          estimators: members(String.self), finalEstimator: finalNamed),
        changed: (StackingClassifier<Int>(estimators: [], cvFolds: 3), "cvFolds: 3"),
        invalid: [
          InvalidSetting("estimators", StackingClassifier<Int>()),
          InvalidSetting(
            "cvFolds", StackingClassifier(estimators: members(Int.self), cvFolds: 0)),
        ])
    },
  ]
}

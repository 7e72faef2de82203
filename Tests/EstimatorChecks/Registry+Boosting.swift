import SwiftLearn
import Testing

extension Registry {
  /// Histogram gradient boosting, isolation forest and meta-ensembles (issue 7).
  ///
  /// The boosters skip the "integer weights equal repeated rows" check, as scikit-learn does:
  /// `minSamplesLeaf` counts rows, so a weighted row and its repeats grow different trees.
  /// Their weight validation is tested in `HistGradientBoostingTests`.
  static let boostingEntries: [RegistryEntry] = [
    RegistryEntry(name: "HistGradientBoostingRegressor") {
      try checkRegressor(
        HistGradientBoostingRegressor(minSamplesLeaf: 5, seed: 0),
        changed: (HistGradientBoostingRegressor(maxIter: 50), "maxIter: 50"),
        invalid: [
          InvalidSetting("learningRate", HistGradientBoostingRegressor(learningRate: -1)),
          InvalidSetting("maxBins", HistGradientBoostingRegressor(maxBins: 1)),
          InvalidSetting("minSamplesLeaf", HistGradientBoostingRegressor(minSamplesLeaf: 0)),
        ])
    },
    RegistryEntry(name: "HistGradientBoostingClassifier") {
      try checkClassifier(
        HistGradientBoostingClassifier<Int>(minSamplesLeaf: 5, seed: 0),
        stringLabelled: HistGradientBoostingClassifier<String>(minSamplesLeaf: 5, seed: 0),
        changed: (HistGradientBoostingClassifier(l2Regularization: 1), "l2Regularization: 1"),
        invalid: [
          InvalidSetting("maxIter", HistGradientBoostingClassifier(maxIter: 0)),
          InvalidSetting("tol", HistGradientBoostingClassifier(tol: -1)),
        ])
    },
  ]
}

import SwiftLearn
import Testing

extension Registry {
  /// Feature construction, text, selection and decomposition (issue 4).
  static let featureEntries: [RegistryEntry] = textAndSelectionEntries

  /// Text vectorizers and feature selectors (issue 4, items 5 and 6).
  static let textAndSelectionEntries: [RegistryEntry] = [
    RegistryEntry(name: "CountVectorizer") {
      try checkTextVectorizer(
        CountVectorizer(), changed: (CountVectorizer(binary: true), "binary: true"),
        invalid: [
          InvalidSetting("ngramRange", CountVectorizer(ngramRange: 0...2)),
          InvalidSetting("minDf", CountVectorizer(minDf: .count(-1))),
          InvalidSetting("maxDf", CountVectorizer(maxDf: .fraction(1.5))),
          InvalidSetting("maxDf", CountVectorizer(maxDf: .count(1), minDf: .count(3))),
          InvalidSetting("maxFeatures", CountVectorizer(maxFeatures: 0)),
          InvalidSetting("tokenPattern", CountVectorizer(tokenPattern: "(unclosed")),
          InvalidSetting("tokenPattern", CountVectorizer(tokenPattern: "(a)(b)")),
        ])
      try checkTextVectorizer(
        CountVectorizer(stopWords: .english, ngramRange: 1...2),
        changed: (CountVectorizer(lowercase: false), "lowercase: false"), invalid: [])
    },
    RegistryEntry(name: "TfidfVectorizer") {
      try checkTextVectorizer(
        TfidfVectorizer(), changed: (TfidfVectorizer(sublinearTf: true), "sublinearTf: true"),
        invalid: [
          InvalidSetting("ngramRange", TfidfVectorizer(ngramRange: 0...1)),
          InvalidSetting("minDf", TfidfVectorizer(minDf: .fraction(-0.1))),
          InvalidSetting("maxDf", TfidfVectorizer(maxDf: .fraction(0.1), minDf: .fraction(0.5))),
          InvalidSetting("maxFeatures", TfidfVectorizer(maxFeatures: -2)),
        ])
      try checkTextVectorizer(
        TfidfVectorizer(norm: .l1, smoothIdf: false),
        changed: (TfidfVectorizer(norm: nil), "norm: nil"), invalid: [])
    },
    RegistryEntry(name: "VarianceThreshold") {
      try checkTransformer(
        VarianceThreshold(), changed: (VarianceThreshold(threshold: 0.5), "threshold: 0.5"))
      try checkTransformer(
        VarianceThreshold(threshold: 0.5),
        changed: (VarianceThreshold(threshold: 0.25), "threshold: 0.25"))
      expectInvalid(VarianceThreshold(threshold: -1), "threshold") {
        try $0.fit(CheckData.regression().x)
      }
    },
    RegistryEntry(name: "CorrelationFilter") {
      try checkTransformer(
        CorrelationFilter(), changed: (CorrelationFilter(threshold: 0.5), "threshold: 0.5"))
      expectInvalid(CorrelationFilter(threshold: 1.5), "threshold") {
        try $0.fit(CheckData.regression().x)
      }
    },
    RegistryEntry(name: "SelectKBest") {
      let (x, y) = CheckData.regression()
      let (xc, yc) = CheckData.classification()
      let labels = yc.map(Double.init)
      try checkSupervisedTransformer(
        SelectKBest(scoreFunction: .fRegression, k: 2), x: x, y: y, shorterY: Array(y.dropLast()),
        changed: (SelectKBest(scoreFunction: .fRegression, k: 3), "k: 3"),
        invalid: [
          InvalidSetting("k", SelectKBest(scoreFunction: .fRegression, k: -1)),
          InvalidSetting("k", SelectKBest(scoreFunction: .fRegression, k: 5)),
        ])
      try checkSupervisedTransformer(
        SelectKBest(k: 2), x: xc, y: labels, shorterY: Array(labels.dropLast()),
        changed: (SelectKBest(k: nil), "k: nil"))
      try checkSupervisedTransformer(
        SelectKBest(scoreFunction: .mutualInfoRegression, k: 2, seed: 3), x: x, y: y,
        shorterY: Array(y.dropLast()),
        changed: (SelectKBest(scoreFunction: .mutualInfoRegression, k: 2, seed: 4), "seed: 4"))
    },
    RegistryEntry(name: "SelectPercentile") {
      let (x, y) = CheckData.regression()
      let (xc, yc) = CheckData.classification()
      let labels = yc.map(Double.init)
      try checkSupervisedTransformer(
        SelectPercentile(scoreFunction: .fRegression, percentile: 50), x: x, y: y,
        shorterY: Array(y.dropLast()),
        changed: (SelectPercentile(scoreFunction: .fRegression, percentile: 25), "percentile: 25"),
        invalid: [
          InvalidSetting("percentile", SelectPercentile(percentile: 101)),
          InvalidSetting("percentile", SelectPercentile(percentile: -.infinity)),
        ])
      try checkSupervisedTransformer(
        SelectPercentile(scoreFunction: .mutualInfoClassif, percentile: 50, seed: 1), x: xc,
        y: labels, shorterY: Array(labels.dropLast()),
        changed: (
          SelectPercentile(scoreFunction: .fRegression, percentile: 50, seed: 1), "fRegression"
        ))
    },
    RegistryEntry(name: "SelectFromModel") {
      let (x, y) = CheckData.regression()
      try checkSupervisedTransformer(
        SelectFromModel(Ridge()), x: x, y: y, shorterY: Array(y.dropLast()),
        changed: (SelectFromModel(Ridge(), threshold: .median), "threshold: .median"),
        invalid: [
          InvalidSetting("maxFeatures", SelectFromModel(Ridge(), maxFeatures: -1)),
          InvalidSetting("maxFeatures", SelectFromModel(Ridge(), maxFeatures: 5)),
          InvalidSetting("normOrder", SelectFromModel(Ridge(), normOrder: 0.5)),
          InvalidSetting("alpha", SelectFromModel(Ridge(alpha: -1))),
        ])
      try checkSupervisedTransformer(
        SelectFromModel(LinearRegression(), threshold: .scaledMean(0.5), maxFeatures: 2), x: x,
        y: y, shorterY: Array(y.dropLast()),
        changed: (SelectFromModel(LinearRegression(), maxFeatures: 3), "maxFeatures: 3"))
    },
    RegistryEntry(name: "RFE") {
      let (x, y) = CheckData.regression()
      try checkSupervisedTransformer(
        RFE(LinearRegression()), x: x, y: y, shorterY: Array(y.dropLast()),
        changed: (RFE(LinearRegression(), step: .count(2)), "step: .count(2)"),
        invalid: [
          InvalidSetting("step", RFE(LinearRegression(), step: .count(0))),
          InvalidSetting("step", RFE(LinearRegression(), step: .fraction(1.5))),
          InvalidSetting(
            "selectedFeatureCount", RFE(LinearRegression(), selectedFeatureCount: .count(0))),
          InvalidSetting(
            "selectedFeatureCount", RFE(LinearRegression(), selectedFeatureCount: .count(9))),
          InvalidSetting("tol", RFE(LinearRegression(tol: -1))),
        ])
    },
    RegistryEntry(name: "RFECV") {
      let (x, y) = CheckData.regression()
      try checkSupervisedTransformer(
        RFECV(LinearRegression(), cv: KFold(splitCount: 3)), x: x, y: y,
        shorterY: Array(y.dropLast()),
        changed: (
          RFECV(LinearRegression(), step: .count(2), cv: KFold(splitCount: 3)), "step: .count(2)"
        ),
        invalid: [
          InvalidSetting("minFeaturesToSelect", RFECV(LinearRegression(), minFeaturesToSelect: 0)),
          InvalidSetting("step", RFECV(LinearRegression(), step: .fraction(0))),
        ])
    },
  ]
}

/// Expects `body(estimator)` to throw `invalidParameter` naming `parameter`.
func expectInvalid<E>(
  _ estimator: E, _ parameter: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: (E) throws -> some Any
) {
  do {
    _ = try body(estimator)
    Issue.record("'\(parameter)' out of range did not throw", sourceLocation: sourceLocation)
  } catch let LearnError.invalidParameter(_, name, _, _) {
    #expect(name == parameter, sourceLocation: sourceLocation)
  } catch {
    Issue.record("'\(parameter)' threw \(error)", sourceLocation: sourceLocation)
  }
}

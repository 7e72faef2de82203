import SwiftLearn
import Testing

extension Registry {
  /// Searches, threshold tuning and calibration (issue 6).
  static let modelSelectionEntries: [RegistryEntry] = [
    RegistryEntry(name: "FixedThresholdClassifier") {
      typealias Model = FixedThresholdClassifier<LogisticRegression<Int>>
      try checkBinaryOnlyClassifier(
        Model(),
        stringLabelled: FixedThresholdClassifier(LogisticRegression<String>()),
        changed: (Model(LogisticRegression(), threshold: 0.3), "threshold: 0.3"),
        invalid: [
          InvalidSetting("threshold", Model(LogisticRegression(), threshold: .infinity)),
          InvalidSetting("c", Model(LogisticRegression(c: -1))),
        ])
    },
    RegistryEntry(name: "TunedThresholdClassifier") {
      typealias Model = TunedThresholdClassifier<LogisticRegression<Int>>
      try checkBinaryOnlyClassifier(
        Model(),
        stringLabelled: TunedThresholdClassifier(LogisticRegression<String>()),
        changed: (Model(LogisticRegression(), thresholdCount: 20), "thresholdCount: 20"),
        invalid: [
          InvalidSetting("thresholdCount", Model(LogisticRegression(), thresholdCount: 1)),
          InvalidSetting("c", Model(LogisticRegression(c: -1))),
        ])
    },
    RegistryEntry(name: "CalibratedClassifierCV") {
      typealias Model = CalibratedClassifierCV<LogisticRegression<Int>>
      try checkClassifier(
        Model(),
        stringLabelled: CalibratedClassifierCV(LogisticRegression<String>()),
        changed: (Model(LogisticRegression(), method: .isotonic), "method: .isotonic"),
        invalid: [InvalidSetting("c", Model(LogisticRegression(c: -1)))])
      try checkClassifier(
        CalibratedClassifierCV<LogisticRegression<Int>>(LogisticRegression(), method: .isotonic),
        stringLabelled: CalibratedClassifierCV(LogisticRegression<String>(), method: .isotonic),
        changed: (Model(LogisticRegression(), method: .isotonic), "method: .isotonic"))
    },
  ]
}

/// The classifier checks of `checkClassifier`, on a two-class problem, for classifiers that
/// only support binary targets (scikit-learn tags them `binary_only`).
func checkBinaryOnlyClassifier<E: Classifier & DefaultInitializable, S: Classifier>(
  _ estimator: E, stringLabelled: S, changed: (E, String), invalid: [InvalidSetting<E>] = [],
  minimumAccuracy: Double = 0.83, sourceLocation: SourceLocation = #_sourceLocation
) throws where E.Label == Int, S.Label == String {
  let name = estimatorTypeName(E.self)
  let (x, y) = CheckData.classification(classCount: 2)
  let fitted = try estimator.fit(x, y)
  #expect(fitted.classes == [0, 1], "\(name): classes sorted", sourceLocation: sourceLocation)
  let again = try estimator.fit(x, y)
  #expect(
    try fitted.predict(x) == again.predict(x), "\(name): fit is not idempotent",
    sourceLocation: sourceLocation)
  let predictions = try fitted.predict(x)
  let accuracy = Double(zip(predictions, y).filter { $0 == $1 }.count) / Double(y.count)
  #expect(
    accuracy >= minimumAccuracy, "\(name): accuracy \(accuracy)", sourceLocation: sourceLocation)
  try checkFittedModel(
    fitted, x: x, allowsNaN: E.capabilities.allowsMissingValues,
    output: { try $0.predict($1).map(Double.init) }, name: name, sourceLocation: sourceLocation)
  checkFitInputs(
    estimator, x: x, y: y, shorterY: Array(y.dropLast()), name: name,
    sourceLocation: sourceLocation)
  checkInvalidSettings(invalid, x: x, y: y, name: name, sourceLocation: sourceLocation)
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)
  // Three classes are rejected with a typed error.
  let (x3, y3) = CheckData.classification(classCount: 3)
  #expect(
    throws: LearnError.self, "\(name): more than two classes must throw",
    sourceLocation: sourceLocation
  ) { try estimator.fit(x3, y3) }
  let names = ["alpha", "beta"]
  let stringFitted = try stringLabelled.fit(x, y.map { names[$0] })
  #expect(stringFitted.classes == names, sourceLocation: sourceLocation)
  #expect(
    try stringFitted.predict(x) == predictions.map { names[$0] },
    "\(name): string labels must predict the same classes", sourceLocation: sourceLocation)
}

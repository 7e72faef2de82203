import SwiftLearn
import Testing

extension Registry {
  /// Logistic regression, its CV variant and the ridge classifier (issue 5).
  static let linearClassifierEntries: [RegistryEntry] = [
    RegistryEntry(name: "LogisticRegression") {
      try checkClassifier(
        LogisticRegression<Int>(), stringLabelled: LogisticRegression<String>(),
        changed: (LogisticRegression(c: 0.5), "c: 0.5"),
        invalid: [
          InvalidSetting("c", LogisticRegression(c: 0)),
          InvalidSetting("c", LogisticRegression(c: .nan)),
          InvalidSetting("l1Ratio", LogisticRegression(l1Ratio: 1.5, solver: .newtonCD)),
          InvalidSetting("tol", LogisticRegression(tol: -1)),
          InvalidSetting("maxIter", LogisticRegression(maxIter: -1)),
          InvalidSetting("solver", LogisticRegression(l1Ratio: 1)),
          InvalidSetting("classWeight", LogisticRegression(classWeight: .weights([0: -1]))),
        ])
      try checkClassifier(
        LogisticRegression<Int>(solver: .newtonCholesky),
        stringLabelled: LogisticRegression<String>(solver: .newtonCholesky),
        changed: (LogisticRegression(solver: .newtonCholesky), "solver: .newtonCholesky"))
      try checkClassifier(
        LogisticRegression<Int>(c: 0.5, l1Ratio: 0.5, solver: .newtonCD),
        stringLabelled: LogisticRegression<String>(c: 0.5, l1Ratio: 0.5, solver: .newtonCD),
        changed: (LogisticRegression(l1Ratio: 1, solver: .newtonCD), "l1Ratio: 1.0"))
      try checkClassifierSampleWeights(
        LogisticRegression(tol: 1e-4), equivalent: false, output: probabilities)
      try checkClassifierSampleWeights(
        LogisticRegression(tol: 1e-12, solver: .newtonCholesky), output: probabilities)
      try checkClassifierSampleWeights(
        LogisticRegression(c: 0.3, l1Ratio: 0.6, tol: 1e-12, solver: .newtonCD),
        output: probabilities)
    },
    // Like RidgeCV, the CV estimator skips the weights-equal-repeated-rows check (repeating a
    // row changes the folds); its weight validation runs.
    RegistryEntry(name: "LogisticRegressionCV") {
      try checkClassifier(
        LogisticRegressionCV<Int>(cCount: 4),
        stringLabelled: LogisticRegressionCV<String>(cCount: 4),
        changed: (LogisticRegressionCV(cvFolds: 3), "cvFolds: 3"),
        invalid: [
          InvalidSetting("cCount", LogisticRegressionCV(cCount: 0)),
          InvalidSetting("cs", LogisticRegressionCV(cs: [])),
          InvalidSetting("cs", LogisticRegressionCV(cs: [1, -1])),
          InvalidSetting("l1Ratios", LogisticRegressionCV(l1Ratios: [2])),
          InvalidSetting("cvFolds", LogisticRegressionCV(cvFolds: 1)),
          InvalidSetting("cvFolds", LogisticRegressionCV(cvFolds: 1000)),
          InvalidSetting("solver", LogisticRegressionCV(l1Ratios: [0.5])),
        ])
      try checkClassifierSampleWeights(
        LogisticRegressionCV(cCount: 3), equivalent: false, output: probabilities)
    },
    RegistryEntry(name: "RidgeClassifier") {
      try checkClassifier(
        RidgeClassifier<Int>(), stringLabelled: RidgeClassifier<String>(),
        changed: (RidgeClassifier(alpha: 2), "alpha: 2"),
        invalid: [
          InvalidSetting("alpha", RidgeClassifier(alpha: -1)),
          InvalidSetting("tol", RidgeClassifier(tol: .nan)),
          InvalidSetting("maxIter", RidgeClassifier(maxIter: 0)),
          InvalidSetting("classWeight", RidgeClassifier(classWeight: .weights([1: .infinity]))),
        ])
      try checkClassifierSampleWeights(RidgeClassifier(), output: decisions)
      try checkClassifierSampleWeights(RidgeClassifier(solver: .svd), output: decisions)
    },
  ]
}

private func probabilities<F: ProbabilisticClassifier>(_ fitted: F, _ x: Matrix) throws
  -> [Double]
{
  try fitted.predictProbabilities(x).storage
}

private func decisions<F: DecisionFunctionProviding>(_ fitted: F, _ x: Matrix) throws
  -> [Double]
{
  try fitted.decisionFunction(x).storage
}

/// The sample-weight checks for classifiers that take weights (check_sample_weights_shape,
/// check_all_zero_sample_weights_error and, when `equivalent`,
/// check_sample_weight_equivalence_on_dense_data: integer weights equal repeated rows, zero
/// weights equal removed rows, unit weights equal no weights).
///
/// - Parameter output: the numbers compared between the weighted and the repeated fit.
func checkClassifierSampleWeights<E: Classifier & SampleWeightedEstimator>(
  _ estimator: E, equivalent: Bool = true, output: (E.Fitted, Matrix) throws -> [Double],
  sourceLocation: SourceLocation = #_sourceLocation
) throws where E.Label == Int {
  let name = estimatorTypeName(E.self)
  let (x, y) = CheckData.classification()
  let n = x.rowCount
  #expect(
    throws: LearnError.lengthMismatch(input: "sample_weight", expected: n, got: n - 1),
    "\(name): wrong-length weights", sourceLocation: sourceLocation
  ) { try estimator.fit(x, y, sampleWeight: [Double](repeating: 1, count: n - 1)) }
  #expect(
    throws: LearnError.self, "\(name): all-zero weights", sourceLocation: sourceLocation
  ) { try estimator.fit(x, y, sampleWeight: [Double](repeating: 0, count: n)) }
  var negative = [Double](repeating: 1, count: n)
  negative[3] = -1
  #expect(
    throws: LearnError.self, "\(name): negative weight", sourceLocation: sourceLocation
  ) { try estimator.fit(x, y, sampleWeight: negative) }
  guard equivalent else { return }
  var weights = [Double](repeating: 1, count: n)
  var rows: [Int] = []
  for i in 0..<n {
    // Not aligned with the labels (label = i % 3), so every class keeps some rows.
    weights[i] = Double((i / 3) % 3)
    for _ in 0..<((i / 3) % 3) { rows.append(i) }
  }
  let weighted = try estimator.fit(x, y, sampleWeight: weights)
  let repeated = try estimator.fit(x.rows(rows), rows.map { y[$0] })
  expectClose(
    try output(weighted, x), try output(repeated, x), rtol: 1e-7, atol: 1e-9,
    "\(name): weights vs repeated rows", sourceLocation: sourceLocation)
  let unit = try estimator.fit(x, y, sampleWeight: [Double](repeating: 1, count: n))
  expectClose(
    try output(unit, x), try output(estimator.fit(x, y), x), rtol: 1e-12, atol: 1e-12,
    "\(name): unit weights", sourceLocation: sourceLocation)
}

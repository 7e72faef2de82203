import LinearAlgebra
import SwiftLearnCore
import Testing

/// Runs every common check that applies to a regressor.
///
/// - Parameters:
///   - estimator: The estimator with default or typical settings.
///   - changed: The same estimator with one hyperparameter changed, and the text its
///     description must contain.
///   - invalid: Settings that `fit` must reject, each naming its parameter.
public func checkRegressor<E: Regressor & DefaultInitializable>(
  _ estimator: E, changed: (E, String), invalid: [InvalidSetting<E>] = [],
  minimumR2: Double = 0.5, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(E.self)
  let (x, y) = CheckData.regression()
  let fitted = try estimator.fit(x, y)

  // check_fit_idempotent: fitting again gives exactly the same predictions.
  let again = try estimator.fit(x, y)
  #expect(
    try fitted.predict(x) == again.predict(x), "\(name): fit is not idempotent",
    sourceLocation: sourceLocation)

  // check_regressors_train: a fair fit on easy linear data.
  let predictions = try fitted.predict(x)
  #expect(predictions.count == x.rowCount, sourceLocation: sourceLocation)
  var residual = 0.0
  var spread = 0.0
  let mean = y.reduce(0, +) / Double(y.count)
  for i in 0..<y.count {
    residual += (y[i] - predictions[i]) * (y[i] - predictions[i])
    spread += (y[i] - mean) * (y[i] - mean)
  }
  #expect(1 - residual / spread > minimumR2, "\(name): R² too low", sourceLocation: sourceLocation)

  try checkFittedModel(
    fitted, x: x, allowsNaN: E.capabilities.allowsMissingValues,
    output: { try $0.predict($1) }, name: name, sourceLocation: sourceLocation)
  checkFitInputs(
    estimator, x: x, y: y, shorterY: Array(y.dropLast()), name: name,
    sourceLocation: sourceLocation)
  // check_supervised_y_no_nan.
  var badY = y
  badY[4] = .nan
  #expect(
    throws: LearnError.nonFinite(input: "y", row: 4, column: 0), "\(name): NaN in y must throw",
    sourceLocation: sourceLocation
  ) { try estimator.fit(x, badY) }
  checkInvalidSettings(invalid, x: x, y: y, name: name, sourceLocation: sourceLocation)
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)
}

/// The sample-weight checks for regressors that take weights
/// (check_sample_weights_shape, check_all_zero_sample_weights_error,
/// check_sample_weight_equivalence_on_dense_data).
public func checkSampleWeights<E: Regressor & SampleWeightedEstimator>(
  _ estimator: E, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(E.self)
  let (x, y) = CheckData.regression()
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

  // Integer weights equal repeated rows; weight zero equals removing the row.
  var weights = [Double](repeating: 1, count: n)
  var rows: [Int] = []
  for i in 0..<n {
    weights[i] = Double(i % 3)
    for _ in 0..<(i % 3) { rows.append(i) }
  }
  let weighted = try estimator.fit(x, y, sampleWeight: weights)
  let repeated = try estimator.fit(x.rows(rows), rows.map { y[$0] })
  expectClose(
    try weighted.predict(x), try repeated.predict(x), rtol: 1e-9, atol: 1e-9,
    "\(name): weights vs repeated rows", sourceLocation: sourceLocation)
  // Unit weights equal no weights.
  let unit = try estimator.fit(x, y, sampleWeight: [Double](repeating: 1, count: n))
  expectClose(
    try unit.predict(x), try estimator.fit(x, y).predict(x), rtol: 1e-12, atol: 1e-12,
    "\(name): unit weights", sourceLocation: sourceLocation)
}

/// Runs every common check that applies to a transformer estimator.
public func checkTransformer<E: TransformerEstimator & DefaultInitializable>(
  _ estimator: E, changed: (E, String), sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(E.self)
  let (x, _) = CheckData.regression()
  let fitted = try estimator.fit(x)
  let output = try fitted.transform(x)
  #expect(output.rowCount == x.rowCount, "\(name): row count kept", sourceLocation: sourceLocation)
  #expect(output.columnCount == fitted.outputFeatureCount, sourceLocation: sourceLocation)

  // check_fit_idempotent and check_transformer_general (fit_transform == fit + transform).
  #expect(
    try estimator.fit(x).transform(x) == output, "\(name): fit is not idempotent",
    sourceLocation: sourceLocation)
  let fused = try estimator.fitTransform(x)
  expectClose(
    fused.output, output, rtol: 1e-12, atol: 1e-12, "\(name): fitTransform",
    sourceLocation: sourceLocation)

  // check_transformer_get_feature_names_out.
  let names = try fitted.featureNamesOut(nil)
  #expect(names.count == fitted.outputFeatureCount, sourceLocation: sourceLocation)
  let custom = (0..<x.columnCount).map { "feature_\($0)" }
  #expect(
    try fitted.featureNamesOut(custom).count == fitted.outputFeatureCount,
    sourceLocation: sourceLocation)
  #expect(
    throws: LearnError.self, "\(name): wrong number of input names",
    sourceLocation: sourceLocation
  ) { try fitted.featureNamesOut(Array(custom.dropLast())) }

  try checkFittedModel(
    fitted, x: x, allowsNaN: E.capabilities.allowsMissingValues,
    output: { try $0.transform($1).storage }, name: name, sourceLocation: sourceLocation)

  // Fit-time input checks.
  #expect(
    throws: LearnError.self, "\(name): zero rows at fit", sourceLocation: sourceLocation
  ) { try estimator.fit(Matrix(rowCount: 0, columnCount: 3, storage: [])) }
  #expect(
    throws: LearnError.self, "\(name): zero features at fit", sourceLocation: sourceLocation
  ) { try estimator.fit(Matrix(rowCount: 3, columnCount: 0, storage: [])) }
  #expect(
    throws: LearnError.nonFinite(input: "X", row: 3, column: 2),
    "\(name): infinity at fit", sourceLocation: sourceLocation
  ) { try estimator.fit(CheckData.with(x, .infinity, at: 3, 2)) }
  if !E.capabilities.allowsMissingValues {
    #expect(
      throws: LearnError.nonFinite(input: "X", row: 0, column: 1), "\(name): NaN at fit",
      sourceLocation: sourceLocation
    ) { try estimator.fit(CheckData.with(x, .nan, at: 0, 1)) }
  }
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)
}

/// Runs every common check that applies to a classifier with integer labels, and repeats the
/// fit with string labels to check that predictions come back in the user's label type.
public func checkClassifier<E: Classifier & DefaultInitializable, S: Classifier>(
  _ estimator: E, stringLabelled: S, changed: (E, String), invalid: [InvalidSetting<E>] = [],
  minimumAccuracy: Double = 0.83, sourceLocation: SourceLocation = #_sourceLocation
) throws where E.Label == Int, S.Label == String {
  let name = estimatorTypeName(E.self)
  let (x, y) = CheckData.classification()
  let fitted = try estimator.fit(x, y)
  #expect(fitted.classes == [0, 1, 2], "\(name): classes sorted", sourceLocation: sourceLocation)
  let again = try estimator.fit(x, y)
  #expect(
    try fitted.predict(x) == again.predict(x), "\(name): fit is not idempotent",
    sourceLocation: sourceLocation)
  let predictions = try fitted.predict(x)
  let accuracy = Double(zip(predictions, y).filter { $0 == $1 }.count) / Double(y.count)
  #expect(
    accuracy >= minimumAccuracy, "\(name): accuracy \(accuracy)",
    sourceLocation: sourceLocation)

  try checkFittedModel(
    fitted, x: x, allowsNaN: E.capabilities.allowsMissingValues,
    output: { try $0.predict($1).map(Double.init) }, name: name, sourceLocation: sourceLocation)
  checkFitInputs(
    estimator, x: x, y: y, shorterY: Array(y.dropLast()), name: name,
    sourceLocation: sourceLocation)
  checkInvalidSettings(invalid, x: x, y: y, name: name, sourceLocation: sourceLocation)
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)

  // check_classifiers_classes: string labels give the same model, decoded.
  let names = ["alpha", "beta", "gamma"]
  let stringFitted = try stringLabelled.fit(x, y.map { names[$0] })
  #expect(stringFitted.classes == names, sourceLocation: sourceLocation)
  #expect(
    try stringFitted.predict(x) == predictions.map { names[$0] },
    "\(name): string labels must predict the same classes", sourceLocation: sourceLocation)
}

import Foundation
import LinearAlgebra
import SwiftLearn
import Testing

/// The common checks for ``IsolationForest``, the one unsupervised outlier detector: a seed
/// makes the fit reproducible, the fitted detector honours the shared fitted-model contract
/// (feature count, non-finite input, batch and row-order invariance, save and load), and
/// invalid settings throw naming their parameter.
public func checkOutlierDetector(
  _ estimator: IsolationForest, changed: (IsolationForest, String),
  invalid: [InvalidSetting<IsolationForest>],
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = "IsolationForest"
  let (x, _) = CheckData.regression()
  let fitted = try estimator.fit(x)
  let again = try estimator.fit(x)
  #expect(
    try fitted.scoreSamples(x) == again.scoreSamples(x), "\(name): same seed, same scores",
    sourceLocation: sourceLocation)
  let predictions = try fitted.predict(x)
  #expect(
    predictions.allSatisfy { $0 == 1 || $0 == -1 }, "\(name): predict is ±1",
    sourceLocation: sourceLocation)
  try checkFittedModel(
    fitted, x: x, allowsNaN: false, output: { try $0.scoreSamples($1) }, name: name,
    sourceLocation: sourceLocation)
  try checkFittedModel(
    fitted, x: x, allowsNaN: false, output: { try $0.predict($1).map(Double.init) },
    name: name, sourceLocation: sourceLocation)
  // Fit-time input checks.
  #expect(throws: LearnError.self, "\(name): zero rows", sourceLocation: sourceLocation) {
    try estimator.fit(Matrix(rowCount: 0, columnCount: 3, storage: []))
  }
  #expect(
    throws: LearnError.nonFinite(input: "X", row: 0, column: 1), "\(name): NaN at fit",
    sourceLocation: sourceLocation
  ) { try estimator.fit(CheckData.with(x, .nan, at: 0, 1)) }
  for setting in invalid {
    do {
      _ = try setting.estimator.fit(x)
      Issue.record("\(name): '\(setting.parameter)' did not throw", sourceLocation: sourceLocation)
    } catch let LearnError.invalidParameter(_, parameter, _, _) {
      #expect(parameter == setting.parameter, sourceLocation: sourceLocation)
    }
  }
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)
}

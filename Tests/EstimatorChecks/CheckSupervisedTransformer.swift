import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

/// The common checks of a transformer fitted with a target (the supervised feature selectors):
/// those of `checkTransformer` plus the supervised fit-time checks (`y` of the wrong length).
///
/// - Parameters:
///   - estimator: The estimator with typical settings.
///   - x: Training samples.
///   - y: The target.
///   - shorterY: `y` without its last entry.
///   - changed: A changed setting and the text its description must contain (the
///     description of `estimator` itself must not contain it).
///   - invalid: Settings that `fit` must reject, each naming its parameter.
///   - allowsNaN: Whether `transform` passes NaN through.
public func checkSupervisedTransformer<E: SupervisedTransformerEstimator>(
  _ estimator: E, x: Matrix, y: E.Target, shorterY: E.Target, changed: (E, String),
  invalid: [InvalidSetting<E>] = [], allowsNaN: Bool = false,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(E.self)
  let fitted = try estimator.fit(x, y)
  let output = try fitted.transform(x)
  #expect(output.rowCount == x.rowCount, "\(name): row count kept", sourceLocation: sourceLocation)
  #expect(output.columnCount == fitted.outputFeatureCount, sourceLocation: sourceLocation)
  #expect(
    try estimator.fit(x, y).transform(x) == output, "\(name): fit is not idempotent",
    sourceLocation: sourceLocation)
  let fused = try estimator.fitTransform(x, y)
  expectClose(
    fused.output.storage, output.storage, rtol: 1e-12, atol: 1e-12, "\(name): fitTransform",
    sourceLocation: sourceLocation)

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
    fitted, x: x, allowsNaN: allowsNaN, output: { try $0.transform($1).storage }, name: name,
    sourceLocation: sourceLocation)

  #expect(
    throws: LearnError.self, "\(name): zero rows at fit", sourceLocation: sourceLocation
  ) { try estimator.fit(Matrix(rowCount: 0, columnCount: x.columnCount, storage: []), shorterY) }
  #expect(
    throws: LearnError.self, "\(name): zero features at fit", sourceLocation: sourceLocation
  ) { try estimator.fit(Matrix(rowCount: x.rowCount, columnCount: 0, storage: []), y) }
  #expect(
    throws: LearnError.nonFinite(input: "X", row: 3, column: 2),
    "\(name): infinity at fit", sourceLocation: sourceLocation
  ) { try estimator.fit(CheckData.with(x, .infinity, at: 3, 2), y) }
  #expect(
    throws: LearnError.nonFinite(input: "X", row: 0, column: 1), "\(name): NaN at fit",
    sourceLocation: sourceLocation
  ) { try estimator.fit(CheckData.with(x, .nan, at: 0, 1), y) }
  #expect(
    throws: LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: x.rowCount - 1),
    "\(name): y of the wrong length", sourceLocation: sourceLocation
  ) { try estimator.fit(x, shorterY) }

  for setting in invalid {
    do {
      _ = try setting.estimator.fit(x, y)
      Issue.record(
        "\(name): '\(setting.parameter)' out of range did not throw", sourceLocation: sourceLocation
      )
    } catch let LearnError.invalidParameter(_, parameter, _, _) {
      #expect(parameter == setting.parameter, sourceLocation: sourceLocation)
    } catch {
      Issue.record(
        "\(name): '\(setting.parameter)' threw \(error), expected invalidParameter",
        sourceLocation: sourceLocation)
    }
  }
  #expect(
    !estimator.description.contains(changed.1) && changed.0.description.contains(changed.1),
    "\(name): description \(changed.0.description) should mention \(changed.1)",
    sourceLocation: sourceLocation)
  #expect(estimator.description.hasPrefix(name + "("), sourceLocation: sourceLocation)
}

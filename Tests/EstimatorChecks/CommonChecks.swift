import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

// scikit-learn's common estimator checks (`sklearn.utils.estimator_checks`), re-expressed for
// SwiftLearn's protocol family. The KEEP and ADAPT rows of research/anchors.md §7 live here; the
// TYPE rows need no test because the compiler enforces them. Every public estimator is listed in
// `Registry` and runs these.

/// One invalid hyperparameter setting and the parameter name its error must carry.
public struct InvalidSetting<E: Sendable>: Sendable {
  /// The estimator with one hyperparameter out of range.
  public let estimator: E
  /// The name the `LearnError.invalidParameter` must carry.
  public let parameter: String
  /// Pairs an invalid estimator with the parameter it gets wrong.
  public init(_ parameter: String, _ estimator: E) {
    self.estimator = estimator
    self.parameter = parameter
  }
}

/// The checks shared by every fitted model, whatever it outputs.
///
/// `output` turns a model's answer on a matrix into numbers to compare (predictions,
/// probabilities or transformed values).
func checkFittedModel<F: FittedModel>(
  _ fitted: F, x: Matrix, allowsNaN: Bool, output: (F, Matrix) throws -> [Double],
  name: String, sourceLocation: SourceLocation
) throws {
  let d = x.columnCount
  let full = try output(fitted, x)
  let width = full.count / max(x.rowCount, 1)
  #expect(fitted.featureCount == d, "\(name): featureCount", sourceLocation: sourceLocation)

  // check_n_features_in_after_fitting: a different column count throws, naming both counts.
  let narrow = try x.columns(Array(0..<(d - 1)))
  #expect(
    throws: LearnError.featureCountMismatch(expected: d, got: d - 1),
    "\(name): narrower input must throw", sourceLocation: sourceLocation
  ) { try output(fitted, narrow) }
  let wide = try x.appendingColumns(Matrix.zeros(x.rowCount, 1))
  #expect(
    throws: LearnError.featureCountMismatch(expected: d, got: d + 1),
    "\(name): wider input must throw", sourceLocation: sourceLocation
  ) { try output(fitted, wide) }

  // check_estimators_nan_inf at predict time.
  #expect(
    throws: LearnError.nonFinite(input: "X", row: 1, column: 0),
    "\(name): infinity at predict must throw", sourceLocation: sourceLocation
  ) { try output(fitted, CheckData.with(x, .infinity, at: 1, 0)) }
  if !allowsNaN {
    #expect(
      throws: LearnError.nonFinite(input: "X", row: 2, column: 1),
      "\(name): NaN at predict must throw", sourceLocation: sourceLocation
    ) { try output(fitted, CheckData.with(x, .nan, at: 2, 1)) }
  }

  // check_estimators_empty_data_messages at predict time.
  let empty = try Matrix(rowCount: 0, columnCount: d, storage: [])
  #expect(
    throws: LearnError.self, "\(name): zero rows at predict must throw",
    sourceLocation: sourceLocation
  ) { try output(fitted, empty) }

  // check_methods_subset_invariance: row by row and in two batches equals all at once.
  var pieces: [Double] = []
  let half = x.rowCount / 2
  pieces += try output(fitted, x.rows(0..<half))
  pieces += try output(fitted, x.rows(half..<x.rowCount))
  expectClose(
    pieces, full, rtol: 1e-12, atol: 1e-12, "\(name): batch invariance",
    sourceLocation: sourceLocation)
  for i in [0, x.rowCount - 1] {
    let single = try output(fitted, x.rows([i]))
    expectClose(
      single, Array(full[(i * width)..<((i + 1) * width)]), rtol: 1e-12, atol: 1e-12,
      "\(name): single-row invariance (row \(i))", sourceLocation: sourceLocation)
  }

  // check_methods_sample_order_invariance: permuting rows permutes the outputs.
  let order = CheckData.permutation(x.rowCount)
  let permuted = try output(fitted, x.rows(order))
  var expected: [Double] = []
  for i in order { expected += full[(i * width)..<((i + 1) * width)] }
  expectClose(
    permuted, expected, rtol: 1e-12, atol: 1e-12, "\(name): row-order invariance",
    sourceLocation: sourceLocation)

  // check_estimators_pickle, adapted: the versioned JSON envelope round-trips exactly.
  let data = try fitted.encodedModelFile()
  let restored = try F.decodeModelFile(data)
  #expect(
    try output(restored, x) == full, "\(name): saved and loaded model must predict identically",
    sourceLocation: sourceLocation)
  // A truncated file is a typed error, never a crash.
  let truncated = data.prefix(data.count / 2)
  #expect(
    throws: LearnError.self, "\(name): truncated model file must throw",
    sourceLocation: sourceLocation
  ) { try F.decodeModelFile(Data(truncated)) }
}

/// Checks the training-time contract every supervised estimator shares.
func checkFitInputs<E: SupervisedEstimator>(
  _ estimator: E, x: Matrix, y: E.Target, shorterY: E.Target, name: String,
  sourceLocation: SourceLocation
) {
  let caps = E.capabilities
  // check_estimators_empty_data_messages at fit time.
  #expect(
    throws: LearnError.self, "\(name): zero rows at fit must throw",
    sourceLocation: sourceLocation
  ) { try estimator.fit(Matrix(rowCount: 0, columnCount: x.columnCount, storage: []), shorterY) }
  #expect(
    throws: LearnError.self, "\(name): zero features at fit must throw",
    sourceLocation: sourceLocation
  ) { try estimator.fit(Matrix(rowCount: x.rowCount, columnCount: 0, storage: []), y) }
  // check_estimators_nan_inf at fit time.
  #expect(
    throws: LearnError.nonFinite(input: "X", row: 3, column: 2),
    "\(name): infinity at fit must throw", sourceLocation: sourceLocation
  ) { try estimator.fit(CheckData.with(x, -.infinity, at: 3, 2), y) }
  if !caps.allowsMissingValues {
    #expect(
      throws: LearnError.nonFinite(input: "X", row: 0, column: 1),
      "\(name): NaN at fit must throw", sourceLocation: sourceLocation
    ) { try estimator.fit(CheckData.with(x, .nan, at: 0, 1), y) }
  }
  // check_classifiers_train / check_regressors_train: y of the wrong length.
  #expect(
    throws: LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: x.rowCount - 1),
    "\(name): y of the wrong length must throw", sourceLocation: sourceLocation
  ) { try estimator.fit(x, shorterY) }
}

/// check_param_validation: each invalid setting throws `invalidParameter` naming the parameter.
func checkInvalidSettings<E: SupervisedEstimator>(
  _ settings: [InvalidSetting<E>], x: Matrix, y: E.Target, name: String,
  sourceLocation: SourceLocation
) {
  for setting in settings {
    do {
      _ = try setting.estimator.fit(x, y)
      Issue.record(
        "\(name): '\(setting.parameter)' out of range did not throw",
        sourceLocation: sourceLocation)
    } catch let LearnError.invalidParameter(_, parameter, _, _) {
      #expect(parameter == setting.parameter, sourceLocation: sourceLocation)
    } catch {
      Issue.record(
        "\(name): '\(setting.parameter)' threw \(error), expected invalidParameter",
        sourceLocation: sourceLocation)
    }
  }
}

/// check_estimator_repr: defaults print no hyperparameter (`Name()`), a changed value appears
/// by name.
func checkDescription<E: Estimator & DefaultInitializable>(
  _ changed: E, mentions: String, name: String, sourceLocation: SourceLocation
) {
  let plain = E().description
  #expect(
    plain.hasPrefix(name + "(") && !plain.contains(":"), "\(name): default description \(plain)",
    sourceLocation: sourceLocation)
  #expect(
    changed.description.contains(mentions),
    "\(name): description \(changed.description) should mention \(mentions)",
    sourceLocation: sourceLocation)
}

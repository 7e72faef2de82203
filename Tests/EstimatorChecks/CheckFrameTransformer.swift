import DataFrame
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// Small seeded tables the frame-transformer checks run on.
extension CheckData {
  /// A table of a text column with nulls, a categorical column, an int column and a double
  /// column with a NaN: `n` rows.
  public static func frame(n: Int = 40, seed: UInt64 = 5) -> DataFrame {
    var rng = SeededGenerator(seed: seed)
    let cities = ["Lima", "Oslo", "Paris", "Tokyo"]
    var city: [String?] = []
    var size: [String?] = []
    var count: [Int] = []
    var price: [Double] = []
    for i in 0..<n {
      city.append(i % 9 == 4 ? nil : cities[Int(rng.next() % 4)])
      size.append(["S", "M", "L"][Int(rng.next() % 3)])
      count.append(Int(rng.next() % 3))
      price.append(i == 7 ? .nan : Double(Int(rng.next() % 5)) * 0.5)
    }
    // Built from known-valid columns of equal length, so this cannot fail.
    return
      (try? DataFrame([
        Column("city", strings: city), Column("size", categories: size),
        Column("count", ints: count), Column("price", doubles: price),
      ])) ?? DataFrame()
  }
}

/// Runs the common checks for a transformer over `DataFrame` columns.
///
/// - Parameters:
///   - estimator: The estimator with default or typical settings.
///   - fit: How to fit it on a frame (lets supervised encoders bring their target).
///   - changed: The estimator with one hyperparameter changed and the text its description
///     must contain.
///   - invalid: Settings that `fit` must reject, each naming its parameter.
///   - train: The frame to fit on (default ``CheckData/frame(n:seed:)``).
///   - other: A different frame with the same columns, transformed by the fitted model.
public func checkFrameTransformer<E: Estimator & DefaultInitializable, F: FrameTransformer>(
  _ estimator: E, fit: (E, DataFrame) throws -> F, changed: (E, String),
  invalid: [InvalidSetting<E>] = [], train: DataFrame = CheckData.frame(),
  other: DataFrame = CheckData.frame(n: 25, seed: 9),
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(E.self)
  let fitted = try fit(estimator, train)
  let output = try fitted.transform(other)

  // Shape and names.
  #expect(output.rowCount == other.rowCount, "\(name): row count", sourceLocation: sourceLocation)
  #expect(
    output.columnNames == fitted.outputColumnNames, "\(name): output names",
    sourceLocation: sourceLocation)
  #expect(
    fitted.inputColumnNames == train.columnNames, "\(name): input names",
    sourceLocation: sourceLocation)

  // Determinism: fitting again gives the same transformation.
  #expect(
    try fit(estimator, train).transform(other) == output, "\(name): fit is not deterministic",
    sourceLocation: sourceLocation)

  // Fit on one frame, transform another: batches, single rows and row order are consistent.
  let half = other.rowCount / 2
  let first = try fitted.transform(other.rows(Array(0..<half)))
  let second = try fitted.transform(other.rows(Array(half..<other.rowCount)))
  #expect(
    try first == output.rows(Array(0..<half))
      && second == output.rows(Array(half..<other.rowCount)),
    "\(name): batch invariance", sourceLocation: sourceLocation)
  let order = CheckData.permutation(other.rowCount)
  #expect(
    try fitted.transform(other.rows(order)) == output.rows(order), "\(name): row-order invariance",
    sourceLocation: sourceLocation)
  // Columns are found by name: order does not matter and extra columns are ignored.
  let shuffled = try other.selecting(other.columnNames.reversed())
  let extra = try shuffled.withColumn(
    Column("unused_extra", doubles: [Double](repeating: 1, count: other.rowCount)))
  #expect(
    try fitted.transform(extra) == output, "\(name): columns must be found by name",
    sourceLocation: sourceLocation)

  // A missing column is a typed error naming it.
  let firstColumn = train.columnNames[0]
  #expect(
    throws: LearnError.missingColumn(name: firstColumn), "\(name): missing column",
    sourceLocation: sourceLocation
  ) { try fitted.transform(other.dropping([firstColumn])) }
  // A column of an unusable type (dates) is a typed error naming it.
  var dated = other
  try dated.setColumn(
    Column(
      firstColumn, dates: [Date?](repeating: Date(timeIntervalSince1970: 0), count: other.rowCount))
  )
  do {
    _ = try fitted.transform(dated)
    Issue.record("\(name): a date column was accepted", sourceLocation: sourceLocation)
  } catch let LearnError.wrongColumnType(column, _, _) {
    #expect(column == firstColumn, sourceLocation: sourceLocation)
  } catch {
    Issue.record("\(name): date column threw \(error)", sourceLocation: sourceLocation)
  }
  // Empty input at fit.
  #expect(
    throws: LearnError.self, "\(name): empty frame at fit", sourceLocation: sourceLocation
  ) { try fit(estimator, DataFrame()) }

  // Save and load: the restored model transforms identically; a truncated file throws.
  let data = try fitted.encodedModelFile()
  let restored = try F.decodeModelFile(data)
  #expect(
    try restored.transform(other) == output, "\(name): saved and loaded model differs",
    sourceLocation: sourceLocation)
  #expect(
    throws: LearnError.self, "\(name): truncated model file", sourceLocation: sourceLocation
  ) { try F.decodeModelFile(Data(data.prefix(data.count / 2))) }

  // Invalid settings name their parameter.
  for setting in invalid {
    do {
      _ = try fit(setting.estimator, train)
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
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)
}

/// ``checkFrameTransformer(_:fit:changed:invalid:train:other:sourceLocation:)`` for an
/// unsupervised ``FrameTransformerEstimator``.
public func checkFrameTransformer<E: FrameTransformerEstimator & DefaultInitializable>(
  _ estimator: E, changed: (E, String), invalid: [InvalidSetting<E>] = [],
  train: DataFrame = CheckData.frame(), other: DataFrame = CheckData.frame(n: 25, seed: 9),
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  try checkFrameTransformer(
    estimator, fit: { try $0.fit($1) }, changed: changed, invalid: invalid, train: train,
    other: other, sourceLocation: sourceLocation)
  // fitTransform equals fit then transform for unsupervised frame transformers.
  let fused = try estimator.fitTransform(train)
  #expect(
    try fused.output == estimator.fit(train).transform(train), "fitTransform",
    sourceLocation: sourceLocation)
}

import DataFrame
import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite("Encoder errors and behaviour")
struct EncoderErrorTests {
  let train: DataFrame
  let test: DataFrame

  init() throws {
    train = try DataFrame([
      Column("city", strings: ["Paris", "Lima", nil, "Paris", "Oslo"]),
      Column("count", ints: [1, 2, 2, 3, 1]),
    ])
    test = try DataFrame([
      Column("city", strings: ["Lima", "Cairo", "Paris"]),
      Column("count", ints: [1, 2, 3]),
    ])
  }

  @Test("an unknown category throws naming the column and the value")
  func unknownCategory() throws {
    let oneHot = try OneHotEncoder().fit(train)
    #expect(throws: LearnError.unknownCategory(column: "city", value: "Cairo")) {
      try oneHot.transform(test)
    }
    let ordinal = try OrdinalEncoder().fit(train)
    #expect(throws: LearnError.unknownCategory(column: "city", value: "Cairo")) {
      try ordinal.transform(test)
    }
    let numbers = try DataFrame([
      Column("city", strings: ["Lima"]), Column("count", ints: [7]),
    ])
    #expect(throws: LearnError.unknownCategory(column: "count", value: "7")) {
      try oneHot.transform(numbers)
    }
    // With .ignore the unknown row is all zeros in that column's block.
    let ignoring = try OneHotEncoder(handleUnknown: .ignore).fit(train).transform(test)
    let cityColumns = ignoring.columnNames.filter { $0.hasPrefix("city_") }
    #expect(cityColumns == ["city_Lima", "city_Oslo", "city_Paris", "city_nan"])
    for name in cityColumns { #expect(try ignoring.column(name).numericValues()[1] == 0) }
  }

  @Test("missing and mistyped columns are typed errors")
  func columns() throws {
    let encoders: [any FrameTransformer] = [
      try OneHotEncoder().fit(train), try OrdinalEncoder().fit(train),
      try FrequencyEncoder().fit(train), try FeatureHasher(featureCount: 8).fit(train),
      try TargetEncoder().fit(train, target: [1, 2, 3, 4, 5]),
    ]
    let noCount = try train.dropping(["count"])
    let textCount = try DataFrame([
      Column("city", strings: ["Lima"]), Column("count", strings: ["1"]),
    ])
    for encoder in encoders {
      #expect(throws: LearnError.missingColumn(name: "count")) { try encoder.transform(noCount) }
      do {
        _ = try encoder.transform(textCount)
        Issue.record("\(type(of: encoder)): text in a numeric column was accepted")
      } catch let LearnError.wrongColumnType(column, _, _) {
        #expect(column == "count")
      }
    }
    // An encoder fitted on text cannot transform a matrix.
    #expect(throws: LearnError.self) {
      try OneHotEncoder().fit(train).transform(Matrix(rows: [[1, 2]]))
    }
  }

  @Test("invalid settings name the parameter")
  func invalidSettings() throws {
    func parameter(_ body: () throws -> Void) -> String? {
      do { try body() } catch let LearnError.invalidParameter(_, name, _, _) { return name } catch {
        return "\(error)"
      }
      return nil
    }
    #expect(
      parameter { _ = try OneHotEncoder(minFrequency: .count(0)).fit(train) } == "minFrequency")
    #expect(parameter { _ = try OneHotEncoder(maxCategories: 0).fit(train) } == "maxCategories")
    #expect(
      parameter { _ = try OneHotEncoder(drop: .explicit(["Rome", "1"])).fit(train) } == "drop")
    #expect(
      parameter {
        _ = try OneHotEncoder(drop: .explicit(["Oslo", "1"]), minFrequency: .count(2)).fit(train)
      }
        == "drop")
    #expect(parameter { _ = try OrdinalEncoder(unknownValue: -1).fit(train) } == "unknownValue")
    #expect(
      parameter { _ = try OrdinalEncoder(encodedMissingValue: 1).fit(train) }
        == "encodedMissingValue")
    #expect(parameter { _ = try TargetEncoder(cv: 1).fit(train, target: [1, 2, 3, 4, 5]) } == "cv")
    #expect(
      parameter { _ = try TargetEncoder(smooth: .value(-2)).fit(train, target: [1, 2, 3, 4, 5]) }
        == "smooth")
    #expect(
      parameter { _ = try FeatureHasher(featureCount: 0).transform(strings: [["a"]]) }
        == "featureCount")
  }

  @Test("TargetEncoder: fitTransform is cross-fitted, seeded shuffles are reproducible")
  func targetEncoderCrossFitting() throws {
    let frame = CheckData.frame(n: 40)
    let y = (0..<40).map { Double($0 % 5) + ($0 % 3 == 0 ? 2 : 0) }
    let encoder = TargetEncoder(seed: 4)
    let (fitted, crossFitted) = try encoder.fitTransform(frame, target: y)
    let plain = try fitted.transform(frame)
    #expect(crossFitted != plain, "cross fitting must differ from fit + transform")
    #expect(try encoder.fitTransform(frame, target: y).output == crossFitted)
    #expect(try fitted == encoder.fit(frame, target: y))
    #expect(throws: LearnError.lengthMismatch(input: "y", expected: 40, got: 3)) {
      try encoder.fit(frame, target: [1, 2, 3])
    }
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try encoder.fit(frame, labels: [String](repeating: "a", count: 40))
    }
  }

  @Test("FrequencyEncoder counts missing values as a category and unseen ones as 0")
  func frequency() throws {
    let out = try FrequencyEncoder().fit(train).transform(
      DataFrame([
        Column("city", strings: [nil, "Paris", "Rome"]), Column("count", ints: [2, 2, 9]),
      ]))
    #expect(try out.column("city").numericValues() == [1, 2, 0])
    #expect(try out.column("count").numericValues() == [2, 2, 0])
  }
}

@Suite("OneHotEncoder on large frames")
struct OneHotEncoderLargeTests {
  @Test("the parallel per-column frame path equals the serial matrix path")
  func parallelMatchesSerial() throws {
    var rng = SeededGenerator(seed: 3)
    let n = 30_000
    let d = 4
    var values = [Double](repeating: 0, count: n * d)
    for k in values.indices { values[k] = Double(rng.next() % 7) }
    values[5] = .nan
    let x = try Matrix(rowCount: n, columnCount: d, storage: values)
    let frame = try DataFrame(matrix: x)
    let encoder = OneHotEncoder(drop: .first, minFrequency: .fraction(0.1))
    let fromFrame = try encoder.fit(frame)
    let fromMatrix = try encoder.fit(x)
    #expect(fromFrame == fromMatrix)
    #expect(try fromFrame.transform(frame).toMatrix() == fromMatrix.transform(x))
    var unknown = frame
    try unknown.setColumn(Column("x2", doubles: [Double](repeating: 42, count: n)))
    #expect(throws: LearnError.unknownCategory(column: "x2", value: "42.0")) {
      try OneHotEncoder().fit(frame).transform(unknown)
    }
  }
}

@Suite("Column.stringValues")
struct ColumnStringValuesTests {
  @Test("string and categorical columns give their text and null flags")
  func stringValues() throws {
    let text = try Column("c", strings: ["b", nil, "a"]).stringValues()
    #expect(text.values == ["b", "", "a"])
    #expect(text.isNull == [false, true, false])
    let plain = try Column("c", strings: ["x", "y"]).stringValues()
    #expect(plain.values == ["x", "y"] && plain.isNull == nil)
    let categorical = try Column("c", categories: ["m", nil, "k", "m"]).stringValues()
    #expect(categorical.values == ["m", "", "k", "m"])
    #expect(categorical.isNull == [false, true, false, false])
    #expect(throws: DataFrameError.self) { try Column("c", doubles: [1]).stringValues() }
  }
}

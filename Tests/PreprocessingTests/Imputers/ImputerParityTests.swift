import DataFrame
import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite("Imputer parity with scikit-learn")
struct ImputerParityTests {
  static let cases = PreprocessingFixture.cases("imputers")
  static let frameCases = PreprocessingFixture.cases("frameImputers")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 37)
    #expect(Self.frameCases.count >= 4)
  }

  @Test("matrix outputs and feature names match scikit-learn", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let test = try fixture.matrix("XTest")
    let p = try fixture.child("params")
    let names = try FixtureTables.strings("featureNames", in: fixture)
    let expected = try fixture.matrix("transformed")
    let label = fixture.description
    switch try fixture.string("estimator") {
    case "SimpleImputer":
      var imputer = SimpleImputer(
        strategy: try #require(.init(rawValue: p.string("strategy"))),
        addIndicator: try p.bool("addIndicator"))
      if p.has("fillValue") { imputer.fillValue = try p.double("fillValue") }
      let fitted = try imputer.fit(x)
      expectClose(try fitted.transform(test), expected, rtol: 1e-8, atol: 1e-12, label)
      #expect(try fitted.featureNamesOut(nil) == names)
    case "KNNImputer":
      let imputer = KNNImputer(
        neighborCount: try p.int("neighborCount"),
        weights: try #require(.init(rawValue: p.string("weights"))),
        addIndicator: try p.bool("addIndicator"))
      let fitted = try imputer.fit(x)
      expectClose(try fitted.transform(test), expected, rtol: 1e-8, atol: 1e-12, label)
      expectClose(
        try fitted.transform(x), try fixture.matrix("fitTransformed"), rtol: 1e-8, atol: 1e-12,
        label + " on the training rows")
      #expect(try fitted.featureNamesOut(nil) == names)
    case "MissingIndicator":
      let fitted = try MissingIndicator(
        features: try #require(.init(rawValue: p.string("features"))),
        errorOnNew: try p.bool("errorOnNew")
      ).fit(x)
      #expect(try fitted.transform(test) == expected, "\(label)")
      #expect(try fitted.featureNamesOut(nil) == names)
    default:
      Issue.record("unknown estimator in \(label)")
    }
  }

  @Test("string columns match scikit-learn", arguments: frameCases)
  func frameParity(_ fixture: Fixture) throws {
    let columns = try FixtureTables.strings("columns", in: fixture)
    let train = try FixtureTables.frame("train")
    let test = try FixtureTables.frame("test")
    let p = try fixture.child("params")
    let imputer = SimpleImputer(
      strategy: try #require(.init(rawValue: p.string("strategy"))),
      addIndicator: try p.bool("addIndicator"))
    let select = { (frame: DataFrame) in try DataFrame(columns.map { try frame.column($0) }) }
    let fitted = try imputer.fit(select(train))
    let statistics = fitted.statistics.map { statistic -> String in
      if case let .text(s) = statistic { return s }
      return "\(statistic)"
    }
    #expect(statistics == (try FixtureTables.strings("statistics", in: fixture)))
    let names = try FixtureTables.strings("featureNames", in: fixture)
    #expect(fitted.outputColumnNames == names)
    let output = try fitted.transform(test)
    #expect(output.columnNames == names)
    let text = try #require(fixture.object["transformedText"] as? [[String]])
    for (k, name) in columns.enumerated() {
      #expect(try output.column(name).strings() == text[k], "\(name)")
    }
    let indicators = try #require(fixture.object["indicators"] as? [[Double]])
    for (k, name) in names.dropFirst(columns.count).enumerated() {
      #expect(try output.column(name).numericValues() == indicators[k], "\(name)")
    }
  }
}

@Suite("Imputer errors")
struct ImputerErrorTests {
  @Test("an all-missing column throws unless keepEmptyFeatures is set")
  func allMissing() throws {
    let x = try Matrix(rows: [[1, .nan], [2, .nan], [4, .nan]])
    for strategy in SimpleImputer.Strategy.allCases {
      #expect(throws: LearnError.allMissing(column: "x1")) {
        try SimpleImputer(strategy: strategy).fit(x)
      }
    }
    let kept = try SimpleImputer(keepEmptyFeatures: true).fit(x).transform(x)
    #expect(try kept.column(1) == [0, 0, 0])
    #expect(try kept.column(0) == [1, 2, 4])
    let frame = try DataFrame([
      Column("city", strings: [nil, nil]), Column("age", doubles: [1, 2]),
    ])
    #expect(throws: LearnError.allMissing(column: "city")) {
      try SimpleImputer(strategy: .mostFrequent).fit(frame)
    }
  }

  @Test("missing column, wrong type and invalid settings are typed errors")
  func frameErrors() throws {
    let frame = try DataFrame([
      Column("city", strings: ["Oslo", nil, "Lima"]), Column("age", doubles: [1, .nan, 3]),
    ])
    let fitted = try SimpleImputer(strategy: .mostFrequent).fit(frame)
    let noCity = try DataFrame([Column("age", doubles: [1, 2])])
    #expect(throws: LearnError.missingColumn(name: "city")) { try fitted.transform(noCity) }
    let swapped = try DataFrame([
      Column("city", doubles: [1, 2]), Column("age", doubles: [1, 2]),
    ])
    #expect(
      throws: LearnError.wrongColumnType(
        column: "city", expected: "string or categorical", found: "double")
    ) {
      try fitted.transform(swapped)
    }
    #expect(throws: LearnError.self) { try SimpleImputer(strategy: .mean).fit(frame) }
    #expect(throws: LearnError.self) { try fitted.transform(Matrix(rows: [[1, 2]])) }
    do {
      _ = try SimpleImputer(fillValue: .infinity).fit(frame)
      Issue.record("infinite fillValue accepted")
    } catch let LearnError.invalidParameter(_, name, _, _) {
      #expect(name == "fillValue")
    }
    do {
      _ = try KNNImputer(neighborCount: 0).fit(Matrix(rows: [[1]]))
      Issue.record("neighborCount 0 accepted")
    } catch let LearnError.invalidParameter(_, name, _, _) {
      #expect(name == "neighborCount")
    }
  }

  @Test("MissingIndicator throws on new missing features when errorOnNew")
  func newMissing() throws {
    let fitted = try MissingIndicator().fit(Matrix(rows: [[1, .nan], [2, 3]]))
    #expect(throws: LearnError.self) { try fitted.transform(Matrix(rows: [[.nan, 1]])) }
    #expect(try fitted.transform(Matrix(rows: [[5, .nan]])).storage == [1])
  }

  @Test("KNNImputer drops features that were empty during fit, like scikit-learn")
  func emptyFeatures() throws {
    let x = try Matrix(rows: [[1, .nan, 2], [3, .nan, .nan], [5, .nan, 6]])
    let fitted = try KNNImputer(neighborCount: 1).fit(x)
    #expect(fitted.outputFeatureCount == 2)
    #expect(try fitted.featureNamesOut(nil) == ["x0", "x2"])
    let kept = try KNNImputer(neighborCount: 1, keepEmptyFeatures: true).fit(x).transform(x)
    #expect(try kept.column(1) == [0, 0, 0])
  }
}

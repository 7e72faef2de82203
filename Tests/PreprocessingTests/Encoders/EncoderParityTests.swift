import DataFrame
import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite("Encoder parity with scikit-learn")
struct EncoderParityTests {
  static let cases = PreprocessingFixture.cases("encoders")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 20)
  }

  static func oneHot(_ p: Fixture) throws -> OneHotEncoder {
    var encoder = OneHotEncoder()
    if p.has("handleUnknown") {
      encoder.handleUnknown = try #require(.init(rawValue: p.string("handleUnknown")))
    }
    if let drop = p.object["drop"] as? String {
      encoder.drop = drop == "first" ? .first : .ifBinary
    } else if let drop = p.object["drop"] as? [String] {
      encoder.drop = .explicit(drop)
    }
    if let m = p.object["minFrequency"] as? Double {
      encoder.minFrequency = m < 1 ? .fraction(m) : .count(Int(m))
    }
    if p.has("maxCategories") { encoder.maxCategories = try p.int("maxCategories") }
    return encoder
  }

  static func ordinal(_ p: Fixture) throws -> OrdinalEncoder {
    var encoder = OrdinalEncoder()
    if p.has("handleUnknown") {
      encoder.handleUnknown = try #require(.init(rawValue: p.string("handleUnknown")))
    }
    if p.has("unknownValue") { encoder.unknownValue = try p.double("unknownValue") }
    if p.has("encodedMissingValue") {
      encoder.encodedMissingValue = try p.double("encodedMissingValue")
    }
    return encoder
  }

  @Test("outputs and feature names match scikit-learn", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let train = try FixtureTables.frame("train")
    let test = try FixtureTables.frame(fixture.string("test"))
    let params = try fixture.child("params")
    let names = try FixtureTables.strings("featureNames", in: fixture)
    let expected = try fixture.matrix("transformed")
    let label = fixture.description
    switch try fixture.string("estimator") {
    case "OneHotEncoder":
      let fitted = try Self.oneHot(params).fit(train)
      let output = try fitted.transform(test)
      #expect(fitted.outputColumnNames == names, "\(label)")
      #expect(output.columnNames == names)
      #expect(try output.toMatrix() == expected, "\(label)")
    case "OrdinalEncoder":
      let fitted = try Self.ordinal(params).fit(train)
      #expect(fitted.outputColumnNames == names)
      expectClose(try fitted.transform(test).toMatrix(), expected, rtol: 0, label)
    case "FrequencyEncoder":
      let output = try #require(FrequencyEncoder.Output(rawValue: params.string("output")))
      let fitted = try FrequencyEncoder(output: output).fit(train)
      #expect(fitted.outputColumnNames == names)
      expectClose(try fitted.transform(test).toMatrix(), expected, rtol: 1e-12, label)
    case "TargetEncoder":
      let smooth: TargetEncoder.Smoothing =
        (params.object["smooth"] as? String) == "auto" ? .auto : .value(try params.double("smooth"))
      let encoder = TargetEncoder(smooth: smooth, cv: try params.int("cv"), shuffle: false)
      let targets = try #require(PreprocessingFixture.file).child("targets")
      let result: (fitted: TargetEncoder.Fitted, output: DataFrame)
      switch try fixture.string("target") {
      case "continuous":
        result = try encoder.fitTransform(train, target: targets.vector("continuous"))
      case let kind: result = try encoder.fitTransform(train, labels: targets.strings(kind))
      }
      #expect(result.fitted.outputColumnNames == names)
      expectClose(result.fitted.targetMean, try fixture.vector("targetMean"), rtol: 1e-12, label)
      expectClose(
        try result.output.toMatrix(), try fixture.matrix("fitTransformed"), rtol: 1e-8,
        atol: 1e-12, label + " fitTransform")
      expectClose(
        try result.fitted.transform(test).toMatrix(), expected, rtol: 1e-8, atol: 1e-12,
        label + " transform")
    default:
      Issue.record("unknown estimator in \(label)")
    }
  }

  static let matrixCases: [Fixture] =
    (try? PreprocessingFixture.file?.child("matrixEncoders").children("cases")) ?? []

  @Test("second data set fixtures were loaded")
  func matrixFixturesPresent() {
    #expect(Self.matrixCases.count >= 5)
  }

  @Test("numeric matrices with NaN match scikit-learn", arguments: matrixCases)
  func matrixParity(_ fixture: Fixture) throws {
    let data = try #require(PreprocessingFixture.file).child("matrixEncoders")
    let x = try data.matrix("X")
    let test = try data.matrix("XTest")
    let params = try fixture.child("params")
    let names = try FixtureTables.strings("featureNames", in: fixture)
    let expected = try fixture.matrix("transformed")
    let label = fixture.description
    switch try fixture.string("estimator") {
    case "OneHotEncoder":
      let fitted = try Self.oneHot(params).fit(x)
      #expect(try fitted.featureNamesOut(nil) == names, "\(label)")
      #expect(try fitted.transform(test) == expected, "\(label)")
    case "OrdinalEncoder":
      let fitted = try Self.ordinal(params).fit(x)
      #expect(try fitted.featureNamesOut(nil) == names)
      expectClose(try fitted.transform(test), expected, rtol: 0, label)
    case "TargetEncoder":
      let frame = try DataFrame(matrix: x)
      let result = try TargetEncoder(cv: try params.int("cv"), shuffle: false).fitTransform(
        frame, target: data.vector("y"))
      #expect(result.fitted.outputColumnNames == names)
      expectClose(
        try result.output.toMatrix(), try fixture.matrix("fitTransformed"), rtol: 1e-8,
        atol: 1e-12, label + " fitTransform")
      expectClose(
        try result.fitted.transform(DataFrame(matrix: test)).toMatrix(), expected, rtol: 1e-8,
        atol: 1e-12, label + " transform")
    default:
      Issue.record("unknown estimator in \(label)")
    }
  }

  @Test(
    "FeatureHasher matches scikit-learn's signed MurmurHash3",
    arguments: PreprocessingFixture.cases("hashers"))
  func hasher(_ fixture: Fixture) throws {
    let hasher = FeatureHasher(
      featureCount: try fixture.int("featureCount"),
      alternateSign: try fixture.bool("alternateSign"))
    let expected = try fixture.matrix("transformed")
    if try fixture.string("input") == "string" {
      let docs = try #require(fixture.object["strings"] as? [[String]])
      #expect(try hasher.transform(strings: docs) == expected, "\(fixture)")
    } else {
      let train = try FixtureTables.frame("train")
      let head = try DataFrame(
        ["city", "size", "plan", "count"].map { name in
          let column = try train.column(name)
          switch column.type {
          case .int: return Column(name, ints: Array(try column.ints().prefix(20)))
          default: return Column(name, strings: Array(try column.strings().prefix(20)))
          }
        })
      let fitted = try hasher.fit(head)
      #expect(try fitted.transform(head).toMatrix() == expected, "\(fixture)")
    }
  }

  @Test("LabelEncoder matches scikit-learn")
  func labelEncoder() throws {
    let fixture = try #require(PreprocessingFixture.file).child("labelEncoder")
    let y = try fixture.strings("y")
    let (fitted, codes) = try LabelEncoder<String>().fitTransform(y)
    #expect(fitted.classes == (try fixture.strings("classes")))
    #expect(codes == (try fixture.ints("codes")))
    #expect(try fitted.inverseTransform(codes) == y)
    #expect(throws: LearnError.unknownLabel("zzz")) { try fitted.transform(["zzz"]) }
  }

  @Test("OneHotEncoder on a numeric matrix names columns like scikit-learn")
  func matrixInput() throws {
    let x = try Matrix(rows: [[1, 0.5], [2, .nan], [1, 2.5]])
    let fitted = try OneHotEncoder().fit(x)
    #expect(try fitted.featureNamesOut(nil) == ["x0_1.0", "x0_2.0", "x1_0.5", "x1_2.5", "x1_nan"])
    #expect(
      try fitted.transform(x).storage == [
        1, 0, 1, 0, 0,
        0, 1, 0, 0, 1,
        1, 0, 0, 1, 0,
      ])
  }
}

import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

/// Shared access to `Tests/Fixtures/preprocessing.json`.
enum PreprocessingFixture {
  static let file: Fixture? = try? Fixture("preprocessing")

  static func cases(_ key: String) -> [Fixture] {
    (try? file?.children(key)) ?? []
  }

  /// A closed range from a two-number list.
  static func range(_ fixture: Fixture, _ key: String) throws -> ClosedRange<Double> {
    let v = try fixture.vector(key)
    return v[0]...v[1]
  }
}

@Suite("Scaler parity with scikit-learn")
struct ScalerParityTests {
  static let cases = PreprocessingFixture.cases("scalers")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 18)
  }

  @Test("transform and inverseTransform match scikit-learn", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let test = try fixture.matrix("XTest")
    let params = try fixture.child("params")
    let expected = try fixture.matrix("transformed")
    let name = fixture.description
    switch try fixture.string("estimator") {
    case "MinMaxScaler":
      var scaler = MinMaxScaler()
      if params.has("featureRange") {
        scaler.featureRange = try PreprocessingFixture.range(params, "featureRange")
      }
      if params.has("clip") { scaler.clip = try params.bool("clip") }
      let fitted = try scaler.fit(x)
      expectClose(try fitted.transform(test), expected, rtol: 1e-8, atol: 1e-12, name)
      expectClose(
        try fitted.inverseTransform(test), try fixture.matrix("inverse"), rtol: 1e-8, atol: 1e-12,
        name + " inverse")
    case "RobustScaler":
      var scaler = RobustScaler()
      if params.has("quantileRange") {
        scaler.quantileRange = try PreprocessingFixture.range(params, "quantileRange")
      }
      if params.has("unitVariance") { scaler.unitVariance = try params.bool("unitVariance") }
      if params.has("withCentering") { scaler.withCentering = try params.bool("withCentering") }
      let fitted = try scaler.fit(x)
      expectClose(try fitted.transform(test), expected, rtol: 1e-8, atol: 1e-12, name)
      expectClose(
        try fitted.inverseTransform(test), try fixture.matrix("inverse"), rtol: 1e-8, atol: 1e-12,
        name + " inverse")
    case "MaxAbsScaler":
      let fitted = try MaxAbsScaler().fit(x)
      expectClose(try fitted.transform(test), expected, rtol: 1e-8, atol: 1e-12, name)
      expectClose(
        try fitted.inverseTransform(test), try fixture.matrix("inverse"), rtol: 1e-8, atol: 1e-12,
        name + " inverse")
    case "Normalizer":
      let norm = try #require(Normalizer.Norm(rawValue: params.string("norm")))
      let fitted = try Normalizer(norm: norm).fit(x)
      expectClose(try fitted.transform(test), expected, rtol: 1e-8, atol: 1e-12, name)
    default:
      Issue.record("unknown estimator in \(name)")
    }
  }
}

@Suite("Scaler errors")
struct ScalerErrorTests {
  func parameter(_ body: () throws -> Void) -> String? {
    do {
      try body()
    } catch let LearnError.invalidParameter(_, name, _, _) {
      return name
    } catch {
      return "unexpected \(error)"
    }
    return nil
  }

  @Test("invalid hyperparameters name the parameter")
  func invalidSettings() throws {
    let x = try Matrix(rows: [[1, 2], [3, 4]])
    #expect(parameter { _ = try MinMaxScaler(featureRange: 1...1).fit(x) } == "featureRange")
    #expect(parameter { _ = try RobustScaler(quantileRange: -1...50).fit(x) } == "quantileRange")
    #expect(parameter { _ = try RobustScaler(quantileRange: 20...101).fit(x) } == "quantileRange")
  }

  @Test("Normalizer rejects NaN; scalers keep NaN")
  func missingValues() throws {
    let x = try Matrix(rows: [[1, .nan], [3, 4], [5, 6]])
    #expect(throws: LearnError.nonFinite(input: "X", row: 0, column: 1)) {
      try Normalizer().fit(x)
    }
    let scaled = try MinMaxScaler().fit(x).transform(x)
    #expect(try scaled.element(0, 1).isNaN)
    #expect(try scaled.element(2, 1) == 1)
  }

  @Test("clip keeps new data inside the feature range")
  func clipping() throws {
    let fitted = try MinMaxScaler(clip: true).fit(Matrix(rows: [[0], [10]]))
    #expect(try fitted.transform(Matrix(rows: [[-5], [20], [5]])).storage == [0, 1, 0.5])
  }
}

@Suite("StandardScaler on large inputs")
struct StandardScalerLargeTests {
  @Test("the chunked parallel transform equals the elementwise formula")
  func chunkedTransform() throws {
    var rng = SeededGenerator(seed: 21)
    let x = Matrix.random(
      rowCount: 700, columnCount: 401, distribution: .normal(mean: 3, standardDeviation: 2),
      using: &rng)
    let fitted = try StandardScaler().fit(x)
    let mean = try #require(fitted.mean)
    let scale = try #require(fitted.scale)
    let z = try fitted.transform(x)
    var expected = x.storage
    for k in expected.indices { expected[k] = (expected[k] - mean[k % 401]) / scale[k % 401] }
    #expect(z.storage == expected)
    let back = try fitted.inverseTransform(z)
    var restored = z.storage
    for k in restored.indices { restored[k] = restored[k] * scale[k % 401] + mean[k % 401] }
    #expect(back.storage == restored)
  }
}

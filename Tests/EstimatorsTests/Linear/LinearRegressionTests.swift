import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("LinearRegression")
struct LinearRegressionTests {
  static let cases: [Fixture] = (try? Fixture("core_models").children("linearRegression")) ?? []

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 5)
  }

  @Test("matches scikit-learn's LinearRegression", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let y = try fixture.vector("y")
    let weights = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    let model = try LinearRegression(fitIntercept: fixture.bool("fitIntercept"))
      .fit(x, y, sampleWeight: weights)
    let name = fixture.name
    expectClose(
      try model.predict(fixture.matrix("XTest")), try fixture.vector("predictions"), rtol: 1e-8,
      atol: 1e-10, name + " predictions")
    #expect(model.rank == (try fixture.int("rank")), "\(name) rank")
    // A singular value is accurate to about eps·σ_max (backward stability of the SVD), so a
    // numerically zero one is compared with that absolute tolerance.
    let singular = try fixture.vector("singular")
    expectClose(
      model.singularValues, singular, rtol: 1e-8, atol: 1e-13 * (singular.first ?? 1),
      name + " singular")
    if name != "collinear" {
      // Coefficients are unique only for a full-rank design.
      expectClose(model.coefficients, try fixture.vector("coef"), rtol: 1e-8, name + " coef")
      expectClose(model.intercept, try fixture.double("intercept"), rtol: 1e-8, atol: 1e-10)
    }
  }

  @Test("an exactly collinear design reports its rank and still fits")
  func collinear() throws {
    // Third column = first + second.
    let x = try Matrix(rows: [[1, 2, 3], [2, 1, 3], [3, 5, 8], [4, 2, 6], [0, 1, 1]])
    let y = [1.0, 2, 3, 4, 5]
    let model = try LinearRegression().fit(x, y)
    #expect(model.rank == 2)
    #expect(model.coefficients.allSatisfy { $0.isFinite })
  }

  @Test("fitIntercept false goes through the origin")
  func noIntercept() throws {
    let x = try Matrix(rows: [[1], [2], [3]])
    let model = try LinearRegression(fitIntercept: false).fit(x, [2, 4, 6])
    #expect(model.intercept == 0)
    expectClose(model.coefficients, [2], rtol: 1e-12)
  }

  @Test("bad input is a typed error")
  func badInput() throws {
    let x = try Matrix(rows: [[1, 2], [3, 4], [5, 7]])
    #expect(throws: LearnError.lengthMismatch(input: "y", expected: 3, got: 2)) {
      try LinearRegression().fit(x, [1, 2])
    }
    #expect(throws: LearnError.nonFinite(input: "y", row: 1, column: 0)) {
      try LinearRegression().fit(x, [1, .infinity, 2])
    }
    #expect(
      throws: LearnError.invalidSampleWeight(
        reason: "all sample weights are zero; at least one must be positive")
    ) {
      try LinearRegression().fit(x, [1, 2, 3], sampleWeight: [0, 0, 0])
    }
    let model = try LinearRegression().fit(x, [1, 2, 3])
    #expect(throws: LearnError.featureCountMismatch(expected: 2, got: 3)) {
      try model.predict(Matrix.zeros(2, 3))
    }
  }

  @Test("a saved model loads and predicts identically; a foreign file is rejected")
  func persistence() throws {
    let (x, y) = CheckData.regression()
    let model = try LinearRegression().fit(x, y)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "swiftlearn-lr-\(UInt32.random(in: 0...UInt32.max)).json")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.save(to: url)
    let loaded = try LinearRegression.Fitted.load(from: url)
    #expect(try loaded.predict(x) == model.predict(x))
    #expect(loaded == model)

    #expect(throws: LearnError.self) {
      try LinearRegression.Fitted.load(from: url.appendingPathExtension("missing"))
    }
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    let future = text.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":99")
    #expect(throws: LearnError.unsupportedFormatVersion(found: 99, supported: 1)) {
      try LinearRegression.Fitted.decodeModelFile(Data(future.utf8))
    }
    #expect(throws: LearnError.self) {
      try LinearRegression.Fitted.decodeModelFile(Data("{\"not\": \"a model\"}".utf8))
    }
    let nanCoefficient = text.replacingOccurrences(
      of: "\"intercept\":", with: "\"intercept\":\"nan\",\"x\":")
    #expect(throws: LearnError.self) {
      try LinearRegression.Fitted.decodeModelFile(Data(nanCoefficient.utf8))
    }
  }
}

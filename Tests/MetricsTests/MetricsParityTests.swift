import EstimatorChecks
import Metrics
import SwiftLearnCore
import Testing

@Suite("Metrics parity")
struct MetricsParityTests {
  static let regression: [Fixture] = (try? Fixture("metrics").children("regression")) ?? []
  static let classification: [Fixture] =
    (try? Fixture("metrics").children("classification")) ?? []

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.regression.count == 6)
    #expect(Self.classification.count == 2)
  }

  @Test("regression metrics match scikit-learn to 1e-12", arguments: regression)
  func regressionMetrics(_ fixture: Fixture) throws {
    let t = try fixture.vector("yTrue")
    let p = try fixture.vector("yPred")
    let w = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    expectClose(try r2Score(yTrue: t, yPred: p, sampleWeight: w), try fixture.double("r2"))
    expectClose(
      try meanSquaredError(yTrue: t, yPred: p, sampleWeight: w), try fixture.double("mse"))
    expectClose(
      try rootMeanSquaredError(yTrue: t, yPred: p, sampleWeight: w), try fixture.double("rmse"))
    expectClose(
      try meanAbsoluteError(yTrue: t, yPred: p, sampleWeight: w), try fixture.double("mae"))
  }

  @Test("accuracy matches scikit-learn to 1e-12", arguments: classification)
  func accuracy(_ fixture: Fixture) throws {
    let w = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    expectClose(
      try accuracyScore(
        yTrue: fixture.ints("yTrue"), yPred: fixture.ints("yPred"), sampleWeight: w),
      try fixture.double("accuracy"))
  }

  @Test("bad metric input is a typed error")
  func badInput() {
    #expect(throws: LearnError.lengthMismatch(input: "y_pred", expected: 2, got: 1)) {
      try r2Score(yTrue: [1, 2], yPred: [1])
    }
    #expect(throws: LearnError.self) { try meanSquaredError(yTrue: [], yPred: []) }
    #expect(throws: LearnError.nonFinite(input: "y_pred", row: 0, column: 0)) {
      try meanAbsoluteError(yTrue: [1], yPred: [.nan])
    }
    #expect(throws: LearnError.self) { try accuracyScore(yTrue: ["a"], yPred: ["a", "b"]) }
    #expect(throws: LearnError.self) {
      try accuracyScore(yTrue: [1, 2], yPred: [1, 2], sampleWeight: [0, 0])
    }
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("DummyRegressor")
struct DummyRegressorTests {
  static let cases = SGDFixtures.cases("dummy")

  @Test("fixtures were loaded")
  func fixturesPresent() { #expect(Self.cases.count == 36) }

  @Test("constant matches scikit-learn exactly", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let y = try fixture.vector("y")
    let strategy = try #require(DummyRegressor.Strategy(rawValue: fixture.string("strategy")))
    let model = DummyRegressor(
      strategy: strategy, constant: strategy == .constant ? 2.5 : nil,
      quantile: fixture.has("quantile") ? try fixture.double("quantile") : nil)
    let weights = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    let x = Matrix.zeros(y.count, 2)
    let fitted = try model.fit(x, y, sampleWeight: weights)
    expectClose(
      [fitted.constant], [try fixture.double("constant")], rtol: 1e-15,
      try fixture.string("name"))
    #expect(
      try fitted.predict(Matrix.zeros(3, 2)) == [Double](repeating: fitted.constant, count: 3))
  }

  @Test("bad settings name the parameter")
  func badSettings() throws {
    let x = Matrix.zeros(4, 1)
    let y = [1.0, 2, 3, 4]
    for (model, parameter) in [
      (DummyRegressor(strategy: .constant), "constant"),
      (DummyRegressor(strategy: .quantile), "quantile"),
      (DummyRegressor(strategy: .quantile, quantile: 1.5), "quantile"),
      (DummyRegressor(strategy: .constant, constant: .nan), "constant"),
    ] {
      do {
        _ = try model.fit(x, y)
        Issue.record("\(parameter) did not throw")
      } catch let LearnError.invalidParameter(_, name, _, _) {
        #expect(name == parameter)
      }
    }
    #expect(
      throws: LearnError.invalidSampleWeight(
        reason: "all sample weights are zero; at least one must be positive")
    ) {
      try DummyRegressor().fit(x, y, sampleWeight: [0, 0, 0, 0])
    }
    #expect(throws: LearnError.nonFinite(input: "y", row: 1, column: 0)) {
      try DummyRegressor().fit(x, [1, .nan, 3, 4])
    }
    // Features are not read: NaN is accepted.
    let withNaN = CheckData.with(x, .nan, at: 0, 0)
    #expect(try DummyRegressor().fit(withNaN, y).constant == 2.5)
  }
}

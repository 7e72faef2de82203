import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("RidgeClassifier")
struct RidgeClassifierTests {
  static let cases = LogisticFixtures.cases("ridgeClassifier")

  @Test("fixtures were loaded")
  func fixturesPresent() { #expect(Self.cases.count == 6) }

  @Test("matches scikit-learn's RidgeClassifier", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LogisticFixtures.design(of: fixture)
    let model = try RidgeClassifier<Int>(
      alpha: fixture.double("alpha"), fitIntercept: fixture.bool("fitIntercept"),
      classWeight: fixture.bool("balanced") ? .balanced : nil
    ).fit(design.x, design.y, sampleWeight: design.weights)
    let coef = try fixture.matrix("coef")
    let scale = coef.storage.map(abs).max() ?? 1
    expectClose(model.coefficients, coef, rtol: 1e-6, atol: 1e-12 * scale, name + " coef")
    expectClose(
      model.intercepts, try fixture.vector("intercept"), rtol: 1e-6, atol: 1e-12 * scale,
      name + " intercept")
    expectClose(
      try model.decisionFunction(design.x), try fixture.matrix("decision"), rtol: 1e-6,
      atol: 1e-10, name + " decision")
    #expect(try model.predict(design.x) == (try fixture.ints("predict")), "\(name) predict")
  }

  @Test("string labels and persistence")
  func stringLabels() throws {
    let (x, y) = CheckData.classification()
    let names = ["a", "b", "c"]
    let model = try RidgeClassifier<String>().fit(x, y.map { names[$0] })
    let numeric = try RidgeClassifier<Int>().fit(x, y)
    #expect(try model.predict(x) == numeric.predict(x).map { names[$0] })
    let restored = try RidgeClassifier<String>.Fitted.decodeModelFile(model.encodedModelFile())
    #expect(restored == model)
  }
}

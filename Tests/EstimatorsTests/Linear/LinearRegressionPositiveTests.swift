import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("LinearRegression(positive: true)")
struct LinearRegressionPositiveTests {
  static let cases = LinearModelFixtures.cases("linearRegressionPositive")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count == 12)
  }

  /// `Σ wᵢ (yᵢ − xᵢ·β − b)²`.
  static func loss(_ design: LinearModelFixtures.Design, _ coef: [Double], _ b: Double) -> Double {
    var total = 0.0
    for i in 0..<design.x.rowCount {
      var p = b
      for j in 0..<design.x.columnCount { p += design.x[i, j] * coef[j] }
      total += (design.weights?[i] ?? 1) * (design.y[i] - p) * (design.y[i] - p)
    }
    return total
  }

  @Test("matches scikit-learn (scipy.optimize.nnls)", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LinearModelFixtures.design(of: fixture)
    let model = try LinearRegression(fitIntercept: fixture.bool("fitIntercept"), positive: true)
      .fit(design.x, design.y, sampleWeight: design.weights)
    let coef = try fixture.vector("coef")
    let intercept = try fixture.double("intercept")
    #expect(model.coefficients.allSatisfy { $0 >= 0 }, "\(name) non-negative")
    // The wide design interpolates (loss ≈ 0 in both), hence the absolute part.
    let scale2 = Self.loss(design, [Double](repeating: 0, count: coef.count), 0)
    expectClose(
      Self.loss(design, model.coefficients, model.intercept), Self.loss(design, coef, intercept),
      rtol: 1e-8, atol: 1e-14 * scale2, name + " loss")
    if !name.hasPrefix("collinear") && !name.hasPrefix("wide") {
      // Unique optimum only for a full-column-rank design.
      let scale = coef.map(abs).max() ?? 1
      expectClose(model.coefficients, coef, rtol: 1e-6, atol: 1e-12 * scale, name + " coef")
      expectClose(model.intercept, intercept, rtol: 1e-6, atol: 1e-9 * scale, name)
    }
  }

  @Test("positive appears in the description; unconstrained fits are unchanged")
  func description() throws {
    #expect(LinearRegression(positive: true).description.contains("positive: true"))
    let x = try Matrix(rows: [[1, 0], [0, 1], [1, 1], [2, 1]])
    let y = [1.0, -1, 0, 1]
    let free = try LinearRegression().fit(x, y)
    #expect(free.coefficients[1] < 0)
    let constrained = try LinearRegression(positive: true).fit(x, y)
    #expect(constrained.coefficients[1] == 0)
    #expect(constrained.rank == 1)
  }
}

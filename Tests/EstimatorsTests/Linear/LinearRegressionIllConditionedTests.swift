import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// Polynomial designs with condition numbers from 1e5 to 1e16 and exact integer data
/// (`Tests/Fixtures/gen_ill_conditioned.py`): the exact coefficients are known.
@Suite("LinearRegression on ill-conditioned designs")
struct LinearRegressionIllConditionedTests {
  static let designs: [Fixture] =
    (try? Fixture("ill_conditioned").children("designs")) ?? []

  /// The largest relative error over the coefficients and the intercept.
  static func relativeError(
    _ model: LinearRegression.Fitted, _ fixture: Fixture, interceptShift: Double = 0,
    includingIntercept: Bool = true
  ) throws -> Double {
    let exact = try fixture.vector("coefficients")
    var worst = 0.0
    for (got, want) in zip(model.coefficients, exact) {
      worst = max(worst, abs(got - want) / abs(want))
    }
    let intercept = try fixture.double("intercept") - interceptShift
    if includingIntercept, intercept != 0 {
      worst = max(worst, abs(model.intercept - intercept) / abs(intercept))
    }
    return worst
  }

  @Test("fixtures were loaded, up to condition number 1e15 and beyond")
  func fixturesPresent() throws {
    #expect(Self.designs.count >= 5)
    let conditions = try Self.designs.map { try $0.double("condition") }
    #expect(conditions.contains { $0 >= 1e15 })
  }

  @Test("recovers the exact solution to at least 7 significant digits", arguments: designs)
  func recoversExactSolution(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let y = try fixture.vector("y")
    let model = try LinearRegression().fit(x, y)
    let error = try Self.relativeError(model, fixture)
    #expect(error <= 1e-7, "\(fixture.name): relative error \(error)")
    #expect(model.rank == x.columnCount)
  }

  @Test("scikit-learn's default fit loses the digits the refined solver keeps", arguments: designs)
  func scikitLearnLosesDigits(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let y = try fixture.vector("y")
    // `.lstsq` is scikit-learn's minimum-norm behaviour: it reproduces scikit-learn's rank.
    let minimumNorm = try LinearRegression(solver: .lstsq).fit(x, y)
    #expect(minimumNorm.rank == (try fixture.int("sklearnRank")), "\(fixture.name)")
    #expect(minimumNorm.refinementSteps == 0)
    let ours = try Self.relativeError(minimumNorm, fixture)
    let sklearn = try fixture.double("sklearnRelativeError")
    // Where scikit-learn loses every digit, its own semantics here do too (same cut-off).
    if sklearn > 0.1 { #expect(ours > 1e-3, "\(fixture.name): \(ours)") }
  }

  @Test("without an intercept and with weights, the solution is still exact", arguments: designs)
  func weightsAndNoIntercept(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let y = try fixture.vector("y")
    let shift = try fixture.double("intercept")
    let shifted = y.map { $0 - shift }
    let plain = try LinearRegression(fitIntercept: false).fit(x, shifted)
    #expect(plain.intercept == 0)
    let plainError = try Self.relativeError(plain, fixture, interceptShift: shift)
    #expect(plainError <= 1e-7, "\(fixture.name) without intercept: \(plainError)")
    // Exact data: any positive weights leave the exact solution the minimiser.
    let weights = (0..<x.rowCount).map { Double($0 % 3 + 1) }
    let weighted = try LinearRegression().fit(x, y, sampleWeight: weights)
    let weightedError = try Self.relativeError(weighted, fixture)
    #expect(weightedError <= 1e-7, "\(fixture.name) weighted: \(weightedError)")
  }

  static let noisy: [Fixture] = (try? Fixture("ill_conditioned").children("noisy")) ?? []

  @Test(
    "noisy data: matches the exact least-squares solution (60-digit reference)", arguments: noisy)
  func noisyMatchesExactSolution(_ fixture: Fixture) throws {
    let model = try LinearRegression().fit(fixture.matrix("X"), fixture.vector("y"))
    #expect(model.rank == model.featureCount)
    #expect(model.refinementSteps > 0)
    let error = try Self.relativeError(model, fixture, includingIntercept: false)
    #expect(error <= 1e-7, "\(fixture.name): relative error \(error)")
    // The intercept of uncentred polynomial columns is far more sensitive than the
    // coefficients (b = ȳ − Σ x̄ⱼ βⱼ with x̄₉ ≈ 3e13), so what is compared is what it
    // determines: the fitted values against the 60-digit ones, normwise (they span 3e2 to 3e14).
    let fitted = try model.predict(fixture.matrix("X"))
    let reference = try fixture.vector("fitted")
    let scale = reference.map(abs).max() ?? 1
    let worst = zip(fitted, reference).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst <= 1e-12 * scale, "\(fixture.name): fitted values off by \(worst) of \(scale)")
    // scikit-learn's own coefficients are far from the solution on these designs.
    let sklearn = try fixture.vector("sklearnCoefficients")
    let exact = try fixture.vector("coefficients")
    let sklearnError = zip(sklearn, exact).map { abs($0 - $1) / abs($1) }.max() ?? 0
    #expect(sklearnError > 1e-3)
  }

  @Test("the solver round-trips through the description and the model file")
  func persistence() throws {
    let fixture = try #require(Self.designs.last)
    let model = try LinearRegression().fit(fixture.matrix("X"), fixture.vector("y"))
    #expect(model.refinementSteps > 0)
    let decoded = try LinearRegression.Fitted.decodeModelFile(model.encodedModelFile())
    #expect(decoded == model)
    #expect(LinearRegression(solver: .lstsq).description.contains("solver"))
  }
}

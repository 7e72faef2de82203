import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// Parity with scikit-learn 1.9 on the cases of `gen_logistic.py`.
///
/// Both sides run to tol 1e-10. The Newton solvers reach the optimum, so their coefficients are
/// compared with it at rtol 1e-6 (the absolute floor `1e-9·max|coef|` only matters for
/// coefficients that are zero at the optimum, such as a constant column's). L-BFGS stops, on
/// both sides, when the relative decrease per iteration falls below scipy's `ftol = 64·eps`
/// (scikit-learn passes it; we keep it), which leaves the coefficients up to ~4e-5 (relative)
/// from the optimum on these designs for scipy itself; for L-BFGS the tests compare the
/// objective value with the optimum's (relative 1e-12) and the coefficients at rtol 1e-4.
@Suite("LogisticRegression parity")
struct LogisticRegressionParityTests {
  static let cases = LogisticFixtures.cases("logistic")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 20)
    #expect(LogisticFixtures.designs.count == 6)
  }

  @Test("matches scikit-learn's LogisticRegression", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LogisticFixtures.design(of: fixture)
    let solver = try #require(LogisticRegressionSolver(rawValue: fixture.string("solver")))
    let classWeight = try LogisticFixtures.classWeight(of: fixture)
    let c = try fixture.double("C")
    let l1Ratio = try fixture.double("l1Ratio")
    let model = try LogisticRegression<Int>(
      c: c, l1Ratio: l1Ratio, tol: 1e-10, fitIntercept: fixture.bool("fitIntercept"),
      classWeight: classWeight, solver: solver, maxIter: 100_000
    ).fit(design.x, design.y, sampleWeight: design.weights)
    #expect(model.converged, "\(name) converged")
    #expect(model.classes == (try fixture.ints("classes")))
    let optimum = try fixture.matrix("optimumCoef")
    let scale = optimum.storage.map(abs).max() ?? 1
    let objective = try LogisticFixtures.objective(
      design, model: model, c: c, l1Ratio: l1Ratio, classWeight: classWeight)
    let best = try fixture.double("optimumObjective")
    if solver == .lbfgs {
      expectClose(objective, best, rtol: 1e-10, name + " objective")
      expectClose(model.coefficients, optimum, rtol: 1e-4, atol: 1e-6 * scale, name + " coef")
      expectClose(
        model.intercepts, try fixture.vector("optimumIntercept"), rtol: 1e-4, atol: 1e-6 * scale,
        name + " intercept")
      expectClose(
        try model.predictProbabilities(design.x), try fixture.matrix("optimumProba"),
        rtol: 0, atol: 1e-6, name + " proba")
    } else {
      expectClose(objective, best, rtol: 1e-12, name + " objective")
      expectClose(model.coefficients, optimum, rtol: 1e-6, atol: 1e-9 * scale, name + " coef")
      expectClose(
        model.intercepts, try fixture.vector("optimumIntercept"), rtol: 1e-6, atol: 1e-9 * scale,
        name + " intercept")
      expectClose(
        try model.predictProbabilities(design.x), try fixture.matrix("optimumProba"),
        rtol: 1e-6, atol: 1e-9, name + " proba")
    }
    // scikit-learn's own fit (its solver, its stopping point): same objective, same labels.
    expectClose(objective, try fixture.double("objective"), rtol: 1e-8, name + " sk objective")
    #expect(try model.predict(design.x) == (try fixture.ints("predict")), "\(name) predict")
    let decision = try model.decisionFunction(design.x)
    let classCount = model.classes.count
    #expect(decision.columnCount == (classCount == 2 ? 1 : classCount))
  }

  @Test("LogisticRegressionCV matches scikit-learn", arguments: cases("logisticCV"))
  func crossValidation(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LogisticFixtures.design(of: fixture)
    let model = try LogisticRegressionCV<Int>(tol: 1e-10, maxIter: 100_000)
      .fit(design.x, design.y)
    expectClose(model.cs, try fixture.vector("Cs"), rtol: 1e-14, name + " Cs")
    #expect(model.c == (try fixture.double("C")), "\(name) C")
    // Held-out accuracies per fold and C: equal only if the folds are scikit-learn's.
    let expected = try fixture.matrix("scores")
    let scores = try Matrix(rows: model.scores.map { $0[0] })
    expectClose(scores, expected, rtol: 1e-12, name + " scores")
    // The refit starts from the folds' mean and stops at scipy's ftol, like scikit-learn's.
    let scale = (try fixture.matrix("coef")).storage.map(abs).max() ?? 1
    expectClose(
      model.coefficients, try fixture.matrix("coef"), rtol: 1e-4, atol: 1e-6 * scale,
      name + " coef")
    expectClose(
      try model.predictProbabilities(design.x), try fixture.matrix("proba"), rtol: 0, atol: 1e-6,
      name + " proba")
  }

  static func cases(_ key: String) -> [Fixture] { LogisticFixtures.cases(key) }
}

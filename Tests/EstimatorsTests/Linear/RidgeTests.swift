import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("Ridge")
struct RidgeTests {
  static let cases = LinearModelFixtures.cases("ridge")
  static let multi = LinearModelFixtures.cases("ridgeMultiTarget")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 20)
    #expect(Self.multi.count == 2)
    #expect(LinearModelFixtures.designs.count == 6)
  }

  @Test("matches scikit-learn's Ridge", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LinearModelFixtures.design(of: fixture)
    let solver = try #require(Ridge.Solver(rawValue: fixture.string("solver")))
    let model = try Ridge(
      alpha: fixture.double("alpha"), fitIntercept: fixture.bool("fitIntercept"),
      tol: fixture.double("tol"), solver: solver
    ).fit(design.x, design.y, sampleWeight: design.weights)
    #expect(model.solver.rawValue == (try fixture.string("solverUsed")), "\(name) solver")
    let coef = try fixture.vector("coef")
    if name.hasPrefix("collinear_alpha0") {
      // alpha = 0 on a singular design: the minimum-norm least-squares solution (SVD), which
      // is unique; its coefficients are only as accurate as the conditioning allows.
      expectClose(model.coefficients, coef, rtol: 1e-6, atol: 1e-9, name + " coef")
    } else {
      expectClose(model.coefficients, coef, rtol: 1e-6, name + " coef")
    }
    let scale = coef.map(abs).max() ?? 1
    expectClose(
      model.intercept, try fixture.double("intercept"), rtol: 1e-6, atol: 1e-9 * scale,
      name + " intercept")
  }

  @Test("multi-target fits match scikit-learn", arguments: multi)
  func multiTarget(_ fixture: Fixture) throws {
    let solver = try #require(Ridge.Solver(rawValue: fixture.string("solver")))
    let x = try fixture.matrix("X")
    let model = try Ridge(alpha: fixture.double("alpha"), solver: solver)
      .fit(x, try fixture.matrix("Y"), sampleWeight: try fixture.vector("sampleWeight"))
    expectClose(model.coefficients, try fixture.matrix("coef"), rtol: 1e-8, "coef")
    expectClose(model.intercepts, try fixture.vector("intercept"), rtol: 1e-8, atol: 1e-10)
    expectClose(try model.predict(x), try fixture.matrix("predictions"), rtol: 1e-8, atol: 1e-9)
    // Each column equals the single-target fit.
    let single = try Ridge(alpha: 2, solver: solver)
      .fit(x, try fixture.matrix("Y").column(1), sampleWeight: try fixture.vector("sampleWeight"))
    expectClose(try model.coefficients.row(1), single.coefficients, rtol: 1e-10)
    let data = try JSONEncoder().encode(model)
    let back = try JSONDecoder().decode(Ridge.MultiTargetFitted.self, from: data)
    #expect(back == model)
  }

  @Test("solvers agree with each other")
  func solversAgree() throws {
    let design = try #require(LinearModelFixtures.designs["weighted"])
    let reference = try Ridge(alpha: 0.7, solver: .svd)
      .fit(design.x, design.y, sampleWeight: design.weights)
    for solver in [Ridge.Solver.cholesky, .auto] {
      let model = try Ridge(alpha: 0.7, solver: solver)
        .fit(design.x, design.y, sampleWeight: design.weights)
      expectClose(model.coefficients, reference.coefficients, rtol: 1e-10, "\(solver)")
    }
    let cg = try Ridge(alpha: 0.7, tol: 1e-14, solver: .sparseCG)
      .fit(design.x, design.y, sampleWeight: design.weights)
    expectClose(cg.coefficients, reference.coefficients, rtol: 1e-9, "sparse_cg")
    #expect((cg.iterationCount ?? 0) > 0)
  }

  @Test("edge cases: constant column, collinear, alpha 0, bad input")
  func edgeCases() throws {
    // A constant column gets coefficient 0 once centred.
    let constant = try Matrix(rows: [[1, 5], [2, 5], [3, 5], [4, 5]])
    let fitted = try Ridge(alpha: 0.1).fit(constant, [1, 2, 3, 5])
    #expect(fitted.coefficients[1] == 0)
    // alpha 0 on an exactly collinear design: Cholesky is not positive definite, the SVD
    // fallback gives the minimum-norm solution, as in scikit-learn.
    let collinear = try Matrix(rows: [[1, 2, 3], [2, 1, 3], [3, 5, 8], [4, 2, 6], [0, 1, 1]])
    let zero = try Ridge(alpha: 0, solver: .cholesky).fit(collinear, [1, 2, 3, 4, 5])
    #expect(zero.solver == .svd)
    #expect(zero.coefficients.allSatisfy { $0.isFinite })
    let x = try Matrix(rows: [[1, 2], [3, 4], [5, 7]])
    #expect(throws: LearnError.nonFinite(input: "y", row: 1, column: 0)) {
      try Ridge().fit(x, [1, .nan, 2])
    }
    #expect(
      throws: LearnError.invalidSampleWeight(
        reason: "all sample weights are zero; at least one must be positive")
    ) { try Ridge().fit(x, [1, 2, 3], sampleWeight: [0, 0, 0]) }
    #expect(throws: LearnError.lengthMismatch(input: "y", expected: 3, got: 2)) {
      try Ridge().fit(x, Matrix.zeros(2, 2))
    }
    #expect(throws: LearnError.self) { try Ridge(alpha: -1).fit(x, [1, 2, 3]) }
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "Ridge", name: "maxIter", value: "0", expected: "an integer >= 1")
    ) { try Ridge(maxIter: 0).fit(x, [1, 2, 3]) }
  }

  @Test("a saved model decodes and corrupt files are rejected")
  func codable() throws {
    let x = try Matrix(rows: [[1, 2], [3, 4], [5, 7]])
    let model = try Ridge().fit(x, [1, 2, 3])
    let back = try JSONDecoder().decode(Ridge.Fitted.self, from: JSONEncoder().encode(model))
    #expect(back == model)
    let bad = Data(#"{"coefficients":[],"intercept":0,"solver":"cholesky"}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Ridge.Fitted.self, from: bad) }
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("ElasticNet and Lasso")
struct ElasticNetTests {
  static let cases = LinearModelFixtures.cases("elasticNet")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 38)
  }

  static func fit(_ fixture: Fixture, _ design: LinearModelFixtures.Design) throws
    -> ElasticNet.Fitted
  {
    let alpha = try fixture.double("alpha")
    let intercept = try fixture.bool("fitIntercept")
    let maxIter = try fixture.int("maxIter")
    let tol = try fixture.double("tol")
    let positive = try fixture.bool("positive")
    let gram = try fixture.bool("precompute")
    if try fixture.string("model") == "lasso" {
      return try Lasso(
        alpha: alpha, fitIntercept: intercept, precompute: gram, maxIter: maxIter, tol: tol,
        positive: positive
      ).fit(design.x, design.y, sampleWeight: design.weights)
    }
    return try ElasticNet(
      alpha: alpha, l1Ratio: fixture.double("l1Ratio"), fitIntercept: intercept,
      precompute: gram, maxIter: maxIter, tol: tol, positive: positive
    ).fit(design.x, design.y, sampleWeight: design.weights)
  }

  @Test("matches scikit-learn", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LinearModelFixtures.design(of: fixture)
    let model = try Self.fit(fixture, design)
    let coef = try fixture.vector("coef")
    let intercept = try fixture.double("intercept")
    let alpha = try fixture.double("alpha")
    let l1Ratio = try fixture.double("l1Ratio")
    let ours = LinearModelFixtures.elasticNetObjective(
      design, coefficients: model.coefficients, intercept: model.intercept, alpha: alpha,
      l1Ratio: l1Ratio)
    let theirs = LinearModelFixtures.elasticNetObjective(
      design, coefficients: coef, intercept: intercept, alpha: alpha, l1Ratio: l1Ratio)
    let iterations = try fixture.int("nIter")
    if name.hasSuffix("_tight") {
      #expect(model.converged, "\(name) converged")
      // The optimum is unique except for the Lasso on a collinear design, where only the
      // objective (and the fitted values) are.
      expectClose(ours, theirs, rtol: 1e-8, name + " objective")
      if !(name.hasPrefix("lasso_collinear")) {
        let scale = coef.map(abs).max() ?? 1
        expectClose(model.coefficients, coef, rtol: 1e-6, atol: 1e-7 * scale, name + " coef")
        expectClose(model.intercept, intercept, rtol: 1e-6, atol: 1e-7 * scale, name)
      }
      #expect(
        model.iterationCount == iterations,
        "\(name) n_iter \(model.iterationCount) vs \(iterations)")
    } else {
      // Default tolerance: both stop once the duality gap is below tol·‖y‖², so both
      // objectives lie within that bound of the optimum, and the passes agree.
      let yMean = design.y.reduce(0, +) / Double(design.y.count)
      let yNorm2 = design.y.reduce(0) { $0 + ($1 - yMean) * ($1 - yMean) }
      let bound = try fixture.double("tol") * yNorm2 / Double(design.y.count)
      if model.converged {
        #expect(abs(ours - theirs) <= 2 * bound, "\(name) objective \(ours) vs \(theirs)")
        // Same update order and stopping rule: the same iterate, up to rounding.
        let scale = coef.map(abs).max() ?? 1
        expectClose(model.coefficients, coef, rtol: 1e-6, atol: 1e-9 * scale, name + " coef")
        expectClose(model.dualGap, try fixture.double("dualGap"), rtol: 1e-4, atol: 1e-12, name)
        #expect(
          model.iterationCount == iterations,
          "\(name) n_iter \(model.iterationCount) vs \(iterations)")
      } else {
        // Not converged within maxIter: the same passes give the same iterates.
        #expect(model.iterationCount == iterations, "\(name) n_iter")
        expectClose(model.coefficients, coef, rtol: 1e-8, atol: 1e-10, name + " coef")
        expectClose(model.dualGap, try fixture.double("dualGap"), rtol: 1e-6, name + " gap")
      }
    }
  }

  @Test("a tall, weighted design agrees with the Gram solver")
  func tallDesign() throws {
    // Large enough for the parallel preprocessing and gap; the Gram solver shares no kernel.
    let n = 40_000
    let x = Matrix.random(
      rowCount: n, columnCount: 8, distribution: .uniform(lower: -1, upper: 1), seed: 5)
    var y = try x.matvec([1.5, -2, 0, 0.3, 0, 4, -0.1, 0])
    for i in 0..<n { y[i] += 0.1 * Double(i % 7) }
    var weights = [Double](repeating: 1, count: n)
    for i in 0..<n { weights[i] = 0.5 + Double(i % 3) }
    for (alpha, ratio) in [(0.01, 1.0), (0.05, 0.5)] {
      let split = try ElasticNet(alpha: alpha, l1Ratio: ratio, tol: 1e-12)
        .fit(x, y, sampleWeight: weights)
      let gram = try ElasticNet(alpha: alpha, l1Ratio: ratio, precompute: true, tol: 1e-12)
        .fit(x, y, sampleWeight: weights)
      #expect(split.converged && gram.converged)
      #expect(split.iterationCount == gram.iterationCount)
      expectClose(split.coefficients, gram.coefficients, rtol: 1e-9, atol: 1e-12)
      expectClose(split.intercept, gram.intercept, rtol: 1e-9)
      // Deterministic: the same fit twice is bit-identical.
      let again = try ElasticNet(alpha: alpha, l1Ratio: ratio, tol: 1e-12)
        .fit(x, y, sampleWeight: weights)
      #expect(again == split)
    }
  }

  @Test("warm start from the solution converges at once")
  func warmStart() throws {
    let design = try #require(LinearModelFixtures.designs["diabetes"])
    let lasso = Lasso(alpha: 0.1, tol: 1e-8)
    let cold = try lasso.fit(design.x, design.y)
    let warm = try lasso.fit(design.x, design.y, startingFrom: cold)
    #expect(warm.iterationCount <= 1)
    expectClose(warm.coefficients, cold.coefficients, rtol: 1e-6, atol: 1e-6)
    #expect(throws: LearnError.featureCountMismatch(expected: 3, got: 10)) {
      try lasso.fit(Matrix.ones(5, 3), [1, 2, 3, 4, 5], startingFrom: cold)
    }
  }

  @Test("random selection reaches the same optimum and records its seed")
  func randomSelection() throws {
    let design = try #require(LinearModelFixtures.designs["weighted"])
    let cyclic = try ElasticNet(alpha: 0.3, maxIter: 100_000, tol: 1e-12)
      .fit(design.x, design.y, sampleWeight: design.weights)
    let model = ElasticNet(
      alpha: 0.3, maxIter: 100_000, tol: 1e-12, selection: .random, seed: 7)
    let random = try model.fit(design.x, design.y, sampleWeight: design.weights)
    #expect(random.seedUsed == 7)
    expectClose(random.coefficients, cyclic.coefficients, rtol: 1e-6, atol: 1e-8)
    let again = try model.fit(design.x, design.y, sampleWeight: design.weights)
    #expect(again == random)
  }

  @Test("edge cases: constant column, all-zero weights, NaN targets, large alpha")
  func edgeCases() throws {
    let x = try Matrix(rows: [[1, 5, 0], [2, 5, 1], [3, 5, 0], [4, 5, 1]])
    let y = [1.0, 2, 3, 5]
    let fitted = try Lasso(alpha: 0.01).fit(x, y)
    #expect(fitted.coefficients[1] == 0)
    // alpha above alpha_max: every coefficient is exactly zero, intercept = mean(y).
    let big = try ElasticNet(alpha: 100).fit(x, y)
    #expect(big.coefficients == [0, 0, 0])
    #expect(big.intercept == 2.75)
    #expect(big.converged)
    #expect(throws: LearnError.nonFinite(input: "y", row: 2, column: 0)) {
      try Lasso().fit(x, [1, 2, .nan, 4])
    }
    #expect(
      throws: LearnError.invalidSampleWeight(
        reason: "all sample weights are zero; at least one must be positive")
    ) { try ElasticNet().fit(x, y, sampleWeight: [0, 0, 0, 0]) }
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "ElasticNet", name: "l1Ratio", value: "1.5", expected: "a number in [0.0, 1.0]")
    ) { try ElasticNet(l1Ratio: 1.5).fit(x, y) }
    let back = try JSONDecoder().decode(
      ElasticNet.Fitted.self, from: JSONEncoder().encode(fitted))
    #expect(back == fitted)
  }
}

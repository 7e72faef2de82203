import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("RidgeCV")
struct RidgeCVTests {
  static let cases = LinearModelFixtures.cases("ridgeCV")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 15)
  }

  @Test("matches scikit-learn's RidgeCV (leave-one-out)", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LinearModelFixtures.design(of: fixture)
    let mode = try #require(RidgeCV.GCVMode(rawValue: fixture.string("gcvMode")))
    let model = try RidgeCV(
      alphas: fixture.vector("alphas"), fitIntercept: fixture.bool("fitIntercept"),
      gcvMode: mode
    ).fit(design.x, design.y, sampleWeight: design.weights)
    #expect(model.alpha == (try fixture.double("alpha")), "\(name) alpha")
    expectClose(model.bestScore, try fixture.double("bestScore"), rtol: 1e-6, name + " score")
    let coef = try fixture.vector("coef")
    let scale = coef.map(abs).max() ?? 1
    // A constant column's coefficient is 0 up to rounding of the eigenvector rotation.
    expectClose(model.coefficients, coef, rtol: 1e-6, atol: 1e-12 * scale, name + " coef")
    expectClose(
      model.intercept, try fixture.double("intercept"), rtol: 1e-6, atol: 1e-9 * scale, name)
  }

  @Test("the chosen fit equals Ridge at the chosen alpha; bad alphas are typed errors")
  func consistency() throws {
    let design = try #require(LinearModelFixtures.designs["weighted"])
    let cv = try RidgeCV(alphas: [0.01, 1, 100]).fit(
      design.x, design.y, sampleWeight: design.weights)
    let ridge = try Ridge(alpha: cv.alpha).fit(design.x, design.y, sampleWeight: design.weights)
    expectClose(cv.coefficients, ridge.coefficients, rtol: 1e-9)
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "RidgeCV", name: "alphas", value: "0.0", expected: "a finite number > 0.0")
    ) { try RidgeCV(alphas: [1, 0]).fit(design.x, design.y) }
    #expect(throws: LearnError.nonFinite(input: "y", row: 0, column: 0)) {
      try RidgeCV().fit(design.x, [.nan] + design.y.dropFirst())
    }
    let zeros = [Double](repeating: 0, count: design.y.count)
    let allZero = LearnError.invalidSampleWeight(
      reason: "all sample weights are zero; at least one must be positive")
    #expect(throws: allZero) { try RidgeCV().fit(design.x, design.y, sampleWeight: zeros) }
    #expect(throws: allZero) { try LassoCV().fit(design.x, design.y, sampleWeight: zeros) }
    #expect(throws: allZero) { try ElasticNetCV().fit(design.x, design.y, sampleWeight: zeros) }
    #expect(throws: LearnError.lengthMismatch(input: "sample_weight", expected: 120, got: 2)) {
      try RidgeCV().fit(design.x, design.y, sampleWeight: [1, 2])
    }
    let back = try JSONDecoder().decode(RidgeCV.Fitted.self, from: JSONEncoder().encode(cv))
    #expect(back == cv)
  }
}

@Suite("LassoCV and ElasticNetCV")
struct ElasticNetCVTests {
  static let cases = LinearModelFixtures.cases("elasticNetCV")

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 5)
  }

  @Test("matches scikit-learn's path, MSE matrix and choice", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try LinearModelFixtures.design(of: fixture)
    let tol = try fixture.double("tol")
    let maxIter = try fixture.int("maxIter")
    let count = try fixture.int("alphaCount")
    let model: ElasticNetCV.Fitted
    if try fixture.string("model") == "lassocv" {
      model = try LassoCV(alphaCount: count, maxIter: maxIter, tol: tol)
        .fit(design.x, design.y, sampleWeight: design.weights)
    } else {
      model = try ElasticNetCV(
        l1Ratios: fixture.vector("l1Ratios"), alphaCount: count, maxIter: maxIter, tol: tol
      ).fit(design.x, design.y, sampleWeight: design.weights)
    }
    let paths = try fixture.matrix("alphasPath").rowArrays
    #expect(model.alphas.count == paths.count)
    for (ours, theirs) in zip(model.alphas, paths) {
      expectClose(ours, theirs, rtol: 1e-13, name + " alphas")
    }
    let tight = name.hasSuffix("_tight")
    let mse = try fixture.children("msePath")
    for (k, table) in mse.enumerated() where k < model.mseMatrices.count {
      let expected = try Matrix(
        rowCount: table.ints("shape")[0], columnCount: table.ints("shape")[1],
        storage: table.vector("data"))
      // The folds run the same updates (Gram solver when n > d, as precompute="auto"), so even
      // at the default tol the paths agree to rounding.
      expectClose(model.mseMatrices[k], expected, rtol: 1e-6, name + " mse path")
    }
    // The grid is rebuilt with pow/log10, equal to numpy's to an ulp or two.
    expectClose(model.alpha, try fixture.double("alpha"), rtol: 1e-13, name + " alpha")
    #expect(model.l1Ratio == (try fixture.double("l1Ratio")), "\(name) l1Ratio")
    if tight {
      let coef = try fixture.vector("coef")
      let scale = coef.map(abs).max() ?? 1
      expectClose(model.coefficients, coef, rtol: 1e-6, atol: 1e-7 * scale, name + " coef")
    }
  }

  @Test("bad settings and folds are typed errors")
  func errors() throws {
    let x = try Matrix(rows: [[1, 2], [2, 1], [3, 5]])
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "LassoCV", name: "cvFolds", value: "5",
        expected: "at most the number of samples (3)")
    ) { try LassoCV().fit(x, [1, 2, 3]) }
    #expect(throws: LearnError.self) { try ElasticNetCV(l1Ratios: [0]).fit(x, [1, 2, 3]) }
    // A training fold whose weights are all zero.
    let tall = Matrix.random(
      rowCount: 10, columnCount: 2, distribution: .normal(mean: 0, standardDeviation: 1), seed: 3)
    let weights = [1.0, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    #expect(
      throws: LearnError.invalidSampleWeight(reason: "a training fold has only zero sample weights")
    ) {
      try LassoCV(cvFolds: 2).fit(tall, (0..<10).map(Double.init), sampleWeight: weights)
    }
    #expect(throws: LearnError.self) { try ElasticNetCV(l1Ratios: []).fit(x, [1, 2, 3]) }
  }
}

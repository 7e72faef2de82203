import Datasets
import EstimatorChecks
import Foundation
import LinearAlgebra
import Testing

@Suite struct MakeRegressionTests {
  @Test func defaultsAndCoefficients() throws {
    let plain = try makeRegression(seed: 0)
    #expect(plain.x.rowCount == 100)
    #expect(plain.x.columnCount == 100)
    #expect(plain.y.count == 100)
    #expect(plain.coefficients == nil)

    let (x, y, w) = try makeRegression(
      sampleCount: 60, featureCount: 8, informativeCount: 3, bias: 2.5, coef: true, seed: 1)
    let coefficients = try #require(w)
    #expect(coefficients.count == 8)
    #expect(coefficients.filter { $0 != 0 }.count == 3)
    #expect(coefficients.allSatisfy { $0 >= 0 && $0 < 100 })
    // noise 0: y is exactly X · w + bias (up to summation order).
    let predicted = try x.matvec(coefficients).map { $0 + 2.5 }
    expectClose(y, predicted, rtol: 1e-12, atol: 1e-10, "y = Xw + b")
  }

  @Test func noiseHasTheRequestedStandardDeviation() throws {
    let (x, y, w) = try makeRegression(
      sampleCount: 4000, featureCount: 5, informativeCount: 5, noise: 2, coef: true, seed: 2)
    let coefficients = try #require(w)
    let residuals = zip(y, try x.matvec(coefficients)).map { $0 - $1 }
    let sd = (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
    #expect(abs(sd - 2) < 0.1)
  }

  @Test func sameSeedSameOutputDifferentSeedDifferentOutput() throws {
    let a = try makeRegression(sampleCount: 20, featureCount: 5, seed: 3)
    let b = try makeRegression(sampleCount: 20, featureCount: 5, seed: 3)
    let c = try makeRegression(sampleCount: 20, featureCount: 5, seed: 4)
    #expect(a.x == b.x && a.y == b.y)
    #expect(a.x != c.x)
  }

  @Test func informativeCountIsCappedAtFeatureCount() throws {
    let (_, _, w) = try makeRegression(
      sampleCount: 10, featureCount: 3, informativeCount: 10, coef: true, seed: 5)
    #expect(try #require(w).allSatisfy { $0 > 0 })
  }

  @Test func effectiveRankGivesTheDocumentedSingularValues() throws {
    // ‖U diag(s) Vᵀ‖²_F = Σ s² when U and V have orthonormal columns.
    let n = 40
    let p = 15
    let rank = 3.0
    let tail = 0.3
    let x = try makeLowRankMatrix(
      sampleCount: n, featureCount: p, effectiveRank: 3, tailStrength: tail, seed: 6)
    #expect(x.rowCount == n && x.columnCount == p)
    var expected = 0.0
    for i in 0..<min(n, p) {
      let t = Double(i) / rank
      let s: Double = (1 - tail) * exp(-t * t) + tail * exp(-0.1 * t)
      expected += s * s
    }
    let frobenius = x.storage.map { $0 * $0 }.reduce(0, +)
    expectClose(frobenius, expected, rtol: 1e-10)

    let (xr, y, w) = try makeRegression(
      sampleCount: 30, featureCount: 50, informativeCount: 5, effectiveRank: 4, coef: true,
      seed: 7)
    #expect(xr.rowCount == 30 && xr.columnCount == 50)
    expectClose(y, try xr.matvec(try #require(w)), rtol: 1e-12, atol: 1e-10)
  }

  @Test func multiTargetRegression() throws {
    let (x, y, w) = try makeMultiTargetRegression(
      sampleCount: 25, featureCount: 6, informativeCount: 2, targetCount: 3, bias: -1, seed: 8)
    #expect(y.rowCount == 25 && y.columnCount == 3)
    #expect(w.rowCount == 6 && w.columnCount == 3)
    let predicted = try x.matmul(w).map { $0 - 1 }
    expectClose(y, predicted, rtol: 1e-12, atol: 1e-10)
  }

  @Test func badParametersThrowNamingTheParameter() {
    expectInvalidParameter("sampleCount") { _ = try makeRegression(sampleCount: 0, seed: 0) }
    expectInvalidParameter("featureCount") { _ = try makeRegression(featureCount: 0, seed: 0) }
    expectInvalidParameter("informativeCount") {
      _ = try makeRegression(informativeCount: -1, seed: 0)
    }
    expectInvalidParameter("bias") { _ = try makeRegression(bias: .infinity, seed: 0) }
    expectInvalidParameter("effectiveRank") { _ = try makeRegression(effectiveRank: 0, seed: 0) }
    expectInvalidParameter("tailStrength") { _ = try makeRegression(tailStrength: 2, seed: 0) }
    expectInvalidParameter("noise") { _ = try makeRegression(noise: -1, seed: 0) }
    expectInvalidParameter("sampleCount") {
      _ = try makeRegression(sampleCount: Int.max, featureCount: 2, seed: 0)
    }
    expectInvalidParameter("targetCount") {
      _ = try makeMultiTargetRegression(targetCount: 0, seed: 0)
    }
    expectInvalidParameter("effectiveRank") { _ = try makeLowRankMatrix(effectiveRank: 0, seed: 0) }
  }
}

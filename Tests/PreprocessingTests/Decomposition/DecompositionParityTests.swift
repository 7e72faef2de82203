import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite("Decomposition parity with scikit-learn")
struct DecompositionParityTests {
  static let data: Fixture? = try? Fixture("features").child("data")
  static let pcaCases: [Fixture] = (try? Fixture("features").children("pca")) ?? []
  static let svdCases: [Fixture] = (try? Fixture("features").children("truncatedSVD")) ?? []

  static func x(_ f: Fixture) throws -> Matrix {
    try #require(data).matrix(try f.string("data"))
  }

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.pcaCases.count >= 7)
    #expect(Self.svdCases.count >= 3)
  }

  @Test("PCA matches scikit-learn", arguments: pcaCases)
  func pca(_ f: Fixture) throws {
    let x = try Self.x(f)
    var count: PCA.ComponentCount? = nil
    if f.has("componentCount") { count = .count(try f.int("componentCount")) }
    if f.has("varianceFraction") { count = .varianceFraction(try f.double("varianceFraction")) }
    let solver = try #require(PCA.Solver(rawValue: try f.string("solver")))
    let fitted = try PCA(componentCount: count, whiten: try f.bool("whiten"), solver: solver).fit(x)
    #expect(fitted.solverUsed.rawValue == (try f.string("resolvedSolver")), "\(f.name) solver")
    let name = f.name
    expectClose(fitted.components, try f.matrix("components"), rtol: 1e-8, atol: 1e-10, name)
    expectClose(
      fitted.explainedVariance, try f.vector("explainedVariance"), rtol: 1e-8, name + " var")
    expectClose(
      fitted.explainedVarianceRatio, try f.vector("explainedVarianceRatio"), rtol: 1e-8,
      name + " ratio")
    expectClose(
      fitted.singularValues, try f.vector("singularValues"), rtol: 1e-8, name + " singular")
    expectClose(
      fitted.noiseVariance, try f.double("noiseVariance"), rtol: 1e-8, atol: 1e-14,
      name + " noise")
    expectClose(fitted.mean, try f.vector("mean"), rtol: 1e-12, name + " mean")
    let z = try fitted.transform(x)
    expectClose(z, try f.matrix("transformed"), rtol: 1e-8, atol: 1e-10, name + " transform")
    expectClose(
      try fitted.inverseTransform(z), try f.matrix("inverse"), rtol: 1e-8, atol: 1e-10,
      name + " inverse")
  }

  @Test("PCA full and covariance solvers agree")
  func solversAgree() throws {
    let (x, _) = CheckData.regression(n: 120, d: 5)
    let full = try PCA(componentCount: 3, solver: .full).fit(x)
    let eigh = try PCA(componentCount: 3, solver: .covarianceEigh).fit(x)
    expectClose(full.components, eigh.components, rtol: 1e-8, atol: 1e-10)
    expectClose(full.explainedVariance, eigh.explainedVariance, rtol: 1e-8)
  }

  @Test("randomized PCA is close to the exact one and reproducible")
  func randomizedPCA() throws {
    let x = try #require(Self.data).matrix("wine")
    let exact = try PCA(componentCount: 3, solver: .full).fit(x)
    let randomized = try PCA(componentCount: 3, solver: .randomized, seed: 4).fit(x)
    expectClose(randomized.explainedVariance, exact.explainedVariance, rtol: 1e-6)
    expectClose(randomized.components, exact.components, rtol: 1e-5, atol: 1e-6)
    let again = try PCA(componentCount: 3, solver: .randomized, seed: 4).fit(x)
    #expect(again == randomized)
  }

  @Test("TruncatedSVD matches scikit-learn", arguments: svdCases)
  func truncatedSVD(_ f: Fixture) throws {
    let x = try Self.x(f)
    let k = try f.int("componentCount")
    let exact = try TruncatedSVD(componentCount: k, algorithm: .arpack).fit(x)
    let name = f.name
    expectClose(exact.components, try f.matrix("components"), rtol: 1e-8, atol: 1e-10, name)
    expectClose(exact.singularValues, try f.vector("singularValues"), rtol: 1e-8, name)
    expectClose(exact.explainedVariance, try f.vector("explainedVariance"), rtol: 1e-8, name)
    expectClose(
      exact.explainedVarianceRatio, try f.vector("explainedVarianceRatio"), rtol: 1e-8, name)
    expectClose(
      try exact.transform(x), try f.matrix("transformed"), rtol: 1e-8, atol: 1e-10, name)
    // Randomized (scikit-learn's default): singular values within 1e-6 relative of
    // scikit-learn's randomized result, explained variance ratio within 1e-4 absolute.
    let randomized = try TruncatedSVD(componentCount: k, seed: 0).fit(x)
    expectClose(
      randomized.singularValues, try f.vector("randomizedSingularValues"), rtol: 1e-6,
      name + " randomized")
    expectClose(
      randomized.explainedVarianceRatio, try f.vector("randomizedExplainedVarianceRatio"),
      rtol: 0, atol: 1e-4, name + " randomized ratio")
  }
}

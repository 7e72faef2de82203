import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite("Decomposition: bad input and behaviour")
struct DecompositionErrorTests {
  static func invalid(_ name: String, _ body: () throws -> Void) {
    do {
      try body()
      Issue.record("expected invalidParameter(\(name))")
    } catch let LearnError.invalidParameter(_, parameter, _, _) {
      #expect(parameter == name)
    } catch {
      Issue.record("expected invalidParameter(\(name)), got \(error)")
    }
  }

  @Test("componentCount larger than min(n, d) names the parameter")
  func tooManyComponents() throws {
    let (x, _) = CheckData.regression(n: 30, d: 4)
    Self.invalid("componentCount") { _ = try PCA(componentCount: 5).fit(x) }
    Self.invalid("componentCount") { _ = try PCA(componentCount: -1).fit(x) }
    let wide = try x.rows(0..<3)
    Self.invalid("componentCount") { _ = try PCA(componentCount: 4, solver: .full).fit(wide) }
    Self.invalid("componentCount") { _ = try TruncatedSVD(componentCount: 5).fit(x) }
    Self.invalid("componentCount") {
      _ = try TruncatedSVD(componentCount: 4, algorithm: .arpack).fit(x)
    }
    Self.invalid("componentCount") { _ = try TruncatedSVD(componentCount: 0).fit(x) }
  }

  @Test("invalid hyperparameters name the parameter")
  func invalidHyperparameters() throws {
    let (x, _) = CheckData.regression(n: 30, d: 4)
    Self.invalid("componentCount") { _ = try PCA(componentCount: 1.5).fit(x) }
    Self.invalid("componentCount") { _ = try PCA(componentCount: 0.5, solver: .randomized).fit(x) }
    Self.invalid("oversampleCount") { _ = try PCA(oversampleCount: 0).fit(x) }
    Self.invalid("iteratedPower") { _ = try PCA(iteratedPower: -1).fit(x) }
    Self.invalid("iterationCount") { _ = try TruncatedSVD(iterationCount: -1).fit(x) }
    Self.invalid("oversampleCount") { _ = try TruncatedSVD(oversampleCount: 0).fit(x) }
  }

  @Test("NaN is rejected at fit and at transform")
  func nan() throws {
    let (x, _) = CheckData.regression(n: 30, d: 4)
    let bad = CheckData.with(x, .nan, at: 3, 1)
    #expect(throws: LearnError.nonFinite(input: "X", row: 3, column: 1)) { try PCA().fit(bad) }
    #expect(throws: LearnError.nonFinite(input: "X", row: 3, column: 1)) {
      try TruncatedSVD(seed: 1).fit(bad)
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 3, column: 1)) {
      try PCA().fit(x).transform(bad)
    }
  }

  @Test("PCA needs two samples; a zero-variance component whitens without dividing by zero")
  func degenerate() throws {
    #expect(throws: LearnError.self) { try PCA().fit(try Matrix(rows: [[1, 2, 3]])) }
    let x = try Matrix(rows: [[1, 2, 0], [2, 4, 0], [3, 6, 0], [5, 10, 0]])
    let white = try PCA(whiten: true, solver: .full).fit(x)
    let z = try white.transform(x)
    #expect(z.isFinite)
  }

  @Test("TruncatedSVD needs two features")
  func oneFeature() throws {
    let x = try Matrix(rows: [[1], [2], [3]])
    #expect(throws: LearnError.self) { try TruncatedSVD(componentCount: 1).fit(x) }
  }

  @Test("the solver auto resolves like scikit-learn 1.9")
  func autoSolver() {
    let pca = PCA(componentCount: 10)
    #expect(pca.resolvedSolver(sampleCount: 100_000, featureCount: 50) == .covarianceEigh)
    #expect(pca.resolvedSolver(sampleCount: 400, featureCount: 300) == .full)
    #expect(pca.resolvedSolver(sampleCount: 2000, featureCount: 600) == .randomized)
    #expect(PCA(componentCount: 0.9).resolvedSolver(sampleCount: 2000, featureCount: 600) == .full)
    #expect(PCA().resolvedSolver(sampleCount: 2000, featureCount: 600) == .full)
  }

  @Test("whitened scores have unit variance; inverse transform reconstructs with all components")
  func whitenAndInverse() throws {
    let (x, _) = CheckData.regression(n: 80, d: 4)
    let white = try PCA(whiten: true).fit(x)
    let z = try white.transform(x)
    for v in try z.variance(.perColumn, ddof: 1) { expectClose(v, 1, rtol: 1e-10) }
    expectClose(try white.inverseTransform(z), x, rtol: 1e-9, atol: 1e-10)
    let svd = try TruncatedSVD(componentCount: 3, algorithm: .arpack).fit(x)
    #expect(svd.components.rowCount == 3)
    #expect(try svd.featureNamesOut(nil) == ["truncatedsvd0", "truncatedsvd1", "truncatedsvd2"])
    #expect(try white.featureNamesOut(nil) == ["pca0", "pca1", "pca2", "pca3"])
  }

  @Test("the svd_flip convention: every component's largest entry is positive")
  func signConvention() throws {
    let (x, _) = CheckData.regression(n: 50, d: 5)
    for solver in [PCA.Solver.full, .covarianceEigh] {
      let fitted = try PCA(solver: solver).fit(x)
      for r in 0..<fitted.componentCount {
        let row = try fitted.components.row(r)
        let largest = row.max { abs($0) < abs($1) } ?? 0
        #expect(largest > 0)
      }
    }
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// LinearDiscriminantAnalysis / QuadraticDiscriminantAnalysis against scikit-learn
/// (`sgd_discriminant.json`): deterministic, so everything agrees to 1e-8.
@Suite("Discriminant analysis parity")
struct DiscriminantParityTests {
  static let file: Fixture? = try? Fixture("sgd_discriminant")
  static let cases: [Fixture] = (try? file?.children("cases")) ?? []
  static let designs: [String: (x: Matrix, y: [Int])] = {
    var out: [String: (x: Matrix, y: [Int])] = [:]
    for d in (try? file?.children("designs")) ?? [] {
      guard let name = try? d.string("name"), let x = try? d.matrix("X"),
        let y = try? d.ints("y")
      else { continue }
      out[name] = (x, y)
    }
    return out
  }()

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count == 13)
    #expect(Self.designs.count == 3)
  }

  /// Compares with a tolerance relative to the largest expected magnitude.
  func expectMatrix(_ actual: Matrix, _ expected: Matrix, _ what: String) {
    let scale = expected.storage.map(abs).max() ?? 1
    expectClose(actual.storage, expected.storage, rtol: 1e-8, atol: 1e-8 * scale, what)
  }

  @Test("matches scikit-learn", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let designName = try fixture.string("design")
    let design = try #require(Self.designs[designName])
    let params = try fixture.child("params")
    let priors = params.has("priors") ? try params.vector("priors") : nil
    if try fixture.string("kind") == "lda" {
      var model = LinearDiscriminantAnalysis<Int>(priors: priors)
      if params.has("solver") {
        model.solver = try #require(
          LinearDiscriminantAnalysis<Int>.Solver(rawValue: params.string("solver")))
      }
      if params.has("shrinkage") {
        model.shrinkage =
          (try? params.string("shrinkage")) == "auto"
          ? .auto : .fixed(try params.double("shrinkage"))
      }
      if params.has("n_components") { model.componentCount = try params.int("n_components") }
      let fitted = try model.fit(design.x, design.y)
      expectMatrix(fitted.coefficients, try fixture.matrix("coef"), name + " coef")
      let intercepts = try fixture.vector("intercept")
      let scale = intercepts.map(abs).max() ?? 1
      expectClose(fitted.intercepts, intercepts, rtol: 1e-8, atol: 1e-8 * scale, name)
      expectMatrix(fitted.means, try fixture.matrix("means"), name + " means")
      expectClose(fitted.priors, try fixture.vector("priors"), rtol: 1e-12)
      expectMatrix(
        try fitted.decisionFunction(design.x), try fixture.matrix("decision"), name + " decision")
      expectClose(
        try fitted.predictProbabilities(design.x).storage, try fixture.matrix("proba").storage,
        rtol: 0, atol: 1e-8, name + " proba")
      #expect(try fitted.predict(design.x) == (try fixture.ints("predict")), "\(name) predict")
      if fixture.has("transform") {
        let expected = try fixture.matrix("transform")
        let ours = try fitted.transform(design.x)
        #expect(ours.columnCount == expected.columnCount, "\(name) components")
        // Discriminant directions are defined up to sign.
        for j in 0..<min(ours.columnCount, expected.columnCount) {
          let a = try ours.column(j)
          let b = try expected.column(j)
          let sign: Double = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } < 0 ? -1 : 1
          let scale = b.map(abs).max() ?? 1
          expectClose(a.map { $0 * sign }, b, rtol: 1e-8, atol: 1e-8 * scale, "\(name) axis \(j)")
        }
        expectClose(
          fitted.explainedVarianceRatio, try fixture.vector("explainedVarianceRatio"),
          rtol: 1e-8, atol: 1e-12, name + " explained variance")
        expectClose(fitted.xbar, try fixture.vector("xbar"), rtol: 1e-10, atol: 1e-12)
      } else {
        #expect(throws: LearnError.self) { try fitted.transform(design.x) }
      }
    } else {
      let model = QuadraticDiscriminantAnalysis<Int>(
        priors: priors, regParam: params.has("reg_param") ? try params.double("reg_param") : 0)
      let fitted = try model.fit(design.x, design.y)
      expectMatrix(fitted.means, try fixture.matrix("means"), name + " means")
      expectClose(fitted.priors, try fixture.vector("priors"), rtol: 1e-12)
      expectMatrix(
        try fitted.decisionFunction(design.x), try fixture.matrix("decision"), name + " decision")
      expectClose(
        try fitted.predictProbabilities(design.x).storage, try fixture.matrix("proba").storage,
        rtol: 0, atol: 1e-8, name + " proba")
      #expect(try fitted.predict(design.x) == (try fixture.ints("predict")), "\(name) predict")
    }
  }

  @Test("bad input throws typed errors")
  func badInput() throws {
    let (x, y) = CheckData.classification(n: 30, d: 3, classCount: 3, seed: 4)
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try LinearDiscriminantAnalysis<Int>().fit(x, [Int](repeating: 0, count: 30))
    }
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try QuadraticDiscriminantAnalysis<Int>().fit(x, [Int](repeating: 0, count: 30))
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 1, column: 1)) {
      try LinearDiscriminantAnalysis<Int>().fit(CheckData.with(x, .nan, at: 1, 1), y)
    }
    for (model, parameter) in [
      (LinearDiscriminantAnalysis<Int>(shrinkage: .auto), "shrinkage"),
      (LinearDiscriminantAnalysis<Int>(solver: .lsqr, shrinkage: .fixed(2)), "shrinkage"),
      (LinearDiscriminantAnalysis<Int>(priors: [0.5, 0.5]), "priors"),
      (LinearDiscriminantAnalysis<Int>(componentCount: 3), "componentCount"),
    ] {
      do {
        _ = try model.fit(x, y)
        Issue.record("\(parameter) did not throw")
      } catch let LearnError.invalidParameter(_, name, _, _) {
        #expect(name == parameter)
      }
    }
    // A class with one sample, and a class with fewer samples than features.
    var single = y
    single[0] = 9
    #expect(throws: LearnError.self) { try QuadraticDiscriminantAnalysis<Int>().fit(x, single) }
    let wide = try x.appendingColumns(x).appendingColumns(x).appendingColumns(x)
    #expect(throws: LearnError.self) {
      try QuadraticDiscriminantAnalysis<Int>().fit(wide.rows(0..<12), Array(y[0..<12]))
    }
  }
}

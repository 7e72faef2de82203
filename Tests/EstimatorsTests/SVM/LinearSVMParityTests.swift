import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// LinearSVC / LinearSVR against scikit-learn (liblinear) run to `tol` 1e-10. The primal
/// problems are strictly convex: LinearSVC coefficients must agree to rtol 1e-6. liblinear's
/// SVR stopping rule is relative to the first pass, and at `tol` 1e-10 scikit-learn's own
/// coefficients move by ~1.4e-8 when the tolerance is tightened further (it cannot reach
/// 1e-13 in 10⁷ passes), so LinearSVR is checked on the primal objective to rtol 1e-8, with
/// the coefficients to 1e-7 of the largest one.
@Suite("Linear SVM parity")
struct LinearSVMParityTests {
  static let cases = SGDFixtures.cases("svm")

  @Test("fixtures were loaded")
  func fixturesPresent() { #expect(Self.cases.count >= 12) }

  @Test("coefficients match liblinear", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let name = try fixture.string("name")
    let design = try SGDFixtures.design(of: fixture)
    let params = try fixture.child("params")
    let weights = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    let coefficients: [Double]
    let intercepts: [Double]
    var objective: ((_ w: [Double], _ b: Double) -> Double)?
    if name.hasPrefix("svc") {
      var model = LinearSVC<Int>(tol: 1e-10, seed: 0, maxIter: 1_000_000)
      if params.has("loss") {
        model.loss = try #require(LinearSVC<Int>.Loss(rawValue: params.string("loss")))
      }
      if params.has("C") { model.c = try params.double("C") }
      if params.has("intercept_scaling") {
        model.interceptScaling = try params.double("intercept_scaling")
      }
      if params.has("fit_intercept") { model.fitIntercept = try params.bool("fit_intercept") }
      if params.has("class_weight") {
        if (try? params.string("class_weight")) == "balanced" {
          model.classWeight = .balanced
        } else {
          let map = try params.child("class_weight")
          var weights: [Int: Double] = [:]
          for key in map.keys { weights[Int(key) ?? -1] = try map.double(key) }
          model.classWeight = .weights(weights)
        }
      }
      let fitted = try model.fit(design.xTrain, design.labelsTrain, sampleWeight: weights)
      #expect(fitted.converged, "\(name) converged")
      coefficients = fitted.coefficients.storage
      intercepts = fitted.intercepts
      // The default picks the primal Newton solver for the squared hinge (n > d); the dual
      // coordinate descent must reach the same point.
      model.dual = true
      let dualFitted = try model.fit(design.xTrain, design.labelsTrain, sampleWeight: weights)
      let expected = try fixture.matrix("coef").storage
      let scale = expected.map(abs).max() ?? 1
      expectClose(
        dualFitted.coefficients.storage, expected, rtol: 1e-6, atol: 1e-9 * scale,
        name + " coef (dual)")
      expectClose(
        dualFitted.intercepts, try fixture.vector("intercept"), rtol: 1e-6, atol: 1e-9 * scale,
        name + " intercept (dual)")
    } else {
      var model = LinearSVR(tol: 1e-10, seed: 0, maxIter: 1_000_000)
      if params.has("loss") {
        model.loss = try #require(LinearSVR.Loss(rawValue: params.string("loss")))
      }
      if params.has("C") { model.c = try params.double("C") }
      if params.has("epsilon") { model.epsilon = try params.double("epsilon") }
      if params.has("intercept_scaling") {
        model.interceptScaling = try params.double("intercept_scaling")
      }
      let fitted = try model.fit(design.xTrain, design.yTrain, sampleWeight: weights)
      #expect(fitted.converged, "\(name) converged")
      coefficients = fitted.coefficients
      intercepts = [fitted.intercept]
      let m = model
      objective = { w, b in
        Self.svrObjective(design.xTrain, design.yTrain, weights, m, w, b)
      }
    }
    let expected = try fixture.matrix("coef").storage
    let scale = expected.map(abs).max() ?? 1
    let expectedIntercepts = try fixture.vector("intercept")
    if let objective {
      let ours = objective(coefficients, intercepts[0])
      let theirs = objective(expected, expectedIntercepts[0])
      expectClose([ours], [theirs], rtol: 1e-8, name + " primal objective")
      expectClose(coefficients, expected, rtol: 0, atol: 1e-7 * scale, name + " coef")
      expectClose(intercepts, expectedIntercepts, rtol: 0, atol: 1e-7 * scale, name + " intercept")
    } else {
      expectClose(coefficients, expected, rtol: 1e-6, atol: 1e-9 * scale, name + " coef")
      expectClose(
        intercepts, expectedIntercepts, rtol: 1e-6, atol: 1e-9 * scale, name + " intercept")
    }
  }

  /// `½(‖w‖² + (b/s)²) + C·Σ wᵢ·max(0, |yᵢ − fᵢ| − ε)^(1 or 2)`.
  static func svrObjective(
    _ x: Matrix, _ y: [Double], _ weights: [Double]?, _ model: LinearSVR, _ w: [Double],
    _ b: Double
  ) -> Double {
    let s = model.fitIntercept ? model.interceptScaling : 0
    let wb = s > 0 ? b / s : 0
    var total = 0.5 * (w.reduce(0) { $0 + $1 * $1 } + wb * wb)
    for i in 0..<x.rowCount {
      var f = b
      for j in 0..<x.columnCount { f += x[i, j] * w[j] }
      let r = max(0, abs(y[i] - f) - model.epsilon)
      let loss = model.loss == .squaredEpsilonInsensitive ? r * r : r
      total += model.c * (weights?[i] ?? 1) * loss
    }
    return total
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// LinearSVC / LinearSVR against scikit-learn (liblinear) run to `tol` 1e-10: the primal
/// problems are strictly convex, so the coefficients must agree to rtol 1e-6.
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
    }
    let expected = try fixture.matrix("coef").storage
    let scale = expected.map(abs).max() ?? 1
    expectClose(coefficients, expected, rtol: 1e-6, atol: 1e-9 * scale, name + " coef")
    expectClose(
      intercepts, try fixture.vector("intercept"), rtol: 1e-6, atol: 1e-9 * scale,
      name + " intercept")
  }
}

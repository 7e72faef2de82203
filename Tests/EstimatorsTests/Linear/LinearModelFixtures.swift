import EstimatorChecks
import Foundation
import LinearAlgebra

/// The designs and cases of `Tests/Fixtures/linear_models.json` (written by
/// `gen_linear_models.py`).
enum LinearModelFixtures {
  struct Design {
    let x: Matrix
    let y: [Double]
    let weights: [Double]?
  }

  static let file: Fixture? = try? Fixture("linear_models")

  static let designs: [String: Design] = {
    var out: [String: Design] = [:]
    for d in (try? file?.children("designs")) ?? [] {
      guard let name = try? d.string("name"), let x = try? d.matrix("X"),
        let y = try? d.vector("y")
      else { continue }
      out[name] = Design(
        x: x, y: y, weights: d.has("sampleWeight") ? try? d.vector("sampleWeight") : nil)
    }
    return out
  }()

  static func cases(_ key: String) -> [Fixture] { (try? file?.children(key)) ?? [] }

  static func design(of fixture: Fixture) throws -> Design {
    let name = try fixture.string("design")
    guard let design = designs[name] else { throw FixtureError.malformed("linear_models", name) }
    return design
  }

  /// The elastic-net objective as scikit-learn writes it, with weights rescaled to sum to n:
  /// `Σ wᵢ rᵢ² / (2·Σwᵢ) + alpha·l1Ratio·‖β‖₁ + ½·alpha·(1 − l1Ratio)·‖β‖²`.
  static func elasticNetObjective(
    _ design: Design, coefficients: [Double], intercept: Double, alpha: Double, l1Ratio: Double
  ) -> Double {
    let x = design.x
    var loss = 0.0
    var total = 0.0
    for i in 0..<x.rowCount {
      var prediction = intercept
      for j in 0..<x.columnCount { prediction += x[i, j] * coefficients[j] }
      let w = design.weights?[i] ?? 1
      loss += w * (design.y[i] - prediction) * (design.y[i] - prediction)
      total += w
    }
    let l1 = coefficients.reduce(0) { $0 + abs($1) }
    let l2 = coefficients.reduce(0) { $0 + $1 * $1 }
    return loss / (2 * total) + alpha * l1Ratio * l1 + 0.5 * alpha * (1 - l1Ratio) * l2
  }
}

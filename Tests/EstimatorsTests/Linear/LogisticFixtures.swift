import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The designs and cases of `Tests/Fixtures/logistic.json` (written by `gen_logistic.py`).
enum LogisticFixtures {
  struct Design {
    let x: Matrix
    let y: [Int]
    let weights: [Double]?
  }

  static let file: Fixture? = try? Fixture("logistic")

  static let designs: [String: Design] = {
    var out: [String: Design] = [:]
    for d in (try? file?.children("designs")) ?? [] {
      guard let name = try? d.string("name"), let x = try? d.matrix("X"),
        let y = try? d.ints("y")
      else { continue }
      out[name] = Design(
        x: x, y: y, weights: d.has("sampleWeight") ? try? d.vector("sampleWeight") : nil)
    }
    return out
  }()

  static func cases(_ key: String) -> [Fixture] { (try? file?.children(key)) ?? [] }

  static func design(of fixture: Fixture) throws -> Design {
    let name = try fixture.string("design")
    guard let design = designs[name] else { throw FixtureError.malformed("logistic", name) }
    return design
  }

  /// The class weight a case asks for, or `nil`.
  static func classWeight(of fixture: Fixture) throws -> ClassWeight<Int>? {
    guard fixture.has("classWeight") else { return nil }
    let spec = try fixture.child("classWeight")
    if try spec.string("kind") == "balanced" { return .balanced }
    let labels = try spec.ints("labels")
    let weights = try spec.vector("weights")
    return .weights(Dictionary(uniqueKeysWithValues: zip(labels, weights)))
  }

  /// scikit-learn's scaled objective (see `gen_logistic.py`) at a fitted model.
  static func objective(
    _ design: Design, model: LogisticRegression<Int>.Fitted, c: Double, l1Ratio: Double,
    classWeight: ClassWeight<Int>?
  ) throws -> Double {
    let classes = model.classes
    var s = design.weights ?? [Double](repeating: 1, count: design.y.count)
    let codes = design.y.map { label in classes.firstIndex(of: label) ?? 0 }
    if let classWeight {
      var perClass = [Double](repeating: 1, count: classes.count)
      switch classWeight {
      case .balanced, .balancedSubsample:
        var counts = [Double](repeating: 0, count: classes.count)
        for (i, code) in codes.enumerated() { counts[code] += design.weights?[i] ?? 1 }
        let total = counts.reduce(0, +)
        perClass = counts.map { total / (Double(classes.count) * $0) }
      case .weights(let table):
        perClass = classes.map { table[$0] ?? 1 }
      }
      for i in 0..<s.count { s[i] *= perClass[codes[i]] }
    }
    let total = s.reduce(0, +)
    let scores = try model.decisionFunction(design.x)
    var loss = 0.0
    for i in 0..<design.y.count {
      if scores.columnCount == 1 {
        let z = scores[i, 0]
        let t = Double(codes[i])
        loss += s[i] * ((z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))) - t * z)
      } else {
        let row = try scores.row(i)
        let top = row.max() ?? 0
        let lse = top + log(row.reduce(0) { $0 + exp($1 - top) })
        loss += s[i] * (lse - row[codes[i]])
      }
    }
    var value = loss / total
    if c.isFinite {
      let w = model.coefficients.storage
      value += (1 - l1Ratio) / (2 * c * total) * w.reduce(0) { $0 + $1 * $1 }
      value += l1Ratio / (c * total) * w.reduce(0) { $0 + abs($1) }
    }
    return value
  }
}

import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

/// Parity with scikit-learn's univariate tests and selectors on breast cancer and diabetes
/// (`Tests/Fixtures/gen_text_selection.py`).
@Suite struct SelectionParityTests {
  static let fixture = try? Fixture("text_selection")
  static func cases(_ key: String) -> [Fixture] { (try? fixture?.children(key)) ?? [] }

  static func data(_ name: String) throws -> (x: Matrix, y: [Double]) {
    let set = try #require(fixture).child("data").child(name)
    return (try set.matrix("x"), try set.vector("y"))
  }

  static func support(_ c: Fixture) throws -> [Bool] {
    try #require(c.object["support"] as? [Bool])
  }

  @Test(arguments: cases("scores"))
  func scoreFunctions(_ c: Fixture) throws {
    let (x, y) = try Self.data(try c.string("data"))
    let labels = y.map { Int($0) }
    let result: UnivariateScores
    switch try c.string("function") {
    case "fClassif": result = try fClassif(x, labels)
    case "chi2": result = try chi2(x, labels)
    default: result = try fRegression(x, y)
    }
    let what = "\(try c.string("function")) on \(try c.string("data"))"
    expectClose(result.scores, try c.vector("scores"), rtol: 1e-8, "\(what) scores")
    expectClose(result.pValues, try c.vector("pValues"), rtol: 1e-8, "\(what) p-values")
  }

  /// Mutual information adds seeded noise (different generator from numpy's), so values are
  /// compared with the spread of scikit-learn's own estimates over ten seeds: each of ours
  /// must lie within [min − spread − 0.01, max + spread + 0.01] of scikit-learn's runs for
  /// that feature, and the top-k features (stable across scikit-learn's seeds) must match.
  @Test(arguments: cases("mutualInformation"))
  func mutualInformation(_ c: Fixture) throws {
    let (x, y) = try Self.data(try c.string("data"))
    let runs = try (c.object["runs"] as? [[Any]] ?? []).map {
      try $0.map { try #require($0 as? Double) }
    }
    let k = try c.int("k")
    let classify = try c.string("function") == "mutualInfoClassif"
    for seed: UInt64 in [0, 1] {
      let ours =
        classify
        ? try mutualInfoClassif(x, y.map { Int($0) }, seed: seed)
        : try mutualInfoRegression(x, y, seed: seed)
      #expect(ours.count == x.columnCount)
      for j in 0..<x.columnCount {
        let values = runs.map { $0[j] }
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let margin = (high - low) + 0.01
        #expect(
          ours[j] >= low - margin && ours[j] <= high + margin,
          "\(c.name) feature \(j): \(ours[j]) outside [\(low), \(high)] ± \(margin)")
      }
      let top = (0..<ours.count).sorted { ours[$0] != ours[$1] ? ours[$0] > ours[$1] : $0 < $1 }
      #expect(Set(top.prefix(k)) == Set(try c.ints("selected")), "\(c.name) top \(k)")
      // Same seed, same values.
      let again =
        classify
        ? try mutualInfoClassif(x, y.map { Int($0) }, seed: seed)
        : try mutualInfoRegression(x, y, seed: seed)
      #expect(again == ours)
    }
  }

  static func scoreFunction(_ name: String) -> UnivariateScoreFunction {
    switch name {
    case "fClassif": return .fClassif
    case "chi2": return .chi2
    default: return .fRegression
    }
  }

  @Test(
    arguments: cases("selectors").filter {
      ["kbest", "percentile", "variance"].contains((try? $0.string("kind")) ?? "")
    })
  func selectors(_ c: Fixture) throws {
    let (x, y) = try Self.data(try c.string("data"))
    let params = try c.child("params")
    let support: [Bool]
    switch try c.string("kind") {
    case "kbest":
      support = try SelectKBest(
        scoreFunction: Self.scoreFunction(try params.string("score")), k: try params.int("k")
      ).fit(x, y).support
    case "percentile":
      support = try SelectPercentile(
        scoreFunction: Self.scoreFunction(try params.string("score")),
        percentile: try params.double("percentile")
      ).fit(x, y).support
    default:
      support = try VarianceThreshold(threshold: try params.double("threshold")).fit(x).support
    }
    #expect(support == (try Self.support(c)), "\(c.name) \(params.object)")
  }

  @Test(arguments: cases("correlation"))
  func correlationFilter(_ c: Fixture) throws {
    let (x, _) = try Self.data(try c.string("data"))
    let fitted = try CorrelationFilter(threshold: try c.double("threshold")).fit(x)
    #expect(fitted.support == (try Self.support(c)))
    expectClose(
      fitted.correlations.storage, try c.matrix("correlations").storage, rtol: 1e-8, atol: 1e-12,
      "correlations")
  }

  @Test func fixturesLoaded() {
    #expect(Self.cases("scores").count == 6)
    #expect(Self.cases("mutualInformation").count == 3)
    #expect(Self.cases("selectors").count >= 20)
    #expect(Self.cases("correlation").count == 3)
  }
}

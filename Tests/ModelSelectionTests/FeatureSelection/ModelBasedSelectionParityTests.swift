import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import ModelSelection
import Preprocessing
import SwiftLearnCore
import Testing

/// Parity with scikit-learn's SelectFromModel, RFE and RFECV on breast cancer and diabetes
/// (`Tests/Fixtures/gen_text_selection.py`): the same kept features, rankings, thresholds and
/// cross-validation scores.
@Suite struct ModelBasedSelectionParityTests {
  static let fixture = try? Fixture("text_selection")
  static func cases(_ kind: String) -> [Fixture] {
    ((try? fixture?.children("selectors")) ?? []).filter { (try? $0.string("kind")) == kind }
  }

  static func data(_ name: String) throws -> (x: Matrix, y: [Double]) {
    let set = try #require(fixture).child("data").child(name)
    return (try set.matrix("x"), try set.vector("y"))
  }

  static func threshold(_ text: String) -> SelectionThreshold {
    switch text {
    case "mean": return .mean
    case "median": return .median
    case "1.25*mean": return .scaledMean(1.25)
    case "0.5*median": return .scaledMedian(0.5)
    default: return .value(-.infinity)
    }
  }

  @Test(arguments: cases("fromModel"))
  func selectFromModel(_ c: Fixture) throws {
    let (x, y) = try Self.data(try c.string("data"))
    let p = try c.child("params")
    let threshold = Self.threshold(try p.string("threshold"))
    let maxFeatures = p.has("maxFeatures") ? try p.int("maxFeatures") : nil
    let fitted: (support: [Bool], threshold: Double)
    if try p.string("model") == "ridge" {
      let f = try SelectFromModel(Ridge(alpha: 0.1), threshold: threshold, maxFeatures: maxFeatures)
        .fit(x, y)
      fitted = (f.support, f.threshold)
    } else {
      let f = try SelectFromModel(
        LinearRegression(), threshold: threshold, maxFeatures: maxFeatures
      )
      .fit(x, y)
      fitted = (f.support, f.threshold)
    }
    #expect(fitted.support == (c.object["support"] as? [Bool]), "\(p.object)")
    expectClose(
      [fitted.threshold], [try c.double("threshold")], rtol: 1e-6, "\(p.object) threshold")
  }

  @Test func prefitEqualsFit() throws {
    let (x, y) = try Self.data("diabetes")
    let model = try Ridge(alpha: 0.1).fit(x, y)
    let prefit = try SelectFromModel(Ridge(alpha: 0.1), threshold: .median).select(from: model)
    let fitted = try SelectFromModel(Ridge(alpha: 0.1), threshold: .median).fit(x, y)
    #expect(prefit.support == fitted.support)
    #expect(throws: LearnError.self) {
      try SelectFromModel(Ridge(), maxFeatures: 11).select(from: model)
    }
  }

  static func amount(_ value: Double) -> FeatureAmount {
    value == value.rounded() ? .count(Int(value)) : .fraction(value)
  }

  @Test(arguments: cases("rfe"))
  func rfe(_ c: Fixture) throws {
    let (x, y) = try Self.data(try c.string("data"))
    let p = try c.child("params")
    let count = FeatureAmount.count(try p.int("count"))
    let step = Self.amount(try p.double("step"))
    let support: [Bool]
    let ranking: [Int]
    if try p.string("model") == "ridge" {
      let f = try RFE(Ridge(alpha: 0.1), selectedFeatureCount: count, step: step).fit(x, y)
      (support, ranking) = (f.support, f.ranking)
    } else {
      let f = try RFE(LinearRegression(), selectedFeatureCount: count, step: step).fit(x, y)
      (support, ranking) = (f.support, f.ranking)
    }
    #expect(support == (c.object["support"] as? [Bool]), "\(p.object)")
    #expect(ranking == (try c.ints("ranking")), "\(p.object)")
  }

  @Test(arguments: cases("rfecv"))
  func rfecv(_ c: Fixture) throws {
    let (x, y) = try Self.data(try c.string("data"))
    let p = try c.child("params")
    let cv = KFold(splitCount: try p.int("folds"))
    let step = FeatureAmount.count(try p.int("step"))
    let support: [Bool]
    let ranking: [Int]
    let counts: [Int]
    let means: [Double]
    if try p.string("model") == "ridge" {
      let f = try RFECV(Ridge(alpha: 0.1), step: step, cv: cv).fit(x, y)
      (support, ranking, counts, means) = (f.support, f.ranking, f.featureCounts, f.meanTestScores)
    } else {
      let f = try RFECV(LinearRegression(), step: step, cv: cv).fit(x, y)
      (support, ranking, counts, means) = (f.support, f.ranking, f.featureCounts, f.meanTestScores)
    }
    #expect(support == (c.object["support"] as? [Bool]), "\(p.object)")
    #expect(ranking == (try c.ints("ranking")), "\(p.object)")
    #expect(counts == (try c.ints("nFeatures")))
    expectClose(means, try c.vector("meanTestScore"), rtol: 1e-6, "\(p.object) mean test scores")
  }

  @Test func fixturesLoaded() {
    #expect(Self.cases("fromModel").count == 10)
    #expect(Self.cases("rfe").count == 3)
    #expect(Self.cases("rfecv").count == 2)
  }
}

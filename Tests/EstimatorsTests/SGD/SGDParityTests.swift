import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

/// Quality parity with scikit-learn: the shuffling generators differ, so each side averages
/// its test score over twenty seeds. Main losses must agree within 0.01, the variant settings
/// (penalties, averaging, schedules, early stopping) within 0.03.
@Suite("SGD parity")
struct SGDParityTests {
  static let cases = SGDFixtures.cases("quality")
  static let seeds: [UInt64] = Array(0..<20)

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 30)
    #expect(SGDFixtures.designs.count == 4)
  }

  @Test("mean test score matches scikit-learn", arguments: cases)
  func quality(_ fixture: Fixture) throws {
    let design = try SGDFixtures.design(of: fixture)
    let params = try fixture.child("params")
    let kind = try fixture.string("kind")
    var scores: [Double] = []
    for seed in Self.seeds {
      switch kind {
      case "sgd_regressor":
        var model = SGDRegressor(seed: seed)
        if params.has("loss") {
          model.loss = try #require(SGDRegressor.Loss(rawValue: params.string("loss")))
        }
        if params.has("penalty") {
          let penalty: SGDPenalty = try #require(SGDPenalty(rawValue: params.string("penalty")))
          model.penalty = penalty
        }
        if params.has("alpha") { model.alpha = try params.double("alpha") }
        if params.has("learning_rate") {
          model.learningRate = try #require(
            SGDLearningRate(rawValue: params.string("learning_rate")))
        }
        if params.has("eta0") { model.eta0 = try params.double("eta0") }
        if params.has("average") { model.average = try params.int("average") }
        if params.has("early_stopping") { model.earlyStopping = try params.bool("early_stopping") }
        let fitted = try model.fit(design.xTrain, design.yTrain)
        scores.append(SGDFixtures.r2(try fitted.predict(design.xTest), design.yTest))
      case "perceptron":
        let fitted = try Perceptron<Int>(seed: seed).fit(design.xTrain, design.labelsTrain)
        scores.append(SGDFixtures.accuracy(try fitted.predict(design.xTest), design.labelsTest))
      default:
        var model = SGDClassifier<Int>(seed: seed)
        if params.has("loss") {
          model.loss = try #require(SGDClassifier<Int>.Loss(rawValue: params.string("loss")))
        }
        if params.has("penalty") {
          let penalty: SGDPenalty = try #require(SGDPenalty(rawValue: params.string("penalty")))
          model.penalty = penalty
        }
        if params.has("alpha") { model.alpha = try params.double("alpha") }
        if params.has("learning_rate") {
          model.learningRate = try #require(
            SGDLearningRate(rawValue: params.string("learning_rate")))
        }
        if params.has("eta0") { model.eta0 = try params.double("eta0") }
        if params.has("average") { model.average = try params.int("average") }
        if params.has("early_stopping") { model.earlyStopping = try params.bool("early_stopping") }
        let fitted = try model.fit(design.xTrain, design.labelsTrain)
        scores.append(SGDFixtures.accuracy(try fitted.predict(design.xTest), design.labelsTest))
      }
    }
    let mean = scores.reduce(0, +) / Double(scores.count)
    let expected = try fixture.double("meanScore")
    let margin = try fixture.bool("main") ? 0.01 : 0.03
    let name = try fixture.string("name")
    #expect(
      abs(mean - expected) <= margin, "\(name): mean score \(mean), scikit-learn \(expected)")
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

/// The data and scikit-learn scores of `ensembles.json` (see `gen_ensembles.py`).
enum EnsembleFixtures {
  static let file: Fixture? = try? Fixture("ensembles")

  /// A data set split into its training rows (the first `train`) and its test rows.
  static func split(_ key: String) throws -> (
    train: Matrix, yTrain: [Double], test: Matrix, yTest: [Double]
  ) {
    guard let file else { throw FixtureError.malformed("ensembles", "missing") }
    let d = try file.child(key)
    let x = try d.matrix("X")
    let y = try d.vector("y")
    let half = try d.int("train")
    return (
      try x.rows(0..<half), Array(y[0..<half]), try x.rows(half..<x.rowCount),
      Array(y[half...])
    )
  }

  /// The labels of a classification split as integers.
  static func labels(_ y: [Double]) -> [Int] { y.map { Int($0) } }

  /// scikit-learn's scores for one case.
  static func expected(_ name: String) throws -> Fixture {
    guard let file,
      let found = try file.children("cases").first(where: { (try? $0.string("name")) == name })
    else { throw FixtureError.malformed("ensembles", "no case \(name)") }
    return found
  }

  /// Seeds the Swift side averages over (scikit-learn averages over 0-4).
  static let seeds: [UInt64] = [0, 1, 2, 3, 4]

  /// Mean held-out accuracy and (binary) ROC-AUC of `fit(seed)` over ``seeds``.
  static func classifierScores<F: ProbabilisticClassifier>(
    _ key: String, seeds: [UInt64] = seeds, _ fit: (UInt64, Matrix, [Int]) throws -> F
  ) throws -> (accuracy: Double, auc: Double?) where F.Label == Int {
    let (x, y, xt, yt) = try split(key)
    let labels = self.labels(y)
    let testLabels = self.labels(yt)
    var accuracy = 0.0
    var auc = 0.0
    let binary = Set(labels).count == 2
    for seed in seeds {
      let model = try fit(seed, x, labels)
      accuracy += try accuracyScore(yTrue: testLabels, yPred: model.predict(xt))
      if binary {
        auc += try rocAUCScore(yTrue: testLabels, yScore: model.predictProbabilities(xt).column(1))
      }
    }
    let count = Double(seeds.count)
    return (accuracy / count, binary ? auc / count : nil)
  }

  /// Mean held-out R² of `fit(seed)` over ``seeds``.
  static func regressorR2<F: FittedRegressor>(
    seeds: [UInt64] = seeds, _ fit: (UInt64, Matrix, [Double]) throws -> F
  ) throws -> Double {
    let (x, y, xt, yt) = try split("regression")
    var total = 0.0
    for seed in seeds { total += try r2Score(yTrue: yt, yPred: fit(seed, x, y).predict(xt)) }
    return total / Double(seeds.count)
  }

  /// Checks a classifier's scores against the fixture case `name` within 0.005.
  static func expectClassifier(
    _ name: String, _ scores: (accuracy: Double, auc: Double?),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let c = try expected(name)
    let accuracy = try c.double("accuracy")
    #expect(
      abs(scores.accuracy - accuracy) <= 0.005,
      "\(name): accuracy \(scores.accuracy) vs scikit-learn \(accuracy)",
      sourceLocation: sourceLocation)
    if let auc = scores.auc {
      let sk = try c.double("roc_auc")
      #expect(
        abs(auc - sk) <= 0.005, "\(name): ROC-AUC \(auc) vs scikit-learn \(sk)",
        sourceLocation: sourceLocation)
    }
  }

  /// Checks a regressor's R² against the fixture case `name` within 0.005.
  static func expectRegressor(
    _ name: String, _ r2: Double, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let sk = try expected(name).double("r2")
    #expect(
      abs(r2 - sk) <= 0.005, "\(name): R² \(r2) vs scikit-learn \(sk)",
      sourceLocation: sourceLocation)
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Isolation forest")
struct IsolationForestTests {
  @Test(
    "ROC-AUC of -scoreSamples against the known outliers matches scikit-learn within 0.01",
    arguments: [
      ("iforest_auto", IsolationForest()),
      ("iforest_contamination", IsolationForest(contamination: .fraction(0.1))),
      (
        "iforest_features",
        IsolationForest(maxSamples: .count(128), maxFeatures: 0.5, bootstrap: true)
      ),
    ])
  func quality(_ name: String, _ base: IsolationForest) throws {
    let (x, y, xt, yt) = try EnsembleFixtures.split("outliers")
    var auc = 0.0
    var fraction = 0.0
    for seed in EnsembleFixtures.seeds {
      var estimator = base
      estimator.seed = seed
      let model = try estimator.fit(x)
      let scores = try model.scoreSamples(xt).map { -$0 }
      auc += try rocAUCScore(yTrue: yt.map { Int($0) }, yScore: scores)
      fraction +=
        Double(try model.predict(x).filter { $0 == -1 }.count) / Double(x.rowCount)
    }
    auc /= Double(EnsembleFixtures.seeds.count)
    fraction /= Double(EnsembleFixtures.seeds.count)
    let expected = try EnsembleFixtures.expected(name)
    let sk = try expected.double("roc_auc")
    #expect(abs(auc - sk) <= 0.01, "\(name): ROC-AUC \(auc) vs scikit-learn \(sk)")
    _ = y
    if case .fraction(let c) = base.contamination {
      // The threshold is the contamination percentile of the training scores.
      #expect(abs(fraction - c) <= 0.01, "flagged \(fraction) of the training rows")
    }
  }

  @Test("contamination outside (0, 0.5] is a typed error naming it")
  func contaminationRange() throws {
    let (x, _, _, _) = try EnsembleFixtures.split("outliers")
    for bad in [0.0, -0.1, 0.51, 1.0, .nan] {
      #expect(throws: LearnError.self) {
        try IsolationForest(contamination: .fraction(bad)).fit(x)
      }
      do {
        _ = try IsolationForest(contamination: .fraction(bad)).fit(x)
      } catch let LearnError.invalidParameter(_, name, _, _) {
        #expect(name == "contamination")
      }
    }
    _ = try IsolationForest(estimatorCount: 5, contamination: .fraction(0.5), seed: 0).fit(x)
  }

  @Test("same seed gives bit-identical scores with 1 and 2 threads")
  func threadInvariance() throws {
    let (x, _, xt, _) = try EnsembleFixtures.split("outliers")
    let one = try IsolationForest(threadCount: 1, seed: 9).fit(x)
    var two = try IsolationForest(threadCount: 2, seed: 9).fit(x)
    #expect(one.trees == two.trees)
    #expect(try one.scoreSamples(xt) == two.scoreSamples(xt))
    two.threadCount = 1
    #expect(try one.decisionFunction(xt) == two.decisionFunction(xt))
  }

  @Test("auto contamination uses offset -0.5 and maxSamples auto is min(256, n)")
  func autoSettings() throws {
    let (x, _, _, _) = try EnsembleFixtures.split("outliers")
    let model = try IsolationForest(estimatorCount: 10, seed: 0).fit(x)
    #expect(model.offset == -0.5)
    #expect(model.sampleSize == 256)
    let small = try IsolationForest(estimatorCount: 10, seed: 0).fit(x.rows(0..<100))
    #expect(small.sampleSize == 100)
  }
}

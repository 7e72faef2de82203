import EstimatorChecks
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Clustering metrics parity")
struct ClusteringParityTests {
  static let file = try? Fixture("metrics_clustering")
  static let supervised: [Fixture] = (try? file?.children("supervised")) ?? []
  static let internalCases: [Fixture] = (try? file?.children("internal")) ?? []

  @Test("fixtures were loaded")
  func loaded() {
    #expect(Self.supervised.count == 5)
    #expect(Self.internalCases.count == 3)
  }

  @Test("label-comparison scores match scikit-learn", arguments: supervised)
  func supervisedScores(_ f: Fixture) throws {
    let t = try f.ints("labelsTrue")
    let p = try f.ints("labelsPred")
    expectClose(try adjustedRandScore(labelsTrue: t, labelsPred: p), try f.double("ari"), "ARI")
    expectClose(try randScore(labelsTrue: t, labelsPred: p), try f.double("rand"), "RI")
    expectClose(try mutualInfoScore(labelsTrue: t, labelsPred: p), try f.double("mi"), "MI")
    for method in EntropyAverage.allCases {
      expectClose(
        try adjustedMutualInfoScore(labelsTrue: t, labelsPred: p, averageMethod: method),
        try f.double("ami_\(method.rawValue)"), "AMI \(method)")
      expectClose(
        try normalizedMutualInfoScore(labelsTrue: t, labelsPred: p, averageMethod: method),
        try f.double("nmi_\(method.rawValue)"), "NMI \(method)")
    }
    for beta in [1.0, 2.0] {
      let r = try homogeneityCompletenessVMeasure(labelsTrue: t, labelsPred: p, beta: beta)
      expectClose(
        [r.homogeneity, r.completeness, r.vMeasure], try f.vector("hcv_\(beta)"), "hcv \(beta)")
    }
    expectClose(
      try vMeasureScore(labelsTrue: t, labelsPred: p), try f.vector("hcv_1.0")[2], "v")
    expectClose(
      try fowlkesMallowsScore(labelsTrue: t, labelsPred: p), try f.double("fowlkesMallows"))
    expectClose(
      try contingencyMatrix(labelsTrue: t, labelsPred: p), try f.matrix("contingency"))
    expectClose(
      try pairConfusionMatrix(labelsTrue: t, labelsPred: p), try f.matrix("pairConfusion"))
  }

  @Test("silhouette, Calinski–Harabasz and Davies–Bouldin match", arguments: internalCases)
  func internalScores(_ f: Fixture) throws {
    let x = try f.matrix("x")
    let labels = try f.ints("labels")
    expectClose(
      try silhouetteSamples(x: x, labels: labels), try f.vector("silhouetteSamples"),
      "silhouette samples")
    expectClose(try silhouetteScore(x: x, labels: labels), try f.double("silhouette"))
    expectClose(
      try calinskiHarabaszScore(x: x, labels: labels), try f.double("calinskiHarabasz"), "CH")
    expectClose(
      try daviesBouldinScore(x: x, labels: labels), try f.double("daviesBouldin"), "DB")
  }

  @Test("string classes against integer clusters")
  func mixedLabelTypes() throws {
    let classes = ["a", "a", "b", "b", "c"]
    let clusters = [1, 1, 0, 0, 0]
    let ints = [0, 0, 1, 1, 2]
    #expect(
      try adjustedRandScore(labelsTrue: classes, labelsPred: clusters)
        == adjustedRandScore(labelsTrue: ints, labelsPred: clusters))
  }
}

import EstimatorChecks
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("Regression metrics parity")
struct RegressionParityTests {
  static let file = try? Fixture("metrics_regression")
  static let single: [Fixture] = (try? file?.children("single")) ?? []
  static let multi: [Fixture] = (try? file?.children("multioutput")) ?? []

  @Test("fixtures were loaded")
  func loaded() {
    #expect(Self.single.count == 8)
    #expect(Self.multi.count == 2)
  }

  @Test("single-output regression metrics match scikit-learn", arguments: single)
  func singleOutput(_ f: Fixture) throws {
    let t = try f.vector("yTrue")
    let p = try f.vector("yPred")
    let w = f.has("sampleWeight") ? try f.vector("sampleWeight") : nil
    expectClose(
      try meanAbsolutePercentageError(yTrue: t, yPred: p, sampleWeight: w), try f.double("mape"),
      "mape")
    expectClose(
      try medianAbsoluteError(yTrue: t, yPred: p, sampleWeight: w), try f.double("medae"),
      "medae")
    expectClose(try maxError(yTrue: t, yPred: p), try f.double("maxError"), "max error")
    expectClose(
      try explainedVarianceScore(yTrue: t, yPred: p, sampleWeight: w), try f.double("ev"), "ev")
    expectClose(
      try explainedVarianceScore(yTrue: t, yPred: p, sampleWeight: w, forceFinite: false),
      try f.double("evRaw"), "ev raw")
    expectClose(try r2Score(yTrue: t, yPred: p, sampleWeight: w), try f.double("r2"), "r2")
    for a in [0.1, 0.5, 0.9] {
      expectClose(
        try meanPinballLoss(yTrue: t, yPred: p, sampleWeight: w, alpha: a),
        try f.double("pinball_\(a)"), "pinball \(a)")
      expectClose(
        try d2PinballScore(yTrue: t, yPred: p, sampleWeight: w, alpha: a),
        try f.double("d2pinball_\(a)"), "d2 pinball \(a)")
    }
    expectClose(
      try d2AbsoluteErrorScore(yTrue: t, yPred: p, sampleWeight: w), try f.double("d2abs"),
      "d2 abs")
    if f.has("msle") {
      expectClose(
        try meanSquaredLogError(yTrue: t, yPred: p, sampleWeight: w), try f.double("msle"),
        "msle")
      expectClose(
        try rootMeanSquaredLogError(yTrue: t, yPred: p, sampleWeight: w),
        try f.double("rmsle"), "rmsle")
    }
    for power in [-0.5, 0, 1, 1.5, 2, 3] {
      let key = power == power.rounded() ? "\(Int(power))" : "\(power)"
      if f.has("tweedie_\(key)") {
        expectClose(
          try meanTweedieDeviance(yTrue: t, yPred: p, sampleWeight: w, power: power),
          try f.double("tweedie_\(key)"), "tweedie \(power)")
      }
      if f.has("d2tweedie_\(key)") {
        expectClose(
          try d2TweedieScore(yTrue: t, yPred: p, sampleWeight: w, power: power),
          try f.double("d2tweedie_\(key)"), "d2 tweedie \(power)")
      }
    }
    if f.has("poisson") {
      expectClose(
        try meanPoissonDeviance(yTrue: t, yPred: p, sampleWeight: w), try f.double("poisson"))
    }
    if f.has("gamma") {
      expectClose(
        try meanGammaDeviance(yTrue: t, yPred: p, sampleWeight: w), try f.double("gamma"))
    }
  }

  @Test("multi-output regression metrics match scikit-learn", arguments: multi)
  func multiOutput(_ f: Fixture) throws {
    let t = try f.matrix("yTrue")
    let p = try f.matrix("yPred")
    let w = f.has("sampleWeight") ? try f.vector("sampleWeight") : nil
    let modes: [(String, MultiOutput)] = [
      ("raw_values", .rawValues), ("uniform_average", .uniformAverage),
      ("variance_weighted", .varianceWeighted),
    ]
    for (key, mode) in modes {
      expectClose(
        try r2Score(yTrue: t, yPred: p, sampleWeight: w, multioutput: mode),
        try f.vector("r2_\(key)"), "r2 \(key)")
      expectClose(
        try explainedVarianceScore(yTrue: t, yPred: p, sampleWeight: w, multioutput: mode),
        try f.vector("ev_\(key)"), "ev \(key)")
    }
    expectClose(
      try r2Score(
        yTrue: t, yPred: p, sampleWeight: w, multioutput: .weights(f.vector("customWeights"))),
      [try f.double("r2_custom")], "r2 custom")
    let losses: [(String, (Matrix, Matrix, [Double]?, MultiOutput) throws -> [Double])] = [
      ("mse", { try meanSquaredError(yTrue: $0, yPred: $1, sampleWeight: $2, multioutput: $3) }),
      (
        "rmse",
        { try rootMeanSquaredError(yTrue: $0, yPred: $1, sampleWeight: $2, multioutput: $3) }
      ),
      ("mae", { try meanAbsoluteError(yTrue: $0, yPred: $1, sampleWeight: $2, multioutput: $3) }),
      (
        "mape",
        {
          try meanAbsolutePercentageError(
            yTrue: $0, yPred: $1, sampleWeight: $2, multioutput: $3)
        }
      ),
      (
        "medae",
        { try medianAbsoluteError(yTrue: $0, yPred: $1, sampleWeight: $2, multioutput: $3) }
      ),
    ]
    for (key, fn) in losses {
      expectClose(try fn(t, p, w, .rawValues), try f.vector("\(key)_raw"), "\(key) raw")
      expectClose(try fn(t, p, w, .uniformAverage), [try f.double("\(key)_avg")], "\(key) avg")
    }
    expectClose(
      try meanPinballLoss(yTrue: t, yPred: p, sampleWeight: w, alpha: 0.3, multioutput: .rawValues),
      try f.vector("pinball_raw_0.3"), "pinball raw")
  }
}

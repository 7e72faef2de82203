import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("Validation")
struct ValidationTests {
  @Test("empty, non-finite and mismatched inputs name what is wrong")
  func features() throws {
    #expect(throws: LearnError.self) {
      try Validate.features(Matrix(rowCount: 0, columnCount: 2, storage: []))
    }
    #expect(throws: LearnError.self) {
      try Validate.features(Matrix(rowCount: 2, columnCount: 0, storage: []))
    }
    let x = try Matrix(rows: [[1, 2], [3, .nan]])
    #expect(throws: LearnError.nonFinite(input: "X", row: 1, column: 1)) {
      try Validate.features(x)
    }
    try Validate.features(x, allowNaN: true)
    let inf = try Matrix(rows: [[1, .infinity], [3, .nan]])
    #expect(throws: LearnError.nonFinite(input: "X", row: 0, column: 1)) {
      try Validate.features(inf, allowNaN: true)
    }
    #expect(throws: LearnError.featureCountMismatch(expected: 3, got: 2)) {
      try Validate.predictionInput(x, featureCount: 3)
    }
  }

  @Test("targets and weights")
  func targetsAndWeights() throws {
    #expect(throws: LearnError.lengthMismatch(input: "y", expected: 3, got: 2)) {
      try Validate.target([1, 2], sampleCount: 3)
    }
    #expect(throws: LearnError.nonFinite(input: "y", row: 1, column: 0)) {
      try Validate.target([1, .nan, 2], sampleCount: 3)
    }
    #expect(try Validate.sampleWeight(nil, sampleCount: 3) == nil)
    #expect(try Validate.sampleWeight([0, 1, 2], sampleCount: 3) == [0, 1, 2])
    #expect(throws: LearnError.lengthMismatch(input: "sample_weight", expected: 3, got: 1)) {
      try Validate.sampleWeight([1], sampleCount: 3)
    }
    #expect(throws: LearnError.self) { try Validate.sampleWeight([1, -1, 1], sampleCount: 3) }
    #expect(throws: LearnError.self) { try Validate.sampleWeight([0, 0, 0], sampleCount: 3) }
    #expect(throws: LearnError.self) { try Validate.sampleWeight([1, .nan, 0], sampleCount: 3) }
  }

  @Test("hyperparameter checks name the estimator and parameter")
  func checks() throws {
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "Ridge", name: "alpha", value: "-1.0", expected: "a finite number >= 0.0")
    ) { try Check.finite(-1, atLeast: 0, estimator: "Ridge", name: "alpha") }
    #expect(throws: LearnError.self) {
      try Check.within(1.5, 0...1, estimator: "ElasticNet", name: "l1Ratio")
    }
    #expect(throws: LearnError.self) {
      try Check.count(0, atLeast: 1, estimator: "RandomForest", name: "estimatorCount")
    }
    let message = LearnError.invalidParameter(
      estimator: "Ridge", name: "alpha", value: "-1.0", expected: "a finite number >= 0.0"
    ).description
    #expect(message == "Ridge: parameter 'alpha' must be a finite number >= 0.0; got -1.0.")
  }

  @Test("feature names default to x0, x1, ...")
  func featureNames() throws {
    #expect(try Validate.featureNames(nil, featureCount: 2) == ["x0", "x1"])
    #expect(throws: LearnError.self) { try Validate.featureNames(["a"], featureCount: 2) }
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import ModelSelection
import Pipeline
import Preprocessing
import SwiftLearnCore
import Testing

@Suite struct CalibrationTests {
  let t: Fixture
  let x: Matrix
  let y: [Int]
  let xTest: Matrix
  init() throws {
    t = try Fixture("search").child("thresholds")
    x = try t.matrix("X")
    y = try t.ints("y")
    xTest = try t.matrix("X_test")
  }

  var logistic: LogisticRegression<Int> { LogisticRegression(tol: 1e-10, maxIter: 10000) }

  @Test func sigmoidCalibrationMatchesScikitLearn() throws {
    let e = try t.child("calibrated").child("sigmoid")
    let fitted = try CalibratedClassifierCV(
      logistic, method: .sigmoid, cv: StratifiedKFold(splitCount: 3)
    )
    .fit(x, y)
    let ab = fitted.members.map { member -> (Double, Double) in
      if case .sigmoid(let a, let b) = member.calibrators[0] { return (a, b) }
      return (.nan, .nan)
    }
    // scikit-learn stops L-BFGS at a gradient of 1e-6; we solve to convergence.
    expectClose(ab.map(\.0), try e.vector("a"), rtol: 1e-4)
    expectClose(ab.map(\.1), try e.vector("b"), rtol: 1e-4, atol: 1e-5)
    expectClose(
      try fitted.predictProbabilities(xTest), try e.matrix("proba"), rtol: 1e-4, atol: 1e-5)
    #expect(try fitted.predict(xTest) == (try e.ints("predict")))
  }

  @Test func isotonicCalibrationMatchesScikitLearn() throws {
    let e = try t.child("calibrated").child("isotonic")
    let fitted = try CalibratedClassifierCV(
      logistic, method: .isotonic, cv: StratifiedKFold(splitCount: 3)
    ).fit(x, y)
    expectClose(
      try fitted.predictProbabilities(xTest), try e.matrix("proba"), rtol: 1e-6, atol: 1e-8)
    #expect(try fitted.predict(xTest) == (try e.ints("predict")))
  }

  @Test func calibrationWorksForAnyProbabilisticClassifierAndMulticlass() throws {
    let labels = (0..<60).map { ["a", "b", "c"][$0 % 3] }
    let features = try Matrix(rows: (0..<60).map { [Double($0 % 7), Double($0 % 5)] })
    let fitted = try CalibratedClassifierCV(DummyClassifier<String>(), method: .isotonic)
      .fit(features, labels)
    let p = try fitted.predictProbabilities(features)
    #expect(p.columnCount == 3)
    for row in p.rowArrays { expectClose(row.reduce(0, +), 1, rtol: 1e-12) }
    #expect(fitted.classes == ["a", "b", "c"])
    #expect(throws: LearnError.self) {
      _ = try CalibratedClassifierCV(DummyClassifier<String>()).fit(
        features, Array(repeating: "a", count: 60))
    }
  }
}

import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import Pipeline
import Preprocessing
import SwiftLearnCore
import Testing

@testable import ModelSelection

@Suite struct DiagnosticsTests {
  let fixture: Fixture
  init() throws { fixture = try Fixture("search") }

  typealias Model = Pipeline<StandardScaler, Ridge>

  @Test func learningCurveMatchesScikitLearn() throws {
    let c = try fixture.child("curves")
    let x = try c.matrix("X")
    let y = try c.vector("y")
    let model = Model(StandardScaler(), Ridge(alpha: 3))
    let d = try c.child("default")
    let curve = try learningCurve(model, x, y, cv: KFold(splitCount: 4))
    #expect(curve.trainSizes == (try d.ints("train_sizes")))
    expectClose(try Matrix(rows: curve.trainScores), try d.matrix("train_scores"), rtol: 1e-10)
    expectClose(try Matrix(rows: curve.testScores), try d.matrix("test_scores"), rtol: 1e-10)

    let k = try c.child("counts")
    let counted = try learningCurve(
      model, x, y, cv: KFold(splitCount: 3), trainSizes: .counts(try k.ints("requested")))
    #expect(counted.trainSizes == (try k.ints("train_sizes")))
    expectClose(try Matrix(rows: counted.trainScores), try k.matrix("train_scores"), rtol: 1e-10)
    expectClose(try Matrix(rows: counted.testScores), try k.matrix("test_scores"), rtol: 1e-10)
    #expect(throws: LearnError.self) {
      _ = try learningCurve(model, x, y, trainSizes: .fractions([0, 0.5]))
    }
    #expect(throws: LearnError.self) {
      _ = try learningCurve(model, x, y, trainSizes: .counts([1000]))
    }
  }

  @Test func validationCurveMatchesScikitLearn() throws {
    let c = try fixture.child("curves")
    let v = try c.child("validation")
    let path = HyperparameterPath(\Model.last.alpha, name: "ridge.alpha")
    let curve = try validationCurve(
      Model(StandardScaler(), Ridge(alpha: 3)), try c.matrix("X"), try c.vector("y"), path: path,
      values: try v.vector("alphas"), cv: KFold(splitCount: 5))
    expectClose(try Matrix(rows: curve.trainScores), try v.matrix("train_scores"), rtol: 1e-10)
    expectClose(try Matrix(rows: curve.testScores), try v.matrix("test_scores"), rtol: 1e-10)
    #expect(curve.parameterName == "ridge.alpha")
    #expect(throws: LearnError.self) {
      _ = try validationCurve(
        Model(), try c.matrix("X"), try c.vector("y"), path: path, values: [Double]())
    }
  }

  @Test func permutationImportanceMatchesScikitLearnWithItsPermutations() throws {
    let p = try fixture.child("permutation")
    let model = try Model(StandardScaler(), Ridge(alpha: 1)).fit(
      try p.matrix("X_train"), try p.vector("y_train"))
    let orders = try #require(p.object["orders"] as? [[Any]]).map { row in
      row.compactMap { ($0 as? Double).map { Int($0) } }
    }
    let result = try PermutationEngine.importance(
      model, x: try p.matrix("X_test"), y: try p.vector("y_test"), orders: orders,
      scoring: { try $0.score($1, $2) }, parallel: true)
    expectClose(
      try Matrix(rows: result.importances), try p.matrix("importances"), rtol: 1e-10, atol: 1e-12)
    expectClose(result.importancesMean, try p.vector("importances_mean"), rtol: 1e-10, atol: 1e-12)
    expectClose(result.importancesStd, try p.vector("importances_std"), rtol: 1e-8, atol: 1e-12)
  }

  @Test func permutationImportanceIsSeededAndValidated() throws {
    let p = try fixture.child("permutation")
    let x = try p.matrix("X_test")
    let y = try p.vector("y_test")
    let model = try Model().fit(try p.matrix("X_train"), try p.vector("y_train"))
    let a = try permutationImportance(model, x, y, repeatCount: 3, seed: 5)
    let b = try permutationImportance(model, x, y, repeatCount: 3, seed: 5, parallel: false)
    #expect(a == b)
    #expect(a.importances.count == x.columnCount)
    #expect(a.importances.allSatisfy { $0.count == 3 })
    #expect(throws: LearnError.self) { _ = try permutationImportance(model, x, y, repeatCount: 0) }
    #expect(throws: LearnError.self) {
      _ = try permutationImportance(model, x, Array(y.dropLast()))
    }
  }

  @Test func tTestsMatchScipy() throws {
    let t = try fixture.child("ttests")
    for c in try t.children("cases") {
      let a = try c.vector("a")
      let b = try c.vector("b")
      let paired = try pairedTTest(a, b)
      expectClose(paired.statistic, try c.double("t"), rtol: 1e-10, "t \(c)")
      expectClose(paired.pValue, try c.double("p"), rtol: 1e-10, atol: 1e-15, "p \(c)")
      let corrected = try correctedResampledTTest(
        a, b, trainSize: try c.int("train_size"), testSize: try c.int("test_size"))
      expectClose(corrected.statistic, try c.double("corrected_t"), rtol: 1e-10)
      expectClose(corrected.pValue, try c.double("corrected_p"), rtol: 1e-10, atol: 1e-15)
      #expect(paired.degreesOfFreedom == Double(a.count - 1))
    }
  }

  @Test func studentTSurvivalMatchesScipyOnAGrid() throws {
    for g in try fixture.child("ttests").children("sf_grid") {
      let sf = StudentT.survival(try g.double("t"), degrees: try g.double("df"))
      expectClose(sf, try g.double("sf"), rtol: 1e-10, atol: 1e-16, "\(g.object)")
    }
  }

  @Test func studentTSurvivalMatchesClosedForms() {
    // df = 1 (Cauchy): 1/2 − atan(t)/π = atan(1/t)/π; df = 2: 1/2 − t / (2s) = 1 / (s(s + t))
    // with s = √(2 + t²) (the cancellation-free forms). Tiny t included, where scipy's stdtr
    // loses about 1e-9.
    for t in [1e-8, 1e-3, 0.3, 1, 4, 50] {
      expectClose(StudentT.survival(t, degrees: 1), atan(1 / t) / Double.pi, rtol: 1e-13)
      let s = (2 + t * t).squareRoot()
      expectClose(StudentT.survival(t, degrees: 2), 1 / (s * (s + t)), rtol: 1e-13)
    }
  }

  @Test func tTestBadInputs() {
    #expect(throws: LearnError.self) { _ = try pairedTTest([1, 2, 3], [1, 2]) }
    #expect(throws: LearnError.self) { _ = try pairedTTest([1], [2]) }
    #expect(throws: LearnError.self) { _ = try pairedTTest([1, .nan], [1, 2]) }
    #expect(throws: LearnError.self) {
      _ = try correctedResampledTTest([1, 2], [2, 3], trainSize: 0, testSize: 1)
    }
  }

  @Test func biasVarianceForSquaredErrorAddsUp() throws {
    let p = try fixture.child("permutation")
    let xTrain = try p.matrix("X_train")
    let yTrain = try p.vector("y_train")
    let xTest = try p.matrix("X_test")
    let yTest = try p.vector("y_test")
    let r = try biasVarianceDecomposition(
      Model(StandardScaler(), Ridge(alpha: 1)), xTrain: xTrain, yTrain: yTrain, xTest: xTest,
      yTest: yTest, roundCount: 30, seed: 3)
    // For squared error the decomposition is an identity.
    expectClose(r.expectedLoss, r.bias + r.variance, rtol: 1e-12)
    #expect(r.variance > 0 && r.bias > 0)
    let again = try biasVarianceDecomposition(
      Model(StandardScaler(), Ridge(alpha: 1)), xTrain: xTrain, yTrain: yTrain, xTest: xTest,
      yTest: yTest, roundCount: 30, seed: 3, parallel: false)
    #expect(r == again)
    // A stronger penalty trades variance for bias.
    let stiff = try biasVarianceDecomposition(
      Model(StandardScaler(), Ridge(alpha: 1000)), xTrain: xTrain, yTrain: yTrain, xTest: xTest,
      yTest: yTest, roundCount: 30, seed: 3)
    #expect(stiff.variance < r.variance)
    #expect(throws: LearnError.self) {
      _ = try biasVarianceDecomposition(
        Model(), xTrain: xTrain, yTrain: yTrain, xTest: xTest, yTest: yTest, roundCount: 0)
    }
  }

  @Test func biasVarianceForZeroOneLoss() throws {
    // A constant classifier has no variance: every round predicts the majority class.
    let x = try Matrix(rows: (0..<20).map { [Double($0)] })
    let y = (0..<20).map { $0 < 14 ? "a" : "b" }
    let r = try biasVarianceDecomposition(
      DummyClassifier<String>(strategy: .constant, constant: "a"), xTrain: x, yTrain: y,
      xTest: x, yTest: y, roundCount: 10, seed: 1)
    #expect(r.variance == 0)
    expectClose(r.bias, 6.0 / 20.0)
    expectClose(r.expectedLoss, 6.0 / 20.0)
    let random = try biasVarianceDecomposition(
      DummyClassifier<String>(strategy: .uniform), xTrain: x, yTrain: y, xTest: x,
      yTest: y, roundCount: 25, seed: 1)
    #expect(random.variance > 0)
  }
}

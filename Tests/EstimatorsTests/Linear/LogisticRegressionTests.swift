import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("LogisticRegression")
struct LogisticRegressionTests {
  /// Two well-separated blobs: the classes are linearly separable.
  static func separable() -> (x: Matrix, y: [Int]) {
    var rng = SeededGenerator(seed: 5)
    var rows: [[Double]] = []
    var y: [Int] = []
    for i in 0..<40 {
      let label = i % 2
      let shift = label == 1 ? 4.0 : -4.0
      rows.append([shift + rng.nextGaussian(), rng.nextGaussian()])
      y.append(label)
    }
    return ((try? Matrix(rows: rows)) ?? Matrix.zeros(0, 2), y)
  }

  @Test("separable data: finite C gives a finite, converged fit that grows with C")
  func separableData() throws {
    let (x, y) = Self.separable()
    var norms: [Double] = []
    for c in [1.0, 100.0, 10_000.0] {
      for solver in [LogisticRegressionSolver.lbfgs, .newtonCholesky] {
        let model = try LogisticRegression<Int>(c: c, tol: 1e-8, solver: solver, maxIter: 1000)
          .fit(x, y)
        #expect(model.converged, "C \(c) \(solver)")
        #expect(model.coefficients.isFinite && model.intercepts.allSatisfy(\.isFinite))
        #expect(try model.predict(x) == y)
        let p = try model.predictProbabilities(x)
        #expect(p.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
        if c <= 100 { #expect(p.storage.allSatisfy { $0 > 0 && $0 < 1 }) }
        if solver == .lbfgs { norms.append(model.coefficients.storage.reduce(0) { $0 + $1 * $1 }) }
      }
    }
    // The penalty is what keeps the separable optimum finite: a weaker one gives larger weights.
    #expect(norms[0] < norms[1] && norms[1] < norms[2])
  }

  @Test("a constant column gets a zero coefficient with an intercept")
  func constantColumn() throws {
    let (x, y) = CheckData.classification(n: 90, d: 3, classCount: 2)
    let constant = try x.appendingColumns(Matrix(repeating: 2.5, rowCount: 90, columnCount: 1))
    for solver in [LogisticRegressionSolver.newtonCholesky, .newtonCD] {
      let estimator = LogisticRegression<Int>(tol: 1e-12, solver: solver, maxIter: 1000)
      let with = try estimator.fit(constant, y)
      let without = try estimator.fit(x, y)
      #expect(abs(with.coefficients[0, 3]) < 1e-9, "\(solver)")
      expectClose(
        Array(with.coefficients.storage.prefix(3)), without.coefficients.storage, rtol: 1e-7)
      expectClose(with.intercepts, without.intercepts, rtol: 1e-7, atol: 1e-9)
    }
  }

  @Test("bad input throws typed errors")
  func badInput() throws {
    let (x, y) = CheckData.classification()
    let estimator = LogisticRegression<Int>()
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try estimator.fit(x, [Int](repeating: 2, count: y.count))
    }
    let zeros = [Double](repeating: 0, count: y.count)
    #expect(isInvalidSampleWeight { _ = try estimator.fit(x, y, sampleWeight: zeros) })
    #expect(isInvalidSampleWeight { _ = try RidgeClassifier<Int>().fit(x, y, sampleWeight: zeros) })
    #expect(
      isInvalidSampleWeight { _ = try LogisticRegressionCV<Int>().fit(x, y, sampleWeight: zeros) })
    #expect(throws: LearnError.nonFinite(input: "X", row: 5, column: 1)) {
      try estimator.fit(CheckData.with(x, .nan, at: 5, 1), y)
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 7, column: 0)) {
      try estimator.fit(CheckData.with(x, .infinity, at: 7, 0), y)
    }
    // Class weights that zero every row are rejected like all-zero sample weights.
    let zeroed = LogisticRegression<Int>(classWeight: .weights([0: 0, 1: 0, 2: 0]))
    #expect(isInvalidSampleWeight { _ = try zeroed.fit(x, y) })
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try RidgeClassifier<Int>().fit(x, [Int](repeating: 0, count: y.count))
    }
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try LogisticRegressionCV<Int>().fit(x, [Int](repeating: 0, count: y.count))
    }
  }

  @Test("C = infinity fits without a penalty")
  func noPenalty() throws {
    // Overlapping classes (labels drawn from a logistic model), so the unpenalised optimum
    // is finite.
    var rng = SeededGenerator(seed: 3)
    let x = Matrix.random(
      rowCount: 200, columnCount: 3, distribution: .normal(mean: 0, standardDeviation: 1),
      using: &rng)
    var y: [Int] = []
    for i in 0..<200 {
      let z = 0.8 * x[i, 0] - 0.5 * x[i, 1] + 0.2
      y.append(rng.nextUniform() < 1 / (1 + exp(-z)) ? 1 : 0)
    }
    let free = try LogisticRegression<Int>(c: .infinity, tol: 1e-10, solver: .newtonCholesky)
      .fit(x, y)
    let huge = try LogisticRegression<Int>(c: 1e12, tol: 1e-10, solver: .newtonCholesky)
      .fit(x, y)
    expectClose(free.coefficients, huge.coefficients, rtol: 1e-6)
  }

  @Test("solvers reach the same optimum; multinomial intercepts sum to zero")
  func solversAgree() throws {
    let (x, y) = CheckData.classification(n: 120, d: 5, classCount: 4, seed: 21)
    let reference = try LogisticRegression<Int>(c: 0.7, tol: 1e-12, solver: .newtonCholesky)
      .fit(x, y)
    let cd = try LogisticRegression<Int>(c: 0.7, tol: 1e-12, solver: .newtonCD).fit(x, y)
    expectClose(cd.coefficients, reference.coefficients, rtol: 1e-7, atol: 1e-10)
    #expect(abs(reference.intercepts.reduce(0, +)) < 1e-10)
    #expect(reference.coefficients.rowCount == 4)
    let probabilities = try reference.predictProbabilities(x)
    for i in 0..<x.rowCount {
      #expect(abs((try probabilities.row(i)).reduce(0, +) - 1) < 1e-12)
    }
    let logs = try reference.predictLogProbabilities(x)
    expectClose(logs, probabilities.map { log($0) }, rtol: 1e-12)
  }

  @Test("string labels, saving and loading")
  func labelsAndPersistence() throws {
    let (x, y) = CheckData.classification(n: 60, d: 3, classCount: 2)
    let names = y.map { $0 == 0 ? "no" : "yes" }
    let model = try LogisticRegression<String>(classWeight: .balanced).fit(x, names)
    #expect(model.classes == ["no", "yes"])
    #expect(model.coefficientRows.count == 1)
    let restored = try LogisticRegression<String>.Fitted.decodeModelFile(
      model.encodedModelFile())
    #expect(restored == model)
    #expect(try restored.predict(x) == model.predict(x))
    let cv = try LogisticRegressionCV<String>(cCount: 3, cvFolds: 3).fit(x, names)
    let back = try LogisticRegressionCV<String>.Fitted.decodeModelFile(cv.encodedModelFile())
    #expect(back == cv)
    #expect(cv.scores.count == 3 && cv.scores[0][0].count == 3)
    #expect(cv.cs.contains(cv.c))
  }

  @Test("newton-cholesky takes few iterations; a tiny maxIter reports no convergence")
  func diagnostics() throws {
    let (x, y) = CheckData.classification(n: 90, d: 4, classCount: 3)
    let newton = try LogisticRegression<Int>(solver: .newtonCholesky).fit(x, y)
    #expect(newton.converged && newton.iterationCount < 20)
    let short = try LogisticRegression<Int>(tol: 1e-12, maxIter: 2).fit(x, y)
    #expect(!short.converged && short.iterationCount == 2)
  }
}

/// Whether `body` throws `LearnError.invalidSampleWeight` (any reason).
private func isInvalidSampleWeight(_ body: () throws -> Void) -> Bool {
  do {
    try body()
    return false
  } catch LearnError.invalidSampleWeight {
    return true
  } catch {
    return false
  }
}

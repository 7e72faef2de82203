import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import SwiftLearnCore
import Testing

@Suite("Linear SVMs")
struct LinearSVMTests {
  static let blobs = CheckData.classification(n: 90, d: 4, classCount: 3, seed: 2)

  @Test("bad input throws typed errors")
  func badInput() throws {
    let (x, y) = Self.blobs
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try LinearSVC<Int>().fit(x, [Int](repeating: 1, count: x.rowCount))
    }
    #expect(throws: LearnError.self) {
      try LinearSVC<Int>().fit(x, y, sampleWeight: [Double](repeating: 0, count: x.rowCount))
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 4, column: 3)) {
      try LinearSVC<Int>().fit(CheckData.with(x, .nan, at: 4, 3), y)
    }
    let (xr, yr) = CheckData.regression()
    #expect(throws: LearnError.self) {
      try LinearSVR().fit(xr, yr, sampleWeight: [Double](repeating: 0, count: xr.rowCount))
    }
    #expect(throws: LearnError.nonFinite(input: "X", row: 0, column: 0)) {
      try LinearSVR().fit(CheckData.with(xr, .nan, at: 0, 0), yr)
    }
  }

  @Test("the solution does not depend on the seed; decision shapes")
  func seedIndependence() throws {
    let (x, y) = Self.blobs
    let a = try LinearSVC<Int>(tol: 1e-12, seed: 1, maxIter: 100_000).fit(x, y)
    let b = try LinearSVC<Int>(tol: 1e-12, seed: 2, maxIter: 100_000).fit(x, y)
    expectClose(a.coefficients.storage, b.coefficients.storage, rtol: 1e-7, atol: 1e-10)
    #expect(try a.decisionFunction(x).columnCount == 3)
    let binary = try LinearSVC<Int>(seed: 0).fit(x, y.map { $0 == 1 ? 1 : 0 })
    #expect(try binary.decisionFunction(x).columnCount == 1)
    #expect(binary.coefficientRows.count == 1)
    #expect(try LinearSVC<Int>(seed: 5).fit(x, y) == LinearSVC<Int>(seed: 5).fit(x, y))
  }

  @Test("zero weights equal removing the rows")
  func zeroWeights() throws {
    let (x, y) = Self.blobs
    var weights = [Double](repeating: 1, count: x.rowCount)
    for i in stride(from: 0, to: x.rowCount, by: 4) { weights[i] = 0 }
    let kept = (0..<x.rowCount).filter { weights[$0] > 0 }
    let model = LinearSVC<Int>(tol: 1e-12, seed: 0, maxIter: 100_000)
    let weighted = try model.fit(x, y, sampleWeight: weights)
    let removed = try model.fit(x.rows(kept), kept.map { y[$0] })
    expectClose(
      weighted.coefficients.storage, removed.coefficients.storage, rtol: 1e-7, atol: 1e-10)
  }
}

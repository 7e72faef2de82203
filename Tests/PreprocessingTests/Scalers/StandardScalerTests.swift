import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite("StandardScaler")
struct StandardScalerTests {
  static let cases: [Fixture] = (try? Fixture("core_models").children("standardScaler")) ?? []

  @Test("fixtures were loaded")
  func fixturesPresent() {
    #expect(Self.cases.count >= 5)
  }

  @Test("matches scikit-learn's StandardScaler", arguments: cases)
  func parity(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let weights = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    let scaler = StandardScaler(
      withMean: try fixture.bool("withMean"), withStd: try fixture.bool("withStd"))
    let fitted = try scaler.fit(x, sampleWeight: weights)
    let name = fixture.name
    if fixture.has("mean") {
      expectClose(try #require(fitted.mean), try fixture.vector("mean"), rtol: 1e-8, name + " mean")
    } else {
      #expect(fitted.mean == nil)
    }
    if fixture.has("variance") {
      expectClose(
        try #require(fitted.variance), try fixture.vector("variance"), rtol: 1e-8, name + " var")
      expectClose(
        try #require(fitted.scale), try fixture.vector("scale"), rtol: 1e-8, name + " scale")
    } else {
      #expect(fitted.variance == nil && fitted.scale == nil)
    }
    expectClose(fitted.sampleCountSeen, try fixture.vector("sampleCountSeen"), rtol: 1e-12)
    let test = try fixture.matrix("XTest")
    expectClose(
      try fitted.transform(test), try fixture.matrix("transformed"), rtol: 1e-8, atol: 1e-12,
      name + " transform")
    expectClose(
      try fitted.inverseTransform(test), try fixture.matrix("inverse"), rtol: 1e-8, atol: 1e-12,
      name + " inverse")
  }

  @Test("inverseTransform undoes transform")
  func roundTrip() throws {
    let (x, _) = CheckData.regression(n: 30, d: 3)
    let fitted = try StandardScaler().fit(x)
    expectClose(try fitted.inverseTransform(fitted.transform(x)), x, rtol: 1e-12, atol: 1e-12)
  }

  @Test("an all-NaN column keeps NaN and does not throw")
  func allMissingColumn() throws {
    let x = try Matrix(rows: [[1, .nan], [2, .nan], [4, .nan]])
    let out = try StandardScaler().fit(x).transform(x)
    #expect(try out.column(1).allSatisfy { $0.isNaN })
    #expect(abs(try out.column(0).reduce(0, +)) < 1e-12)
  }

  @Test("a corrupt saved scaler is rejected with a typed error")
  func corruptFile() throws {
    let fitted = try StandardScaler().fit(try Matrix(rows: [[1, 2], [3, 5]]))
    let text = String(decoding: try fitted.encodedModelFile(), as: UTF8.self)
    // Shorten the scale vector: decoding must notice it no longer matches featureCount.
    let broken = text.replacingOccurrences(of: "\"scale\":[1,1.5]", with: "\"scale\":[1]")
    #expect(broken != text)
    #expect(throws: LearnError.self) {
      try StandardScaler.Fitted.decodeModelFile(Data(broken.utf8))
    }
    let negative = text.replacingOccurrences(of: "\"scale\":[1,1.5]", with: "\"scale\":[1,-1.5]")
    #expect(throws: LearnError.self) {
      try StandardScaler.Fitted.decodeModelFile(Data(negative.utf8))
    }
  }
}

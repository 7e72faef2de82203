import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

/// Matches `LearnError.invalidParameter` for `name`, whatever the message.
func expectInvalidParameter(
  _ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
  do {
    try body()
    Issue.record("expected invalidParameter(\(name))", sourceLocation: sourceLocation)
  } catch let LearnError.invalidParameter(_, parameter, _, _) {
    #expect(parameter == name, sourceLocation: sourceLocation)
  } catch {
    Issue.record("expected invalidParameter(\(name)), got \(error)", sourceLocation: sourceLocation)
  }
}

/// Matches `LearnError.unsupportedInput`, whatever the message.
func expectUnsupportedInput(
  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
  do {
    try body()
    Issue.record("expected unsupportedInput", sourceLocation: sourceLocation)
  } catch LearnError.unsupportedInput {
  } catch {
    Issue.record("expected unsupportedInput, got \(error)", sourceLocation: sourceLocation)
  }
}

@Suite("Feature construction: bad input and behaviour")
struct FeatureConstructionErrorTests {
  static let positive = try? Matrix(rows: [[1, 2], [3, 0.5], [2, 4], [5, 1], [0.7, 3]])

  @Test("Box-Cox rejects zero and negative values at fit and at transform")
  func boxCoxNonPositive() throws {
    let x = try #require(Self.positive)
    expectUnsupportedInput {
      _ = try PowerTransformer(method: .boxCox).fit(CheckData.with(x, 0, at: 2, 1))
    }
    expectUnsupportedInput {
      _ = try PowerTransformer(method: .boxCox).fit(CheckData.with(x, -1, at: 0, 0))
    }
    let fitted = try PowerTransformer(method: .boxCox).fit(x)
    expectUnsupportedInput { _ = try fitted.transform(CheckData.with(x, -3, at: 1, 1)) }
  }

  @Test("an all-NaN column is a typed error for the power and quantile transformers")
  func allNaNColumn() throws {
    let x = try Matrix(rows: [[1, .nan], [2, .nan], [3, .nan]])
    expectUnsupportedInput { _ = try PowerTransformer().fit(x) }
    expectUnsupportedInput { _ = try QuantileTransformer().fit(x) }
  }

  @Test("NaN is rejected where scikit-learn rejects it")
  func nanNotAllowed() throws {
    let (x, _) = CheckData.regression(n: 30, d: 3)
    let bad = CheckData.with(x, .nan, at: 4, 2)
    let expected = LearnError.nonFinite(input: "X", row: 4, column: 2)
    #expect(throws: expected) { try PolynomialFeatures().fit(bad) }
    #expect(throws: expected) { try KBinsDiscretizer().fit(bad) }
    #expect(throws: expected) { try SplineTransformer().fit(bad) }
    #expect(throws: expected) { try PolynomialFeatures().fit(x).transform(bad) }
    // SplineTransformer(handleMissing: .zeros) accepts NaN and gives zeros for it.
    let zeros = try SplineTransformer(handleMissing: .zeros).fit(bad)
    let out = try zeros.transform(bad)
    let width = out.columnCount / 3
    for c in (2 * width)..<(3 * width) { #expect(out[4, c] == 0) }
  }

  @Test("invalid hyperparameters name the parameter")
  func invalidHyperparameters() throws {
    let (x, _) = CheckData.regression(n: 30, d: 3)
    expectInvalidParameter("degree") { _ = try PolynomialFeatures(degree: -1).fit(x) }
    expectInvalidParameter("degree") {
      _ = try PolynomialFeatures(degree: 0, includeBias: false).fit(x)
    }
    expectInvalidParameter("minimumDegree") { _ = try PolynomialFeatures(degrees: -1...2).fit(x) }
    expectInvalidParameter("quantileCount") { _ = try QuantileTransformer(quantileCount: 0).fit(x) }
    expectInvalidParameter("quantileCount") {
      _ = try QuantileTransformer(quantileCount: 50, subsample: 10).fit(x)
    }
    expectInvalidParameter("subsample") { _ = try QuantileTransformer(subsample: 0).fit(x) }
    expectInvalidParameter("binCount") { _ = try KBinsDiscretizer(binCount: 1).fit(x) }
    expectInvalidParameter("quantileMethod") {
      _ = try KBinsDiscretizer(quantileMethod: .linear).fit(
        x, sampleWeight: [Double](repeating: 1, count: 30))
    }
    expectInvalidParameter("knotCount") { _ = try SplineTransformer(knotCount: 1).fit(x) }
    expectInvalidParameter("degree") { _ = try SplineTransformer(degree: -1).fit(x) }
    expectInvalidParameter("degree") {
      _ = try SplineTransformer(knotCount: 3, degree: 3, extrapolation: .periodic).fit(x)
    }
  }

  @Test("SplineTransformer with extrapolation error rejects values beyond the knots")
  func splineExtrapolationError() throws {
    let (x, _) = CheckData.regression(n: 30, d: 2)
    let fitted = try SplineTransformer(extrapolation: .error).fit(x)
    _ = try fitted.transform(x)
    let beyond = CheckData.with(x, 1e6, at: 0, 0)
    expectUnsupportedInput { _ = try fitted.transform(beyond) }
  }

  @Test("a constant feature is a typed error for SplineTransformer and one bin for KBins")
  func constantFeature() throws {
    let x = try Matrix(rows: [[1, 5], [2, 5], [3, 5], [4, 5]])
    expectUnsupportedInput { _ = try SplineTransformer().fit(x) }
    let bins = try KBinsDiscretizer(binCount: 3, encode: .ordinal).fit(x)
    #expect(bins.binCounts[1] == 1)
    #expect(try bins.transform(x).column(1) == [0, 0, 0, 0])
  }

  @Test("inverse transforms undo the transforms")
  func roundTrips() throws {
    let (x, _) = CheckData.regression(n: 40, d: 3)
    let power = try PowerTransformer().fit(x)
    expectClose(try power.inverseTransform(power.transform(x)), x, rtol: 1e-9, atol: 1e-9)
    let positive = x.map { abs($0) + 0.5 }
    let boxCox = try PowerTransformer(method: .boxCox).fit(positive)
    expectClose(
      try boxCox.inverseTransform(boxCox.transform(positive)), positive, rtol: 1e-9, atol: 1e-9)
    let quantile = try QuantileTransformer(outputDistribution: .normal).fit(x)
    expectClose(try quantile.inverseTransform(quantile.transform(x)), x, rtol: 1e-9, atol: 1e-9)
  }

  @Test("FunctionTransformer with a custom closure transforms but cannot be saved")
  func customFunctionPersistence() throws {
    let (x, _) = CheckData.regression(n: 20, d: 3)
    let doubling = FunctionTransformer(
      .custom(name: "double") { try $0.multiplyingRowVector([2, 2, 2]) },
      inverse: .custom(name: "half") { $0 / 2 })
    let fitted = try doubling.fit(x)
    expectClose(try fitted.transform(x), x * 2, rtol: 0)
    #expect(fitted.inverseIsConsistent == true)
    expectClose(try fitted.inverseTransform(try fitted.transform(x)), x, rtol: 0)
    #expect(doubling.description == "FunctionTransformer(function: double, inverse: half)")
    do {
      _ = try fitted.encodedModelFile()
      Issue.record("saving a custom closure must throw")
    } catch let LearnError.unsupportedInput(input, _) {
      #expect(input == "FunctionTransformer(double)")
    }
    // A wrong inverse is reported as data.
    let wrong = try FunctionTransformer(.builtin(.log1p), inverse: .builtin(.exp)).fit(x.map(abs))
    #expect(wrong.inverseIsConsistent == false)
    // Built-ins round-trip through a file.
    let builtin = try FunctionTransformer(.builtin(.log1p), inverse: .builtin(.expm1)).fit(
      x.map(abs))
    let restored = try FunctionTransformer.Fitted.decodeModelFile(builtin.encodedModelFile())
    #expect(try restored.transform(x.map(abs)) == builtin.transform(x.map(abs)))
  }

  @Test("PolynomialFeatures names and widths")
  func polynomialNames() throws {
    let x = try Matrix(rows: [[1, 2], [3, 4]])
    let fitted = try PolynomialFeatures().fit(x)
    #expect(try fitted.featureNamesOut(["a", "b"]) == ["1", "a", "b", "a^2", "a b", "b^2"])
    #expect(try fitted.transform(x).row(1) == [1, 3, 4, 9, 12, 16])
  }

  @Test("seeded subsampling is reproducible")
  func seededSubsample() throws {
    let (x, _) = CheckData.regression(n: 200, d: 2)
    let a = try QuantileTransformer(quantileCount: 20, subsample: 50, seed: 9).fit(x)
    let b = try QuantileTransformer(quantileCount: 20, subsample: 50, seed: 9).fit(x)
    #expect(a == b)
    #expect(a.seedUsed == 9)
    let c = try KBinsDiscretizer(subsample: 60, seed: 2).fit(x)
    #expect(c == (try KBinsDiscretizer(subsample: 60, seed: 2).fit(x)))
  }
}

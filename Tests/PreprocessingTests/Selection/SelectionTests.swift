import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite struct SelectionTests {
  let x = Matrix(
    unchecked: 5, 4, [1, 0, 3, 5, 2, 0, 1, 5, 3, 0, 4, 5, 4, 1, 1, 5, 5, 0, 2, 5])
  let y: [Double] = [0, 0, 1, 1, 1]

  @Test func chi2RejectsNegativeValuesNamingTheFeature() throws {
    var bad = x
    bad[3, 2] = -0.5
    do {
      _ = try chi2(bad, y.map { Int($0) })
      Issue.record("negative value did not throw")
    } catch let LearnError.unsupportedInput(input, reason) {
      #expect(input == "X")
      #expect(reason.contains("feature 2") && reason.contains("row 3"))
    }
    #expect(throws: LearnError.self) { try SelectKBest(scoreFunction: .chi2, k: 1).fit(bad, y) }
  }

  @Test func kAboveFeatureCountThrows() {
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "SelectKBest", name: "k", value: "5",
        expected: "at most the number of features (4), or nil for all")
    ) { try SelectKBest(scoreFunction: .fRegression, k: 5).fit(x, y) }
  }

  @Test func kNilKeepsEverythingAndZeroKeepsNothing() throws {
    #expect(try SelectKBest(scoreFunction: .fClassif, k: nil).fit(x, y).outputFeatureCount == 4)
    #expect(try SelectKBest(scoreFunction: .fClassif, k: 0).fit(x, y).outputFeatureCount == 0)
  }

  @Test func varianceThresholdRejectsWhenNothingQualifies() {
    #expect(throws: LearnError.self) { try VarianceThreshold(threshold: 100).fit(x) }
  }

  @Test func varianceThresholdDropsConstantColumn() throws {
    let fitted = try VarianceThreshold().fit(x)
    #expect(fitted.support == [true, true, true, false])
    #expect(try fitted.featureNamesOut(["a", "b", "c", "d"]) == ["a", "b", "c"])
    let back = try fitted.inverseTransform(try fitted.transform(x))
    #expect(try back.column(0) == x.column(0))
    #expect(try back.column(3) == [0, 0, 0, 0, 0])
  }

  @Test func correlationFilterKeepsTheEarlierOfAPair() throws {
    // Column 1 = 2 × column 0 (+ tiny change), column 2 independent-ish.
    let x = try Matrix(rows: [[1, 2.01, 5], [2, 4, 3], [3, 6, 9], [4, 8.02, 1], [5, 10, 4]])
    let fitted = try CorrelationFilter(threshold: 0.95).fit(x)
    #expect(fitted.support == [true, false, true])
    // Reordering the columns keeps the one that now comes first.
    let swapped = try CorrelationFilter(threshold: 0.95).fit(x.columns([1, 0, 2]))
    #expect(swapped.support == [true, false, true])
  }

  @Test func specialFunctionsAtKnownPoints() throws {
    // f_regression on a perfectly correlated feature: finite maximum score, p-value 0.
    let perfect = try fRegression(Matrix(column: [1, 2, 3, 4]), [2, 4, 6, 8])
    #expect(perfect.scores == [Double.greatestFiniteMagnitude])
    #expect(perfect.pValues == [0])
    // A constant feature: score 0, p-value 1.
    let constant = try fRegression(Matrix(column: [1, 1, 1, 1]), [2, 4, 6, 8])
    #expect(constant.scores == [0])
    #expect(constant.pValues == [1])
  }

  @Test func mutualInformationValidatesItsArguments() {
    #expect(throws: LearnError.self) { try mutualInfoRegression(x, y, neighborCount: 0) }
    #expect(throws: LearnError.self) { try mutualInfoRegression(x, y, discreteFeatures: [7]) }
    #expect(throws: LearnError.self) { try mutualInfoClassif(x, [0, 1]) }
  }

  @Test func discreteMutualInformationIsExact() throws {
    // A feature equal to the label: I = H(y) = −Σ p ln p.
    let labels = [0, 0, 1, 1, 1, 2]
    let feature = Matrix(column: labels.map(Double.init))
    let mi = try mutualInfoClassif(feature, labels, discreteFeatures: [0], seed: 0)
    let entropy = -[2.0, 3, 1].reduce(0) { $0 + $1 / 6 * Foundation.log($1 / 6) }
    #expect(abs(mi[0] - entropy) < 1e-12)
  }
}

@Suite struct SelectionSeedTests {
  @Test func mutualInformationSelectorRecordsItsSeed() throws {
    let (x, y) = CheckData.regression()
    let drawn = try SelectKBest(scoreFunction: .mutualInfoRegression, k: 2).fit(x, y)
    let seed = try #require(drawn.seedUsed)
    let again = try SelectKBest(scoreFunction: .mutualInfoRegression, k: 2, seed: seed).fit(x, y)
    #expect(again.scores == drawn.scores)
    #expect(try SelectKBest(scoreFunction: .fRegression, k: 2).fit(x, y).seedUsed == nil)
  }
}

@Suite struct LabelledSelectionTests {
  @Test func stringLabelsSelectLikeTheirCodes() throws {
    let (x, y) = CheckData.classification()
    let names = y.map { ["setosa", "versicolor", "virginica"][$0] }
    let byName = try SelectKBest(k: 2).fit(x, labels: names)
    let byCode = try SelectKBest(k: 2).fit(x, y.map(Double.init))
    #expect(byName.support == byCode.support)
    #expect(byName.scores == byCode.scores)
    #expect(throws: LearnError.self) {
      try SelectPercentile(scoreFunction: .fRegression).fit(x, labels: names)
    }
  }
}

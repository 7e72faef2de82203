import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import ModelSelection
import Preprocessing
import SwiftLearnCore
import Testing

/// A regressor whose importances are each feature's absolute correlation with `y`, to exercise
/// the `FeatureImportancesProviding` path of the model-based selectors.
struct CorrelationImportanceRegressor: Regressor, DefaultInitializable {
  struct Fitted: FittedRegressor, FeatureImportancesProviding {
    let featureCount: Int
    let featureImportances: [Double]
    let mean: Double
    func predict(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount)
      return [Double](repeating: mean, count: x.rowCount)
    }
  }

  func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted {
    try Validate.features(x)
    try Validate.target(y, sampleCount: x.rowCount)
    let scores = try fRegression(x, y)
    let total = scores.scores.reduce(0, +)
    return Fitted(
      featureCount: x.columnCount, featureImportances: scores.scores.map { $0 / total },
      mean: y.reduce(0, +) / Double(y.count))
  }
}

@Suite struct ImportanceSourceTests {
  let data = CheckData.regression(n: 80, d: 5)

  @Test func featureImportancesDriveSelectFromModelAndRFE() throws {
    let (x, y) = data
    let importances = try CorrelationImportanceRegressor().fit(x, y).featureImportances
    let mean = importances.reduce(0, +) / Double(importances.count)
    let selected = try SelectFromModel(CorrelationImportanceRegressor()).fit(x, y)
    #expect(selected.support == importances.map { $0 >= mean })
    #expect(selected.importances == importances)
    // RFE with importances that do not change when features are removed (up to the
    // normalization) drops the least important first.
    let rfe = try RFE(CorrelationImportanceRegressor(), selectedFeatureCount: .count(2)).fit(x, y)
    let order = importances.indices.sorted { importances[$0] > importances[$1] }
    #expect(rfe.selectedIndices == Array(order.prefix(2)).sorted())
  }

  @Test func multiRowCoefficientsUseTheNormOverRows() throws {
    let (x, y) = data
    // Two coefficient rows, as a two-class linear classifier has.
    let rows: [[Double]] = [[1, -2, 0, 0.5, 4], [3, 1, -1, 0.5, -4]]
    let getter = ImportanceGetter<LinearRegression.Fitted>(name: "fake") { _ in rows }
    let l1 = try SelectFromModel(LinearRegression(), importanceGetter: getter).fit(x, y)
    #expect(l1.importances == [4, 3, 1, 1, 8])
    #expect(l1.threshold == 3.4)
    #expect(l1.support == [true, false, false, false, true])
    let l2 = try SelectFromModel(
      LinearRegression(), importanceGetter: getter, threshold: .value(2), normOrder: 2
    ).fit(x, y)
    expectClose(l2.importances, [10, 5, 1, 0.5, 32].map { $0.squareRoot() }, rtol: 1e-15)
    #expect(l2.support == [true, true, false, false, true])
    // RFE sums the squares over rows: [10, 5, 1, 0.5, 32]; one round of step 2 removes the
    // two smallest.
    let rfe = try RFE(
      LinearRegression(), importanceGetter: getter, selectedFeatureCount: .count(3),
      step: .count(2)
    ).fit(x, y)
    #expect(rfe.support == [true, true, false, false, true])
    #expect(rfe.ranking == [1, 1, 2, 2, 1])
  }
}

@Suite struct ImportanceGetterErrorTests {
  @Test func raggedOrWrongLengthImportancesThrow() throws {
    let (x, y) = CheckData.regression(n: 40, d: 3)
    let ragged = ImportanceGetter<LinearRegression.Fitted>(name: "ragged") { _ in [[1, 2, 3], [1]] }
    #expect(throws: LearnError.self) {
      try SelectFromModel(LinearRegression(), importanceGetter: ragged).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      try RFE(LinearRegression(), importanceGetter: ragged).fit(x, y)
    }
    let short = ImportanceGetter<LinearRegression.Fitted>(name: "short") { _ in [[1, 2]] }
    #expect(throws: LearnError.self) {
      try SelectFromModel(LinearRegression(), importanceGetter: short).fit(x, y)
    }
  }
}

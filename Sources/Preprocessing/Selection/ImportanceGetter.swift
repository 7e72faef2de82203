import Foundation
import SwiftLearnCore

/// How a model-based selector reads per-feature importances from a fitted model.
///
/// scikit-learn's `importance_getter`: `"auto"` reads `coef_` or `feature_importances_`. Here
/// the choice is made by the compiler: ``SelectFromModel`` and ``RFE`` pick
/// ``coefficients`` when the fitted model conforms to `CoefficientsProviding` (preferred, like
/// `"auto"`), else ``featureImportances``; a custom getter may read anything else.
public struct ImportanceGetter<Fitted: FittedModel>: Sendable {
  /// A short name for descriptions (`"coef_"`, `"feature_importances_"`, or custom).
  public let name: String
  /// The importances as rows of length `featureCount`: one row for one-dimensional
  /// importances, several for per-class coefficients.
  public let rows: @Sendable (Fitted) -> [[Double]]

  /// A custom getter (scikit-learn's callable `importance_getter`).
  ///
  /// - Parameters:
  ///   - name: A name for descriptions.
  ///   - rows: Returns the importances as rows of length `featureCount`.
  public init(name: String, rows: @escaping @Sendable (Fitted) -> [[Double]]) {
    self.name = name
    self.rows = rows
  }

  /// scikit-learn's `_get_feature_importances(..., transform_func="norm")`: the absolute
  /// values of one row, or the `normOrder`-norm over the rows of each column.
  func norms(_ fitted: Fitted, normOrder: Double) -> [Double] {
    let rows = rows(fitted)
    // Ragged rows give no importances; the selectors report that as an error.
    guard let first = rows.first, rows.allSatisfy({ $0.count == first.count }) else { return [] }
    if rows.count == 1 { return first.map { abs($0) } }
    return (0..<first.count).map { j in
      if normOrder.isInfinite { return rows.reduce(0) { max($0, abs($1[j])) } }
      if normOrder == 1 { return rows.reduce(0) { $0 + abs($1[j]) } }
      let total = rows.reduce(0) { $0 + pow(abs($1[j]), normOrder) }
      return pow(total, 1 / normOrder)
    }
  }

  /// scikit-learn's `transform_func="square"`: the squares of one row, or the sum of squares
  /// over the rows of each column.
  func squares(_ fitted: Fitted) -> [Double] {
    let rows = rows(fitted)
    guard let first = rows.first, rows.allSatisfy({ $0.count == first.count }) else { return [] }
    return (0..<first.count).map { j in rows.reduce(0) { $0 + $1[j] * $1[j] } }
  }
}

extension ImportanceGetter where Fitted: CoefficientsProviding {
  /// Reads `coefficientRows` (scikit-learn's `coef_`).
  public static var coefficients: ImportanceGetter {
    ImportanceGetter(name: "coef_") { $0.coefficientRows }
  }
}

extension ImportanceGetter where Fitted: FeatureImportancesProviding {
  /// Reads `featureImportances` (scikit-learn's `feature_importances_`).
  public static var featureImportances: ImportanceGetter {
    ImportanceGetter(name: "feature_importances_") { [$0.featureImportances] }
  }
}

/// A number of features, absolute or as a fraction of the input features.
///
/// scikit-learn passes an `int` or a `float` to the same parameter (`n_features_to_select`,
/// `step`); here the two are distinct cases.
public enum FeatureAmount: Sendable, Hashable, Codable {
  /// This many features.
  case count(Int)
  /// This fraction of the input features.
  case fraction(Double)
}

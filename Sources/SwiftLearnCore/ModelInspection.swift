/// A fitted linear model that exposes its coefficients, the way scikit-learn's `coef_` does.
///
/// Feature selectors (`SelectFromModel`, `RFE`) and interpretation tools read the coefficients
/// through this protocol, so they work with any linear model without knowing its type.
public protocol CoefficientsProviding: FittedModel {
  /// The coefficients as rows of length ``FittedModel/featureCount``: one row for a
  /// single-output model, one row per class (or target) otherwise — scikit-learn's `coef_`
  /// reshaped to two dimensions.
  var coefficientRows: [[Double]] { get }
}

/// A fitted model that scores each input feature, the way scikit-learn's
/// `feature_importances_` does (for example, impurity-based importances of a tree ensemble).
public protocol FeatureImportancesProviding: FittedModel {
  /// One non-negative importance per input feature; they sum to 1 unless all are zero.
  var featureImportances: [Double] { get }
}

import DataFrame
import LinearAlgebra

/// A fitted transformation of named table columns — strings, categories, numbers, dates and
/// missing values — into new columns.
///
/// Encoders (`OneHotEncoder`), imputers on string columns (`SimpleImputer`) and
/// `ColumnTransformer` work on a `DataFrame` rather than a `Matrix`, because their input is
/// not all numbers and because they bind columns by name: ``transform(_:)`` looks every column
/// of ``inputColumnNames`` up by name (column order in the frame does not matter) and throws,
/// naming the column, when one is missing or has an unusable type. The output is a frame too,
/// so steps chain (impute, then encode); `toMatrix()` turns the final numeric frame into the
/// estimator's input.
///
/// scikit-learn: transformers fitted on a pandas `DataFrame`, which record
/// `feature_names_in_` and return `get_feature_names_out()`.
public protocol FrameTransformer: FittedModel {
  /// The columns seen during fit, in order (scikit-learn's `feature_names_in_`).
  var inputColumnNames: [String] { get }
  /// The names of the output columns, in order (scikit-learn's `get_feature_names_out()`).
  var outputColumnNames: [String] { get }
  /// Applies the learned transformation to the columns of `frame` named in
  /// ``inputColumnNames``; other columns are ignored.
  ///
  /// - Throws: ``LearnError`` naming the column when one is missing, has the wrong type, or
  ///   holds a value the transformer cannot handle (an unseen category, say).
  func transform(_ frame: DataFrame) throws -> DataFrame
}

extension FrameTransformer {
  /// The number of input columns.
  public var featureCount: Int { inputColumnNames.count }
}

/// An estimator that learns a ``FrameTransformer`` from the columns of a `DataFrame`.
public protocol FrameTransformerEstimator<Fitted>: Estimator {
  /// The fitted transformer's type.
  associatedtype Fitted: FrameTransformer
  /// Learns the transformation from every column of `frame`.
  func fit(_ frame: DataFrame) throws -> Fitted
  /// Fits and transforms `frame` in one call; an estimator may override it with a fused pass.
  func fitTransform(_ frame: DataFrame) throws -> (fitted: Fitted, output: DataFrame)
}

extension FrameTransformerEstimator {
  /// Fits, then transforms the same frame.
  public func fitTransform(_ frame: DataFrame) throws -> (fitted: Fitted, output: DataFrame) {
    let fitted = try fit(frame)
    return (fitted, try fitted.transform(frame))
  }
}

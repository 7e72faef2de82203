import DataFrame
import SwiftLearnCore

/// The `ColumnTransformer` remainder that drops the columns no branch selected (the default).
///
/// scikit-learn: `remainder="drop"`.
public struct DropColumns: Estimator, FrameTransformerEstimator, DefaultInitializable, Hashable,
  Codable
{
  /// Creates the remainder.
  public init() {}

  /// Learns nothing.
  ///
  /// - Parameter frame: The remaining columns (ignored).
  /// - Returns: The fitted remainder, which needs no columns.
  public func fit(_ frame: DataFrame) throws -> Fitted { Fitted() }

  /// A fitted ``DropColumns``: no input, no output.
  public struct Fitted: FrameTransformer, Hashable {
    /// No columns are needed.
    public var inputColumnNames: [String] { [] }
    /// No columns are produced.
    public var outputColumnNames: [String] { [] }
    /// An empty frame.
    ///
    /// - Parameter frame: Ignored.
    /// - Returns: A frame without columns.
    public func transform(_ frame: DataFrame) throws -> DataFrame { DataFrame() }
  }
}

/// The `ColumnTransformer` remainder that keeps the columns no branch selected, unchanged.
///
/// scikit-learn: `remainder="passthrough"`.
public struct PassthroughColumns: Estimator, FrameTransformerEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// Creates the remainder.
  public init() {}

  /// Records the columns.
  ///
  /// - Parameter frame: The remaining columns.
  /// - Returns: The fitted remainder.
  public func fit(_ frame: DataFrame) throws -> Fitted {
    Fitted(
      inputColumnNames: frame.columnNames, inputKinds: frame.columns.map { ColumnKind($0.type) })
  }

  /// A fitted ``PassthroughColumns``: the columns it passes on.
  public struct Fitted: FrameTransformer, Hashable {
    /// The columns seen during fit.
    public let inputColumnNames: [String]
    /// The kind of each column during fit.
    public let inputKinds: [ColumnKind]
    /// The same names.
    public var outputColumnNames: [String] { inputColumnNames }

    /// The columns, unchanged.
    ///
    /// - Parameter frame: A frame holding every fitted column.
    /// - Returns: The columns.
    /// - Throws: `DataFrameError.unknownColumn` or `.wrongType` naming the column.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      try selectColumns(inputColumnNames, kinds: inputKinds, from: frame)
    }
  }
}

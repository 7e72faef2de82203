import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// A matrix transformer applied to the columns of a `DataFrame`.
///
/// `fit` converts every column of the frame to a `Matrix` (`toMatrix()`: double, int and bool
/// columns; nulls become NaN when the transformer accepts missing values and are an error
/// otherwise) and fits the wrapped `TransformerEstimator`; the output frame
/// has one double column per output feature, named by the transformer's `featureNamesOut`
/// from the input column names. `ColumnTransformer` branches and ``FrameChain`` wrap matrix
/// transformers in this automatically.
///
/// scikit-learn: a transformer fitted on a pandas `DataFrame` with `set_output("pandas")`.
public struct MatrixColumns<Wrapped: TransformerEstimator>: Estimator, FrameTransformerEstimator {
  /// The wrapped matrix transformer.
  public var estimator: Wrapped

  /// Wraps a matrix transformer.
  ///
  /// - Parameter estimator: The transformer.
  public init(_ estimator: Wrapped) { self.estimator = estimator }

  /// Validates the wrapped transformer.
  ///
  /// - Throws: its `LearnError.invalidParameter`.
  public func validateHyperparameters() throws { try estimator.validateHyperparameters() }

  /// The wrapped transformer's capabilities.
  public static var capabilities: Capabilities { Wrapped.capabilities }

  /// The wrapped transformer's description.
  public var description: String { "MatrixColumns(\(estimator))" }

  /// Fits the wrapped transformer on the frame's columns.
  ///
  /// - Parameter frame: The training columns (all numeric).
  /// - Returns: The fitted step.
  /// - Throws: `DataFrameError.wrongType` for a non-numeric column,
  ///   `DataFrameError.nullValues` for nulls the transformer cannot take, and whatever the
  ///   transformer throws.
  public func fit(_ frame: DataFrame) throws -> FittedMatrixColumns<Wrapped.Fitted> {
    try fitTransform(frame).fitted
  }

  /// Fits with the wrapped transformer's own (possibly fused) `fitTransform`.
  ///
  /// - Parameter frame: The training columns.
  /// - Returns: The fitted step and the transformed frame.
  /// - Throws: as ``fit(_:)``.
  public func fitTransform(_ frame: DataFrame) throws -> (
    fitted: FittedMatrixColumns<Wrapped.Fitted>, output: DataFrame
  ) {
    let nullsAsNaN = Wrapped.capabilities.allowsMissingValues
    let x = try frame.toMatrix(fillNulls: nullsAsNaN ? .nan : nil)
    let (fitted, output) = try estimator.fitTransform(x)
    let names = try fitted.featureNamesOut(frame.columnNames)
    let step = FittedMatrixColumns(
      transformer: fitted, inputColumnNames: frame.columnNames,
      inputKinds: frame.columns.map { ColumnKind($0.type) }, outputColumnNames: names,
      nullsAsNaN: nullsAsNaN)
    return (step, try DataFrame(matrix: output, columnNames: names))
  }
}

extension MatrixColumns: Equatable where Wrapped: Equatable {}
extension MatrixColumns: Hashable where Wrapped: Hashable {}
extension MatrixColumns: Codable where Wrapped: Codable {}

extension MatrixColumns: DefaultInitializable where Wrapped: DefaultInitializable {
  /// The wrapped transformer with its defaults.
  public init() { self.init(Wrapped()) }
}

/// A fitted ``MatrixColumns``: the fitted matrix transformer and the column names around it.
public struct FittedMatrixColumns<Wrapped: Transformer>: FrameTransformer {
  /// The fitted matrix transformer.
  public let transformer: Wrapped
  /// The columns seen during fit, in order.
  public let inputColumnNames: [String]
  /// The kind of each input column during fit.
  public let inputKinds: [ColumnKind]
  /// The output names (the transformer's `featureNamesOut` of the input names).
  public let outputColumnNames: [String]
  /// Whether nulls are passed to the transformer as NaN (else they are an error).
  public let nullsAsNaN: Bool

  /// Joins a fitted transformer and its column names.
  ///
  /// - Parameters:
  ///   - transformer: The fitted matrix transformer.
  ///   - inputColumnNames: The input columns, in order.
  ///   - inputKinds: The kind of each input column.
  ///   - outputColumnNames: The output names.
  ///   - nullsAsNaN: Whether nulls become NaN.
  public init(
    transformer: Wrapped, inputColumnNames: [String], inputKinds: [ColumnKind],
    outputColumnNames: [String], nullsAsNaN: Bool
  ) {
    self.transformer = transformer
    self.inputColumnNames = inputColumnNames
    self.inputKinds = inputKinds
    self.outputColumnNames = outputColumnNames
    self.nullsAsNaN = nullsAsNaN
  }

  /// Transforms the named columns of `frame`.
  ///
  /// - Parameter frame: A frame holding every column of ``inputColumnNames``.
  /// - Returns: One double column per output feature.
  /// - Throws: `DataFrameError.unknownColumn` naming a missing column,
  ///   `DataFrameError.wrongType` for a column whose kind changed, `DataFrameError.nullValues`,
  ///   and the transformer's errors.
  public func transform(_ frame: DataFrame) throws -> DataFrame {
    let selected = try selectColumns(inputColumnNames, kinds: inputKinds, from: frame)
    let x = try selected.toMatrix(fillNulls: nullsAsNaN ? .nan : nil)
    return try DataFrame(matrix: transformer.transform(x), columnNames: outputColumnNames)
  }

  /// Decodes and checks the names against the transformer's widths.
  ///
  /// - Throws: `DecodingError` when the name counts do not match the transformer.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let transformer = try c.decode(Wrapped.self, forKey: .transformer)
    let inputs = try c.decode([String].self, forKey: .inputColumnNames)
    let kinds = try c.decode([ColumnKind].self, forKey: .inputKinds)
    let outputs = try c.decode([String].self, forKey: .outputColumnNames)
    try requireDecoded(
      inputs.count == transformer.featureCount && kinds.count == inputs.count
        && outputs.count == transformer.outputFeatureCount,
      "column names do not match the transformer's widths", codingPath: c.codingPath)
    self.init(
      transformer: transformer, inputColumnNames: inputs, inputKinds: kinds,
      outputColumnNames: outputs, nullsAsNaN: try c.decode(Bool.self, forKey: .nullsAsNaN))
  }
}

extension FittedMatrixColumns: Equatable where Wrapped: Equatable {}
extension FittedMatrixColumns: Hashable where Wrapped: Hashable {}

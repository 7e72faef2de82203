import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// Applies a different transformer to each group of columns of a `DataFrame` and joins the
/// results: numeric columns imputed and scaled, text columns one-hot encoded, dates expanded
/// into parts.
///
/// Each ``ColumnBranch`` selects columns by name, by kind or by pattern (``ColumnSelector``),
/// resolved when fitting, and fits its transformer — a frame transformer, a matrix
/// transformer (fed the columns' `toMatrix()`), or a chain of them — on those columns only.
/// The columns no branch selected go to ``remainder``: ``DropColumns`` (the default),
/// ``PassthroughColumns``, or any frame transformer. The output holds the branches' columns in
/// branch order, then the remainder's, named `"branch__column"` (and `"remainder__column"`)
/// when ``verboseFeatureNamesOut`` is true, or by the plain names otherwise.
///
/// At `transform`, columns are looked up by name: the frame may hold its columns in another
/// order and extra columns (ignored, as in scikit-learn); a column the model needs that is
/// missing throws `DataFrameError.unknownColumn` naming it, and one whose kind changed throws
/// `DataFrameError.wrongType` naming it.
///
/// scikit-learn: `sklearn.compose.ColumnTransformer` / `make_column_transformer` with
/// `make_column_selector`; defaults match (`remainder="drop"`,
/// `verbose_feature_names_out=True`).
///
///     let columns = ColumnTransformer {
///       ColumnBranch("numeric", .numeric) { MeanImputer(); StandardScaler() }
///       ColumnBranch("dates", .dates, DateParts())
///     }
///     let (fitted, output) = try columns.fitTransform(frame)
///     fitted.outputColumnNames   // ["numeric__age", ..., "dates__signup_year", ...]
public struct ColumnTransformer<Branches: ColumnBranches, Remainder: FrameTransformerEstimator>:
  Estimator, FrameTransformerEstimator
{
  /// The branches, in output order.
  public var branches: Branches
  /// What happens to the columns no branch selected.
  public var remainder: Remainder
  /// Prefix output names with the branch name, `"branch__column"` (scikit-learn's
  /// `verbose_feature_names_out`); default true.
  public var verboseFeatureNamesOut: Bool

  /// Creates a column transformer.
  ///
  /// - Parameters:
  ///   - branches: The branches.
  ///   - remainder: The transformer of the other columns.
  ///   - verboseFeatureNamesOut: Whether output names carry the branch name.
  public init(branches: Branches, remainder: Remainder, verboseFeatureNamesOut: Bool = true) {
    self.branches = branches
    self.remainder = remainder
    self.verboseFeatureNamesOut = verboseFeatureNamesOut
  }

  /// Creates a column transformer from branches written one per line.
  ///
  /// - Parameters:
  ///   - remainder: The transformer of the other columns.
  ///   - verboseFeatureNamesOut: Whether output names carry the branch name.
  ///   - branches: The branches.
  public init(
    remainder: Remainder, verboseFeatureNamesOut: Bool = true,
    @ColumnTransformerBuilder _ branches: () -> Branches
  ) {
    self.init(
      branches: branches(), remainder: remainder, verboseFeatureNamesOut: verboseFeatureNamesOut)
  }

  /// Validates every branch, the remainder, and the branch names (unique, not
  /// `"remainder"`, without `"__"`).
  ///
  /// - Throws: `LearnError.invalidParameter` naming the parameter.
  public func validateHyperparameters() throws {
    try branches.validateHyperparameters(estimator: "ColumnTransformer")
    try remainder.validateHyperparameters()
    let names = branches.branchSteps.map(\.name)
    for name in names where name.isEmpty || name.contains("__") || name == "remainder" {
      throw LearnError.invalidParameter(
        estimator: "ColumnTransformer", name: "transformers", value: "\"\(name)\"",
        expected: "branch names that are non-empty, not 'remainder' and without '__'")
    }
    if let repeated = firstRepeatedName(names) {
      throw LearnError.invalidParameter(
        estimator: "ColumnTransformer", name: "transformers", value: "\(names)",
        expected: "unique branch names; '\(repeated)' is used twice")
    }
  }

  /// Missing values are accepted (each branch decides).
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// `ColumnTransformer(branch: transformer, ..., remainder: ...)`.
  public var description: String {
    var parts = ["\(branches)"]
    if !(remainder is DropColumns) { parts.append("remainder: \(remainder)") }
    if !verboseFeatureNamesOut { parts.append("verboseFeatureNamesOut: false") }
    return "ColumnTransformer(\(parts.joined(separator: ", ")))"
  }

  /// Fits every branch on its columns and the remainder on the rest.
  ///
  /// - Parameter frame: The training frame.
  /// - Returns: The fitted column transformer.
  /// - Throws: as ``fitTransform(_:)``.
  public func fit(_ frame: DataFrame) throws -> FittedColumnTransformer<
    Branches.Fitted, Remainder.Fitted
  > {
    try fitTransform(frame).fitted
  }

  /// Fits every branch with its own `fitTransform` and joins the outputs.
  ///
  /// - Parameter frame: The training frame.
  /// - Returns: The fitted column transformer and its output.
  /// - Throws: `LearnError.emptyInput` for a frame without rows or columns;
  ///   `DataFrameError.unknownColumn` for a named column that is missing;
  ///   `LearnError.invalidParameter` for bad settings or, with `verboseFeatureNamesOut`
  ///   false, output names that repeat; whatever a branch throws.
  public func fitTransform(_ frame: DataFrame) throws -> (
    fitted: FittedColumnTransformer<Branches.Fitted, Remainder.Fitted>, output: DataFrame
  ) {
    try validateHyperparameters()
    guard frame.rowCount > 0, frame.columnCount > 0 else {
      throw LearnError.emptyInput(
        input: "X",
        reason: "found a frame with \(frame.rowCount) row(s) and \(frame.columnCount) column(s)")
    }
    let selections = try branches.resolveColumns(in: frame, estimator: "ColumnTransformer")
    let taken = Set(selections.joined())
    let rest = frame.columnNames.filter { !taken.contains($0) }
    let (fittedBranches, outputs) = try branches.fitBranches(frame, columns: selections[...])
    var fittedRemainder: Remainder.Fitted? = nil
    var remainderOutput = DataFrame()
    if !rest.isEmpty {
      let (r, out) = try remainder.fitTransform(frame.selecting(rest))
      fittedRemainder = r
      remainderOutput = out
    }
    let fitted = FittedColumnTransformer(
      branches: fittedBranches, remainder: fittedRemainder,
      inputColumnNames: frame.columnNames,
      inputKinds: frame.columns.map { ColumnKind($0.type) },
      verboseFeatureNamesOut: verboseFeatureNamesOut)
    if let repeated = firstRepeatedName(fitted.outputColumnNames) {
      throw LearnError.invalidParameter(
        estimator: "ColumnTransformer", name: "verboseFeatureNamesOut", value: "false",
        expected: "true, because the output name '\(repeated)' is not unique without prefixes")
    }
    return (fitted, try fitted.join(outputs + [remainderOutput]))
  }
}

extension ColumnTransformer where Remainder == DropColumns {
  /// Creates a column transformer that drops the columns no branch selects.
  ///
  /// - Parameters:
  ///   - verboseFeatureNamesOut: Whether output names carry the branch name.
  ///   - branches: The branches, one per line.
  public init(
    verboseFeatureNamesOut: Bool = true, @ColumnTransformerBuilder _ branches: () -> Branches
  ) {
    self.init(
      branches: branches(), remainder: DropColumns(),
      verboseFeatureNamesOut: verboseFeatureNamesOut)
  }
}

extension ColumnTransformer: Equatable where Branches: Equatable, Remainder: Equatable {}
extension ColumnTransformer: Hashable where Branches: Hashable, Remainder: Hashable {}

extension ColumnTransformer: StepContainer {
  /// The branches by name, then the remainder (`"remainder"`).
  public var namedSteps: [(keyPath: AnyKeyPath, name: String)] {
    let root: WritableKeyPath<Self, Branches> = \Self.branches
    var steps: [(keyPath: AnyKeyPath, name: String)] = branches.branchSteps.compactMap { step in
      guard let inner = step.keyPath else { return (root, step.name) }
      return (root as AnyKeyPath).appending(path: inner).map { ($0, step.name) }
    }
    steps.append((\Self.remainder, "remainder"))
    return steps
  }
}

/// A fitted ``ColumnTransformer``.
public struct FittedColumnTransformer<
  Branches: FittedColumnBranches, Remainder: FrameTransformer
>: FrameTransformer {
  /// The fitted branches.
  public let branches: Branches
  /// The fitted remainder, `nil` when every column went to a branch.
  public let remainder: Remainder?
  /// Every column of the training frame, in order (scikit-learn's `feature_names_in_`).
  public let inputColumnNames: [String]
  /// The kind of each training column.
  public let inputKinds: [ColumnKind]
  /// Whether output names carry the branch name.
  public let verboseFeatureNamesOut: Bool

  /// Joins fitted parts.
  ///
  /// - Parameters:
  ///   - branches: The fitted branches.
  ///   - remainder: The fitted remainder.
  ///   - inputColumnNames: The training columns.
  ///   - inputKinds: Their kinds.
  ///   - verboseFeatureNamesOut: Whether output names carry the branch name.
  public init(
    branches: Branches, remainder: Remainder?, inputColumnNames: [String],
    inputKinds: [ColumnKind], verboseFeatureNamesOut: Bool
  ) {
    self.branches = branches
    self.remainder = remainder
    self.inputColumnNames = inputColumnNames
    self.inputKinds = inputKinds
    self.verboseFeatureNamesOut = verboseFeatureNamesOut
  }

  /// The output names (scikit-learn's `get_feature_names_out()`).
  public var outputColumnNames: [String] {
    var names: [String] = []
    for (branch, outputs) in zip(branches.branchNames, branches.branchOutputColumns) {
      names += outputs.map { verboseFeatureNamesOut ? "\(branch)__\($0)" : $0 }
    }
    let rest = remainder?.outputColumnNames ?? []
    names += rest.map { verboseFeatureNamesOut ? "remainder__\($0)" : $0 }
    return names
  }

  /// The columns each branch reads, by branch name, then `"remainder"`.
  public var columnsByBranch: [(branch: String, columns: [String])] {
    Array(zip(branches.branchNames, branches.branchInputColumns)).map { ($0, $1) }
      + [("remainder", remainder?.inputColumnNames ?? [])]
  }

  /// Applies every branch and the remainder and joins the outputs.
  ///
  /// - Parameter frame: A frame holding every column the model reads (any order; extra
  ///   columns are ignored).
  /// - Returns: The joined output.
  /// - Throws: `DataFrameError.unknownColumn` naming a missing column,
  ///   `DataFrameError.wrongType` naming a column whose kind changed since fit, and whatever
  ///   a branch throws.
  public func transform(_ frame: DataFrame) throws -> DataFrame {
    try checkColumns(frame)
    var outputs = try branches.transformBranches(frame)
    outputs.append(try remainder?.transform(frame) ?? DataFrame())
    return try join(outputs)
  }

  /// ``transform(_:)`` as a matrix, the input of a final estimator.
  ///
  /// - Parameter frame: A frame holding every column the model reads.
  /// - Returns: The output as a matrix, columns in ``outputColumnNames`` order.
  /// - Throws: as ``transform(_:)``; `DataFrameError.wrongType` or `.nullValues` naming an
  ///   output column that is not numeric or has nulls.
  public func transformMatrix(_ frame: DataFrame) throws -> Matrix {
    try transform(frame).toMatrix()
  }

  /// Checks that every column the model reads is present with the kind it had during fit.
  private func checkColumns(_ frame: DataFrame) throws {
    var kinds: [String: ColumnKind] = [:]
    for (name, kind) in zip(inputColumnNames, inputKinds) { kinds[name] = kind }
    let needed = branches.branchInputColumns.joined() + (remainder?.inputColumnNames ?? [])
    for name in needed {
      let column = try frame.column(name)
      if let kind = kinds[name], ColumnKind(column.type) != kind {
        throw DataFrameError.wrongType(
          column: name, expected: "a \(kind.rawValue) column, as during fit", actual: column.type)
      }
    }
  }

  /// The branch outputs, renamed and joined in order.
  func join(_ outputs: [DataFrame]) throws -> DataFrame {
    let names = outputColumnNames
    var columns: [Column] = []
    columns.reserveCapacity(names.count)
    for output in outputs { columns += output.columns }
    guard columns.count == names.count else {
      throw LearnError.lengthMismatch(
        input: "ColumnTransformer output columns", expected: names.count, got: columns.count)
    }
    for i in columns.indices { columns[i].name = names[i] }
    return try DataFrame(columns)
  }

  enum CodingKeys: String, CodingKey {
    case branches, remainder, inputColumnNames, inputKinds, verboseFeatureNamesOut
  }

  /// Decodes and checks that every column a branch reads was seen during fit.
  ///
  /// - Throws: `DecodingError` when the parts do not fit together.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let branches = try c.decode(Branches.self, forKey: .branches)
    let remainder = try c.decodeIfPresent(Remainder.self, forKey: .remainder)
    let inputs = try c.decode([String].self, forKey: .inputColumnNames)
    let kinds = try c.decode([ColumnKind].self, forKey: .inputKinds)
    let known = Set(inputs)
    let read = branches.branchInputColumns.joined() + (remainder?.inputColumnNames ?? [])
    try requireDecoded(
      kinds.count == inputs.count && read.allSatisfy(known.contains),
      "the branches read columns that were not seen during fit", codingPath: c.codingPath)
    self.init(
      branches: branches, remainder: remainder, inputColumnNames: inputs, inputKinds: kinds,
      verboseFeatureNamesOut: try c.decode(Bool.self, forKey: .verboseFeatureNamesOut))
  }

  /// Encodes every part.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(branches, forKey: .branches)
    try c.encodeIfPresent(remainder, forKey: .remainder)
    try c.encode(inputColumnNames, forKey: .inputColumnNames)
    try c.encode(inputKinds, forKey: .inputKinds)
    try c.encode(verboseFeatureNamesOut, forKey: .verboseFeatureNamesOut)
  }
}

extension FittedColumnTransformer: Equatable where Branches: Equatable, Remainder: Equatable {}
extension FittedColumnTransformer: Hashable where Branches: Hashable, Remainder: Hashable {}

import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// Encodes each categorical column as one column of category indices `0..<k`.
///
/// Categories are sorted like scikit-learn's `categories_`; a missing value (null, or NaN in a
/// numeric column) is encoded as ``encodedMissingValue`` (NaN by default), and an unseen
/// category either throws or becomes ``unknownValue``.
///
/// scikit-learn: `sklearn.preprocessing.OrdinalEncoder` with `categories="auto"` and
/// `dtype=float64`; defaults match scikit-learn 1.9 (`handle_unknown="error"`,
/// `unknown_value=None`, `encoded_missing_value=np.nan`). Infrequent-category grouping
/// (`min_frequency`, `max_categories`) is not offered here.
///
///     let codes = try OrdinalEncoder().fit(frame).transform(frame)
///
/// - Complexity: O(n·d) hashing to fit and to transform.
public struct OrdinalEncoder: FrameTransformerEstimator, TransformerEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// What `transform` does with a category not seen during fit (scikit-learn's
  /// `handle_unknown`).
  public enum HandleUnknown: String, Sendable, Hashable, Codable, CaseIterable {
    /// Throw `LearnError.unknownCategory`.
    case error
    /// Encode it as ``OrdinalEncoder/unknownValue``.
    case useEncodedValue = "use_encoded_value"
  }

  /// What to do with unseen categories.
  public var handleUnknown: HandleUnknown
  /// The code of unseen categories: required (an integer or NaN) with `.useEncodedValue`, and
  /// must be `nil` with `.error` (scikit-learn's `unknown_value`).
  public var unknownValue: Double?
  /// The code of missing values (scikit-learn's `encoded_missing_value`).
  public var encodedMissingValue: Double

  /// Creates an encoder; every argument defaults to scikit-learn's value.
  public init(
    handleUnknown: HandleUnknown = .error, unknownValue: Double? = nil,
    encodedMissingValue: Double = .nan
  ) {
    self.handleUnknown = handleUnknown
    self.unknownValue = unknownValue
    self.encodedMissingValue = encodedMissingValue
  }

  public init() { self.init(handleUnknown: .error) }

  /// Missing values get ``encodedMissingValue``.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Checks that ``unknownValue`` matches ``handleUnknown`` and that codes are integers or NaN.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `unknownValue` or `encodedMissingValue`.
  public func validateHyperparameters() throws {
    switch handleUnknown {
    case .error:
      if let unknownValue {
        throw LearnError.invalidParameter(
          estimator: "OrdinalEncoder", name: "unknownValue", value: "\(unknownValue)",
          expected: "nil unless handleUnknown is .useEncodedValue")
      }
    case .useEncodedValue:
      guard let v = unknownValue, v.isNaN || (v.isFinite && v.rounded() == v) else {
        throw LearnError.invalidParameter(
          estimator: "OrdinalEncoder", name: "unknownValue",
          value: "\(String(describing: unknownValue))",
          expected: "an integer or NaN when handleUnknown is .useEncodedValue")
      }
    }
    let m = encodedMissingValue
    guard m.isNaN || (m.isFinite && m.rounded() == m) else {
      throw LearnError.invalidParameter(
        estimator: "OrdinalEncoder", name: "encodedMissingValue", value: "\(m)",
        expected: "an integer or NaN")
    }
  }

  /// Learns the categories of every column of `frame`.
  ///
  /// - Parameter frame: The training columns (string, categorical, int, double or bool).
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.invalidParameter` (also when ``unknownValue`` or
  ///   ``encodedMissingValue`` collides with a category code), `LearnError.emptyInput`,
  ///   `LearnError.wrongColumnType` for a date column.
  public func fit(_ frame: DataFrame) throws -> Fitted {
    try validateHyperparameters()
    try requireNonEmpty(frame)
    let columns = try frame.columnNames.map { try readCategories(frame, column: $0) }
    return try fit(columns: columns, names: frame.columnNames)
  }

  /// Learns the distinct values of every column of `x` as its categories.
  ///
  /// - Parameter x: Numeric samples; NaN is the missing value.
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.nonFinite` for ±infinity.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let names = (0..<x.columnCount).map { "x\($0)" }
    return try fit(columns: matrixCategories(x).map { ($0, .double) }, names: names)
  }

  func fit(columns: [(RawCategories, CategoryKind)], names: [String]) throws -> Fitted {
    let categories = columns.enumerated().map { k, column in
      CategoryLevels.learn(column: names[k], values: column.0, kind: column.1, withCodes: false)
        .levels
    }
    for levels in categories {
      let cardinality = levels.count - (levels.includesMissing ? 1 : 0)
      if handleUnknown == .useEncodedValue, let v = unknownValue, v >= 0, v < Double(cardinality) {
        throw LearnError.invalidParameter(
          estimator: "OrdinalEncoder", name: "unknownValue", value: "\(v)",
          expected: "a value not used for a seen category of column '\(levels.column)'")
      }
      let m = encodedMissingValue
      if levels.includesMissing, m >= 0, m < Double(cardinality) {
        throw LearnError.invalidParameter(
          estimator: "OrdinalEncoder", name: "encodedMissingValue", value: "\(m)",
          expected: "a value not used for a seen category of column '\(levels.column)'")
      }
    }
    return Fitted(
      categories: categories, handleUnknown: handleUnknown, unknownValue: unknownValue,
      encodedMissingValue: encodedMissingValue)
  }

  /// The fitted state of an ``OrdinalEncoder``.
  public struct Fitted: FrameTransformer, Transformer, Hashable {
    /// The categories of each input column (scikit-learn's `categories_`).
    public let categories: [CategoryLevels]
    /// What to do with unseen categories.
    public let handleUnknown: HandleUnknown
    /// The code of unseen categories.
    public let unknownValue: Double?
    /// The code of missing values.
    public let encodedMissingValue: Double

    init(
      categories: [CategoryLevels], handleUnknown: HandleUnknown, unknownValue: Double?,
      encodedMissingValue: Double
    ) {
      self.categories = categories
      self.handleUnknown = handleUnknown
      self.unknownValue = unknownValue
      self.encodedMissingValue = encodedMissingValue
    }

    /// Decodes a saved encoder and re-checks that it has columns.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let categories = try c.decode([CategoryLevels].self, forKey: .categories)
      try requireDecoded(!categories.isEmpty, "no columns", codingPath: c.codingPath)
      self.init(
        categories: categories,
        handleUnknown: try c.decode(HandleUnknown.self, forKey: .handleUnknown),
        unknownValue: try c.decodeIfPresent(Double.self, forKey: .unknownValue),
        encodedMissingValue: try c.decode(Double.self, forKey: .encodedMissingValue))
    }

    /// The columns seen during fit, in order.
    public var inputColumnNames: [String] { categories.map(\.column) }
    /// The same names: one code column per input column.
    public var outputColumnNames: [String] { inputColumnNames }
    /// One output column per input column.
    public var outputFeatureCount: Int { categories.count }

    /// The input names unchanged.
    ///
    /// - Parameter inputFeatures: Input names; `nil` uses the fitted column names.
    /// - Throws: `LearnError.lengthMismatch` for a wrong number of names.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      try Validate.featureNames(inputFeatures ?? inputColumnNames, featureCount: categories.count)
    }

    /// The code columns, column-major.
    func codes(_ columns: [RawCategories]) throws -> [[Double]] {
      try categories.indices.map { k in
        let levels = categories[k]
        let (codes, firstUnknown) = levels.encode(columns[k])
        if let firstUnknown, handleUnknown == .error {
          throw LearnError.unknownCategory(
            column: levels.column, value: levels.describe(columns[k], row: firstUnknown))
        }
        let missing = levels.missingIndex ?? -1
        let unknown = unknownValue ?? .nan
        return codes.map { c in
          let code = Int(c)
          if code < 0 { return unknown }
          if code == missing { return encodedMissingValue }
          return Double(code)
        }
      }
    }

    /// One code column per input column.
    ///
    /// - Parameter frame: A frame holding every column in ``inputColumnNames``.
    /// - Returns: The codes, as double columns of the same names.
    /// - Throws: `LearnError.missingColumn`, `LearnError.wrongColumnType`,
    ///   `LearnError.unknownCategory` with `handleUnknown == .error`, `LearnError.emptyInput`.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      let columns = try readFittedColumns(frame, categories)
      guard frame.rowCount >= 1 else {
        throw LearnError.emptyInput(input: "X", reason: "the frame has no rows")
      }
      return try makeFrame(names: outputColumnNames, columns: codes(columns))
    }

    /// The codes of a numeric matrix.
    ///
    /// - Parameter x: Numeric samples with the fitted number of columns.
    /// - Returns: The codes.
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity,
    ///   `LearnError.wrongColumnType` when fitted on text, `LearnError.unknownCategory`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      for levels in categories { try levels.requireCompatible(.double) }
      let columns = try codes(matrixCategories(x))
      let n = x.rowCount
      let d = columns.count
      var out = [Double](repeating: 0, count: n * d)
      for k in 0..<d {
        for i in 0..<n { out[i * d + k] = columns[k][i] }
      }
      return Matrix(unchecked: n, d, out)
    }
  }
}

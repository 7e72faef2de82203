import DataFrame
import SwiftLearnCore

/// Replaces each category by how often it occurred during fit: a count or a fraction of rows.
///
/// Missing values (null, or NaN in a numeric column) are a category of their own. Categories
/// not seen during fit get ``unknownValue`` (0 by default: they were seen zero times).
///
/// Not in scikit-learn (it is `category_encoders.CountEncoder` elsewhere); documented in
/// `Docs/Preprocessing.md`. Useful for high-cardinality columns feeding tree models.
///
///     let freq = try FrequencyEncoder(output: .fraction).fit(frame).transform(frame)
///
/// - Complexity: O(n·d) hashing to fit and to transform.
public struct FrequencyEncoder: FrameTransformerEstimator, Estimator, DefaultInitializable,
  Hashable, Codable
{
  /// What each category is replaced by.
  public enum Output: String, Sendable, Hashable, Codable, CaseIterable {
    /// The number of training rows holding the category.
    case count
    /// That number divided by the number of training rows.
    case fraction
  }

  /// Counts or fractions.
  public var output: Output
  /// The value given to categories not seen during fit.
  public var unknownValue: Double

  /// Creates an encoder: counts, and 0 for unseen categories.
  public init(output: Output = .count, unknownValue: Double = 0) {
    self.output = output
    self.unknownValue = unknownValue
  }

  public init() { self.init(output: .count) }

  /// Checks that ``unknownValue`` is finite.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `unknownValue`.
  public func validateHyperparameters() throws {
    guard unknownValue.isFinite else {
      throw LearnError.invalidParameter(
        estimator: "FrequencyEncoder", name: "unknownValue", value: "\(unknownValue)",
        expected: "a finite number")
    }
  }

  /// Counts the categories of every column of `frame`.
  ///
  /// - Parameter frame: The training columns (string, categorical, int, double or bool).
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.wrongColumnType` for a date column.
  public func fit(_ frame: DataFrame) throws -> Fitted {
    try validateHyperparameters()
    try requireNonEmpty(frame)
    var categories: [CategoryLevels] = []
    var frequencies: [[Double]] = []
    let n = Double(frame.rowCount)
    for name in frame.columnNames {
      let (values, kind) = try readCategories(frame, column: name)
      let learned = CategoryLevels.learn(column: name, values: values, kind: kind)
      categories.append(learned.levels)
      frequencies.append(learned.counts.map { output == .count ? Double($0) : Double($0) / n })
    }
    return Fitted(categories: categories, frequencies: frequencies, unknownValue: unknownValue)
  }

  /// The fitted state of a ``FrequencyEncoder``.
  public struct Fitted: FrameTransformer, Hashable {
    /// The categories of each input column.
    public let categories: [CategoryLevels]
    /// Per column, the count or fraction of each category, in ``categories`` order.
    public let frequencies: [[Double]]
    /// The value of unseen categories.
    public let unknownValue: Double

    init(categories: [CategoryLevels], frequencies: [[Double]], unknownValue: Double) {
      self.categories = categories
      self.frequencies = frequencies
      self.unknownValue = unknownValue
    }

    /// Decodes a saved encoder and re-checks that every column has one frequency per category.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let categories = try c.decode([CategoryLevels].self, forKey: .categories)
      let frequencies = try c.decode([[Double]].self, forKey: .frequencies)
      try requireDecoded(
        !categories.isEmpty && frequencies.count == categories.count
          && zip(categories, frequencies).allSatisfy { $0.count == $1.count },
        "frequencies do not match the categories", codingPath: c.codingPath)
      self.init(
        categories: categories, frequencies: frequencies,
        unknownValue: try c.decode(Double.self, forKey: .unknownValue))
    }

    /// The columns seen during fit, in order.
    public var inputColumnNames: [String] { categories.map(\.column) }
    /// The same names: one frequency column per input column.
    public var outputColumnNames: [String] { inputColumnNames }

    /// Replaces every category by its frequency.
    ///
    /// - Parameter frame: A frame holding every column in ``inputColumnNames``.
    /// - Returns: Double columns of the same names.
    /// - Throws: `LearnError.missingColumn`, `LearnError.wrongColumnType`, `LearnError.emptyInput`.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      let columns = try readFittedColumns(frame, categories)
      guard frame.rowCount >= 1 else {
        throw LearnError.emptyInput(input: "X", reason: "the frame has no rows")
      }
      let out = categories.indices.map { k in
        categories[k].encode(columns[k]).codes.map { c in
          c >= 0 ? frequencies[k][Int(c)] : unknownValue
        }
      }
      return try makeFrame(names: outputColumnNames, columns: out)
    }
  }
}

import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// Encodes categorical columns as one 0/1 column per category.
///
/// Categories are learned per column and sorted like scikit-learn's `categories_` (text by
/// code point, numbers ascending); a missing value (null, or NaN in a numeric column) is a
/// category of its own, placed last and named `nan`. Output columns are named
/// `<column>_<category>` (`city_Paris`), rare categories can be grouped into one
/// `<column>_infrequent_sklearn` column, and one category per column can be dropped.
///
/// scikit-learn: `sklearn.preprocessing.OneHotEncoder` with `categories="auto"` and
/// `sparse_output=False` (the output here is always dense); defaults match scikit-learn 1.9
/// (`drop=None`, `handle_unknown="error"`, no infrequent grouping).
///
///     let encoder = try OneHotEncoder(handleUnknown: .ignore).fit(frame)
///     let encoded = try encoder.transform(frame)   // city_Lima, city_Oslo, city_Paris, ...
///
/// It works on a `DataFrame` (strings, categoricals, numbers, booleans) and, like scikit-learn,
/// on a numeric `Matrix`, whose distinct values are the categories.
///
/// - Complexity: O(n·d) hashing to fit and to transform, plus O(k log k) sorting per column.
public struct OneHotEncoder: FrameTransformerEstimator, TransformerEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// What `transform` does with a category not seen during fit (scikit-learn's
  /// `handle_unknown`).
  public enum HandleUnknown: String, Sendable, Hashable, Codable, CaseIterable {
    /// Throw `LearnError.unknownCategory` naming the column and the value.
    case error
    /// Encode the row as all zeros for that column.
    case ignore
    /// Encode it as the infrequent category when the column has one, else as all zeros.
    case infrequentIfExist = "infrequent_if_exist"
  }

  /// Which category of each column to leave out (scikit-learn's `drop`).
  public enum Drop: Sendable, Hashable, Codable {
    /// Drop the first category of every column.
    case first
    /// Drop the first category of columns with exactly two categories.
    case ifBinary
    /// Drop the named category of each column, one entry per column, matched against the
    /// printed category (`"Paris"`, `"3"`, `"nan"` for the missing category).
    case explicit([String])
  }

  /// The threshold below which a category is infrequent (scikit-learn's `min_frequency`).
  public enum MinFrequency: Sendable, Hashable, Codable {
    /// Categories seen fewer than this many times (at least 1).
    case count(Int)
    /// Categories seen in less than this fraction of the rows, in `(0, 1)`.
    case fraction(Double)
  }

  /// Which category to drop per column; `nil` keeps them all.
  public var drop: Drop?
  /// What to do with unseen categories at transform.
  public var handleUnknown: HandleUnknown
  /// Group categories rarer than this into one infrequent category; `nil` disables it.
  public var minFrequency: MinFrequency?
  /// The most output columns per input column, the infrequent one included (at least 1);
  /// `nil` means no limit (scikit-learn's `max_categories`).
  public var maxCategories: Int?

  /// Creates an encoder; every argument defaults to scikit-learn's value.
  public init(
    drop: Drop? = nil, handleUnknown: HandleUnknown = .error, minFrequency: MinFrequency? = nil,
    maxCategories: Int? = nil
  ) {
    self.drop = drop
    self.handleUnknown = handleUnknown
    self.minFrequency = minFrequency
    self.maxCategories = maxCategories
  }

  public init() { self.init(drop: nil) }

  /// Missing values are a category of their own.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Checks `minFrequency` and `maxCategories`.
  ///
  /// - Throws: `LearnError.invalidParameter` naming the parameter.
  public func validateHyperparameters() throws {
    switch minFrequency {
    case let .count(k)?:
      try Check.count(k, atLeast: 1, estimator: "OneHotEncoder", name: "minFrequency")
    case let .fraction(f)?:
      guard f > 0, f < 1 else {
        throw LearnError.invalidParameter(
          estimator: "OneHotEncoder", name: "minFrequency", value: "\(f)",
          expected: "a fraction in (0, 1) or a count >= 1")
      }
    case nil: break
    }
    if let maxCategories {
      try Check.count(maxCategories, atLeast: 1, estimator: "OneHotEncoder", name: "maxCategories")
    }
  }

  var infrequentEnabled: Bool { minFrequency != nil || maxCategories != nil }

  /// Learns the categories of every column of `frame`.
  ///
  /// - Parameter frame: The training columns (string, categorical, int, double or bool).
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.invalidParameter` (also for a `drop` category not seen, or one that is
  ///   infrequent), `LearnError.emptyInput`, `LearnError.wrongColumnType` for a date column.
  public func fit(_ frame: DataFrame) throws -> Fitted {
    try validateHyperparameters()
    try requireNonEmpty(frame)
    let names = frame.columnNames
    let n = frame.rowCount
    let learned = try concurrentMap(
      names.count, parallel: worthParallel(rows: n, columns: names.count)
    ) { k in
      let (values, kind) = try readCategories(frame, column: names[k])
      return try self.learn(values, kind: kind, name: names[k], rowCount: n)
    }
    return try finish(learned)
  }

  func learn(_ values: RawCategories, kind: CategoryKind, name: String, rowCount n: Int) throws
    -> (CategoryLevels, [Int]?)
  {
    let learned = CategoryLevels.learn(
      column: name, values: values, kind: kind, withCodes: infrequentEnabled)
    return (
      learned.levels,
      infrequentEnabled ? infrequentMapping(counts: learned.counts, rowCount: n) : nil
    )
  }

  func finish(_ learned: [(CategoryLevels, [Int]?)]) throws -> Fitted {
    let categories = learned.map(\.0)
    let mappings = learned.map(\.1)
    let dropIndex = try dropIndices(categories, mappings)
    return Fitted(
      categories: categories, infrequentMappings: mappings, dropIndices: dropIndex,
      handleUnknown: handleUnknown)
  }

  /// Learns the distinct values of every column of `x` as its categories.
  ///
  /// - Parameter x: Numeric samples; NaN is the missing category.
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.nonFinite` for ±infinity.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    let names = (0..<x.columnCount).map { "x\($0)" }
    return try fit(
      columns: matrixCategories(x).map { ($0, .double) }, names: names, rowCount: x.rowCount)
  }

  func fit(columns: [(RawCategories, CategoryKind)], names: [String], rowCount n: Int) throws
    -> Fitted
  {
    try finish(
      columns.indices.map { k in
        try learn(columns[k].0, kind: columns[k].1, name: names[k], rowCount: n)
      })
  }

  /// scikit-learn's `_identify_infrequent` turned into a map from category index to output
  /// index: frequent categories keep their order, infrequent ones share the last index.
  func infrequentMapping(counts: [Int], rowCount n: Int) -> [Int]? {
    var infrequent = [Bool](repeating: false, count: counts.count)
    switch minFrequency {
    case let .count(k)?: for i in counts.indices { infrequent[i] = counts[i] < k }
    case let .fraction(f)?:
      let threshold = Double(n) * f
      for i in counts.indices { infrequent[i] = Double(counts[i]) < threshold }
    case nil: break
    }
    let currentFeatures = counts.count - infrequent.filter { $0 }.count + 1
    if let maxCategories, maxCategories < currentFeatures {
      let frequentCount = maxCategories - 1
      if frequentCount == 0 {
        infrequent = [Bool](repeating: true, count: counts.count)
      } else {
        // A stable sort by count; all but the `frequentCount` largest become infrequent.
        let order = counts.indices.sorted { (counts[$0], $0) < (counts[$1], $1) }
        for i in order.prefix(max(0, counts.count - frequentCount)) { infrequent[i] = true }
      }
    }
    guard infrequent.contains(true) else { return nil }
    let frequentCount = infrequent.filter { !$0 }.count
    var mapping = [Int](repeating: frequentCount, count: counts.count)
    var next = 0
    for i in counts.indices where !infrequent[i] {
      mapping[i] = next
      next += 1
    }
    return mapping
  }

  /// scikit-learn's `_set_drop_idx`: the dropped index per column after infrequent grouping.
  func dropIndices(_ categories: [CategoryLevels], _ mappings: [[Int]?]) throws -> [Int?] {
    let d = categories.count
    switch drop {
    case nil: return [Int?](repeating: nil, count: d)
    case .first?: return [Int?](repeating: 0, count: d)
    case .ifBinary?:
      return (0..<d).map { k in
        let width = mappings[k].map { ($0.max() ?? 0) + 1 } ?? categories[k].count
        return width == 2 ? 0 : nil
      }
    case let .explicit(values)?:
      guard values.count == d else {
        throw LearnError.invalidParameter(
          estimator: "OneHotEncoder", name: "drop", value: "\(values)",
          expected: "one category per column (\(d))")
      }
      return try (0..<d).map { k in
        guard let index = categories[k].labels.firstIndex(of: values[k]) else {
          throw LearnError.invalidParameter(
            estimator: "OneHotEncoder", name: "drop", value: values[k],
            expected: "a category seen in column '\(categories[k].column)'")
        }
        guard let mapping = mappings[k] else { return index }
        // Infrequent categories all map to the last (largest) output index.
        if mapping[index] == (mapping.max() ?? 0) {
          throw LearnError.invalidParameter(
            estimator: "OneHotEncoder", name: "drop", value: values[k],
            expected: "a frequent category of column '\(categories[k].column)'")
        }
        return mapping[index]
      }
    }
  }

  /// The fitted state of a ``OneHotEncoder``.
  public struct Fitted: FrameTransformer, Transformer, Hashable {
    /// The categories of each input column (scikit-learn's `categories_`).
    public let categories: [CategoryLevels]
    /// Per column, the output index of each category when infrequent categories are grouped.
    public let infrequentMappings: [[Int]?]
    /// Per column, the dropped output index (after grouping), or `nil`.
    public let dropIndices: [Int?]
    /// What to do with unseen categories.
    public let handleUnknown: HandleUnknown

    init(
      categories: [CategoryLevels], infrequentMappings: [[Int]?], dropIndices: [Int?],
      handleUnknown: HandleUnknown
    ) {
      self.categories = categories
      self.infrequentMappings = infrequentMappings
      self.dropIndices = dropIndices
      self.handleUnknown = handleUnknown
    }

    /// Decodes a saved encoder and re-checks that the per-column arrays agree.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let categories = try c.decode([CategoryLevels].self, forKey: .categories)
      let mappings = try c.decode([[Int]?].self, forKey: .infrequentMappings)
      let drops = try c.decode([Int?].self, forKey: .dropIndices)
      let path = c.codingPath
      try requireDecoded(!categories.isEmpty, "no columns", codingPath: path)
      try requireDecoded(
        mappings.count == categories.count && drops.count == categories.count,
        "per-column arrays disagree", codingPath: path)
      for k in categories.indices {
        if let m = mappings[k] {
          try requireDecoded(
            m.count == categories[k].count && m.allSatisfy { $0 >= 0 && $0 < m.count },
            "bad infrequent mapping", codingPath: path)
        }
      }
      self.init(
        categories: categories, infrequentMappings: mappings, dropIndices: drops,
        handleUnknown: try c.decode(HandleUnknown.self, forKey: .handleUnknown))
      for k in categories.indices {
        if let drop = drops[k] {
          try requireDecoded(
            drop >= 0 && drop < groupedCount(k), "bad drop index", codingPath: path)
        }
      }
    }

    /// The number of categories of column `k` after infrequent grouping, before dropping.
    func groupedCount(_ k: Int) -> Int {
      infrequentMappings[k].map { ($0.max() ?? 0) + 1 } ?? categories[k].count
    }

    /// The printed categories of column `k` after grouping and dropping (scikit-learn's
    /// `_compute_transformed_categories`).
    func outputLabels(_ k: Int) -> [String] {
      var labels = categories[k].labels
      if let mapping = infrequentMappings[k] {
        let infrequent = (mapping.max() ?? 0)
        labels = zip(labels, mapping).filter { $0.1 < infrequent }.map(\.0)
        labels.append("infrequent_sklearn")
      }
      if let drop = dropIndices[k] { labels.remove(at: drop) }
      return labels
    }

    /// The columns seen during fit, in order.
    public var inputColumnNames: [String] { categories.map(\.column) }
    /// `<column>_<category>` for every output column.
    public var outputColumnNames: [String] {
      (try? featureNamesOut(inputColumnNames)) ?? []
    }
    /// The number of output columns.
    public var outputFeatureCount: Int {
      categories.indices.reduce(0) { $0 + outputLabels($1).count }
    }

    /// The categories that were grouped as infrequent, per column (scikit-learn's
    /// `infrequent_categories_`); `nil` for columns without any.
    public var infrequentCategories: [[String]?] {
      categories.indices.map { k in
        guard let mapping = infrequentMappings[k] else { return nil }
        let infrequent = mapping.max() ?? 0
        return zip(categories[k].labels, mapping).filter { $0.1 == infrequent }.map(\.0)
      }
    }

    /// `<name>_<category>` per output column (scikit-learn's `get_feature_names_out`).
    ///
    /// - Parameter inputFeatures: Input names; `nil` uses the fitted column names.
    /// - Throws: `LearnError.lengthMismatch` for a wrong number of names.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(
        inputFeatures ?? inputColumnNames, featureCount: categories.count)
      var out: [String] = []
      for k in categories.indices {
        for label in outputLabels(k) { out.append("\(names[k])_\(label)") }
      }
      return out
    }

    /// For each input column, each row's output index within that column's block (`-1` for
    /// none: dropped, or unknown and ignored).
    func blockCodes(_ columns: [RawCategories]) throws -> [[Int32]] {
      try categories.indices.map { k in try blockCodes(k, columns[k]) }
    }

    /// ``blockCodes(_:)`` for input column `k`.
    func blockCodes(_ k: Int, _ values: RawCategories) throws -> [Int32] {
      do {
        let levels = categories[k]
        let encoded = levels.encode(values)
        var codes = encoded.codes
        if let firstUnknown = encoded.firstUnknown, handleUnknown == .error {
          throw LearnError.unknownCategory(
            column: levels.column,
            value: levels.describe(values, row: firstUnknown))
        }
        // Category index → block index, after infrequent grouping and dropping.
        let width = levels.count
        let mapping = infrequentMappings[k] ?? Array(0..<width)
        let drop = dropIndices[k] ?? Int.max
        let table: [Int32] = mapping.map { code in
          code == drop ? -1 : Int32(code > drop ? code - 1 : code)
        }
        var unknown: Int32 = -1
        if handleUnknown == .infrequentIfExist, let m = infrequentMappings[k] {
          let infrequent = m.max() ?? 0
          unknown = infrequent == drop ? -1 : Int32(infrequent > drop ? infrequent - 1 : infrequent)
        }
        codes.withUnsafeMutableBufferPointer { c in
          table.withUnsafeBufferPointer { t in
            for i in 0..<c.count {
              let code = Int(c[i])
              c[i] = code >= 0 && code < t.count ? t[code] : unknown
            }
          }
        }
        return codes
      }
    }

    /// One 0/1 column per output category, named like ``outputColumnNames``.
    ///
    /// - Parameter frame: A frame holding every column in ``inputColumnNames`` (others are
    ///   ignored).
    /// - Returns: The encoded columns.
    /// - Throws: `LearnError.missingColumn`, `LearnError.wrongColumnType` (text fitted, numbers
    ///   given or the reverse), `LearnError.unknownCategory` with `handleUnknown == .error`,
    ///   `LearnError.emptyInput` for zero rows.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      for levels in categories where frame[levels.column] == nil {
        throw LearnError.missingColumn(name: levels.column)
      }
      let n = frame.rowCount
      let d = categories.count
      let blocks = try concurrentMap(d, parallel: worthParallel(rows: n, columns: d)) { k in
        let levels = self.categories[k]
        let (raw, kind) = try readCategories(frame, column: levels.column)
        try levels.requireCompatible(kind)
        let codes = try self.blockCodes(k, raw)
        return codes.withUnsafeBufferPointer { codes in
          (0..<Int32(self.outputLabels(k).count)).map { q in
            [Double](unsafeUninitializedCapacity: n) { out, initialized in
              for i in 0..<n { out[i] = codes[i] == q ? 1 : 0 }
              initialized = n
            }
          }
        }
      }
      guard n >= 1 else {
        throw LearnError.emptyInput(input: "X", reason: "the frame has no rows")
      }
      let values = blocks.flatMap { $0 }
      return try makeFrame(names: outputColumnNames, columns: values)
    }

    /// One 0/1 column per output category.
    ///
    /// - Parameter x: Numeric samples with the fitted number of columns; NaN is the missing
    ///   category.
    /// - Returns: The encoded matrix.
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.nonFinite` for ±infinity,
    ///   `LearnError.wrongColumnType` when the encoder was fitted on text,
    ///   `LearnError.unknownCategory`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      for levels in categories { try levels.requireCompatible(.double) }
      let blocks = try blockCodes(matrixCategories(x))
      let width = outputFeatureCount
      let n = x.rowCount
      var out = [Double](repeating: 0, count: n * width)
      var offset = 0
      for k in categories.indices {
        for i in 0..<n where blocks[k][i] >= 0 { out[i * width + offset + Int(blocks[k][i])] = 1 }
        offset += outputLabels(k).count
      }
      return Matrix(unchecked: n, width, out)
    }
  }
}

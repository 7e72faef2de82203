import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// Maps symbolic features to a fixed number of columns with a hash (the "hashing trick").
///
/// Each feature name is hashed with 32-bit MurmurHash3 (seed 0) over its UTF-8 bytes, exactly
/// as scikit-learn does, so column indices and signs match scikit-learn's: the column is
/// `|h| mod featureCount` and, with ``alternateSign``, the value is negated when `h < 0`. A
/// string value `v` of feature `f` becomes the feature `"f=v"` with value 1; zero values are
/// skipped; colliding features add up.
///
/// scikit-learn: `sklearn.feature_extraction.FeatureHasher`; defaults match scikit-learn 1.9
/// (`n_features=2**20`, `alternate_sign=True`). Output is dense here, so choose a modest
/// ``featureCount``. The three input forms of scikit-learn's `input_type` are the three
/// `transform` overloads (dictionaries, pairs, strings); on a `DataFrame`, each row is the
/// dictionary of its non-null cells (text cells give `"column=value"`, numeric cells their value).
///
///     let hasher = FeatureHasher(featureCount: 16)
///     let x = try hasher.transform(strings: [["dog", "cat"], ["fish"]])
///
/// - Complexity: O(total number of features) plus O(n·featureCount) for the dense output.
public struct FeatureHasher: FrameTransformerEstimator, Estimator, DefaultInitializable, Hashable,
  Codable
{
  /// The number of output columns (scikit-learn's `n_features`), at least 1.
  public var featureCount: Int
  /// Give hashed features alternating signs to keep inner products unbiased (scikit-learn's
  /// `alternate_sign`).
  public var alternateSign: Bool

  /// Creates a hasher; every argument defaults to scikit-learn's value.
  public init(featureCount: Int = 1 << 20, alternateSign: Bool = true) {
    self.featureCount = featureCount
    self.alternateSign = alternateSign
  }

  public init() { self.init(featureCount: 1 << 20) }

  /// Checks that ``featureCount`` is between 1 and `2³¹ - 1`.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `featureCount`.
  public func validateHyperparameters() throws {
    guard featureCount >= 1, featureCount <= Int(Int32.max) else {
      throw LearnError.invalidParameter(
        estimator: "FeatureHasher", name: "featureCount", value: "\(featureCount)",
        expected: "an integer in 1...2147483647")
    }
  }

  /// The column and sign of a feature name.
  func slot(_ name: String) -> (column: Int, sign: Double) {
    let h = murmurHash3(Array(name.utf8), seed: 0)
    let column: Int
    if h == Int32.min {
      column = (Int(Int32.max) - (featureCount - 1)) % featureCount
    } else {
      column = Int(h.magnitude) % featureCount
    }
    return (column, alternateSign && h < 0 ? -1 : 1)
  }

  /// Hashes rows of `(name, value)` pairs (scikit-learn's `input_type="pair"`).
  ///
  /// - Parameter pairs: One list of `(feature name, value)` per sample.
  /// - Returns: `pairs.count × featureCount`.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput` for no samples.
  public func transform(pairs: [[(String, Double)]]) throws -> Matrix {
    try validateHyperparameters()
    guard !pairs.isEmpty else {
      throw LearnError.emptyInput(input: "X", reason: "cannot vectorize an empty sequence")
    }
    let width = featureCount
    var out = [Double](repeating: 0, count: pairs.count * width)
    for (i, row) in pairs.enumerated() {
      for (name, value) in row where value != 0 {
        let (column, sign) = slot(name)
        out[i * width + column] += sign * value
      }
    }
    return Matrix(unchecked: pairs.count, width, out)
  }

  /// Hashes rows of feature dictionaries (scikit-learn's default `input_type="dict"`).
  ///
  /// - Parameter dictionaries: One `[feature name: value]` per sample.
  /// - Returns: `dictionaries.count × featureCount`.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput` for no samples.
  public func transform(dictionaries: [[String: Double]]) throws -> Matrix {
    try transform(pairs: dictionaries.map { $0.map { ($0.key, $0.value) } })
  }

  /// Hashes rows of feature names, each with value 1 (scikit-learn's `input_type="string"`).
  ///
  /// - Parameter strings: One list of feature names per sample.
  /// - Returns: `strings.count × featureCount`.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput` for no samples.
  public func transform(strings: [[String]]) throws -> Matrix {
    try transform(pairs: strings.map { $0.map { ($0, 1) } })
  }

  /// Records the columns of `frame` (hashing learns nothing).
  ///
  /// - Parameter frame: The training columns (string, categorical, int, double or bool).
  /// - Returns: The fitted hasher.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.wrongColumnType` for a date column.
  public func fit(_ frame: DataFrame) throws -> Fitted {
    try validateHyperparameters()
    try requireNonEmpty(frame)
    var kinds: [CategoryKind] = []
    for name in frame.columnNames { kinds.append(try readCategories(frame, column: name).1) }
    return Fitted(hasher: self, inputColumnNames: frame.columnNames, kinds: kinds)
  }

  /// A ``FeatureHasher`` bound to the columns of a frame.
  public struct Fitted: FrameTransformer, Hashable {
    /// The hasher's settings.
    public let hasher: FeatureHasher
    /// The columns seen during fit, in order.
    public let inputColumnNames: [String]
    /// Whether each column is text or numeric.
    public let kinds: [CategoryKind]

    init(hasher: FeatureHasher, inputColumnNames: [String], kinds: [CategoryKind]) {
      self.hasher = hasher
      self.inputColumnNames = inputColumnNames
      self.kinds = kinds
    }

    /// Decodes a saved hasher and re-checks its settings.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let hasher = try c.decode(FeatureHasher.self, forKey: .hasher)
      let names = try c.decode([String].self, forKey: .inputColumnNames)
      let kinds = try c.decode([CategoryKind].self, forKey: .kinds)
      try requireDecoded(
        (try? hasher.validateHyperparameters()) != nil && !names.isEmpty
          && names.count == kinds.count, "invalid hasher", codingPath: c.codingPath)
      self.init(hasher: hasher, inputColumnNames: names, kinds: kinds)
    }

    /// `featurehasher0`, `featurehasher1`, ... (scikit-learn's class-name prefix style; its
    /// `FeatureHasher` has no `get_feature_names_out`).
    public var outputColumnNames: [String] {
      (0..<hasher.featureCount).map { "featurehasher\($0)" }
    }

    /// Hashes each row's non-null cells: `"column=value"` for text, `column` with its value
    /// for numbers.
    ///
    /// - Parameter frame: A frame holding every column in ``inputColumnNames``.
    /// - Returns: `featureCount` double columns.
    /// - Throws: `LearnError.missingColumn`, `LearnError.wrongColumnType`, `LearnError.emptyInput`.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      guard frame.rowCount >= 1 else {
        throw LearnError.emptyInput(input: "X", reason: "the frame has no rows")
      }
      var rows = [[(String, Double)]](repeating: [], count: frame.rowCount)
      for (k, name) in inputColumnNames.enumerated() {
        let (values, kind) = try readCategories(frame, column: name)
        guard (kind == .string) == (kinds[k] == .string) else {
          throw LearnError.wrongColumnType(
            column: name, expected: kinds[k] == .string ? "string or categorical" : "numeric",
            found: kind.rawValue)
        }
        switch values {
        case let .strings(v):
          for i in 0..<v.count { if let s = v[i] { rows[i].append(("\(name)=\(s)", 1)) } }
        case let .numbers(v):
          for (i, x) in v.enumerated() where !x.isNaN { rows[i].append((name, x)) }
        }
      }
      let m = try hasher.transform(pairs: rows)
      let n = m.rowCount
      let width = m.columnCount
      let columns = m.withUnsafeStorage { s in
        (0..<width).map { j in (0..<n).map { s[$0 * width + j] } }
      }
      return try makeFrame(names: outputColumnNames, columns: columns)
    }
  }
}

/// MurmurHash3 (x86, 32-bit) of `bytes`, as a signed integer (scikit-learn's
/// `murmurhash3_bytes_s32`).
func murmurHash3(_ bytes: [UInt8], seed: UInt32) -> Int32 {
  let c1: UInt32 = 0xcc9e_2d51
  let c2: UInt32 = 0x1b87_3593
  var h = seed
  let blockCount = bytes.count / 4
  for b in 0..<blockCount {
    let i = b * 4
    var k =
      UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
      | UInt32(bytes[i + 3]) << 24
    k &*= c1
    k = (k << 15) | (k >> 17)
    k &*= c2
    h ^= k
    h = (h << 13) | (h >> 19)
    h = h &* 5 &+ 0xe654_6b64
  }
  var k: UInt32 = 0
  let tail = blockCount * 4
  let rest = bytes.count & 3
  if rest >= 3 { k ^= UInt32(bytes[tail + 2]) << 16 }
  if rest >= 2 { k ^= UInt32(bytes[tail + 1]) << 8 }
  if rest >= 1 {
    k ^= UInt32(bytes[tail])
    k &*= c1
    k = (k << 15) | (k >> 17)
    k &*= c2
    h ^= k
  }
  h ^= UInt32(truncatingIfNeeded: bytes.count)
  h ^= h >> 16
  h &*= 0x85eb_ca6b
  h ^= h >> 13
  h &*= 0xc2b2_ae35
  h ^= h >> 16
  return Int32(bitPattern: h)
}

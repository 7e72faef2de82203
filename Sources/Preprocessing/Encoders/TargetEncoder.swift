import DataFrame
import LinearAlgebra
import SwiftLearnCore

/// Replaces each category by a shrunk mean of the target over the rows holding it.
///
/// The encoding of a category is `λ·(category mean) + (1 - λ)·(overall mean)`. With
/// ``Smoothing/auto`` (the default), `λ = n·σ² / (n·σ² + s²)` from the category's count `n`
/// and variance `s²` and the target variance `σ²` (empirical Bayes); with a number `m`, the
/// encoding is `(sum + m·mean) / (n + m)`. Unknown and missing categories (missing is a
/// category of its own during fit) get the overall mean at transform.
///
/// Continuous targets encode to one column per input column; binary targets to one column (the
/// mean of the second class); multiclass targets to one column per input column and class,
/// named `<column>_<class>`.
///
/// ``fitTransform(_:target:)`` and ``fitTransform(_:labels:)`` use scikit-learn's cross fitting:
/// the rows are split into ``cv`` folds (stratified for class labels), and each fold is encoded
/// with encodings learned on the other folds, so a downstream model does not see its own target
/// leak through. It therefore differs from `fit` then `transform` on purpose; the returned
/// fitted encoder is learned on all rows.
///
/// scikit-learn: `sklearn.preprocessing.TargetEncoder`; defaults match scikit-learn 1.9
/// (`smooth="auto"`, `cv=5`, `shuffle=True`). Shuffled folds use SwiftLearn's seeded generator,
/// so they differ from numpy's; with `shuffle: false` the folds (`KFold` / `StratifiedKFold`)
/// and outputs match scikit-learn exactly.
///
///     let (encoder, xTrain) = try TargetEncoder(seed: 0).fitTransform(train, labels: churned)
///     let xTest = try encoder.transform(test)
///
/// - Complexity: O(n·d) per fold.
public struct TargetEncoder: Estimator, DefaultInitializable, RandomizedEstimator, Hashable,
  Codable
{
  /// How much the category means are shrunk towards the overall mean (scikit-learn's
  /// `smooth`).
  public enum Smoothing: Sendable, Hashable, Codable {
    /// Empirical-Bayes shrinkage from the category and target variances.
    case auto
    /// A fixed weight `m >= 0` of the overall mean.
    case value(Double)
  }

  /// The shrinkage.
  public var smooth: Smoothing
  /// The number of cross-fitting folds in `fitTransform` (at least 2).
  public var cv: Int
  /// Shuffle the rows before splitting them into folds.
  public var shuffle: Bool
  /// The seed of the shuffle (scikit-learn's `random_state`); `nil` draws one.
  public var seed: UInt64?

  /// Creates an encoder; every argument defaults to scikit-learn's value.
  public init(smooth: Smoothing = .auto, cv: Int = 5, shuffle: Bool = true, seed: UInt64? = nil) {
    self.smooth = smooth
    self.cv = cv
    self.shuffle = shuffle
    self.seed = seed
  }

  public init() { self.init(smooth: .auto) }

  /// Missing values are a category of their own.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false)
  }

  /// Checks ``smooth`` and ``cv``.
  ///
  /// - Throws: `LearnError.invalidParameter` naming the parameter.
  public func validateHyperparameters() throws {
    if case let .value(m) = smooth {
      try Check.finite(m, atLeast: 0, estimator: "TargetEncoder", name: "smooth")
    }
    try Check.count(cv, atLeast: 2, estimator: "TargetEncoder", name: "cv")
  }

  /// The target after encoding: one or more columns of numbers per row.
  struct EncodedTarget {
    /// `n × targets` row-major (one target for continuous and binary problems).
    var values: [Double]
    var targets: Int
    var classNames: [String]?
    var isMulticlass: Bool
    var classCodes: [Int]?
  }

  /// Learns the encodings from every column of `frame` and a continuous target.
  ///
  /// - Parameters:
  ///   - frame: The categorical columns.
  ///   - target: One finite number per row.
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.lengthMismatch`, `LearnError.nonFinite` in the target,
  ///   `LearnError.wrongColumnType` for a date column.
  public func fit(_ frame: DataFrame, target: [Double]) throws -> Fitted {
    try fitAll(frame, try continuous(target, rows: frame.rowCount)).fitted
  }

  /// Learns the encodings from every column of `frame` and class labels (binary or multiclass).
  ///
  /// - Parameters:
  ///   - frame: The categorical columns.
  ///   - labels: One label per row; at least two distinct labels.
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.tooFewClasses`, and the errors of ``fit(_:target:)``.
  public func fit<L: ClassLabel>(_ frame: DataFrame, labels: [L]) throws -> Fitted {
    try fitAll(frame, try classes(labels, rows: frame.rowCount)).fitted
  }

  /// Cross-fitted encoding of the training frame with a continuous target (scikit-learn's
  /// `fit_transform`): `KFold(cv)` folds.
  ///
  /// - Parameters:
  ///   - frame: The categorical columns.
  ///   - target: One finite number per row.
  /// - Returns: The encoder fitted on all rows and the cross-fitted encoding of `frame`.
  /// - Throws: The errors of ``fit(_:target:)``.
  public func fitTransform(_ frame: DataFrame, target: [Double]) throws -> (
    fitted: Fitted, output: DataFrame
  ) {
    let y = try continuous(target, rows: frame.rowCount)
    let folds = try kFoldAssignment(rows: frame.rowCount)
    return try crossFit(frame, y, folds: folds)
  }

  /// Cross-fitted encoding of the training frame with class labels (scikit-learn's
  /// `fit_transform`): `StratifiedKFold(cv)` folds.
  ///
  /// - Parameters:
  ///   - frame: The categorical columns.
  ///   - labels: One label per row.
  /// - Returns: The encoder fitted on all rows and the cross-fitted encoding of `frame`.
  /// - Throws: `LearnError.invalidParameter` naming `cv` when a class has fewer rows than
  ///   folds in every class, and the errors of ``fit(_:labels:)``.
  public func fitTransform<L: ClassLabel>(_ frame: DataFrame, labels: [L]) throws -> (
    fitted: Fitted, output: DataFrame
  ) {
    let y = try classes(labels, rows: frame.rowCount)
    let folds = try stratifiedAssignment(labels)
    return try crossFit(frame, y, folds: folds)
  }

  func continuous(_ target: [Double], rows: Int) throws -> EncodedTarget {
    try Validate.target(target, sampleCount: rows)
    return EncodedTarget(
      values: target, targets: 1, classNames: nil, isMulticlass: false, classCodes: nil)
  }

  func classes<L: ClassLabel>(_ labels: [L], rows: Int) throws -> EncodedTarget {
    try Validate.labels(labels, sampleCount: rows)
    let encoding = try LabelEncoding(fitting: labels)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let codes = try encoding.encode(labels)
    let names = encoding.classes.map { "\($0)" }
    if encoding.classCount == 2 {
      return EncodedTarget(
        values: codes.map(Double.init), targets: 1, classNames: names, isMulticlass: false,
        classCodes: codes)
    }
    let k = encoding.classCount
    var values = [Double](repeating: 0, count: codes.count * k)
    for (i, c) in codes.enumerated() { values[i * k + c] = 1 }
    return EncodedTarget(
      values: values, targets: k, classNames: names, isMulticlass: true, classCodes: codes)
  }

  /// Per-row fold of `KFold(cv)`, shuffled with the seed when ``shuffle`` is set.
  func kFoldAssignment(rows n: Int) throws -> [Int] {
    guard cv <= n else {
      throw LearnError.invalidParameter(
        estimator: "TargetEncoder", name: "cv", value: "\(cv)",
        expected: "at most the number of rows (\(n))")
    }
    var order = Array(0..<n)
    if shuffle {
      var rng = SeededGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max))
      rng.shuffle(&order)
    }
    var folds = [Int](repeating: 0, count: n)
    var start = 0
    for f in 0..<cv {
      let size = n / cv + (f < n % cv ? 1 : 0)
      for i in order[start..<(start + size)] { folds[i] = f }
      start += size
    }
    return folds
  }

  /// Per-row fold of `StratifiedKFold(cv)` (scikit-learn's `_make_test_folds`).
  func stratifiedAssignment<L: ClassLabel>(_ labels: [L]) throws -> [Int] {
    // Classes numbered by first appearance, as scikit-learn does.
    var firstSeen: [L: Int] = [:]
    var encoded = [Int](repeating: 0, count: labels.count)
    for (i, label) in labels.enumerated() {
      if let c = firstSeen[label] {
        encoded[i] = c
      } else {
        encoded[i] = firstSeen.count
        firstSeen[label] = firstSeen.count
      }
    }
    let k = firstSeen.count
    var counts = [Int](repeating: 0, count: k)
    for c in encoded { counts[c] += 1 }
    guard counts.contains(where: { $0 >= cv }) else {
      throw LearnError.invalidParameter(
        estimator: "TargetEncoder", name: "cv", value: "\(cv)",
        expected: "at most the number of members in each class")
    }
    let sorted = encoded.sorted()
    var allocation = [[Int]](repeating: [Int](repeating: 0, count: k), count: cv)
    for (position, c) in sorted.enumerated() { allocation[position % cv][c] += 1 }
    var rng = SeededGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max))
    var folds = [Int](repeating: 0, count: labels.count)
    for c in 0..<k {
      var foldsForClass: [Int] = []
      for f in 0..<cv { foldsForClass += [Int](repeating: f, count: allocation[f][c]) }
      if shuffle { rng.shuffle(&foldsForClass) }
      var next = 0
      for i in labels.indices where encoded[i] == c {
        folds[i] = foldsForClass[next]
        next += 1
      }
    }
    return folds
  }

  /// Fits on all rows; also returns the category codes of the training rows.
  func fitAll(_ frame: DataFrame, _ y: EncodedTarget) throws -> (
    fitted: Fitted, codes: [[Int32]]
  ) {
    try validateHyperparameters()
    try requireNonEmpty(frame)
    var categories: [CategoryLevels] = []
    var codes: [[Int32]] = []
    for name in frame.columnNames {
      let (values, kind) = try readCategories(frame, column: name)
      let learned = CategoryLevels.learn(column: name, values: values, kind: kind)
      categories.append(learned.levels)
      codes.append(learned.codes)
    }
    let rows = Array(0..<frame.rowCount)
    let means = targetMeans(y, rows: rows)
    let encodings = learnEncodings(codes, categories: categories, y, rows: rows, means: means)
    let fitted = Fitted(
      categories: categories, encodings: encodings, targetMean: means,
      classNames: y.classNames, isMulticlass: y.isMulticlass)
    return (fitted, codes)
  }

  func crossFit(_ frame: DataFrame, _ y: EncodedTarget, folds: [Int]) throws -> (
    fitted: Fitted, output: DataFrame
  ) {
    let (fitted, codes) = try fitAll(frame, y)
    let n = frame.rowCount
    let t = y.targets
    let d = codes.count
    var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: d * t)
    for f in 0..<cv {
      let train = (0..<n).filter { folds[$0] != f }
      let test = (0..<n).filter { folds[$0] == f }
      let means = targetMeans(y, rows: train)
      let encodings = learnEncodings(
        codes, categories: fitted.categories, y, rows: train, means: means)
      for k in 0..<d {
        for c in 0..<t {
          let encoding = encodings[k * t + c]
          for i in test {
            let code = Int(codes[k][i])
            out[k * t + c][i] = code >= 0 ? encoding[code] : means[c]
          }
        }
      }
    }
    return (fitted, try makeFrame(names: fitted.outputColumnNames, columns: out))
  }

  func targetMeans(_ y: EncodedTarget, rows: [Int]) -> [Double] {
    var sums = [Double](repeating: 0, count: y.targets)
    for i in rows {
      for c in 0..<y.targets { sums[c] += y.values[i * y.targets + c] }
    }
    return sums.map { $0 / Double(rows.count) }
  }

  /// Encodings per (column, target) pair, column-major over targets (scikit-learn's order:
  /// `f0_c0, f0_c1, ..., f1_c0, ...`).
  func learnEncodings(
    _ codes: [[Int32]], categories: [CategoryLevels], _ y: EncodedTarget, rows: [Int],
    means: [Double]
  ) -> [[Double]] {
    var result: [[Double]] = []
    for k in codes.indices {
      let m = categories[k].count
      for c in 0..<y.targets {
        let mean = means[c]
        let target = rows.map { y.values[$0 * y.targets + c] }
        let column = rows.map { codes[k][$0] }
        switch smooth {
        case .auto:
          var variance = 0.0
          for v in target { variance += (v - mean) * (v - mean) }
          variance /= Double(target.count)
          var sums = [Double](repeating: 0, count: m)
          var counts = [Double](repeating: 0, count: m)
          for (v, code) in zip(target, column) where code >= 0 {
            sums[Int(code)] += v
            counts[Int(code)] += 1
          }
          let categoryMeans = zip(sums, counts).map { $0 / $1 }
          var squares = [Double](repeating: 0, count: m)
          for (v, code) in zip(target, column) where code >= 0 {
            let diff = v - categoryMeans[Int(code)]
            squares[Int(code)] += diff * diff
          }
          result.append(
            (0..<m).map { j in
              let lambda = variance * counts[j] / (variance * counts[j] + squares[j] / counts[j])
              return lambda.isNaN ? mean : lambda * categoryMeans[j] + (1 - lambda) * mean
            })
        case let .value(weight):
          var sums = [Double](repeating: weight * mean, count: m)
          var counts = [Double](repeating: weight, count: m)
          for (v, code) in zip(target, column) where code >= 0 {
            sums[Int(code)] += v
            counts[Int(code)] += 1
          }
          result.append((0..<m).map { counts[$0] == 0 ? mean : sums[$0] / counts[$0] })
        }
      }
    }
    return result
  }

  /// The fitted state of a ``TargetEncoder``, learned on all training rows.
  public struct Fitted: FrameTransformer, Hashable {
    /// The categories of each input column (scikit-learn's `categories_`).
    public let categories: [CategoryLevels]
    /// The encoding of every category, one array per output column (scikit-learn's
    /// `encodings_`).
    public let encodings: [[Double]]
    /// The overall target mean, one per class for multiclass targets (scikit-learn's
    /// `target_mean_`).
    public let targetMean: [Double]
    /// The class labels as text for class targets (scikit-learn's `classes_`), else `nil`.
    public let classNames: [String]?
    /// Whether the target had more than two classes.
    public let isMulticlass: Bool

    init(
      categories: [CategoryLevels], encodings: [[Double]], targetMean: [Double],
      classNames: [String]?, isMulticlass: Bool
    ) {
      self.categories = categories
      self.encodings = encodings
      self.targetMean = targetMean
      self.classNames = classNames
      self.isMulticlass = isMulticlass
    }

    /// Decodes a saved encoder and re-checks that encodings match the categories.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let categories = try c.decode([CategoryLevels].self, forKey: .categories)
      let encodings = try c.decode([[Double]].self, forKey: .encodings)
      let means = try c.decode([Double].self, forKey: .targetMean)
      let t = means.count
      try requireDecoded(
        !categories.isEmpty && t >= 1 && encodings.count == categories.count * t
          && encodings.indices.allSatisfy { encodings[$0].count == categories[$0 / t].count },
        "encodings do not match the categories", codingPath: c.codingPath)
      self.init(
        categories: categories, encodings: encodings, targetMean: means,
        classNames: try c.decodeIfPresent([String].self, forKey: .classNames),
        isMulticlass: try c.decode(Bool.self, forKey: .isMulticlass))
    }

    /// The columns seen during fit, in order.
    public var inputColumnNames: [String] { categories.map(\.column) }
    /// The input names, or `<column>_<class>` for each class of a multiclass target.
    public var outputColumnNames: [String] {
      guard isMulticlass, let classNames else { return inputColumnNames }
      return inputColumnNames.flatMap { name in classNames.map { "\(name)_\($0)" } }
    }

    /// Encodes every category with the encodings learned on all training rows; unknown
    /// categories get the overall target mean.
    ///
    /// - Parameter frame: A frame holding every column in ``inputColumnNames``.
    /// - Returns: The encoded double columns.
    /// - Throws: `LearnError.missingColumn`, `LearnError.wrongColumnType`, `LearnError.emptyInput`.
    public func transform(_ frame: DataFrame) throws -> DataFrame {
      let columns = try readFittedColumns(frame, categories)
      guard frame.rowCount >= 1 else {
        throw LearnError.emptyInput(input: "X", reason: "the frame has no rows")
      }
      let t = targetMean.count
      var out: [[Double]] = []
      for k in categories.indices {
        let codes = categories[k].encode(columns[k]).codes
        for c in 0..<t {
          let encoding = encodings[k * t + c]
          out.append(codes.map { $0 >= 0 ? encoding[Int($0)] : targetMean[c] })
        }
      }
      return try makeFrame(names: outputColumnNames, columns: out)
    }
  }
}

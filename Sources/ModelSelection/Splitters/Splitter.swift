import Foundation
import LinearAlgebra
import SwiftLearnCore

/// One train/test split: the row indices to fit on and the row indices to evaluate on.
///
/// scikit-learn's splitters yield `(train, test)` pairs of index arrays; a `Split` is one such
/// pair. For the k-fold family both arrays are sorted ascending, as in scikit-learn; the
/// shuffle splitters (`ShuffleSplit`, `StratifiedShuffleSplit`, `trainTestSplit`) return
/// them in random order, as scikit-learn does.
public struct Split: Sendable, Hashable, Codable {
  /// The training row indices.
  public let train: [Int]
  /// The test row indices.
  public let test: [Int]

  /// Creates a split from its two index arrays (not checked; splitters build valid ones).
  public init(train: [Int], test: [Int]) {
    self.train = train
    self.test = test
  }
}

/// A cross-validation strategy: given the number of samples (and, where it needs them, class
/// labels and group ids) it returns the list of train/test splits.
///
/// scikit-learn: the `split(X, y, groups)` / `get_n_splits` protocol of `sklearn.model_selection`
/// splitters. Differences, on purpose:
/// - The splits come back as an array of ``Split`` values, not a generator: every splitter in
///   the module produces at most a few thousand folds, and an array lets cross-validation run
///   the folds in parallel into pre-sized slots.
/// - Labels and groups arrive as integers (any values: only equality and order matter). Call the generic conveniences ``splits(labels:)``, ``splits(sampleCount:groups:)``
///   and ``splits(labels:groups:)`` with any `Hashable & Comparable` values (`Int`, `String`,
///   `Double`); they encode by sorted order, which is what numpy's `np.unique` does, so the
///   indices match scikit-learn's.
/// - Splitters that ignore labels or groups accept and ignore them (scikit-learn warns).
///
/// Every splitter is a `Sendable`, `Hashable`, `Codable` struct of its parameters; parameters
/// are checked when ``splits(sampleCount:labels:groups:)`` runs, and errors are
/// `LearnError.invalidParameter` naming scikit-learn's parameter (`n_splits`, `test_size`).
public protocol Splitter: Sendable {
  /// The train/test splits for `sampleCount` samples.
  ///
  /// - Parameters:
  ///   - sampleCount: The number of samples (rows of `X`).
  ///   - labels: Class codes, one per sample, for stratified splitters; `nil` otherwise.
  ///   - groups: Group codes, one per sample, for group splitters; `nil` otherwise.
  /// - Throws: `LearnError.invalidParameter` for a parameter out of range for this data,
  ///   `LearnError.emptyInput` for zero samples, `LearnError.lengthMismatch` when `labels` or
  ///   `groups` do not have `sampleCount` entries, `LearnError.unsupportedInput` when labels or
  ///   groups are needed and missing.
  func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split]

  /// The number of splits ``splits(sampleCount:labels:groups:)`` returns for this input
  /// (scikit-learn's `get_n_splits`).
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int
}

extension Splitter {
  /// By default, the length of ``splits(sampleCount:labels:groups:)``.
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try splits(sampleCount: sampleCount, labels: labels, groups: groups).count
  }

  /// The splits of `sampleCount` samples without labels or groups.
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  /// - Complexity: as the splitter's.
  public func splits(sampleCount: Int) throws -> [Split] {
    try splits(sampleCount: sampleCount, labels: nil, groups: nil)
  }

  /// The splits of `labels.count` samples with these class labels (stratified splitters).
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  /// - Complexity: O(n log n) to encode the labels, plus the splitter's.
  public func splits<L: Hashable & Comparable>(labels: [L]) throws -> [Split] {
    try splits(sampleCount: labels.count, labels: SplitCodes.encode(labels), groups: nil)
  }

  /// The splits of `sampleCount` samples with these group ids (group splitters).
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  /// - Complexity: O(n log n) to encode the groups, plus the splitter's.
  public func splits<G: Hashable & Comparable>(sampleCount: Int, groups: [G]) throws -> [Split] {
    try splits(sampleCount: sampleCount, labels: nil, groups: SplitCodes.encode(groups))
  }

  /// The splits of `labels.count` samples with class labels and group ids
  /// (`StratifiedGroupKFold`).
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  /// - Complexity: O(n log n) to encode, plus the splitter's.
  public func splits<L: Hashable & Comparable, G: Hashable & Comparable>(
    labels: [L], groups: [G]
  ) throws -> [Split] {
    try splits(
      sampleCount: labels.count, labels: SplitCodes.encode(labels),
      groups: SplitCodes.encode(groups))
  }
}

/// A size of a train or test set: a fraction of the samples or an absolute count.
///
/// scikit-learn's `test_size` / `train_size` accept a float in (0, 1) or a positive int; a
/// literal picks the case the same way: `testSize: 0.25` is ``fraction(_:)``, `testSize: 30`
/// is ``count(_:)``. A test fraction rounds up (`ceil`), a train fraction rounds down (`floor`),
/// like scikit-learn.
public enum SplitSize: Sendable, Hashable, Codable, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral
{
  /// A fraction of the samples, strictly between 0 and 1.
  case fraction(Double)
  /// A number of samples, at least 1 and less than the number of samples.
  case count(Int)

  /// A fraction.
  public init(floatLiteral value: Double) { self = .fraction(value) }
  /// A count.
  public init(integerLiteral value: Int) { self = .count(value) }
}

/// Shared helpers of the splitters: label encoding, argument checks, index complements.
enum SplitCodes {
  /// Encodes values as `0..<k` by sorted order of the distinct values (numpy's
  /// `np.unique(return_inverse=True)`).
  static func encode<T: Hashable & Comparable>(_ values: [T]) -> [Int] {
    let distinct = Array(Set(values)).sorted()
    var code = [T: Int](minimumCapacity: distinct.count)
    for (k, v) in distinct.enumerated() { code[v] = k }
    return values.map { code[$0] ?? 0 }
  }

  /// Checks that there is at least one sample.
  static func checkSamples(_ sampleCount: Int, splitter: String) throws {
    guard sampleCount >= 1 else {
      throw LearnError.emptyInput(
        input: "X", reason: "\(splitter) found 0 samples, at least 1 is required")
    }
  }

  /// Checks an optional code array's length; returns it. Any integers are valid codes.
  static func checkCodes(_ codes: [Int]?, sampleCount: Int, input: String) throws -> [Int]? {
    guard let codes else { return nil }
    guard codes.count == sampleCount else {
      throw LearnError.lengthMismatch(input: input, expected: sampleCount, got: codes.count)
    }
    return codes
  }

  /// The codes, required: throws when `nil`.
  static func require(
    _ codes: [Int]?, sampleCount: Int, input: String, splitter: String
  ) throws -> [Int] {
    guard let checked = try checkCodes(codes, sampleCount: sampleCount, input: input) else {
      throw LearnError.unsupportedInput(
        input: input, reason: "\(splitter) needs '\(input)', one entry per sample; got none")
    }
    return checked
  }

  /// The count of each code; `codes` must be compact (`0..<k`, see ``compact(_:)``).
  static func counts(_ codes: [Int]) -> [Int] {
    var counts: [Int] = []
    for c in codes {
      if c >= counts.count {
        counts.append(contentsOf: repeatElement(0, count: c - counts.count + 1))
      }
      counts[c] += 1
    }
    return counts
  }

  /// Re-encodes codes so that the present values are `0..<k` in the same order (drops gaps).
  static func compact(_ codes: [Int]) -> [Int] { encode(codes) }

  /// `splitCount >= 2`.
  static func checkSplitCount(_ splitCount: Int, splitter: String) throws {
    guard splitCount >= 2 else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "n_splits", value: "\(splitCount)",
        expected: "an integer >= 2 (k-fold cross-validation needs at least one train/test split)")
    }
  }

  /// `splitCount <= sampleCount`.
  static func checkNotMoreSplits(_ splitCount: Int, than sampleCount: Int, splitter: String) throws
  {
    guard splitCount <= sampleCount else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "n_splits", value: "\(splitCount)",
        expected: "<= the number of samples (\(sampleCount))")
    }
  }

  /// Throws when a seed is given to a splitter that does not shuffle (scikit-learn raises too).
  static func checkSeedUnused(_ seed: UInt64?, shuffle: Bool, splitter: String) throws {
    guard shuffle || seed == nil else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "random_state", value: "\(seed ?? 0)",
        expected: "nil when shuffle is false (a seed has no effect without shuffling)")
    }
  }

  /// The splits whose test sets are given by a fold id per sample (`fold[i]` in `0..<k`, or
  /// negative for "never in a test set"); train = every other sample, both ascending.
  static func fromFoldIDs(_ fold: [Int], foldCount: Int) -> [Split] {
    var tests = [[Int]](repeating: [], count: foldCount)
    for (i, f) in fold.enumerated() where f >= 0 && f < foldCount { tests[f].append(i) }
    return tests.map { test in
      var train: [Int] = []
      train.reserveCapacity(fold.count - test.count)
      var t = 0
      for i in 0..<fold.count {
        if t < test.count && test[t] == i {
          t += 1
        } else {
          train.append(i)
        }
      }
      return Split(train: train, test: test)
    }
  }

  /// The generator for a shuffling splitter: from `seed`, or a fresh system seed when `nil`.
  static func generator(_ seed: UInt64?) -> SeededGenerator {
    SeededGenerator(seed: seed ?? SeededGenerator.randomSeed())
  }

  /// Checks and converts a train/test size pair to counts (scikit-learn's
  /// `_validate_shuffle_split`): a test fraction rounds up, a train fraction rounds down, the
  /// missing side is the complement.
  static func resolveSizes(
    sampleCount n: Int, testSize: SplitSize?, trainSize: SplitSize?, defaultTest: Double,
    splitter: String
  ) throws -> (train: Int, test: Int) {
    let test = (testSize == nil && trainSize == nil) ? SplitSize.fraction(defaultTest) : testSize
    func check(_ size: SplitSize?, name: String) throws {
      switch size {
      case .fraction(let f) where !(f > 0 && f < 1):
        throw LearnError.invalidParameter(
          estimator: splitter, name: name, value: "\(f)",
          expected: "a fraction in (0, 1) or a count in [1, \(n - 1)]")
      case .count(let c) where c <= 0 || c >= n:
        throw LearnError.invalidParameter(
          estimator: splitter, name: name, value: "\(c)",
          expected: "a count in [1, \(n - 1)] (n_samples = \(n)) or a fraction in (0, 1)")
      default: break
      }
    }
    try check(test, name: "test_size")
    try check(trainSize, name: "train_size")
    if case .fraction(let a)? = test, case .fraction(let b)? = trainSize, a + b > 1 {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "train_size", value: "\(b)",
        expected: "a fraction with test_size + train_size <= 1 (test_size = \(a))")
    }
    func resolved(_ size: SplitSize?, roundUp: Bool) -> Int? {
      switch size {
      case .fraction(let f)?:
        let v = f * Double(n)
        return Int(roundUp ? v.rounded(.up) : v.rounded(.down))
      case .count(let c)?: return c
      case nil: return nil
      }
    }
    var nTest = resolved(test, roundUp: true)
    var nTrain = resolved(trainSize, roundUp: false)
    if nTrain == nil { nTrain = n - (nTest ?? 0) }
    if nTest == nil { nTest = n - (nTrain ?? 0) }
    let train = nTrain ?? 0
    let testCount = nTest ?? 0
    guard train + testCount <= n else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "train_size", value: "\(train)",
        expected: "a size with train + test (\(train) + \(testCount)) <= n_samples (\(n))")
    }
    guard train >= 1 else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "test_size", value: "\(testCount)",
        expected: "a size that leaves a non-empty train set (n_samples = \(n))")
    }
    return (train, testCount)
  }
}

import LinearAlgebra
import SwiftLearnCore

/// K-fold cross-validation that keeps each class's share in every fold.
///
/// The samples of each class are dealt to the folds in contiguous blocks, with the per-fold
/// counts of every class chosen by dealing the sorted labels round-robin, exactly as
/// scikit-learn does; so without shuffling the indices are scikit-learn's, and each class's
/// count in a fold differs from its ideal share by less than one. With `shuffle` the block
/// assignment within each class is permuted by a `SeededGenerator` (same counts as
/// scikit-learn, different draws).
///
/// scikit-learn: `sklearn.model_selection.StratifiedKFold`; defaults `n_splits=5`,
/// `shuffle=False`, `random_state=None`. scikit-learn raises when *every* class has fewer than
/// `n_splits` members and warns when only some do; SwiftLearn throws in the first case and
/// proceeds silently in the second (those classes are then missing from some test folds;
/// ``leastPopulatedClassCount(labels:)`` tells whether this happens).
///
///     let y = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
///     let folds = try StratifiedKFold(splitCount: 2).splits(labels: y)
public struct StratifiedKFold: Splitter, Hashable, Codable {
  /// The number of folds (`n_splits`), at least 2; default 5.
  public var splitCount: Int
  /// Whether to shuffle each class's fold assignment; default `false`.
  public var shuffle: Bool
  /// The shuffle seed (`random_state`); `nil` draws a fresh one. Must be `nil` without shuffle.
  public var seed: UInt64?

  /// Creates the splitter; parameters are checked when splitting.
  public init(splitCount: Int = 5, shuffle: Bool = false, seed: UInt64? = nil) {
    self.splitCount = splitCount
    self.shuffle = shuffle
    self.seed = seed
  }

  /// The size of the smallest class in `labels`; when it is below ``splitCount`` scikit-learn
  /// warns ("The least populated class in y has only ... members").
  ///
  /// - Complexity: O(n log n).
  public func leastPopulatedClassCount<L: Hashable & Comparable>(labels: [L]) -> Int {
    SplitCodes.counts(SplitCodes.encode(labels)).filter { $0 > 0 }.min() ?? 0
  }

  /// The stratified folds; `labels` are required.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`, `n_splits > n_samples`, a
  ///   seed without shuffle, or when every class has fewer than `n_splits` members;
  ///   `LearnError.unsupportedInput` when `labels` is `nil`; `LearnError.lengthMismatch`.
  /// - Complexity: O(n log n + n · splitCount).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    var rng = shuffle ? SplitCodes.generator(seed) : SeededGenerator(seed: 0)
    let fold = try StratifiedKFold.testFolds(
      splitCount: splitCount, shuffle: shuffle, seed: seed, sampleCount: sampleCount,
      labels: labels,
      splitter: "StratifiedKFold", generator: &rng)
    return SplitCodes.fromFoldIDs(fold, foldCount: splitCount)
  }

  /// `splitCount` after checking the parameters.
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)`` except for the class-size check.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try SplitCodes.checkSplitCount(splitCount, splitter: "StratifiedKFold")
    return splitCount
  }

  /// The fold id of every sample (scikit-learn's `_make_test_folds`).
  static func testFolds(
    splitCount: Int, shuffle: Bool, seed: UInt64?, sampleCount: Int, labels: [Int]?,
    splitter: String, generator rng: inout SeededGenerator
  ) throws -> [Int] {
    try SplitCodes.checkSplitCount(splitCount, splitter: splitter)
    try SplitCodes.checkSeedUnused(seed, shuffle: shuffle, splitter: splitter)
    try SplitCodes.checkSamples(sampleCount, splitter: splitter)
    try SplitCodes.checkNotMoreSplits(splitCount, than: sampleCount, splitter: splitter)
    let raw = try SplitCodes.require(
      labels, sampleCount: sampleCount, input: "y", splitter: splitter)
    // Classes numbered by order of first appearance, like scikit-learn.
    var appearance: [Int: Int] = [:]
    var encoded = [Int](repeating: 0, count: sampleCount)
    for (i, c) in raw.enumerated() {
      if let k = appearance[c] {
        encoded[i] = k
      } else {
        let k = appearance.count
        appearance[c] = k
        encoded[i] = k
      }
    }
    let classCount = appearance.count
    let counts = SplitCodes.counts(encoded)
    guard counts.contains(where: { $0 >= splitCount }) else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "n_splits", value: "\(splitCount)",
        expected: "<= the number of members of at least one class (largest: \(counts.max() ?? 0))")
    }
    // allocation[f][k]: how many samples of class k go to fold f — deal the sorted codes
    // round-robin over the folds.
    var allocation = [[Int]](
      repeating: [Int](repeating: 0, count: classCount), count: splitCount)
    var position = 0
    for k in 0..<classCount {
      for _ in 0..<counts[k] {
        allocation[position % splitCount][k] += 1
        position += 1
      }
    }
    var fold = [Int](repeating: 0, count: sampleCount)
    var members = [[Int]](repeating: [], count: classCount)
    for (i, k) in encoded.enumerated() { members[k].append(i) }
    for k in 0..<classCount {
      var blocks: [Int] = []
      blocks.reserveCapacity(counts[k])
      for f in 0..<splitCount {
        blocks.append(contentsOf: repeatElement(f, count: allocation[f][k]))
      }
      if shuffle { rng.shuffle(&blocks) }
      for (j, i) in members[k].enumerated() { fold[i] = blocks[j] }
    }
    return fold
  }
}

import LinearAlgebra
import SwiftLearnCore

/// K-fold cross-validation with non-overlapping groups: every group is in exactly one test
/// fold, so no group is both trained and tested on.
///
/// Without shuffling, groups are taken from the largest to the smallest and each goes to the
/// fold with the fewest samples so far (scikit-learn 1.9's greedy balancing; equal sizes keep
/// the larger group id first and the lowest fold wins a tie), so the indices are exactly
/// scikit-learn's. With `shuffle` the distinct groups are permuted by a `SeededGenerator` and
/// cut into `splitCount` consecutive batches of nearly equal group count (scikit-learn's shuffled
/// algorithm, different draws).
///
/// scikit-learn: `sklearn.model_selection.GroupKFold`; defaults `n_splits=5`, `shuffle=False`,
/// `random_state=None`.
///
///     let groups = [0, 0, 2, 2, 3, 3]
///     let folds = try GroupKFold(splitCount: 2).splits(sampleCount: 6, groups: groups)
///     folds[0].test   // [0, 1, 4, 5]
public struct GroupKFold: Splitter, Hashable, Codable {
  /// The number of folds (`n_splits`), at least 2 and at most the number of groups; default 5.
  public var splitCount: Int
  /// Whether to shuffle the groups before batching them; default `false`.
  public var shuffle: Bool
  /// The shuffle seed (`random_state`); `nil` draws a fresh one. Must be `nil` without shuffle.
  public var seed: UInt64?

  /// Creates the splitter; parameters are checked when splitting.
  public init(splitCount: Int = 5, shuffle: Bool = false, seed: UInt64? = nil) {
    self.splitCount = splitCount
    self.shuffle = shuffle
    self.seed = seed
  }

  /// The group folds; `groups` are required.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`, more splits than samples or
  ///   than groups, a seed without shuffle; `LearnError.unsupportedInput` when `groups` is
  ///   `nil`; `LearnError.lengthMismatch`.
  /// - Complexity: O(n log n + g · splitCount) for g groups.
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    let name = "GroupKFold"
    try SplitCodes.checkSplitCount(splitCount, splitter: name)
    try SplitCodes.checkSeedUnused(seed, shuffle: shuffle, splitter: name)
    try SplitCodes.checkSamples(sampleCount, splitter: name)
    try SplitCodes.checkNotMoreSplits(splitCount, than: sampleCount, splitter: name)
    let codes = SplitCodes.compact(
      try SplitCodes.require(groups, sampleCount: sampleCount, input: "groups", splitter: name))
    let sizes = SplitCodes.counts(codes)
    let groupCount = sizes.count
    guard splitCount <= groupCount else {
      throw LearnError.invalidParameter(
        estimator: name, name: "n_splits", value: "\(splitCount)",
        expected: "<= the number of groups (\(groupCount))")
    }
    var groupFold = [Int](repeating: 0, count: groupCount)
    if shuffle {
      var order = Array(0..<groupCount)
      var rng = SplitCodes.generator(seed)
      rng.shuffle(&order)
      var start = 0
      for f in 0..<splitCount {
        let size = groupCount / splitCount + (f < groupCount % splitCount ? 1 : 0)
        for k in start..<(start + size) { groupFold[order[k]] = f }
        start += size
      }
    } else {
      // Stable ascending sort by size, then reversed: largest first, ties by larger id first.
      let ascending = (0..<groupCount).sorted { a, b in
        sizes[a] != sizes[b] ? sizes[a] < sizes[b] : a < b
      }
      var load = [Int](repeating: 0, count: splitCount)
      for g in ascending.reversed() {
        var lightest = 0
        for f in 1..<splitCount where load[f] < load[lightest] { lightest = f }
        load[lightest] += sizes[g]
        groupFold[g] = lightest
      }
    }
    return SplitCodes.fromFoldIDs(codes.map { groupFold[$0] }, foldCount: splitCount)
  }

  /// `splitCount` after checking the parameters.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try SplitCodes.checkSplitCount(splitCount, splitter: "GroupKFold")
    return splitCount
  }
}

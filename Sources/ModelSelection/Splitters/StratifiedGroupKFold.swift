import Foundation
import LinearAlgebra
import SwiftLearnCore

/// K-fold cross-validation with non-overlapping groups that also tries to keep class shares.
///
/// Groups are visited from the most to the least uneven class distribution (standard
/// deviation of the group's class counts, stable order) and each goes to the fold that then
/// has the smallest mean over classes of the spread of per-fold class shares, ties (within
/// numpy's `isclose`) going to the fold with fewer samples — scikit-learn's greedy algorithm,
/// so without shuffling the indices are scikit-learn's. With `shuffle` the groups are permuted
/// by a `SeededGenerator` before the stable sort, which changes how ties are broken.
///
/// scikit-learn: `sklearn.model_selection.StratifiedGroupKFold`; defaults `n_splits=5`,
/// `shuffle=False`, `random_state=None`. As for ``StratifiedKFold``, a class with fewer than
/// `n_splits` members is accepted silently (scikit-learn warns); every class that small throws.
public struct StratifiedGroupKFold: Splitter, Hashable, Codable {
  /// The number of folds (`n_splits`), at least 2; default 5.
  public var splitCount: Int
  /// Whether to shuffle the groups first; default `false`.
  public var shuffle: Bool
  /// The shuffle seed (`random_state`); `nil` draws a fresh one. Must be `nil` without shuffle.
  public var seed: UInt64?

  /// Creates the splitter; parameters are checked when splitting.
  public init(splitCount: Int = 5, shuffle: Bool = false, seed: UInt64? = nil) {
    self.splitCount = splitCount
    self.shuffle = shuffle
    self.seed = seed
  }

  /// The folds; `labels` and `groups` are required.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`, more splits than samples or
  ///   groups, every class smaller than `n_splits`, a seed without shuffle;
  ///   `LearnError.unsupportedInput` when labels or groups are missing;
  ///   `LearnError.lengthMismatch`.
  /// - Complexity: O(n + g · splitCount² · k) for g groups and k classes.
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    let name = "StratifiedGroupKFold"
    try SplitCodes.checkSplitCount(splitCount, splitter: name)
    try SplitCodes.checkSeedUnused(seed, shuffle: shuffle, splitter: name)
    try SplitCodes.checkSamples(sampleCount, splitter: name)
    try SplitCodes.checkNotMoreSplits(splitCount, than: sampleCount, splitter: name)
    let y = SplitCodes.compact(
      try SplitCodes.require(labels, sampleCount: sampleCount, input: "y", splitter: name))
    var g = SplitCodes.compact(
      try SplitCodes.require(groups, sampleCount: sampleCount, input: "groups", splitter: name))
    let classCounts = SplitCodes.counts(y)
    let k = classCounts.count
    guard classCounts.contains(where: { $0 >= splitCount }) else {
      throw LearnError.invalidParameter(
        estimator: name, name: "n_splits", value: "\(splitCount)",
        expected:
          "<= the number of members of at least one class (largest: \(classCounts.max() ?? 0))")
    }
    let groupCount = SplitCodes.counts(g).count
    guard splitCount <= groupCount else {
      throw LearnError.invalidParameter(
        estimator: name, name: "n_splits", value: "\(splitCount)",
        expected: "<= the number of groups (\(groupCount))")
    }
    if shuffle {
      var perm = Array(0..<groupCount)
      var rng = SplitCodes.generator(seed)
      rng.shuffle(&perm)
      var inverse = [Int](repeating: 0, count: groupCount)
      for (position, group) in perm.enumerated() { inverse[group] = position }
      g = g.map { inverse[$0] }
    }
    // perGroup[group * k + class]
    var perGroup = [Double](repeating: 0, count: groupCount * k)
    for i in 0..<sampleCount { perGroup[g[i] * k + y[i]] += 1 }
    let spread = (0..<groupCount).map {
      StratifiedGroupKFold.std(perGroup, start: $0 * k, count: k)
    }
    let order = (0..<groupCount).sorted { a, b in
      spread[a] != spread[b] ? spread[a] > spread[b] : a < b
    }
    var perFold = [Double](repeating: 0, count: splitCount * k)
    var groupFold = [Int](repeating: 0, count: groupCount)
    let totals = classCounts.map(Double.init)
    var column = [Double](repeating: 0, count: splitCount)
    for group in order {
      var best = 0
      var bestEval = Double.infinity
      var bestSamples = Double.infinity
      for f in 0..<splitCount {
        for c in 0..<k { perFold[f * k + c] += perGroup[group * k + c] }
        var evalSum = 0.0
        for c in 0..<k {
          for h in 0..<splitCount { column[h] = perFold[h * k + c] / totals[c] }
          evalSum += StratifiedGroupKFold.std(column, start: 0, count: splitCount)
        }
        for c in 0..<k { perFold[f * k + c] -= perGroup[group * k + c] }
        let foldEval = evalSum / Double(k)
        var samples = 0.0
        for c in 0..<k { samples += perFold[f * k + c] }
        let close = abs(foldEval - bestEval) <= 1e-8 + 1e-5 * abs(bestEval)
        if foldEval < bestEval || (close && samples < bestSamples) {
          bestEval = foldEval
          bestSamples = samples
          best = f
        }
      }
      for c in 0..<k { perFold[best * k + c] += perGroup[group * k + c] }
      groupFold[group] = best
    }
    return SplitCodes.fromFoldIDs(g.map { groupFold[$0] }, foldCount: splitCount)
  }

  /// `splitCount` after checking the parameters.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try SplitCodes.checkSplitCount(splitCount, splitter: "StratifiedGroupKFold")
    return splitCount
  }

  /// Population standard deviation of `count` values from `start`, summed in order like
  /// numpy does for short rows.
  static func std(_ values: [Double], start: Int, count: Int) -> Double {
    var sum = 0.0
    for i in start..<(start + count) { sum += values[i] }
    let mean = sum / Double(count)
    var squares = 0.0
    for i in start..<(start + count) {
      let d = values[i] - mean
      squares += d * d
    }
    return (squares / Double(count)).squareRoot()
  }
}

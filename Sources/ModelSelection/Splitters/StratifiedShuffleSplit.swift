import LinearAlgebra
import SwiftLearnCore

/// Random train/test splits that keep each class's share (stratified `ShuffleSplit`).
///
/// The number of samples of each class in the training and test sets is scikit-learn's
/// (the approximate mode of the multivariate hypergeometric distribution: proportional
/// shares rounded down, the remainder given to the classes with the largest fractional parts,
/// ties broken at random), so each class count is within one of its exact share; the draws
/// are ours (`SeededGenerator`).
///
/// scikit-learn: `sklearn.model_selection.StratifiedShuffleSplit`; defaults `n_splits=10`,
/// `test_size=None` (0.1), `train_size=None`, `random_state=None`.
public struct StratifiedShuffleSplit: Splitter, Hashable, Codable {
  /// The number of splits (`n_splits`), at least 1; default 10.
  public var splitCount: Int
  /// The test-set size (`test_size`); `nil` means the complement of ``trainSize``, or 0.1.
  public var testSize: SplitSize?
  /// The training-set size (`train_size`); `nil` means the complement of the test size.
  public var trainSize: SplitSize?
  /// The seed (`random_state`); `nil` draws a fresh one per call.
  public var seed: UInt64?

  /// Creates the splitter; parameters are checked when splitting.
  public init(
    splitCount: Int = 10, testSize: SplitSize? = nil, trainSize: SplitSize? = nil,
    seed: UInt64? = nil
  ) {
    self.splitCount = splitCount
    self.testSize = testSize
    self.trainSize = trainSize
    self.seed = seed
  }

  /// The stratified random splits; `labels` are required.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 1`, sizes out of range, or a
  ///   train or test set smaller than the number of classes; `LearnError.unsupportedInput`
  ///   when labels are missing or a class has a single member; `LearnError.lengthMismatch`.
  /// - Complexity: O(n · splitCount + n log n).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    let name = "StratifiedShuffleSplit"
    try ShuffleSplit.checkSplitCount(splitCount, splitter: name)
    try SplitCodes.checkSamples(sampleCount, splitter: name)
    let y = SplitCodes.compact(
      try SplitCodes.require(labels, sampleCount: sampleCount, input: "y", splitter: name))
    let (nTrain, nTest) = try SplitCodes.resolveSizes(
      sampleCount: sampleCount, testSize: testSize, trainSize: trainSize, defaultTest: 0.1,
      splitter: name)
    var rng = SplitCodes.generator(seed)
    return try StratifiedShuffleSplit.draw(
      labels: y, nTrain: nTrain, nTest: nTest, count: splitCount, splitter: name, generator: &rng)
  }

  /// `splitCount` after checking it.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 1`.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try ShuffleSplit.checkSplitCount(splitCount, splitter: "StratifiedShuffleSplit")
    return splitCount
  }

  /// `count` stratified splits of compact codes `y` with the given sizes.
  static func draw(
    labels y: [Int], nTrain: Int, nTest: Int, count: Int, splitter: String,
    generator rng: inout SeededGenerator
  ) throws -> [Split] {
    let classCounts = SplitCodes.counts(y)
    let k = classCounts.count
    if let single = classCounts.firstIndex(where: { $0 < 2 }) {
      throw LearnError.unsupportedInput(
        input: "y",
        reason:
          "the least populated class (code \(single)) has only 1 member; stratified splitting needs at least 2 per class"
      )
    }
    guard nTrain >= k else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "train_size", value: "\(nTrain)",
        expected: ">= the number of classes (\(k))")
    }
    guard nTest >= k else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "test_size", value: "\(nTest)",
        expected: ">= the number of classes (\(k))")
    }
    var members = [[Int]](repeating: [], count: k)
    for (i, c) in y.enumerated() { members[c].append(i) }
    var result: [Split] = []
    result.reserveCapacity(count)
    for _ in 0..<count {
      let trainCounts = approximateMode(classCounts, draws: nTrain, generator: &rng)
      let remaining = zip(classCounts, trainCounts).map { $0 - $1 }
      let testCounts = approximateMode(remaining, draws: nTest, generator: &rng)
      var train: [Int] = []
      var test: [Int] = []
      train.reserveCapacity(nTrain)
      test.reserveCapacity(nTest)
      for c in 0..<k {
        var shuffled = members[c]
        rng.shuffle(&shuffled)
        train.append(contentsOf: shuffled[0..<trainCounts[c]])
        test.append(contentsOf: shuffled[trainCounts[c]..<(trainCounts[c] + testCounts[c])])
      }
      rng.shuffle(&train)
      rng.shuffle(&test)
      result.append(Split(train: train, test: test))
    }
    return result
  }

  /// scikit-learn's `_approximate_mode`: per-class draws summing to `draws`, each within one
  /// of `counts[c] / total · draws`.
  static func approximateMode(
    _ counts: [Int], draws: Int, generator rng: inout SeededGenerator
  ) -> [Int] {
    let total = Double(counts.reduce(0, +))
    guard total > 0 else { return counts.map { _ in 0 } }
    let continuous = counts.map { Double($0) / total * Double(draws) }
    var result = continuous.map { Int($0.rounded(.down)) }
    var needed = draws - result.reduce(0, +)
    guard needed > 0 else { return result }
    let remainder = zip(continuous, result).map { $0 - Double($1) }
    for value in Set(remainder).sorted(by: >) {
      var tied = remainder.indices.filter { remainder[$0] == value }
      rng.shuffle(&tied)
      for c in tied.prefix(needed) { result[c] += 1 }
      needed -= Swift.min(needed, tied.count)
      if needed == 0 { break }
    }
    return result
  }
}

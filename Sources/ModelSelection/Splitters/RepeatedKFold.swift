import LinearAlgebra
import SwiftLearnCore

/// K-fold repeated `repeatCount` times with a different shuffle each time.
///
/// Repetition `r` is a shuffled ``KFold`` whose seed is `SeededGenerator(seed:).child(r)`'s,
/// so repetitions are independent and reproducible. Fold sizes are scikit-learn's; draws are
/// ours.
///
/// scikit-learn: `sklearn.model_selection.RepeatedKFold`; defaults `n_splits=5`,
/// `n_repeats=10` (here ``repeatCount``), `random_state=None`.
public struct RepeatedKFold: Splitter, Hashable, Codable {
  /// The number of folds per repetition (`n_splits`), at least 2; default 5.
  public var splitCount: Int
  /// The number of repetitions (`n_repeats`), at least 1; default 10.
  public var repeatCount: Int
  /// The seed (`random_state`); `nil` draws a fresh one per call.
  public var seed: UInt64?

  /// Creates the splitter; parameters are checked when splitting.
  public init(splitCount: Int = 5, repeatCount: Int = 10, seed: UInt64? = nil) {
    self.splitCount = splitCount
    self.repeatCount = repeatCount
    self.seed = seed
  }

  /// `splitCount · repeatCount` splits, repetition by repetition.
  ///
  /// - Throws: as `KFold`, and `LearnError.invalidParameter` for `n_repeats < 1`.
  /// - Complexity: O(n · splitCount · repeatCount).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    try RepeatedSplits.splits(
      splitter: "RepeatedKFold", splitCount: splitCount, repeatCount: repeatCount, seed: seed,
      sampleCount: sampleCount, labels: labels, groups: groups
    ) { KFold(splitCount: $0, shuffle: true, seed: $1) }
  }

  /// `splitCount · repeatCount`.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2` or `n_repeats < 1`.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try RepeatedSplits.count(
      splitter: "RepeatedKFold", splitCount: splitCount, repeatCount: repeatCount)
  }
}

/// What the repeated splitters share: `repeatCount` rounds of a shuffled base splitter, round
/// `r` seeded with `SeededGenerator(seed:).child(r)` so rounds are independent and reproducible.
enum RepeatedSplits {
  static func splits(
    splitter: String, splitCount: Int, repeatCount: Int, seed: UInt64?, sampleCount: Int,
    labels: [Int]?, groups: [Int]?, base: (Int, UInt64) -> any Splitter
  ) throws -> [Split] {
    try SplitCodes.checkSplitCount(splitCount, splitter: splitter)
    try checkRepeats(repeatCount, splitter: splitter)
    let root = SplitCodes.generator(seed)
    var result: [Split] = []
    for r in 0..<repeatCount {
      let fold = base(splitCount, root.child(r).seed)
      result += try fold.splits(sampleCount: sampleCount, labels: labels, groups: groups)
    }
    return result
  }

  static func count(splitter: String, splitCount: Int, repeatCount: Int) throws -> Int {
    try SplitCodes.checkSplitCount(splitCount, splitter: splitter)
    try checkRepeats(repeatCount, splitter: splitter)
    let (total, overflow) = splitCount.multipliedReportingOverflow(by: repeatCount)
    guard !overflow else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "n_repeats", value: "\(repeatCount)",
        expected: "small enough that n_splits * n_repeats fits in an Int")
    }
    return total
  }

  static func checkRepeats(_ repeatCount: Int, splitter: String) throws {
    guard repeatCount >= 1 else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "n_repeats", value: "\(repeatCount)",
        expected: "an integer >= 1")
    }
  }
}

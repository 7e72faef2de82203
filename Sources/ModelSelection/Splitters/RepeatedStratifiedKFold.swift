import LinearAlgebra
import SwiftLearnCore

/// Stratified k-fold repeated `repeatCount` times with a different shuffle each time.
///
/// Repetition `r` is a shuffled ``StratifiedKFold`` seeded from
/// `SeededGenerator(seed:).child(r)`; per-fold class counts are scikit-learn's.
///
/// scikit-learn: `sklearn.model_selection.RepeatedStratifiedKFold`; defaults `n_splits=5`,
/// `n_repeats=10`, `random_state=None`.
public struct RepeatedStratifiedKFold: Splitter, Hashable, Codable {
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

  /// `splitCount · repeatCount` stratified splits; `labels` are required.
  ///
  /// - Throws: as `StratifiedKFold`, and `LearnError.invalidParameter` for `n_repeats < 1`.
  /// - Complexity: O(n · splitCount · repeatCount).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    try RepeatedSplits.splits(
      splitter: "RepeatedStratifiedKFold", splitCount: splitCount, repeatCount: repeatCount,
      seed: seed,
      sampleCount: sampleCount, labels: labels, groups: groups
    ) { StratifiedKFold(splitCount: $0, shuffle: true, seed: $1) }
  }

  /// `splitCount · repeatCount`.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2` or `n_repeats < 1`.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try RepeatedSplits.count(
      splitter: "RepeatedStratifiedKFold", splitCount: splitCount, repeatCount: repeatCount)
  }
}

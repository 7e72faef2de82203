import LinearAlgebra
import SwiftLearnCore

/// K-fold cross-validation: consecutive folds of (nearly) equal size, each the test set once.
///
/// The first `n % splitCount` folds have `n / splitCount + 1` samples, the others `n / splitCount`.
/// Without shuffling the indices are exactly scikit-learn's; with `shuffle` the rows are
/// permuted by a `SeededGenerator` first (same fold sizes as scikit-learn, different draws).
///
/// scikit-learn: `sklearn.model_selection.KFold`; defaults `n_splits=5`, `shuffle=False`,
/// `random_state=None`.
///
///     let folds = try KFold(splitCount: 3).splits(sampleCount: 7)
///     folds[0].test   // [0, 1, 2]
public struct KFold: Splitter, Hashable, Codable {
  /// The number of folds (`n_splits`), at least 2; default 5.
  public var splitCount: Int
  /// Whether to shuffle the rows before cutting folds; default `false`.
  public var shuffle: Bool
  /// The shuffle seed (`random_state`); `nil` draws a fresh one per call. Must be `nil`
  /// without `shuffle`.
  public var seed: UInt64?

  /// Creates the splitter; parameters are checked when splitting.
  public init(splitCount: Int = 5, shuffle: Bool = false, seed: UInt64? = nil) {
    self.splitCount = splitCount
    self.shuffle = shuffle
    self.seed = seed
  }

  /// The k folds.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`, `n_splits > n_samples` or a
  ///   seed without shuffle; `LearnError.emptyInput` for zero samples.
  /// - Complexity: O(n · splitCount).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    try validate(sampleCount: sampleCount)
    var order = Array(0..<sampleCount)
    if shuffle {
      var rng = SplitCodes.generator(seed)
      rng.shuffle(&order)
    }
    var fold = [Int](repeating: 0, count: sampleCount)
    var start = 0
    for f in 0..<splitCount {
      let size = sampleCount / splitCount + (f < sampleCount % splitCount ? 1 : 0)
      for k in start..<(start + size) { fold[order[k]] = f }
      start += size
    }
    return SplitCodes.fromFoldIDs(fold, foldCount: splitCount)
  }

  /// `splitCount` after checking the parameters against `sampleCount`.
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try validate(sampleCount: sampleCount)
    return splitCount
  }

  func validate(sampleCount: Int) throws {
    try SplitCodes.checkSplitCount(splitCount, splitter: "KFold")
    try SplitCodes.checkSeedUnused(seed, shuffle: shuffle, splitter: "KFold")
    try SplitCodes.checkSamples(sampleCount, splitter: "KFold")
    try SplitCodes.checkNotMoreSplits(splitCount, than: sampleCount, splitter: "KFold")
  }
}

import LinearAlgebra
import SwiftLearnCore

/// Random permutation cross-validation: `splitCount` independent random train/test splits.
///
/// Each split permutes the rows with a `SeededGenerator`; the test set is the first
/// `n_test` of the permutation and the training set the next `n_train`. Test and train sets
/// may overlap across splits. The sizes follow scikit-learn's rules (a test fraction rounds
/// up, a train fraction down, the missing side is the complement); the draws are ours.
///
/// scikit-learn: `sklearn.model_selection.ShuffleSplit`; defaults `n_splits=10`,
/// `test_size=None` (0.1 when `train_size` is also `nil`), `train_size=None`,
/// `random_state=None`.
public struct ShuffleSplit: Splitter, Hashable, Codable {
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

  /// The random splits; the indices come in permutation order (not sorted), like
  /// scikit-learn's.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 1` or sizes out of range;
  ///   `LearnError.emptyInput` for zero samples.
  /// - Complexity: O(n · splitCount).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    let name = "ShuffleSplit"
    try ShuffleSplit.checkSplitCount(splitCount, splitter: name)
    try SplitCodes.checkSamples(sampleCount, splitter: name)
    let (nTrain, nTest) = try SplitCodes.resolveSizes(
      sampleCount: sampleCount, testSize: testSize, trainSize: trainSize, defaultTest: 0.1,
      splitter: name)
    var rng = SplitCodes.generator(seed)
    return (0..<splitCount).map { _ in
      var order = Array(0..<sampleCount)
      rng.shuffle(&order)
      return Split(train: Array(order[nTest..<(nTest + nTrain)]), test: Array(order[0..<nTest]))
    }
  }

  /// `splitCount` after checking it.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 1`.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try ShuffleSplit.checkSplitCount(splitCount, splitter: "ShuffleSplit")
    return splitCount
  }

  static func checkSplitCount(_ splitCount: Int, splitter: String) throws {
    guard splitCount >= 1 else {
      throw LearnError.invalidParameter(
        estimator: splitter, name: "n_splits", value: "\(splitCount)", expected: "an integer >= 1")
    }
  }
}

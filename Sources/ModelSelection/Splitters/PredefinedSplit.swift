import LinearAlgebra
import SwiftLearnCore

/// Splits given in advance: `testFold[i]` is the test fold of sample `i`, or `-1` to keep the
/// sample in every training set.
///
/// One split per distinct fold id other than `-1`, in increasing id order; the indices are
/// exactly scikit-learn's. Useful for a fixed validation set.
///
/// scikit-learn: `sklearn.model_selection.PredefinedSplit(test_fold)`.
///
///     let cv = PredefinedSplit(testFold: [0, 1, -1, 1])
///     try cv.splits(sampleCount: 4)   // test [0], then test [1, 3]
public struct PredefinedSplit: Splitter, Hashable, Codable {
  /// The fold id of each sample (`test_fold`); `-1` means "never tested".
  public var testFold: [Int]

  /// Creates the splitter.
  public init(testFold: [Int]) { self.testFold = testFold }

  /// One split per distinct fold id ≠ −1.
  ///
  /// - Throws: `LearnError.lengthMismatch` when `sampleCount != testFold.count`;
  ///   `LearnError.invalidParameter` when no sample has a fold id other than `-1`.
  /// - Complexity: O(n · folds + n log n).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    let ids = try folds(sampleCount: sampleCount)
    var index: [Int: Int] = [:]
    for (k, id) in ids.enumerated() { index[id] = k }
    let fold = testFold.map { $0 == -1 ? -1 : (index[$0] ?? -1) }
    return SplitCodes.fromFoldIDs(fold, foldCount: ids.count)
  }

  /// The number of distinct fold ids other than `-1`.
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  /// - Complexity: O(n log n).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try folds(sampleCount: sampleCount).count
  }

  func folds(sampleCount: Int) throws -> [Int] {
    guard sampleCount == testFold.count else {
      throw LearnError.lengthMismatch(input: "X", expected: testFold.count, got: sampleCount)
    }
    let ids = Set(testFold).subtracting([-1]).sorted()
    guard !ids.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "PredefinedSplit", name: "test_fold", value: "all -1",
        expected: "at least one sample with a fold id other than -1")
    }
    return ids
  }
}

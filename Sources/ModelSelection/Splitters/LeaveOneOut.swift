import LinearAlgebra
import SwiftLearnCore

/// Leave-one-out cross-validation: each sample is the test set once.
///
/// Equivalent to ``KFold`` with `splitCount = n`; the indices are exactly scikit-learn's.
///
/// scikit-learn: `sklearn.model_selection.LeaveOneOut` (no parameters).
public struct LeaveOneOut: Splitter, Hashable, Codable {
  /// Creates the splitter.
  public init() {}

  /// `n` splits, test set `[i]` for each sample `i`.
  ///
  /// - Throws: `LearnError.invalidParameter` for fewer than 2 samples.
  /// - Complexity: O(n²).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    _ = try splitCount(sampleCount: sampleCount, labels: labels, groups: groups)
    return (0..<sampleCount).map { i in
      Split(train: Array(0..<i) + Array((i + 1)..<sampleCount), test: [i])
    }
  }

  /// The number of samples.
  ///
  /// - Throws: `LearnError.invalidParameter` for fewer than 2 samples.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try SplitCodes.checkSamples(sampleCount, splitter: "LeaveOneOut")
    guard sampleCount >= 2 else {
      throw LearnError.invalidParameter(
        estimator: "LeaveOneOut", name: "n_samples", value: "\(sampleCount)",
        expected: "at least 2 samples (one to test, one to train)")
    }
    return sampleCount
  }
}

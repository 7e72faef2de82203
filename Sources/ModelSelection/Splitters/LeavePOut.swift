import LinearAlgebra
import SwiftLearnCore

/// Leave-p-out cross-validation: every subset of `p` samples is the test set once.
///
/// The subsets come in lexicographic order (Python's `itertools.combinations`), so the
/// indices are exactly scikit-learn's. There are C(n, p) splits; because the splits are
/// materialized, more than ``maximumSplitCount`` throws instead of exhausting memory.
///
/// scikit-learn: `sklearn.model_selection.LeavePOut(p)` (no default).
public struct LeavePOut: Splitter, Hashable, Codable {
  /// The size of each test set (`p`), at least 1 and less than the number of samples.
  public var p: Int

  /// The most splits this splitter will build (1,000,000).
  public static let maximumSplitCount = 1_000_000

  /// Creates the splitter; `p` is checked when splitting.
  public init(p: Int) { self.p = p }

  /// The C(n, p) splits in lexicographic order of the test sets.
  ///
  /// - Throws: `LearnError.invalidParameter` when `p < 1`, `p >= n`, or C(n, p) exceeds
  ///   ``maximumSplitCount``.
  /// - Complexity: O(C(n, p) · n).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    let count = try splitCount(sampleCount: sampleCount, labels: labels, groups: groups)
    var result: [Split] = []
    result.reserveCapacity(count)
    var combination = Array(0..<p)
    var inTest = [Bool](repeating: false, count: sampleCount)
    while true {
      for i in combination { inTest[i] = true }
      var train: [Int] = []
      train.reserveCapacity(sampleCount - p)
      for i in 0..<sampleCount where !inTest[i] { train.append(i) }
      for i in combination { inTest[i] = false }
      result.append(Split(train: train, test: combination))
      // Next combination: the rightmost entry that can still move right.
      var j = p - 1
      while j >= 0 && combination[j] == sampleCount - p + j { j -= 1 }
      if j < 0 { break }
      combination[j] += 1
      for t in (j + 1)..<p { combination[t] = combination[t - 1] + 1 }
    }
    return result
  }

  /// C(n, p).
  ///
  /// - Throws: as ``splits(sampleCount:labels:groups:)``.
  /// - Complexity: O(p).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try SplitCodes.checkSamples(sampleCount, splitter: "LeavePOut")
    guard p >= 1, p < sampleCount else {
      throw LearnError.invalidParameter(
        estimator: "LeavePOut", name: "p", value: "\(p)",
        expected: "an integer in [1, n_samples) (n_samples = \(sampleCount))")
    }
    var count = 1
    for i in 0..<Swift.min(p, sampleCount - p) {
      // count · (n - i) / (i + 1) stays an integer at every step.
      let (product, overflow) = count.multipliedReportingOverflow(by: sampleCount - i)
      guard !overflow, product / (i + 1) <= LeavePOut.maximumSplitCount else {
        throw LearnError.invalidParameter(
          estimator: "LeavePOut", name: "p", value: "\(p)",
          expected:
            "small enough that C(n_samples, p) <= \(LeavePOut.maximumSplitCount) (n_samples = \(sampleCount))"
        )
      }
      count = product / (i + 1)
    }
    return count
  }
}

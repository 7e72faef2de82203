import LinearAlgebra
import SwiftLearnCore

/// Time-series cross-validation: each test set follows its training set in time, and the
/// training sets grow (or slide, with ``maxTrainSize``).
///
/// The last `splitCount · testSize` samples are cut into `splitCount` consecutive test sets; the
/// training set of each is everything before it minus `gap` samples, keeping only the last
/// `maxTrainSize` when that is set. The indices are exactly scikit-learn's. Rows must be in
/// time order; labels and groups are ignored.
///
/// scikit-learn: `sklearn.model_selection.TimeSeriesSplit`; defaults `n_splits=5`,
/// `max_train_size=None`, `test_size=None` (meaning `n_samples / (n_splits + 1)`), `gap=0`.
///
///     let folds = try TimeSeriesSplit(splitCount: 3).splits(sampleCount: 8)
///     folds[0]   // train [0, 1], test [2, 3]
public struct TimeSeriesSplit: Splitter, Hashable, Codable {
  /// The number of splits (`n_splits`), at least 2; default 5.
  public var splitCount: Int
  /// The largest training set (`max_train_size`); `nil` (default) keeps all earlier samples.
  public var maxTrainSize: Int?
  /// The size of each test set (`test_size`); `nil` (default) means
  /// `n_samples / (n_splits + 1)`.
  public var testSize: Int?
  /// Samples dropped between the end of each training set and its test set (`gap`); default 0.
  public var gap: Int

  /// Creates the splitter; parameters are checked when splitting.
  public init(splitCount: Int = 5, maxTrainSize: Int? = nil, testSize: Int? = nil, gap: Int = 0) {
    self.splitCount = splitCount
    self.maxTrainSize = maxTrainSize
    self.testSize = testSize
    self.gap = gap
  }

  /// The splits, oldest first.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`, `n_splits + 1 > n_samples`,
  ///   a negative `gap`, a non-positive `test_size` or `max_train_size`, or sizes that leave
  ///   no training sample.
  /// - Complexity: O(n · splitCount).
  public func splits(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> [Split] {
    let name = "TimeSeriesSplit"
    try SplitCodes.checkSplitCount(splitCount, splitter: name)
    try SplitCodes.checkSamples(sampleCount, splitter: name)
    guard gap >= 0 else {
      throw LearnError.invalidParameter(
        estimator: name, name: "gap", value: "\(gap)", expected: "an integer >= 0")
    }
    if let testSize, testSize < 1 {
      throw LearnError.invalidParameter(
        estimator: name, name: "test_size", value: "\(testSize)", expected: "an integer >= 1")
    }
    if let maxTrainSize, maxTrainSize < 1 {
      throw LearnError.invalidParameter(
        estimator: name, name: "max_train_size", value: "\(maxTrainSize)",
        expected: "an integer >= 1")
    }
    let foldCount = splitCount + 1
    guard foldCount <= sampleCount else {
      throw LearnError.invalidParameter(
        estimator: name, name: "n_splits", value: "\(splitCount)",
        expected: "< the number of samples (\(sampleCount)); n_splits + 1 folds are needed")
    }
    let size = testSize ?? sampleCount / foldCount
    let (testTotal, overflow) = size.multipliedReportingOverflow(by: splitCount)
    guard !overflow, gap < sampleCount, sampleCount - gap - testTotal > 0 else {
      throw LearnError.invalidParameter(
        estimator: name, name: "n_splits", value: "\(splitCount)",
        expected:
          "small enough to leave training samples (n_samples = \(sampleCount), test_size = \(size), gap = \(gap))"
      )
    }
    var result: [Split] = []
    result.reserveCapacity(splitCount)
    var testStart = sampleCount - testTotal
    while testStart < sampleCount {
      let trainEnd = testStart - gap
      let trainStart = maxTrainSize.map { Swift.max(0, trainEnd - $0) } ?? 0
      let testEnd = Swift.min(testStart + size, sampleCount)
      result.append(Split(train: Array(trainStart..<trainEnd), test: Array(testStart..<testEnd)))
      testStart += size
    }
    return result
  }

  /// `splitCount` after checking it.
  ///
  /// - Throws: `LearnError.invalidParameter` for `n_splits < 2`.
  /// - Complexity: O(1).
  public func splitCount(sampleCount: Int, labels: [Int]?, groups: [Int]?) throws -> Int {
    try SplitCodes.checkSplitCount(splitCount, splitter: "TimeSeriesSplit")
    return splitCount
  }
}

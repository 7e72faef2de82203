import LinearAlgebra
import SwiftLearnCore

/// Splits `sampleCount` row indices into one random (or ordered) train and test set.
///
/// Sizes follow scikit-learn: `testSize` / `trainSize` as a fraction or a count, a test
/// fraction rounded up and a train fraction rounded down, the missing side the complement;
/// with neither given the test set is 25%. Without `shuffle` the training set is the first
/// `n_train` rows and the test set the next `n_test` (exactly scikit-learn's); with `shuffle`
/// the rows are permuted by a `SeededGenerator` (same sizes as scikit-learn, different draws).
/// Use the returned indices to split any number of arrays consistently.
///
/// scikit-learn: `sklearn.model_selection.train_test_split`; defaults `test_size=None`,
/// `train_size=None`, `shuffle=True`, `random_state=None` (here `seed`, `nil` draws one).
///
///     let split = try trainTestSplit(sampleCount: 10, testSize: 0.3, seed: 0)
///     split.test.count   // 3
///
/// - Throws: `LearnError.invalidParameter` naming `test_size` / `train_size` when a size is
///   out of range or the train set would be empty; `LearnError.emptyInput` for zero samples.
/// - Complexity: O(n).
public func trainTestSplit(
  sampleCount: Int, testSize: SplitSize? = nil, trainSize: SplitSize? = nil,
  shuffle: Bool = true, seed: UInt64? = nil
) throws -> Split {
  let name = "train_test_split"
  try SplitCodes.checkSamples(sampleCount, splitter: name)
  let (nTrain, nTest) = try SplitCodes.resolveSizes(
    sampleCount: sampleCount, testSize: testSize, trainSize: trainSize, defaultTest: 0.25,
    splitter: name)
  guard shuffle else {
    return Split(train: Array(0..<nTrain), test: Array(nTrain..<(nTrain + nTest)))
  }
  var rng = SplitCodes.generator(seed)
  var order = Array(0..<sampleCount)
  rng.shuffle(&order)
  return Split(train: Array(order[nTest..<(nTest + nTrain)]), test: Array(order[0..<nTest]))
}

/// Splits row indices into one train and test set that keep the class shares of `stratify`.
///
/// Per-class counts are scikit-learn's (`StratifiedShuffleSplit`'s approximate mode, each
/// within one of the exact share); draws are ours. Stratification always shuffles
/// (scikit-learn raises for `shuffle=False` with `stratify`).
///
/// scikit-learn: `train_test_split(..., stratify=y)`.
///
/// - Throws: as ``trainTestSplit(sampleCount:testSize:trainSize:shuffle:seed:)``, plus
///   `LearnError.unsupportedInput` when a class has one member and
///   `LearnError.invalidParameter` when a set is smaller than the number of classes.
/// - Complexity: O(n log n).
public func trainTestSplit<S: Hashable & Comparable>(
  stratify: [S], testSize: SplitSize? = nil, trainSize: SplitSize? = nil, seed: UInt64? = nil
) throws -> Split {
  let name = "train_test_split"
  try SplitCodes.checkSamples(stratify.count, splitter: name)
  let (nTrain, nTest) = try SplitCodes.resolveSizes(
    sampleCount: stratify.count, testSize: testSize, trainSize: trainSize, defaultTest: 0.25,
    splitter: name)
  var rng = SplitCodes.generator(seed)
  let splits = try StratifiedShuffleSplit.draw(
    labels: SplitCodes.encode(stratify), nTrain: nTrain, nTest: nTest, count: 1,
    splitter: name, generator: &rng)
  guard let first = splits.first else {
    throw LearnError.emptyInput(input: "stratify", reason: "no split could be drawn")
  }
  return first
}

/// Splits a feature matrix and its target (`[Double]` values or class labels) into train and
/// test parts with the same rows.
///
/// A convenience over ``trainTestSplit(sampleCount:testSize:trainSize:shuffle:seed:)``;
/// `stratified: true` keeps the class shares of `y` (``trainTestSplit(stratify:testSize:trainSize:seed:)``).
///
/// scikit-learn: `X_train, X_test, y_train, y_test = train_test_split(X, y, ...)`.
///
///     let parts = try trainTestSplit(x, y, testSize: 0.2, seed: 42)
///     let model = try LinearRegression().fit(parts.xTrain, parts.yTrain)
///
/// - Throws: `LearnError.lengthMismatch` when `y.count != x.rowCount`, and the errors of the
///   index versions.
/// - Complexity: O(n · d).
public func trainTestSplit<T: Hashable & Comparable & Sendable>(
  _ x: Matrix, _ y: [T], testSize: SplitSize? = nil, trainSize: SplitSize? = nil,
  shuffle: Bool = true, stratified: Bool = false, seed: UInt64? = nil
) throws -> (xTrain: Matrix, xTest: Matrix, yTrain: [T], yTest: [T]) {
  guard y.count == x.rowCount else {
    throw LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: y.count)
  }
  if stratified && !shuffle {
    throw LearnError.invalidParameter(
      estimator: "train_test_split", name: "shuffle", value: "false",
      expected: "true when stratifying (a stratified split without shuffling is not defined)")
  }
  let split =
    stratified
    ? try trainTestSplit(stratify: y, testSize: testSize, trainSize: trainSize, seed: seed)
    : try trainTestSplit(
      sampleCount: x.rowCount, testSize: testSize, trainSize: trainSize, shuffle: shuffle,
      seed: seed)
  return (
    try x.rows(split.train), try x.rows(split.test), split.train.map { y[$0] },
    split.test.map { y[$0] }
  )
}

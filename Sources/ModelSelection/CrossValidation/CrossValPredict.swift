import LinearAlgebra
import SwiftLearnCore

/// Out-of-fold predictions of a regressor: each sample predicted by the model fitted on the
/// folds that do not contain it.
///
/// `cv` must partition the samples (every sample in exactly one test set: `KFold`,
/// `GroupKFold`, `LeaveOneOut`, ...). Folds run in parallel into pre-sized slots, so the result
/// equals the serial run bit for bit.
///
/// scikit-learn: `sklearn.model_selection.cross_val_predict(estimator, X, y, cv=5)`.
///
///     let predicted = try crossValPredict(model, x, y, cv: KFold(splitCount: 5))
///
/// - Throws: `LearnError.unsupportedInput` (input `cv`) when the test sets do not partition
///   the samples; otherwise as `crossValScore`.
/// - Complexity: the sum of `splitCount` fits and predictions, spread over the cores.
public func crossValPredict<E: Regressor>(
  _ estimator: E, _ x: Matrix, _ y: [Double], cv: some Splitter = KFold(),
  groups: [Int]? = nil, parallel: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil,
  cancellation: CancellationToken? = nil
) throws -> [Double] {
  let splits = try CrossValidationEngine.prepare(
    x: x, y: y, cv: cv, labels: nil, groups: groups)
  let owner = try CrossValidationEngine.partition(splits, sampleCount: x.rowCount)
  let folds = try CrossValidationEngine.predictFolds(
    estimator, x: x, y: y, splits: splits, parallel: parallel, progress: progress,
    cancellation: cancellation
  ) { fitted, xTest in try fitted.predict(xTest) }
  try CrossValidationEngine.checkCounts(folds.map(\.count), splits: splits)
  return owner.map { folds[$0.fold][$0.slot] }
}

/// Out-of-fold predicted labels of a classifier (labels go to `cv`; default
/// `StratifiedKFold(splitCount: 5)`).
///
/// scikit-learn: `cross_val_predict(classifier, X, y, cv=5)`.
///
/// - Throws: as the regressor version.
/// - Complexity: the sum of `splitCount` fits and predictions, spread over the cores.
public func crossValPredict<E: Classifier>(
  _ estimator: E, _ x: Matrix, _ y: [E.Label], cv: some Splitter = StratifiedKFold(),
  groups: [Int]? = nil, parallel: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil,
  cancellation: CancellationToken? = nil
) throws -> [E.Label] {
  let splits = try CrossValidationEngine.prepare(
    x: x, y: y, cv: cv, labels: SplitCodes.encode(y), groups: groups)
  let owner = try CrossValidationEngine.partition(splits, sampleCount: x.rowCount)
  let folds = try CrossValidationEngine.predictFolds(
    estimator, x: x, y: y, splits: splits, parallel: parallel, progress: progress,
    cancellation: cancellation
  ) { fitted, xTest in try fitted.predict(xTest) }
  try CrossValidationEngine.checkCounts(folds.map(\.count), splits: splits)
  return owner.map { folds[$0.fold][$0.slot] }
}

/// Out-of-fold class probabilities of a probabilistic classifier.
///
/// One row per sample and one column per class of the whole `y`, in sorted order (scikit-learn's
/// `classes_`); a class missing from a fold's training set gets probability 0 in that fold's
/// rows, as in scikit-learn.
///
/// scikit-learn: `cross_val_predict(classifier, X, y, cv=5, method="predict_proba")`.
///
///     let p = try crossValPredictProbabilities(DummyClassifier<Int>(), x, y)
///
/// - Throws: as `crossValPredict` for classifiers.
/// - Complexity: the sum of `splitCount` fits and predictions plus O(n · classes).
public func crossValPredictProbabilities<E: Classifier>(
  _ estimator: E, _ x: Matrix, _ y: [E.Label], cv: some Splitter = StratifiedKFold(),
  groups: [Int]? = nil, parallel: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil,
  cancellation: CancellationToken? = nil
) throws -> Matrix where E.Fitted: ProbabilisticClassifier {
  let splits = try CrossValidationEngine.prepare(
    x: x, y: y, cv: cv, labels: SplitCodes.encode(y), groups: groups)
  let owner = try CrossValidationEngine.partition(splits, sampleCount: x.rowCount)
  let classes = Array(Set(y)).sorted()
  var column: [E.Label: Int] = [:]
  for (k, c) in classes.enumerated() { column[c] = k }
  let folds = try CrossValidationEngine.predictFolds(
    estimator, x: x, y: y, splits: splits, parallel: parallel, progress: progress,
    cancellation: cancellation
  ) { fitted, xTest in (classes: fitted.classes, p: try fitted.predictProbabilities(xTest)) }
  try CrossValidationEngine.checkCounts(folds.map(\.p.rowCount), splits: splits)
  let k = classes.count
  var out = [Double](repeating: 0, count: x.rowCount * k)
  // Map each fold's columns to the global class order once.
  let maps: [[Int]] = folds.map { fold in fold.classes.map { column[$0] ?? -1 } }
  for (i, place) in owner.enumerated() {
    let fold = folds[place.fold]
    let width = fold.p.columnCount
    guard width == maps[place.fold].count else {
      throw LearnError.lengthMismatch(
        input: "predict_proba columns", expected: maps[place.fold].count, got: width)
    }
    for (j, target) in maps[place.fold].enumerated() where target >= 0 {
      out[i * k + target] = try fold.p.element(place.slot, j)
    }
  }
  return try Matrix(rowCount: x.rowCount, columnCount: k, storage: out)
}

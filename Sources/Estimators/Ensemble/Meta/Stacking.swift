import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Stacks regressors: a final regressor is trained on the members' cross-validated
/// predictions (optionally with the original features), and at predict time on the
/// predictions of the members refitted on all rows.
///
/// scikit-learn equivalent: `sklearn.ensemble.StackingRegressor`. The meta-features are
/// out-of-fold predictions over scikit-learn's unshuffled `KFold(n_splits=cvFolds)` folds, so
/// every training row is predicted by members that never saw it. (The folds are computed
/// here rather than with ModelSelection's `crossValPredict`, which sits above this module.)
///
/// Defaults: `finalEstimator: EnsembleMemberRegressor(RidgeCV())`, `cvFolds: 5`, `passthrough: false`.
///
/// ```swift
/// let stack = StackingRegressor(
///   estimators: [EnsembleMemberRegressor(Ridge()), EnsembleMemberRegressor(RandomForestRegressor(seed: 0))])
/// let model = try stack.fit(x, y)
/// ```
public struct StackingRegressor: Regressor, DefaultInitializable {
  /// The base regressors (`estimators`).
  public var estimators: [EnsembleMemberRegressor]
  /// The regressor trained on the meta-features (`final_estimator`).
  public var finalEstimator: EnsembleMemberRegressor
  /// Folds of the cross-fitting (`cv`), `>= 2`.
  public var cvFolds: Int
  /// Also give the final estimator the original features (`passthrough`).
  public var passthrough: Bool

  /// Creates a stacking regressor.
  ///
  /// - Parameters:
  ///   - estimators: The base regressors.
  ///   - finalEstimator: The meta-regressor.
  ///   - cvFolds: Cross-fitting folds.
  ///   - passthrough: Append the original features to the meta-features.
  public init(
    estimators: [EnsembleMemberRegressor],
    finalEstimator: EnsembleMemberRegressor = EnsembleMemberRegressor(RidgeCV()),
    cvFolds: Int = 5, passthrough: Bool = false
  ) {
    self.estimators = estimators
    self.finalEstimator = finalEstimator
    self.cvFolds = cvFolds
    self.passthrough = passthrough
  }

  /// A stacking regressor without members (fitting it throws naming `estimators`).
  public init() { self.init(estimators: []) }

  /// What the stack accepts depends on its members.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false)
  }

  /// Checks the settings and every member's.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `estimators`, `cvFolds` or a member's
  ///   parameter.
  public func validateHyperparameters() throws {
    guard !estimators.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "StackingRegressor", name: "estimators", value: "[]",
        expected: "at least one estimator")
    }
    try Check.count(cvFolds, atLeast: 2, estimator: "StackingRegressor", name: "cvFolds")
    for e in estimators { try e.validateHyperparameters() }
    try finalEstimator.validateHyperparameters()
  }

  /// Cross-fits the meta-features, fits the final estimator on them and refits the members
  /// on all rows.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Targets.
  /// - Returns: The fitted stack.
  /// - Throws: `LearnError.invalidParameter`, input errors, or a member's errors.
  public func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.target(y, sampleCount: x.rowCount)
    let folds = try stackingFolds(kFoldAssignment(rowCount: x.rowCount, folds: cvFolds), x: x)
    var columns: [[Double]] = []
    for e in estimators {
      var column = [Double](repeating: 0, count: x.rowCount)
      for fold in folds {
        let model = try e.fit(fold.trainX, fold.train.map { y[$0] })
        let p = try model.predict(fold.testX)
        for (j, r) in fold.test.enumerated() { column[r] = p[j] }
      }
      columns.append(column)
    }
    let meta = try stackingFeatures(columns, x: x, passthrough: passthrough)
    let final = try finalEstimator.fit(meta, y)
    let members = try estimators.map { try $0.fit(x, y) }
    return Fitted(
      featureCount: x.columnCount, members: members, finalModel: final, passthrough: passthrough)
  }

  /// A fitted stacking regressor.
  public struct Fitted: FittedRegressor {
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The members refitted on all rows (`estimators_`).
    public let members: [EnsembleFittedRegressor]
    /// The fitted meta-regressor (`final_estimator_`).
    public let finalModel: EnsembleFittedRegressor
    /// Whether the original features are appended to the meta-features.
    public let passthrough: Bool

    /// The meta-features of `x`: one column per member (then `x` with passthrough).
    ///
    /// - Parameter x: Rows to transform.
    /// - Returns: The matrix the final estimator predicts from.
    /// - Throws: Input errors or a member's errors.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      return try stackingFeatures(
        members.map { try $0.predict(x) }, x: x, passthrough: passthrough)
    }

    /// The final estimator's predictions from the members' predictions.
    ///
    /// - Parameter x: Rows to predict.
    /// - Returns: One prediction per row.
    /// - Throws: Input errors or a member's errors.
    public func predict(_ x: Matrix) throws -> [Double] {
      try finalModel.predict(transform(x))
    }
  }
}

/// Columns (plus `x` with passthrough) as one row-major matrix.
func stackingFeatures(_ columns: [[Double]], x: Matrix, passthrough: Bool) throws -> Matrix {
  let n = x.rowCount
  let width = columns.count
  var storage = [Double](repeating: 0, count: n * width)
  for (j, column) in columns.enumerated() {
    guard column.count == n else {
      throw LearnError.lengthMismatch(input: "meta-features", expected: n, got: column.count)
    }
    for i in 0..<n { storage[i * width + j] = column[i] }
  }
  let meta = try Matrix(rowCount: n, columnCount: width, storage: storage)
  return passthrough ? try meta.appendingColumns(x) : meta
}

/// Stacks classifiers: a final classifier is trained on the members' cross-validated class
/// probabilities (optionally with the original features).
///
/// scikit-learn equivalent: `sklearn.ensemble.StackingClassifier` with
/// `stack_method="predict_proba"`. Meta-features are out-of-fold probabilities over
/// scikit-learn's unshuffled `StratifiedKFold(n_splits=cvFolds)` folds; with two classes only
/// the second class's probability is kept per member, as scikit-learn does. Every member must
/// give probabilities.
///
/// Defaults: `finalEstimator: EnsembleMemberClassifier(GradientBoostingClassifier())` (scikit-learn's
/// `LogisticRegression` is not in this module), `cvFolds: 5`, `passthrough: false`.
public struct StackingClassifier<Label: ClassLabel>: Classifier, DefaultInitializable {
  /// The base classifiers (`estimators`).
  public var estimators: [EnsembleMemberClassifier<Label>]
  /// The classifier trained on the meta-features (`final_estimator`).
  public var finalEstimator: EnsembleMemberClassifier<Label>
  /// Folds of the cross-fitting (`cv`), `>= 2`.
  public var cvFolds: Int
  /// Also give the final estimator the original features (`passthrough`).
  public var passthrough: Bool

  /// Creates a stacking classifier.
  ///
  /// - Parameters:
  ///   - estimators: The base classifiers (each must predict probabilities).
  ///   - finalEstimator: The meta-classifier.
  ///   - cvFolds: Cross-fitting folds.
  ///   - passthrough: Append the original features to the meta-features.
  public init(
    estimators: [EnsembleMemberClassifier<Label>],
    finalEstimator: EnsembleMemberClassifier<Label> = EnsembleMemberClassifier(
      GradientBoostingClassifier<Label>()),
    cvFolds: Int = 5, passthrough: Bool = false
  ) {
    self.estimators = estimators
    self.finalEstimator = finalEstimator
    self.cvFolds = cvFolds
    self.passthrough = passthrough
  }

  /// A stacking classifier without members (fitting it throws naming `estimators`).
  public init() { self.init(estimators: []) }

  /// What the stack accepts depends on its members.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, isDeterministic: false)
  }

  /// Checks the settings and every member's.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `estimators`, `cvFolds` or a member's
  ///   parameter.
  public func validateHyperparameters() throws {
    guard !estimators.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "StackingClassifier", name: "estimators", value: "[]",
        expected: "at least one estimator")
    }
    try Check.count(cvFolds, atLeast: 2, estimator: "StackingClassifier", name: "cvFolds")
    for e in estimators { try e.validateHyperparameters() }
    try finalEstimator.validateHyperparameters()
  }

  /// Cross-fits the meta-features, fits the final estimator and refits the members.
  ///
  /// - Parameters:
  ///   - x: Training features.
  ///   - y: Labels, at least two classes.
  /// - Returns: The fitted stack.
  /// - Throws: `LearnError.invalidParameter`, `.tooFewClasses`, input errors, or a member's
  ///   errors (`.unsupportedInput` for a member without probabilities).
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.labels(y, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let codes = try encoding.encode(y)
    let folds = try stackingFolds(
      stratifiedFoldAssignment(codes: codes, classCount: encoding.classCount, folds: cvFolds),
      x: x)
    let k = encoding.classCount
    var blocks: [Matrix] = []
    for e in estimators {
      var out = [Double](repeating: 0, count: x.rowCount * k)
      for fold in folds {
        let model = try e.fit(fold.trainX, fold.train.map { y[$0] })
        let p = try model.predictProbabilities(fold.testX)
        let mapping = model.classes.map { encoding.code(of: $0) ?? -1 }
        let width = p.columnCount
        p.withUnsafeStorage { s in
          for (j, r) in fold.test.enumerated() {
            for (c, target) in mapping.enumerated() where target >= 0 && c < width {
              out[r * k + target] = s[j * width + c]
            }
          }
        }
      }
      blocks.append(try Matrix(rowCount: x.rowCount, columnCount: k, storage: out))
    }
    let meta = try stackingClassFeatures(blocks, x: x, passthrough: passthrough)
    let final = try finalEstimator.fit(meta, y)
    let members = try estimators.map { try $0.fit(x, y) }
    return Fitted(
      featureCount: x.columnCount, encoding: encoding, members: members, finalModel: final,
      passthrough: passthrough)
  }

  /// A fitted stacking classifier.
  public struct Fitted: ProbabilisticClassifier {
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// The members refitted on all rows (`estimators_`).
    public let members: [EnsembleFittedClassifier<Label>]
    /// The fitted meta-classifier (`final_estimator_`).
    public let finalModel: EnsembleFittedClassifier<Label>
    /// Whether the original features are appended to the meta-features.
    public let passthrough: Bool

    /// The sorted training classes (`classes_`).
    public var classes: [Label] { encoding.classes }

    /// The meta-features of `x`.
    ///
    /// - Parameter x: Rows to transform.
    /// - Returns: The matrix the final estimator predicts from.
    /// - Throws: Input errors or a member's errors.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      var blocks: [Matrix] = []
      for member in members {
        // Align each member's columns to the training classes.
        let p = try member.predictProbabilities(x)
        let k = encoding.classCount
        var out = [Double](repeating: 0, count: x.rowCount * k)
        let mapping = member.classes.map { encoding.code(of: $0) ?? -1 }
        p.withUnsafeStorage { s in
          let w = p.columnCount
          for i in 0..<x.rowCount {
            for (j, c) in mapping.enumerated() where c >= 0 && j < w {
              out[i * k + c] = s[i * w + j]
            }
          }
        }
        blocks.append(try Matrix(rowCount: x.rowCount, columnCount: k, storage: out))
      }
      return try stackingClassFeatures(blocks, x: x, passthrough: passthrough)
    }

    /// The final estimator's probabilities.
    ///
    /// - Parameter x: Rows to score.
    /// - Returns: An `n × classCount` matrix.
    /// - Throws: Input errors or a member's errors.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try finalModel.predictProbabilities(transform(x))
    }

    /// The final estimator's labels.
    ///
    /// - Parameter x: Rows to classify.
    /// - Returns: One label per row.
    /// - Throws: Input errors or a member's errors.
    public func predict(_ x: Matrix) throws -> [Label] {
      try finalModel.predict(transform(x))
    }
  }
}

/// Probability blocks (second column only for two classes) plus `x` with passthrough.
func stackingClassFeatures(_ blocks: [Matrix], x: Matrix, passthrough: Bool) throws -> Matrix {
  var meta: Matrix?
  for block in blocks {
    let part = block.columnCount == 2 ? try block.columns([1]) : block
    meta = try meta.map { try $0.appendingColumns(part) } ?? part
  }
  guard let meta else {
    throw LearnError.emptyInput(input: "estimators", reason: "no members to stack")
  }
  return passthrough ? try meta.appendingColumns(x) : meta
}

/// One cross-fitting fold: its training and test rows and their feature matrices.
struct StackingFold {
  let train: [Int]
  let test: [Int]
  let trainX: Matrix
  let testX: Matrix
}

/// The folds of a per-row fold assignment.
func stackingFolds(_ assignment: [Int], x: Matrix) throws -> [StackingFold] {
  let count = (assignment.max() ?? -1) + 1
  var folds: [StackingFold] = []
  for f in 0..<count {
    let test = assignment.indices.filter { assignment[$0] == f }
    let train = assignment.indices.filter { assignment[$0] != f }
    guard !test.isEmpty, !train.isEmpty else { continue }
    folds.append(
      StackingFold(train: train, test: test, trainX: try x.rows(train), testX: try x.rows(test)))
  }
  return folds
}

/// scikit-learn's unshuffled `KFold`: contiguous folds, the first `n % k` one row larger.
func kFoldAssignment(rowCount n: Int, folds k: Int) throws -> [Int] {
  guard k <= n else {
    throw LearnError.invalidParameter(
      estimator: "StackingRegressor", name: "cvFolds", value: "\(k)",
      expected: "at most the number of samples (\(n))")
  }
  var out = [Int](repeating: 0, count: n)
  var start = 0
  for f in 0..<k {
    let size = n / k + (f < n % k ? 1 : 0)
    for i in start..<(start + size) { out[i] = f }
    start += size
  }
  return out
}

/// scikit-learn's unshuffled `StratifiedKFold` test-fold assignment: rows sorted by class
/// are dealt round-robin into folds to get per-fold class counts, then each class's rows
/// fill its folds in row order.
func stratifiedFoldAssignment(codes: [Int], classCount: Int, folds k: Int) throws -> [Int] {
  var counts = [Int](repeating: 0, count: classCount)
  for c in codes { counts[c] += 1 }
  guard k <= codes.count else {
    throw LearnError.invalidParameter(
      estimator: "StackingClassifier", name: "cvFolds", value: "\(k)",
      expected: "at most the number of samples")
  }
  // scikit-learn orders classes by first appearance for this allocation.
  var firstSeen: [Int] = []
  var seen = Set<Int>()
  for c in codes where !seen.contains(c) {
    seen.insert(c)
    firstSeen.append(c)
  }
  var sortedCodes: [Int] = []
  for c in firstSeen { sortedCodes += [Int](repeating: c, count: counts[c]) }
  var allocation = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: k)
  for (i, c) in sortedCodes.enumerated() { allocation[i % k][c] += 1 }
  var perClassFolds = [[Int]](repeating: [], count: classCount)
  for c in 0..<classCount {
    for f in 0..<k { perClassFolds[c] += [Int](repeating: f, count: allocation[f][c]) }
  }
  var next = [Int](repeating: 0, count: classCount)
  var out = [Int](repeating: 0, count: codes.count)
  for (i, c) in codes.enumerated() {
    let list = perClassFolds[c]
    out[i] = next[c] < list.count ? list[next[c]] : 0
    next[c] += 1
  }
  return out
}

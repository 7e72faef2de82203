import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Logistic regression with `C` (and `l1Ratio`) chosen by stratified cross-validation.
///
/// For every fold of a non-shuffled stratified K-fold split, fits the regularisation path over
/// ``cs`` (each fit warm-started from the previous one), scores the held-out rows, then refits
/// on all rows with the `(C, l1Ratio)` whose scores summed over folds are best (the first
/// best on ties), starting from the mean of the folds' coefficients. scikit-learn:
/// `sklearn.linear_model.LogisticRegressionCV`; defaults match scikit-learn 1.9 (`Cs` 10,
/// `cv` 5, `scoring` accuracy, `tol` 1e-4, `max_iter` 100, `solver` `"lbfgs"`, `refit` true)
/// with `l1_ratios` `(0.0,)` (the 1.10 default) and the simplified fitted attributes of
/// `use_legacy_attributes=False`. The folds are those of `StratifiedKFold(n_splits)`.
///
///     let model = try LogisticRegressionCV<Int>().fit(x, y)
///     model.c          // the chosen C
///     model.scores     // [fold][l1Ratio][C]
///
/// - Complexity: `cvFolds · |l1Ratios| · |cs|` logistic fits plus one.
public struct LogisticRegressionCV<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// The solver type (``LogisticRegressionSolver``).
  public typealias Solver = LogisticRegressionSolver

  /// How the held-out folds are scored (scikit-learn's `scoring`).
  public enum Scoring: String, Sendable, Hashable, Codable, CaseIterable {
    /// Weighted accuracy (scikit-learn's default, `None` or `"accuracy"`).
    case accuracy
    /// Minus the weighted mean log loss of the predicted probabilities (`"neg_log_loss"`).
    case negLogLoss = "neg_log_loss"
  }

  /// The number of `C` values, log-spaced over `[1e-4, 1e4]` (scikit-learn's `Cs` as an
  /// integer, default 10); ignored when ``cs`` is set.
  public var cCount: Int
  /// Explicit `C` values (scikit-learn's `Cs` as a list), or `nil` for ``cCount`` values.
  public var cs: [Double]?
  /// The `l1Ratio` values tried (scikit-learn's `l1_ratios`, default `(0.0,)`).
  public var l1Ratios: [Double]
  /// The number of stratified folds (scikit-learn's `cv` as an integer, default 5).
  public var cvFolds: Int
  /// The held-out score (scikit-learn's `scoring`, default accuracy).
  public var scoring: Scoring
  /// Whether to fit intercepts (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// Per-class weights (scikit-learn's `class_weight`); `.balanced` is computed once on all
  /// rows, as scikit-learn does.
  public var classWeight: ClassWeight<Label>?
  /// The solver (scikit-learn's `solver`, default `"lbfgs"`).
  public var solver: Solver
  /// The solver tolerance (scikit-learn's `tol`, default 1e-4).
  public var tol: Double
  /// The solver iteration limit (scikit-learn's `max_iter`, default 100).
  public var maxIter: Int

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  public init(
    cCount: Int = 10, cs: [Double]? = nil, l1Ratios: [Double] = [0], cvFolds: Int = 5,
    scoring: Scoring = .accuracy, fitIntercept: Bool = true,
    classWeight: ClassWeight<Label>? = nil, solver: Solver = .lbfgs, tol: Double = 1e-4,
    maxIter: Int = 100
  ) {
    self.cCount = cCount
    self.cs = cs
    self.l1Ratios = l1Ratios
    self.cvFolds = cvFolds
    self.scoring = scoring
    self.fitIntercept = fitIntercept
    self.classWeight = classWeight
    self.solver = solver
    self.tol = tol
    self.maxIter = maxIter
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(cCount: 10) }

  /// Accepts sample weights and any number of classes.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// The `C` grid: ``cs`` or `np.logspace(-4, 4, cCount)`.
  public var grid: [Double] {
    if let cs { return cs }
    guard cCount > 1 else { return cCount == 1 ? [1e-4] : [] }
    return (0..<cCount).map { Foundation.pow(10, -4 + 8 * Double($0) / Double(cCount - 1)) }
  }

  /// Checks the grids, `cvFolds`, `tol`, `maxIter`, `classWeight` and the solver.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `cCount`
  ///   (below 1), `cs` (empty or a value not `> 0`), `l1Ratios` (empty or outside [0, 1]),
  ///   `cvFolds` (below 2), `tol`, `maxIter`, `classWeight`, or `solver` when an `l1Ratio` is
  ///   above 0 and the solver is not `.newtonCD`.
  public func validateHyperparameters() throws {
    let name = "LogisticRegressionCV"
    try Check.count(cCount, atLeast: 1, estimator: name, name: "cCount")
    if let cs {
      guard !cs.isEmpty, cs.allSatisfy({ $0 > 0 && !$0.isNaN }) else {
        throw LearnError.invalidParameter(
          estimator: name, name: "cs", value: "\(cs)", expected: "a non-empty list of C > 0")
      }
    }
    guard !l1Ratios.isEmpty, l1Ratios.allSatisfy({ (0...1).contains($0) }) else {
      throw LearnError.invalidParameter(
        estimator: name, name: "l1Ratios", value: "\(l1Ratios)",
        expected: "a non-empty list of numbers in [0, 1]")
    }
    try Check.count(cvFolds, atLeast: 2, estimator: name, name: "cvFolds")
    try Check.finite(tol, atLeast: 0, estimator: name, name: "tol")
    try Check.count(maxIter, atLeast: 0, estimator: name, name: "maxIter")
    try classWeight?.validate(estimator: name)
    if l1Ratios.contains(where: { $0 > 0 }), solver != .newtonCD {
      throw LearnError.invalidParameter(
        estimator: name, name: "solver", value: solver.rawValue,
        expected: "\"newton-cd\" when an l1Ratio is > 0")
    }
  }

  /// Cross-validates the grid and refits on all rows with the best setting.
  ///
  /// - Throws: as ``LogisticRegression/fit(_:_:sampleWeight:)``; also
  ///   `LearnError.invalidParameter(estimator:name:value:expected:)` naming `cvFolds` when it
  ///   exceeds the number of samples or the size of every class (scikit-learn's
  ///   `StratifiedKFold` errors).
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    try Validate.labels(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    guard encoding.classCount >= 2 else { throw LearnError.tooFewClasses(found: 1) }
    let codes = try encoding.encode(y)
    let counts = encoding.classCounts(codes)
    guard cvFolds <= x.rowCount, counts.contains(where: { $0 >= Double(cvFolds) }) else {
      throw LearnError.invalidParameter(
        estimator: "LogisticRegressionCV", name: "cvFolds", value: "\(cvFolds)",
        expected: "at most the number of samples and of members of some class")
    }
    let base = LogisticRegression<Label>(
      tol: tol, fitIntercept: fitIntercept, classWeight: classWeight, solver: solver,
      maxIter: maxIter)
    let combined = try base.combinedWeights(
      classes: encoding.classes, codes: codes, sampleWeight: weights)
    let testFold = stratifiedTestFolds(codes: codes, splitCount: cvFolds)
    let cs = grid
    let k = encoding.classCount
    // scores[fold][l1][c]; paths[fold][l1][c] = parameters.
    var scores: [[[Double]]] = []
    var paths: [[[[Double]]]] = []
    for fold in 0..<cvFolds {
      let train = (0..<codes.count).filter { testFold[$0] != fold }
      let test = (0..<codes.count).filter { testFold[$0] == fold }
      let xTrain = try x.rows(train)
      let xTest = try x.rows(test)
      let trainWeights = train.map { combined[$0] }
      guard trainWeights.contains(where: { $0 > 0 }) else {
        throw LearnError.invalidSampleWeight(
          reason: "a training fold has only zero weights; use fewer folds")
      }
      var foldScores: [[Double]] = []
      var foldPaths: [[[Double]]] = []
      for ratio in l1Ratios {
        var start: [Double]?
        var row: [Double] = []
        var path: [[Double]] = []
        for c in cs {
          var estimator = base
          estimator.c = c
          estimator.l1Ratio = ratio
          let problem = estimator.makeProblem(
            xTrain, codes: train.map { codes[$0] }, classCount: k, weights: trainWeights)
          let solution = estimator.solve(problem, start: start)
          start = solution.parameters
          path.append(solution.parameters)
          let model = try LogisticRegression<Label>.Fitted(
            problem: problem, solution: solution, encoding: encoding)
          row.append(
            try score(
              model, xTest, codes: test.map { codes[$0] }, weights: test.map { weights?[$0] ?? 1 }
            ))
        }
        foldScores.append(row)
        foldPaths.append(path)
      }
      scores.append(foldScores)
      paths.append(foldPaths)
    }
    // Best (C, l1Ratio) by the sum over folds; C-major order, first best on ties.
    var best = (c: 0, ratio: 0)
    var bestSum = -Double.infinity
    for ci in 0..<cs.count {
      for ri in 0..<l1Ratios.count {
        let sum = scores.reduce(0) { $0 + $1[ri][ci] }
        if sum > bestSum {
          bestSum = sum
          best = (ci, ri)
        }
      }
    }
    var estimator = base
    estimator.c = cs[best.c]
    estimator.l1Ratio = l1Ratios[best.ratio]
    let problem = estimator.makeProblem(x, codes: codes, classCount: k, weights: combined)
    var start = [Double](repeating: 0, count: problem.parameterCount)
    for fold in 0..<cvFolds {
      let parameters = paths[fold][best.ratio][best.c]
      for j in 0..<start.count { start[j] += parameters[j] / Double(cvFolds) }
    }
    let solution = estimator.solve(problem, start: start)
    let model = try LogisticRegression<Label>.Fitted(
      problem: problem, solution: solution, encoding: encoding)
    return Fitted(
      model: model, c: cs[best.c], l1Ratio: l1Ratios[best.ratio], cs: cs, l1Ratios: l1Ratios,
      scores: scores)
  }

  /// The held-out score of one fitted path point.
  private func score(
    _ model: LogisticRegression<Label>.Fitted, _ x: Matrix, codes: [Int], weights: [Double]
  ) throws -> Double {
    let total = weights.reduce(0, +)
    guard total > 0 else { return 0 }
    switch scoring {
    case .accuracy:
      let predicted = linearClassifierCodes(try model.decisionFunction(x))
      var hit = 0.0
      for i in 0..<codes.count where predicted[i] == codes[i] { hit += weights[i] }
      return hit / total
    case .negLogLoss:
      let p = try model.predictProbabilities(x)
      var loss = 0.0
      for i in 0..<codes.count {
        let value = min(max(p[i, codes[i]], Double.ulpOfOne), 1 - Double.ulpOfOne)
        loss -= weights[i] * Foundation.log(value)
      }
      return -loss / total
    }
  }

  /// A fitted ``LogisticRegressionCV``: the model refitted with the chosen `C`.
  public struct Fitted: ProbabilisticClassifier, DecisionFunctionProviding, Hashable, Codable {
    /// The model refitted on all rows with ``c`` and ``l1Ratio``.
    public let model: LogisticRegression<Label>.Fitted
    /// The chosen `C` (scikit-learn's `C_`).
    public let c: Double
    /// The chosen `l1Ratio` (scikit-learn's `l1_ratio_`).
    public let l1Ratio: Double
    /// The `C` grid (scikit-learn's `Cs_`).
    public let cs: [Double]
    /// The `l1Ratio` grid (scikit-learn's `l1_ratios_`).
    public let l1Ratios: [Double]
    /// Held-out scores `scores[fold][l1RatioIndex][cIndex]` (scikit-learn's `scores_` with
    /// `use_legacy_attributes=False`).
    public let scores: [[[Double]]]

    init(
      model: LogisticRegression<Label>.Fitted, c: Double, l1Ratio: Double, cs: [Double],
      l1Ratios: [Double], scores: [[[Double]]]
    ) {
      self.model = model
      self.c = c
      self.l1Ratio = l1Ratio
      self.cs = cs
      self.l1Ratios = l1Ratios
      self.scores = scores
    }

    /// The refitted coefficients (scikit-learn's `coef_`).
    public var coefficients: Matrix { model.coefficients }
    /// The refitted intercepts (scikit-learn's `intercept_`).
    public var intercepts: [Double] { model.intercepts }
    /// The sorted classes (scikit-learn's `classes_`).
    public var classes: [Label] { model.classes }
    /// The number of features seen during fit.
    public var featureCount: Int { model.featureCount }

    /// The refitted model's predictions.
    ///
    /// - Throws: as ``LogisticRegression/Fitted/predict(_:)``.
    public func predict(_ x: Matrix) throws -> [Label] { try model.predict(x) }
    /// The refitted model's probabilities.
    ///
    /// - Throws: as ``LogisticRegression/Fitted/predictProbabilities(_:)``.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try model.predictProbabilities(x)
    }
    /// The refitted model's decision function.
    ///
    /// - Throws: as ``LogisticRegression/Fitted/decisionFunction(_:)``.
    public func decisionFunction(_ x: Matrix) throws -> Matrix { try model.decisionFunction(x) }

    enum CodingKeys: String, CodingKey { case model, c, l1Ratio, cs, l1Ratios, scores }

    /// Decodes and re-checks that the chosen values belong to the grids.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let model = try container.decode(LogisticRegression<Label>.Fitted.self, forKey: .model)
      let c = try container.decode(Double.self, forKey: .c)
      let l1Ratio = try container.decode(Double.self, forKey: .l1Ratio)
      let cs = try container.decode([Double].self, forKey: .cs)
      let l1Ratios = try container.decode([Double].self, forKey: .l1Ratios)
      let scores = try container.decode([[[Double]]].self, forKey: .scores)
      try requireDecoded(
        cs.contains(c) && l1Ratios.contains(l1Ratio)
          && scores.allSatisfy {
            $0.count == l1Ratios.count && $0.allSatisfy { $0.count == cs.count }
          },
        "the chosen C and l1Ratio must belong to the grids", codingPath: container.codingPath)
      self.init(model: model, c: c, l1Ratio: l1Ratio, cs: cs, l1Ratios: l1Ratios, scores: scores)
    }
  }
}

extension LogisticRegressionCV.Fitted: CoefficientsProviding {
  /// ``coefficients`` as rows (scikit-learn's `coef_`).
  public var coefficientRows: [[Double]] { model.coefficientRows }
}

/// The test fold of every row under scikit-learn's non-shuffled `StratifiedKFold`.
///
/// Classes are taken in order of first appearance; the sorted class sequence is dealt to the
/// folds round-robin to decide how many rows of each class each fold receives, and each class's
/// rows (in row order) fill fold 0 first, then fold 1, and so on.
func stratifiedTestFolds(codes: [Int], splitCount: Int) -> [Int] {
  var order: [Int: Int] = [:]
  var encoded = [Int](repeating: 0, count: codes.count)
  for (i, code) in codes.enumerated() {
    if order[code] == nil { order[code] = order.count }
    encoded[i] = order[code] ?? 0
  }
  let classCount = order.count
  let sorted = encoded.sorted()
  var allocation = [[Int]](
    repeating: [Int](repeating: 0, count: classCount), count: splitCount)
  for (position, k) in sorted.enumerated() { allocation[position % splitCount][k] += 1 }
  var testFold = [Int](repeating: 0, count: codes.count)
  for k in 0..<classCount {
    var folds: [Int] = []
    for f in 0..<splitCount {
      folds += [Int](repeating: f, count: allocation[f][k])
    }
    var next = 0
    for i in 0..<codes.count where encoded[i] == k {
      testFold[i] = folds[next]
      next += 1
    }
  }
  return testFold
}

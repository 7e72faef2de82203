import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// How much a fitted model's score drops when each feature's values are shuffled.
///
/// scikit-learn: the `Bunch` returned by `sklearn.inspection.permutation_importance`.
public struct PermutationImportance: Sendable, Hashable, Codable {
  /// The score on the unshuffled data.
  public let baselineScore: Double
  /// `baseline − shuffled score`: `importances[feature][repeat]`.
  public let importances: [[Double]]
  /// Mean over the repeats, one per feature (`importances_mean`).
  public let importancesMean: [Double]
  /// Population standard deviation over the repeats (`importances_std`).
  public let importancesStd: [Double]
}

/// Permutation importance of each feature of a fitted regressor.
///
/// For each feature and each of `repeatCount` repeats, the feature's column is permuted and
/// the model re-scored; the importance is the drop from the baseline score. As in
/// scikit-learn, one seed gives one sequence of row orders (each repeat shuffles the previous
/// order again), every feature uses that same sequence, and each repeat applies the order to
/// the column as permuted by the previous repeat. Features run in
/// parallel; the result is the same for any thread count.
///
/// scikit-learn: `permutation_importance(estimator, X, y, scoring=None, n_repeats=5,
/// random_state=None)`; the permutations come from SwiftLearn's generator, not numpy's.
///
///     let imp = try permutationImportance(fitted, xTest, yTest, repeatCount: 10, seed: 0)
///
/// - Parameters:
///   - model: The fitted model.
///   - x: The evaluation features (usually held out).
///   - y: The evaluation target.
///   - scoring: The scorer (default the model's `score`, R²).
///   - repeatCount: Permutations per feature (`n_repeats`, default 5), at least 1.
///   - seed: The seed (default `nil`: drawn from the system).
///   - parallel: Score the features concurrently (default `true`).
/// - Returns: The baseline score and the importances.
/// - Throws: `LearnError.invalidParameter` for `repeatCount < 1`; `LearnError.emptyInput`,
///   `LearnError.lengthMismatch`; the model's and scorer's errors.
/// - Complexity: features × repeats scorings.
public func permutationImportance<M: FittedRegressor>(
  _ model: M, _ x: Matrix, _ y: [Double],
  scoring: @escaping CrossValidationScoring<M, [Double]> = { try $0.score($1, $2) },
  repeatCount: Int = 5, seed: UInt64? = nil, parallel: Bool = true
) throws -> PermutationImportance {
  let orders = try PermutationEngine.orders(
    rowCount: x.rowCount, yCount: y.count, repeatCount: repeatCount, seed: seed)
  return try PermutationEngine.importance(
    model, x: x, y: y, orders: orders, scoring: scoring, parallel: parallel)
}

/// Permutation importance of each feature of a fitted classifier (default scoring accuracy).
///
/// scikit-learn: `permutation_importance` with a classifier.
///
/// - Parameters:
///   - model: The fitted classifier.
///   - x: The evaluation features.
///   - y: The evaluation labels.
///   - scoring: The scorer (default accuracy).
///   - repeatCount: Permutations per feature (default 5), at least 1.
///   - seed: The seed (default `nil`).
///   - parallel: Score the features concurrently (default `true`).
/// - Returns: The baseline score and the importances.
/// - Throws: as the regressor version.
/// - Complexity: features × repeats scorings.
public func permutationImportance<M: FittedClassifier>(
  _ model: M, _ x: Matrix, _ y: [M.Label],
  scoring: @escaping CrossValidationScoring<M, [M.Label]> = { try $0.score($1, $2) },
  repeatCount: Int = 5, seed: UInt64? = nil, parallel: Bool = true
) throws -> PermutationImportance {
  let orders = try PermutationEngine.orders(
    rowCount: x.rowCount, yCount: y.count, repeatCount: repeatCount, seed: seed)
  return try PermutationEngine.importance(
    model, x: x, y: y, orders: orders, scoring: scoring, parallel: parallel)
}

/// The shared implementation of permutation importance.
enum PermutationEngine {
  /// `repeatCount` row orders: the identity shuffled again and again (numpy's
  /// `random_state.shuffle(shuffling_idx)` once per repeat).
  static func orders(rowCount: Int, yCount: Int, repeatCount: Int, seed: UInt64?) throws
    -> [[Int]]
  {
    guard repeatCount >= 1 else {
      throw LearnError.invalidParameter(
        estimator: "permutationImportance", name: "repeatCount", value: "\(repeatCount)",
        expected: "an integer >= 1")
    }
    guard rowCount >= 1 else {
      throw LearnError.emptyInput(input: "X", reason: "found array with 0 sample(s)")
    }
    guard yCount == rowCount else {
      throw LearnError.lengthMismatch(input: "y", expected: rowCount, got: yCount)
    }
    var rng = SeededGenerator(seed: seed ?? SeededGenerator.randomSeed())
    var index = Array(0..<rowCount)
    var out: [[Int]] = []
    for _ in 0..<repeatCount {
      rng.shuffle(&index)
      out.append(index)
    }
    return out
  }

  /// Scores with column `j` replaced by `x[order[i], j]` for each order.
  static func importance<M: Sendable, T: Sendable>(
    _ model: M, x: Matrix, y: [T], orders: [[Int]],
    scoring: @escaping CrossValidationScoring<M, [T]>, parallel: Bool
  ) throws -> PermutationImportance {
    let baseline = try scoring(model, x, y)
    let n = x.rowCount
    let p = x.columnCount
    let perFeature = try FoldRunner.run(
      count: p, parallel: parallel, progress: nil, cancellation: nil
    ) { j -> [Double] in
      var storage = x.storage
      var column = try x.column(j)
      var drops: [Double] = []
      for order in orders {
        // As scikit-learn, the column is permuted again at each repeat (`col[idx]` of the
        // already permuted column), with the cumulative order.
        column = order.map { column[$0] }
        storage.withUnsafeMutableBufferPointer { buf in
          for i in 0..<n { buf[i * p + j] = column[i] }
        }
        let permuted = try Matrix(rowCount: n, columnCount: p, storage: storage)
        drops.append(baseline - (try scoring(model, permuted, y)))
      }
      return drops
    }
    return PermutationImportance(
      baselineScore: baseline, importances: perFeature,
      importancesMean: perFeature.map(SearchResults.mean),
      importancesStd: perFeature.map(SearchResults.std))
  }
}

/// The bias–variance decomposition of a model's expected loss, estimated by bootstrap.
///
/// mlxtend: the tuple `(avg_expected_loss, avg_bias, avg_var)` of
/// `mlxtend.evaluate.bias_variance_decomp`.
public struct BiasVarianceDecomposition: Sendable, Hashable, Codable {
  /// The loss averaged over rounds and test rows (`avg_expected_loss`).
  public let expectedLoss: Double
  /// The loss of the main prediction (mean for squared error, mode for 0-1 loss)
  /// (`avg_bias`).
  public let bias: Double
  /// The average disagreement of the rounds' predictions with the main prediction
  /// (`avg_var`).
  public let variance: Double
}

/// Bias–variance decomposition of a regressor's squared error by bootstrap.
///
/// Each of `roundCount` rounds fits the model on a bootstrap sample (rows drawn with
/// replacement) of the training data and predicts the test rows. With `p̄` the mean prediction
/// per test row: expected loss = mean of `(p − y)²`, bias = mean of `(p̄ − y)²`, variance =
/// mean of `(p − p̄)²`; for squared error expected loss = bias + variance exactly. Rounds run in
/// parallel, each with its own seeded stream, so results do not depend on the thread count.
///
/// mlxtend: `bias_variance_decomp(estimator, X_train, y_train, X_test, y_test, loss="mse",
/// num_rounds=200, random_seed=None)`; bootstrap draws come from SwiftLearn's generator.
///
/// - Parameters:
///   - estimator: The model.
///   - xTrain: Training features.
///   - yTrain: Training target.
///   - xTest: Test features.
///   - yTest: Test target.
///   - roundCount: Bootstrap rounds (`num_rounds`, default 200), at least 1.
///   - seed: The seed (default `nil`).
///   - parallel: Run the rounds concurrently (default `true`).
/// - Returns: Expected loss, bias and variance.
/// - Throws: `LearnError.invalidParameter` for `roundCount < 1`; `LearnError.emptyInput`,
///   `LearnError.lengthMismatch`; the estimator's errors.
/// - Complexity: `roundCount` fits and predictions.
public func biasVarianceDecomposition<E: Regressor>(
  _ estimator: E, xTrain: Matrix, yTrain: [Double], xTest: Matrix, yTest: [Double],
  roundCount: Int = 200, seed: UInt64? = nil, parallel: Bool = true
) throws -> BiasVarianceDecomposition {
  let predictions = try BootstrapEngine.predictions(
    estimator, xTrain: xTrain, yTrain: yTrain, xTest: xTest, testCount: yTest.count,
    roundCount: roundCount, seed: seed, parallel: parallel)
  let m = yTest.count
  let r = Double(predictions.count)
  var main = [Double](repeating: 0, count: m)
  for round in predictions { for i in 0..<m { main[i] += round[i] } }
  main = main.map { $0 / r }
  var loss = 0.0
  var variance = 0.0
  for round in predictions {
    var l = 0.0
    for i in 0..<m {
      l += (round[i] - yTest[i]) * (round[i] - yTest[i])
      variance += (main[i] - round[i]) * (main[i] - round[i])
    }
    loss += l / Double(m)
  }
  var bias = 0.0
  for i in 0..<m { bias += (main[i] - yTest[i]) * (main[i] - yTest[i]) }
  return BiasVarianceDecomposition(
    expectedLoss: loss / r, bias: bias / Double(m), variance: variance / (r * Double(m)))
}

/// Bias–variance decomposition of a classifier's 0-1 loss by bootstrap.
///
/// The main prediction of a test row is the most frequent predicted label over the rounds
/// (the smallest label on ties, as `argmax(bincount)`); bias is the error rate of the main
/// prediction and variance the average rate at which the rounds disagree with it. Unlike
/// squared error, expected loss ≠ bias + variance for 0-1 loss.
///
/// mlxtend: `bias_variance_decomp(..., loss="0-1_loss")`.
///
/// - Parameters:
///   - estimator: The classifier.
///   - xTrain: Training features.
///   - yTrain: Training labels.
///   - xTest: Test features.
///   - yTest: Test labels.
///   - roundCount: Bootstrap rounds (default 200), at least 1.
///   - seed: The seed (default `nil`).
///   - parallel: Run the rounds concurrently (default `true`).
/// - Returns: Expected loss, bias and variance.
/// - Throws: as the regressor version (a bootstrap sample with one class makes most
///   classifiers throw).
/// - Complexity: `roundCount` fits and predictions.
public func biasVarianceDecomposition<E: Classifier>(
  _ estimator: E, xTrain: Matrix, yTrain: [E.Label], xTest: Matrix, yTest: [E.Label],
  roundCount: Int = 200, seed: UInt64? = nil, parallel: Bool = true
) throws -> BiasVarianceDecomposition {
  let predictions = try BootstrapEngine.predictions(
    estimator, xTrain: xTrain, yTrain: yTrain, xTest: xTest, testCount: yTest.count,
    roundCount: roundCount, seed: seed, parallel: parallel)
  let m = yTest.count
  let r = Double(predictions.count)
  var main: [E.Label] = []
  for i in 0..<m {
    var counts: [E.Label: Int] = [:]
    for round in predictions { counts[round[i], default: 0] += 1 }
    let top = counts.values.max() ?? 0
    main.append(counts.filter { $0.value == top }.keys.min() ?? yTest[i])
  }
  var loss = 0.0
  var variance = 0.0
  for round in predictions {
    var wrong = 0
    for i in 0..<m {
      if round[i] != yTest[i] { wrong += 1 }
      if round[i] != main[i] { variance += 1 }
    }
    loss += Double(wrong) / Double(m)
  }
  let bias = Double(zip(main, yTest).filter { $0 != $1 }.count) / Double(m)
  return BiasVarianceDecomposition(
    expectedLoss: loss / r, bias: bias, variance: variance / (r * Double(m)))
}

/// Bootstrap rounds shared by the two decompositions.
enum BootstrapEngine {
  static func predictions<E: SupervisedEstimator, T: Sendable>(
    _ estimator: E, xTrain: Matrix, yTrain: [T], xTest: Matrix, testCount: Int,
    roundCount: Int, seed: UInt64?, parallel: Bool
  ) throws -> [E.Fitted.Prediction] where E.Target == [T] {
    guard roundCount >= 1 else {
      throw LearnError.invalidParameter(
        estimator: "biasVarianceDecomposition", name: "roundCount", value: "\(roundCount)",
        expected: "an integer >= 1")
    }
    guard xTrain.rowCount >= 1 else {
      throw LearnError.emptyInput(input: "xTrain", reason: "found array with 0 sample(s)")
    }
    guard xTest.rowCount >= 1 else {
      throw LearnError.emptyInput(input: "xTest", reason: "found array with 0 sample(s)")
    }
    guard yTrain.count == xTrain.rowCount else {
      throw LearnError.lengthMismatch(input: "yTrain", expected: xTrain.rowCount, got: yTrain.count)
    }
    guard testCount == xTest.rowCount else {
      throw LearnError.lengthMismatch(input: "yTest", expected: xTest.rowCount, got: testCount)
    }
    let root = SeededGenerator(seed: seed ?? SeededGenerator.randomSeed())
    let n = xTrain.rowCount
    return try FoldRunner.run(
      count: roundCount, parallel: parallel, progress: nil, cancellation: nil
    ) { round in
      var rng = root.child(round)
      let rows = (0..<n).map { _ in rng.nextInt(below: n) }
      let fitted = try estimator.fit(try xTrain.rows(rows), rows.map { yTrain[$0] })
      return try fitted.predict(xTest)
    }
  }
}

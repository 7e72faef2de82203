import SwiftLearn

/// Benchmarks of logistic regression (issue 5).
let linearClassifierBenchmarks: [Benchmark] = [
  Benchmark(
    name: "logistic_regression",
    summary:
      "LogisticRegression() (lbfgs, tol 1e-4, maxIter 100) fit and predict on the training data "
      + "(metric = accuracy; extra: n_iter)",
    input: "--data FILE with integer class labels as y",
    run: { try runLogisticRegression($0, LogisticRegression<Int>()) }),
  Benchmark(
    name: "logistic_regression_newton",
    summary:
      "LogisticRegression(solver: .newtonCholesky) fit and predict on the training data "
      + "(metric = accuracy; extra: n_iter)",
    input: "--data FILE with integer class labels as y",
    run: { try runLogisticRegression($0, LogisticRegression<Int>(solver: .newtonCholesky)) }),
]

/// Fits `estimator` on `--data` (labels are the integer-valued `y`), then predicts the training
/// rows; checks the shapes and that the accuracy beats the majority class.
func runLogisticRegression(_ options: Options, _ estimator: LogisticRegression<Int>) throws {
  let bench = "logistic_regression"
  guard let path = options.data else { throw BenchError.usage("\(bench) needs --data FILE") }
  let data = try DataFile.load(path: path)
  let dataset = options.dataset ?? DataFile.datasetName(path: path)
  guard let target = data.y else {
    throw BenchError.usage("\(bench) needs a data file with a target (k = 1)")
  }
  let y = target.map { Int($0) }
  let x = data.x
  let majority = Double(Dictionary(grouping: y, by: { $0 }).values.map(\.count).max() ?? 0)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: LogisticRegression<Int>.Fitted?
    let fitTime = try benchClock.measure { fitted = try estimator.fit(x, y) }
    guard let model = fitted else {
      throw BenchError.check(benchmark: bench, reason: "no model")
    }
    var predictions: [Int] = []
    let predictTime = try benchClock.measure { predictions = try model.predict(x) }
    guard predictions.count == x.rowCount, model.featureCount == x.columnCount else {
      throw BenchError.check(benchmark: bench, reason: "wrong output shapes")
    }
    let accuracy = try accuracyScore(yTrue: y, yPred: predictions)
    guard accuracy > majority / Double(y.count) else {
      throw BenchError.check(benchmark: bench, reason: "accuracy \(accuracy)")
    }
    blackHole(model)
    blackHole(predictions)
    return Measurement(
      estimator: "LogisticRegression", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds, metricName: "accuracy",
      metric: accuracy, repeatIndex: k, threads: BLASThreads.count,
      extra: [("n_iter", .int(model.iterationCount))])
  }
}

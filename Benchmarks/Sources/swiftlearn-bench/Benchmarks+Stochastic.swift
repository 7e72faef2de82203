import SwiftLearn

/// Benchmarks of SGD, linear SVM and other linear classifiers (issue 5).
let stochasticBenchmarks: [Benchmark] = [
  Benchmark(
    name: "sgd_classifier",
    summary: "SGDClassifier(seed: 0) fit and predict on the training data (metric = accuracy)",
    input: "--data FILE with 0/1 y",
    run: {
      try runLinearClassifier($0, "sgd_classifier", SGDClassifier<Int>(seed: 0)) {
        $0.iterationCount
      }
    }),
  Benchmark(
    name: "linear_svc",
    summary: "LinearSVC(seed: 0) fit and predict on the training data (metric = accuracy)",
    input: "--data FILE with 0/1 y",
    run: {
      try runLinearClassifier($0, "linear_svc", LinearSVC<Int>(seed: 0)) { $0.iterationCount }
    }),
  Benchmark(
    name: "linear_svc_dual",
    summary: "LinearSVC(dual: true, seed: 0) fit and predict (metric = accuracy)",
    input: "--data FILE with 0/1 y",
    run: {
      try runLinearClassifier($0, "linear_svc_dual", LinearSVC<Int>(dual: true, seed: 0)) {
        $0.iterationCount
      }
    }),
]

/// Fits a classifier on integer labels read from the target column, then predicts the
/// training rows; the accuracy is checked outside the timed region.
func runLinearClassifier<E: Classifier>(
  _ options: Options, _ bench: String, _ estimator: E, iterations: (E.Fitted) -> Int
) throws where E.Label == Int {
  guard let path = options.data else { throw BenchError.usage("\(bench) needs --data FILE") }
  let data = try DataFile.load(path: path)
  let dataset = options.dataset ?? DataFile.datasetName(path: path)
  guard let target = data.y else {
    throw BenchError.usage("\(bench) needs a data file with a target (k = 1)")
  }
  let x = data.x
  let y = target.map { Int($0.rounded()) }
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: E.Fitted?
    let fitTime = try benchClock.measure { fitted = try estimator.fit(x, y) }
    guard let model = fitted else { throw BenchError.check(benchmark: bench, reason: "no model") }
    var predictions: [Int] = []
    let predictTime = try benchClock.measure { predictions = try model.predict(x) }
    guard predictions.count == x.rowCount else {
      throw BenchError.check(benchmark: bench, reason: "wrong output shape")
    }
    let accuracy =
      Double(zip(predictions, y).filter { $0 == $1 }.count) / Double(max(y.count, 1))
    guard accuracy > 0.6 else {
      throw BenchError.check(benchmark: bench, reason: "accuracy \(accuracy)")
    }
    blackHole(model)
    blackHole(predictions)
    return Measurement(
      estimator: "\(E.self)", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds, metricName: "accuracy",
      metric: accuracy, repeatIndex: k, threads: BLASThreads.count,
      extra: [("n_iter", .int(iterations(model)))])
  }
}

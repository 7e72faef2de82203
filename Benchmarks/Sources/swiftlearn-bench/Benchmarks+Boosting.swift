import SwiftLearn

/// Benchmarks of histogram gradient boosting and ensembles (issue 7).
let boostingBenchmarks: [Benchmark] = [
  Benchmark(
    name: "hist_gradient_boosting",
    summary: "HistGradientBoostingClassifier(maxIter: 100, earlyStopping: .off) fit and "
      + "predictProbabilities on held-out rows (metric = ROC-AUC on the last 10% of rows)",
    input: "--data FILE with 0/1 y", run: runHistGradientBoosting)
]

/// Fits on the first 90% of the rows and scores ROC-AUC on the rest.
func runHistGradientBoosting(_ options: Options) throws {
  let bench = "hist_gradient_boosting"
  let (data, dataset) = try loadData(options, bench: bench)
  guard let target = data.y else { throw BenchError.usage("\(bench) needs a target") }
  let n = data.x.rowCount
  let trainCount = n * 9 / 10
  let xTrain = try data.x.rows(0..<trainCount)
  let xTest = try data.x.rows(trainCount..<n)
  let labels = target.map { Int($0) }
  let yTrain = Array(labels[0..<trainCount])
  let yTest = Array(labels[trainCount...])
  let estimator = HistGradientBoostingClassifier<Int>(
    maxIter: 100, earlyStopping: .off, seed: 0, threadCount: options.threads)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: HistGradientBoostingClassifier<Int>.Fitted?
    let fitTime = try benchClock.measure { fitted = try estimator.fit(xTrain, yTrain) }
    guard let model = fitted else { throw BenchError.check(benchmark: bench, reason: "no model") }
    var probabilities = Matrix.zeros(1, 1)
    let predictTime = try benchClock.measure {
      probabilities = try model.predictProbabilities(xTest)
    }
    let auc = try rocAUCScore(yTrue: yTest, yScore: probabilities.column(1))
    guard auc.isFinite else { throw BenchError.check(benchmark: bench, reason: "AUC \(auc)") }
    blackHole(model)
    return Measurement(
      estimator: "HistGradientBoostingClassifier", dataset: dataset, n: trainCount,
      d: xTrain.columnCount, fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds,
      metricName: "roc_auc", metric: auc, repeatIndex: k, threads: options.threads ?? 0,
      extra: [("iterations", .int(model.iterationCount))])
  }
}

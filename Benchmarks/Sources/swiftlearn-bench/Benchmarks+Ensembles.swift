import Foundation
import SwiftLearn

/// Benchmarks of classic gradient boosting and isolation forest (issue 7).
let ensembleBenchmarks: [Benchmark] = [
  Benchmark(
    name: "gradient_boosting_classifier",
    summary:
      "GradientBoostingClassifier() (100 stages, depth 3) fit on the first 20,000 rows, "
      + "predict on the rest (metric = held-out accuracy; extra: roc_auc)",
    input: "--data FILE with 0/1 y", run: runGradientBoostingClassifier),
  Benchmark(
    name: "isolation_forest",
    summary:
      "IsolationForest(seed: 0) fit on the first 100,000 rows, scoreSamples on the rest "
      + "(metric = ROC-AUC of -scoreSamples against y = 1 for outliers)",
    input: "--data FILE with 0/1 y", run: runIsolationForest),
]

/// Train on the first `cut` rows (or 5/6 of a smaller file), test on the rest.
private func ensembleData(_ options: Options, bench: String, cut wanted: Int) throws -> (
  train: Matrix, yTrain: [Int], test: Matrix, yTest: [Int], dataset: String
) {
  guard let path = options.data else { throw BenchError.usage("\(bench) needs --data FILE") }
  let data = try DataFile.load(path: path)
  guard let y = data.y else { throw BenchError.usage("\(bench) needs a target") }
  let n = data.x.rowCount
  let cut = n > wanted ? wanted : n * 5 / 6
  let labels = y.map { Int($0) }
  return (
    try data.x.rows(0..<cut), Array(labels[0..<cut]), try data.x.rows(cut..<n),
    Array(labels[cut...]), options.dataset ?? DataFile.datasetName(path: path)
  )
}

func runGradientBoostingClassifier(_ options: Options) throws {
  let (x, y, xt, yt, dataset) = try ensembleData(
    options, bench: "gradient_boosting_classifier", cut: 20_000)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: GradientBoostingClassifier<Int>.Fitted?
    let fitTime = try benchClock.measure {
      fitted = try GradientBoostingClassifier<Int>(seed: 0).fit(x, y)
    }
    guard let model = fitted else {
      throw BenchError.check(benchmark: "gradient_boosting_classifier", reason: "no model")
    }
    var proba = Matrix.zeros(1, 1)
    let predictTime = try benchClock.measure { proba = try model.predictProbabilities(xt) }
    var predictions = [Int](repeating: 0, count: proba.rowCount)
    var scores = [Double](repeating: 0, count: proba.rowCount)
    for i in 0..<proba.rowCount {
      scores[i] = proba[i, 1]
      predictions[i] = proba[i, 1] > proba[i, 0] ? 1 : 0
    }
    let accuracy = try accuracyScore(yTrue: yt, yPred: predictions)
    let auc = try rocAUCScore(yTrue: yt, yScore: scores)
    blackHole(model)
    return Measurement(
      estimator: "GradientBoostingClassifier", dataset: dataset, n: x.rowCount,
      d: x.columnCount, fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds,
      metricName: "accuracy", metric: accuracy, repeatIndex: k, threads: 2,
      extra: [("roc_auc", .number(auc))])
  }
}

func runIsolationForest(_ options: Options) throws {
  let (x, _, xt, yt, dataset) = try ensembleData(
    options, bench: "isolation_forest", cut: 100_000)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: IsolationForest.Fitted?
    let fitTime = try benchClock.measure {
      fitted = try IsolationForest(threadCount: 2, seed: 0).fit(x)
    }
    guard let model = fitted else {
      throw BenchError.check(benchmark: "isolation_forest", reason: "no model")
    }
    var scores: [Double] = []
    let predictTime = try benchClock.measure { scores = try model.scoreSamples(xt) }
    let auc = try rocAUCScore(yTrue: yt, yScore: scores.map { -$0 })
    blackHole(model)
    return Measurement(
      estimator: "IsolationForest", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds, metricName: "roc_auc",
      metric: auc, repeatIndex: k, threads: 2, extra: [])
  }
}

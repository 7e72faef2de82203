import Foundation
import SwiftLearn

/// Benchmarks of decision trees, forests and classic boosting (issue 7).
let treeBenchmarks: [Benchmark] = [
  Benchmark(
    name: "decision_tree_classifier",
    summary:
      "DecisionTreeClassifier() fit on the first 100,000 rows, predict on the rest (metric = "
      + "held-out accuracy; extra: nodes)",
    input: "--data FILE with 0/1 y", run: runDecisionTreeClassifier),
  Benchmark(
    name: "random_forest_classifier",
    summary:
      "RandomForestClassifier(estimatorCount: 100, threadCount: 2) fit on the first 100,000 "
      + "rows, predict on the rest (metric = held-out accuracy; extra: roc_auc, memory_bytes, "
      + "file_bytes, one_row_us = median single-row predict)",
    input: "--data FILE with 0/1 y", run: runRandomForestClassifier),
]

/// The tree benchmarks' split: train on the first 100,000 rows (or 5/6 of a smaller file).
private func treeData(_ options: Options, bench: String) throws -> (
  train: Matrix, yTrain: [Int], test: Matrix, yTest: [Int], dataset: String
) {
  guard let path = options.data else { throw BenchError.usage("\(bench) needs --data FILE") }
  let data = try DataFile.load(path: path)
  guard let y = data.y else { throw BenchError.usage("\(bench) needs a target") }
  let n = data.x.rowCount
  let cut = n >= 120_000 ? 100_000 : n * 5 / 6
  let labels = y.map { Int($0) }
  return (
    try data.x.rows(0..<cut), Array(labels[0..<cut]), try data.x.rows(cut..<n),
    Array(labels[cut...]), options.dataset ?? DataFile.datasetName(path: path)
  )
}

func runDecisionTreeClassifier(_ options: Options) throws {
  let (x, y, xt, yt, dataset) = try treeData(options, bench: "decision_tree_classifier")
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: DecisionTreeClassifier<Int>.Fitted?
    let fitTime = try benchClock.measure {
      fitted = try DecisionTreeClassifier<Int>(seed: 0).fit(x, y)
    }
    guard let model = fitted else {
      throw BenchError.check(benchmark: "decision_tree_classifier", reason: "no model")
    }
    var predictions: [Int] = []
    let predictTime = try benchClock.measure { predictions = try model.predict(xt) }
    let accuracy = try accuracyScore(yTrue: yt, yPred: predictions)
    blackHole(model)
    return Measurement(
      estimator: "DecisionTreeClassifier", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds, metricName: "accuracy",
      metric: accuracy, repeatIndex: k, threads: 2,
      extra: [("nodes", .int(model.tree.nodeCount))])
  }
}

func runRandomForestClassifier(_ options: Options) throws {
  let (x, y, xt, yt, dataset) = try treeData(options, bench: "random_forest_classifier")
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: RandomForestClassifier<Int>.Fitted?
    let fitTime = try benchClock.measure {
      fitted = try RandomForestClassifier<Int>(estimatorCount: 100, threadCount: 2, seed: 0)
        .fit(x, y)
    }
    guard let model = fitted else {
      throw BenchError.check(benchmark: "random_forest_classifier", reason: "no model")
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
    // One-row latency: 2,000 single-row calls, median.
    let rows = (0..<2000).map { (try? xt.row($0 % xt.rowCount)) ?? [] }
    var times: [Double] = []
    var sink = 0
    for row in rows {
      let t = try benchClock.measure { sink &+= try model.predict(row: row) }
      times.append(t.seconds)
    }
    times.sort()
    blackHole(sink)
    let file = try model.encodedModelFile()
    blackHole(model)
    return Measurement(
      estimator: "RandomForestClassifier", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds, metricName: "accuracy",
      metric: accuracy, repeatIndex: k, threads: 2,
      extra: [
        ("roc_auc", .number(auc)), ("memory_bytes", .int(model.memoryFootprint)),
        ("file_bytes", .int(file.count)), ("one_row_us", .number(times[times.count / 2] * 1e6)),
        ("nodes", .int(model.forest.nodeCount)),
      ])
  }
}

// The cross-validation benchmark (ModelSelection).
import SwiftLearn

/// `crossValScore(Pipeline(StandardScaler(), LinearRegression()), x, y, cv: KFold(5))`;
/// fit_s is the parallel run, `serial_s` the same call with `parallel: false`.
func runCrossValScore(_ options: Options) throws {
  guard let path = options.data else { throw BenchError.usage("cross_val_score needs --data") }
  let data = try DataFile.load(path: path)
  let dataset = options.dataset ?? DataFile.datasetName(path: path)
  guard let y = data.y else {
    throw BenchError.usage("cross_val_score needs a data file with a target (k = 1)")
  }
  let x = data.x
  let model = Pipeline(StandardScaler(), LinearRegression())
  let cv = KFold(splitCount: 5)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var scores: [Double] = []
    let time = try benchClock.measure { scores = try crossValScore(model, x, y, cv: cv) }
    var serial: [Double] = []
    let serialTime = try benchClock.measure {
      serial = try crossValScore(model, x, y, cv: cv, parallel: false)
    }
    guard scores.count == 5, scores == serial, scores.allSatisfy(\.isFinite) else {
      throw BenchError.check(
        benchmark: "cross_val_score", reason: "scores \(scores) vs serial \(serial)")
    }
    blackHole(scores)
    return Measurement(
      estimator: "cross_val_score", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: time.seconds, predictSeconds: nil, metricName: "mean_r2",
      metric: scores.reduce(0, +) / 5, repeatIndex: k, threads: BLASThreads.count,
      extra: [("serial_s", .number(serialTime.seconds))])
  }
}

/// `crossValScore(LogisticRegression(), x, labels, cv: StratifiedKFold(5))` (accuracy);
/// fit_s is the parallel run, `serial_s` the same call with `parallel: false`.
func runCrossValScoreLogistic(_ options: Options) throws {
  let bench = "cross_val_score_logistic"
  let (data, dataset) = try loadData(options, bench: bench)
  guard let target = data.y else { throw BenchError.usage("\(bench) needs a target") }
  let x = data.x
  let labels = target.map { Int($0) }
  let model = LogisticRegression<Int>()
  let cv = StratifiedKFold(splitCount: 5)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var scores: [Double] = []
    let time = try benchClock.measure { scores = try crossValScore(model, x, labels, cv: cv) }
    var serial: [Double] = []
    let serialTime = try benchClock.measure {
      serial = try crossValScore(model, x, labels, cv: cv, parallel: false)
    }
    guard scores.count == 5, scores == serial, scores.allSatisfy(\.isFinite) else {
      throw BenchError.check(benchmark: bench, reason: "scores \(scores) vs serial \(serial)")
    }
    return Measurement(
      estimator: bench, dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: time.seconds, predictSeconds: nil, metricName: "mean_accuracy",
      metric: scores.reduce(0, +) / 5, repeatIndex: k, threads: BLASThreads.count,
      extra: [("serial_s", .number(serialTime.seconds))])
  }
}

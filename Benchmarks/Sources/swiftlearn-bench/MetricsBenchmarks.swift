// Metrics benchmarks (issue 6): binary ROC AUC on a large score vector.
import SwiftLearn

/// `rocAUCScore(yTrue:yScore:)` on the data file's first column (scores) and target (0/1
/// labels); the labels are converted to `Int` before the clock starts.
func runROCAUC(_ options: Options) throws {
  guard let path = options.data else { throw BenchError.usage("roc_auc needs --data FILE") }
  let data = try DataFile.load(path: path)
  let dataset = options.dataset ?? DataFile.datasetName(path: path)
  guard let target = data.y, data.x.columnCount >= 1 else {
    throw BenchError.usage("roc_auc needs a data file with scores and a 0/1 target")
  }
  let scores = try data.x.column(0)
  let labels = target.map { $0 > 0.5 ? 1 : 0 }
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var auc = Double.nan
    let elapsed = try benchClock.measure { auc = try rocAUCScore(yTrue: labels, yScore: scores) }
    guard auc.isFinite, auc > 0.5 else {
      throw BenchError.check(benchmark: "roc_auc", reason: "AUC = \(auc)")
    }
    return Measurement(
      estimator: "roc_auc_score", dataset: dataset, n: scores.count, d: 1,
      fitSeconds: elapsed.seconds, predictSeconds: nil, metricName: "roc_auc", metric: auc,
      repeatIndex: k, threads: BLASThreads.count, extra: [])
  }
}

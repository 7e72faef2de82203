import SwiftLearn

/// Benchmarks of scalers, imputers and encoders (issue 4).
let preprocessingBenchmarks: [Benchmark] = [
  Benchmark(
    name: "one_hot_encoder",
    summary:
      "OneHotEncoder fit (fit_s) and transform (predict_s) of string columns c0, c1, ... whose "
      + "values are \"v%02d\" of the codes in X; output a DataFrame of 0/1 double columns "
      + "(metric = sum of the output, n·d)",
    input: "--data FILE (integer codes)", run: runOneHotEncoder)
]

/// Builds the string columns from the codes (untimed), then times fit and transform.
func runOneHotEncoder(_ options: Options) throws {
  guard let path = options.data else { throw BenchError.usage("one_hot_encoder needs --data FILE") }
  let data = try DataFile.load(path: path)
  let dataset = options.dataset ?? DataFile.datasetName(path: path)
  let x = data.x
  let n = x.rowCount
  let d = x.columnCount
  let labels = (0..<100).map { $0 < 10 ? "v0\($0)" : "v\($0)" }
  var columns: [Column] = []
  for j in 0..<d {
    let codes = try x.column(j)
    columns.append(
      Column("c\(j)", strings: codes.map { labels[max(0, min(labels.count - 1, Int($0)))] }))
  }
  let frame = try DataFrame(columns)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: OneHotEncoder.Fitted?
    let fitTime = try benchClock.measure { fitted = try OneHotEncoder().fit(frame) }
    guard let encoder = fitted else {
      throw BenchError.check(benchmark: "one_hot_encoder", reason: "no encoder")
    }
    var output: DataFrame?
    let transformTime = try benchClock.measure { output = try encoder.transform(frame) }
    guard let z = output, z.rowCount == n else {
      throw BenchError.check(benchmark: "one_hot_encoder", reason: "wrong output shape")
    }
    var total = 0.0
    for column in z.columns {
      for v in try column.numericValues() { total += v ?? .nan }
    }
    guard total == Double(n * d) else {
      throw BenchError.check(
        benchmark: "one_hot_encoder", reason: "sum \(total), expected \(n * d)")
    }
    blackHole(encoder)
    blackHole(z)
    return Measurement(
      estimator: "OneHotEncoder", dataset: dataset, n: n, d: d, fitSeconds: fitTime.seconds,
      predictSeconds: transformTime.seconds, metricName: "sum_of_ones", metric: total,
      repeatIndex: k, threads: BLASThreads.count)
  }
}

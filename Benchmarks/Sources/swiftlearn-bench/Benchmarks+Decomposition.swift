import SwiftLearn

/// Benchmarks of feature construction and decomposition (issue 4, items 4 and 7).
let decompositionBenchmarks: [Benchmark] = [
  Benchmark(
    name: "pca",
    summary:
      "PCA(componentCount: 10) fit (fit_s, solver auto = covariance_eigh) and transform "
      + "(predict_s); metric = sum of the explained variance ratios",
    input: "--data FILE", run: runPCA)
]

/// `PCA(componentCount: 10).fit(x)` (fit_s) then `.transform(x)` (predict_s).
func runPCA(_ options: Options) throws {
  guard let path = options.data else { throw BenchError.usage("pca needs --data FILE") }
  let data = try DataFile.load(path: path)
  let dataset = options.dataset ?? DataFile.datasetName(path: path)
  let x = data.x
  let k = 10
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { repeatIndex in
    var fitted: PCA.Fitted?
    let fitTime = try benchClock.measure { fitted = try PCA(componentCount: .count(k)).fit(x) }
    guard let pca = fitted, pca.componentCount == k else {
      throw BenchError.check(benchmark: "pca", reason: "no model")
    }
    var output: Matrix?
    let transformTime = try benchClock.measure { output = try pca.transform(x) }
    guard let z = output, z.rowCount == x.rowCount, z.columnCount == k else {
      throw BenchError.check(benchmark: "pca", reason: "wrong output shape")
    }
    // Outside the clock: the scores' variances are the explained variances.
    let variances = try z.variance(.perColumn, ddof: 1)
    for (v, e) in zip(variances, pca.explainedVariance) where abs(v - e) > 1e-6 * e {
      throw BenchError.check(benchmark: "pca", reason: "score variance \(v) vs \(e)")
    }
    blackHole(pca)
    blackHole(z)
    return Measurement(
      estimator: "PCA", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: transformTime.seconds,
      metricName: "explained_variance_ratio_sum",
      metric: pca.explainedVarianceRatio.reduce(0, +), repeatIndex: repeatIndex,
      threads: BLASThreads.count)
  }
}

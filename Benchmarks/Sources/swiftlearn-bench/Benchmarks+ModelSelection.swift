import SwiftLearn

/// Benchmarks of searches and model-selection tools (issue 6).
let modelSelectionBenchmarks: [Benchmark] = [
  Benchmark(
    name: "grid_search",
    summary: "GridSearch of Pipeline(StandardScaler, Ridge), alpha x solver = 3 x 3, KFold(3), "
      + "refit (metric = best mean R²)",
    input: "--data FILE (with a target)", run: runGridSearch),
  Benchmark(
    name: "cross_val_score_logistic",
    summary: "crossValScore of LogisticRegression, StratifiedKFold(5), accuracy (metric = mean "
      + "accuracy; extra: serial_s)",
    input: "--data FILE with class codes as y", run: runCrossValScoreLogistic),
]

/// `GridSearch` over `ridge.alpha ∈ {0.1, 1, 10}` × `ridge.solver ∈ {svd, cholesky, sparse_cg}`
/// with `KFold(splitCount: 3)` and refit; fit_s is the whole search.
func runGridSearch(_ options: Options) throws {
  guard let path = options.data else { throw BenchError.usage("grid_search needs --data") }
  let data = try DataFile.load(path: path)
  let dataset = options.dataset ?? DataFile.datasetName(path: path)
  guard let y = data.y else {
    throw BenchError.usage("grid_search needs a data file with a target (k = 1)")
  }
  let x = data.x
  typealias Model = Pipeline<StandardScaler, Ridge>
  let search = GridSearch(
    Model(),
    axes: [
      SearchAxis(HyperparameterPath(\Model.last.alpha, name: "ridge.alpha"), values: [0.1, 1, 10]),
      SearchAxis(
        HyperparameterPath(\Model.last.solver, name: "ridge.solver"),
        values: [Ridge.Solver.svd, .cholesky, .sparseCG]),
    ], cv: KFold(splitCount: 3))
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var result: SearchResult<Model>? = nil
    let time = try benchClock.measure { result = try search.fit(x, y) }
    guard let result, result.results.candidateCount == 9, result.bestModel != nil,
      result.results.meanTestScore.allSatisfy(\.isFinite)
    else {
      throw BenchError.check(benchmark: "grid_search", reason: "incomplete search result")
    }
    blackHole(result)
    return Measurement(
      estimator: "grid_search", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: time.seconds, predictSeconds: nil, metricName: "best_mean_r2",
      metric: result.bestScore, repeatIndex: k, threads: BLASThreads.count, extra: [])
  }
}

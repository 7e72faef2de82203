// The named benchmarks. To add one: write a `run` function below and append a `Benchmark` to
// `allBenchmarks`; compare.py then refers to it by name (its `--bench` argument).
import SwiftLearn

/// What a benchmark needs from the command line.
struct Options: Sendable {
  var bench: String?
  var list = false
  var info = false
  /// The problem size for generated inputs (`--n`), e.g. the order of the `dgemm` matrices.
  var n: Int?
  /// A data file in the format of DataFile.swift (`--data`).
  var data: String?
  /// The data-set name in the output; defaults to the data file's name.
  var dataset: String?
  var repeats = 5
  var warmup = 1
  /// OpenBLAS threads (`--threads`); by default OpenBLAS's own choice
  /// (OPENBLAS_NUM_THREADS / OMP_NUM_THREADS, else all cores).
  var threads: Int?
}

/// A named benchmark.
struct Benchmark: Sendable {
  /// The `--bench` name.
  let name: String
  /// What it measures, for `--list`.
  let summary: String
  /// The input it takes: `--n` for generated data, `--data` for a file.
  let input: String
  let run: @Sendable (Options) throws -> Void
}

/// Every benchmark: the foundation's below, each later area's in its own `Benchmarks+Area.swift`.
let allBenchmarks: [Benchmark] =
  coreBenchmarks + linearClassifierBenchmarks + stochasticBenchmarks + preprocessingBenchmarks
  + featureBenchmarks + compositionBenchmarks + treeBenchmarks + boostingBenchmarks
  + modelSelectionBenchmarks + decompositionBenchmarks + ensembleBenchmarks

let coreBenchmarks: [Benchmark] = [
  Benchmark(
    name: "csv_read",
    summary: "DataFrame(contentsOfCSVFile:) (metric = sum of the first double column; extra: "
      + "peak_rss_mb, columns_mb)",
    input: "--data FILE.csv", run: runCSVRead),
  Benchmark(
    name: "dataframe_groupby_mean",
    summary: "DataFrame.groupBy(\"key\") mean of v; data: key, v, w (metric = sum of means)",
    input: "--data FILE (3 columns)", run: { try runDataFrameBench($0, op: "groupby_mean") }),
  Benchmark(
    name: "dataframe_sort",
    summary: "DataFrame.sorted(by: \"v\") on key, v, w (metric = middle value)",
    input: "--data FILE (3 columns)", run: { try runDataFrameBench($0, op: "sort") }),
  Benchmark(
    name: "dataframe_describe",
    summary: "DataFrame.describe() on key, v, w (metric = median of v)",
    input: "--data FILE (3 columns)", run: { try runDataFrameBench($0, op: "describe") }),
  Benchmark(
    name: "dgemm",
    summary: "Matrix.matmul of two n x n matrices (fit_s = one product; metric = GFLOP/s)",
    input: "--n N (default 2000)", run: runDGEMM),
  Benchmark(
    name: "linear_regression",
    summary: "LinearRegression fit and predict on the training data (metric = R^2)",
    input: "--data FILE with y", run: runLinearRegression),
  Benchmark(
    name: "ridge", summary: "Ridge() fit and predict on the training data (metric = R^2)",
    input: "--data FILE with y", run: { try runRegressor($0, "ridge", Ridge()) }),
  Benchmark(
    name: "lasso", summary: "Lasso() fit and predict on the training data (metric = R^2)",
    input: "--data FILE with y", run: { try runRegressor($0, "lasso", Lasso()) }),
  Benchmark(
    name: "elastic_net",
    summary: "ElasticNet() fit and predict on the training data (metric = R^2)",
    input: "--data FILE with y", run: { try runRegressor($0, "elastic_net", ElasticNet()) }),
  Benchmark(
    name: "standard_scaler",
    summary:
      "StandardScaler fit (fit_s) and transform (predict_s); metric = max over columns of "
      + "|mean(z)| and |std(z) - 1|",
    input: "--data FILE", run: runStandardScaler),
  Benchmark(
    name: "cross_val_score",
    summary:
      "crossValScore of Pipeline(StandardScaler(), LinearRegression()) with KFold(5), folds in "
      + "parallel (fit_s = whole CV; metric = mean R^2; serial_s = the same with parallel: false)",
    input: "--data FILE with y", run: runCrossValScore),
  Benchmark(
    name: "roc_auc",
    summary: "rocAUCScore on column 0 of X (scores) against y (0/1 labels) (metric = AUC)",
    input: "--data FILE with y", run: runROCAUC),
]

/// Loads `--data`, returning the data and the data-set name.
func loadData(_ options: Options, bench: String) throws -> (DataFile, String) {
  guard let path = options.data else {
    throw BenchError.usage("\(bench) needs --data FILE")
  }
  let data = try DataFile.load(path: path)
  return (data, options.dataset ?? DataFile.datasetName(path: path))
}

// MARK: - dgemm

/// `c = a · b` for `n x n` matrices with entries uniform on [-1, 1).
func runDGEMM(_ options: Options) throws {
  let n = options.n ?? 2000
  guard n > 0 else { throw BenchError.usage("--n must be positive") }
  let uniform = Matrix.Distribution.uniform(lower: -1, upper: 1)
  let a = Matrix.random(rowCount: n, columnCount: n, distribution: uniform, seed: 1)
  let b = Matrix.random(rowCount: n, columnCount: n, distribution: uniform, seed: 2)
  let flops = 2 * Double(n) * Double(n) * Double(n)
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var product: Matrix?
    let elapsed = try benchClock.measure { product = try a.matmul(b) }
    guard let c = product else {
      throw BenchError.check(benchmark: "dgemm", reason: "no product")
    }
    let error = spotCheckError(a, b, c)
    guard error < 1e-12 else {
      throw BenchError.check(benchmark: "dgemm", reason: "relative error \(error)")
    }
    blackHole(c)
    let seconds = elapsed.seconds
    return Measurement(
      estimator: "dgemm", dataset: "uniform_\(n)x\(n)", n: n, d: n, fitSeconds: seconds,
      predictSeconds: nil, metricName: "gflops", metric: flops / seconds / 1e9,
      repeatIndex: k, threads: BLASThreads.count,
      extra: [("check_rel_err", .number(error))])
  }
}

/// The largest relative error of 32 entries of `c` against a plain dot product, each scaled
/// by `Σ |a_ik · b_kj|`.
private func spotCheckError(_ a: Matrix, _ b: Matrix, _ c: Matrix) -> Double {
  let n = a.rowCount
  let m = b.columnCount
  let inner = a.columnCount
  guard c.rowCount == n, c.columnCount == m else { return .infinity }
  var worst = 0.0
  for p in 0..<32 {
    let i = (p * 7919 + 3) % n
    let j = (p * 104_729 + 11) % m
    var sum = 0.0
    var magnitude = 0.0
    for t in 0..<inner {
      let term = a[i, t] * b[t, j]
      sum += term
      magnitude += abs(term)
    }
    let error = abs(c[i, j] - sum) / Swift.max(magnitude, .leastNormalMagnitude)
    worst = Swift.max(worst, error.isNaN ? .infinity : error)
  }
  return worst
}

// MARK: - LinearRegression

/// `LinearRegression().fit(x, y)` then `.predict(x)`; R² on the training data.
func runLinearRegression(_ options: Options) throws {
  let (data, dataset) = try loadData(options, bench: "linear_regression")
  guard let y = data.y else {
    throw BenchError.usage("linear_regression needs a data file with a target (k = 1)")
  }
  let x = data.x
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: LinearRegression.Fitted?
    let fitTime = try benchClock.measure { fitted = try LinearRegression().fit(x, y) }
    guard let model = fitted else {
      throw BenchError.check(benchmark: "linear_regression", reason: "no model")
    }
    var predictions: [Double] = []
    let predictTime = try benchClock.measure { predictions = try model.predict(x) }
    guard predictions.count == x.rowCount, model.featureCount == x.columnCount else {
      throw BenchError.check(benchmark: "linear_regression", reason: "wrong output shapes")
    }
    let r2 = try r2Score(yTrue: y, yPred: predictions)
    guard r2.isFinite else {
      throw BenchError.check(benchmark: "linear_regression", reason: "R^2 = \(r2)")
    }
    blackHole(model)
    blackHole(predictions)
    return Measurement(
      estimator: "LinearRegression", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds, metricName: "r2",
      metric: r2, repeatIndex: k, threads: BLASThreads.count,
      extra: [("intercept", .number(model.intercept)), ("rank", .int(model.rank))])
  }
}

// MARK: - Regularised linear models

/// `estimator.fit(x, y)` then `.predict(x)` for a regressor with default settings; R² on the
/// training data.
func runRegressor<E: Regressor>(_ options: Options, _ bench: String, _ estimator: E) throws {
  let (data, dataset) = try loadData(options, bench: bench)
  guard let y = data.y else {
    throw BenchError.usage("\(bench) needs a data file with a target (k = 1)")
  }
  let x = data.x
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: E.Fitted?
    let fitTime = try benchClock.measure { fitted = try estimator.fit(x, y) }
    guard let model = fitted else {
      throw BenchError.check(benchmark: bench, reason: "no model")
    }
    var predictions: [Double] = []
    let predictTime = try benchClock.measure { predictions = try model.predict(x) }
    guard predictions.count == x.rowCount, model.featureCount == x.columnCount else {
      throw BenchError.check(benchmark: bench, reason: "wrong output shapes")
    }
    let r2 = try r2Score(yTrue: y, yPred: predictions)
    guard r2.isFinite else {
      throw BenchError.check(benchmark: bench, reason: "R^2 = \(r2)")
    }
    blackHole(model)
    blackHole(predictions)
    return Measurement(
      estimator: "\(E.self)", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: predictTime.seconds, metricName: "r2",
      metric: r2, repeatIndex: k, threads: BLASThreads.count, extra: [])
  }
}

// MARK: - StandardScaler

/// `StandardScaler().fit(x)` (fit_s) then `.transform(x)` (predict_s).
func runStandardScaler(_ options: Options) throws {
  let (data, dataset) = try loadData(options, bench: "standard_scaler")
  let x = data.x
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var fitted: StandardScaler.Fitted?
    let fitTime = try benchClock.measure { fitted = try StandardScaler().fit(x) }
    guard let scaler = fitted else {
      throw BenchError.check(benchmark: "standard_scaler", reason: "no scaler")
    }
    var output: Matrix?
    let transformTime = try benchClock.measure { output = try scaler.transform(x) }
    guard let z = output, z.rowCount == x.rowCount, z.columnCount == x.columnCount else {
      throw BenchError.check(benchmark: "standard_scaler", reason: "wrong output shape")
    }
    let error = momentError(z)
    guard error < 1e-8 else {
      throw BenchError.check(benchmark: "standard_scaler", reason: "moment error \(error)")
    }
    blackHole(scaler)
    blackHole(z)
    return Measurement(
      estimator: "StandardScaler", dataset: dataset, n: x.rowCount, d: x.columnCount,
      fitSeconds: fitTime.seconds, predictSeconds: transformTime.seconds,
      metricName: "max_moment_err", metric: error, repeatIndex: k,
      threads: BLASThreads.count)
  }
}

/// max over columns of `max(|mean(z_j)|, |std(z_j) − 1|)` (population std), computed the same
/// way as compare.py's `moment_error`: two passes, column sums accumulated row by row.
private func momentError(_ z: Matrix) -> Double {
  let n = z.rowCount
  let d = z.columnCount
  guard n > 0 else { return .infinity }
  var mean = [Double](repeating: 0, count: d)
  var squares = [Double](repeating: 0, count: d)
  z.withUnsafeStorage { s in
    for i in 0..<n {
      for j in 0..<d { mean[j] += s[i * d + j] }
    }
    for j in 0..<d { mean[j] /= Double(n) }
    for i in 0..<n {
      for j in 0..<d {
        let deviation = s[i * d + j] - mean[j]
        squares[j] += deviation * deviation
      }
    }
  }
  var worst = 0.0
  for j in 0..<d {
    let std = (squares[j] / Double(n)).squareRoot()
    let error = Swift.max(abs(mean[j]), abs(std - 1))
    worst = Swift.max(worst, error.isNaN ? .infinity : error)
  }
  return worst
}

// MARK: - DataFrame

/// pandas-style operations on a frame built (untimed) from a 3-column data file: an int `key`
/// (column 0), doubles `v` and `w`.
func runDataFrameBench(_ options: Options, op: String) throws {
  let bench = "dataframe_\(op)"
  let (data, dataset) = try loadData(options, bench: bench)
  let x = data.x
  guard x.columnCount == 3 else { throw BenchError.usage("\(bench) needs 3 columns") }
  let n = x.rowCount
  let frame = try DataFrame([
    Column("key", ints: (0..<n).map { Int(x[$0, 0]) }),
    Column("v", doubles: (0..<n).map { x[$0, 1] }),
    Column("w", doubles: (0..<n).map { x[$0, 2] }),
  ])
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var metric = Double.nan
    let elapsed: Double
    switch op {
    case "groupby_mean":
      var out = DataFrame()
      elapsed = try benchClock.measure {
        out = try frame.groupBy("key", aggregations: [Aggregation("v", .mean)])
      }.seconds
      metric = try out.column("v_mean").numericValues().reduce(0) { $0 + ($1 ?? .nan) }
    case "sort":
      var out = DataFrame()
      elapsed = try benchClock.measure { out = try frame.sorted(by: "v") }.seconds
      metric = try out.column("v").numericValues()[n / 2] ?? .nan
    default:
      var out: DataFrameDescription?
      elapsed = try benchClock.measure { out = frame.describe() }.seconds
      metric = out?.numeric.first { $0.column == "v" }?.median ?? .nan
    }
    guard metric.isFinite else {
      throw BenchError.check(benchmark: bench, reason: "checksum \(metric)")
    }
    return Measurement(
      estimator: "DataFrame.\(op)", dataset: dataset, n: n, d: 3, fitSeconds: elapsed,
      predictSeconds: nil, metricName: "checksum", metric: metric, repeatIndex: k,
      threads: BLASThreads.count)
  }
}

import SwiftLearn

/// Benchmarks of histogram gradient boosting and ensembles (issue 7).
let boostingBenchmarks: [Benchmark] = []

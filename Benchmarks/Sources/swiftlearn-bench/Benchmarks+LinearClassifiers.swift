import SwiftLearn

/// Benchmarks of logistic regression (issue 5).
let linearClassifierBenchmarks: [Benchmark] = []

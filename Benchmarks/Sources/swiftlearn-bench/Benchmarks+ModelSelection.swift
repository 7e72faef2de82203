import SwiftLearn

/// Benchmarks of searches and model-selection tools (issue 6).
let modelSelectionBenchmarks: [Benchmark] = []

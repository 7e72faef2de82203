import SwiftLearn

/// Benchmarks of pipelines and column transformers (issue 4).
let compositionBenchmarks: [Benchmark] = []

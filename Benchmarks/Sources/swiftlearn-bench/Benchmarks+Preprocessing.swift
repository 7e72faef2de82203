import SwiftLearn

/// Benchmarks of scalers, imputers and encoders (issue 4).
let preprocessingBenchmarks: [Benchmark] = []

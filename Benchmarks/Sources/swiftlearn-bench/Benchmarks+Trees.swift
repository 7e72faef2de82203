import SwiftLearn

/// Benchmarks of decision trees, forests and classic boosting (issue 7).
let treeBenchmarks: [Benchmark] = []

import SwiftLearn

/// Benchmarks of feature construction, text, selection and PCA (issue 4).
let featureBenchmarks: [Benchmark] = []

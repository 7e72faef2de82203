import SwiftLearn

/// Benchmarks of SGD, linear SVM and other linear classifiers (issue 5).
let stochasticBenchmarks: [Benchmark] = []

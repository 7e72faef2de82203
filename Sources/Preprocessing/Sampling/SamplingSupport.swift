import LinearAlgebra
import SwiftLearnCore

/// The rows of each class, classes sorted like `np.unique`.
struct ClassRows<Label: ClassLabel> {
  /// The sorted distinct labels.
  let classes: [Label]
  /// The row indices of each class, in row order.
  let rows: [[Int]]

  init(_ y: [Label]) {
    var byLabel: [Label: [Int]] = [:]
    for (i, label) in y.enumerated() { byLabel[label, default: []].append(i) }
    classes = byLabel.keys.sorted()
    rows = classes.map { byLabel[$0] ?? [] }
  }
}

/// Whether a sampler adds rows (over) or removes them (under).
enum SamplingDirection {
  case over
  case under
}

/// Checks a sampler's input: non-empty finite `x`, one label per row, at least two classes.
func validateSamplerInput<Label: ClassLabel>(_ x: Matrix, _ y: [Label]) throws -> ClassRows<
  Label
> {
  try Validate.features(x)
  try Validate.labels(y, sampleCount: x.rowCount)
  let grouped = ClassRows(y)
  guard grouped.classes.count >= 2 else {
    throw LearnError.tooFewClasses(found: grouped.classes.count)
  }
  return grouped
}

/// The classes a strategy selects, as flags in sorted class order (imbalanced-learn's
/// `check_sampling_strategy` for string strategies).
///
/// - Throws: `LearnError.invalidParameter` naming `samplingStrategy` for `minority` with an
///   under-sampler or `majority` with an over-sampler.
func selectedClasses(
  counts: [Int], strategy: SamplingStrategy, direction: SamplingDirection, estimator: String
) throws -> [Bool] {
  let smallest = counts.indices.min { counts[$0] < counts[$1] } ?? 0
  let largest = counts.indices.max { counts[$0] < counts[$1] } ?? 0
  // `max(by:)` returns the last of equal elements; imbalanced-learn takes the first.
  let firstLargest = counts.firstIndex(of: counts[largest]) ?? largest
  switch (strategy, direction) {
  case (.minority, .over): return counts.indices.map { $0 == smallest }
  case (.majority, .under): return counts.indices.map { $0 == firstLargest }
  case (.notMinority, _), (.auto, .under): return counts.indices.map { $0 != smallest }
  case (.notMajority, _), (.auto, .over): return counts.indices.map { $0 != firstLargest }
  case (.all, _): return counts.map { _ in true }
  case (.minority, .under), (.majority, .over):
    throw LearnError.invalidParameter(
      estimator: estimator, name: "samplingStrategy", value: ".\(strategy)",
      expected: direction == .over
        ? "one of minority, notMinority, notMajority, all, auto for an over-sampler"
        : "one of majority, notMinority, notMajority, all, auto for an under-sampler")
  }
}

/// `k` distinct indices from `0..<n` in random order (a partial Fisher–Yates shuffle), like
/// `random_state.choice(n, size=k, replace=False)` in distribution.
func sampleWithoutReplacement(
  _ n: Int, _ k: Int, using generator: inout SeededGenerator
) -> [Int] {
  var pool = Array(0..<n)
  let take = min(k, n)
  for i in 0..<take {
    let j = i + generator.nextInt(below: n - i)
    pool.swapAt(i, j)
  }
  return Array(pool[0..<take])
}

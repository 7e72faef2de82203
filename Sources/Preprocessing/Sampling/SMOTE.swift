import LinearAlgebra
import SwiftLearnCore

/// Synthetic Minority Over-sampling Technique: new rows on the segments between a row and one
/// of its nearest neighbours of the same class.
///
/// For each class selected by ``samplingStrategy``, SMOTE adds as many rows as needed to reach
/// the size of the largest class. Each new row picks a row `a` of the class and one of its
/// ``kNeighbors`` nearest same-class neighbours `b` (Euclidean distance, the row itself
/// excluded) uniformly at random, and a step `t` uniform in [0, 1), and is `a + t·(b − a)`.
/// The result holds every original row first, then the new rows class by class (sorted class
/// order). Use it inside a pipeline through `Resampled`, so it acts on training rows only.
///
/// imbalanced-learn: `imblearn.over_sampling.SMOTE`; defaults match: `kNeighbors: 5`,
/// `samplingStrategy: .auto`. The random stream is SwiftLearn's, so the rows differ from
/// imbalanced-learn's for the same seed; the distribution is the same.
///
///     let (xBalanced, yBalanced) = try SMOTE(seed: 0).fitResample(x, y)
///
/// - Complexity: O(n_c²·d) per resampled class for the neighbour search, in blocks, plus
///   O(new rows · d).
public struct SMOTE: Sampler, RandomizedEstimator, DefaultInitializable, Hashable, Codable {
  /// Which classes to grow (imbalanced-learn's `sampling_strategy`); default `.auto`.
  public var samplingStrategy: SamplingStrategy
  /// The number of same-class neighbours to interpolate towards (imbalanced-learn's
  /// `k_neighbors`); default 5, at least 1.
  public var kNeighbors: Int
  /// The seed of the draws (imbalanced-learn's `random_state`); `nil` draws one.
  public var seed: UInt64?

  /// Creates a SMOTE sampler; every argument defaults to imbalanced-learn's value.
  ///
  /// - Parameters:
  ///   - samplingStrategy: Which classes to grow.
  ///   - kNeighbors: The number of same-class neighbours.
  ///   - seed: The seed of the draws.
  public init(samplingStrategy: SamplingStrategy = .auto, kNeighbors: Int = 5, seed: UInt64? = nil)
  {
    self.samplingStrategy = samplingStrategy
    self.kNeighbors = kNeighbors
    self.seed = seed
  }

  /// A SMOTE sampler with the defaults.
  public init() { self.init(samplingStrategy: .auto, kNeighbors: 5, seed: nil) }

  /// Randomized: the new rows depend on the seed.
  public static var capabilities: Capabilities { Capabilities(isDeterministic: false) }

  /// Checks `kNeighbors ≥ 1` and rejects `.majority`.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `kNeighbors` or `samplingStrategy`.
  public func validateHyperparameters() throws {
    try Check.count(kNeighbors, atLeast: 1, estimator: "SMOTE", name: "kNeighbors")
    _ = try selectedClasses(
      counts: [1, 2], strategy: samplingStrategy, direction: .over, estimator: "SMOTE")
  }

  /// Returns `x` and `y` with synthetic rows added to the selected classes until each has as
  /// many rows as the largest class.
  ///
  /// - Parameters:
  ///   - x: The training features.
  ///   - y: One label per row.
  /// - Returns: The original rows followed by the synthetic ones, and their labels.
  /// - Throws: `LearnError.invalidParameter` naming `kNeighbors` when a class to grow has
  ///   fewer than `kNeighbors + 1` rows (imbalanced-learn raises "Expected n_neighbors <=
  ///   n_samples_fit"); `.emptyInput`, `.nonFinite`, `.lengthMismatch`, `.tooFewClasses`.
  public func fitResample<Label: ClassLabel>(_ x: Matrix, _ y: [Label]) throws -> (
    x: Matrix, y: [Label]
  ) {
    try validateHyperparameters()
    let grouped = try validateSamplerInput(x, y)
    let counts = grouped.rows.map(\.count)
    let selected = try selectedClasses(
      counts: counts, strategy: samplingStrategy, direction: .over, estimator: "SMOTE")
    let target = counts.max() ?? 0
    for (c, count) in counts.enumerated() where selected[c] && target > count {
      guard count > kNeighbors else {
        throw LearnError.invalidParameter(
          estimator: "SMOTE", name: "kNeighbors", value: "\(kNeighbors)",
          expected:
            "smaller than the number of samples of every class to over-sample; class \(grouped.classes[c]) has \(count)"
        )
      }
    }
    var generator = SeededGenerator(seed: seed ?? SeededGenerator.randomSeed())
    let d = x.columnCount
    var output = x.storage
    var labels = y
    for (c, rowsOfClass) in grouped.rows.enumerated() where selected[c] {
      let need = target - rowsOfClass.count
      guard need > 0 else { continue }
      let members = try x.rows(rowsOfClass)
      let neighbours = try nearestNeighbours(members, k: kNeighbors)
      let n = rowsOfClass.count
      output.reserveCapacity(output.count + need * d)
      members.withUnsafeStorage { m in
        for _ in 0..<need {
          let pick = generator.nextInt(below: n * kNeighbors)
          let a = pick / kNeighbors
          let b = neighbours[pick]
          let step = generator.nextUniform()
          for j in 0..<d {
            let va = m[a * d + j]
            output.append(va + step * (m[b * d + j] - va))
          }
        }
      }
      labels += [Label](repeating: grouped.classes[c], count: need)
    }
    return (try Matrix(rowCount: labels.count, columnCount: d, storage: output), labels)
  }

  /// The `k` nearest other rows of each row of `x` (row-major `n × k`, nearest first, ties by
  /// row index), by squared Euclidean distance in blocks of rows.
  private func nearestNeighbours(_ x: Matrix, k: Int) throws -> [Int] {
    let n = x.rowCount
    var result = [Int](repeating: 0, count: n * k)
    let block = 256
    var start = 0
    while start < n {
      let end = min(n, start + block)
      let distances = try pairwiseSquaredDistances(x.rows(start..<end), x)
      distances.withUnsafeStorage { dist in
        var bestIndex = [Int](repeating: 0, count: k)
        var bestDistance = [Double](repeating: .infinity, count: k)
        for i in start..<end {
          for t in 0..<k {
            bestIndex[t] = -1
            bestDistance[t] = .infinity
          }
          let base = (i - start) * n
          for j in 0..<n where j != i {
            let v = dist[base + j]
            guard v < bestDistance[k - 1] || bestIndex[k - 1] < 0 else { continue }
            var t = k - 1
            while t > 0 && (v < bestDistance[t - 1] || bestIndex[t - 1] < 0) {
              bestDistance[t] = bestDistance[t - 1]
              bestIndex[t] = bestIndex[t - 1]
              t -= 1
            }
            bestDistance[t] = v
            bestIndex[t] = j
          }
          for t in 0..<k { result[i * k + t] = bestIndex[t] }
        }
      }
      start = end
    }
    return result
  }
}

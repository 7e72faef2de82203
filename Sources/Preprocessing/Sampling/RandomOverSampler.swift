import LinearAlgebra
import SwiftLearnCore

/// Balances classes by repeating randomly chosen rows of the smaller classes.
///
/// Each class selected by ``samplingStrategy`` grows to the size of the largest class by
/// drawing its own rows with replacement. The result holds every original row first, then the
/// drawn copies class by class (sorted class order). Use it inside a pipeline through
/// `Resampled`, so it acts on training rows only.
///
/// imbalanced-learn: `imblearn.over_sampling.RandomOverSampler` (without `shrinkage`);
/// defaults match: `samplingStrategy: .auto` (every class but the largest).
///
///     let (xBalanced, yBalanced) = try RandomOverSampler(seed: 0).fitResample(x, y)
///
/// - Complexity: O(n·d) for the output rows.
public struct RandomOverSampler: Sampler, RandomizedEstimator, DefaultInitializable, Hashable,
  Codable
{
  /// Which classes to grow (imbalanced-learn's `sampling_strategy`); default `.auto`.
  public var samplingStrategy: SamplingStrategy
  /// The seed of the row draws (imbalanced-learn's `random_state`); `nil` draws one.
  public var seed: UInt64?

  /// Creates an over-sampler; every argument defaults to imbalanced-learn's value.
  ///
  /// - Parameters:
  ///   - samplingStrategy: Which classes to grow.
  ///   - seed: The seed of the row draws.
  public init(samplingStrategy: SamplingStrategy = .auto, seed: UInt64? = nil) {
    self.samplingStrategy = samplingStrategy
    self.seed = seed
  }

  /// An over-sampler with the defaults.
  public init() { self.init(samplingStrategy: .auto, seed: nil) }

  /// Randomized: the drawn rows depend on the seed.
  public static var capabilities: Capabilities { Capabilities(isDeterministic: false) }

  /// Rejects `.majority`, which only under-samplers accept.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `samplingStrategy`.
  public func validateHyperparameters() throws {
    _ = try selectedClasses(
      counts: [1, 2], strategy: samplingStrategy, direction: .over,
      estimator: "RandomOverSampler")
  }

  /// Returns `x` and `y` with rows of the selected classes repeated until each has as many
  /// rows as the largest class.
  ///
  /// - Parameters:
  ///   - x: The training features.
  ///   - y: One label per row.
  /// - Returns: The original rows followed by the drawn copies, and their labels.
  /// - Throws: `LearnError.emptyInput`, `.nonFinite`, `.lengthMismatch`, `.tooFewClasses`,
  ///   `.invalidParameter` for `samplingStrategy`.
  public func fitResample<Label: ClassLabel>(_ x: Matrix, _ y: [Label]) throws -> (
    x: Matrix, y: [Label]
  ) {
    try validateHyperparameters()
    let grouped = try validateSamplerInput(x, y)
    let counts = grouped.rows.map(\.count)
    let selected = try selectedClasses(
      counts: counts, strategy: samplingStrategy, direction: .over,
      estimator: "RandomOverSampler")
    let target = counts.max() ?? 0
    var generator = SeededGenerator(seed: seed ?? SeededGenerator.randomSeed())
    var rows = Array(0..<x.rowCount)
    var labels = y
    for (c, rowsOfClass) in grouped.rows.enumerated() where selected[c] {
      for _ in 0..<(target - rowsOfClass.count) {
        rows.append(rowsOfClass[generator.nextInt(below: rowsOfClass.count)])
        labels.append(grouped.classes[c])
      }
    }
    return (try x.rows(rows), labels)
  }
}

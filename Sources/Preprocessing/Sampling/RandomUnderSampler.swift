import LinearAlgebra
import SwiftLearnCore

/// Balances classes by keeping a random subset of the rows of the larger classes.
///
/// Each class selected by ``samplingStrategy`` shrinks to the size of the smallest class by
/// drawing its rows without replacement (or with it, when ``replacement`` is true); other
/// classes keep every row. The result lists the classes in sorted order, like
/// imbalanced-learn. Use it inside a pipeline through `Resampled`, so it acts on training rows
/// only.
///
/// imbalanced-learn: `imblearn.under_sampling.RandomUnderSampler`; defaults match:
/// `samplingStrategy: .auto` (every class but the smallest), `replacement: false`.
///
///     let (xSmall, ySmall) = try RandomUnderSampler(seed: 0).fitResample(x, y)
///
/// - Complexity: O(n·d).
public struct RandomUnderSampler: Sampler, RandomizedEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// Which classes to shrink (imbalanced-learn's `sampling_strategy`); default `.auto`.
  public var samplingStrategy: SamplingStrategy
  /// Draw rows with replacement (imbalanced-learn's `replacement`); default false.
  public var replacement: Bool
  /// The seed of the row draws (imbalanced-learn's `random_state`); `nil` draws one.
  public var seed: UInt64?

  /// Creates an under-sampler; every argument defaults to imbalanced-learn's value.
  ///
  /// - Parameters:
  ///   - samplingStrategy: Which classes to shrink.
  ///   - replacement: Whether rows are drawn with replacement.
  ///   - seed: The seed of the row draws.
  public init(
    samplingStrategy: SamplingStrategy = .auto, replacement: Bool = false, seed: UInt64? = nil
  ) {
    self.samplingStrategy = samplingStrategy
    self.replacement = replacement
    self.seed = seed
  }

  /// An under-sampler with the defaults.
  public init() { self.init(samplingStrategy: .auto, replacement: false, seed: nil) }

  /// Randomized: the kept rows depend on the seed.
  public static var capabilities: Capabilities { Capabilities(isDeterministic: false) }

  /// Rejects `.minority`, which only over-samplers accept.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `samplingStrategy`.
  public func validateHyperparameters() throws {
    _ = try selectedClasses(
      counts: [1, 2], strategy: samplingStrategy, direction: .under,
      estimator: "RandomUnderSampler")
  }

  /// Returns a subset of `x` and `y` in which each selected class has as many rows as the
  /// smallest class.
  ///
  /// - Parameters:
  ///   - x: The training features.
  ///   - y: One label per row.
  /// - Returns: The kept rows and their labels, class by class in sorted order.
  /// - Throws: `LearnError.emptyInput`, `.nonFinite`, `.lengthMismatch`, `.tooFewClasses`,
  ///   `.invalidParameter` for `samplingStrategy`.
  public func fitResample<Label: ClassLabel>(_ x: Matrix, _ y: [Label]) throws -> (
    x: Matrix, y: [Label]
  ) {
    try validateHyperparameters()
    let grouped = try validateSamplerInput(x, y)
    let counts = grouped.rows.map(\.count)
    let selected = try selectedClasses(
      counts: counts, strategy: samplingStrategy, direction: .under,
      estimator: "RandomUnderSampler")
    let target = counts.min() ?? 0
    var generator = SeededGenerator(seed: seed ?? SeededGenerator.randomSeed())
    var rows: [Int] = []
    var labels: [Label] = []
    for (c, rowsOfClass) in grouped.rows.enumerated() {
      var kept = rowsOfClass
      if selected[c] {
        if replacement {
          kept = (0..<target).map { _ in rowsOfClass[generator.nextInt(below: rowsOfClass.count)] }
        } else {
          kept = sampleWithoutReplacement(rowsOfClass.count, target, using: &generator)
            .map { rowsOfClass[$0] }
        }
      }
      rows += kept
      labels += [Label](repeating: grouped.classes[c], count: kept.count)
    }
    return (try x.rows(rows), labels)
  }
}

import LinearAlgebra

/// A resampler: returns a new training set with rows added or removed, for class imbalance.
///
/// Samplers change the rows a model learns from, so they act during `fit` only: a pipeline
/// step built from a sampler (`Resampled` in the `Pipeline` module) resamples the training
/// data and then fits its estimator, and its fitted model never resamples the rows it
/// predicts. imbalanced-learn: `imblearn.base.BaseSampler.fit_resample`.
///
/// A sampler is an ``Estimator`` (a struct of hyperparameters, validated when it runs) and,
/// when it draws rows at random, a ``RandomizedEstimator``: the same seed gives the same rows.
public protocol Sampler: Estimator {
  /// Resamples `x` and its labels `y`, returning the new rows and their labels.
  ///
  /// - Parameters:
  ///   - x: The training features, one row per sample.
  ///   - y: One class label per row of `x`.
  /// - Returns: The resampled rows and their labels (the original rows first, for
  ///   over-samplers, like imbalanced-learn).
  /// - Throws: ``LearnError`` for empty or non-finite input, labels of the wrong length, fewer
  ///   than two classes, or settings that cannot apply to these classes.
  func fitResample<Label: ClassLabel>(_ x: Matrix, _ y: [Label]) throws -> (
    x: Matrix, y: [Label]
  )
}

/// Which classes a sampler resamples (imbalanced-learn's string `sampling_strategy`).
///
/// Over-samplers grow each selected class to the size of the largest class; under-samplers
/// shrink each selected class to the size of the smallest. Ties are broken by the sorted class
/// order, like `np.unique`.
public enum SamplingStrategy: String, Sendable, Hashable, Codable, CaseIterable {
  /// Only the smallest class (over-samplers only).
  case minority
  /// Only the largest class (under-samplers only).
  case majority
  /// Every class except the smallest.
  case notMinority = "not minority"
  /// Every class except the largest.
  case notMajority = "not majority"
  /// Every class.
  case all
  /// `notMajority` for over-samplers, `notMinority` for under-samplers (the default).
  case auto
}

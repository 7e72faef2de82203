import SwiftLearnCore

/// The result builder behind `Pipeline { ... }`: one step per line, transformers first, the
/// final estimator last.
///
/// Steps are joined two at a time into left-nested pipelines, so
/// `Pipeline { a; b; c }` is a `Pipeline<Pipeline<A, B>, C>` whose hyperparameters are reached
/// by key path (`\.first.first`, `\.first.last`, `\.last`). A step wrapped in ``Named`` keeps
/// its name; a `Sampler` placed just before a final classifier becomes a
/// ``Resampled`` step (resampling during `fit` only).
///
/// scikit-learn: `make_pipeline(a, b, c)`; imbalanced-learn's `Pipeline` for samplers.
@resultBuilder
public enum PipelineBuilder {
  /// Lifts an estimator into an unnamed step.
  ///
  /// - Parameter step: The estimator.
  /// - Returns: The unnamed step.
  public static func buildExpression<E: Estimator>(_ step: E) -> Named<E> {
    Named(unnamed: step)
  }

  /// Keeps a named step.
  ///
  /// - Parameter step: The named step.
  /// - Returns: The same step.
  public static func buildExpression<E: Estimator>(_ step: Named<E>) -> Named<E> { step }

  /// The first step.
  ///
  /// - Parameter first: The first step.
  /// - Returns: The same step.
  public static func buildPartialBlock<E: Estimator>(first: Named<E>) -> Named<E> { first }

  /// Joins the first step, a transformer, to the next.
  ///
  /// - Parameters:
  ///   - accumulated: The first step.
  ///   - next: The next step.
  /// - Returns: A two-step pipeline.
  public static func buildPartialBlock<A: TransformerEstimator, N: Estimator>(
    accumulated: Named<A>, next: Named<N>
  ) -> Pipeline<A, N> {
    var pipeline = Pipeline(accumulated.step, next.step)
    pipeline.firstName = accumulated.name
    pipeline.lastName = next.name
    return pipeline
  }

  /// Joins a pipeline ending in a transformer to the next step.
  ///
  /// - Parameters:
  ///   - accumulated: The steps so far.
  ///   - next: The next step.
  /// - Returns: The longer pipeline.
  public static func buildPartialBlock<P: TransformerEstimator, N: Estimator>(
    accumulated: P, next: Named<N>
  ) -> Pipeline<P, N> {
    var pipeline = Pipeline(accumulated, next.step)
    pipeline.lastName = next.name
    return pipeline
  }

  /// Joins a sampler, the first step, to the final classifier.
  ///
  /// - Parameters:
  ///   - accumulated: The sampler.
  ///   - next: The final classifier.
  /// - Returns: The classifier fitted on resampled rows.
  public static func buildPartialBlock<S: Sampler, N: Classifier>(
    accumulated: Named<S>, next: Named<N>
  ) -> Resampled<S, N> {
    var step = Resampled(accumulated.step, next.step)
    step.samplerName = accumulated.name
    step.estimatorName = next.name
    return step
  }

  /// Joins a pipeline ending in a sampler to the final classifier.
  ///
  /// - Parameters:
  ///   - accumulated: The steps so far, ending in a sampler.
  ///   - next: The final classifier.
  /// - Returns: A pipeline whose last step fits the classifier on resampled rows.
  public static func buildPartialBlock<A: TransformerEstimator, S: Sampler, N: Classifier>(
    accumulated: Pipeline<A, S>, next: Named<N>
  ) -> Pipeline<A, Resampled<S, N>> {
    var step = Resampled(accumulated.last, next.step)
    step.samplerName = accumulated.lastName
    step.estimatorName = next.name
    var pipeline = Pipeline(accumulated.first, step)
    pipeline.firstName = accumulated.firstName
    return pipeline
  }
}

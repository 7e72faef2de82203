import LinearAlgebra
import SwiftLearnCore

/// A classifier fitted on resampled training rows: the sampler acts during `fit` only.
///
/// `fit` runs the sampler's `fitResample` on the training rows and fits the estimator on the
/// result; the fitted value *is* the estimator's fitted model, so `predict` sees the rows it
/// is given, never resampled ones. Inside `Pipeline { ... }` a sampler written just before the
/// final classifier becomes this step.
///
/// imbalanced-learn: a sampler step of `imblearn.pipeline.Pipeline`, which calls
/// `fit_resample` during `fit` and skips the sampler in `predict`.
///
///     let model = try Pipeline {
///       StandardScaler()
///       SMOTE(seed: 0)
///       LogisticRegression()
///     }.fit(x, y)          // the scaler sees the original rows, the classifier SMOTE's
public struct Resampled<S: Sampler, E: Estimator>: Estimator {
  /// The sampler applied to the training rows.
  public var sampler: S
  /// The estimator fitted on the resampled rows.
  public var estimator: E
  /// The display name of ``sampler``; `nil` means the lowercased type name.
  public var samplerName: String?
  /// The display name of ``estimator``; `nil` means the lowercased type name.
  public var estimatorName: String?

  /// Joins a sampler and an estimator.
  ///
  /// - Parameters:
  ///   - sampler: The sampler applied during `fit`.
  ///   - estimator: The estimator fitted on the resampled rows.
  public init(_ sampler: S, _ estimator: E) {
    self.sampler = sampler
    self.estimator = estimator
  }

  /// Validates the sampler's and the estimator's hyperparameters.
  ///
  /// - Throws: `LearnError.invalidParameter` from either.
  public func validateHyperparameters() throws {
    try sampler.validateHyperparameters()
    try estimator.validateHyperparameters()
  }

  /// The estimator's capabilities; deterministic only when both parts are.
  public static var capabilities: Capabilities {
    var caps = E.capabilities
    caps.isDeterministic = caps.isDeterministic && S.capabilities.isDeterministic
    caps.supportsSampleWeight = false
    return caps
  }

  /// `Resampled(sampler, estimator)` with each part's own description.
  public var description: String { "Resampled(\(sampler), \(estimator))" }
}

extension Resampled: Equatable where S: Equatable, E: Equatable {}
extension Resampled: Hashable where S: Hashable, E: Hashable {}
extension Resampled: Codable where S: Codable, E: Codable {}

extension Resampled: DefaultInitializable where S: DefaultInitializable, E: DefaultInitializable {
  /// Both parts with their defaults.
  public init() { self.init(S(), E()) }
}

extension Resampled: SupervisedEstimator where E: Classifier {
  /// Resamples `x` and `y` with the sampler, then fits the estimator on the result.
  ///
  /// - Parameters:
  ///   - x: The training features.
  ///   - y: One label per row.
  /// - Returns: The estimator's fitted model (which never resamples).
  /// - Throws: whatever the sampler or the estimator throws.
  public func fit(_ x: Matrix, _ y: [E.Label]) throws -> E.Fitted {
    try validateHyperparameters()
    let (resampledX, resampledY) = try sampler.fitResample(x, y)
    return try estimator.fit(resampledX, resampledY)
  }
}

extension Resampled: Classifier where E: Classifier {
  /// The estimator's label type.
  public typealias Label = E.Label
}

extension Resampled: FlatteningSteps {
  var flatSteps: [(keyPath: AnyKeyPath, name: String, isDefault: Bool)] {
    sideSteps(\Self.sampler, sampler, name: samplerName)
      + sideSteps(\Self.estimator, estimator, name: estimatorName)
  }
}

extension Resampled: StepContainer {
  /// The sampler and the estimator with their names.
  public var namedSteps: [(keyPath: AnyKeyPath, name: String)] { deduplicated(flatSteps) }
}

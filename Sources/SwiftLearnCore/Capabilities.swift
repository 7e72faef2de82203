/// What an estimator accepts and guarantees, where a conformance cannot say it.
///
/// scikit-learn's estimator tags. The common checks read an estimator's capabilities to choose
/// which checks apply (for example the NaN check is skipped when missing values are allowed).
public struct Capabilities: Sendable, Hashable, Codable {
  /// NaN in `X` is accepted (and means "missing").
  public var allowsMissingValues: Bool
  /// `X` must be non-negative (for example chi², multinomial naive Bayes).
  public var requiresNonNegativeInput: Bool
  /// Fitting twice on the same data gives the same model without a seed.
  public var isDeterministic: Bool
  /// More than two classes are supported (classifiers only).
  public var supportsMulticlass: Bool
  /// Fitting accepts per-sample weights.
  public var supportsSampleWeight: Bool

  /// Creates capabilities; the defaults describe the common case.
  public init(
    allowsMissingValues: Bool = false, requiresNonNegativeInput: Bool = false,
    isDeterministic: Bool = true, supportsMulticlass: Bool = true,
    supportsSampleWeight: Bool = false
  ) {
    self.allowsMissingValues = allowsMissingValues
    self.requiresNonNegativeInput = requiresNonNegativeInput
    self.isDeterministic = isDeterministic
    self.supportsMulticlass = supportsMulticlass
    self.supportsSampleWeight = supportsSampleWeight
  }
}

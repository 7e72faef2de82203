/// The errors every estimator, transformer and pipeline throws on bad input or bad settings.
///
/// Each case carries what the user needs to fix the problem — the estimator, the parameter or
/// input, the row and column, what was expected and what was found — and ``description`` reads
/// like scikit-learn's messages. Tests match cases, not text.
public enum LearnError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A hyperparameter is out of its range (scikit-learn's `InvalidParameterError`).
  case invalidParameter(estimator: String, name: String, value: String, expected: String)
  /// The input has a different number of features than the model was fitted with.
  case featureCountMismatch(expected: Int, got: Int)
  /// The input has zero samples or zero features.
  case emptyInput(input: String, reason: String)
  /// A value is NaN or infinite where the estimator needs finite numbers.
  case nonFinite(input: String, row: Int, column: Int)
  /// Two inputs that must have one entry per sample have different lengths.
  case lengthMismatch(input: String, expected: Int, got: Int)
  /// Sample weights are negative, non-finite, or all zero.
  case invalidSampleWeight(reason: String)
  /// Classification needs at least two classes in `y`.
  case tooFewClasses(found: Int)
  /// A label at prediction or scoring time was never seen during fit.
  case unknownLabel(String)
  /// The input is valid but the estimator cannot handle it (for example a negative value
  /// for an estimator that needs non-negative input).
  case unsupportedInput(input: String, reason: String)
  /// A numerical routine failed (singular system, no convergence) in a way the user can act on.
  case numericalFailure(estimator: String, reason: String)
  /// A saved model file cannot be read: corrupt JSON, wrong estimator, unsupported version.
  case corruptModelFile(reason: String)
  /// A saved model file holds a different estimator type than the one asked for.
  case modelTypeMismatch(expected: String, found: String)
  /// A saved model file was written by a newer, incompatible format version.
  case unsupportedFormatVersion(found: Int, supported: Int)
  /// A fitted frame transformer needs a column that the input `DataFrame` does not have.
  case missingColumn(name: String)
  /// A `DataFrame` column has a type the transformer cannot use (for example a string column
  /// given to a numeric imputer).
  case wrongColumnType(column: String, expected: String, found: String)
  /// A column holds a category that was not seen during fit (scikit-learn's
  /// `handle_unknown="error"`).
  case unknownCategory(column: String, value: String)
  /// Every value of a column is missing, so a statistic cannot be learned from it.
  case allMissing(column: String)

  public var description: String {
    switch self {
    case let .invalidParameter(estimator, name, value, expected):
      return "\(estimator): parameter '\(name)' must be \(expected); got \(value)."
    case let .featureCountMismatch(expected, got):
      return
        "X has \(got) features, but the model was fitted with \(expected) features."
    case let .emptyInput(input, reason):
      return "\(input): \(reason)."
    case let .nonFinite(input, row, column):
      return "Input \(input) contains NaN or infinity at row \(row), column \(column)."
    case let .lengthMismatch(input, expected, got):
      return "Found input \(input) with \(got) entries, expected \(expected) (one per sample)."
    case let .invalidSampleWeight(reason):
      return "Invalid sample_weight: \(reason)."
    case let .tooFewClasses(found):
      return
        "This solver needs samples of at least 2 classes in the data, but the data contains \(found) class\(found == 1 ? "" : "es")."
    case let .unknownLabel(label):
      return "y contains previously unseen label \(label)."
    case let .unsupportedInput(input, reason):
      return "Input \(input) is not supported: \(reason)."
    case let .numericalFailure(estimator, reason):
      return "\(estimator): \(reason)."
    case let .corruptModelFile(reason):
      return "The model file is corrupt or unreadable: \(reason)."
    case let .modelTypeMismatch(expected, found):
      return "The model file holds a \(found), not a \(expected)."
    case let .unsupportedFormatVersion(found, supported):
      return
        "The model file has format version \(found); this SwiftLearn reads versions up to \(supported)."
    case let .missingColumn(name):
      return "The input has no column named '\(name)', which the transformer was fitted on."
    case let .wrongColumnType(column, expected, found):
      return "Column '\(column)' must hold \(expected) values; found \(found)."
    case let .unknownCategory(column, value):
      return "Found unknown category '\(value)' in column '\(column)' during transform."
    case let .allMissing(column):
      return "Column '\(column)' has only missing values; no statistic can be learned from it."
    }
  }
}

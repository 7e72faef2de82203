/// Errors thrown by the bundled data-set loaders and the synthetic data generators.
///
/// Every case names what the caller needs to fix: the parameter and its value, the resource
/// file, or the line of a resource that could not be read. Tests match cases, not message text.
///
/// scikit-learn raises `ValueError` (through `validate_params`) for the same conditions.
///
///     do {
///       _ = try makeBlobs(sampleCount: 0, seed: 1)
///     } catch DatasetError.invalidParameter(let name, _, _) {
///       print(name)  // "sampleCount"
///     }
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A parameter is outside its domain.
  ///
  /// `name` is the Swift parameter name (for example `"sampleCount"`, scikit-learn's
  /// `n_samples`), `value` the offending value as text and `expected` a plain description of
  /// what is allowed (for example `"an int in the range [1, inf)"`).
  case invalidParameter(name: String, value: String, expected: String)
  /// A bundled resource file is not in the module's resource bundle.
  case resourceMissing(name: String)
  /// A bundled resource file could not be parsed; `line` is 1-based.
  case malformedResource(name: String, line: Int, reason: String)
  /// A column name that the table does not have.
  case unknownColumn(name: String, available: [String])

  /// A message in scikit-learn's plain wording.
  public var description: String {
    switch self {
    case let .invalidParameter(name, value, expected):
      return "The '\(name)' parameter must be \(expected). Got \(value) instead."
    case let .resourceMissing(name):
      return
        "The bundled data file '\(name)' was not found: copy SwiftLearn_Datasets.resources next to the executable or set SWIFTLEARN_DATASETS_PATH to its folder."
    case let .malformedResource(name, line, reason):
      return "The bundled data file '\(name)' is malformed at line \(line): \(reason)."
    case let .unknownColumn(name, available):
      return "Column '\(name)' not found; available columns are "
        + available.map { "'\($0)'" }.joined(separator: ", ") + "."
    }
  }
}

import SwiftLearn
import Testing

/// One public estimator and the common checks it runs.
public struct RegistryEntry: Sendable, CustomStringConvertible {
  /// The public type name, as declared in `Sources/`.
  public let name: String
  /// Runs every common check that applies.
  public let run: @Sendable () throws -> Void

  public var description: String { name }
}

/// Every public estimator, transformer and pipeline in SwiftLearn.
///
/// Swift cannot enumerate types at run time the way scikit-learn's `all_estimators()` does, so
/// the list is written out, and `RegistryCompletenessTests` fails when a public estimator type
/// in `Sources/` is missing from it. A new estimator adds one entry to its area's
/// `Registry+Area.swift` file.
public enum Registry {
  public static let entries: [RegistryEntry] =
    coreEntries + linearRegressionEntries + linearClassifierEntries + stochasticEntries
    + preprocessingEntries + featureEntries + compositionEntries + treeEntries + boostingEntries
    + modelSelectionEntries + decompositionEntries + ensembleEntries

  /// The names in ``entries``.
  public static var names: Set<String> { Set(entries.map(\.name)) }
}

import SwiftLearn
import Testing

extension Registry {
  /// Histogram gradient boosting, isolation forest and meta-ensembles (issue 7).
  static let boostingEntries: [RegistryEntry] = []
}

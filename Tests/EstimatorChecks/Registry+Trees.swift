import SwiftLearn
import Testing

extension Registry {
  /// Decision trees, forests and classic boosting (issue 7).
  static let treeEntries: [RegistryEntry] = []
}

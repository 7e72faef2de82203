import SwiftLearn
import Testing

extension Registry {
  /// Pipelines, column transformers, feature unions and samplers (issue 4).
  static let compositionEntries: [RegistryEntry] = []
}

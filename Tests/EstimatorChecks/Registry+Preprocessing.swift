import SwiftLearn
import Testing

extension Registry {
  /// Scalers, imputers and encoders (issue 4).
  static let preprocessingEntries: [RegistryEntry] = []
}

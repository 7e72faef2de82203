import SwiftLearn
import Testing

extension Registry {
  /// Feature construction, text, selection and decomposition (issue 4).
  static let featureEntries: [RegistryEntry] = []
}

import SwiftLearn
import Testing

extension Registry {
  /// Logistic regression and its CV variant (issue 5).
  static let linearClassifierEntries: [RegistryEntry] = []
}

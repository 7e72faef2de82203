import SwiftLearn
import Testing

extension Registry {
  /// Searches, threshold tuning and calibration (issue 6).
  static let modelSelectionEntries: [RegistryEntry] = []
}

import SwiftLearn
import Testing

extension Registry {
  /// SGD, Perceptron, linear SVM, ridge classifier, discriminant analysis, dummy regressor (issue 5).
  static let stochasticEntries: [RegistryEntry] = []
}

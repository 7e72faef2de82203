import LinearAlgebra
import SwiftLearnCore

/// Any classifier whose fitted model gives class probabilities, its type erased.
///
/// Like ``AnyClassifier``, for candidates compared by a probability-based score (log loss,
/// ROC AUC): the fitted ``AnyFittedProbabilisticClassifier`` keeps `predictProbabilities`.
///
///     let candidates: [AnyProbabilisticClassifier<String>] = [
///       AnyProbabilisticClassifier(DummyClassifier()),
///       AnyProbabilisticClassifier(Pipeline { StandardScaler(); LogisticRegression() }),
///     ]
public struct AnyProbabilisticClassifier<Label: ClassLabel>: Classifier {
  /// The wrapped estimator.
  public let base: any Estimator
  private let fitBody: @Sendable (Matrix, [Label]) throws -> AnyFittedProbabilisticClassifier<Label>

  /// Wraps `classifier` and registers its fitted type for loading erased model files.
  ///
  /// - Parameter classifier: The classifier to wrap.
  public init<C: Classifier>(_ classifier: C)
  where C.Label == Label, C.Fitted: ProbabilisticClassifier {
    FittedModelRegistry.register(C.Fitted.self)
    base = classifier
    fitBody = { x, y in AnyFittedProbabilisticClassifier(try classifier.fit(x, y)) }
  }

  /// Validates the wrapped estimator.
  ///
  /// - Throws: its `LearnError.invalidParameter`.
  public func validateHyperparameters() throws { try base.validateHyperparameters() }

  /// Fits the wrapped classifier.
  ///
  /// - Parameters:
  ///   - x: The training features.
  ///   - y: One label per row.
  /// - Returns: The fitted model, erased.
  /// - Throws: whatever the wrapped classifier throws.
  public func fit(_ x: Matrix, _ y: [Label]) throws -> AnyFittedProbabilisticClassifier<Label> {
    try fitBody(x, y)
  }

  /// The wrapped estimator's description.
  public var description: String { base.description }
}

/// Any fitted classifier with class probabilities, its type erased; saves and loads through
/// ``FittedModelRegistry``.
public struct AnyFittedProbabilisticClassifier<Label: ClassLabel>: ProbabilisticClassifier {
  /// The wrapped fitted model.
  public let base: any ProbabilisticClassifier<Label>

  /// Wraps a fitted probabilistic classifier.
  ///
  /// - Parameter base: The fitted classifier.
  public init(_ base: any ProbabilisticClassifier<Label>) { self.base = base }

  /// The wrapped model's feature count.
  public var featureCount: Int { base.featureCount }

  /// The wrapped model's classes.
  public var classes: [Label] { base.classes }

  /// The wrapped model's predictions.
  ///
  /// - Parameter x: The features.
  /// - Returns: One label per row.
  /// - Throws: whatever the wrapped model throws.
  public func predict(_ x: Matrix) throws -> [Label] { try base.predict(x) }

  /// The wrapped model's class probabilities.
  ///
  /// - Parameter x: The features.
  /// - Returns: One row per sample, one column per class.
  /// - Throws: whatever the wrapped model throws.
  public func predictProbabilities(_ x: Matrix) throws -> Matrix {
    try base.predictProbabilities(x)
  }

  /// Decodes the wrapped model by its saved type name.
  ///
  /// - Throws: `DecodingError` (surfaced by `load` as `LearnError.corruptModelFile`) when the
  ///   type is not registered or is not a probabilistic classifier with these labels.
  public init(from decoder: any Decoder) throws {
    let model = try decodeErased(from: decoder)
    guard let classifier = model as? any ProbabilisticClassifier<Label> else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription:
            "\(String(reflecting: type(of: model))) is not a probabilistic classifier of \(Label.self) labels"
        ))
    }
    base = classifier
  }

  /// Encodes the wrapped model with its type name.
  public func encode(to encoder: any Encoder) throws { try encodeErased(base, to: encoder) }
}

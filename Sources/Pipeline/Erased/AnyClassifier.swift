import LinearAlgebra
import SwiftLearnCore

/// Any classifier with labels of type `Label`, its type erased, for models chosen at run
/// time.
///
/// Erasure happens at this boundary only: the wrapped classifier fits and predicts with its
/// own typed code. Hyperparameters are not reachable by key path through the wrapper; set
/// them before wrapping.
///
///     let candidates: [AnyClassifier<String>] = [
///       AnyClassifier(DummyClassifier()), AnyClassifier(Pipeline(StandardScaler(), LogisticRegression())),
///     ]
public struct AnyClassifier<Label: ClassLabel>: Classifier {
  /// The wrapped estimator.
  public let base: any Estimator
  private let fitBody: @Sendable (Matrix, [Label]) throws -> AnyFittedClassifier<Label>

  /// Wraps `classifier` and registers its fitted type for loading erased model files.
  ///
  /// - Parameter classifier: The classifier to wrap.
  public init<C: Classifier>(_ classifier: C) where C.Label == Label {
    FittedModelRegistry.register(C.Fitted.self)
    base = classifier
    fitBody = { x, y in AnyFittedClassifier(try classifier.fit(x, y)) }
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
  public func fit(_ x: Matrix, _ y: [Label]) throws -> AnyFittedClassifier<Label> {
    try fitBody(x, y)
  }

  /// The wrapped estimator's description.
  public var description: String { base.description }
}

/// Any fitted classifier, its type erased; saves and loads through ``FittedModelRegistry``.
public struct AnyFittedClassifier<Label: ClassLabel>: FittedClassifier {
  /// The wrapped fitted model.
  public let base: any FittedClassifier<Label>

  /// Wraps a fitted classifier.
  ///
  /// - Parameter base: The fitted classifier.
  public init(_ base: any FittedClassifier<Label>) { self.base = base }

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

  /// The wrapped model as `M`, or `nil` when it is another type.
  ///
  /// - Parameter type: The expected fitted type.
  /// - Returns: The typed model.
  public func unwrapped<M: FittedClassifier>(as type: M.Type) -> M? { base as? M }

  /// Decodes the wrapped model by its saved type name.
  ///
  /// - Throws: `DecodingError` (surfaced by `load` as `LearnError.corruptModelFile`) when the
  ///   type is not registered or is not a fitted classifier with these labels.
  public init(from decoder: any Decoder) throws {
    let model = try decodeErased(from: decoder)
    guard let classifier = model as? any FittedClassifier<Label> else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription:
            "\(String(reflecting: type(of: model))) is not a fitted classifier of \(Label.self) labels"
        ))
    }
    base = classifier
  }

  /// Encodes the wrapped model with its type name.
  public func encode(to encoder: any Encoder) throws { try encodeErased(base, to: encoder) }
}

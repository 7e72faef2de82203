import LinearAlgebra
import SwiftLearnCore

/// Any regressor, its type erased, for models chosen at run time.
///
/// A list of candidates of different types — a pipeline, a ridge, a forest — becomes one
/// array and is fitted and compared in one loop. Erasure happens at this boundary only: the
/// wrapped estimator fits and predicts with its own typed code. Hyperparameters are not
/// reachable by key path through the wrapper; set them before wrapping.
///
/// scikit-learn: any regressor passed where an estimator is expected (Python is dynamically
/// typed).
///
///     let candidates: [AnyRegressor] = [
///       AnyRegressor(Ridge()), AnyRegressor(Pipeline(StandardScaler(), Lasso(alpha: 0.1))),
///     ]
///     for candidate in candidates {
///       let model = try candidate.fit(xTrain, yTrain)
///       print(candidate, try model.score(xTest, yTest))
///     }
public struct AnyRegressor: Regressor {
  /// The wrapped estimator.
  public let base: any Regressor
  private let fitBody: @Sendable (Matrix, [Double]) throws -> AnyFittedRegressor
  private let baseCapabilities: Capabilities

  /// Wraps `regressor` and registers its fitted type for loading erased model files.
  ///
  /// - Parameter regressor: The regressor to wrap.
  public init<R: Regressor>(_ regressor: R) {
    FittedModelRegistry.register(R.Fitted.self)
    base = regressor
    baseCapabilities = R.capabilities
    fitBody = { x, y in AnyFittedRegressor(try regressor.fit(x, y)) }
  }

  /// The wrapped estimator's capabilities.
  public var wrappedCapabilities: Capabilities { baseCapabilities }

  /// Validates the wrapped estimator.
  ///
  /// - Throws: its `LearnError.invalidParameter`.
  public func validateHyperparameters() throws { try base.validateHyperparameters() }

  /// Fits the wrapped estimator.
  ///
  /// - Parameters:
  ///   - x: The training features.
  ///   - y: The target.
  /// - Returns: The fitted model, erased.
  /// - Throws: whatever the wrapped estimator throws.
  public func fit(_ x: Matrix, _ y: [Double]) throws -> AnyFittedRegressor {
    try fitBody(x, y)
  }

  /// The wrapped estimator's description.
  public var description: String { base.description }
}

/// Any fitted regressor, its type erased; saves and loads through ``FittedModelRegistry``.
public struct AnyFittedRegressor: FittedRegressor {
  /// The wrapped fitted model.
  public let base: any FittedRegressor

  /// Wraps a fitted regressor.
  ///
  /// - Parameter base: The fitted regressor.
  public init(_ base: any FittedRegressor) { self.base = base }

  /// The wrapped model's feature count.
  public var featureCount: Int { base.featureCount }

  /// The wrapped model's predictions.
  ///
  /// - Parameter x: The features.
  /// - Returns: One prediction per row.
  /// - Throws: whatever the wrapped model throws.
  public func predict(_ x: Matrix) throws -> [Double] { try base.predict(x) }

  /// The wrapped model as `M`, or `nil` when it is another type.
  ///
  /// - Parameter type: The expected fitted type.
  /// - Returns: The typed model.
  public func unwrapped<M: FittedRegressor>(as type: M.Type) -> M? { base as? M }

  /// Decodes the wrapped model by its saved type name.
  ///
  /// - Throws: `DecodingError` (surfaced by `load` as `LearnError.corruptModelFile`) when the
  ///   type is not registered or is not a fitted regressor.
  public init(from decoder: any Decoder) throws {
    let model = try decodeErased(from: decoder)
    guard let regressor = model as? any FittedRegressor else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "\(String(reflecting: type(of: model))) is not a fitted regressor"))
    }
    base = regressor
  }

  /// Encodes the wrapped model with its type name.
  public func encode(to encoder: any Encoder) throws { try encodeErased(base, to: encoder) }
}

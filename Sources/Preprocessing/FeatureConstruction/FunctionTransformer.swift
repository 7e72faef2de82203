import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Applies a function (and optionally its inverse) to the feature matrix; nothing is learned.
///
/// The function is either a built-in elementwise function (``Function/builtin(_:)``: `log1p`,
/// `expm1`, `sqrt` ...), which is saved with the model by name, or any Swift closure
/// (``Function/custom(name:_:)``). A closure is code and SwiftLearn files never hold code, so
/// saving a fitted transformer that uses a custom closure throws
/// `LearnError.unsupportedInput` naming the transformer and the function; models that must be
/// saved use built-ins (or refit the closure after loading). Every call checks the feature
/// count, unlike scikit-learn's `validate=False` default.
///
/// scikit-learn: `sklearn.preprocessing.FunctionTransformer`; defaults match scikit-learn 1.9
/// (`func=None` is the identity, `inverse_func=None`, `check_inverse=True`).
///
///     let logs = try FunctionTransformer(.builtin(.log1p), inverse: .builtin(.expm1)).fit(x)
///     let z = try logs.transform(x)
///     let scaled = FunctionTransformer(.custom(name: "double") { $0 * 2 })
///
/// - Complexity: that of the function.
public struct FunctionTransformer: TransformerEstimator, DefaultInitializable {
  /// Elementwise functions that can be saved by name (numpy's ufuncs of the same names).
  public enum Builtin: String, Sendable, Hashable, Codable, CaseIterable {
    /// `x`.
    case identity
    /// Natural logarithm.
    case log
    /// `log(1 + x)`.
    case log1p
    /// `e^x`.
    case exp
    /// `e^x - 1`.
    case expm1
    /// Square root.
    case sqrt
    /// `x²`.
    case square

    /// Applies the function to one value.
    public func callAsFunction(_ v: Double) -> Double {
      switch self {
      case .identity: return v
      case .log: return Foundation.log(v)
      case .log1p: return Foundation.log1p(v)
      case .exp: return Foundation.exp(v)
      case .expm1: return Foundation.expm1(v)
      case .sqrt: return v.squareRoot()
      case .square: return v * v
      }
    }
  }

  /// The function applied by `transform` or `inverseTransform`.
  public enum Function: Sendable, CustomStringConvertible {
    /// A named elementwise function; saved with the model.
    case builtin(Builtin)
    /// A closure from a matrix to a matrix with the same number of rows; cannot be saved.
    case custom(name: String, @Sendable (Matrix) throws -> Matrix)

    /// Applies the function.
    ///
    /// - Parameter x: The input matrix.
    /// - Returns: The output matrix.
    /// - Throws: Whatever a custom closure throws.
    public func callAsFunction(_ x: Matrix) throws -> Matrix {
      switch self {
      case .builtin(let f): return x.map { f($0) }
      case .custom(_, let body): return try body(x)
      }
    }

    /// The built-in's name or the custom function's name.
    public var description: String {
      switch self {
      case .builtin(let f): return f.rawValue
      case .custom(let name, _): return name
      }
    }
  }

  /// The forward function (scikit-learn's `func`; default: identity).
  public var function: Function
  /// The inverse (scikit-learn's `inverse_func`); `nil` means identity.
  public var inverse: Function?
  /// Check at fit that `inverse(function(x))` gives back `x` on a subsample of rows; the
  /// answer is ``Fitted/inverseIsConsistent`` (scikit-learn's `check_inverse` warns instead).
  public var checkInverse: Bool

  /// Creates the transformer.
  ///
  /// - Parameters:
  ///   - function: The forward function.
  ///   - inverse: The inverse function, if any.
  ///   - checkInverse: Check that the inverse undoes the function at fit time.
  public init(
    _ function: Function = .builtin(.identity), inverse: Function? = nil, checkInverse: Bool = true
  ) {
    self.function = function
    self.inverse = inverse
    self.checkInverse = checkInverse
  }

  public init() { self.init(.builtin(.identity)) }

  /// NaN passes through (to the function).
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// The type name with the functions that differ from the defaults.
  public var description: String {
    var parts: [String] = []
    if case .builtin(.identity) = function {} else { parts.append("function: \(function)") }
    if let inverse { parts.append("inverse: \(inverse)") }
    if !checkInverse { parts.append("checkInverse: false") }
    return "FunctionTransformer(\(parts.joined(separator: ", ")))"
  }

  /// Records the input width and the output width of the function on `x`.
  ///
  /// - Parameter x: Training samples (NaN allowed, infinity not).
  /// - Returns: The fitted transformer.
  /// - Throws: `LearnError.emptyInput`, `LearnError.nonFinite`, `LearnError.unsupportedInput`
  ///   when the function changes the number of rows, and whatever the function throws.
  public func fit(_ x: Matrix) throws -> Fitted {
    try fitTransform(x).fitted
  }

  /// Fits and returns `function(x)`.
  ///
  /// - Parameter x: Training samples.
  /// - Returns: The fitted transformer and the transformed `x`.
  /// - Throws: As ``fit(_:)``.
  public func fitTransform(_ x: Matrix) throws -> (fitted: Fitted, output: Matrix) {
    try Validate.features(x, allowNaN: true)
    let output = try function(x)
    guard output.rowCount == x.rowCount else {
      throw LearnError.unsupportedInput(
        input: "FunctionTransformer(\(function))",
        reason: "the function returned \(output.rowCount) rows for \(x.rowCount)")
    }
    var consistent: Bool? = nil
    if checkInverse, let inverse {
      let step = max(1, x.rowCount / 100)
      let rows = try x.rows(Array(stride(from: 0, to: x.rowCount, by: step)))
      let back = try inverse(try function(rows))
      consistent =
        back.rowCount == rows.rowCount && back.columnCount == rows.columnCount
        && zip(back.storage, rows.storage).allSatisfy { a, b in
          (a.isNaN && b.isNaN) || abs(a - b) <= 1e-8 + 1e-5 * abs(b)
        }
    }
    let fitted = Fitted(
      featureCount: x.columnCount, outputFeatureCount: output.columnCount, function: function,
      inverse: inverse, inverseIsConsistent: consistent)
    return (fitted, output)
  }

  /// The fitted state of a ``FunctionTransformer``.
  public struct Fitted: InvertibleTransformer {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The number of columns the function produced at fit.
    public let outputFeatureCount: Int
    /// The forward function.
    public let function: Function
    /// The inverse function; `nil` means identity.
    public let inverse: Function?
    /// Whether the inverse gave back the input (within `rtol 1e-5`, `atol 1e-8`, numpy's
    /// `allclose`) on a subsample at fit; `nil` when not checked.
    public let inverseIsConsistent: Bool?

    /// Applies the function.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite` (±infinity), `LearnError.unsupportedInput` when the output
    ///   shape is not `rows x outputFeatureCount`, and whatever the function throws.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let out = try function(x)
      guard out.rowCount == x.rowCount, out.columnCount == outputFeatureCount else {
        throw LearnError.unsupportedInput(
          input: "FunctionTransformer(\(function))",
          reason:
            "the function returned \(out.shapeDescription), expected \(x.rowCount) x \(outputFeatureCount)"
        )
      }
      return out
    }

    /// Applies the inverse (the identity when there is none).
    ///
    /// - Throws: `LearnError.featureCountMismatch` when `x` does not have
    ///   ``outputFeatureCount`` columns, input errors, and whatever the inverse throws.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: outputFeatureCount, allowNaN: true)
      return try inverse?(x) ?? x
    }

    /// The input names when the function keeps the width (scikit-learn's
    /// `feature_names_out="one-to-one"`), else `functiontransformer0, ...`.
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      if outputFeatureCount == featureCount { return names }
      return (0..<outputFeatureCount).map { "functiontransformer\($0)" }
    }
  }
}

extension FunctionTransformer.Fitted {
  enum CodingKeys: String, CodingKey {
    case featureCount, outputFeatureCount, function, inverse, inverseIsConsistent
  }

  /// Decodes a saved transformer (only built-in functions can have been saved) and re-checks
  /// that the widths are positive.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = try c.decode(Int.self, forKey: .featureCount)
    let out = try c.decode(Int.self, forKey: .outputFeatureCount)
    try requireDecoded(d >= 1 && out >= 0, "invalid widths \(d), \(out)", codingPath: c.codingPath)
    let function = try c.decode(FunctionTransformer.Builtin.self, forKey: .function)
    let inverse = try c.decodeIfPresent(FunctionTransformer.Builtin.self, forKey: .inverse)
    self.init(
      featureCount: d, outputFeatureCount: out, function: .builtin(function),
      inverse: inverse.map { .builtin($0) },
      inverseIsConsistent: try c.decodeIfPresent(Bool.self, forKey: .inverseIsConsistent))
  }

  /// Encodes the transformer.
  ///
  /// - Throws: `LearnError.unsupportedInput` naming the transformer and the function when the
  ///   function or its inverse is a custom closure, which cannot be saved.
  public func encode(to encoder: any Encoder) throws {
    func builtin(_ f: FunctionTransformer.Function) throws -> FunctionTransformer.Builtin {
      switch f {
      case .builtin(let b): return b
      case .custom(let name, _):
        throw LearnError.unsupportedInput(
          input: "FunctionTransformer(\(name))",
          reason:
            "custom function '\(name)' is a closure and cannot be saved; use a built-in function or refit after loading"
        )
      }
    }
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(featureCount, forKey: .featureCount)
    try c.encode(outputFeatureCount, forKey: .outputFeatureCount)
    try c.encode(try builtin(function), forKey: .function)
    if let inverse { try c.encode(try builtin(inverse), forKey: .inverse) }
    try c.encodeIfPresent(inverseIsConsistent, forKey: .inverseIsConsistent)
  }
}

import LinearAlgebra
import SwiftLearnCore

extension LinearSVC.Fitted {
  enum CodingKeys: String, CodingKey {
    case encoding, coefficients, intercepts, iterationCount, converged, seedUsed
  }

  /// Decodes and re-checks: one row per class (one for two classes), finite values.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
    let coefficients = try c.decode(Matrix.self, forKey: .coefficients)
    let intercepts = try c.decode([Double].self, forKey: .intercepts)
    try checkDecodedLinearClassifier(
      coefficients: coefficients, intercepts: intercepts, classCount: encoding.classCount,
      codingPath: c.codingPath)
    self.init(
      encoding: encoding, coefficients: coefficients, intercepts: intercepts,
      iterationCount: try c.decode(Int.self, forKey: .iterationCount),
      converged: try c.decode(Bool.self, forKey: .converged),
      seedUsed: try c.decode(UInt64.self, forKey: .seedUsed))
  }
}

extension LinearSVR.Fitted {
  enum CodingKeys: String, CodingKey {
    case coefficients, intercept, iterationCount, converged, seedUsed
  }

  /// Decodes and re-checks: at least one coefficient, all finite.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode([Double].self, forKey: .coefficients)
    let intercept = try c.decode(Double.self, forKey: .intercept)
    try checkDecodedLinear(
      coefficients: coefficients, intercept: intercept, codingPath: c.codingPath)
    self.init(
      coefficients: coefficients, intercept: intercept,
      iterationCount: try c.decode(Int.self, forKey: .iterationCount),
      converged: try c.decode(Bool.self, forKey: .converged),
      seedUsed: try c.decode(UInt64.self, forKey: .seedUsed))
  }
}

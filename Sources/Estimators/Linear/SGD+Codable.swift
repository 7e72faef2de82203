import LinearAlgebra
import SwiftLearnCore

/// The shape checks shared by decoded one-vs-rest linear classifiers.
func checkDecodedLinearClassifier(
  coefficients: Matrix, intercepts: [Double], classCount: Int, codingPath: [any CodingKey]
) throws {
  let rows = classCount == 2 ? 1 : classCount
  try requireDecoded(
    classCount >= 2 && coefficients.rowCount == rows && coefficients.columnCount >= 1
      && intercepts.count == rows,
    "one coefficient row and intercept per class (one for two classes) is required",
    codingPath: codingPath)
  try requireDecoded(
    coefficients.isFinite && intercepts.allSatisfy(\.isFinite),
    "coefficients and intercepts must be finite", codingPath: codingPath)
}

extension SGDClassifier.Fitted {
  enum CodingKeys: String, CodingKey {
    case encoding, coefficients, intercepts, loss, iterationCount, converged, seedUsed, t, states
  }

  /// Decodes and re-checks: one row per class (one for two classes), finite values, one
  /// training state per row.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
    let coefficients = try c.decode(Matrix.self, forKey: .coefficients)
    let intercepts = try c.decode([Double].self, forKey: .intercepts)
    let states = try c.decode([SGDState].self, forKey: .states)
    try checkDecodedLinearClassifier(
      coefficients: coefficients, intercepts: intercepts, classCount: encoding.classCount,
      codingPath: c.codingPath)
    try requireDecoded(
      states.count == coefficients.rowCount
        && states.allSatisfy {
          $0.weights.count == coefficients.columnCount
            && $0.averageWeights.count == coefficients.columnCount
        }, "one training state per coefficient row is required", codingPath: c.codingPath)
    self.init(
      encoding: encoding, coefficients: coefficients, intercepts: intercepts,
      loss: try c.decode(SGDClassifier.Loss.self, forKey: .loss),
      iterationCount: try c.decode(Int.self, forKey: .iterationCount),
      converged: try c.decode(Bool.self, forKey: .converged),
      seedUsed: try c.decode(UInt64.self, forKey: .seedUsed),
      t: try c.decode(Double.self, forKey: .t),
      states: states)
  }
}

extension SGDRegressor.Fitted {
  enum CodingKeys: String, CodingKey {
    case coefficients, intercept, iterationCount, converged, seedUsed, t, state
  }

  /// Decodes and re-checks: at least one finite coefficient, a training state of that size.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let coefficients = try c.decode([Double].self, forKey: .coefficients)
    let intercept = try c.decode(Double.self, forKey: .intercept)
    let state = try c.decode(SGDState.self, forKey: .state)
    try checkDecodedLinear(
      coefficients: coefficients, intercept: intercept, codingPath: c.codingPath)
    try requireDecoded(
      state.weights.count == coefficients.count
        && state.averageWeights.count == coefficients.count,
      "the training state must have one weight per coefficient", codingPath: c.codingPath)
    self.init(
      coefficients: coefficients, intercept: intercept,
      iterationCount: try c.decode(Int.self, forKey: .iterationCount),
      converged: try c.decode(Bool.self, forKey: .converged),
      seedUsed: try c.decode(UInt64.self, forKey: .seedUsed),
      t: try c.decode(Double.self, forKey: .t),
      state: state)
  }
}

import SwiftLearnCore

extension DummyClassifier.Fitted {
  enum CodingKeys: String, CodingKey {
    case featureCount, encoding, classPrior, strategy, constantCode, seedUsed
  }

  /// Decodes and re-checks: one prior per class, priors non-negative and summing to 1, a
  /// constant code inside the classes.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    featureCount = try c.decode(Int.self, forKey: .featureCount)
    encoding = try c.decode(LabelEncoding<Label>.self, forKey: .encoding)
    classPrior = try c.decode([Double].self, forKey: .classPrior)
    strategy = try c.decode(DummyClassifier.Strategy.self, forKey: .strategy)
    constantCode = try c.decodeIfPresent(Int.self, forKey: .constantCode)
    seedUsed = try c.decode(UInt64.self, forKey: .seedUsed)
    let path = c.codingPath
    try requireDecoded(featureCount >= 1, "featureCount must be at least 1", codingPath: path)
    try requireDecoded(
      classPrior.count == encoding.classCount, "one prior per class is required",
      codingPath: path)
    try requireDecoded(
      classPrior.allSatisfy { $0 >= 0 && $0.isFinite }
        && abs(classPrior.reduce(0, +) - 1) < 1e-9,
      "class priors must be non-negative and sum to 1", codingPath: path)
    if let code = constantCode {
      try requireDecoded(
        code >= 0 && code < encoding.classCount, "constant code out of range", codingPath: path)
    }
  }
}

import SwiftLearnCore

extension StandardScaler.Fitted {
  enum CodingKeys: String, CodingKey {
    case featureCount, mean, variance, scale, sampleCountSeen, withMean
  }

  /// Decodes a saved scaler and re-checks its invariants: every per-feature array has
  /// `featureCount` entries and every scale is finite and positive.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = try c.decode(Int.self, forKey: .featureCount)
    let mean = try c.decodeIfPresent([Double].self, forKey: .mean)
    let variance = try c.decodeIfPresent([Double].self, forKey: .variance)
    let scale = try c.decodeIfPresent([Double].self, forKey: .scale)
    let seen = try c.decode([Double].self, forKey: .sampleCountSeen)
    let withMean = try c.decode(Bool.self, forKey: .withMean)
    let path = c.codingPath
    try requireDecoded(d >= 1, "featureCount must be at least 1, got \(d)", codingPath: path)
    for (name, array) in [("mean", mean), ("variance", variance), ("scale", scale)] {
      if let array {
        try requireDecoded(
          array.count == d, "\(name) has \(array.count) entries for \(d) features",
          codingPath: path)
      }
    }
    try requireDecoded(
      seen.count == d, "sampleCountSeen has \(seen.count) entries for \(d) features",
      codingPath: path)
    if let scale {
      try requireDecoded(
        scale.allSatisfy { $0.isFinite && $0 > 0 }, "scale must be finite and positive",
        codingPath: path)
    }
    try requireDecoded(
      !withMean || mean != nil, "withMean is true but no mean is stored", codingPath: path)
    self.init(
      featureCount: d, mean: mean, variance: variance, scale: scale, sampleCountSeen: seen,
      withMean: withMean)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(featureCount, forKey: .featureCount)
    try c.encodeIfPresent(mean, forKey: .mean)
    try c.encodeIfPresent(variance, forKey: .variance)
    try c.encodeIfPresent(scale, forKey: .scale)
    try c.encode(sampleCountSeen, forKey: .sampleCountSeen)
    try c.encode(withMean, forKey: .withMean)
  }
}

import SwiftLearnCore

extension TfidfVectorizer.Fitted {
  enum CodingKeys: String, CodingKey {
    case counts, idf, settings
  }

  /// Decodes a saved vectorizer and re-checks it: one finite idf weight of at least 1 per
  /// vocabulary term when the settings use idf, none otherwise.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let counts = try c.decode(CountVectorizer.Fitted.self, forKey: .counts)
    let idf = try c.decodeIfPresent([Double].self, forKey: .idf)
    let settings = try c.decode(TfidfVectorizer.self, forKey: .settings)
    let path = c.codingPath
    try requireDecoded(
      (idf != nil) == settings.useIdf, "idf is present exactly when useIdf is true",
      codingPath: path)
    if let idf {
      try requireDecoded(
        idf.count == counts.vocabulary.count,
        "idf has \(idf.count) entries for \(counts.vocabulary.count) terms", codingPath: path)
      try requireDecoded(
        idf.allSatisfy { $0.isFinite && $0 >= 1 }, "idf weights must be finite and >= 1",
        codingPath: path)
    }
    self.init(counts: counts, idf: idf, settings: settings)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(counts, forKey: .counts)
    try c.encodeIfPresent(idf, forKey: .idf)
    try c.encode(settings, forKey: .settings)
  }
}

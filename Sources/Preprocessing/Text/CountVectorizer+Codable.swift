import SwiftLearnCore

extension CountVectorizer.Fitted {
  enum CodingKeys: String, CodingKey {
    case vocabulary, settings
  }

  /// Decodes a saved vectorizer and re-checks it: valid settings and a non-empty vocabulary of
  /// distinct terms.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let vocabulary = try c.decode([String].self, forKey: .vocabulary)
    let settings = try c.decode(CountVectorizer.self, forKey: .settings)
    let path = c.codingPath
    try requireDecoded(!vocabulary.isEmpty, "the vocabulary is empty", codingPath: path)
    try requireDecoded(
      Set(vocabulary).count == vocabulary.count, "the vocabulary has repeated terms",
      codingPath: path)
    let analyzer: TextAnalyzer
    do {
      try settings.validate(estimator: "CountVectorizer")
      analyzer = try settings.analyzer(estimator: "CountVectorizer")
    } catch {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: path, debugDescription: "invalid settings: \(error)"))
    }
    self.init(settings: settings, vocabulary: vocabulary, analyzer: analyzer)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(vocabulary, forKey: .vocabulary)
    try c.encode(settings, forKey: .settings)
  }
}

import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

/// Parity with scikit-learn's CountVectorizer and TfidfVectorizer on two corpora
/// (`Tests/Fixtures/gen_text_selection.py`): same vocabulary in the same order, same outputs
/// (rtol 1e-8) on the training corpus and on unseen documents.
@Suite struct TextVectorizerParityTests {
  static let cases: [Fixture] = (try? Fixture("text_selection").children("text")) ?? []

  /// A `min_df`/`max_df` value as scikit-learn reads it: integral numbers are counts.
  static func frequency(_ value: Any?) -> DocumentFrequency? {
    guard let v = value as? Double else { return nil }
    return v == v.rounded() ? .count(Int(v)) : .fraction(v)
  }

  static func countVectorizer(_ p: [String: Any]) -> CountVectorizer {
    var v = CountVectorizer()
    if let b = p["lowercase"] as? Bool { v.lowercase = b }
    if let s = p["token_pattern"] as? String { v.tokenPattern = s }
    if p["stop_words"] as? String == "english" { v.stopWords = .english }
    if let r = p["ngram_range"] as? [Any], let lo = r.first as? Double, let hi = r.last as? Double {
      v.ngramRange = Int(lo)...Int(hi)
    }
    if let f = frequency(p["min_df"]) { v.minDf = f }
    if let f = frequency(p["max_df"]) { v.maxDf = f }
    if let m = p["max_features"] as? Double { v.maxFeatures = Int(m) }
    if let b = p["binary"] as? Bool { v.binary = b }
    return v
  }

  static func tfidfVectorizer(_ p: [String: Any]) -> TfidfVectorizer {
    let c = countVectorizer(p)
    var v = TfidfVectorizer(
      lowercase: c.lowercase, tokenPattern: c.tokenPattern, stopWords: c.stopWords,
      ngramRange: c.ngramRange, maxDf: c.maxDf, minDf: c.minDf, maxFeatures: c.maxFeatures,
      binary: c.binary)
    if p.keys.contains("norm") {
      v.norm = (p["norm"] as? String).flatMap(TfidfVectorizer.Norm.init(rawValue:))
    }
    if let b = p["use_idf"] as? Bool { v.useIdf = b }
    if let b = p["smooth_idf"] as? Bool { v.smoothIdf = b }
    if let b = p["sublinear_tf"] as? Bool { v.sublinearTf = b }
    return v
  }

  @Test(arguments: cases)
  func matchesScikitLearn(_ c: Fixture) throws {
    let corpus = try c.strings("corpus")
    let newDocuments = try c.strings("newDocuments")
    let params = (c.object["params"] as? [String: Any]) ?? [:]
    let vocabulary = try c.strings("vocabulary")
    let output: Matrix
    let newOutput: Matrix
    let names: [String]
    if try c.string("kind") == "count" {
      let (fitted, x) = try Self.countVectorizer(params).fitTransform(corpus)
      output = x
      newOutput = fitted.transform(newDocuments)
      names = fitted.featureNamesOut()
      #expect(try Self.countVectorizer(params).fit(corpus).transform(corpus) == x)
    } else {
      let (fitted, x) = try Self.tfidfVectorizer(params).fitTransform(corpus)
      output = x
      newOutput = fitted.transform(newDocuments)
      names = fitted.featureNamesOut()
      if c.has("idf") {
        expectClose(try #require(fitted.idf), try c.vector("idf"), rtol: 1e-8, "\(c) idf")
      } else {
        #expect(fitted.idf == nil)
      }
      expectClose(
        try Self.tfidfVectorizer(params).fit(corpus).transform(corpus).storage, x.storage,
        rtol: 1e-12, "\(c) fit then transform")
    }
    #expect(names == vocabulary, "\(c) vocabulary")
    let expected = try c.matrix("output")
    #expect(output.shape == expected.shape, "\(c) shape")
    expectClose(output.storage, expected.storage, rtol: 1e-8, "\(c) output")
    let expectedNew = try c.matrix("newOutput")
    #expect(newOutput.shape == expectedNew.shape)
    expectClose(newOutput.storage, expectedNew.storage, rtol: 1e-8, "\(c) unseen documents")
  }

  @Test func fixturesLoaded() {
    #expect(Self.cases.count >= 10)
  }
}

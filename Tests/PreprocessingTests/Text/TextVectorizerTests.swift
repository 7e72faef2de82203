import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

@Suite struct TextVectorizerTests {
  let documents = ["The cat sat.", "The dog sat on the mat!", "A cat and a dog."]

  @Test func tokenizerMatchesPythonWordCharacters() throws {
    // Runs of at least two word characters; combining marks (U+0301) split words, as in
    // Python's `\w`; digits, underscores and non-Latin letters are word characters.
    let fitted = try CountVectorizer().fit([
      "e\u{301}te\u{301} snake_case x 42 Δέλτα 日本語 🙂ok"
    ])
    #expect(fitted.vocabulary == ["42", "ok", "snake_case", "te", "δέλτα", "日本語"])
  }

  @Test func emptyVocabularyThrows() {
    #expect(throws: LearnError.self) { try CountVectorizer().fit(["a b c", "! ?"]) }
    #expect(throws: LearnError.self) {
      try CountVectorizer(stopWords: .english).fit(["the and of", "it is"])
    }
    #expect(throws: LearnError.self) { try TfidfVectorizer().fit([]) }
  }

  @Test func pruningEverythingThrows() {
    // Every term is in one document only; minDf 2 removes all of them.
    #expect(throws: LearnError.self) {
      try CountVectorizer(minDf: .count(2)).fit(["alpha beta", "gamma delta"])
    }
  }

  @Test func minDfAboveMaxDfThrowsNamingMaxDf() {
    for vectorizer in [
      CountVectorizer(maxDf: .count(1), minDf: .count(2)),
      CountVectorizer(maxDf: .fraction(0.2), minDf: .fraction(0.5)),
      // Mixed kinds are compared in documents at fit time: 0.2 × 3 < 2.
      CountVectorizer(maxDf: .fraction(0.2), minDf: .count(2)),
    ] {
      #expect(
        throws: LearnError.invalidParameter(
          estimator: "CountVectorizer", name: "maxDf", value: "\(vectorizer.maxDf)",
          expected: "a bound covering at least as many documents as minDf (\(vectorizer.minDf))")
      ) { try vectorizer.fit(documents) }
    }
  }

  @Test func unknownTermsAreIgnored() throws {
    let fitted = try CountVectorizer().fit(documents)
    let x = fitted.transform(["zebra cat cat", ""])
    let cat = try #require(fitted.column(of: "cat"))
    #expect(x[0, cat] == 2)
    #expect(x.storage.reduce(0, +) == 2)
  }

  @Test func binaryCounts() throws {
    let x = try CountVectorizer(binary: true).fitTransform(["dog dog dog cat"]).output
    #expect(x.storage == [1, 1])
  }
}

import Foundation
import SwiftLearnCore

/// scikit-learn's default `token_pattern`: runs of two or more word characters.
public let defaultTokenPattern = #"(?u)\b\w\w+\b"#

/// Stop words removed from the token stream before n-grams are formed.
///
/// scikit-learn: the `stop_words` parameter of `CountVectorizer` (`"english"` or a list).
public enum StopWords: Sendable, Hashable, Codable {
  /// scikit-learn's built-in English list (`stop_words="english"`, 318 words).
  case english
  /// A custom list of words (compared after lowercasing, exactly as given).
  case list([String])

  /// The words as a set.
  var words: Set<String> {
    switch self {
    case .english: return englishStopWordSet
    case .list(let words): return Set(words)
    }
  }
}

/// A document-frequency bound: an absolute number of documents or a fraction of them.
///
/// scikit-learn: `min_df` / `max_df`, where an `int` is a count and a `float` a proportion.
public enum DocumentFrequency: Sendable, Hashable, Codable {
  /// At least / at most this many documents.
  case count(Int)
  /// This fraction of the documents, in `[0, 1]`.
  case fraction(Double)

  /// The bound in documents for a corpus of `documentCount` documents.
  func documents(of documentCount: Int) -> Double {
    switch self {
    case .count(let c): return Double(c)
    case .fraction(let f): return f * Double(documentCount)
    }
  }

  /// Checks the range: a count `>= 0`, a fraction in `[0, 1]`.
  func validate(estimator: String, name: String) throws {
    switch self {
    case .count(let c): try Check.count(c, atLeast: 0, estimator: estimator, name: name)
    case .fraction(let f): try Check.within(f, 0...1, estimator: estimator, name: name)
    }
  }
}

/// The word analyzer shared by the vectorizers: lowercase, tokenize, drop stop words, form
/// n-grams (scikit-learn's `build_analyzer()` for `analyzer="word"`).
struct TextAnalyzer: @unchecked Sendable {
  let lowercase: Bool
  let stopWords: Set<String>?
  let minN: Int
  let maxN: Int
  /// `nil` for the default pattern, which uses the hand-written tokenizer.
  let regex: NSRegularExpression?
  /// Whether the custom pattern has exactly one capturing group (then the group is the token).
  let usesGroup: Bool

  init(
    lowercase: Bool, tokenPattern: String, stopWords: StopWords?, ngramRange: (Int, Int),
    estimator: String
  ) throws {
    self.lowercase = lowercase
    self.stopWords = stopWords?.words
    self.minN = ngramRange.0
    self.maxN = ngramRange.1
    if tokenPattern == defaultTokenPattern || tokenPattern == #"\b\w\w+\b"# {
      regex = nil
      usesGroup = false
    } else {
      var pattern = tokenPattern
      if pattern.hasPrefix("(?u)") { pattern.removeFirst(4) }
      let compiled: NSRegularExpression
      do {
        compiled = try NSRegularExpression(pattern: pattern)
      } catch {
        throw LearnError.invalidParameter(
          estimator: estimator, name: "tokenPattern", value: tokenPattern,
          expected: "a valid regular expression")
      }
      guard compiled.numberOfCaptureGroups <= 1 else {
        throw LearnError.invalidParameter(
          estimator: estimator, name: "tokenPattern", value: tokenPattern,
          expected: "a regular expression with at most one capturing group")
      }
      regex = compiled
      usesGroup = compiled.numberOfCaptureGroups == 1
    }
  }

  /// The terms of one document, in order, with repeats.
  func analyze(_ document: String) -> [String] {
    let text = lowercase ? document.lowercased() : document
    var tokens = regex.map { regexTokens(text, $0) } ?? wordTokens(text)
    if let stopWords { tokens.removeAll { stopWords.contains($0) } }
    guard maxN != 1 else { return tokens }
    var terms: [String] = []
    var n = minN
    if minN == 1 {
      terms = tokens
      n = 2
    }
    let count = tokens.count
    while n <= min(maxN, count) {
      for i in 0...(count - n) {
        terms.append(tokens[i..<(i + n)].joined(separator: " "))
      }
      n += 1
    }
    return terms
  }

  private func regexTokens(_ text: String, _ regex: NSRegularExpression) -> [String] {
    let ns = text as NSString
    let matches = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
    return matches.map { match in
      let range = usesGroup ? match.range(at: 1) : match.range
      return range.location == NSNotFound ? "" : ns.substring(with: range)
    }
  }
}

/// Whether a Unicode scalar is a word character of Python's `re` `\w` on `str`: a letter
/// (categories Lu, Ll, Lt, Lm, Lo), a number (Nd, Nl, No) or the underscore. Combining marks
/// are not word characters, as in Python.
@inline(__always)
func isPythonWordScalar(_ value: UInt32) -> Bool {
  if value < 128 {
    return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
      || (value >= 0x61 && value <= 0x7A) || value == 0x5F
  }
  guard let scalar = Unicode.Scalar(value) else { return false }
  switch scalar.properties.generalCategory {
  case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
    .decimalNumber, .letterNumber, .otherNumber:
    return true
  default:
    return false
  }
}

/// The tokens of `(?u)\b\w\w+\b`: maximal runs of word characters at least two scalars long.
///
/// Walks the UTF-8 bytes once; ASCII bytes are classified by a range test, other scalars are
/// decoded and classified by their general category.
func wordTokens(_ text: String) -> [String] {
  var text = text
  return text.withUTF8 { bytes -> [String] in
    var tokens: [String] = []
    let n = bytes.count
    var i = 0
    var start = -1
    var length = 0
    while i < n {
      let b0 = UInt32(bytes[i])
      var value = b0
      var width = 1
      if b0 >= 0x80 {
        if b0 >= 0xF0, i + 3 < n {
          value =
            (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
            | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
          width = 4
        } else if b0 >= 0xE0, i + 2 < n {
          value =
            (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
          width = 3
        } else if b0 >= 0xC0, i + 1 < n {
          value = (b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
          width = 2
        }
      }
      if isPythonWordScalar(value) {
        if start < 0 {
          start = i
          length = 0
        }
        length += 1
      } else if start >= 0 {
        if length >= 2 {
          tokens.append(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        }
        start = -1
      }
      i += width
    }
    if start >= 0, length >= 2 {
      tokens.append(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<n]), as: UTF8.self))
    }
    return tokens
  }
}

/// Orders strings by their Unicode scalar values, like Python's `str` comparison (Swift's `<`
/// compares canonical equivalents as equal, which Python does not).
func scalarOrder(_ a: String, _ b: String) -> Bool {
  var ia = a.unicodeScalars.makeIterator()
  var ib = b.unicodeScalars.makeIterator()
  while true {
    switch (ia.next(), ib.next()) {
    case (nil, nil): return false
    case (nil, _): return true
    case (_, nil): return false
    case (let x?, let y?):
      if x.value != y.value { return x.value < y.value }
    }
  }
}

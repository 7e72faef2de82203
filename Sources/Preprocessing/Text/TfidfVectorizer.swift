import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Converts text documents to a matrix of TF-IDF features.
///
/// Counts terms exactly like ``CountVectorizer``, then weights each count by the term's inverse
/// document frequency `idf = ln((1 + n) / (1 + df)) + 1` (without the two `1 +` when
/// `smoothIdf` is false), optionally replaces counts by `1 + ln(count)` (`sublinearTf`), and
/// scales each row to unit norm. The output is a dense `Matrix`; scikit-learn returns a sparse
/// one with the same values.
///
/// scikit-learn: `sklearn.feature_extraction.text.TfidfVectorizer` with `analyzer="word"`;
/// defaults match scikit-learn 1.9 (`norm="l2"`, `use_idf=True`, `smooth_idf=True`,
/// `sublinear_tf=False`).
///
///     let tfidf = try TfidfVectorizer(stopWords: .english, ngramRange: 1...2)
///       .fitTransform(documents)
///     let weights = tfidf.output      // documents × vocabulary, rows of unit length
///
/// - Complexity: O(total characters + documents × vocabulary).
public struct TfidfVectorizer: Estimator, DefaultInitializable, Hashable, Codable {
  /// The row normalization of the TF-IDF output (scikit-learn's `norm`).
  public enum Norm: String, Sendable, Hashable, Codable, CaseIterable {
    /// Rows scaled to unit sum of absolute values.
    case l1
    /// Rows scaled to unit Euclidean length.
    case l2
  }

  /// Lowercase documents before tokenizing (scikit-learn's `lowercase`); default `true`.
  public var lowercase: Bool
  /// The token regular expression (scikit-learn's `token_pattern`); default `(?u)\b\w\w+\b`.
  public var tokenPattern: String
  /// Words removed before forming n-grams (scikit-learn's `stop_words`); default `nil`.
  public var stopWords: StopWords?
  /// The lengths of word n-grams to extract (scikit-learn's `ngram_range`); default `1...1`.
  public var ngramRange: ClosedRange<Int>
  /// Ignore terms in more documents than this (scikit-learn's `max_df`); default all of them.
  public var maxDf: DocumentFrequency
  /// Ignore terms in fewer documents than this (scikit-learn's `min_df`); default 1.
  public var minDf: DocumentFrequency
  /// Keep only this many terms, the most frequent (scikit-learn's `max_features`).
  public var maxFeatures: Int?
  /// Use presence (0/1) instead of counts as the term frequency (scikit-learn's `binary`).
  public var binary: Bool
  /// Row normalization, `nil` for none (scikit-learn's `norm`); default `.l2`.
  public var norm: Norm?
  /// Weight by inverse document frequency (scikit-learn's `use_idf`); default `true`.
  public var useIdf: Bool
  /// Add one to document frequencies, as if a document held every term once
  /// (scikit-learn's `smooth_idf`); default `true`.
  public var smoothIdf: Bool
  /// Replace a count `c` by `1 + ln(c)` (scikit-learn's `sublinear_tf`); default `false`.
  public var sublinearTf: Bool

  /// Creates a vectorizer; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - lowercase: Lowercase before tokenizing.
  ///   - tokenPattern: The token regular expression.
  ///   - stopWords: Stop words to remove, or `nil`.
  ///   - ngramRange: Word n-gram lengths, lower bound at least 1.
  ///   - maxDf: Upper document-frequency bound.
  ///   - minDf: Lower document-frequency bound.
  ///   - maxFeatures: Vocabulary size limit, or `nil`.
  ///   - binary: Presence instead of counts.
  ///   - norm: Row normalization, or `nil`.
  ///   - useIdf: Weight by inverse document frequency.
  ///   - smoothIdf: Smooth the document frequencies.
  ///   - sublinearTf: Logarithmic term frequency.
  public init(
    lowercase: Bool = true, tokenPattern: String = defaultTokenPattern,
    stopWords: StopWords? = nil, ngramRange: ClosedRange<Int> = 1...1,
    maxDf: DocumentFrequency = .fraction(1.0), minDf: DocumentFrequency = .count(1),
    maxFeatures: Int? = nil, binary: Bool = false, norm: Norm? = .l2, useIdf: Bool = true,
    smoothIdf: Bool = true, sublinearTf: Bool = false
  ) {
    self.lowercase = lowercase
    self.tokenPattern = tokenPattern
    self.stopWords = stopWords
    self.ngramRange = ngramRange
    self.maxDf = maxDf
    self.minDf = minDf
    self.maxFeatures = maxFeatures
    self.binary = binary
    self.norm = norm
    self.useIdf = useIdf
    self.smoothIdf = smoothIdf
    self.sublinearTf = sublinearTf
  }

  public init() { self.init(lowercase: true) }

  /// The counting settings as a ``CountVectorizer``.
  var counting: CountVectorizer {
    CountVectorizer(
      lowercase: lowercase, tokenPattern: tokenPattern, stopWords: stopWords,
      ngramRange: ngramRange, maxDf: maxDf, minDf: minDf, maxFeatures: maxFeatures,
      binary: binary)
  }

  /// Checks the counting settings like ``CountVectorizer/validateHyperparameters()``.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter.
  public func validateHyperparameters() throws {
    try counting.validate(estimator: "TfidfVectorizer")
  }

  /// Learns the vocabulary and the inverse document frequencies of `documents`.
  ///
  /// - Parameter documents: The training documents.
  /// - Returns: The fitted vectorizer.
  /// - Throws: The errors of ``CountVectorizer/fit(_:)``.
  public func fit(_ documents: [String]) throws -> Fitted {
    try fitTransform(documents).fitted
  }

  /// Learns the vocabulary and idf, and returns the TF-IDF matrix of the same documents.
  ///
  /// - Parameter documents: The training documents.
  /// - Returns: The fitted vectorizer and the `documents × vocabulary` TF-IDF matrix.
  /// - Throws: The errors of ``CountVectorizer/fit(_:)``.
  public func fitTransform(_ documents: [String]) throws -> (fitted: Fitted, output: Matrix) {
    let (countFitted, counts) = try counting.learnVocabulary(
      documents, estimator: "TfidfVectorizer")
    var idf: [Double]? = nil
    if useIdf {
      var df = [Double](repeating: 0, count: counts.columnCount)
      var last = [Int](repeating: -1, count: counts.columnCount)
      for d in 0..<counts.documentCount {
        for k in counts.offsets[d]..<counts.offsets[d + 1] {
          let j = Int(counts.columns[k])
          if j >= 0, last[j] != d {
            last[j] = d
            df[j] += 1
          }
        }
      }
      let smooth = smoothIdf ? 1.0 : 0.0
      let n = Double(counts.documentCount) + smooth
      idf = df.map { Foundation.log(n / ($0 + smooth)) + 1 }
    }
    let fitted = Fitted(counts: countFitted, idf: idf, settings: self)
    return (fitted, fitted.weigh(counts))
  }

  /// A fitted ``TfidfVectorizer``: vocabulary, inverse document frequencies and settings.
  public struct Fitted: FittedModel, Hashable {
    /// Always 1: a vectorizer reads one column of documents.
    public var featureCount: Int { 1 }
    /// The fitted counting step (vocabulary and tokenizer settings).
    public let counts: CountVectorizer.Fitted
    /// The inverse document frequency of each vocabulary term (scikit-learn's `idf_`); `nil`
    /// when `useIdf` is false.
    public let idf: [Double]?
    /// The vectorizer settings.
    public let settings: TfidfVectorizer

    init(counts: CountVectorizer.Fitted, idf: [Double]?, settings: TfidfVectorizer) {
      self.counts = counts
      self.idf = idf
      self.settings = settings
    }

    /// The terms in column order (scikit-learn's `vocabulary_` inverted).
    public var vocabulary: [String] { counts.vocabulary }

    /// The number of output columns: the vocabulary size.
    public var outputFeatureCount: Int { counts.vocabulary.count }

    /// The TF-IDF matrix of `documents`; terms outside the vocabulary are ignored and an
    /// all-zero row stays zero.
    ///
    /// - Parameter documents: Documents to encode (may be empty).
    /// - Returns: A `documents × vocabulary` matrix.
    public func transform(_ documents: [String]) -> Matrix {
      weigh(counts.counts(documents))
    }

    /// The vocabulary terms, one per output column (scikit-learn's `get_feature_names_out`).
    public func featureNamesOut() -> [String] { counts.vocabulary }

    /// Term frequencies → sublinear scaling → idf weights → row normalization.
    func weigh(_ termCounts: TermCounts) -> Matrix {
      var x = termCounts.dense(binary: settings.binary)
      let width = x.columnCount
      let sublinear = settings.sublinearTf
      let norm = settings.norm
      let weights = idf ?? []
      x.withUnsafeMutableStorage { v in
        weights.withUnsafeBufferPointer { w in
          var visited: [Int] = []
          for d in 0..<termCounts.documentCount {
            let row = d * width
            // Only the columns present in the document can be non-zero.
            let start = termCounts.offsets[d]
            let end = termCounts.offsets[d + 1]
            visited.removeAll(keepingCapacity: true)
            for k in start..<end {
              let j = Int(termCounts.columns[k])
              if j < 0 { continue }
              let value = v[row + j]
              // A positive value not yet weighted: mark by negating it until the row is done.
              if value > 0 {
                var t = sublinear ? Foundation.log(value) + 1 : value
                if !w.isEmpty { t *= w[j] }
                v[row + j] = -t
                visited.append(j)
              }
            }
            var total = 0.0
            for j in visited {
              let t = -v[row + j]
              v[row + j] = t
              switch norm {
              case .l2: total += t * t
              case .l1: total += abs(t)
              case nil: break
              }
            }
            guard let norm, total > 0 else { continue }
            let scale = norm == .l2 ? total.squareRoot() : total
            for j in visited { v[row + j] /= scale }
          }
        }
      }
      return x
    }
  }
}

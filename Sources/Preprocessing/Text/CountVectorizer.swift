import LinearAlgebra
import SwiftLearnCore

/// Converts text documents to a matrix of term counts.
///
/// Each document is lowercased, split into tokens by `tokenPattern`, stripped of stop words and
/// turned into word n-grams; the fitted vocabulary holds every term kept after the document
/// frequency bounds and `maxFeatures`, sorted like Python sorts strings (by Unicode scalar
/// values). The output is a dense `Matrix` with one row per document and one column per term.
///
/// scikit-learn: `sklearn.feature_extraction.text.CountVectorizer` with `analyzer="word"`;
/// defaults match scikit-learn 1.9. It takes documents, not a `Matrix`, so it is not a
/// `TransformerEstimator`; `fit`, `transform` and `fitTransform` take `[String]`.
///
/// The default `tokenPattern` `(?u)\b\w\w+\b` runs through a hand-written tokenizer that
/// matches Python's `\w` (Unicode letters, numbers and the underscore, not combining marks).
/// Any other pattern runs through `NSRegularExpression` (ICU syntax, where `\w` also matches
/// combining marks); a leading `(?u)` is accepted and ignored.
///
///     let vectorizer = try CountVectorizer(stopWords: .english).fit(documents)
///     let counts = try vectorizer.transform(["a new document"])
///     let terms = vectorizer.featureNamesOut()
///
/// - Complexity: O(total characters + documents × vocabulary) (the dense output).
public struct CountVectorizer: Estimator, DefaultInitializable, Hashable, Codable {
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
  /// Keep only this many terms, the most frequent over the corpus (scikit-learn's
  /// `max_features`); default `nil`, all terms. Ties keep the term that sorts first.
  public var maxFeatures: Int?
  /// Output 1 for every present term instead of its count (scikit-learn's `binary`).
  public var binary: Bool

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
  public init(
    lowercase: Bool = true, tokenPattern: String = defaultTokenPattern,
    stopWords: StopWords? = nil, ngramRange: ClosedRange<Int> = 1...1,
    maxDf: DocumentFrequency = .fraction(1.0), minDf: DocumentFrequency = .count(1),
    maxFeatures: Int? = nil, binary: Bool = false
  ) {
    self.lowercase = lowercase
    self.tokenPattern = tokenPattern
    self.stopWords = stopWords
    self.ngramRange = ngramRange
    self.maxDf = maxDf
    self.minDf = minDf
    self.maxFeatures = maxFeatures
    self.binary = binary
  }

  public init() { self.init(lowercase: true) }

  /// Checks `ngramRange`, `minDf`, `maxDf`, `maxFeatures` and `tokenPattern`.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter; `minDf` above `maxDf` when both are counts or both fractions.
  public func validateHyperparameters() throws {
    try validate(estimator: "CountVectorizer")
  }

  func validate(estimator: String) throws {
    try Check.count(ngramRange.lowerBound, atLeast: 1, estimator: estimator, name: "ngramRange")
    try maxDf.validate(estimator: estimator, name: "maxDf")
    try minDf.validate(estimator: estimator, name: "minDf")
    if let maxFeatures {
      try Check.count(maxFeatures, atLeast: 1, estimator: estimator, name: "maxFeatures")
    }
    switch (minDf, maxDf) {
    case (.count(let low), .count(let high)) where high < low:
      throw minAboveMax(estimator: estimator)
    case (.fraction(let low), .fraction(let high)) where high < low:
      throw minAboveMax(estimator: estimator)
    default: break
    }
    _ = try analyzer(estimator: estimator)
  }

  func minAboveMax(estimator: String) -> LearnError {
    LearnError.invalidParameter(
      estimator: estimator, name: "maxDf", value: "\(maxDf)",
      expected: "a bound covering at least as many documents as minDf (\(minDf))")
  }

  func analyzer(estimator: String) throws -> TextAnalyzer {
    try TextAnalyzer(
      lowercase: lowercase, tokenPattern: tokenPattern, stopWords: stopWords,
      ngramRange: (ngramRange.lowerBound, ngramRange.upperBound), estimator: estimator)
  }

  /// Learns the vocabulary of `documents`.
  ///
  /// - Parameter documents: The training documents.
  /// - Returns: The fitted vectorizer.
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` for bad settings
  ///   (including `minDf` covering more documents than `maxDf`);
  ///   `LearnError.emptyInput(input:reason:)` for no documents, an empty vocabulary, or no
  ///   term left after pruning.
  public func fit(_ documents: [String]) throws -> Fitted {
    try fitTransform(documents).fitted
  }

  /// Learns the vocabulary and returns the count matrix of the same documents in one pass.
  ///
  /// - Parameter documents: The training documents.
  /// - Returns: The fitted vectorizer and the `documents × vocabulary` count matrix.
  /// - Throws: The errors of ``fit(_:)``.
  public func fitTransform(_ documents: [String]) throws -> (fitted: Fitted, output: Matrix) {
    let (fitted, counts) = try learnVocabulary(documents, estimator: "CountVectorizer")
    return (fitted, counts.dense(binary: binary))
  }

  /// The shared fitting pass of both vectorizers: the vocabulary and the documents' term ids.
  func learnVocabulary(_ documents: [String], estimator: String) throws -> (
    Fitted, TermCounts
  ) {
    try validate(estimator: estimator)
    guard !documents.isEmpty else {
      throw LearnError.emptyInput(input: "raw_documents", reason: "no documents were given")
    }
    let analyzer = try analyzer(estimator: estimator)
    var index: [String: Int] = [:]
    var terms: [String] = []
    var ids: [Int32] = []
    var offsets: [Int] = [0]
    offsets.reserveCapacity(documents.count + 1)
    for document in documents {
      for term in analyzer.analyze(document) {
        if let id = index[term] {
          ids.append(Int32(id))
        } else {
          index[term] = terms.count
          ids.append(Int32(terms.count))
          terms.append(term)
        }
      }
      offsets.append(ids.count)
    }
    guard !terms.isEmpty else {
      throw LearnError.emptyInput(
        input: "raw_documents",
        reason: "empty vocabulary; perhaps the documents only contain stop words")
    }
    // Document and term frequencies per term id.
    let v = terms.count
    var df = [Int](repeating: 0, count: v)
    var tf = [Int](repeating: 0, count: v)
    var lastDocument = [Int](repeating: -1, count: v)
    for d in 0..<documents.count {
      for k in offsets[d]..<offsets[d + 1] {
        let t = Int(ids[k])
        tf[t] += 1
        if lastDocument[t] != d {
          lastDocument[t] = d
          df[t] += 1
        }
      }
    }
    // `binary` counts each term once per document, also when ranking for `maxFeatures`.
    let total = binary ? df : tf
    let n = documents.count
    let high = maxDf.documents(of: n)
    let low = minDf.documents(of: n)
    guard high >= low else { throw minAboveMax(estimator: estimator) }
    let sorted = (0..<v).sorted { scalarOrder(terms[$0], terms[$1]) }
    var kept = sorted.filter { Double(df[$0]) <= high && Double(df[$0]) >= low }
    if let maxFeatures, kept.count > maxFeatures {
      let positions = Array(kept.indices).sorted { a, b in
        let ta = total[kept[a]]
        let tb = total[kept[b]]
        return ta != tb ? ta > tb : a < b
      }
      let chosen = Set(positions.prefix(maxFeatures))
      kept = kept.indices.filter { chosen.contains($0) }.map { kept[$0] }
    }
    guard !kept.isEmpty else {
      throw LearnError.emptyInput(
        input: "raw_documents",
        reason: "after pruning, no terms remain; try a lower minDf or a higher maxDf")
    }
    var column = [Int32](repeating: -1, count: v)
    for (j, t) in kept.enumerated() { column[t] = Int32(j) }
    let fitted = Fitted(settings: self, vocabulary: kept.map { terms[$0] }, analyzer: analyzer)
    let counts = TermCounts(
      documentCount: n, columnCount: kept.count, offsets: offsets,
      columns: ids.map { column[Int($0)] })
    return (fitted, counts)
  }

  /// A fitted ``CountVectorizer``: the vocabulary and the settings that produce tokens.
  public struct Fitted: FittedModel, Hashable {
    /// Always 1: a vectorizer reads one column of documents.
    public var featureCount: Int { 1 }
    /// The terms in column order (scikit-learn's `vocabulary_` inverted; sorted by Unicode
    /// scalar values).
    public let vocabulary: [String]
    /// The vectorizer settings the vocabulary was learned with.
    public let settings: CountVectorizer
    let index: [String: Int]
    let analyzer: TextAnalyzer

    init(settings: CountVectorizer, vocabulary: [String], analyzer: TextAnalyzer) {
      self.settings = settings
      self.vocabulary = vocabulary
      self.analyzer = analyzer
      var index: [String: Int] = [:]
      index.reserveCapacity(vocabulary.count)
      for (j, term) in vocabulary.enumerated() { index[term] = j }
      self.index = index
    }

    /// The number of output columns: the vocabulary size.
    public var outputFeatureCount: Int { vocabulary.count }

    /// The column of `term`, or `nil` if it is not in the vocabulary (scikit-learn's
    /// `vocabulary_[term]`).
    ///
    /// - Parameter term: A term (an n-gram's words joined by one space).
    public func column(of term: String) -> Int? { index[term] }

    /// Counts the vocabulary terms in each document; unknown terms are ignored.
    ///
    /// - Parameter documents: Documents to encode (may be empty).
    /// - Returns: A `documents × vocabulary` matrix of counts (or 0/1 when `binary`).
    public func transform(_ documents: [String]) -> Matrix {
      counts(documents).dense(binary: settings.binary)
    }

    func counts(_ documents: [String]) -> TermCounts {
      var columns: [Int32] = []
      var offsets: [Int] = [0]
      offsets.reserveCapacity(documents.count + 1)
      for document in documents {
        for term in analyzer.analyze(document) {
          if let j = index[term] { columns.append(Int32(j)) }
        }
        offsets.append(columns.count)
      }
      return TermCounts(
        documentCount: documents.count, columnCount: vocabulary.count, offsets: offsets,
        columns: columns)
    }

    /// The vocabulary terms, one per output column (scikit-learn's `get_feature_names_out`).
    public func featureNamesOut() -> [String] { vocabulary }

    /// Two fitted vectorizers are equal when their vocabularies and settings are.
    public static func == (a: Fitted, b: Fitted) -> Bool {
      a.vocabulary == b.vocabulary && a.settings == b.settings
    }

    /// Hashes the vocabulary and the settings.
    public func hash(into hasher: inout Hasher) {
      hasher.combine(vocabulary)
      hasher.combine(settings)
    }
  }
}

/// Term occurrences of a batch of documents in compressed row form: the column ids of document
/// `d` are `columns[offsets[d]..<offsets[d + 1]]`; `-1` marks a pruned term.
struct TermCounts {
  let documentCount: Int
  let columnCount: Int
  let offsets: [Int]
  let columns: [Int32]

  /// The dense `documents × columns` matrix of counts (or presence when `binary`).
  func dense(binary: Bool) -> Matrix {
    let width = columnCount
    // `makeDoubleBuffer` advises huge pages for large outputs: most of the cost of a dense
    // document-term matrix is faulting in its zeroed pages.
    let values = makeDoubleBuffer(count: documentCount * width) { buffer in
      buffer.initialize(repeating: 0)
      columns.withUnsafeBufferPointer { ids in
        for d in 0..<documentCount {
          let row = d * width
          for k in offsets[d]..<offsets[d + 1] {
            let j = Int(ids[k])
            if j < 0 { continue }
            if binary { buffer[row + j] = 1 } else { buffer[row + j] += 1 }
          }
        }
      }
    }
    return Matrix(unchecked: documentCount, width, values)
  }
}

import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

/// A text vectorizer as the common checks see it: fitted on documents, not on a `Matrix`.
public protocol CheckableTextVectorizer: Estimator, DefaultInitializable {
  /// The fitted vectorizer.
  associatedtype Fitted: FittedModel
  /// Learns from documents.
  func fit(_ documents: [String]) throws -> Fitted
  /// Learns and encodes the same documents.
  func fitTransform(_ documents: [String]) throws -> (fitted: Fitted, output: Matrix)
  /// Encodes documents with a fitted vectorizer.
  static func transform(_ fitted: Fitted, _ documents: [String]) -> Matrix
  /// The output column names of a fitted vectorizer.
  static func names(_ fitted: Fitted) -> [String]
}

extension CountVectorizer: CheckableTextVectorizer {
  public static func transform(_ fitted: Fitted, _ documents: [String]) -> Matrix {
    fitted.transform(documents)
  }
  public static func names(_ fitted: Fitted) -> [String] { fitted.featureNamesOut() }
}

extension TfidfVectorizer: CheckableTextVectorizer {
  public static func transform(_ fitted: Fitted, _ documents: [String]) -> Matrix {
    fitted.transform(documents)
  }
  public static func names(_ fitted: Fitted) -> [String] { fitted.featureNamesOut() }
}

/// A small corpus with repeated words, punctuation and Unicode.
public let checkDocuments = [
  "The quick brown fox jumps over the lazy dog.",
  "Une journée à la plage; la mer était calme.",
  "Quick, quick! The dog barks at the brown fox.",
  "Données, naïve café and the lazy dog's bone.",
  "Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich.",
  "The fox and the dog are friends now.",
]

/// The common checks of a text vectorizer (the parts of scikit-learn's estimator checks that
/// apply to an estimator fitted on documents): idempotent fit, `fitTransform` equal to `fit`
/// then `transform`, output shape, determinism on unseen documents, the versioned save/load
/// round trip giving identical output, a truncated file throwing, the description, invalid
/// settings naming their parameter, and an empty corpus throwing.
public func checkTextVectorizer<E: CheckableTextVectorizer>(
  _ estimator: E, changed: (E, String), invalid: [InvalidSetting<E>],
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(E.self)
  let docs = checkDocuments
  let (fitted, output) = try estimator.fitTransform(docs)
  let names = E.names(fitted)
  #expect(
    output.rowCount == docs.count, "\(name): one row per document", sourceLocation: sourceLocation)
  #expect(
    output.columnCount == names.count, "\(name): one column per term",
    sourceLocation: sourceLocation)
  #expect(!names.isEmpty, sourceLocation: sourceLocation)
  #expect(fitted.featureCount == 1, sourceLocation: sourceLocation)

  // check_fit_idempotent and check_transformer_general.
  let again = try estimator.fit(docs)
  #expect(
    E.names(again) == names, "\(name): vocabulary not idempotent", sourceLocation: sourceLocation)
  #expect(
    E.transform(again, docs) == output, "\(name): fit then transform differs from fitTransform",
    sourceLocation: sourceLocation)

  // Row independence: each document encodes the same alone as in a batch.
  let unseen = ["brown dog, brown fox!", "nothing known here", "", "café DOG"]
  let batch = E.transform(fitted, unseen)
  #expect(batch.rowCount == unseen.count, sourceLocation: sourceLocation)
  for (i, document) in unseen.enumerated() {
    #expect(
      try E.transform(fitted, [document]).storage == batch.row(i),
      "\(name): document \(i) alone", sourceLocation: sourceLocation)
  }
  #expect(E.transform(fitted, []).rowCount == 0, sourceLocation: sourceLocation)

  // check_estimators_pickle, adapted: the saved vocabulary reproduces the outputs exactly.
  let data = try fitted.encodedModelFile()
  let restored = try E.Fitted.decodeModelFile(data)
  #expect(
    E.names(restored) == names, "\(name): vocabulary after load", sourceLocation: sourceLocation)
  #expect(
    E.transform(restored, docs) == output && E.transform(restored, unseen) == batch,
    "\(name): saved and loaded vectorizer must transform identically",
    sourceLocation: sourceLocation)
  #expect(
    throws: LearnError.self, "\(name): truncated model file must throw",
    sourceLocation: sourceLocation
  ) { try E.Fitted.decodeModelFile(Data(data.prefix(data.count / 2))) }

  // Empty corpus.
  #expect(throws: LearnError.self, "\(name): no documents", sourceLocation: sourceLocation) {
    try estimator.fit([])
  }

  // check_param_validation.
  for setting in invalid {
    do {
      _ = try setting.estimator.fit(docs)
      Issue.record(
        "\(name): '\(setting.parameter)' out of range did not throw", sourceLocation: sourceLocation
      )
    } catch let LearnError.invalidParameter(_, parameter, _, _) {
      #expect(parameter == setting.parameter, sourceLocation: sourceLocation)
    } catch {
      Issue.record(
        "\(name): '\(setting.parameter)' threw \(error), expected invalidParameter",
        sourceLocation: sourceLocation)
    }
  }
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)
}

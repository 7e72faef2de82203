import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// A binary classifier that predicts the positive class when its probability reaches a fixed
/// threshold.
///
/// Wraps any classifier with probabilities; `predict` returns `posLabel` where
/// `P(posLabel | x) >= threshold`, the other class elsewhere. Probabilities are the wrapped
/// model's, unchanged.
///
/// scikit-learn: `FixedThresholdClassifier(estimator, threshold="auto", pos_label=None,
/// response_method="auto")` with `predict_proba` as the response, so `"auto"` is 0.5 (the
/// default here).
///
///     let model = FixedThresholdClassifier(LogisticRegression<Int>(), threshold: 0.3)
///     let fitted = try model.fit(x, y)
///
/// - Note: Binary problems only; `fit` throws `LearnError.unsupportedInput` for more classes.
public struct FixedThresholdClassifier<Base: Classifier>: Classifier
where Base.Fitted: ProbabilisticClassifier {
  /// The label type.
  public typealias Label = Base.Label

  /// The wrapped classifier.
  public var estimator: Base
  /// The probability at or above which `posLabel` is predicted (default 0.5).
  public var threshold: Double
  /// The positive class; `nil` means the greater of the two classes (`classes[1]`).
  public var posLabel: Label?

  /// Wraps `estimator`.
  ///
  /// - Parameters:
  ///   - estimator: The classifier.
  ///   - threshold: The decision threshold on the positive class' probability (default 0.5).
  ///   - posLabel: The positive class (default `nil`: the greater class).
  public init(_ estimator: Base, threshold: Double = 0.5, posLabel: Label? = nil) {
    self.estimator = estimator
    self.threshold = threshold
    self.posLabel = posLabel
  }

  /// The type name, the wrapped model and the settings that differ from the defaults.
  public var description: String {
    wrapperDescription(of: self, defaults: Self(estimator), wrapped: estimator)
  }

  /// Binary only; otherwise the wrapped model's capabilities.
  public static var capabilities: Capabilities {
    var c = Base.capabilities
    c.supportsMulticlass = false
    return c
  }

  /// Checks `threshold` is finite, then the wrapped model's hyperparameters.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `threshold` or the wrapped parameter.
  public func validateHyperparameters() throws {
    guard threshold.isFinite else {
      throw LearnError.invalidParameter(
        estimator: "FixedThresholdClassifier", name: "threshold", value: "\(threshold)",
        expected: "a finite number")
    }
    try estimator.validateHyperparameters()
  }

  /// Fits the wrapped classifier.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: Binary labels.
  /// - Returns: The fitted thresholded model.
  /// - Throws: the wrapped model's errors; `LearnError.unsupportedInput` when `y` does not
  ///   have exactly two classes; `LearnError.unknownLabel` when `posLabel` is not one of them.
  /// - Complexity: one fit of the wrapped model.
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    let base = try estimator.fit(x, y)
    let positive = try BinaryResponse.positiveIndex(classes: base.classes, posLabel: posLabel)
    return Fitted(base: base, threshold: threshold, positiveIndex: positive)
  }

  /// A fitted ``FixedThresholdClassifier``.
  public struct Fitted: ProbabilisticClassifier {
    /// The fitted wrapped model.
    public let base: Base.Fitted
    /// The decision threshold.
    public let threshold: Double
    /// The column of the positive class in ``classes``.
    public let positiveIndex: Int

    /// The two classes, sorted.
    public var classes: [Label] { base.classes }
    /// The number of features seen during fit.
    public var featureCount: Int { base.featureCount }

    /// The positive class where its probability is at least ``threshold``.
    ///
    /// - Throws: the wrapped model's errors.
    /// - Complexity: one `predictProbabilities`.
    public func predict(_ x: Matrix) throws -> [Label] {
      let scores = try BinaryResponse.scores(base, x, positiveIndex: positiveIndex)
      return try BinaryResponse.labels(
        scores, threshold: threshold, classes: classes, positiveIndex: positiveIndex)
    }

    /// The wrapped model's probabilities.
    ///
    /// - Throws: the wrapped model's errors.
    /// - Complexity: the wrapped model's.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try base.predictProbabilities(x)
    }
  }
}

/// `Name(wrapped, changed: value)`: the wrapped model first, then the settings that differ from
/// `defaults`.
func wrapperDescription<E, W: CustomStringConvertible>(of value: E, defaults: E, wrapped: W)
  -> String
{
  let own = describeHyperparameters(of: value, defaults: defaults)
  guard let open = own.firstIndex(of: "(") else { return own }
  let rest = own[own.index(after: open)...]
  let separator = rest.hasPrefix(")") ? "" : ", "
  return String(own[...open]) + wrapped.description + separator + rest
}

/// Checks `x` before cross-validation, so errors name rows of the whole input.
func validateWrapperInput(_ x: Matrix, allowsMissingValues: Bool) throws {
  guard x.rowCount >= 1 else {
    throw LearnError.emptyInput(
      input: "X", reason: "found array with 0 sample(s) (shape=(0, \(x.columnCount)))")
  }
  guard x.columnCount >= 1 else {
    throw LearnError.emptyInput(
      input: "X", reason: "found array with 0 feature(s) (shape=(\(x.rowCount), 0))")
  }
  try x.withUnsafeStorage { buf in
    for (k, v) in buf.enumerated() where !v.isFinite {
      if v.isNaN && allowsMissingValues { continue }
      throw LearnError.nonFinite(input: "X", row: k / x.columnCount, column: k % x.columnCount)
    }
  }
}

/// Helpers shared by the threshold classifiers.
enum BinaryResponse {
  /// The index of the positive class: `posLabel`'s, or 1.
  static func positiveIndex<L: ClassLabel>(classes: [L], posLabel: L?) throws -> Int {
    guard classes.count == 2 else {
      throw LearnError.unsupportedInput(
        input: "y",
        reason: "only binary classification is supported; found \(classes.count) class(es)")
    }
    guard let posLabel else { return 1 }
    guard let index = classes.firstIndex(of: posLabel) else {
      throw LearnError.unknownLabel("\(posLabel)")
    }
    return index
  }

  /// The positive class' probabilities.
  static func scores<M: ProbabilisticClassifier>(_ model: M, _ x: Matrix, positiveIndex: Int)
    throws -> [Double]
  {
    let p = try model.predictProbabilities(x)
    guard p.columnCount == 2 else {
      throw LearnError.lengthMismatch(
        input: "predict_proba columns", expected: 2, got: p.columnCount)
    }
    return try p.column(positiveIndex)
  }

  /// `classes[positive]` where `score >= threshold`, the other class elsewhere.
  static func labels<L>(_ scores: [Double], threshold: Double, classes: [L], positiveIndex: Int)
    throws -> [L]
  {
    // A decoded model could carry anything: check before indexing.
    guard classes.count == 2, positiveIndex == 0 || positiveIndex == 1 else {
      throw LearnError.corruptModelFile(
        reason: "a binary threshold model needs 2 classes and a positive index 0 or 1")
    }
    let pos = classes[positiveIndex]
    let neg = classes[1 - positiveIndex]
    return scores.map { $0 >= threshold ? pos : neg }
  }

  /// numpy's `linspace(start, stop, num)`: `i · step + start`, the last set to `stop`.
  static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
    guard count > 1 else { return count == 1 ? [start] : [] }
    let step = (stop - start) / Double(count - 1)
    var out = (0..<count).map { Double($0) * step + start }
    out[count - 1] = stop
    return out
  }

  /// numpy's `interp(x, xp, fp)` for increasing `xp`: constant beyond the ends.
  static func interp(_ x: [Double], _ xp: [Double], _ fp: [Double]) -> [Double] {
    guard let first = xp.first, let last = xp.last, xp.count == fp.count else {
      return x.map { _ in .nan }
    }
    return x.map { v in
      if v <= first { return fp[0] }
      if v >= last { return fp[fp.count - 1] }
      // Binary search for xp[j] <= v < xp[j + 1].
      var lo = 0
      var hi = xp.count - 1
      while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if xp[mid] <= v { lo = mid } else { hi = mid }
      }
      let slope = (fp[hi] - fp[lo]) / (xp[hi] - xp[lo])
      return slope * (v - xp[lo]) + fp[lo]
    }
  }
}

extension FixedThresholdClassifier: DefaultInitializable where Base: DefaultInitializable {
  /// Wraps the wrapped type's default estimator with the default settings.
  public init() { self.init(Base()) }
}

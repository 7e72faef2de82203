import LinearAlgebra

/// Shared input validation, run once where data enters an estimator.
///
/// scikit-learn's `check_array` / `validate_data` / `_check_sample_weight`. Estimators call
/// these at the top of `fit`, `predict` and `transform`; internal solvers then trust the data.
public enum Validate {
  /// Checks a training feature matrix: at least one sample and one feature, and every value
  /// finite unless `allowNaN` (then only ±infinity is rejected).
  ///
  /// - Throws: ``LearnError/emptyInput(input:reason:)``, ``LearnError/nonFinite(input:row:column:)``.
  public static func features(
    _ x: Matrix, input: String = "X", allowNaN: Bool = false, minimumSamples: Int = 1
  ) throws {
    guard x.rowCount >= minimumSamples else {
      throw LearnError.emptyInput(
        input: input,
        reason:
          "found array with \(x.rowCount) sample(s) (shape=(\(x.rowCount), \(x.columnCount))) while a minimum of \(minimumSamples) is required"
      )
    }
    guard x.columnCount >= 1 else {
      throw LearnError.emptyInput(
        input: input,
        reason:
          "found array with 0 feature(s) (shape=(\(x.rowCount), 0)) while a minimum of 1 is required"
      )
    }
    try finite(x, input: input, allowNaN: allowNaN)
  }

  /// Checks that every value is finite (or NaN when `allowNaN`), naming the first bad cell.
  ///
  /// - Throws: ``LearnError/nonFinite(input:row:column:)``.
  public static func finite(_ x: Matrix, input: String = "X", allowNaN: Bool = false) throws {
    if x.isFinite { return }
    let c = x.columnCount
    let bad: Int? = x.withUnsafeStorage { s in
      for k in 0..<s.count {
        let v = s[k]
        if allowNaN ? v.isInfinite : !v.isFinite { return k }
      }
      return nil
    }
    if let bad, c > 0 {
      throw LearnError.nonFinite(input: input, row: bad / c, column: bad % c)
    }
  }

  /// Checks a matrix given to a fitted model: its feature count and its values.
  ///
  /// - Throws: ``LearnError/featureCountMismatch(expected:got:)``, ``LearnError/emptyInput(input:reason:)``
  ///   for zero rows, ``LearnError/nonFinite(input:row:column:)``.
  public static func predictionInput(
    _ x: Matrix, featureCount: Int, input: String = "X", allowNaN: Bool = false
  ) throws {
    guard x.columnCount == featureCount else {
      throw LearnError.featureCountMismatch(expected: featureCount, got: x.columnCount)
    }
    guard x.rowCount >= 1 else {
      throw LearnError.emptyInput(
        input: input,
        reason:
          "found array with 0 sample(s) (shape=(0, \(x.columnCount))) while a minimum of 1 is required"
      )
    }
    try finite(x, input: input, allowNaN: allowNaN)
  }

  /// Checks a continuous target: one finite value per sample.
  ///
  /// - Throws: ``LearnError/lengthMismatch(input:expected:got:)``, ``LearnError/nonFinite(input:row:column:)``.
  public static func target(_ y: [Double], sampleCount: Int, input: String = "y") throws {
    guard y.count == sampleCount else {
      throw LearnError.lengthMismatch(input: input, expected: sampleCount, got: y.count)
    }
    for (i, v) in y.enumerated() where !v.isFinite {
      throw LearnError.nonFinite(input: input, row: i, column: 0)
    }
  }

  /// Checks that a label vector has one entry per sample.
  ///
  /// - Throws: ``LearnError/lengthMismatch(input:expected:got:)``.
  public static func labels<L>(_ y: [L], sampleCount: Int, input: String = "y") throws {
    guard y.count == sampleCount else {
      throw LearnError.lengthMismatch(input: input, expected: sampleCount, got: y.count)
    }
  }

  /// Checks per-sample weights: one per sample, finite, non-negative, not all zero.
  ///
  /// - Returns: The weights, or `nil` when `sampleWeight` is `nil` (unit weights).
  /// - Throws: ``LearnError/lengthMismatch(input:expected:got:)``,
  ///   ``LearnError/invalidSampleWeight(reason:)``.
  @discardableResult
  public static func sampleWeight(_ sampleWeight: [Double]?, sampleCount: Int) throws -> [Double]? {
    guard let w = sampleWeight else { return nil }
    guard w.count == sampleCount else {
      throw LearnError.lengthMismatch(input: "sample_weight", expected: sampleCount, got: w.count)
    }
    var total = 0.0
    for (i, v) in w.enumerated() {
      guard v.isFinite else {
        throw LearnError.invalidSampleWeight(reason: "weight \(i) is \(v), weights must be finite")
      }
      guard v >= 0 else {
        throw LearnError.invalidSampleWeight(
          reason: "weight \(i) is \(v), weights must be non-negative")
      }
      total += v
    }
    guard total > 0 else {
      throw LearnError.invalidSampleWeight(
        reason: "all sample weights are zero; at least one must be positive")
    }
    return w
  }

  /// Checks a list of input feature names against the fitted feature count.
  ///
  /// - Returns: The names, or `x0, x1, ...` when `names` is `nil`.
  /// - Throws: ``LearnError/lengthMismatch(input:expected:got:)``.
  public static func featureNames(_ names: [String]?, featureCount: Int) throws -> [String] {
    guard let names else { return (0..<featureCount).map { "x\($0)" } }
    guard names.count == featureCount else {
      throw LearnError.lengthMismatch(
        input: "input_features", expected: featureCount, got: names.count)
    }
    return names
  }
}

/// Helpers for ``Estimator/validateHyperparameters()``: each throws
/// ``LearnError/invalidParameter(estimator:name:value:expected:)`` naming the parameter.
public enum Check {
  /// `value` is finite and `>= minimum` (or `> minimum` when `inclusive` is false).
  public static func finite(
    _ value: Double, atLeast minimum: Double, inclusive: Bool = true, estimator: String,
    name: String
  ) throws {
    let ok = value.isFinite && (inclusive ? value >= minimum : value > minimum)
    guard ok else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: name, value: "\(value)",
        expected: "a finite number \(inclusive ? ">=" : ">") \(minimum)")
    }
  }

  /// `value` lies in `range`.
  public static func within(
    _ value: Double, _ range: ClosedRange<Double>, estimator: String, name: String
  ) throws {
    guard value.isFinite, range.contains(value) else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: name, value: "\(value)",
        expected: "a number in [\(range.lowerBound), \(range.upperBound)]")
    }
  }

  /// An integer `value >= minimum`.
  public static func count(_ value: Int, atLeast minimum: Int, estimator: String, name: String)
    throws
  {
    guard value >= minimum else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: name, value: "\(value)",
        expected: "an integer >= \(minimum)")
    }
  }
}

import SwiftLearnCore

/// Per-class weights for the linear classifiers (scikit-learn's `class_weight`).
///
/// Each sample's weight is multiplied by the weight of its class. `nil` (the default
/// everywhere) means every class weighs 1.
///
///     LogisticRegression<String>(classWeight: .balanced)
///     LogisticRegression<String>(classWeight: .weights(["spam": 5]))
public enum ClassWeight<Label: ClassLabel>: Sendable, Hashable, Codable {
  /// scikit-learn's `"balanced"`: class `k` weighs `n / (K · nₖ)`, so every class carries the
  /// same total weight. ``LogisticRegression`` counts `nₖ` with the sample weights (as
  /// scikit-learn's `compute_class_weight` does); ``RidgeClassifier`` counts rows (as
  /// `compute_sample_weight` does).
  case balanced
  /// scikit-learn's `{label: weight}`: the given weight for each listed class, 1 for the
  /// others; labels that are not classes of `y` are ignored.
  case weights([Label: Double])

  /// Checks that explicit weights are finite and non-negative.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming
  ///   `classWeight`.
  func validate(estimator: String) throws {
    guard case .weights(let table) = self else { return }
    for (label, weight) in table where !(weight.isFinite && weight >= 0) {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "classWeight", value: "\(label): \(weight)",
        expected: "finite, non-negative weights")
    }
  }

  /// One weight per class code.
  ///
  /// - Parameters:
  ///   - classes: The sorted classes.
  ///   - codes: The class code of every sample.
  ///   - sampleWeight: Weights used to count the classes for ``balanced``, or `nil` to
  ///     count rows.
  func perClass(classes: [Label], codes: [Int], sampleWeight: [Double]?) -> [Double] {
    switch self {
    case .balanced:
      var counts = [Double](repeating: 0, count: classes.count)
      for (i, code) in codes.enumerated() { counts[code] += sampleWeight?[i] ?? 1 }
      let total = counts.reduce(0, +)
      let k = Double(classes.count)
      return counts.map { $0 > 0 ? total / (k * $0) : 0 }
    case .weights(let table):
      return classes.map { table[$0] ?? 1 }
    }
  }
}

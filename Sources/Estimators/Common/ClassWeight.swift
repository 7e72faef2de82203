import SwiftLearnCore

/// Per-class weights for every classifier (scikit-learn's `class_weight`).
///
/// Each sample's weight is multiplied by the weight of its class. `nil` (the default
/// everywhere) means every class weighs 1. One type serves the linear classifiers, SGD, the
/// linear SVM, trees, forests and boosting; ``balancedSubsample`` is for forests only.
///
///     LogisticRegression<String>(classWeight: .balanced)
///     LogisticRegression<String>(classWeight: .weights(["spam": 5]))
public enum ClassWeight<Label: ClassLabel>: Sendable, Hashable, Codable {
  /// scikit-learn's `"balanced"`: class `k` weighs `n / (K · nₖ)`, so every class carries the
  /// same total weight. ``LogisticRegression`` counts `nₖ` with the sample weights (as
  /// scikit-learn's `compute_class_weight` does); ``RidgeClassifier`` counts rows (as
  /// `compute_sample_weight` does).
  case balanced
  /// Like ``balanced``, but recomputed on each tree's bootstrap sample (scikit-learn's
  /// `"balanced_subsample"`; forests only — other estimators reject it).
  case balancedSubsample
  /// scikit-learn's `{label: weight}`: the given weight for each listed class, 1 for the
  /// others; labels that are not classes of `y` are ignored.
  case weights([Label: Double])

  /// Checks that explicit weights are finite and non-negative.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming
  ///   `classWeight`.
  func validate(estimator: String, allowsSubsample: Bool = false) throws {
    if case .balancedSubsample = self, !allowsSubsample {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "classWeight", value: "balancedSubsample",
        expected: ".balanced or .weights (balancedSubsample is for forests)")
    }
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
    case .balanced, .balancedSubsample:
      var counts = [Double](repeating: 0, count: classes.count)
      for (i, code) in codes.enumerated() { counts[code] += sampleWeight?[i] ?? 1 }
      let total = counts.reduce(0, +)
      let k = Double(classes.count)
      return counts.map { $0 > 0 ? total / (k * $0) : 0 }
    case .weights(let table):
      return classes.map { table[$0] ?? 1 }
    }
  }

  /// One weight per class code with scikit-learn's rule for explicit tables
  /// (`compute_class_weight`): classes left out weigh 1, and a label that is not a class is an
  /// error when some class is left out.
  ///
  /// - Throws: `LearnError.unknownLabel(_:)` for such a label.
  func resolved(classes: [Label], codes: [Int], sampleWeight: [Double]?, estimator: String)
    throws -> [Double]
  {
    if case .weights(let table) = self {
      let known = Set(classes)
      let unweighted = classes.filter { table[$0] == nil }
      if !unweighted.isEmpty, let stray = table.keys.first(where: { !known.contains($0) }) {
        throw LearnError.unknownLabel(
          "\(stray) in classWeight of \(estimator): not a class; the classes \(unweighted) "
            + "are not in classWeight")
      }
    }
    return perClass(classes: classes, codes: codes, sampleWeight: sampleWeight)
  }
}

import SwiftLearnCore

/// Per-class weights that multiply the sample weights (scikit-learn's `class_weight`).
public enum ClassWeighting<Label: ClassLabel>: Sendable, Hashable, Codable {
  /// `n / (classCount · count(class))`: every class carries the same total weight
  /// (scikit-learn's `"balanced"`).
  case balanced
  /// An explicit weight per label; labels left out weigh 1.
  case weights([Label: Double])

  /// Checks explicit weights: finite and non-negative.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming
  ///   `classWeight`.
  func validate(estimator: String) throws {
    guard case .weights(let table) = self else { return }
    for (label, weight) in table where !(weight.isFinite && weight >= 0) {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "classWeight", value: "\(label): \(weight)",
        expected: "finite weights >= 0")
    }
  }

  /// The weight of each class in `encoding` order.
  ///
  /// - Throws: `LearnError.unknownLabel(_:)` for an explicit label that is not a training
  ///   class.
  func weights(for encoding: LabelEncoding<Label>, codes: [Int], estimator: String) throws
    -> [Double]
  {
    let k = encoding.classCount
    switch self {
    case .balanced:
      var counts = [Double](repeating: 0, count: k)
      for c in codes { counts[c] += 1 }
      let n = Double(codes.count)
      return counts.map { $0 > 0 ? n / (Double(k) * $0) : 0 }
    case .weights(let table):
      var out = [Double](repeating: 1, count: k)
      for (label, weight) in table {
        guard let code = encoding.code(of: label) else {
          throw LearnError.unknownLabel("\(label) in classWeight of \(estimator)")
        }
        out[code] = weight
      }
      return out
    }
  }
}

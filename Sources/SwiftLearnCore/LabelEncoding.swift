/// The mapping between a classifier's labels and the integer codes its algorithm works on.
///
/// Every classifier stores one inside its fitted value: the numeric core sees class codes
/// `0..<classCount` (no generics in hot loops), and predictions are decoded back into the
/// user's label type. ``classes`` is sorted like scikit-learn's `classes_`.
///
///     let encoding = try LabelEncoding(fitting: ["no", "yes", "no"])
///     encoding.classes                       // ["no", "yes"]
///     try encoding.encode(["yes", "no"])     // [1, 0]
public struct LabelEncoding<Label: ClassLabel>: Sendable, Hashable, Codable {
  /// The sorted distinct labels.
  public let classes: [Label]
  private let codes: [Label: Int]

  /// Learns the sorted distinct labels of `y`.
  ///
  /// - Throws: ``LearnError/emptyInput(input:reason:)`` when `y` is empty.
  public init(fitting y: [Label]) throws {
    guard !y.isEmpty else {
      throw LearnError.emptyInput(input: "y", reason: "found 0 labels, at least 1 is required")
    }
    try self.init(classes: Array(Set(y)).sorted())
  }

  /// Uses `classes` as given; they must be sorted and distinct (scikit-learn's `classes`
  /// argument of `partial_fit`).
  ///
  /// - Throws: ``LearnError/invalidParameter(estimator:name:value:expected:)`` when `classes`
  ///   is empty, unsorted or has duplicates.
  public init(classes: [Label]) throws {
    guard !classes.isEmpty else {
      throw LearnError.invalidParameter(
        estimator: "LabelEncoding", name: "classes", value: "[]",
        expected: "at least one class")
    }
    for k in 1..<classes.count where !(classes[k - 1] < classes[k]) {
      throw LearnError.invalidParameter(
        estimator: "LabelEncoding", name: "classes", value: "\(classes)",
        expected: "sorted, distinct labels")
    }
    self.classes = classes
    var codes: [Label: Int] = [:]
    for (k, label) in classes.enumerated() { codes[label] = k }
    self.codes = codes
  }

  /// The number of classes.
  public var classCount: Int { classes.count }

  /// The code of each label.
  ///
  /// - Throws: ``LearnError/unknownLabel(_:)`` for a label not in ``classes``.
  public func encode(_ y: [Label]) throws -> [Int] {
    var result = [Int](repeating: 0, count: y.count)
    for (i, label) in y.enumerated() {
      guard let code = codes[label] else { throw LearnError.unknownLabel("\(label)") }
      result[i] = code
    }
    return result
  }

  /// The code of one label, or `nil` if it was not seen.
  public func code(of label: Label) -> Int? { codes[label] }

  /// The label of each code.
  ///
  /// - Throws: ``LearnError/unknownLabel(_:)`` for a code outside `0..<classCount`.
  public func decode(_ codes: [Int]) throws -> [Label] {
    try codes.map { code in
      guard code >= 0, code < classes.count else { throw LearnError.unknownLabel("code \(code)") }
      return classes[code]
    }
  }

  /// How many times each class occurs in `codes` (weighted when `sampleWeight` is given).
  public func classCounts(_ codes: [Int], sampleWeight: [Double]? = nil) -> [Double] {
    var counts = [Double](repeating: 0, count: classes.count)
    for (i, code) in codes.enumerated() where code >= 0 && code < counts.count {
      counts[code] += sampleWeight.map { $0[i] } ?? 1
    }
    return counts
  }

  private enum CodingKeys: String, CodingKey { case classes }

  /// Decodes and re-checks that the classes are sorted and distinct.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let classes = try container.decode([Label].self, forKey: .classes)
    do {
      try self.init(classes: classes)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .classes, in: container, debugDescription: "classes must be sorted and distinct")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(classes, forKey: .classes)
  }
}

import SwiftLearnCore

/// Encodes target labels as integers `0..<classCount`, in sorted label order.
///
/// A thin transformer over `LabelEncoding`, the codec every classifier stores: `classes` are
/// sorted like scikit-learn's `classes_`, and `inverseTransform` decodes codes back to labels.
/// Works for any label type (`String`, `Int`, or your own `ClassLabel`).
///
/// scikit-learn: `sklearn.preprocessing.LabelEncoder`.
///
///     let encoder = try LabelEncoder<String>().fit(["paris", "tokyo", "paris"])
///     encoder.classes                          // ["paris", "tokyo"]
///     try encoder.transform(["tokyo", "paris"])  // [1, 0]
public struct LabelEncoder<Label: ClassLabel>: Estimator, DefaultInitializable, Hashable, Codable {
  /// Creates the encoder (it has no hyperparameters).
  public init() {}

  /// Learns the sorted distinct labels.
  ///
  /// - Parameter y: The labels.
  /// - Returns: The fitted encoder.
  /// - Throws: `LearnError.emptyInput` when `y` is empty.
  public func fit(_ y: [Label]) throws -> Fitted {
    Fitted(encoding: try LabelEncoding(fitting: y))
  }

  /// Fits and encodes `y` in one call.
  ///
  /// - Parameter y: The labels.
  /// - Returns: The fitted encoder and the codes of `y`.
  /// - Throws: `LearnError.emptyInput` when `y` is empty.
  public func fitTransform(_ y: [Label]) throws -> (fitted: Fitted, output: [Int]) {
    let fitted = try fit(y)
    return (fitted, try fitted.transform(y))
  }

  /// The fitted state of a ``LabelEncoder``.
  public struct Fitted: FittedModel, Hashable {
    /// The label codec.
    public let encoding: LabelEncoding<Label>

    init(encoding: LabelEncoding<Label>) { self.encoding = encoding }

    /// The sorted distinct labels (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }
    /// Labels are one column.
    public var featureCount: Int { 1 }

    /// The code of each label.
    ///
    /// - Parameter y: Labels seen during fit.
    /// - Returns: Their codes.
    /// - Throws: `LearnError.unknownLabel` for a label not seen during fit.
    public func transform(_ y: [Label]) throws -> [Int] { try encoding.encode(y) }

    /// The label of each code.
    ///
    /// - Parameter codes: Codes in `0..<classes.count`.
    /// - Returns: The labels.
    /// - Throws: `LearnError.unknownLabel` for a code out of range.
    public func inverseTransform(_ codes: [Int]) throws -> [Label] { try encoding.decode(codes) }
  }
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The domain of an axis, as the samplers see it.
enum AxisDomain: Sendable, Equatable {
  case choice(count: Int)
  case uniform(low: Double, high: Double)
  case logUniform(low: Double, high: Double)
  case integer(low: Int, high: Int)
}

/// One dimension of a hyperparameter search: a typed parameter and the values or distribution
/// to draw it from.
///
/// An axis is a `HyperparameterPath` (a writable key path plus a display name, reaching
/// through pipelines) and its domain:
/// - a finite list of candidate values of the parameter's own type (grid searches, random
///   choice, Bayesian categorical axes);
/// - ``uniform(_:_:)`` or ``logUniform(_:_:)`` over a closed range of `Double`s
///   (scipy's `uniform`, `loguniform`);
/// - `integers(_:_:)` over a closed range of `Int`s (scipy's `randint`, whose upper bound is
///   exclusive; here the range is inclusive).
///
/// scikit-learn: one entry of `param_grid` / `param_distributions`, where the key is a
/// `"step__param"` string; here the compiler checks the parameter exists and the values have its
/// type.
///
///     typealias Model = Pipeline<StandardScaler, Ridge>
///     let alpha = HyperparameterPath(\Model.last.alpha, name: "ridge.alpha")
///     let grid = SearchAxis(alpha, values: [0.1, 1, 10])
///     let distribution = SearchAxis.logUniform(alpha, 1e-3...1e3)
public struct SearchAxis<Root: Sendable>: Sendable {
  /// The display name (the path's `name`), used as the column name of results tables.
  public let name: String
  let domain: AxisDomain
  // A value on an axis is one `Double`: the value itself for continuous axes, the integer for
  // integer axes, and the index into the list for choice axes.
  let apply: @Sendable (Root, Double) -> Root
  let label: @Sendable (Double) -> String

  /// An axis that takes each of `values` in turn (grid) or picks among them (random and
  /// Bayesian searches: a categorical axis).
  ///
  /// - Parameters:
  ///   - path: The hyperparameter.
  ///   - values: The candidate values, in the order the grid visits them. An empty list is
  ///     reported by the search's `fit` as `LearnError.invalidParameter`.
  public init<Value: Sendable>(_ path: HyperparameterPath<Root, Value>, values: [Value]) {
    self.name = path.name
    self.domain = .choice(count: values.count)
    self.apply = { root, v in
      let index = Int(v)
      guard index >= 0, index < values.count else { return root }
      return path.setting(values[index], in: root)
    }
    self.label = { v in
      let index = Int(v)
      guard index >= 0, index < values.count else { return "?" }
      return SearchAxis.describe(values[index])
    }
  }

  init(
    name: String, domain: AxisDomain, apply: @escaping @Sendable (Root, Double) -> Root,
    label: @escaping @Sendable (Double) -> String
  ) {
    self.name = name
    self.domain = domain
    self.apply = apply
    self.label = label
  }

  /// A continuous axis drawn uniformly from `range` (scipy's `uniform(low, high - low)`).
  ///
  /// - Parameters:
  ///   - path: A `Double` hyperparameter.
  ///   - range: The closed interval; `fit` rejects an empty or non-finite one.
  /// - Returns: The axis.
  public static func uniform(
    _ path: HyperparameterPath<Root, Double>, _ range: ClosedRange<Double>
  ) -> SearchAxis {
    SearchAxis(
      name: path.name, domain: .uniform(low: range.lowerBound, high: range.upperBound),
      apply: { path.setting($1, in: $0) }, label: { describe($0) })
  }

  /// A continuous axis whose logarithm is uniform on `log(range)` (scipy's `loguniform`);
  /// the usual choice for regularization strengths and learning rates.
  ///
  /// - Parameters:
  ///   - path: A `Double` hyperparameter.
  ///   - range: The closed interval; both ends must be positive.
  /// - Returns: The axis.
  public static func logUniform(
    _ path: HyperparameterPath<Root, Double>, _ range: ClosedRange<Double>
  ) -> SearchAxis {
    SearchAxis(
      name: path.name, domain: .logUniform(low: range.lowerBound, high: range.upperBound),
      apply: { path.setting($1, in: $0) }, label: { describe($0) })
  }

  /// An integer axis drawn uniformly from the inclusive `range`.
  ///
  /// - Parameters:
  ///   - path: An `Int` hyperparameter.
  ///   - range: The inclusive range of values.
  /// - Returns: The axis. A grid search visits every integer of the range.
  public static func integers(
    _ path: HyperparameterPath<Root, Int>, _ range: ClosedRange<Int>
  ) -> SearchAxis {
    SearchAxis(
      name: path.name, domain: .integer(low: range.lowerBound, high: range.upperBound),
      apply: { path.setting(Int($1), in: $0) }, label: { String(Int($0)) })
  }

  /// An integer axis over an optional `Int` hyperparameter (such as `maxIter`), drawn uniformly
  /// from the inclusive `range`; the parameter is always set to a value, never `nil`.
  ///
  /// - Parameters:
  ///   - path: An `Int?` hyperparameter.
  ///   - range: The inclusive range of values.
  /// - Returns: The axis.
  public static func integers(
    _ path: HyperparameterPath<Root, Int?>, _ range: ClosedRange<Int>
  ) -> SearchAxis {
    SearchAxis(
      name: path.name, domain: .integer(low: range.lowerBound, high: range.upperBound),
      apply: { path.setting(Int($1), in: $0) }, label: { String(Int($0)) })
  }

  /// Checks the domain (non-empty list, finite ordered range, positive log range).
  func validate(estimator: String) throws {
    func bad(_ value: String, _ expected: String) -> LearnError {
      .invalidParameter(estimator: estimator, name: name, value: value, expected: expected)
    }
    switch domain {
    case .choice(let count):
      guard count > 0 else { throw bad("[]", "at least one candidate value") }
    case .uniform(let low, let high):
      guard low.isFinite, high.isFinite, low < high else {
        throw bad("\(low)...\(high)", "a finite range with low < high")
      }
    case .logUniform(let low, let high):
      guard low.isFinite, high.isFinite, low > 0, low < high else {
        throw bad("\(low)...\(high)", "a finite range with 0 < low < high")
      }
    case .integer(let low, let high):
      guard low <= high else { throw bad("\(low)...\(high)", "a range with low <= high") }
    }
  }

  /// The values a grid visits, or `nil` for a continuous axis.
  var gridValues: [Double]? {
    switch domain {
    case .choice(let count): return (0..<count).map(Double.init)
    case .integer(let low, let high): return (low...high).map(Double.init)
    case .uniform, .logUniform: return nil
    }
  }

  /// One value drawn from the domain.
  func sample(_ rng: inout SeededGenerator) -> Double {
    switch domain {
    case .choice(let count): return Double(rng.nextInt(below: count))
    case .uniform(let low, let high): return low + (high - low) * rng.nextUniform()
    case .logUniform(let low, let high):
      return Foundation.exp(
        Foundation.log(low) + (Foundation.log(high) - Foundation.log(low)) * rng.nextUniform())
    case .integer(let low, let high): return Double(low + rng.nextInt(below: high - low + 1))
    }
  }

  /// A value as text: integers without a fraction, other values as Swift prints them.
  static func describe(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional {
      guard let wrapped = mirror.children.first?.value else { return "nil" }
      return describe(wrapped)
    }
    if let d = value as? Double {
      if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
      return "\(d)"
    }
    return String(describing: value)
  }
}

/// The hyperparameter settings of one search candidate: an axis value for each axis.
struct CandidatePoint: Sendable, Hashable {
  var values: [Double]
}

extension Array {
  /// Applies every axis' value to `root`.
  func configure<Root>(_ root: Root, at point: CandidatePoint) -> Root
  where Element == SearchAxis<Root> {
    var model = root
    for (axis, v) in zip(self, point.values) { model = axis.apply(model, v) }
    return model
  }

  /// The display strings of a point, one per axis.
  func labels<Root>(of point: CandidatePoint) -> [String] where Element == SearchAxis<Root> {
    zip(self, point.values).map { $0.label($1) }
  }
}

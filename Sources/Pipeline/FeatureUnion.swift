import LinearAlgebra
import SwiftLearnCore

/// Several transformers applied to the same input, their outputs placed side by side.
///
/// Each member is fitted on the whole input; the output holds the first member's columns,
/// then the second's. Output names are prefixed with the member's name, `"name__feature"`,
/// as in scikit-learn. More than two members are written with the result builder, which
/// nests unions to the left without adding prefixes for the nesting.
///
/// scikit-learn: `sklearn.pipeline.FeatureUnion` / `make_union` (without `n_jobs` and
/// `transformer_weights`).
///
///     let union = FeatureUnion {
///       Named("scaled", StandardScaler())
///       Named("raw", StandardScaler(withMean: false, withStd: false))
///     }
///     let (fitted, wide) = try union.fitTransform(x)   // 2·d columns
///     try fitted.featureNamesOut(nil)                   // ["scaled__x0", ..., "raw__x0", ...]
public struct FeatureUnion<First: TransformerEstimator, Last: TransformerEstimator>: Estimator,
  TransformerEstimator
{
  /// The first member.
  public var first: First
  /// The second member.
  public var last: Last
  /// The name of ``first``; `nil` means the lowercased type name (or no prefix when
  /// ``first`` is a nested union).
  public var firstName: String?
  /// The name of ``last``; `nil` means the lowercased type name.
  public var lastName: String?

  /// Joins two transformers.
  ///
  /// - Parameters:
  ///   - first: The first member.
  ///   - last: The second member.
  public init(_ first: First, _ last: Last) {
    self.first = first
    self.last = last
  }

  /// Builds a union of any number of members, one per line.
  ///
  /// - Parameter members: The members; wrap one in ``Named`` to name it.
  public init(@FeatureUnionBuilder _ members: () -> FeatureUnion<First, Last>) {
    self = members()
  }

  /// Validates both members and that member names are unique.
  ///
  /// - Throws: `LearnError.invalidParameter` from a member, or naming `transformerList` when
  ///   two members share a name.
  public func validateHyperparameters() throws {
    try first.validateHyperparameters()
    try last.validateHyperparameters()
    let names = stepNames
    if let repeated = firstRepeatedName(names) {
      throw LearnError.invalidParameter(
        estimator: "FeatureUnion", name: "transformerList", value: "\(names)",
        expected: "unique member names; '\(repeated)' is used twice")
    }
  }

  /// The capabilities both members share.
  public static var capabilities: Capabilities {
    let a = First.capabilities
    let b = Last.capabilities
    return Capabilities(
      allowsMissingValues: a.allowsMissingValues && b.allowsMissingValues,
      requiresNonNegativeInput: a.requiresNonNegativeInput || b.requiresNonNegativeInput,
      isDeterministic: a.isDeterministic && b.isDeterministic)
  }

  /// `FeatureUnion(a, b)` with each member's description (and names when set).
  public var description: String {
    let a = firstName.map { "\($0): \(first)" } ?? "\(first)"
    let b = lastName.map { "\($0): \(last)" } ?? "\(last)"
    return "FeatureUnion(\(a), \(b))"
  }

  /// Fits both members on `x`.
  ///
  /// - Parameter x: The training features.
  /// - Returns: The fitted union.
  /// - Throws: whatever a member throws.
  public func fit(_ x: Matrix) throws -> FittedFeatureUnion<First.Fitted, Last.Fitted> {
    try fitTransform(x).fitted
  }

  /// Fits both members with their own (possibly fused) `fitTransform` and joins the outputs.
  ///
  /// - Parameter x: The training features.
  /// - Returns: The fitted union and the joined output.
  /// - Throws: whatever a member throws.
  public func fitTransform(_ x: Matrix) throws -> (
    fitted: FittedFeatureUnion<First.Fitted, Last.Fitted>, output: Matrix
  ) {
    try validateHyperparameters()
    let (a, left) = try first.fitTransform(x)
    let (b, right) = try last.fitTransform(x)
    let transparent = firstName == nil && first is any UnionFlattening
    // The names come from the outermost union, so repeated default names are numbered
    // across the whole union (`standardscaler-1`, ..., `standardscaler-3`).
    let fitted = FittedFeatureUnion(
      first: a, last: b, firstPrefix: transparent ? nil : "", lastPrefix: ""
    ).withPrefixes(stepNames[...])
    return (fitted, try left.appendingColumns(right))
  }
}

/// Marks feature unions, whose nested copies are transparent.
protocol UnionFlattening {}
extension FeatureUnion: UnionFlattening {}

extension FeatureUnion: Equatable where First: Equatable, Last: Equatable {}
extension FeatureUnion: Hashable where First: Hashable, Last: Hashable {}
extension FeatureUnion: Codable where First: Codable, Last: Codable {}

extension FeatureUnion: DefaultInitializable
where First: DefaultInitializable, Last: DefaultInitializable {
  /// Both members with their defaults.
  public init() { self.init(First(), Last()) }
}

extension FeatureUnion: FlatteningSteps {
  var flatSteps: [(keyPath: AnyKeyPath, name: String, isDefault: Bool)] {
    sideSteps(\Self.first, first, name: firstName) + sideSteps(\Self.last, last, name: lastName)
  }
}

extension FeatureUnion: StepContainer {
  /// Every member, flattened through nested unions, with default names where none was given.
  public var namedSteps: [(keyPath: AnyKeyPath, name: String)] { deduplicated(flatSteps) }
}

/// A fitted ``FeatureUnion``: both fitted members and the prefixes of their output names.
public struct FittedFeatureUnion<First: Transformer, Last: Transformer>: Transformer {
  /// The fitted first member.
  public let first: First
  /// The fitted second member.
  public let last: Last
  /// The prefix of the first member's output names; `nil` for a nested union, whose names
  /// are already prefixed.
  public let firstPrefix: String?
  /// The prefix of the second member's output names.
  public let lastPrefix: String

  /// Joins two fitted members with the same input width.
  ///
  /// - Parameters:
  ///   - first: The fitted first member.
  ///   - last: The fitted second member.
  ///   - firstPrefix: The first member's name prefix, `nil` for none.
  ///   - lastPrefix: The second member's name prefix.
  public init(first: First, last: Last, firstPrefix: String?, lastPrefix: String) {
    self.first = first
    self.last = last
    self.firstPrefix = firstPrefix
    self.lastPrefix = lastPrefix
  }

  /// The input width (both members share it).
  public var featureCount: Int { first.featureCount }

  /// The sum of both members' output widths.
  public var outputFeatureCount: Int { first.outputFeatureCount + last.outputFeatureCount }

  /// Both members' outputs side by side.
  ///
  /// - Parameter x: The features.
  /// - Returns: The joined output.
  /// - Throws: whatever a member throws (`LearnError.featureCountMismatch` first).
  public func transform(_ x: Matrix) throws -> Matrix {
    try first.transform(x).appendingColumns(try last.transform(x))
  }

  /// Each member's names with its prefix: `"name__feature"`.
  ///
  /// - Parameter inputFeatures: The input names; `nil` means `x0, x1, ...`.
  /// - Returns: The output names.
  /// - Throws: `LearnError.lengthMismatch` for the wrong number of input names.
  public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
    let a = try first.featureNamesOut(inputFeatures)
    let b = try last.featureNamesOut(inputFeatures)
    return (firstPrefix.map { p in a.map { "\(p)__\($0)" } } ?? a)
      + b.map { "\(lastPrefix)__\($0)" }
  }

  enum CodingKeys: String, CodingKey { case first, last, firstPrefix, lastPrefix }

  /// Decodes both members and checks that they share their input width.
  ///
  /// - Throws: `DecodingError` when the members' input widths differ.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let first = try c.decode(First.self, forKey: .first)
    let last = try c.decode(Last.self, forKey: .last)
    try requireDecoded(
      first.featureCount == last.featureCount,
      "the members expect \(first.featureCount) and \(last.featureCount) features",
      codingPath: c.codingPath)
    self.init(
      first: first, last: last,
      firstPrefix: try c.decodeIfPresent(String.self, forKey: .firstPrefix),
      lastPrefix: try c.decode(String.self, forKey: .lastPrefix))
  }

  /// Encodes both members and the prefixes.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(first, forKey: .first)
    try c.encode(last, forKey: .last)
    try c.encodeIfPresent(firstPrefix, forKey: .firstPrefix)
    try c.encode(lastPrefix, forKey: .lastPrefix)
  }
}

extension FittedFeatureUnion: Equatable where First: Equatable, Last: Equatable {}

/// A fitted union whose member prefixes can be set from the outermost union's names.
protocol PrefixRenaming {
  /// The number of prefixed members, counting through transparent nested unions.
  var memberCount: Int { get }
  /// A copy with the members' prefixes taken from `prefixes`, in order.
  func withPrefixes(_ prefixes: ArraySlice<String>) -> Self
}

extension FittedFeatureUnion: PrefixRenaming {
  var memberCount: Int {
    guard firstPrefix == nil, let nested = first as? any PrefixRenaming else { return 2 }
    return nested.memberCount + 1
  }

  func withPrefixes(_ prefixes: ArraySlice<String>) -> Self {
    guard let lastName = prefixes.last else { return self }
    if firstPrefix == nil, let nested = first as? any PrefixRenaming {
      let renamed = nested.withPrefixes(prefixes.dropLast())
      return FittedFeatureUnion(
        first: renamed as? First ?? first, last: last, firstPrefix: nil, lastPrefix: lastName)
    }
    return FittedFeatureUnion(
      first: first, last: last, firstPrefix: prefixes.first ?? lastName, lastPrefix: lastName)
  }
}
extension FittedFeatureUnion: Hashable where First: Hashable, Last: Hashable {}

/// The result builder behind `FeatureUnion { ... }`: one member per line.
///
/// scikit-learn: `make_union(a, b, c)`.
@resultBuilder
public enum FeatureUnionBuilder {
  /// Lifts a transformer into an unnamed member.
  ///
  /// - Parameter member: The transformer.
  /// - Returns: The unnamed member.
  public static func buildExpression<E: TransformerEstimator>(_ member: E) -> Named<E> {
    Named(unnamed: member)
  }

  /// Keeps a named member.
  ///
  /// - Parameter member: The named member.
  /// - Returns: The same member.
  public static func buildExpression<E: TransformerEstimator>(_ member: Named<E>) -> Named<E> {
    member
  }

  /// The first member.
  ///
  /// - Parameter first: The first member.
  /// - Returns: The same member.
  public static func buildPartialBlock<E: TransformerEstimator>(first: Named<E>) -> Named<E> {
    first
  }

  /// Joins the first two members.
  ///
  /// - Parameters:
  ///   - accumulated: The first member.
  ///   - next: The second member.
  /// - Returns: A union of two.
  public static func buildPartialBlock<A: TransformerEstimator, N: TransformerEstimator>(
    accumulated: Named<A>, next: Named<N>
  ) -> FeatureUnion<A, N> {
    var union = FeatureUnion(accumulated.step, next.step)
    union.firstName = accumulated.name
    union.lastName = next.name
    return union
  }

  /// Adds a member to a union.
  ///
  /// - Parameters:
  ///   - accumulated: The union so far.
  ///   - next: The next member.
  /// - Returns: The larger union.
  public static func buildPartialBlock<
    A: TransformerEstimator, B: TransformerEstimator, N: TransformerEstimator
  >(accumulated: FeatureUnion<A, B>, next: Named<N>) -> FeatureUnion<FeatureUnion<A, B>, N> {
    var union = FeatureUnion(accumulated, next.step)
    union.lastName = next.name
    return union
  }
}

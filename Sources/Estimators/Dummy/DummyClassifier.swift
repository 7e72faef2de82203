import LinearAlgebra
import SwiftLearnCore

/// A classifier that ignores the features: the baseline every real model must beat.
///
/// It learns only the (weighted) class frequencies and predicts from them according to
/// ``Strategy``. Features are checked for shape but their values are not used, so NaN is
/// accepted.
///
/// scikit-learn: `sklearn.dummy.DummyClassifier`; defaults match scikit-learn 1.9
/// (`strategy="prior"`). The label type is generic and inferred from `y`:
///
///     let baseline = try DummyClassifier(strategy: .mostFrequent).fit(x, labels)
///     let accuracy = try baseline.score(xTest, labelsTest)
///
/// - Complexity: O(n) to fit; O(n·k) to predict probabilities for `k` classes.
public struct DummyClassifier<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// How predictions are made (scikit-learn's `strategy`, with its spellings as raw values).
  public enum Strategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Always the most frequent class; probabilities are one-hot on it.
    case mostFrequent = "most_frequent"
    /// Always the most frequent class; probabilities are the class frequencies.
    case prior
    /// Random classes drawn with the class frequencies; probabilities are one-hot draws.
    case stratified
    /// Random classes drawn uniformly; probabilities are `1/k`.
    case uniform
    /// Always ``DummyClassifier/constant``, which must be a training label.
    case constant
  }

  /// The prediction strategy.
  public var strategy: Strategy
  /// The label predicted by ``Strategy/constant``.
  public var constant: Label?
  /// Seed for the `stratified` and `uniform` strategies (scikit-learn's `random_state`);
  /// `nil` draws one at fit and records it in ``Fitted/seedUsed``.
  public var seed: UInt64?

  /// Creates the baseline; every argument defaults to scikit-learn's value.
  public init(strategy: Strategy = .prior, constant: Label? = nil, seed: UInt64? = nil) {
    self.strategy = strategy
    self.constant = constant
    self.seed = seed
  }

  public init() { self.init(strategy: .prior) }

  /// Feature values are never read, so NaN is accepted; weights are supported.
  public static var capabilities: Capabilities {
    Capabilities(allowsMissingValues: true, supportsSampleWeight: true)
  }

  /// `constant` must be set for the constant strategy.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)`.
  public func validateHyperparameters() throws {
    if strategy == .constant && constant == nil {
      throw LearnError.invalidParameter(
        estimator: "DummyClassifier", name: "constant", value: "nil",
        expected: "a label when strategy is .constant")
    }
  }

  /// Learns the sorted classes and their (weighted) frequencies.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` when the constant
  ///   is missing or not among the training labels; input errors as usual.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    try Validate.labels(y, sampleCount: x.rowCount)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    let counts = encoding.classCounts(try encoding.encode(y), sampleWeight: weights)
    let total = counts.reduce(0, +)
    var constantCode: Int? = nil
    if strategy == .constant, let constant {
      guard let code = encoding.code(of: constant) else {
        throw LearnError.invalidParameter(
          estimator: "DummyClassifier", name: "constant", value: "\(constant)",
          expected: "one of the training labels \(encoding.classes)")
      }
      constantCode = code
    }
    return Fitted(
      featureCount: x.columnCount, encoding: encoding, classPrior: counts.map { $0 / total },
      strategy: strategy, constantCode: constantCode,
      seedUsed: seed ?? SeededGenerator.randomSeed())
  }

  /// A fitted ``DummyClassifier``.
  public struct Fitted: ProbabilisticClassifier, Hashable {
    /// The number of features seen during fit.
    public let featureCount: Int
    /// The label codec; its classes are ``classes``.
    public let encoding: LabelEncoding<Label>
    /// The (weighted) frequency of each class in ``classes`` order (scikit-learn's
    /// `class_prior_`).
    public let classPrior: [Double]
    /// The strategy used.
    public let strategy: Strategy
    let constantCode: Int?
    /// The seed used for random strategies.
    public let seedUsed: UInt64

    init(
      featureCount: Int, encoding: LabelEncoding<Label>, classPrior: [Double],
      strategy: Strategy, constantCode: Int?, seedUsed: UInt64
    ) {
      self.featureCount = featureCount
      self.encoding = encoding
      self.classPrior = classPrior
      self.strategy = strategy
      self.constantCode = constantCode
      self.seedUsed = seedUsed
    }

    /// The sorted distinct training labels (scikit-learn's `classes_`).
    public var classes: [Label] { encoding.classes }

    /// The most frequent class's code; ties go to the smallest label, like `numpy.argmax`.
    var majority: Int {
      var best = 0
      for k in 1..<max(classPrior.count, 1) where classPrior[k] > classPrior[best] { best = k }
      return best
    }

    /// Predictions by the strategy; the random strategies restart from ``seedUsed`` on every
    /// call, so the same rows give the same answers.
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predict(_ x: Matrix) throws -> [Label] {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let n = x.rowCount
      let codes: [Int]
      switch strategy {
      case .mostFrequent, .prior:
        codes = [Int](repeating: majority, count: n)
      case .constant:
        codes = [Int](repeating: constantCode ?? majority, count: n)
      case .uniform:
        var rng = SeededGenerator(seed: seedUsed)
        codes = (0..<n).map { _ in rng.nextInt(below: classes.count) }
      case .stratified:
        codes = try predictProbabilities(x).argmax(.perRow)
      }
      return try encoding.decode(codes)
    }

    /// Probabilities by the strategy (see ``Strategy``).
    ///
    /// - Throws: `LearnError.featureCountMismatch(expected:got:)` and input errors.
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let n = x.rowCount
      let k = classes.count
      var out = Matrix.zeros(n, k)
      var rng = SeededGenerator(seed: seedUsed)
      out.withUnsafeMutableStorage { p in
        for i in 0..<n {
          switch strategy {
          case .mostFrequent: p[i * k + majority] = 1
          case .constant: p[i * k + (constantCode ?? majority)] = 1
          case .prior: for c in 0..<k { p[i * k + c] = classPrior[c] }
          case .uniform: for c in 0..<k { p[i * k + c] = 1 / Double(k) }
          case .stratified:
            let u = rng.nextUniform()
            var cumulative = 0.0
            var chosen = k - 1
            for c in 0..<k {
              cumulative += classPrior[c]
              if u < cumulative {
                chosen = c
                break
              }
            }
            p[i * k + chosen] = 1
          }
        }
      }
      return out
    }
  }
}

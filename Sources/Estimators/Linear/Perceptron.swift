import LinearAlgebra
import SwiftLearnCore

/// The perceptron: a linear classifier updated on every misclassified sample.
///
/// The same model as ``SGDClassifier`` with the perceptron loss `max(0, −y·f)`, a constant
/// learning rate ``eta0`` and no penalty by default. Multiclass problems are one-vs-rest.
///
/// scikit-learn: `sklearn.linear_model.Perceptron`; defaults match scikit-learn 1.9
/// (`penalty=None`, `alpha` 1e-4, `l1Ratio` 0.15, `maxIter` 1000, `tol` 1e-3, `eta0` 1,
/// `random_state=0`, so the default is deterministic).
///
///     let model = try Perceptron<Int>().fit(x, labels)
///
/// - Complexity: O(epochs·n·d) per class.
public struct Perceptron<Label: ClassLabel>: Classifier, SampleWeightedEstimator,
  IncrementalEstimator, RandomizedEstimator, DefaultInitializable, Hashable, Codable
{
  /// The fitted model: a linear classifier trained with the perceptron loss.
  public typealias Fitted = SGDClassifier<Label>.Fitted

  /// The penalty, `nil` for none (scikit-learn's `penalty`, default `None`).
  public var penalty: SGDPenalty?
  /// The penalty strength (scikit-learn's `alpha`, default 1e-4).
  public var alpha: Double
  /// The L1 share of the elastic-net penalty (scikit-learn's `l1_ratio`, default 0.15).
  public var l1Ratio: Double
  /// Whether to fit an intercept (scikit-learn's `fit_intercept`, default true).
  public var fitIntercept: Bool
  /// The maximum number of epochs (scikit-learn's `max_iter`, default 1000).
  public var maxIter: Int
  /// The stopping tolerance, `nil` for none (scikit-learn's `tol`, default 1e-3).
  public var tol: Double?
  /// Whether to shuffle the rows before each epoch (scikit-learn's `shuffle`, default true).
  public var shuffle: Bool
  /// The constant learning rate (scikit-learn's `eta0`, default 1).
  public var eta0: Double
  /// The seed for shuffling (scikit-learn's `random_state`, default 0).
  public var seed: UInt64?
  /// Whether to stop on a held-out accuracy (scikit-learn's `early_stopping`, default false).
  public var earlyStopping: Bool
  /// The held-out share for early stopping (scikit-learn's `validation_fraction`, default 0.1).
  public var validationFraction: Double
  /// Epochs without improvement before stopping (scikit-learn's `n_iter_no_change`, default 5).
  public var nIterNoChange: Int
  /// Per-class weights, `nil` for all ones (scikit-learn's `class_weight`).
  public var classWeight: SGDClassifier<Label>.ClassWeight?

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - penalty: The penalty, `nil` for none.
  ///   - alpha: The penalty strength.
  ///   - l1Ratio: The elastic-net mixing.
  ///   - fitIntercept: Whether to fit an intercept.
  ///   - maxIter: The maximum number of epochs.
  ///   - tol: The stopping tolerance, `nil` for none.
  ///   - shuffle: Whether to shuffle before each epoch.
  ///   - eta0: The constant learning rate.
  ///   - seed: The random seed.
  ///   - earlyStopping: Whether to stop on a validation score.
  ///   - validationFraction: The validation share.
  ///   - nIterNoChange: The patience in epochs.
  ///   - classWeight: Per-class weights.
  public init(
    penalty: SGDPenalty? = nil, alpha: Double = 1e-4, l1Ratio: Double = 0.15,
    fitIntercept: Bool = true, maxIter: Int = 1000, tol: Double? = 1e-3, shuffle: Bool = true,
    eta0: Double = 1, seed: UInt64? = 0, earlyStopping: Bool = false,
    validationFraction: Double = 0.1, nIterNoChange: Int = 5,
    classWeight: SGDClassifier<Label>.ClassWeight? = nil
  ) {
    self.penalty = penalty
    self.alpha = alpha
    self.l1Ratio = l1Ratio
    self.fitIntercept = fitIntercept
    self.maxIter = maxIter
    self.tol = tol
    self.shuffle = shuffle
    self.eta0 = eta0
    self.seed = seed
    self.earlyStopping = earlyStopping
    self.validationFraction = validationFraction
    self.nIterNoChange = nIterNoChange
    self.classWeight = classWeight
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(penalty: nil) }

  /// Accepts sample weights; deterministic with the default seed 0.
  public static var capabilities: Capabilities {
    Capabilities(isDeterministic: false, supportsSampleWeight: true)
  }

  /// The equivalent ``SGDClassifier``.
  public var sgd: SGDClassifier<Label> {
    SGDClassifier(
      loss: .perceptron, penalty: penalty, alpha: alpha, l1Ratio: l1Ratio,
      fitIntercept: fitIntercept, maxIter: maxIter, tol: tol, shuffle: shuffle, seed: seed,
      learningRate: .constant, eta0: eta0, earlyStopping: earlyStopping,
      validationFraction: validationFraction, nIterNoChange: nIterNoChange,
      classWeight: classWeight)
  }

  /// Checks every hyperparameter's range.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter, as ``SGDClassifier/validateHyperparameters()``.
  public func validateHyperparameters() throws {
    do {
      try sgd.validateHyperparameters()
    } catch let LearnError.invalidParameter(_, name, value, expected) {
      throw LearnError.invalidParameter(
        estimator: "Perceptron", name: name, value: value, expected: expected)
    }
  }

  /// Fits the perceptron.
  ///
  /// - Throws: as ``SGDClassifier/fit(_:_:sampleWeight:)``.
  public func fit(_ x: Matrix, _ y: [Label], sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    return try sgd.fit(x, y, sampleWeight: sampleWeight)
  }

  /// One epoch on a chunk (scikit-learn's `partial_fit`).
  ///
  /// - Throws: as ``SGDClassifier/partialFit(_:_:updating:)``.
  public func partialFit(_ x: Matrix, _ y: [Label], updating fitted: Fitted?) throws -> Fitted {
    try validateHyperparameters()
    return try sgd.partialFit(x, y, updating: fitted)
  }

  /// One epoch on a chunk with the stream's classes and optional weights.
  ///
  /// - Parameters:
  ///   - x: The chunk's features.
  ///   - y: The chunk's labels.
  ///   - classes: Every class of the stream, `nil` for the first chunk's labels.
  ///   - sampleWeight: Optional row weights.
  ///   - fitted: The model so far, `nil` to start.
  /// - Throws: as ``SGDClassifier/partialFit(_:_:classes:sampleWeight:updating:)``.
  public func partialFit(
    _ x: Matrix, _ y: [Label], classes: [Label]?, sampleWeight: [Double]? = nil,
    updating fitted: Fitted?
  ) throws -> Fitted {
    try validateHyperparameters()
    return try sgd.partialFit(
      x, y, classes: classes, sampleWeight: sampleWeight, updating: fitted)
  }
}

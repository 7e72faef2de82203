import Foundation
import LinearAlgebra

// The one protocol family every SwiftLearn estimator, transformer and pipeline conforms to.
//
// An estimator is a struct of hyperparameters; `fit` is non-mutating and returns a separate
// fitted value, so "predict before fit" cannot be written. Capabilities are refinements: a
// method exists only on the types where it means something. See Docs/Architecture.md.

/// A learning algorithm described by its hyperparameters.
///
/// Conforming types are value types holding only hyperparameters; copying one is
/// scikit-learn's `clone`. Initialisers never throw: ranges are checked by
/// ``validateHyperparameters()`` at the start of `fit`, and errors name the parameter.
public protocol Estimator: Sendable, CustomStringConvertible {
  /// Checks every hyperparameter's range and throws ``LearnError/invalidParameter(estimator:name:value:expected:)``
  /// naming the first one out of range. Called by `fit` before any work.
  func validateHyperparameters() throws

  /// What the estimator accepts and guarantees; the common checks read it to choose checks.
  static var capabilities: Capabilities { get }
}

extension Estimator {
  /// By default every hyperparameter value is valid.
  public func validateHyperparameters() throws {}

  /// The default capabilities: finite dense input, deterministic, multiclass where relevant.
  public static var capabilities: Capabilities { Capabilities() }
}

/// An estimator whose every hyperparameter has a default, so `init()` builds it.
///
/// Conforming also gives ``Estimator`` a `description` that lists only the hyperparameters
/// that differ from the defaults, like scikit-learn's `repr`: `StandardScaler(withMean: false)`.
public protocol DefaultInitializable {
  /// Creates the estimator with scikit-learn's default hyperparameters.
  init()
}

extension Estimator where Self: DefaultInitializable {
  /// The type name and the hyperparameters that differ from their defaults.
  public var description: String { describeHyperparameters(of: self, defaults: Self()) }
}

/// A fitted model: the learned state of an estimator, immutable and saveable.
///
/// Every fitted model remembers the number of features it was fitted on and checks it on every
/// call. It is `Codable`; ``save(to:)`` and ``load(from:)`` wrap it in a versioned envelope.
public protocol FittedModel: Sendable, Codable {
  /// The number of input features seen during fit (scikit-learn's `n_features_in_`).
  var featureCount: Int { get }
}

/// A fitted model that predicts from a feature matrix.
public protocol Predictor<Prediction>: FittedModel {
  /// What `predict` returns: `[Double]` for regressors, `[Label]` for classifiers.
  associatedtype Prediction: Sendable
  /// Predicts one output per row of `x`.
  ///
  /// - Throws: ``LearnError/featureCountMismatch(expected:got:)`` when `x` has a different
  ///   number of columns than the training data; ``LearnError/nonFinite(input:row:column:)``.
  func predict(_ x: Matrix) throws -> Prediction
}

/// An estimator fitted on features and a target, returning a ``Predictor``.
public protocol SupervisedEstimator<Target, Fitted>: Estimator {
  /// The training target: `[Double]` for regression, `[Label]` for classification.
  associatedtype Target: Sendable
  /// The fitted model's type.
  associatedtype Fitted: Predictor
  /// Fits the model. Non-mutating: the estimator is unchanged and can be fitted again.
  func fit(_ x: Matrix, _ y: Target) throws -> Fitted
}

/// A supervised estimator that accepts per-sample weights.
///
/// Weights must be finite, non-negative and not all zero; an integer weight `k` is equivalent
/// to repeating the row `k` times, and weight 0 to removing it.
public protocol SampleWeightedEstimator<Target, Fitted>: SupervisedEstimator {
  /// Fits with optional per-sample weights (`nil` means all ones).
  func fit(_ x: Matrix, _ y: Target, sampleWeight: [Double]?) throws -> Fitted
}

extension SampleWeightedEstimator {
  /// Fits with unit weights.
  public func fit(_ x: Matrix, _ y: Target) throws -> Fitted {
    try fit(x, y, sampleWeight: nil)
  }
}

/// A fitted model that predicts continuous values.
public protocol FittedRegressor: Predictor where Prediction == [Double] {}

/// An estimator for regression: the target and the predictions are `[Double]`.
public protocol Regressor<Fitted>: SupervisedEstimator
where Target == [Double], Fitted: FittedRegressor {}

/// A class label: `Int` and `String` conform; so can any user type with a total order.
///
/// `classes` on a fitted classifier are sorted by this order, like scikit-learn's `classes_`.
public protocol ClassLabel: Hashable, Comparable, Sendable, Codable {}

extension Int: ClassLabel {}
extension String: ClassLabel {}

/// A fitted classifier; predictions come back in the label type used for training.
public protocol FittedClassifier<Label>: Predictor where Prediction == [Label] {
  /// The label type.
  associatedtype Label: ClassLabel
  /// The sorted distinct labels seen during fit (scikit-learn's `classes_`).
  var classes: [Label] { get }
}

/// An estimator for classification with labels of any ``ClassLabel`` type.
///
/// Classifiers are generic over the label type, so `fit` on `[String]` returns a model whose
/// `predict` returns `[String]`; the type is inferred from the call:
/// `try DummyClassifier().fit(x, ["yes", "no", ...])`.
public protocol Classifier<Label, Fitted>: SupervisedEstimator
where Target == [Label], Fitted: FittedClassifier, Fitted.Label == Label {
  /// The label type.
  associatedtype Label: ClassLabel
}

/// A fitted classifier that gives class probabilities.
public protocol ProbabilisticClassifier<Label>: FittedClassifier {
  /// One row per sample, one column per class in ``FittedClassifier/classes`` order; each row
  /// sums to 1 (scikit-learn's `predict_proba`).
  func predictProbabilities(_ x: Matrix) throws -> Matrix
  /// The natural logarithm of ``predictProbabilities(_:)`` (scikit-learn's `predict_log_proba`).
  func predictLogProbabilities(_ x: Matrix) throws -> Matrix
}

extension ProbabilisticClassifier {
  /// `log` of the probabilities, elementwise.
  public func predictLogProbabilities(_ x: Matrix) throws -> Matrix {
    try predictProbabilities(x).map { Foundation.log($0) }
  }
}

/// A fitted model with a real-valued decision function (scikit-learn's `decision_function`).
public protocol DecisionFunctionProviding: FittedModel {
  /// One row per sample; one column for binary problems and regressors of a margin, one column
  /// per class otherwise.
  func decisionFunction(_ x: Matrix) throws -> Matrix
}

/// A fitted transformation from one feature matrix to another.
public protocol Transformer: FittedModel {
  /// The number of output columns of ``transform(_:)``.
  var outputFeatureCount: Int { get }
  /// Applies the learned transformation to every row of `x`.
  ///
  /// - Throws: ``LearnError/featureCountMismatch(expected:got:)`` and input errors.
  func transform(_ x: Matrix) throws -> Matrix
  /// The names of the output columns given the input names (scikit-learn's
  /// `get_feature_names_out`); `nil` input names mean `x0, x1, ...`.
  ///
  /// - Throws: ``LearnError/lengthMismatch(input:expected:got:)`` when the input names do not
  ///   match ``FittedModel/featureCount``.
  func featureNamesOut(_ inputFeatures: [String]?) throws -> [String]
}

/// A transformer that can map its output back to the input space.
public protocol InvertibleTransformer: Transformer {
  /// Maps transformed rows back (scikit-learn's `inverse_transform`).
  func inverseTransform(_ x: Matrix) throws -> Matrix
}

/// An estimator that learns a ``Transformer`` from features alone.
public protocol TransformerEstimator<Fitted>: Estimator {
  /// The fitted transformer's type.
  associatedtype Fitted: Transformer
  /// Learns the transformation from `x`.
  func fit(_ x: Matrix) throws -> Fitted
  /// Fits and transforms `x` in one call; an estimator may override it with a fused pass.
  func fitTransform(_ x: Matrix) throws -> (fitted: Fitted, output: Matrix)
}

extension TransformerEstimator {
  /// Fits, then transforms the same data.
  public func fitTransform(_ x: Matrix) throws -> (fitted: Fitted, output: Matrix) {
    let fitted = try fit(x)
    return (fitted, try fitted.transform(x))
  }
}

/// A transformer estimator that accepts per-sample weights.
public protocol SampleWeightedTransformerEstimator<Fitted>: TransformerEstimator {
  /// Learns the transformation from `x` with optional per-sample weights.
  func fit(_ x: Matrix, sampleWeight: [Double]?) throws -> Fitted
}

extension SampleWeightedTransformerEstimator {
  /// Fits with unit weights.
  public func fit(_ x: Matrix) throws -> Fitted { try fit(x, sampleWeight: nil) }
}

/// A supervised estimator that can also learn from data arriving in chunks
/// (scikit-learn's `partial_fit`).
public protocol IncrementalEstimator<Target, Fitted>: SupervisedEstimator {
  /// Updates `fitted` (or starts a new model when `nil`) with one more chunk of data and
  /// returns the updated model. A chunk with a different feature count throws
  /// ``LearnError/featureCountMismatch(expected:got:)``.
  func partialFit(_ x: Matrix, _ y: Target, updating fitted: Fitted?) throws -> Fitted
}

/// An estimator whose fit uses randomness; the same seed gives the same model.
public protocol RandomizedEstimator: Estimator {
  /// The seed (scikit-learn's `random_state`); `nil` draws one from the system, and the
  /// fitted model records the seed it used.
  var seed: UInt64? { get set }
}

/// A fitted clustering: labels for the training rows.
public protocol FittedClusterer: FittedModel {
  /// The cluster index of each training row (`-1` for noise where the algorithm has it).
  var labels: [Int] { get }
}

/// A clustering algorithm (scikit-learn's `ClusterMixin`).
public protocol Clusterer<Fitted>: Estimator {
  /// The fitted clustering's type.
  associatedtype Fitted: FittedClusterer
  /// Clusters the rows of `x`.
  func fit(_ x: Matrix) throws -> Fitted
}

import Foundation
import LinearAlgebra
import Metrics
import SwiftLearnCore

/// How ``CalibratedClassifierCV`` maps model outputs to probabilities (scikit-learn's
/// `method`).
public enum CalibrationMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Platt's logistic sigmoid (`"sigmoid"`, the default).
  case sigmoid
  /// Isotonic regression (`"isotonic"`); needs more data than the sigmoid.
  case isotonic
}

/// A classifier whose probabilities are calibrated by cross-validation.
///
/// For each split of `cv`, the wrapped classifier is fitted on the training rows and a
/// calibrator is fitted on its outputs for the validation rows: Platt's sigmoid
/// `1 / (1 + exp(a·f + b))` or an isotonic (non-decreasing, piecewise linear) map. The output
/// `f` is the decision function when the fitted model has one, otherwise the probability,
/// as scikit-learn's `response_method` preference. Binary problems calibrate the greater
/// class; multiclass problems calibrate each class one-vs-rest and renormalize the rows. The
/// calibrated probabilities average the `splits` (model, calibrator) pairs (`ensemble=True`).
///
/// The sigmoid is fitted as in scikit-learn 1.9: Platt's smoothed targets
/// `(N₊ + 1)/(N₊ + 2)` and `1/(N₋ + 2)`, outputs scaled by `max |f|` when that exceeds 30,
/// the log loss minimized from `a = 0, b = log((N₋ + 1)/(N₊ + 1))` — here by Newton's method
/// to convergence, where scikit-learn stops L-BFGS at a gradient of 1e-6, so `a` and `b`
/// agree to about 1e-5. Isotonic regression uses pool-adjacent-violators with ties averaged,
/// and clips outside the fitted range (`out_of_bounds="clip"`).
///
/// scikit-learn: `CalibratedClassifierCV(estimator, method="sigmoid", cv=None, ensemble=True)`.
///
///     let calibrated = try CalibratedClassifierCV(DummyClassifier<Int>(), method: .isotonic)
///       .fit(x, y)
///     let p = try calibrated.predictProbabilities(xTest)
public struct CalibratedClassifierCV<Base: Classifier>: Classifier
where Base.Fitted: ProbabilisticClassifier {
  /// The label type.
  public typealias Label = Base.Label

  /// The calibration method.
  public typealias Method = CalibrationMethod

  /// The wrapped classifier.
  public var estimator: Base
  /// The calibration method (default ``CalibrationMethod/sigmoid``).
  public var method: Method
  /// The splitter; `nil` means `StratifiedKFold(splitCount: 5)`.
  public var cv: (any Splitter)?
  /// Run the splits concurrently (default `true`).
  public var parallel: Bool

  /// Wraps `estimator`.
  ///
  /// - Parameters:
  ///   - estimator: The classifier.
  ///   - method: The calibration method (default `.sigmoid`).
  ///   - cv: The splitter (default `nil`: stratified 5-fold).
  ///   - parallel: Run the splits concurrently (default `true`).
  public init(
    _ estimator: Base, method: Method = .sigmoid, cv: (any Splitter)? = nil, parallel: Bool = true
  ) {
    self.estimator = estimator
    self.method = method
    self.cv = cv
    self.parallel = parallel
  }

  /// The type name, the wrapped model and the settings that differ from the defaults.
  public var description: String {
    wrapperDescription(of: self, defaults: Self(estimator), wrapped: estimator)
  }

  /// The wrapped model's capabilities.
  public static var capabilities: Capabilities { Base.capabilities }

  /// Checks the wrapped model's hyperparameters.
  ///
  /// - Throws: the wrapped model's `LearnError.invalidParameter`.
  public func validateHyperparameters() throws { try estimator.validateHyperparameters() }

  /// Fits one (model, calibrator) pair per split.
  ///
  /// - Parameters:
  ///   - x: The features.
  ///   - y: The labels (at least two classes).
  /// - Returns: The calibrated ensemble.
  /// - Throws: `LearnError.tooFewClasses` for one class; input, splitter and wrapped model
  ///   errors.
  /// - Complexity: `splits` fits plus the calibrators (O(n log n) each).
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    try validateWrapperInput(x, allowsMissingValues: Base.capabilities.allowsMissingValues)
    guard y.count == x.rowCount else {
      throw LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: y.count)
    }
    let classes = Array(Set(y)).sorted()
    guard classes.count >= 2 else { throw LearnError.tooFewClasses(found: classes.count) }
    let splitter: any Splitter = cv ?? StratifiedKFold()
    let splits = try SearchEngine.splits(
      x: x, y: y, cv: splitter, labels: SplitCodes.encode(y), groups: nil)
    let estimator = self.estimator
    let method = self.method
    let members = try FoldRunner.run(
      count: splits.count, parallel: parallel, progress: nil, cancellation: nil
    ) { f -> Fitted.Member in
      let split = splits[f]
      let fitted = try estimator.fit(try x.rows(split.train), split.train.map { y[$0] })
      let yVal = split.test.map { y[$0] }
      let outputs = try CalibrationResponse.outputs(
        fitted, try x.rows(split.test), allClasses: classes)
      var calibrators: [Calibrator] = []
      for (k, column) in outputs.enumerated() {
        let target = yVal.map { $0 == classes[outputs.count == 1 ? 1 : k] ? 1.0 : 0.0 }
        calibrators.append(try Calibrator.fit(method, outputs: column, targets: target))
      }
      return Fitted.Member(model: fitted, calibrators: calibrators)
    }
    return Fitted(classes: classes, members: members, method: method)
  }

  /// A fitted ``CalibratedClassifierCV``: one (model, calibrator) pair per split.
  public struct Fitted: ProbabilisticClassifier {
    /// One split's fitted model and its calibrators.
    public struct Member: Sendable, Codable {
      /// The wrapped model fitted on the split's training rows.
      public let model: Base.Fitted
      /// One calibrator for binary problems, one per class otherwise.
      public let calibrators: [Calibrator]
    }

    /// The sorted classes seen during fit.
    public let classes: [Label]
    /// The calibrated pairs (`calibrated_classifiers_`).
    public let members: [Member]
    /// The calibration method.
    public let method: Method

    /// The number of features seen during fit.
    public var featureCount: Int { members.first?.model.featureCount ?? 0 }

    /// The class with the highest calibrated probability (the first on ties).
    ///
    /// - Throws: the wrapped models' errors.
    /// - Complexity: one `predictProbabilities`.
    public func predict(_ x: Matrix) throws -> [Label] {
      let p = try predictProbabilities(x)
      return try p.argmax(.perRow).map { classes[$0] }
    }

    /// The calibrated probabilities averaged over the splits.
    ///
    /// - Throws: the wrapped models' errors.
    /// - Complexity: one prediction per split plus O(n · classes).
    public func predictProbabilities(_ x: Matrix) throws -> Matrix {
      let k = classes.count
      var sum = [Double](repeating: 0, count: x.rowCount * k)
      for member in members {
        let outputs = try CalibrationResponse.outputs(member.model, x, allClasses: classes)
        let calibrated = zip(member.calibrators, outputs).map { $0.predict($1) }
        guard calibrated.count == (k == 2 ? 1 : k),
          calibrated.allSatisfy({ $0.count == x.rowCount })
        else {
          throw LearnError.corruptModelFile(
            reason:
              "calibrated member has \(member.calibrators.count) calibrator(s) for \(k) classes")
        }
        for i in 0..<x.rowCount {
          if k == 2 {
            let p1 = calibrated[0][i]
            sum[i * 2] += 1 - p1
            sum[i * 2 + 1] += p1
          } else {
            var row = (0..<k).map { calibrated[$0][i] }
            let s = row.reduce(0, +)
            row = s > 0 ? row.map { $0 / s } : Array(repeating: 1 / Double(k), count: k)
            for j in 0..<k { sum[i * k + j] += row[j] }
          }
        }
      }
      guard !members.isEmpty else {
        throw LearnError.corruptModelFile(reason: "a calibrated classifier without members")
      }
      let m = Double(members.count)
      return try Matrix(rowCount: x.rowCount, columnCount: k, storage: sum.map { $0 / m })
    }
  }
}

/// The model outputs the calibrators see.
enum CalibrationResponse {
  /// One output column for binary problems (the greater class), one per class otherwise.
  /// Classes the model did not see in training get a constant 0 output.
  static func outputs<M: ProbabilisticClassifier>(
    _ model: M, _ x: Matrix, allClasses: [M.Label]
  ) throws -> [[Double]] {
    let response: Matrix
    // scikit-learn's response_method=("decision_function", "predict_proba").
    if let scored = model as? any DecisionFunctionProviding {
      response = try scored.decisionFunction(x)
    } else {
      response = try model.predictProbabilities(x)
    }
    let seen = model.classes
    if allClasses.count == 2 {
      if response.columnCount == 1 { return [try response.column(0)] }
      guard let j = seen.firstIndex(of: allClasses[1]) else {
        return [[Double](repeating: 0, count: x.rowCount)]
      }
      return [try response.column(j)]
    }
    return try allClasses.map { c in
      guard let j = seen.firstIndex(of: c), j < response.columnCount else {
        return [Double](repeating: 0, count: x.rowCount)
      }
      return try response.column(j)
    }
  }
}

/// A fitted one-dimensional probability calibrator.
public enum Calibrator: Sendable, Hashable, Codable {
  /// `p = 1 / (1 + exp(a·f + b))` (scikit-learn's `_SigmoidCalibration`, `a_`, `b_`).
  case sigmoid(a: Double, b: Double)
  /// Linear interpolation through increasing `(x, y)` knots, clipped at the ends
  /// (scikit-learn's `IsotonicRegression(out_of_bounds="clip")`).
  case isotonic(x: [Double], y: [Double])

  /// The calibrated probability of each output.
  ///
  /// - Parameter outputs: Model outputs.
  /// - Returns: Probabilities in `[0, 1]`.
  public func predict(_ outputs: [Double]) -> [Double] {
    switch self {
    case .sigmoid(let a, let b):
      return outputs.map { f in
        let z = -(a * f + b)
        return z >= 0 ? 1 / (1 + Foundation.exp(-z)) : Foundation.exp(z) / (1 + Foundation.exp(z))
      }
    case .isotonic(let xs, let ys):
      guard let lo = xs.first, let hi = xs.last else { return outputs.map { _ in 0.5 } }
      return BinaryResponse.interp(outputs.map { Swift.min(Swift.max($0, lo), hi) }, xs, ys)
    }
  }

  static func fit(_ method: CalibrationMethod, outputs: [Double], targets: [Double]) throws
    -> Calibrator
  {
    switch method {
    case .sigmoid: return try sigmoid(outputs, targets)
    case .isotonic: return isotonic(outputs, targets)
    }
  }

  /// Platt scaling as scikit-learn 1.9's `_sigmoid_calibration`, minimized by Newton's method.
  static func sigmoid(_ outputs: [Double], _ targets: [Double]) throws -> Calibrator {
    let maxAbs = outputs.map(abs).max() ?? 0
    let scale = maxAbs >= 30 ? maxAbs : 1
    let f = outputs.map { $0 / scale }
    let negatives = Double(targets.filter { $0 <= 0 }.count)
    let positives = Double(targets.count) - negatives
    let hiTarget = (positives + 1) / (positives + 2)
    let loTarget = 1 / (negatives + 2)
    let t = targets.map { $0 > 0 ? hiTarget : loTarget }
    // p = σ(−(a f + b)); the loss is Σ log-loss(t, p); gradient and Hessian in (a, b).
    var a = 0.0
    var b = Foundation.log((negatives + 1) / (positives + 1))
    func loss(_ a: Double, _ b: Double) -> Double {
      var l = 0.0
      for (fi, ti) in zip(f, t) {
        let raw = -(a * fi + b)
        // log(1 + exp(raw)) − t·raw, stably.
        let softplus =
          raw > 0
          ? raw + Foundation.log1p(Foundation.exp(-raw)) : Foundation.log1p(Foundation.exp(raw))
        l += softplus - ti * raw
      }
      return l
    }
    var current = loss(a, b)
    for _ in 0..<100 {
      var ga = 0.0
      var gb = 0.0
      var haa = 0.0
      var hab = 0.0
      var hbb = 0.0
      for (fi, ti) in zip(f, t) {
        let raw = -(a * fi + b)
        let p =
          raw >= 0
          ? 1 / (1 + Foundation.exp(-raw)) : Foundation.exp(raw) / (1 + Foundation.exp(raw))
        let g = p - ti  // d loss / d raw
        let h = p * (1 - p)
        ga -= g * fi
        gb -= g
        haa += h * fi * fi
        hab += h * fi
        hbb += h
      }
      let det = haa * hbb - hab * hab
      guard det > 0, det.isFinite else { break }
      let da = (hbb * ga - hab * gb) / det
      let db = (haa * gb - hab * ga) / det
      // Backtracking keeps every step a descent step.
      var step = 1.0
      var next = loss(a - step * da, b - step * db)
      while next > current, step > 1e-10 {
        step /= 2
        next = loss(a - step * da, b - step * db)
      }
      guard next <= current else { break }
      a -= step * da
      b -= step * db
      let improvement = current - next
      current = next
      if abs(ga) + abs(gb) < 1e-12 || improvement <= 1e-16 * Swift.max(1, abs(current)) { break }
    }
    guard a.isFinite, b.isFinite else {
      throw LearnError.numericalFailure(
        estimator: "CalibratedClassifierCV", reason: "the sigmoid fit did not converge")
    }
    return .sigmoid(a: a / scale, b: b)
  }

  /// Isotonic regression of `targets` on `outputs` (non-decreasing), pool-adjacent-violators
  /// on the sorted unique outputs with tied targets averaged.
  static func isotonic(_ outputs: [Double], _ targets: [Double]) -> Calibrator {
    let order = outputs.indices.sorted { outputs[$0] < outputs[$1] }
    var xs: [Double] = []
    var ys: [Double] = []
    var ws: [Double] = []
    for i in order {
      if let last = xs.last, last == outputs[i] {
        let k = ys.count - 1
        ys[k] = (ys[k] * ws[k] + targets[i]) / (ws[k] + 1)
        ws[k] += 1
      } else {
        xs.append(outputs[i])
        ys.append(targets[i])
        ws.append(1)
      }
    }
    // Pool adjacent violators: blocks of (value, weight, count).
    var values: [Double] = []
    var weights: [Double] = []
    var counts: [Int] = []
    for (y, w) in zip(ys, ws) {
      values.append(y)
      weights.append(w)
      counts.append(1)
      while values.count > 1, values[values.count - 2] > values[values.count - 1] {
        let k = values.count - 1
        let merged =
          (values[k - 1] * weights[k - 1] + values[k] * weights[k]) / (weights[k - 1] + weights[k])
        values[k - 1] = merged
        weights[k - 1] += weights[k]
        counts[k - 1] += counts[k]
        values.removeLast()
        weights.removeLast()
        counts.removeLast()
      }
    }
    var fitted: [Double] = []
    for (v, c) in zip(values, counts) { fitted += Array(repeating: v, count: c) }
    return .isotonic(x: xs, y: fitted)
  }
}

extension CalibratedClassifierCV: DefaultInitializable where Base: DefaultInitializable {
  /// Wraps the wrapped type's default estimator with the default settings.
  public init() { self.init(Base()) }
}

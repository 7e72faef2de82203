import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Makes each feature more Gaussian with a per-feature power transform whose exponent maximizes
/// the normal log-likelihood.
///
/// Yeo-Johnson works on any real values; Box-Cox needs strictly positive data. The exponent
/// `lambda` of each feature is found as scipy finds it — Box-Cox with Brent's method
/// bracketed from (-2, 2) (`scipy.stats.boxcox`), Yeo-Johnson with the bounded Brent search
/// on scipy's overflow-safe interval (`scipy.stats.yeojohnson`) — so lambdas agree with
/// scikit-learn's to rounding. Then, by default, the output is standardized. NaN is ignored
/// when fitting and kept when transforming. (scipy's rarely-reached Box-Cox overflow clamp of
/// lambda is not applied.)
///
/// scikit-learn: `sklearn.preprocessing.PowerTransformer`; defaults match scikit-learn 1.9
/// (`method="yeo-johnson"`, `standardize=True`).
///
///     let power = try PowerTransformer(method: .boxCox).fit(x)
///     let gaussian = try power.transform(x)
///     print(power.lambdas)
///
/// - Complexity: O(n·d) per likelihood evaluation, a few dozen evaluations per feature.
public struct PowerTransformer: TransformerEstimator, DefaultInitializable, Hashable, Codable {
  /// The power transform family (scikit-learn's `method`).
  public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
    /// Yeo-Johnson: defined for all real values.
    case yeoJohnson = "yeo-johnson"
    /// Box-Cox: strictly positive values only.
    case boxCox = "box-cox"
  }

  /// The transform family (default `yeoJohnson`).
  public var method: Method
  /// Standardize the output to zero mean and unit variance (default `true`).
  public var standardize: Bool

  /// Creates the transformer; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - method: Yeo-Johnson or Box-Cox.
  ///   - standardize: Standardize the transformed output.
  public init(method: Method = .yeoJohnson, standardize: Bool = true) {
    self.method = method
    self.standardize = standardize
  }

  public init() { self.init(method: .yeoJohnson) }

  /// NaN is ignored by `fit` and kept by `transform`.
  public static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  /// Estimates one lambda per feature and, with `standardize`, the output's mean and scale.
  ///
  /// - Parameter x: Training samples; NaN marks a missing value.
  /// - Returns: The fitted transformer.
  /// - Throws: `LearnError.unsupportedInput` for a non-positive value with Box-Cox or a column
  ///   that is entirely NaN; `LearnError.emptyInput`, `LearnError.nonFinite` (±infinity);
  ///   `LearnError.numericalFailure` when no likelihood maximum can be bracketed.
  public func fit(_ x: Matrix) throws -> Fitted {
    try fitTransform(x).fitted
  }

  /// Fits, then returns the transformed training data in the same pass.
  ///
  /// - Parameter x: Training samples.
  /// - Returns: The fitted transformer and the transformed `x`.
  /// - Throws: As ``fit(_:)``.
  public func fitTransform(_ x: Matrix) throws -> (fitted: Fitted, output: Matrix) {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: true)
    if method == .boxCox { try requirePositive(x) }
    let n = x.rowCount
    let d = x.columnCount
    var lambdas = [Double](repeating: 1, count: d)
    var columns: [[Double]] = []
    columns.reserveCapacity(d)
    for j in 0..<d {
      let column = try x.column(j)
      let present = column.filter { !$0.isNaN }
      guard !present.isEmpty else {
        throw LearnError.unsupportedInput(
          input: "X", reason: "column \(j) is entirely NaN; a power transform needs values")
      }
      switch method {
      case .yeoJohnson:
        if present.count == n && isConstant(column) {
          lambdas[j] = 1
        } else {
          lambdas[j] = yeoJohnsonLambda(present)
        }
      case .boxCox:
        guard let lambda = boxCoxLambda(present) else {
          throw LearnError.numericalFailure(
            estimator: "PowerTransformer",
            reason: "no maximum of the Box-Cox likelihood could be bracketed for column \(j)")
        }
        lambdas[j] = lambda
      }
      columns.append(column)
    }
    var transformed = [Double](repeating: 0, count: n * d)
    for j in 0..<d {
      for i in 0..<n { transformed[i * d + j] = forward(columns[j][i], lambdas[j]) }
    }
    var output = Matrix(unchecked: n, d, transformed)
    var scaler: StandardScaler.Fitted? = nil
    if standardize {
      let fitted = try StandardScaler().fit(output)
      output = try fitted.transform(output)
      scaler = fitted
    }
    let fitted = Fitted(featureCount: d, method: method, lambdas: lambdas, scaler: scaler)
    return (fitted, output)
  }

  private func forward(_ v: Double, _ lambda: Double) -> Double {
    method == .boxCox ? boxCox(v, lambda) : yeoJohnson(v, lambda)
  }

  /// scikit-learn's `_is_constant_feature` on the population variance.
  private func isConstant(_ column: [Double]) -> Bool {
    let n = Double(column.count)
    let mean = column.reduce(0, +) / n
    var squares = 0.0
    for v in column { squares += (v - mean) * (v - mean) }
    let variance = squares / n
    let eps = Double.ulpOfOne
    return variance <= n * eps * variance + (n * mean * eps) * (n * mean * eps)
  }

  /// The fitted state of a ``PowerTransformer``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The transform family.
    public let method: Method
    /// The exponent of each feature (scikit-learn's `lambdas_`).
    public let lambdas: [Double]
    /// The standardization fitted on the transformed data; `nil` without `standardize`.
    public let scaler: StandardScaler.Fitted?

    /// Same number of columns as the input.
    public var outputFeatureCount: Int { featureCount }

    /// Applies each feature's power transform, then the standardization.
    ///
    /// - Throws: `LearnError.unsupportedInput` for a non-positive value with Box-Cox;
    ///   `LearnError.featureCountMismatch`, `LearnError.emptyInput`, `LearnError.nonFinite`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      if method == .boxCox { try requirePositive(x) }
      let d = featureCount
      var values = x.storage
      for k in 0..<values.count {
        let lambda = lambdas[k % d]
        values[k] = method == .boxCox ? boxCox(values[k], lambda) : yeoJohnson(values[k], lambda)
      }
      let out = Matrix(unchecked: x.rowCount, d, values)
      return try scaler?.transform(out) ?? out
    }

    /// Undoes the standardization, then each power transform.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite`.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      var values = try scaler?.inverseTransform(x).storage ?? x.storage
      let d = featureCount
      for k in 0..<values.count {
        let lambda = lambdas[k % d]
        values[k] =
          method == .boxCox
          ? inverseBoxCox(values[k], lambda) : inverseYeoJohnson(values[k], lambda)
      }
      return Matrix(unchecked: x.rowCount, d, values)
    }

    /// The input names unchanged.
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      try Validate.featureNames(inputFeatures, featureCount: featureCount)
    }
  }
}

/// Box-Cox needs strictly positive data (NaN ignored).
private func requirePositive(_ x: Matrix) throws {
  let c = x.columnCount
  let bad: Int? = x.withUnsafeStorage { s in
    for k in 0..<s.count where s[k] <= 0 { return k }
    return nil
  }
  if let bad {
    throw LearnError.unsupportedInput(
      input: "X",
      reason:
        "the Box-Cox transformation can only be applied to strictly positive data (row \(bad / c), column \(bad % c))"
    )
  }
}

/// scipy.special's `boxcox`.
func boxCox(_ x: Double, _ lambda: Double) -> Double {
  abs(lambda) < 1e-19 ? Foundation.log(x) : Foundation.expm1(lambda * Foundation.log(x)) / lambda
}

/// scipy.special's `inv_boxcox`.
func inverseBoxCox(_ y: Double, _ lambda: Double) -> Double {
  abs(lambda) < 1e-19 ? Foundation.exp(y) : Foundation.exp(Foundation.log1p(lambda * y) / lambda)
}

/// scipy.stats' Yeo-Johnson transform.
func yeoJohnson(_ x: Double, _ lambda: Double) -> Double {
  let eps = Double.ulpOfOne
  if x >= 0 {
    return abs(lambda) < eps
      ? Foundation.log1p(x) : Foundation.expm1(lambda * Foundation.log1p(x)) / lambda
  }
  return abs(lambda - 2) > eps
    ? -Foundation.expm1((2 - lambda) * Foundation.log1p(-x)) / (2 - lambda)
    : -Foundation.log1p(-x)
}

/// scikit-learn's `_yeo_johnson_inverse_transform`.
func inverseYeoJohnson(_ y: Double, _ lambda: Double) -> Double {
  let eps = Double.ulpOfOne
  if y >= 0 {
    return abs(lambda) < eps
      ? Foundation.exp(y) - 1 : Foundation.pow(y * lambda + 1, 1 / lambda) - 1
  }
  if y.isNaN { return y }
  return abs(lambda - 2) > eps
    ? 1 - Foundation.pow(-(2 - lambda) * y + 1, 1 / (2 - lambda)) : 1 - Foundation.exp(-y)
}

/// scipy's `boxcox_normmax(method="mle")`: Brent's method on the negative log-likelihood,
/// which is computed as scipy's `boxcox_llf` does (log-space variance, numpy's summation).
func boxCoxLambda(_ x: [Double]) -> Double? {
  let logs = x.map { Foundation.log($0) }
  let sumLogs = numpySum(logs)
  let n = Double(x.count)
  let logN = Foundation.log(n)
  func negativeLogLikelihood(_ lambda: Double) -> Double {
    let logVariance: Double
    if lambda == 0 {
      logVariance = Foundation.log(numpyVariance(logs))
    } else {
      let scaled = logs.map { lambda * $0 }
      let logMean = scipyLogSumExp(scaled) - logN
      // log|x_i - mean| by scipy's two-term signed logsumexp.
      let doubled = scaled.map { v -> Double in
        if v == logMean { return -.infinity }
        let high = max(v, logMean)
        let low = min(v, logMean)
        let logDeviation = Foundation.log1p(-Foundation.exp(low - high)) + 0.0 + high
        return 2 * logDeviation
      }
      logVariance = (scipyLogSumExp(doubled) - logN) - 2 * Foundation.log(abs(lambda))
    }
    return -((lambda - 1) * sumLogs - n / 2 * logVariance)
  }
  return brentMinimize(negativeLogLikelihood, xa: -2, xb: 2)
}

/// scipy's `yeojohnson_normmax`: the bounded Brent search on the overflow-safe interval, with
/// the log-likelihood summed as numpy sums.
func yeoJohnsonLambda(_ x: [Double]) -> Double {
  if x.allSatisfy({ $0 == 0 }) { return 1 }
  let n = Double(x.count)
  let signedLogs = numpySum(
    x.map { ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) * Foundation.log1p(abs($0)) })
  func negativeLogLikelihood(_ lambda: Double) -> Double {
    let y = x.map { yeoJohnson($0, lambda) }
    let sigma = numpyVariance(y)
    let logSigma = sigma >= Double.leastNormalMagnitude ? Foundation.log(sigma) : -Double.infinity
    let llf = -n / 2 * logSigma + (lambda - 1) * signedLogs
    return llf.isInfinite ? Double.infinity : -llf
  }
  let maxAbs = x.reduce(0.0) { max($0, abs($1)) }
  let log1pMax = Foundation.log1p(20 * maxAbs)
  let logEps = Foundation.log(Double.ulpOfOne)
  let logTiny = (Foundation.log(Double.leastNormalMagnitude) - logEps) / 2
  let logMax = (Foundation.log(Double.greatestFiniteMagnitude) + logEps) / 2
  var lower = logTiny / log1pMax
  var upper = logMax / log1pMax
  if x.allSatisfy({ $0 < 0 }) {
    (lower, upper) = (2 - upper, 2 - lower)
  } else if x.contains(where: { $0 < 0 }) {
    (lower, upper) = (max(2 - upper, lower), min(2 - lower, upper))
  }
  return boundedMinimize(negativeLogLikelihood, lower: lower, upper: upper, xatol: 1.48e-8)
}

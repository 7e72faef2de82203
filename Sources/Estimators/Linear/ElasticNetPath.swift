import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The regularisation path and its cross-validation, shared by ``LassoCV`` and ``ElasticNetCV``
/// (scikit-learn's `_alpha_grid`, `enet_path` and `_path_residuals`).
enum ElasticNetPath {
  /// `nAlphas` values from `alpha_max` down to `eps·alpha_max`, evenly spaced on a log scale
  /// (`numpy.geomspace`); `alpha_max` is the smallest alpha giving all-zero coefficients:
  /// `max |Xᵀ(w∘(y − ȳ))| / (Σw · l1Ratio)` on the centred data (the positive part when
  /// `positive`).
  static func alphaGrid(
    _ x: Matrix, _ y: [Double], weights: [Double]?, l1Ratio: Double, fitIntercept: Bool,
    positive: Bool, eps: Double, count: Int
  ) -> [Double] {
    let n = x.rowCount
    let d = x.columnCount
    var total = 0.0
    var yMean = 0.0
    for i in 0..<n {
      let w = weights?[i] ?? 1
      total += w
      yMean += w * y[i]
    }
    yMean = fitIntercept ? yMean / total : 0
    var xy = [Double](repeating: 0, count: d)
    var xMean = [Double](repeating: 0, count: d)
    var ySum = 0.0
    x.withUnsafeStorage { s in
      for i in 0..<n {
        let w = weights?[i] ?? 1
        let yw = (y[i] - yMean) * w
        ySum += yw
        for j in 0..<d {
          xy[j] += s[i * d + j] * yw
          xMean[j] += w * s[i * d + j]
        }
      }
    }
    var alphaMax = 0.0
    for j in 0..<d {
      let value = fitIntercept ? xy[j] - xMean[j] / total * ySum : xy[j]
      alphaMax = Swift.max(alphaMax, positive ? value : abs(value))
    }
    alphaMax /= total * l1Ratio
    let resolution = 1e-15
    if alphaMax <= resolution { return [Double](repeating: resolution, count: count) }
    return geometricSpace(from: alphaMax, to: alphaMax * eps, count: count)
  }

  /// `numpy.geomspace(start, stop, count)`: `10^linspace(log10(start), log10(stop))` with the
  /// end points set exactly.
  static func geometricSpace(from start: Double, to stop: Double, count: Int) -> [Double] {
    guard count > 1 else { return count == 1 ? [start] : [] }
    let a = log10(start)
    let b = log10(stop)
    let step = (b - a) / Double(count - 1)
    var out = (0..<count).map { pow(10, Double($0) * step + a) }
    out[0] = start
    out[count - 1] = stop
    return out
  }

  /// scikit-learn's `KFold(n_splits)` without shuffling: contiguous folds, the first
  /// `n mod k` one sample larger.
  static func kFoldTestRanges(sampleCount n: Int, folds k: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for f in 0..<k {
      let size = n / k + (f < n % k ? 1 : 0)
      ranges.append(start..<(start + size))
      start += size
    }
    return ranges
  }

  /// The test mean squared errors along `alphas` (descending) for one fold, warm-starting each
  /// alpha from the previous solution as `enet_path` does.
  static func foldErrors(
    _ x: Matrix, _ y: [Double], weights: [Double]?, test: Range<Int>,
    settings: ElasticNetSettings, alphas: [Double]
  ) throws -> [Double] {
    let n = x.rowCount
    let train = Array(0..<test.lowerBound) + Array(test.upperBound..<n)
    let xTrain = try x.rows(train)
    let yTrain = train.map { y[$0] }
    var wTrain = weights.map { w in train.map { w[$0] } }
    if let w = wTrain {
      let total = w.reduce(0, +)
      if total <= 0 {
        throw LearnError.invalidSampleWeight(
          reason: "a training fold has only zero sample weights")
      }
      wTrain = w.map { $0 * (Double(train.count) / total) }
    }
    let problem = CenteredProblem(
      x: xTrain, y: yTrain, targetCount: 1, weights: wTrain,
      fitIntercept: settings.fitIntercept, columnMajor: true)
    // scikit-learn's precompute="auto": the Gram solver when the fold has more rows than
    // features.
    let gram = train.count > x.columnCount ? try Gram(problem) : nil
    let xTest = try x.rows(Array(test))
    var coefficients: [Double]?
    var errors: [Double] = []
    for alpha in alphas {
      let fitted = try settings.solve(problem, alpha: alpha, start: coefficients, gram: gram)
      coefficients = fitted.coefficients
      let predictions = try xTest.matvec(fitted.coefficients)
      var sum = 0.0
      var weightSum = 0.0
      for (k, i) in test.enumerated() {
        let r = predictions[k] + fitted.intercept - y[i]
        let w = weights?[i] ?? 1
        sum += w * r * r
        weightSum += w
      }
      guard weightSum > 0 else {
        throw LearnError.invalidSampleWeight(reason: "a test fold has only zero sample weights")
      }
      errors.append(sum / weightSum)
    }
    return errors
  }
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Scores and p-values of a univariate test, one per feature.
public struct UnivariateScores: Sendable, Hashable, Codable {
  /// The test statistic of each feature (higher means more related to the target).
  public let scores: [Double]
  /// The p-value of each statistic.
  public let pValues: [Double]

  /// Pairs scores with their p-values.
  ///
  /// - Parameters:
  ///   - scores: One statistic per feature.
  ///   - pValues: One p-value per feature.
  public init(scores: [Double], pValues: [Double]) {
    self.scores = scores
    self.pValues = pValues
  }
}

/// The ANOVA F-value of each feature against class labels.
///
/// For each feature, the ratio of the between-class to the within-class mean square, with its
/// p-value from the F distribution with `k - 1` and `n - k` degrees of freedom. A feature that
/// is constant within every class gives an infinite or NaN score, as in scikit-learn.
///
/// scikit-learn: `sklearn.feature_selection.f_classif`.
///
/// - Parameters:
///   - x: Samples, finite.
///   - y: One class label per sample.
/// - Returns: F statistics and p-values.
/// - Throws: `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
///   `LearnError.lengthMismatch(input:expected:got:)`.
/// - Complexity: O(n·d).
public func fClassif<L: ClassLabel>(_ x: Matrix, _ y: [L]) throws -> UnivariateScores {
  try Validate.features(x)
  try Validate.labels(y, sampleCount: x.rowCount)
  let (codes, k) = classCodes(y)
  return fOneWay(x, codes: codes, classCount: k)
}

func fOneWay(_ x: Matrix, codes: [Int], classCount k: Int) -> UnivariateScores {
  let n = x.rowCount
  let d = x.columnCount
  var classSize = [Double](repeating: 0, count: k)
  for c in codes { classSize[c] += 1 }
  var squares = [Double](repeating: 0, count: d)
  var sums = [Double](repeating: 0, count: k * d)
  x.withUnsafeStorage { s in
    for i in 0..<n {
      let row = i * d
      let base = codes[i] * d
      for j in 0..<d {
        let v = s[row + j]
        squares[j] += v * v
        sums[base + j] += v
      }
    }
  }
  let dfBetween = Double(k - 1)
  let dfWithin = Double(n - k)
  var scores = [Double](repeating: 0, count: d)
  var pValues = [Double](repeating: 0, count: d)
  for j in 0..<d {
    var total = 0.0
    var between = 0.0
    for c in 0..<k {
      let s = sums[c * d + j]
      total += s
      between += s * s / classSize[c]
    }
    let squareOfTotal = total * total / Double(n)
    let totalSS = squares[j] - squareOfTotal
    let betweenSS = between - squareOfTotal
    let withinSS = totalSS - betweenSS
    let f = (betweenSS / dfBetween) / (withinSS / dfWithin)
    scores[j] = f
    pValues[j] = fSurvival(f, dfBetween, dfWithin)
  }
  return UnivariateScores(scores: scores, pValues: pValues)
}

/// The univariate linear-regression F-value of each feature against a continuous target.
///
/// The squared Pearson correlation `r²` of each feature with `y` becomes
/// `F = r² / (1 - r²) · (n - 2)` (`n - 1` without centering), with its p-value from the F
/// distribution with 1 and `n - 2` degrees of freedom. With `forceFinite`, a perfectly
/// correlated feature gets the largest finite score and p-value 0, and a constant feature (or
/// target) gets score 0 and p-value 1.
///
/// scikit-learn: `sklearn.feature_selection.f_regression`.
///
/// - Parameters:
///   - x: Samples, finite.
///   - y: The target, finite.
///   - center: Center `x` and `y` before correlating; default `true`.
///   - forceFinite: Replace infinite and NaN results as described; default `true`.
/// - Returns: F statistics and p-values.
/// - Throws: `LearnError.emptyInput(input:reason:)`, `LearnError.nonFinite(input:row:column:)`,
///   `LearnError.lengthMismatch(input:expected:got:)`.
/// - Complexity: O(n·d).
public func fRegression(
  _ x: Matrix, _ y: [Double], center: Bool = true, forceFinite: Bool = true
) throws -> UnivariateScores {
  try Validate.features(x)
  try Validate.target(y, sampleCount: x.rowCount)
  let n = x.rowCount
  let d = x.columnCount
  let r = rRegression(x, y, center: center)
  let dof = Double(n - (center ? 2 : 1))
  var scores = [Double](repeating: 0, count: d)
  var pValues = [Double](repeating: 0, count: d)
  for j in 0..<d {
    var corr = r[j]
    if forceFinite, corr.isNaN { corr = 0 }
    let squared = corr * corr
    var f = squared / (1 - squared) * dof
    var p = fSurvival(f, 1, dof)
    if forceFinite {
      if f.isInfinite {
        f = Double.greatestFiniteMagnitude
        p = 0
      } else if f.isNaN {
        f = 0
        p = 1
      }
    }
    scores[j] = f
    pValues[j] = p
  }
  return UnivariateScores(scores: scores, pValues: pValues)
}

/// Pearson's r of each column with `y` (scikit-learn's `r_regression`, without its
/// `force_finite` step): NaN for a constant column or target.
func rRegression(_ x: Matrix, _ y: [Double], center: Bool) -> [Double] {
  let n = x.rowCount
  let d = x.columnCount
  var yc = y
  var means = [Double](repeating: 0, count: d)
  var squares = [Double](repeating: 0, count: d)
  var dots = [Double](repeating: 0, count: d)
  if center {
    let mean = y.reduce(0, +) / Double(n)
    for i in 0..<n { yc[i] -= mean }
  }
  x.withUnsafeStorage { s in
    for i in 0..<n {
      let row = i * d
      let yi = yc[i]
      for j in 0..<d {
        let v = s[row + j]
        means[j] += v
        squares[j] += v * v
        dots[j] += yi * v
      }
    }
  }
  var yNorm = 0.0
  for v in yc { yNorm += v * v }
  yNorm = yNorm.squareRoot()
  var r = [Double](repeating: 0, count: d)
  for j in 0..<d {
    let mean = means[j] / Double(n)
    let norm =
      center ? (squares[j] - Double(n) * mean * mean).squareRoot() : squares[j].squareRoot()
    r[j] = dots[j] / norm / yNorm
  }
  return r
}

/// The chi-squared statistic of each non-negative feature against class labels.
///
/// Treats each feature as a count (or frequency) and compares its total per class with the
/// total expected if it were independent of the class; p-values come from the chi-squared
/// distribution with `k - 1` degrees of freedom.
///
/// scikit-learn: `sklearn.feature_selection.chi2`.
///
/// - Parameters:
///   - x: Non-negative samples (counts, frequencies, binary indicators).
///   - y: One class label per sample.
/// - Returns: Chi-squared statistics and p-values.
/// - Throws: `LearnError.unsupportedInput(input:reason:)` naming the first feature with a
///   negative value; `LearnError.emptyInput(input:reason:)`,
///   `LearnError.nonFinite(input:row:column:)`, `LearnError.lengthMismatch(input:expected:got:)`.
/// - Complexity: O(n·d).
public func chi2<L: ClassLabel>(_ x: Matrix, _ y: [L]) throws -> UnivariateScores {
  try Validate.features(x)
  try Validate.labels(y, sampleCount: x.rowCount)
  try requireNonNegative(x, for: "chi2")
  let (codes, k) = classCodes(y)
  return chiSquared(x, codes: codes, classCount: k)
}

/// Throws naming the first feature (and row) with a negative value.
func requireNonNegative(_ x: Matrix, for test: String) throws {
  let d = x.columnCount
  let bad: Int? = x.withUnsafeStorage { s in
    for k in 0..<s.count where s[k] < 0 { return k }
    return nil
  }
  if let bad {
    throw LearnError.unsupportedInput(
      input: "X",
      reason:
        "\(test) needs non-negative features; feature \(bad % d) is \(x[bad / d, bad % d]) at row \(bad / d)"
    )
  }
}

func chiSquared(_ x: Matrix, codes: [Int], classCount k: Int) -> UnivariateScores {
  let n = x.rowCount
  let d = x.columnCount
  // A single class is binarized as two columns by scikit-learn (all samples in one): the
  // statistic is then 0 with one degree of freedom. With two classes the same holds.
  let groups = max(k, 2)
  var observed = [Double](repeating: 0, count: groups * d)
  var featureTotal = [Double](repeating: 0, count: d)
  var classSize = [Double](repeating: 0, count: groups)
  for c in codes { classSize[k == 1 ? 1 : c] += 1 }
  x.withUnsafeStorage { s in
    for i in 0..<n {
      let row = i * d
      let base = (k == 1 ? 1 : codes[i]) * d
      for j in 0..<d {
        observed[base + j] += s[row + j]
        featureTotal[j] += s[row + j]
      }
    }
  }
  var scores = [Double](repeating: 0, count: d)
  var pValues = [Double](repeating: 0, count: d)
  for j in 0..<d {
    var statistic = 0.0
    for c in 0..<groups {
      let expected = classSize[c] / Double(n) * featureTotal[j]
      let diff = observed[c * d + j] - expected
      statistic += diff * diff / expected
    }
    scores[j] = statistic
    pValues[j] = chiSquaredSurvival(statistic, Double(groups - 1))
  }
  return UnivariateScores(scores: scores, pValues: pValues)
}

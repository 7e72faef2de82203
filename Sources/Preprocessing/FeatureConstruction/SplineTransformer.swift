import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Expands each feature into a B-spline basis: `knotCount + degree - 1` smooth, local
/// columns per feature (`knotCount - 1` for periodic splines).
///
/// Knots are spread uniformly between each feature's minimum and maximum, or at its
/// quantiles; `degree` extra knots are added beyond each end at the end spacing (periodic
/// splines wrap instead). Outside the knots the basis is held constant, extended linearly,
/// continued as polynomials, wrapped periodically, or rejected. The basis is evaluated by the
/// Cox–de Boor recursion as scipy's `BSpline` does.
///
/// scikit-learn: `sklearn.preprocessing.SplineTransformer`; defaults match scikit-learn 1.9
/// (`n_knots=5`, `degree=3`, `knots="uniform"`, `extrapolation="constant"`,
/// `include_bias=True`, `handle_missing="error"`; dense output only).
///
///     let splines = try SplineTransformer(knotCount: 4, extrapolation: .linear).fit(x)
///     let basis = try splines.transform(x)
///
/// - Complexity: O(n · d · degree²) to transform.
public struct SplineTransformer: SampleWeightedTransformerEstimator, DefaultInitializable,
  Hashable, Codable
{
  /// Knot placement (scikit-learn's `knots`).
  public enum Knots: String, Sendable, Hashable, Codable, CaseIterable {
    /// Equally spaced between the feature's minimum and maximum.
    case uniform
    /// At the feature's quantiles.
    case quantile
  }

  /// Behaviour outside the knots (scikit-learn's `extrapolation`).
  public enum Extrapolation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Throw for values beyond the knots.
    case error
    /// Hold the boundary values of the splines.
    case constant
    /// Extend the boundary splines linearly.
    case linear
    /// Continue the boundary polynomials.
    case `continue`
    /// Periodic splines with period `last knot - first knot`.
    case periodic
  }

  /// What NaN becomes (scikit-learn's `handle_missing`).
  public enum HandleMissing: String, Sendable, Hashable, Codable, CaseIterable {
    /// NaN is an error.
    case error
    /// NaN rows get zeros in the feature's spline columns.
    case zeros
  }

  /// The number of knots (scikit-learn's `n_knots`, default 5), at least 2.
  public var knotCount: Int
  /// The polynomial degree (default 3), at least 0.
  public var degree: Int
  /// Knot placement (default `uniform`).
  public var knots: Knots
  /// Behaviour outside the knots (default `constant`).
  public var extrapolation: Extrapolation
  /// Keep the last spline of each feature (scikit-learn's `include_bias`, default `true`); the
  /// splines of a feature sum to 1, so dropping one avoids a collinear design.
  public var includeBias: Bool
  /// What NaN becomes (default `error`).
  public var handleMissing: HandleMissing

  /// Creates the transformer; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - knotCount: The number of knots.
  ///   - degree: The polynomial degree.
  ///   - knots: Knot placement.
  ///   - extrapolation: Behaviour outside the knots.
  ///   - includeBias: Keep the last spline of each feature.
  ///   - handleMissing: What NaN becomes.
  public init(
    knotCount: Int = 5, degree: Int = 3, knots: Knots = .uniform,
    extrapolation: Extrapolation = .constant, includeBias: Bool = true,
    handleMissing: HandleMissing = .error
  ) {
    self.knotCount = knotCount
    self.degree = degree
    self.knots = knots
    self.extrapolation = extrapolation
    self.includeBias = includeBias
    self.handleMissing = handleMissing
  }

  public init() { self.init(knotCount: 5) }

  /// Weights are accepted; NaN is handled only with `handleMissing: .zeros`, so the common
  /// checks treat NaN as an error.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// - Throws: `LearnError.invalidParameter` naming `knotCount` (< 2), `degree` (< 0, or
  ///   not below `knotCount` for periodic splines).
  public func validateHyperparameters() throws {
    try Check.count(knotCount, atLeast: 2, estimator: "SplineTransformer", name: "knotCount")
    try Check.count(degree, atLeast: 0, estimator: "SplineTransformer", name: "degree")
    if extrapolation == .periodic && knotCount <= degree {
      throw LearnError.invalidParameter(
        estimator: "SplineTransformer", name: "degree", value: "\(degree)",
        expected: "less than knotCount = \(knotCount) for periodic splines")
    }
  }

  /// Places the knots of every feature.
  ///
  /// - Parameters:
  ///   - x: Training samples, at least two rows; NaN only with `handleMissing: .zeros`.
  ///   - sampleWeight: Optional weights (weighted quantiles; zero-weight rows ignored for
  ///     the uniform range).
  /// - Returns: The fitted transformer.
  /// - Throws: `LearnError.invalidParameter`, `LearnError.emptyInput`,
  ///   `LearnError.nonFinite`, `LearnError.unsupportedInput` for a constant feature (all knots
  ///   equal), sample-weight errors.
  public func fit(_ x: Matrix, sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, allowNaN: handleMissing == .zeros, minimumSamples: 2)
    let weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    let d = x.columnCount
    var allKnots: [[Double]] = []
    for j in 0..<d {
      let column = try x.column(j)
      var base: [Double]
      switch knots {
      case .uniform:
        var low = 0.0
        var high = 0.0
        let kept = column.indices.filter { !column[$0].isNaN && (weights?[$0] ?? 1) > 0 }
        if let first = kept.first {
          low = column[first]
          high = column[first]
          for i in kept {
            low = min(low, column[i])
            high = max(high, column[i])
          }
        }
        base = numpyLinspace(low, high, knotCount)
      case .quantile:
        let ranks = numpyLinspace(0, 1, knotCount).map { 100 * $0 }
        let present = column.indices.filter { !column[$0].isNaN }
        if let weights {
          let values = present.map { column[$0] }
          let w = present.map { weights[$0] }
          base = ranks.map { weightedPercentile(values, w, $0, average: false) }
        } else {
          let sorted = present.map { column[$0] }.sorted()
          guard !sorted.isEmpty else {
            throw LearnError.unsupportedInput(
              input: "X", reason: "column \(j) has no value to place knots")
          }
          base = ranks.map { numpyPercentile(sorted: sorted, $0, method: .linear) }
        }
      }
      // Repeated quantile knots are kept as scikit-learn keeps them; a constant feature (all
      // knots equal) has no spline basis.
      guard let first = base.first, let lastKnot = base.last, lastKnot > first else {
        throw LearnError.unsupportedInput(
          input: "X", reason: "column \(j) is constant; its knots would all coincide")
      }
      allKnots.append(extend(base))
    }
    return Fitted(
      featureCount: d, knots: allKnots, degree: degree, extrapolation: extrapolation,
      includeBias: includeBias, handleMissing: handleMissing,
      splineCount: extrapolation == .periodic ? knotCount - 1 : knotCount + degree - 1)
  }

  /// Adds `degree` knots beyond each end (periodic: wraps the inner knots by one period).
  private func extend(_ base: [Double]) -> [Double] {
    let n = base.count
    if extrapolation == .periodic {
      let period = base[n - 1] - base[0]
      let before = base[(n - 1 - degree)..<(n - 1)].map { $0 - period }
      let after = base[1..<(degree + 1)].map { $0 + period }
      return before + base + after
    }
    let distMin = base[1] - base[0]
    let distMax = base[n - 1] - base[n - 2]
    let before = numpyLinspace(
      base[0] - Double(degree) * distMin, base[0] - distMin, degree)
    let after = numpyLinspace(
      base[n - 1] + distMax, base[n - 1] + Double(degree) * distMax, degree)
    return before + base + after
  }

  /// The fitted state of a ``SplineTransformer``.
  public struct Fitted: Transformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The full knot vector of each feature, including the added boundary knots (the `t` of
    /// scikit-learn's `bsplines_`).
    public let knots: [[Double]]
    /// The polynomial degree.
    public let degree: Int
    /// Behaviour outside the knots.
    public let extrapolation: Extrapolation
    /// Whether the last spline of each feature is kept.
    public let includeBias: Bool
    /// What NaN becomes.
    public let handleMissing: HandleMissing
    /// Splines per feature before dropping the bias column.
    public let splineCount: Int

    /// `featureCount · splineCount`, minus one per feature without the bias.
    public var outputFeatureCount: Int {
      featureCount * (includeBias ? splineCount : splineCount - 1)
    }

    /// Evaluates the spline basis of every feature.
    ///
    /// - Throws: `LearnError.unsupportedInput` for a value beyond the knots with
    ///   `extrapolation: .error`; `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: handleMissing == .zeros)
      let n = x.rowCount
      let s = splineCount
      let k = degree
      var full = [Double](repeating: 0, count: n * featureCount * s)
      let width = featureCount * s
      var basis = [Double](repeating: 0, count: k + 1)
      var scratch = [Double](repeating: 0, count: k + 1)
      for j in 0..<featureCount {
        let t = knots[j]
        let last = t.count - k - 1  // scipy's n
        let lower = t[k]
        let upper = t[last]
        let column = j * s
        // Basis value of every spline at `v` (scipy's BSpline with identity coefficients).
        func evaluate(_ v: Double, into row: Int, derivative: Bool = false) {
          let l = interval(t, v, k: k, n: last)
          deBoor(t, v, l: l, k: k, derivative: derivative ? 1 : 0, &basis, &scratch)
          for m in 0...k {
            var spline = l - k + m
            if extrapolation == .periodic && spline >= s { spline -= s }
            full[row * width + column + spline] += basis[m]
          }
        }
        for i in 0..<n {
          let v = x[i, j]
          if v.isNaN { continue }
          switch extrapolation {
          case .continue, .error, .periodic:
            var u = v
            if extrapolation == .periodic {
              let period = upper - lower
              if period > 0 {
                // numpy's floored modulo.
                var r = Foundation.fmod(v - lower, period)
                if r != 0 && (r < 0) != (period < 0) { r += period }
                u = lower + r
              } else {
                u = 0
              }
            }
            if extrapolation == .error && !(lower <= u && u <= upper) {
              throw LearnError.unsupportedInput(
                input: "X",
                reason: "value \(v) at row \(i), column \(j) is beyond the limits of the knots")
            }
            evaluate(u, into: i)
          case .constant, .linear:
            if lower <= v && v <= upper {
              evaluate(v, into: i)
            } else {
              // Boundary values f(xmin) / f(xmax) (and slopes for linear).
              let atLow = v < lower
              let edge = atLow ? lower : upper
              var f = [Double](repeating: 0, count: s)
              var fp = [Double](repeating: 0, count: s)
              let l = interval(t, edge, k: k, n: last)
              deBoor(t, edge, l: l, k: k, derivative: 0, &basis, &scratch)
              for m in 0...k { f[l - k + m] += basis[m] }
              if extrapolation == .linear && k >= 1 {
                deBoor(t, edge, l: l, k: k, derivative: 1, &basis, &scratch)
                for m in 0...k { fp[l - k + m] += basis[m] }
              }
              let reach = extrapolation == .linear && k <= 1 ? k + 1 : k
              for r in 0..<min(reach, s) {
                let index = atLow ? r : s - 1 - r
                let value =
                  extrapolation == .linear ? f[index] + (v - edge) * fp[index] : f[index]
                full[i * width + column + index] = value
              }
            }
          }
        }
      }
      if includeBias { return Matrix(unchecked: n, width, full) }
      let kept = (0..<width).filter { ($0 + 1) % s != 0 }
      var out = [Double](repeating: 0, count: n * kept.count)
      for i in 0..<n {
        for (c, source) in kept.enumerated() { out[i * kept.count + c] = full[i * width + source] }
      }
      return Matrix(unchecked: n, kept.count, out)
    }

    /// `x0_sp_0, x0_sp_1, ...` per feature and spline.
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      var out: [String] = []
      for name in names {
        for sp in 0..<(includeBias ? splineCount : splineCount - 1) {
          out.append("\(name)_sp_\(sp)")
        }
      }
      return out
    }
  }
}

/// scipy's `find_interval` with extrapolation: the `l` in `k..<n` with `t[l] <= x < t[l+1]`
/// (the last interval for `x >= t[n]`, the first for `x < t[k]`).
private func interval(_ t: [Double], _ x: Double, k: Int, n: Int) -> Int {
  var l = k
  while l + 1 < n && x >= t[l + 1] { l += 1 }
  return l
}

/// The `k + 1` non-zero B-splines of degree `k` (or their first derivatives) at `x` in
/// interval `l`, by the Cox–de Boor recursion as scipy's `_deBoor_D`.
private func deBoor(
  _ t: [Double], _ x: Double, l: Int, k: Int, derivative: Int, _ h: inout [Double],
  _ hh: inout [Double]
) {
  h[0] = 1
  for j in stride(from: 1, through: k - derivative, by: 1) {
    for q in 0..<j { hh[q] = h[q] }
    h[0] = 0
    for m in 1...j {
      let xb = t[l + m]
      let xa = t[l + m - j]
      if xb == xa {
        h[m] = 0
        continue
      }
      let w = hh[m - 1] / (xb - xa)
      h[m - 1] += w * (xb - x)
      h[m] = w * (x - xa)
    }
  }
  if derivative == 0 { return }
  for j in stride(from: k - derivative + 1, through: k, by: 1) {
    for q in 0..<j { hh[q] = h[q] }
    h[0] = 0
    for m in 1...j {
      let xb = t[l + m]
      let xa = t[l + m - j]
      if xb == xa {
        h[m] = 0
        continue
      }
      let w = Double(j) * hh[m - 1] / (xb - xa)
      h[m - 1] -= w
      h[m] = w
    }
  }
}

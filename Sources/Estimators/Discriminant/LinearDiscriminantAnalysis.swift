import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Linear discriminant analysis: Gaussian classes sharing one covariance matrix, giving linear
/// decision boundaries and a projection onto at most `classes − 1` discriminant directions.
///
/// scikit-learn: `sklearn.discriminant_analysis.LinearDiscriminantAnalysis`; defaults match
/// scikit-learn 1.9 (`solver="svd"`, no shrinkage, priors from the class frequencies,
/// `tol` 1e-4). The `svd` solver never forms the covariance matrix and supports
/// ``Fitted/transform(_:)``; `lsqr` solves `Σ·coefᵀ = meansᵀ` by least squares and supports
/// ``shrinkage``. Not offered: the `eigen` solver, `covariance_estimator`.
///
///     let lda = try LinearDiscriminantAnalysis<String>().fit(x, labels)
///     let projected = try lda.transform(x)        // classes − 1 columns
///
/// - Complexity: O(n·d·min(n, d)) for the SVD solver; O(n·d² + d³) for `lsqr`.
public struct LinearDiscriminantAnalysis<Label: ClassLabel>: Classifier, DefaultInitializable,
  Hashable, Codable
{
  /// The solver (scikit-learn's `solver`, with its spellings as raw values).
  public enum Solver: String, Sendable, Hashable, Codable, CaseIterable {
    /// Singular value decomposition of the within-class scaled data (the default).
    case svd
    /// Least squares on the (optionally shrunk) pooled covariance.
    case lsqr
  }

  /// Covariance shrinkage for the `lsqr` solver (scikit-learn's `shrinkage`).
  public enum Shrinkage: Sendable, Hashable, Codable {
    /// The Ledoit–Wolf shrinkage computed on standardised data (scikit-learn's `"auto"`).
    case auto
    /// A fixed shrinkage in `[0, 1]` towards a scaled identity.
    case fixed(Double)
  }

  /// The solver (scikit-learn's `solver`, default `.svd`).
  public var solver: Solver
  /// Covariance shrinkage, `lsqr` only (scikit-learn's `shrinkage`, default `nil`).
  public var shrinkage: Shrinkage?
  /// Class priors in class order, `nil` for the training frequencies (scikit-learn's
  /// `priors`).
  public var priors: [Double]?
  /// The number of discriminant directions kept by `transform`, at most
  /// `min(classes − 1, features)`; `nil` keeps them all (scikit-learn's `n_components`).
  public var componentCount: Int?
  /// The singular-value threshold of the `svd` solver (scikit-learn's `tol`, default 1e-4).
  public var tol: Double

  /// Creates the estimator; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - solver: The solver.
  ///   - shrinkage: The shrinkage (`lsqr` only).
  ///   - priors: The class priors.
  ///   - componentCount: The number of discriminant directions.
  ///   - tol: The rank threshold of the `svd` solver.
  public init(
    solver: Solver = .svd, shrinkage: Shrinkage? = nil, priors: [Double]? = nil,
    componentCount: Int? = nil, tol: Double = 1e-4
  ) {
    self.solver = solver
    self.shrinkage = shrinkage
    self.priors = priors
    self.componentCount = componentCount
    self.tol = tol
  }

  /// Creates the estimator with scikit-learn's defaults.
  public init() { self.init(solver: .svd) }

  static var name: String { "LinearDiscriminantAnalysis" }

  /// Checks `tol`, `componentCount` and `shrinkage` (which needs the `lsqr` solver).
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming the
  ///   parameter.
  public func validateHyperparameters() throws {
    try Check.finite(tol, atLeast: 0, estimator: Self.name, name: "tol")
    if let componentCount {
      try Check.count(componentCount, atLeast: 1, estimator: Self.name, name: "componentCount")
    }
    if let shrinkage {
      guard solver == .lsqr else {
        throw LearnError.invalidParameter(
          estimator: Self.name, name: "shrinkage", value: "\(shrinkage)",
          expected: "nil with the svd solver")
      }
      if case .fixed(let value) = shrinkage {
        try Check.within(value, 0...1, estimator: Self.name, name: "shrinkage")
      }
    }
  }

  /// Fits the class means, priors and the linear discriminant.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` (also for
  ///   `priors` of the wrong length and a `componentCount` above `min(classes − 1, features)`),
  ///   `LearnError.emptyInput(input:reason:)` for fewer than two samples,
  ///   `LearnError.nonFinite(input:row:column:)`, `LearnError.lengthMismatch(input:expected:got:)`,
  ///   `LearnError.tooFewClasses(found:)`, `LearnError.unsupportedInput(input:reason:)` when
  ///   there are no more samples than classes, `LearnError.numericalFailure(estimator:reason:)`.
  public func fit(_ x: Matrix, _ y: [Label]) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x, minimumSamples: 2)
    try Validate.labels(y, sampleCount: x.rowCount)
    let encoding = try LabelEncoding(fitting: y)
    let k = encoding.classCount
    guard k >= 2 else { throw LearnError.tooFewClasses(found: k) }
    let n = x.rowCount
    let d = x.columnCount
    guard n > k else {
      throw LearnError.unsupportedInput(
        input: "X", reason: "the number of samples must be more than the number of classes")
    }
    let members = DiscriminantSupport.members(try encoding.encode(y), classCount: k)
    let priors = try DiscriminantSupport.priors(
      self.priors, members: members, rowCount: n, estimator: Self.name)
    let maxComponents = min(k - 1, d)
    if let componentCount, componentCount > maxComponents {
      throw LearnError.invalidParameter(
        estimator: Self.name, name: "componentCount", value: "\(componentCount)",
        expected: "at most min(features, classes − 1) = \(maxComponents)")
    }
    let means = members.map { DiscriminantSupport.mean(x, rows: $0) }
    let solved: Solved
    do {
      switch solver {
      case .svd:
        solved = try solveSVD(x, members: members, means: means, priors: priors)
      case .lsqr:
        solved = try solveLeastSquares(x, members: members, means: means, priors: priors)
      }
    } catch let error as LinearAlgebraError {
      throw LearnError.numericalFailure(estimator: Self.name, reason: error.description)
    }
    var coefficients = solved.coefficients
    var intercepts = solved.intercepts
    if k == 2 {
      coefficients = [(0..<d).map { coefficients[1][$0] - coefficients[0][$0] }]
      intercepts = [intercepts[1] - intercepts[0]]
    }
    guard coefficients.allSatisfy({ $0.allSatisfy(\.isFinite) }), intercepts.allSatisfy(\.isFinite)
    else {
      throw LearnError.numericalFailure(
        estimator: Self.name, reason: "the discriminant is not finite")
    }
    return Fitted(
      encoding: encoding, coefficients: try Matrix(rows: coefficients), intercepts: intercepts,
      means: try Matrix(rows: means), priors: priors, solver: solver, xbar: solved.xbar,
      scalings: solved.scalings,
      componentCount: min(componentCount ?? maxComponents, solved.scalings.columnCount),
      explainedVarianceRatio: Array(
        solved.explainedVarianceRatio.prefix(componentCount ?? maxComponents)))
  }

  struct Solved {
    var coefficients: [[Double]]
    var intercepts: [Double]
    var xbar: [Double]
    var scalings: Matrix
    var explainedVarianceRatio: [Double]
  }

  /// scikit-learn's `_solve_svd`.
  func solveSVD(_ x: Matrix, members: [[Int]], means: [[Double]], priors: [Double]) throws
    -> Solved
  {
    let n = x.rowCount
    let d = x.columnCount
    let k = members.count
    // Within-class centred rows, class by class.
    var rows: [Double] = []
    rows.reserveCapacity(n * d)
    for c in 0..<k {
      rows += DiscriminantSupport.centered(x, rows: members[c], center: means[c]).storage
    }
    var std = [Double](repeating: 0, count: d)
    var columnMean = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { columnMean[j] += rows[i * d + j] } }
    columnMean = columnMean.map { $0 / Double(n) }
    for i in 0..<n {
      for j in 0..<d {
        let v = rows[i * d + j] - columnMean[j]
        std[j] += v * v
      }
    }
    std = std.map {
      let s = ($0 / Double(n)).squareRoot()
      return s == 0 ? 1 : s
    }
    let within = (1 / Double(n)).squareRoot()  // scikit-learn 1.9 scales by 1/n
    for i in 0..<n { for j in 0..<d { rows[i * d + j] = within * rows[i * d + j] / std[j] } }
    let first = try Matrix(rowCount: n, columnCount: d, storage: rows).svd()
    let rank = first.s.filter { $0 > tol }.count
    // scalings = (Vt[:rank] / std)ᵀ / S[:rank], d × rank.
    var scalings = [Double](repeating: 0, count: d * rank)
    for r in 0..<rank {
      for j in 0..<d { scalings[j * rank + r] = first.vt[r, j] / std[j] / first.s[r] }
    }
    var xbar = [Double](repeating: 0, count: d)
    for c in 0..<k { for j in 0..<d { xbar[j] += priors[c] * means[c][j] } }
    let between = k == 1 ? 1 : 1 / Double(k - 1)
    var weighted = [Double](repeating: 0, count: k * d)
    for c in 0..<k {
      let factor = (Double(n) * priors[c] * between).squareRoot()
      for j in 0..<d { weighted[c * d + j] = factor * (means[c][j] - xbar[j]) }
    }
    let scalingMatrix = Matrix(unchecked: d, rank, scalings)
    let projected = try Matrix.product(Matrix(unchecked: k, d, weighted), scalingMatrix)
    let second = try projected.svd()
    let total = second.s.reduce(0) { $0 + $1 * $1 }
    let ratio = second.s.map { total > 0 ? $0 * $0 / total : 0 }
    let top = second.s.first ?? 0
    let rank2 = second.s.filter { $0 > tol * top }.count
    // scalings_ = scalings @ Vt2ᵀ[:, :rank2], d × rank2.
    let vt2 = try second.vt.rows(0..<rank2)
    let finalScalings = try Matrix.product(scalingMatrix, vt2, transposeB: .transposed)
    var centredMeans = [Double](repeating: 0, count: k * d)
    for c in 0..<k { for j in 0..<d { centredMeans[c * d + j] = means[c][j] - xbar[j] } }
    let coef = try Matrix.product(Matrix(unchecked: k, d, centredMeans), finalScalings)
    var intercepts = (0..<k).map { c -> Double in
      var sum = 0.0
      for r in 0..<rank2 { sum += coef[c, r] * coef[c, r] }
      return -0.5 * sum + Foundation.log(priors[c])
    }
    let fullCoef = try Matrix.product(coef, finalScalings, transposeB: .transposed)
    for c in 0..<k {
      for j in 0..<d { intercepts[c] -= xbar[j] * fullCoef[c, j] }
    }
    return Solved(
      coefficients: fullCoef.rowArrays, intercepts: intercepts, xbar: xbar,
      scalings: finalScalings, explainedVarianceRatio: ratio)
  }

  /// scikit-learn's `_solve_lstsq`: `coef = lstsq(Σ, meansᵀ)ᵀ` with the prior-weighted
  /// within-class covariance `Σ`.
  func solveLeastSquares(_ x: Matrix, members: [[Int]], means: [[Double]], priors: [Double])
    throws -> Solved
  {
    let d = x.columnCount
    let k = members.count
    var covariance = Matrix.zeros(d, d)
    for c in 0..<k {
      let cov = try Self.covariance(x, rows: members[c], mean: means[c], shrinkage: shrinkage)
      covariance = try covariance + cov.map { $0 * priors[c] }
    }
    let meansMatrix = try Matrix(rows: means)
    let solution = try covariance.leastSquares(meansMatrix.transposed()).solution
    let coef = solution.transposed()
    let intercepts = (0..<k).map { c -> Double in
      var dot = 0.0
      for j in 0..<d { dot += means[c][j] * coef[c, j] }
      return -0.5 * dot + Foundation.log(priors[c])
    }
    return Solved(
      coefficients: coef.rowArrays, intercepts: intercepts,
      xbar: [Double](repeating: 0, count: d), scalings: Matrix.zeros(d, 0),
      explainedVarianceRatio: [])
  }

  /// scikit-learn's `_cov`: the biased empirical covariance of the rows, optionally shrunk
  /// (a fixed amount, or Ledoit–Wolf on standardised data, rescaled back).
  static func covariance(_ x: Matrix, rows: [Int], mean: [Double], shrinkage: Shrinkage?)
    throws -> Matrix
  {
    let centered = DiscriminantSupport.centered(x, rows: rows, center: mean)
    let n = Double(rows.count)
    let d = x.columnCount
    let empirical = try Matrix.product(centered, centered, transposeA: .transposed)
      .map { $0 / n }
    switch shrinkage {
    case nil:
      return empirical
    case .fixed(let amount):
      return shrunk(empirical, amount)
    case .auto:
      var scale = (0..<d).map { empirical[$0, $0].squareRoot() }
      scale = scale.map { $0 == 0 ? 1 : $0 }
      let standardized = centered.storage.enumerated().map { $0.element / scale[$0.offset % d] }
      let z = Matrix(unchecked: rows.count, d, standardized)
      let zCov = try Matrix.product(z, z, transposeA: .transposed).map { $0 / n }
      let amount = try ledoitWolfShrinkage(z)
      let s = shrunk(zCov, amount)
      var out = s
      for i in 0..<d { for j in 0..<d { out[i, j] = scale[i] * s[i, j] * scale[j] } }
      return out
    }
  }

  /// `(1 − s)·C + s·(trace(C)/d)·I`.
  static func shrunk(_ c: Matrix, _ s: Double) -> Matrix {
    let d = c.columnCount
    var trace = 0.0
    for i in 0..<d { trace += c[i, i] }
    var out = c.map { $0 * (1 - s) }
    for i in 0..<d { out[i, i] += s * trace / Double(d) }
    return out
  }

  /// scikit-learn's `ledoit_wolf_shrinkage` for centred rows `z`.
  static func ledoitWolfShrinkage(_ z: Matrix) throws -> Double {
    let n = Double(z.rowCount)
    let p = Double(z.columnCount)
    let z2 = z.map { $0 * $0 }
    var traceTerms = 0.0
    for v in z2.storage { traceTerms += v }
    let empiricalTrace = traceTerms / n
    let mu = empiricalTrace / p
    let gram2 = try Matrix.product(z2, z2, transposeA: .transposed)
    let beta0 = gram2.storage.reduce(0, +)
    let gram = try Matrix.product(z, z, transposeA: .transposed)
    let delta0 = gram.storage.reduce(0) { $0 + $1 * $1 } / (n * n)
    var beta = 1 / (p * n) * (beta0 / n - delta0)
    var delta = delta0 - 2 * mu * empiricalTrace + p * mu * mu
    delta /= p
    beta = min(beta, delta)
    return beta == 0 ? 0 : beta / delta
  }
}

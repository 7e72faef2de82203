import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Bins each continuous feature into intervals and encodes the bin index.
///
/// Bin edges are equal-width (`uniform`), at the feature's percentiles (`quantile`, numpy's
/// `averaged_inverted_cdf` by default as in scikit-learn 1.9) or midway between the centres of
/// a one-dimensional k-means started at the uniform bin centres (`kmeans`, Lloyd's algorithm as
/// scikit-learn's `KMeans(init=..., n_init=1)`). Bins narrower than `1e-8` are merged, and a
/// constant feature gets one bin. The output is a dense one-hot matrix (one column per bin) or
/// the bin index.
///
/// scikit-learn: `sklearn.preprocessing.KBinsDiscretizer`; defaults match scikit-learn 1.9
/// (`n_bins=5`, `encode="onehot"`, `strategy="quantile"`,
/// `quantile_method="averaged_inverted_cdf"`, `subsample=200_000`). scikit-learn's `onehot`
/// is sparse; SwiftLearn has dense matrices only, so `onehot` and `onehot-dense` give the same
/// dense output. Sample weights are accepted by every strategy.
///
///     let bins = try KBinsDiscretizer(binCount: 4, encode: .ordinal).fit(x)
///     let codes = try bins.transform(x)
///
/// - Complexity: O(n log n · d) to fit (quantile), O(n · d · iterations) (kmeans);
///   O(n · d · log binCount) to transform.
public struct KBinsDiscretizer: SampleWeightedTransformerEstimator, RandomizedEstimator,
  DefaultInitializable, Hashable, Codable
{
  /// How the bin index is encoded (scikit-learn's `encode`).
  public enum Encode: String, Sendable, Hashable, Codable, CaseIterable {
    /// One column per bin (dense in SwiftLearn).
    case onehot
    /// One column per bin, dense.
    case onehotDense = "onehot-dense"
    /// The bin index as a number.
    case ordinal
  }

  /// How the bin edges are chosen (scikit-learn's `strategy`).
  public enum Strategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Equal-width bins between the minimum and the maximum.
    case uniform
    /// Bins holding equal numbers of samples.
    case quantile
    /// Edges between the centres of a 1-D k-means.
    case kmeans
  }

  /// How percentiles are read for the `quantile` strategy (scikit-learn's `quantile_method`;
  /// the ones that accept weights are offered).
  public enum QuantileMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// numpy's `averaged_inverted_cdf` (scikit-learn 1.9's default).
    case averagedInvertedCDF = "averaged_inverted_cdf"
    /// numpy's `inverted_cdf`.
    case invertedCDF = "inverted_cdf"
    /// numpy's `linear` (not with sample weights).
    case linear
  }

  /// The number of bins of every feature (scikit-learn's `n_bins`, default 5), at least 2.
  public var binCount: Int
  /// The output encoding (default `onehot`).
  public var encode: Encode
  /// The binning strategy (default `quantile`).
  public var strategy: Strategy
  /// The percentile definition of the `quantile` strategy.
  public var quantileMethod: QuantileMethod
  /// Fit on at most this many rows drawn with replacement (scikit-learn's `subsample`,
  /// default 200,000); `nil` uses every row.
  public var subsample: Int?
  /// Seed of the subsampling (scikit-learn's `random_state`).
  public var seed: UInt64?

  /// Creates the discretizer; every argument defaults to scikit-learn's value.
  ///
  /// - Parameters:
  ///   - binCount: Bins per feature.
  ///   - encode: The output encoding.
  ///   - strategy: How edges are chosen.
  ///   - quantileMethod: The percentile definition for `quantile`.
  ///   - subsample: The largest number of rows used to find the edges.
  ///   - seed: Seed of the subsampling.
  public init(
    binCount: Int = 5, encode: Encode = .onehot, strategy: Strategy = .quantile,
    quantileMethod: QuantileMethod = .averagedInvertedCDF, subsample: Int? = 200_000,
    seed: UInt64? = nil
  ) {
    self.binCount = binCount
    self.encode = encode
    self.strategy = strategy
    self.quantileMethod = quantileMethod
    self.subsample = subsample
    self.seed = seed
  }

  public init() { self.init(binCount: 5) }

  /// Weights are accepted.
  public static var capabilities: Capabilities { Capabilities(supportsSampleWeight: true) }

  /// - Throws: `LearnError.invalidParameter` naming `binCount` (< 2) or `subsample` (< 1).
  public func validateHyperparameters() throws {
    try Check.count(binCount, atLeast: 2, estimator: "KBinsDiscretizer", name: "binCount")
    if let subsample {
      try Check.count(subsample, atLeast: 1, estimator: "KBinsDiscretizer", name: "subsample")
    }
  }

  /// Finds the bin edges of every feature.
  ///
  /// - Parameters:
  ///   - x: Training samples, finite.
  ///   - sampleWeight: Optional per-sample weights.
  /// - Returns: The fitted discretizer.
  /// - Throws: `LearnError.invalidParameter` (also `quantileMethod` `linear` with weights),
  ///   `LearnError.emptyInput`, `LearnError.nonFinite`, sample-weight errors.
  public func fit(_ x: Matrix, sampleWeight: [Double]?) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    var weights = try Validate.sampleWeight(sampleWeight, sampleCount: x.rowCount)
    var data = x
    var seedUsed: UInt64? = nil
    if let subsample, x.rowCount > subsample {
      var (generator, used) = makeGenerator(seed)
      seedUsed = used
      let rows = try weightedDraw(count: subsample, weights: weights, n: x.rowCount, &generator)
      data = try x.rows(rows)
      weights = nil
    }
    if strategy == .quantile, weights != nil, quantileMethod == .linear {
      throw LearnError.invalidParameter(
        estimator: "KBinsDiscretizer", name: "quantileMethod", value: "linear",
        expected: "'averaged_inverted_cdf' or 'inverted_cdf' when fitting with sample weights")
    }
    let n = data.rowCount
    var edges: [[Double]] = []
    for j in 0..<data.columnCount {
      let column = try data.column(j)
      var low = Double.infinity
      var high = -Double.infinity
      for i in 0..<n where strategy == .quantile || (weights?[i] ?? 1) != 0 {
        low = min(low, column[i])
        high = max(high, column[i])
      }
      if low == high {
        edges.append([-.infinity, .infinity])
        continue
      }
      var e: [Double]
      switch strategy {
      case .uniform:
        e = numpyLinspace(low, high, binCount + 1)
      case .quantile:
        let levels = numpyLinspace(0, 100, binCount + 1)
        if let weights {
          e = levels.map {
            weightedPercentile(
              column, weights, $0, average: quantileMethod == .averagedInvertedCDF)
          }
        } else {
          let sorted = column.sorted()
          let method: PercentileMethod =
            switch quantileMethod {
            case .linear: .linear
            case .averagedInvertedCDF: .averagedInvertedCDF
            case .invertedCDF: .invertedCDF
            }
          e = levels.map { numpyPercentile(sorted: sorted, $0, method: method) }
        }
      case .kmeans:
        let uniform = numpyLinspace(low, high, binCount + 1)
        let initial = (0..<binCount).map { (uniform[$0 + 1] + uniform[$0]) * 0.5 }
        var centers = lloydKMeans1D(column, weights: weights, initial: initial)
        centers.sort()
        var inner: [Double] = [low]
        for c in 0..<(binCount - 1) { inner.append((centers[c + 1] + centers[c]) * 0.5) }
        inner.append(high)
        e = inner
      }
      if strategy != .uniform {
        var kept: [Double] = []
        for (k, v) in e.enumerated() where k == 0 || v - e[k - 1] > 1e-8 { kept.append(v) }
        e = kept
      }
      edges.append(e)
    }
    return Fitted(featureCount: x.columnCount, binEdges: edges, encode: encode, seedUsed: seedUsed)
  }

  /// The fitted state of a ``KBinsDiscretizer``.
  public struct Fitted: InvertibleTransformer, Hashable {
    /// The number of features seen during fit (scikit-learn's `n_features_in_`).
    public let featureCount: Int
    /// The edges of each feature's bins, ascending (scikit-learn's `bin_edges_`);
    /// `[-inf, inf]` for a constant feature.
    public let binEdges: [[Double]]
    /// The output encoding.
    public let encode: Encode
    /// The seed used to subsample; `nil` when every row was used.
    public let seedUsed: UInt64?

    /// The number of bins of each feature (scikit-learn's `n_bins_`).
    public var binCounts: [Int] { binEdges.map { $0.count - 1 } }

    /// One column per bin (one-hot) or per feature (ordinal).
    public var outputFeatureCount: Int {
      encode == .ordinal ? featureCount : binCounts.reduce(0, +)
    }

    /// The bin index of every value: the number of inner edges at or below it.
    private func binIndices(_ x: Matrix) -> [Int] {
      let d = featureCount
      var out = [Int](repeating: 0, count: x.rowCount * d)
      x.withUnsafeStorage { s in
        for k in 0..<s.count {
          let e = binEdges[k % d]
          let v = s[k]
          // searchsorted(e[1:-1], v, side="right")
          var lo = 1
          var hi = e.count - 1
          while lo < hi {
            let mid = (lo + hi) / 2
            if e[mid] <= v { lo = mid + 1 } else { hi = mid }
          }
          out[k] = lo - 1
        }
      }
      return out
    }

    /// Encodes each value's bin.
    ///
    /// - Throws: `LearnError.featureCountMismatch`, `LearnError.emptyInput`,
    ///   `LearnError.nonFinite`.
    public func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      let bins = binIndices(x)
      if encode == .ordinal {
        return Matrix(unchecked: x.rowCount, featureCount, bins.map(Double.init))
      }
      let counts = binCounts
      var offsets = [Int](repeating: 0, count: featureCount)
      for j in 1..<max(featureCount, 1) { offsets[j] = offsets[j - 1] + counts[j - 1] }
      let width = outputFeatureCount
      var out = [Double](repeating: 0, count: x.rowCount * width)
      for i in 0..<x.rowCount {
        for j in 0..<featureCount { out[i * width + offsets[j] + bins[i * featureCount + j]] = 1 }
      }
      return Matrix(unchecked: x.rowCount, width, out)
    }

    /// Maps encoded bins back to the centre of each bin (scikit-learn's `inverse_transform`).
    ///
    /// - Throws: `LearnError.featureCountMismatch` when the column count is not
    ///   ``outputFeatureCount``; `LearnError.unsupportedInput` for an ordinal code outside the
    ///   feature's bins; `LearnError.nonFinite`.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: outputFeatureCount)
      let d = featureCount
      let counts = binCounts
      var out = [Double](repeating: 0, count: x.rowCount * d)
      for i in 0..<x.rowCount {
        var offset = 0
        for j in 0..<d {
          let code: Int
          if encode == .ordinal {
            let v = x[i, j]
            guard v >= 0, v < Double(counts[j]) else {
              throw LearnError.unsupportedInput(
                input: "X", reason: "code \(v) at row \(i), column \(j) is not a bin index")
            }
            code = Int(v)
          } else {
            var best = 0
            for b in 0..<counts[j] where x[i, offset + b] > x[i, offset + best] { best = b }
            code = best
            offset += counts[j]
          }
          let e = binEdges[j]
          out[i * d + j] = (e[code + 1] + e[code]) * 0.5
        }
      }
      return Matrix(unchecked: x.rowCount, d, out)
    }

    /// Ordinal: the input names; one-hot: `x0_0.0, x0_1.0, ...` per bin (scikit-learn's
    /// one-hot names, whose categories are floating-point bin indices).
    ///
    /// - Throws: `LearnError.lengthMismatch` when `inputFeatures` has the wrong length.
    public func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      let names = try Validate.featureNames(inputFeatures, featureCount: featureCount)
      if encode == .ordinal { return names }
      var out: [String] = []
      for (j, count) in binCounts.enumerated() {
        for b in 0..<count { out.append("\(names[j])_\(Double(b))") }
      }
      return out
    }
  }
}

/// Row indices drawn with replacement, with probability proportional to `weights`.
private func weightedDraw(
  count: Int, weights: [Double]?, n: Int, _ generator: inout SeededGenerator
) throws -> [Int] {
  guard let weights else { return (0..<count).map { _ in generator.nextInt(below: n) } }
  var cumulative = [Double](repeating: 0, count: n)
  var total = 0.0
  for i in 0..<n {
    total += weights[i]
    cumulative[i] = total
  }
  return (0..<count).map { _ in
    let u = generator.nextUniform() * total
    var lo = 0
    var hi = n - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}

/// scikit-learn's `_weighted_percentile` (inverted CDF, optionally averaged) of one column,
/// `percentile` in percent.
func weightedPercentile(
  _ values: [Double], _ weights: [Double], _ percentile: Double, average: Bool
)
  -> Double
{
  let order = values.indices.sorted { values[$0] < values[$1] }
  var cdf = [Double](repeating: 0, count: order.count)
  var total = 0.0
  for (k, i) in order.enumerated() {
    total += weights[i]
    cdf[k] = total
  }
  var adjusted = percentile / 100 * total
  if adjusted == 0 { adjusted = Double.leastNonzeroMagnitude }
  let last = order.count - 1
  // numpy's searchsorted on the cumulative weights.
  func search(_ level: Double, right: Bool) -> Int {
    var lo = 0
    var hi = cdf.count
    while lo < hi {
      let mid = (lo + hi) / 2
      let goRight = right ? cdf[mid] <= level : cdf[mid] < level
      if goRight { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
  let index = min(search(adjusted, right: false), last)
  let value = values[order[index]]
  guard average else { return value }
  let above = cdf[index] - adjusted > Double.ulpOfOne
  var next = min(index + 1, last)
  if weights[order[next]] == 0 {
    let candidate = search(cdf[index], right: true)
    next = candidate > last ? index : candidate
  }
  return above ? value : (value + values[order[next]]) / 2
}

/// Lloyd's k-means on one column from the given centres, as scikit-learn's `KMeans` with
/// `n_init=1`, `max_iter=300`, `tol=1e-4` (scaled by the column's variance): the data are
/// centred, a sample goes to the centre minimizing `‖c‖² - 2·x·c` (the first on ties), sums
/// accumulate in chunks of 256 samples, and empty clusters are moved to the points farthest
/// from their centres.
func lloydKMeans1D(_ raw: [Double], weights: [Double]?, initial: [Double]) -> [Double] {
  let n = raw.count
  let k = initial.count
  let mean = numpySum(raw) / Double(n)
  let x = raw.map { $0 - mean }
  let tolerance = numpyVariance(raw) * 1e-4
  var centers = initial.map { $0 - mean }
  var labels = [Int](repeating: -1, count: n)
  var strict = false
  func assign() -> Bool {
    var changed = false
    let norms = centers.map { $0 * $0 }
    for i in 0..<n {
      var best = 0
      var bestDistance = Double.infinity
      let scaled = -2 * x[i]
      for c in 0..<k {
        let dist = norms[c] + scaled * centers[c]
        if dist < bestDistance {
          bestDistance = dist
          best = c
        }
      }
      if labels[i] != best { changed = true }
      labels[i] = best
    }
    return changed
  }
  for _ in 0..<300 {
    let changed = assign()
    var sums = [Double](repeating: 0, count: k)
    var mass = [Double](repeating: 0, count: k)
    var start = 0
    while start < n {
      let end = min(start + 256, n)
      var chunkSums = [Double](repeating: 0, count: k)
      var chunkMass = [Double](repeating: 0, count: k)
      for i in start..<end {
        let w = weights?[i] ?? 1
        chunkSums[labels[i]] += x[i] * w
        chunkMass[labels[i]] += w
      }
      for c in 0..<k {
        sums[c] += chunkSums[c]
        mass[c] += chunkMass[c]
      }
      start = end
    }
    let empty = (0..<k).filter { mass[$0] == 0 }
    if !empty.isEmpty {
      let distances = (0..<n).map { (x[$0] - centers[labels[$0]]) * (x[$0] - centers[labels[$0]]) }
      let far = (0..<n).sorted { distances[$0] > distances[$1] }
      for (slot, c) in empty.enumerated() where slot < far.count {
        let i = far[slot]
        let w = weights?[i] ?? 1
        sums[labels[i]] -= x[i] * w
        mass[labels[i]] -= w
        sums[c] = x[i] * w
        mass[c] = w
      }
    }
    var shift = 0.0
    for c in 0..<k {
      let updated = mass[c] > 0 ? sums[c] / mass[c] : centers[c]
      shift += (updated - centers[c]) * (updated - centers[c])
      centers[c] = updated
    }
    if !changed {
      strict = true
      break
    }
    if shift <= tolerance { break }
  }
  _ = strict
  return centers.map { $0 + mean }
}

import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The share of outliers an isolation forest assumes when it sets its threshold.
public enum Contamination: Sendable, Hashable, Codable, CustomStringConvertible {
  /// scikit-learn's `"auto"`: the threshold is the score -0.5 of the original paper.
  case auto
  /// The expected fraction of outliers in the training data, in (0, 0.5].
  case fraction(Double)

  /// `auto` or `fraction(f)`.
  public var description: String {
    switch self {
    case .auto: return "auto"
    case .fraction(let f): return "fraction(\(f))"
    }
  }
}

/// Rows drawn to grow each isolation tree.
public enum IsolationSampleSize: Sendable, Hashable, Codable, CustomStringConvertible {
  /// scikit-learn's `"auto"`: `min(256, n)`.
  case auto
  /// A number of rows (at most `n`; larger counts use `n`, as scikit-learn does with a warning).
  case count(Int)
  /// A fraction of the rows, in (0, 1].
  case fraction(Double)

  /// `auto`, `count(k)` or `fraction(f)`.
  public var description: String {
    switch self {
    case .auto: return "auto"
    case .count(let k): return "count(\(k))"
    case .fraction(let f): return "fraction(\(f))"
    }
  }
}

/// Isolation forest: unsupervised outlier detection by how quickly random splits isolate a
/// row.
///
/// scikit-learn equivalent: `sklearn.ensemble.IsolationForest`. Each tree is grown on a
/// sample of rows with a random feature and a random threshold at each node, to depth
/// `ceil(log2(maxSamples))`; short average paths mean anomalies. ``Fitted/scoreSamples(_:)``
/// is the opposite of the paper's anomaly score (lower is more abnormal),
/// ``Fitted/decisionFunction(_:)`` subtracts ``Fitted/offset``, and ``Fitted/predict(_:)``
/// returns -1 for outliers and 1 for inliers.
///
/// Defaults: `estimatorCount: 100`, `maxSamples: .auto` (`min(256, n)`),
/// `contamination: .auto`, `maxFeatures: 1.0` (all features), `bootstrap: false`, the seed
/// drawn at random.
///
/// ```swift
/// let detector = try IsolationForest(contamination: .fraction(0.05), seed: 0).fit(x)
/// let flags = try detector.predict(xNew)  // -1 = outlier
/// ```
public struct IsolationForest: Estimator, RandomizedEstimator, DefaultInitializable, Hashable,
  Codable
{
  /// Trees in the forest (`n_estimators`), `>= 1`.
  public var estimatorCount: Int
  /// Rows per tree (`max_samples`).
  public var maxSamples: IsolationSampleSize
  /// Expected outlier share, which sets the threshold (`contamination`).
  public var contamination: Contamination
  /// Fraction of the features each tree sees (`max_features` as a float), in (0, 1].
  public var maxFeatures: Double
  /// Draw each tree's rows with replacement (`bootstrap`).
  public var bootstrap: Bool
  /// Worker threads for growing and scoring; nil uses every core. The result does not
  /// depend on it.
  public var threadCount: Int?
  /// Seed (`random_state`); each tree uses a seed derived from it.
  public var seed: UInt64?

  /// Creates an isolation forest; the defaults are scikit-learn's.
  ///
  /// - Parameters:
  ///   - estimatorCount: Number of trees.
  ///   - maxSamples: Rows per tree.
  ///   - contamination: Expected outlier share.
  ///   - maxFeatures: Fraction of features per tree.
  ///   - bootstrap: Sample rows with replacement.
  ///   - threadCount: Worker threads; nil uses every core.
  ///   - seed: Random seed; nil draws one.
  public init(
    estimatorCount: Int = 100, maxSamples: IsolationSampleSize = .auto,
    contamination: Contamination = .auto, maxFeatures: Double = 1, bootstrap: Bool = false,
    threadCount: Int? = nil, seed: UInt64? = nil
  ) {
    self.estimatorCount = estimatorCount
    self.maxSamples = maxSamples
    self.contamination = contamination
    self.maxFeatures = maxFeatures
    self.bootstrap = bootstrap
    self.threadCount = threadCount
    self.seed = seed
  }

  /// Creates a forest with scikit-learn's defaults.
  public init() { self.init(estimatorCount: 100) }

  /// Isolation forest is randomized and needs finite `X`.
  public static var capabilities: Capabilities { Capabilities(isDeterministic: false) }

  /// Checks every hyperparameter.
  ///
  /// - Throws: `LearnError.invalidParameter` naming `estimatorCount`, `maxSamples`,
  ///   `contamination` (outside (0, 0.5]), `maxFeatures` or `threadCount`.
  public func validateHyperparameters() throws {
    let name = "IsolationForest"
    try Check.count(estimatorCount, atLeast: 1, estimator: name, name: "estimatorCount")
    switch maxSamples {
    case .auto: break
    case .count(let k):
      try Check.count(k, atLeast: 1, estimator: name, name: "maxSamples")
    case .fraction(let f):
      guard f > 0 && f <= 1 else {
        throw LearnError.invalidParameter(
          estimator: name, name: "maxSamples", value: "\(f)", expected: "a fraction in (0, 1]")
      }
    }
    if case .fraction(let c) = contamination, !(c > 0 && c <= 0.5) {
      throw LearnError.invalidParameter(
        estimator: name, name: "contamination", value: "\(c)",
        expected: "auto or a fraction in (0, 0.5]")
    }
    guard maxFeatures > 0 && maxFeatures <= 1 else {
      throw LearnError.invalidParameter(
        estimator: name, name: "maxFeatures", value: "\(maxFeatures)",
        expected: "a fraction in (0, 1]")
    }
    if let threadCount {
      try Check.count(threadCount, atLeast: 1, estimator: name, name: "threadCount")
    }
  }

  /// Grows the forest on `x` and sets the outlier threshold.
  ///
  /// - Parameter x: Training rows, finite.
  /// - Returns: The fitted detector.
  /// - Throws: `LearnError.invalidParameter`, `.nonFinite`, `.emptyInput`.
  public func fit(_ x: Matrix) throws -> Fitted {
    try validateHyperparameters()
    try Validate.features(x)
    let n = x.rowCount
    let d = x.columnCount
    let sampleSize: Int
    switch maxSamples {
    case .auto: sampleSize = min(256, n)
    case .count(let k): sampleSize = min(k, n)
    case .fraction(let f): sampleSize = max(1, Int(f * Double(n)))
    }
    let featureCount = max(1, min(d, Int(maxFeatures * Double(d))))
    let depthLimit = Int(Foundation.log2(Double(max(sampleSize, 2))).rounded(.up))
    let seedUsed = seed ?? SeededGenerator.randomSeed()
    let threads = threadCount ?? ProcessInfo.processInfo.activeProcessorCount
    let slots = ParallelSlots<IsolationTree>(count: estimatorCount)
    let bootstrap = self.bootstrap
    x.withUnsafeStorage { s in
      let pointer = IsolationInput(base: s.baseAddress, rowCount: n, featureCount: d)
      parallelFor(estimatorCount, threads: threads) { t in
        var rng = SeededGenerator(seed: SeededGenerator.childSeed(of: seedUsed, index: t))
        var features = Array(0..<d)
        if featureCount < d {
          rng.shuffle(&features)
          features = Array(features[0..<featureCount]).sorted()
        }
        var rows: [Int]
        if bootstrap {
          rows = (0..<sampleSize).map { _ in rng.nextInt(below: n) }
        } else {
          var all = Array(0..<n)
          for i in 0..<sampleSize {
            let j = i + rng.nextInt(below: n - i)
            all.swapAt(i, j)
          }
          rows = Array(all[0..<sampleSize])
        }
        slots.set(
          t,
          IsolationTree.grow(
            pointer, rows: &rows, features: features, depthLimit: depthLimit, rng: &rng))
      }
    }
    let trees = slots.items.compactMap { $0 }
    var model = Fitted(
      featureCount: d, trees: trees, sampleSize: sampleSize, offset: -0.5, seedUsed: seedUsed,
      threadCount: threadCount)
    if case .fraction(let c) = contamination {
      let scores = try model.scoreSamples(x)
      model.offset = classicLinearPercentile(scores, 100 * c)
    }
    return model
  }

  /// A fitted isolation forest.
  public struct Fitted: FittedModel, Hashable {
    /// Columns of `X` at fit.
    public let featureCount: Int
    /// The trees.
    public let trees: [IsolationTree]
    /// Rows each tree was grown on (`max_samples_`).
    public let sampleSize: Int
    /// The threshold subtracted from ``scoreSamples(_:)`` (`offset_`): -0.5 for
    /// `contamination: .auto`, else the contamination percentile of the training scores.
    public internal(set) var offset: Double
    /// The seed the fit used.
    public let seedUsed: UInt64
    /// Threads for scoring; nil uses every core. Results do not depend on it.
    public var threadCount: Int?

    init(
      featureCount: Int, trees: [IsolationTree], sampleSize: Int, offset: Double,
      seedUsed: UInt64, threadCount: Int?
    ) {
      self.featureCount = featureCount
      self.trees = trees
      self.sampleSize = sampleSize
      self.offset = offset
      self.seedUsed = seedUsed
      self.threadCount = threadCount
    }

    private enum CodingKeys: String, CodingKey {
      case featureCount, trees, sampleSize, offset, seedUsed, threadCount
    }

    /// Decodes a saved detector and checks its trees.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      featureCount = try c.decode(Int.self, forKey: .featureCount)
      trees = try c.decode([IsolationTree].self, forKey: .trees)
      sampleSize = try c.decode(Int.self, forKey: .sampleSize)
      offset = try c.decode(Double.self, forKey: .offset)
      seedUsed = try c.decode(UInt64.self, forKey: .seedUsed)
      threadCount = try c.decodeIfPresent(Int.self, forKey: .threadCount)
      guard featureCount >= 1, sampleSize >= 1, !trees.isEmpty,
        trees.allSatisfy({ $0.isValid(featureCount: featureCount) })
      else { throw LearnError.corruptModelFile(reason: "isolation forest trees are invalid") }
    }

    /// The opposite of the anomaly score of the original paper (`score_samples`): values
    /// near -1 are outliers, values near -0.5 or above are inliers.
    ///
    /// - Parameter x: Rows to score, finite, with ``featureCount`` columns.
    /// - Returns: One score per row.
    /// - Throws: `LearnError.featureCountMismatch`, `.nonFinite`, `.emptyInput`.
    public func scoreSamples(_ x: Matrix) throws -> [Double] {
      try Validate.predictionInput(x, featureCount: featureCount)
      let n = x.rowCount
      let d = featureCount
      let trees = self.trees
      let norm = isolationAveragePathLength(Double(sampleSize)) * Double(trees.count)
      let out = UnsafeMutablePointer<Double>.allocate(capacity: n)
      defer { out.deallocate() }
      let threads = threadCount ?? ProcessInfo.processInfo.activeProcessorCount
      let block = 256
      let blocks = (n + block - 1) / block
      let scale = 1 / max(norm, .leastNormalMagnitude)
      x.withUnsafeStorage { s in
        let shared = SendablePointers(input: s.baseAddress ?? UnsafePointer(out), output: out)
        parallelFor(blocks, threads: threads) { b in
          let input = shared.input
          let output = shared.output
          let lo = b * block
          let hi = min(n, lo + block)
          for i in lo..<hi { output[i] = 0 }
          // Trees in order for every row, so the sum does not depend on the blocks.
          for tree in trees {
            tree.feature.withUnsafeBufferPointer { feature in
              tree.threshold.withUnsafeBufferPointer { threshold in
                tree.left.withUnsafeBufferPointer { left in
                  tree.right.withUnsafeBufferPointer { right in
                    tree.leafPath.withUnsafeBufferPointer { path in
                      for i in lo..<hi {
                        let base = i * d
                        var node = 0
                        while left[node] >= 0 {
                          node =
                            input[base + Int(feature[node])] <= threshold[node]
                            ? Int(left[node]) : Int(right[node])
                        }
                        output[i] += path[node]
                      }
                    }
                  }
                }
              }
            }
          }
          for i in lo..<hi { output[i] = -Foundation.pow(2, -output[i] * scale) }
        }
      }
      return Array(UnsafeBufferPointer(start: out, count: n))
    }

    /// ``scoreSamples(_:)`` minus ``offset`` (`decision_function`): negative for outliers.
    ///
    /// - Parameter x: Rows to score.
    /// - Returns: One value per row.
    /// - Throws: As ``scoreSamples(_:)``.
    public func decisionFunction(_ x: Matrix) throws -> [Double] {
      try scoreSamples(x).map { $0 - offset }
    }

    /// -1 for outliers (negative decision function), 1 for inliers (`predict`).
    ///
    /// - Parameter x: Rows to classify.
    /// - Returns: One of -1 and 1 per row.
    /// - Throws: As ``scoreSamples(_:)``.
    public func predict(_ x: Matrix) throws -> [Int] {
      try decisionFunction(x).map { $0 < 0 ? -1 : 1 }
    }
  }
}

/// Read-only rows shared by the workers.
struct IsolationInput: @unchecked Sendable {
  let base: UnsafePointer<Double>?
  let rowCount: Int
  let featureCount: Int

  @inline(__always)
  func value(_ row: Int, _ feature: Int) -> Double {
    base.map { $0[row * featureCount + feature] } ?? 0
  }
}

/// scikit-learn's `_average_path_length`: the mean path length of an unsuccessful search in
/// a binary search tree of `n` items.
func isolationAveragePathLength(_ n: Double) -> Double {
  if n <= 1 { return 0 }
  if n <= 2 { return 1 }
  let eulerGamma = 0.577_215_664_901_532_9
  return 2 * (Foundation.log(n - 1) + eulerGamma) - 2 * (n - 1) / n
}

/// One isolation tree as flat node arrays (a leaf has `left == -1`).
public struct IsolationTree: Sendable, Hashable, Codable {
  /// The split feature of each node (-1 for leaves).
  public let feature: [Int32]
  /// The split threshold of each node: rows with `x <= threshold` go left.
  public let threshold: [Double]
  /// The left child of each node, -1 for leaves.
  public let left: [Int32]
  /// The right child of each node, -1 for leaves.
  public let right: [Int32]
  /// For leaves: depth plus the average path length of the rows left in the leaf.
  public let leafPath: [Double]

  func isValid(featureCount: Int) -> Bool {
    let n = feature.count
    guard n >= 1, threshold.count == n, left.count == n, right.count == n, leafPath.count == n
    else { return false }
    for i in 0..<n {
      if left[i] < 0 { continue }
      let l = Int(left[i])
      let r = Int(right[i])
      guard l > i, r > i, l < n, r < n, feature[i] >= 0, Int(feature[i]) < featureCount else {
        return false
      }
    }
    return true
  }

  @inline(__always)
  func pathLength(_ input: IsolationInput, row: Int) -> Double {
    var node = 0
    while left[node] >= 0 {
      node =
        input.value(row, Int(feature[node])) <= threshold[node]
        ? Int(left[node]) : Int(right[node])
    }
    return leafPath[node]
  }

  static func grow(
    _ input: IsolationInput, rows: inout [Int], features: [Int], depthLimit: Int,
    rng: inout SeededGenerator
  ) -> IsolationTree {
    var feature: [Int32] = []
    var threshold: [Double] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var leafPath: [Double] = []
    // Depth-first with an explicit stack of (node, start, end, depth).
    var stack: [(Int, Int, Int, Int)] = []
    func newNode() -> Int {
      feature.append(-1)
      threshold.append(0)
      left.append(-1)
      right.append(-1)
      leafPath.append(0)
      return feature.count - 1
    }
    stack.append((newNode(), 0, rows.count, 0))
    var candidates = features
    while let (node, start, end, depth) = stack.popLast() {
      let count = end - start
      var split: (Int, Double)?
      if count > 1 && depth < depthLimit {
        rng.shuffle(&candidates)
        for f in candidates {
          var lo = Double.infinity
          var hi = -Double.infinity
          for k in start..<end {
            let v = input.value(rows[k], f)
            lo = min(lo, v)
            hi = max(hi, v)
          }
          if hi > lo {
            var t = lo + rng.nextUniform() * (hi - lo)
            if t >= hi { t = lo }
            split = (f, t)
            break
          }
        }
      }
      guard let (f, t) = split else {
        leafPath[node] = Double(depth) + isolationAveragePathLength(Double(count))
        continue
      }
      var i = start
      var j = end - 1
      while i <= j {
        if input.value(rows[i], f) <= t {
          i += 1
        } else {
          rows.swapAt(i, j)
          j -= 1
        }
      }
      let l = newNode()
      let r = newNode()
      feature[node] = Int32(f)
      threshold[node] = t
      left[node] = Int32(l)
      right[node] = Int32(r)
      stack.append((r, i, end, depth + 1))
      stack.append((l, start, i, depth + 1))
    }
    return IsolationTree(
      feature: feature, threshold: threshold, left: left, right: right, leafPath: leafPath)
  }
}

import LinearAlgebra
import SwiftLearnCore

/// One histogram cell: the sums of gradients (lane 0) and hessians (lane 1) and the row count
/// (lane 2) of one bin, updated with a single vector add per row and feature.
typealias HistogramBin = SIMD4<Double>

/// The best split of one node.
struct SplitCandidate {
  var gain: Double = -.infinity
  var feature = -1
  var bin = 0
  var missingGoesLeft = false
  var leftGradient = 0.0
  var leftHessian = 0.0
  var leftCount = 0

  var isValid: Bool { feature >= 0 }
}

/// Settings of one tree's growth (the booster's hyperparameters).
struct GrowerSettings {
  var maxLeafNodes: Int?
  var maxDepth: Int?
  var minSamplesLeaf: Int
  var l2Regularization: Double
  var learningRate: Double
  var minHessianToSplit = 1e-3
  var threads: Int?
}

/// The training data of a booster, binned once: feature-major codes and per-feature facts.
struct BinnedData {
  let codes: [UInt8]
  let rowCount: Int
  let featureCount: Int
  /// Non-missing bins per feature.
  let binCounts: [Int]
  /// Whether each feature has missing values in the training rows.
  let hasMissing: [Bool]
  let missingBin: Int
  let binning: FeatureBinning

  init(codes: [UInt8], rowCount: Int, binning: FeatureBinning) {
    self.codes = codes
    self.rowCount = rowCount
    featureCount = binning.thresholds.count
    binCounts = (0..<binning.thresholds.count).map { binning.binCount($0) }
    missingBin = binning.missingBin
    let missing = UInt8(truncatingIfNeeded: binning.missingBin)
    var hasMissing = [Bool](repeating: false, count: binning.thresholds.count)
    let d = hasMissing.count
    codes.withUnsafeBufferPointer { c in
      for i in 0..<rowCount {
        for j in 0..<d where c[i * d + j] == missing { hasMissing[j] = true }
      }
    }
    self.hasMissing = hasMissing
    self.binning = binning
  }
}

/// Grows one regression tree leaf-wise (best-first) on gradient and hessian histograms, as
/// scikit-learn's `TreeGrower` and LightGBM do.
///
/// Rows of a node occupy a contiguous range of one index array that is partitioned in place
/// as the node splits. A node's histogram is built for the smaller child only; the larger
/// child's is the parent's minus the smaller's (the subtraction trick). Histogram building and
/// split search run in parallel over features; each feature is handled by one thread in a
/// fixed order, so the tree does not depend on the thread count.
final class HistogramTreeGrower {
  let data: BinnedData
  let settings: GrowerSettings
  /// Row indices, partitioned node by node.
  var indices: [Int]
  private var scratch: [Int]
  private var orderedGradients: [Float]
  private var orderedHessians: [Float]
  private var histogramPool: [[HistogramBin]] = []
  /// Scratch histograms for the row blocks of large nodes (all but the first block).
  private var blockHistograms: [[HistogramBin]] = []
  /// Row blocks of a large node: fixed, so sums do not depend on the thread count.
  static let rowBlocks = 4
  private let binStride = 256

  init(data: BinnedData, settings: GrowerSettings) {
    self.data = data
    self.settings = settings
    indices = Array(0..<data.rowCount)
    scratch = [Int](repeating: 0, count: data.rowCount)
    orderedGradients = [Float](repeating: 0, count: data.rowCount)
    orderedHessians = [Float](repeating: 0, count: data.rowCount)
  }

  private struct GrowingNode {
    var start: Int
    var end: Int
    var depth: Int
    var gradient: Double
    var hessian: Double
    var histogram: [HistogramBin]?
    var split: SplitCandidate
    var treeIndex: Int
    var count: Int { end - start }
  }

  private func takeHistogram() -> [HistogramBin] {
    if let buffer = histogramPool.popLast() { return buffer }
    return [HistogramBin](repeating: .zero, count: data.featureCount * binStride)
  }

  private func giveBack(_ buffer: [HistogramBin]) { histogramPool.append(buffer) }

  /// Grows a tree from per-row gradients and hessians and returns it with, for every leaf,
  /// its value and its rows (so the caller can update the training predictions directly).
  func grow(gradients: [Float], hessians: [Float]) -> (
    tree: HistogramTree, leaves: [(value: Double, rows: Range<Int>)]
  ) {
    let n = data.rowCount
    for i in 0..<n { indices[i] = i }
    var totalGradient = 0.0
    var totalHessian = 0.0
    for i in 0..<n {
      totalGradient += Double(gradients[i])
      totalHessian += Double(hessians[i])
    }
    var nodes: [HistogramTreeNode] = [.leaf(0)]
    var root = GrowingNode(
      start: 0, end: n, depth: 0, gradient: totalGradient, hessian: totalHessian,
      histogram: nil, split: SplitCandidate(), treeIndex: 0)
    var histogram = takeHistogram()
    buildHistogram(&histogram, start: 0, end: n, gradients: gradients, hessians: hessians)
    root.histogram = histogram
    root.split = canSplit(root) ? bestSplit(root, histogram) : SplitCandidate()

    var open: [GrowingNode] = [root]
    var finished: [GrowingNode] = []
    var leafCount = 1
    while true {
      // The open node with the largest gain (first in order among equals).
      var best = -1
      for k in open.indices where open[k].split.isValid {
        if best < 0 || open[k].split.gain > open[best].split.gain { best = k }
      }
      if best < 0 { break }
      if let limit = settings.maxLeafNodes, leafCount >= limit { break }
      let parent = open.remove(at: best)
      var (left, right) = splitNode(parent, nodes: &nodes, gradients: gradients)
      leafCount += 1
      // Histograms: build the smaller child's, subtract it from the parent's for the larger.
      guard var parentHistogram = parent.histogram else { break }
      var smallHistogram = takeHistogram()
      let leftIsSmaller = left.count <= right.count
      let small = leftIsSmaller ? left : right
      buildHistogram(
        &smallHistogram, start: small.start, end: small.end, gradients: gradients,
        hessians: hessians)
      subtract(&parentHistogram, smallHistogram)
      if leftIsSmaller {
        left.histogram = smallHistogram
        right.histogram = parentHistogram
      } else {
        left.histogram = parentHistogram
        right.histogram = smallHistogram
      }
      for child in [left, right] {
        var node = child
        if canSplit(node), let h = node.histogram {
          node.split = bestSplit(node, h)
        }
        if node.split.isValid {
          open.append(node)
        } else {
          if let h = node.histogram { giveBack(h) }
          node.histogram = nil
          finished.append(node)
        }
      }
    }
    for node in open {
      if let h = node.histogram { giveBack(h) }
      finished.append(node)
    }
    var leaves: [(value: Double, rows: Range<Int>)] = []
    leaves.reserveCapacity(finished.count)
    for node in finished.sorted(by: { $0.treeIndex < $1.treeIndex }) {
      let value = leafValue(gradient: node.gradient, hessian: node.hessian)
      nodes[node.treeIndex] = .leaf(value)
      leaves.append((value, node.start..<node.end))
    }
    return (HistogramTree(nodes: nodes), leaves)
  }

  private func leafValue(gradient: Double, hessian: Double) -> Double {
    let denominator = hessian + settings.l2Regularization
    guard denominator > 0 else { return 0 }
    return -settings.learningRate * gradient / denominator
  }

  private func canSplit(_ node: GrowingNode) -> Bool {
    if let maxDepth = settings.maxDepth, node.depth >= maxDepth { return false }
    return node.count >= 2 * settings.minSamplesLeaf && node.count >= 2
  }

  /// Partitions the parent's rows and records the split in `nodes`.
  private func splitNode(
    _ parent: GrowingNode, nodes: inout [HistogramTreeNode], gradients: [Float]
  ) -> (GrowingNode, GrowingNode) {
    let split = parent.split
    let d = data.featureCount
    let missing = UInt8(truncatingIfNeeded: data.missingBin)
    let threshold = UInt8(truncatingIfNeeded: split.bin)
    var leftEnd = parent.start
    var rightCount = 0
    data.codes.withUnsafeBufferPointer { codes in
      indices.withUnsafeMutableBufferPointer { idx in
        scratch.withUnsafeMutableBufferPointer { tmp in
          guard let column = codes.baseAddress.map({ $0 + split.feature }) else { return }
          for k in parent.start..<parent.end {
            let i = idx[k]
            let code = column[i * d]
            let goLeft = code == missing ? split.missingGoesLeft : code <= threshold
            if goLeft {
              idx[leftEnd] = i
              leftEnd += 1
            } else {
              tmp[rightCount] = i
              rightCount += 1
            }
          }
          for r in 0..<rightCount { idx[leftEnd + r] = tmp[r] }
        }
      }
    }
    let edges = data.binning.thresholds[split.feature]
    let realThreshold = split.bin < edges.count ? edges[split.bin] : Double.infinity
    let leftIndex = nodes.count
    nodes.append(.leaf(0))
    nodes.append(.leaf(0))
    nodes[parent.treeIndex] = HistogramTreeNode(
      feature: Int32(split.feature), binThreshold: threshold, threshold: realThreshold,
      missingGoesLeft: split.missingGoesLeft, left: Int32(leftIndex),
      right: Int32(leftIndex + 1), value: 0)
    let left = GrowingNode(
      start: parent.start, end: leftEnd, depth: parent.depth + 1,
      gradient: split.leftGradient, hessian: split.leftHessian, histogram: nil,
      split: SplitCandidate(), treeIndex: leftIndex)
    let right = GrowingNode(
      start: leftEnd, end: parent.end, depth: parent.depth + 1,
      gradient: parent.gradient - split.leftGradient,
      hessian: parent.hessian - split.leftHessian, histogram: nil, split: SplitCandidate(),
      treeIndex: leftIndex + 1)
    return (left, right)
  }

  /// Fills `histogram` with the sums over rows `indices[start..<end]`, row by row: each row's
  /// gradient, hessian and count are one vector added to the cell of each feature's code (the
  /// codes of a row are contiguous). Features are split into groups, one per thread; every
  /// cell is summed over the same rows in the same order whatever the grouping.
  private func buildHistogram(
    _ histogram: inout [HistogramBin], start: Int, end: Int, gradients: [Float],
    hessians: [Float]
  ) {
    let n = data.rowCount
    let m = end - start
    let d = data.featureCount
    let stride = binStride
    let isRoot = start == 0 && end == n
    // Gather the node's gradients once so the passes read them sequentially.
    if !isRoot {
      indices.withUnsafeBufferPointer { idx in
        orderedGradients.withUnsafeMutableBufferPointer { og in
          orderedHessians.withUnsafeMutableBufferPointer { oh in
            for k in 0..<m {
              let i = idx[start + k]
              og[k] = gradients[i]
              oh[k] = hessians[i]
            }
          }
        }
      }
    }
    // Large nodes: a fixed number of row blocks (independent of the thread count), each into
    // its own histogram, summed in block order — the same sums for any number of threads.
    let blocks = ParallelLoop.ranges(count: m, parts: m >= 32_768 ? Self.rowBlocks : 1)
    while blockHistograms.count < blocks.count - 1 {
      blockHistograms.append([HistogramBin](repeating: .zero, count: d * stride))
    }
    data.codes.withUnsafeBufferPointer { codes in
      indices.withUnsafeBufferPointer { idx in
        let g = isRoot ? gradients : orderedGradients
        let h = isRoot ? hessians : orderedHessians
        g.withUnsafeBufferPointer { g in
          h.withUnsafeBufferPointer { h in
            histogram.withUnsafeMutableBufferPointer { hist in
              var targets = [SendablePointer(hist.baseAddress)]
              for b in 0..<(blocks.count - 1) {
                targets.append(
                  blockHistograms[b].withUnsafeMutableBufferPointer {
                    SendablePointer($0.baseAddress)
                  })
              }
              ParallelLoop.run(count: blocks.count, threads: settings.threads) { block in
                guard let cells = targets[block].pointer, let base = codes.baseAddress else {
                  return
                }
                cells.initialize(repeating: .zero, count: d * stride)
                for k in blocks[block] {
                  let row = base + (isRoot ? k : idx[start + k]) * d
                  let v = SIMD4<Double>(Double(g[k]), Double(h[k]), 1, 0)
                  var j = 0
                  while j < d {
                    cells[j &* stride &+ Int(row[j])] += v
                    j &+= 1
                  }
                }
              }
              guard blocks.count > 1, let total = hist.baseAddress else { return }
              for b in 1..<blocks.count {
                guard let part = targets[b].pointer else { continue }
                for c in 0..<(d * stride) { total[c] += part[c] }
              }
            }
          }
        }
      }
    }
  }

  private func subtract(_ parent: inout [HistogramBin], _ child: [HistogramBin]) {
    parent.withUnsafeMutableBufferPointer { p in
      child.withUnsafeBufferPointer { c in
        for k in 0..<p.count { p[k] -= c[k] }
      }
    }
  }

  /// The best split of `node` over every feature (ties go to the lower feature index).
  private func bestSplit(_ node: GrowingNode, _ histogram: [HistogramBin]) -> SplitCandidate {
    let d = data.featureCount
    var perFeature = [SplitCandidate](repeating: SplitCandidate(), count: d)
    histogram.withUnsafeBufferPointer { hist in
      perFeature.withUnsafeMutableBufferPointer { results in
        let out = SendablePointer(results.baseAddress)
        ParallelLoop.run(count: d, threads: settings.threads) { j in
          guard let base = hist.baseAddress, let target = out.pointer else { return }
          target[j] = bestSplit(feature: j, cells: base + j * binStride, node: node)
        }
      }
    }
    var best = SplitCandidate()
    for candidate in perFeature where candidate.isValid && candidate.gain > best.gain {
      best = candidate
    }
    return best
  }

  /// scikit-learn's gain: `G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)`, scanning the bins left to
  /// right with missing values sent right, then (when the feature has missing values) right
  /// to left with missing values sent left.
  private func bestSplit(feature j: Int, cells: UnsafePointer<HistogramBin>, node: GrowingNode)
    -> SplitCandidate
  {
    let lambda = settings.l2Regularization
    let minLeaf = settings.minSamplesLeaf
    let minHessian = settings.minHessianToSplit
    let total = node.count
    let g = node.gradient
    let h = node.hessian
    let parentTerm = g * g / (h + lambda)
    let bins = data.binCounts[j]
    let missing = cells[data.missingBin]
    let hasMissing = data.hasMissing[j] && missing[2] > 0
    var best = SplitCandidate()

    func consider(
      _ leftG: Double, _ leftH: Double, _ leftC: Int, bin: Int, missingLeft: Bool
    ) {
      let rightC = total - leftC
      guard leftC >= minLeaf, rightC >= minLeaf else { return }
      let rightH = h - leftH
      guard leftH >= minHessian, rightH >= minHessian else { return }
      let rightG = g - leftG
      let gain = leftG * leftG / (leftH + lambda) + rightG * rightG / (rightH + lambda) - parentTerm
      if gain > best.gain && gain > 0 {
        best = SplitCandidate(
          gain: gain, feature: j, bin: bin, missingGoesLeft: missingLeft, leftGradient: leftG,
          leftHessian: leftH, leftCount: leftC)
      }
    }

    // Missing values right: left = bins 0…b. With missing values, b may be the last
    // non-missing bin (split "non-missing vs missing").
    var leftG = 0.0
    var leftH = 0.0
    var leftC = 0
    let lastLeftBin = hasMissing ? bins - 1 : bins - 2
    if lastLeftBin >= 0 {
      for b in 0...lastLeftBin {
        let cell = cells[b]
        leftG += cell[0]
        leftH += cell[1]
        leftC += Int(cell[2])
        consider(leftG, leftH, leftC, bin: b, missingLeft: false)
      }
    }
    if hasMissing && bins >= 2 {
      // Missing values left: right = bins b+1 … bins−1, scanned from the top.
      var rightG = 0.0
      var rightH = 0.0
      var rightC = 0
      var b = bins - 2
      while b >= 0 {
        let cell = cells[b + 1]
        rightG += cell[0]
        rightH += cell[1]
        rightC += Int(cell[2])
        consider(g - rightG, h - rightH, total - rightC, bin: b, missingLeft: true)
        b -= 1
      }
    }
    if best.isValid && !hasMissing {
      // No missing values seen here: unseen NaN goes with the larger child.
      best.missingGoesLeft = best.leftCount >= total - best.leftCount
    }
    return best
  }
}

import Dispatch
import Foundation
import LinearAlgebra
import SwiftLearnCore

/// scikit-learn's `FEATURE_THRESHOLD`: feature values closer than this are treated as equal.
let featureThreshold = 1e-7
/// Candidate splits whose proxy improvements differ by less than this relative amount are
/// ties (the first one found is kept): the same partition reached through two features, or
/// through weights instead of repeated rows, differs only by summation rounding.
let tieTolerance = 1e-12
/// scikit-learn's `EPSILON` in the tree builders.
let impurityEpsilon = Double.ulpOfOne

/// The training features in the layout the grower reads: float32 columns (scikit-learn
/// converts X to float32 too), which features have missing values, and (for the best
/// splitter) each column's row order sorted once, NaN last. Shared read-only by every tree
/// of a forest.
final class TreeTrainingData: @unchecked Sendable {
  let rowCount: Int
  let featureCount: Int
  let columns: UnsafeMutablePointer<Float>
  let hasMissing: [Bool]
  let sortedRows: UnsafeMutablePointer<Int32>?

  init(_ x: Matrix, presort: Bool, threads: Int) {
    let n = x.rowCount
    let d = x.columnCount
    rowCount = n
    featureCount = d
    columns = UnsafeMutablePointer<Float>.allocate(capacity: max(n * d, 1))
    var missing = [Bool](repeating: false, count: d)
    let cols = columns
    x.withUnsafeStorage { s in
      for i in 0..<n {
        let base = i * d
        for j in 0..<d {
          let v = Float(s[base + j])
          cols[j * n + i] = v
          if v.isNaN { missing[j] = true }
        }
      }
    }
    hasMissing = missing
    guard presort else {
      sortedRows = nil
      return
    }
    let sorted = UnsafeMutablePointer<Int32>.allocate(capacity: max(n * d, 1))
    sortedRows = sorted
    let box = UncheckedPointers(columns: cols, sorted: sorted)
    let work: @Sendable (Int) -> Void = { f in
      let col = box.columns + f * n
      var keys = [UInt64](repeating: 0, count: n)
      for i in 0..<n { keys[i] = (UInt64(orderedBits(col[i])) << 32) | UInt64(i) }
      keys.sort()
      let out = box.sorted + f * n
      for i in 0..<n { out[i] = Int32(truncatingIfNeeded: keys[i] & 0xFFFF_FFFF) }
    }
    if threads > 1 && d > 1 {
      DispatchQueue.concurrentPerform(iterations: d, execute: work)
    } else {
      for f in 0..<d { work(f) }
    }
  }

  deinit {
    columns.deallocate()
    sortedRows?.deallocate()
  }
}

/// Raw pointers handed to concurrent workers that write disjoint ranges.
struct UncheckedPointers: @unchecked Sendable {
  let columns: UnsafeMutablePointer<Float>
  let sorted: UnsafeMutablePointer<Int32>
}

/// A total order on floats as unsigned integers, NaN last.
@inline(__always)
func orderedBits(_ v: Float) -> UInt32 {
  if v.isNaN { return UInt32.max }
  let b = v.bitPattern
  return (b & 0x8000_0000) != 0 ? ~b : b | 0x8000_0000
}

/// The outcome of a node's split search.
struct SplitRecord {
  var feature = -2
  var threshold = -2.0
  var position = 0
  var missingGoesLeft = false
  var improvement = -Double.infinity
  var impurityLeft = 0.0
  var impurityRight = 0.0
}

/// Grows one tree with criterion `C`; the buffers live for one fit.
final class TreeGrower<C: SplitCriterion> {
  let data: TreeTrainingData
  let weights: UnsafePointer<Double>
  var criterion: C
  let limits: GrowthLimits
  var rng: SeededGenerator
  let n: Int
  let d: Int
  let m: Int
  let totalWeight: Double
  let samples: UnsafeMutablePointer<Int32>
  let sorted: UnsafeMutablePointer<Int32>?
  let scratch: UnsafeMutablePointer<Int32>
  let marks: UnsafeMutablePointer<UInt8>
  var features: [Int]
  var constantFeatures: [Int]

  // Growing tree.
  var left: [Int32] = []
  var right: [Int32] = []
  var feature: [Int32] = []
  var threshold: [Double] = []
  var missingLeft: [Bool] = []
  var impurity: [Double] = []
  var counts: [Int32] = []
  var weighted: [Double] = []
  var values: [Double] = []
  let valueCount: Int
  let valueBuffer: UnsafeMutablePointer<Double>

  /// `activeRows` are the rows with positive weight, in increasing order.
  init(
    data: TreeTrainingData, weights: UnsafePointer<Double>, activeRows: [Int32],
    samples: UnsafeMutablePointer<Int32>, criterion: C, limits: GrowthLimits,
    rng: SeededGenerator
  ) {
    self.data = data
    self.weights = weights
    self.criterion = criterion
    self.limits = limits
    self.rng = rng
    n = data.rowCount
    d = data.featureCount
    m = activeRows.count
    self.samples = samples
    var total = 0.0
    for (p, r) in activeRows.enumerated() {
      samples[p] = r
      total += weights[Int(r)]
    }
    totalWeight = total
    scratch = .allocate(capacity: max(m, 1))
    marks = .allocate(capacity: max(n, 1))
    features = Array(0..<d)
    constantFeatures = Array(0..<d)
    valueCount = criterion.valueCount
    valueBuffer = .allocate(capacity: criterion.valueCount)
    if !limits.randomSplitter, let global = data.sortedRows {
      let s = UnsafeMutablePointer<Int32>.allocate(capacity: max(m * d, 1))
      if m == n {
        s.update(from: global, count: n * d)
      } else {
        for f in 0..<d {
          let src = global + f * n
          let dst = s + f * m
          var k = 0
          for i in 0..<n where weights[Int(src[i])] > 0 {
            dst[k] = src[i]
            k += 1
          }
        }
      }
      sorted = s
    } else {
      sorted = nil
    }
  }

  deinit {
    scratch.deallocate()
    marks.deallocate()
    sorted?.deallocate()
    valueBuffer.deallocate()
  }

  @inline(__always)
  func randInt(_ low: Int, _ high: Int) -> Int { low + rng.nextInt(below: high - low) }

  // MARK: Split search

  func nodeSplit(start: Int, end: Int, parentImpurity: Double, knownConstants: inout Int)
    -> SplitRecord?
  {
    let fixedOrder = !limits.randomSplitter && limits.maxFeatures >= d
    let count = end - start
    var best = SplitRecord()
    var bestProxy = -Double.infinity
    var found = false
    var fi = d
    var visited = 0
    var foundConstants = 0
    var drawnConstants = 0
    let known = knownConstants
    var totalConstants = known
    while fi > totalConstants
      && (visited < limits.maxFeatures || visited <= foundConstants + drawnConstants)
    {
      visited += 1
      // With every feature considered by the best splitter, the visiting order only breaks
      // exact ties; a fixed order makes the tree independent of the seed (and of how many
      // random draws earlier nodes made), so integer weights equal repeated rows exactly.
      var fj =
        fixedOrder ? drawnConstants : randInt(drawnConstants, fi - foundConstants)
      if fj < known {
        features.swapAt(drawnConstants, fj)
        drawnConstants += 1
        continue
      }
      fj += foundConstants
      let f = features[fj]
      let isConstant: Bool
      if limits.randomSplitter {
        isConstant = !searchRandom(
          feature: f, start: start, count: count, best: &best, bestProxy: &bestProxy,
          found: &found)
      } else {
        isConstant = !searchBest(
          feature: f, start: start, count: count, best: &best, bestProxy: &bestProxy,
          found: &found)
      }
      if isConstant {
        features.swapAt(fj, totalConstants)
        foundConstants += 1
        totalConstants += 1
        continue
      }
      fi -= 1
      features.swapAt(fi, fj)
    }
    for k in 0..<known { features[k] = constantFeatures[k] }
    for k in known..<(known + foundConstants) { constantFeatures[k] = features[k] }
    knownConstants = totalConstants
    guard found else { return nil }

    // Partition the node's rows by the chosen split and measure the children.
    let col = data.columns + best.feature * n
    for p in start..<end {
      let r = Int(samples[p])
      let v = col[r]
      marks[r] = (v.isNaN ? best.missingGoesLeft : Double(v) <= best.threshold) ? 1 : 0
    }
    let nLeft = stablePartition(samples + start, count)
    best.position = nLeft
    if let sorted {
      for f in 0..<d { _ = stablePartition(sorted + f * m + start, count) }
    }
    criterion.reset(samples + start)
    criterion.update(nLeft)
    let (il, ir) = criterion.childrenImpurity()
    best.impurityLeft = il
    best.impurityRight = ir
    best.improvement = criterion.improvement(
      parent: parentImpurity, left: il, right: ir, totalWeight: totalWeight)
    return best
  }

  /// Moves rows marked left to the front, keeping order on both sides; returns the left count.
  @inline(__always)
  func stablePartition(_ list: UnsafeMutablePointer<Int32>, _ count: Int) -> Int {
    var w = 0
    var t = 0
    for p in 0..<count {
      let r = list[p]
      if marks[Int(r)] != 0 {
        list[w] = r
        w += 1
      } else {
        scratch[t] = r
        t += 1
      }
    }
    (list + w).update(from: scratch, count: t)
    return w
  }

  /// Scans every threshold of feature `f`; returns false when the feature is constant here.
  func searchBest(
    feature f: Int, start: Int, count: Int, best: inout SplitRecord, bestProxy: inout Double,
    found: inout Bool
  ) -> Bool {
    guard let sorted else { return false }
    let list = UnsafePointer(sorted + f * m + start)
    let col = UnsafePointer(data.columns + f * n)
    var missing = 0
    if data.hasMissing[f] {
      while missing < count && col[Int(list[count - 1 - missing])].isNaN { missing += 1 }
    }
    let nonMissing = count - missing
    if nonMissing == 0
      || (missing == 0
        && Double(col[Int(list[nonMissing - 1])]) <= Double(col[Int(list[0])]) + featureThreshold)
    {
      return false
    }
    scan(
      order: list, col: col, count: count, missing: missing, missingLeftPass: false, feature: f,
      best: &best, bestProxy: &bestProxy, found: &found)
    if missing > 0 {
      // Second pass: missing values on the left.
      (scratch).update(from: list + nonMissing, count: missing)
      (scratch + missing).update(from: list, count: nonMissing)
      scan(
        order: UnsafePointer(scratch), col: col, count: count, missing: missing,
        missingLeftPass: true, feature: f, best: &best, bestProxy: &bestProxy, found: &found)
    }
    return true
  }

  @inline(__always)
  func scan(
    order: UnsafePointer<Int32>, col: UnsafePointer<Float>, count: Int, missing: Int,
    missingLeftPass: Bool, feature f: Int, best: inout SplitRecord, bestProxy: inout Double,
    found: inout Bool
  ) {
    let endNonMissing = missingLeftPass ? count : count - missing
    let minLeaf = limits.minSamplesLeaf
    let minWeight = limits.minWeightLeaf
    // A local copy avoids a dynamic exclusivity check per step on the class property.
    var criterion = self.criterion
    defer { self.criterion = criterion }
    criterion.reset(order)
    var p = missingLeftPass ? missing : 0
    while p < count {
      if !missingLeftPass && p == endNonMissing { break }
      p += 1
      while p < endNonMissing
        && Double(col[Int(order[p])]) <= Double(col[Int(order[p - 1])]) + featureThreshold
      {
        p += 1
      }
      let pPrev = p - 1
      if p == count { break }
      let nLeft = p
      let nRight = count - p
      if nLeft < minLeaf || nRight < minLeaf { continue }
      criterion.update(p)
      if criterion.weightedLeft < minWeight || criterion.weightedRight < minWeight { continue }
      let proxy = criterion.proxyImprovement()
      if proxy > bestProxy + (found ? tieTolerance * abs(bestProxy) : 0) {
        bestProxy = proxy
        found = true
        best.feature = f
        best.position = p
        if p == endNonMissing && !missingLeftPass {
          best.threshold = .infinity
        } else {
          best.threshold =
            Double(col[Int(order[pPrev])]) / 2.0 + Double(col[Int(order[p])]) / 2.0
        }
        best.missingGoesLeft = missing == 0 ? nLeft > nRight : missingLeftPass
      }
    }
  }

  /// Tries one random threshold of feature `f`; returns false when the feature is constant.
  func searchRandom(
    feature f: Int, start: Int, count: Int, best: inout SplitRecord, bestProxy: inout Double,
    found: inout Bool
  ) -> Bool {
    let col = UnsafePointer(data.columns + f * n)
    var lo = Float.infinity
    var hi = -Float.infinity
    var missing = 0
    for p in 0..<count {
      let v = col[Int(samples[start + p])]
      if v.isNaN {
        missing += 1
      } else {
        if v < lo { lo = v }
        if v > hi { hi = v }
      }
    }
    if missing == count || (missing == 0 && Double(hi) <= Double(lo) + featureThreshold) {
      return false
    }
    var t = (Double(hi) - Double(lo)) * rng.nextUniform() + Double(lo)
    let missingLeft = missing > 0 ? rng.nextInt(below: 2) == 1 : false
    if t == Double(hi) { t = Double(lo) }
    var l = 0
    var r = count
    for p in 0..<count {
      let row = samples[start + p]
      let v = col[Int(row)]
      if v.isNaN ? missingLeft : Double(v) <= t {
        scratch[l] = row
        l += 1
      } else {
        r -= 1
        scratch[r] = row
      }
    }
    let nLeft = l
    let nRight = count - l
    if nLeft < limits.minSamplesLeaf || nRight < limits.minSamplesLeaf { return true }
    criterion.reset(UnsafePointer(scratch))
    criterion.update(nLeft)
    if criterion.weightedLeft < limits.minWeightLeaf
      || criterion.weightedRight < limits.minWeightLeaf
    {
      return true
    }
    let proxy = criterion.proxyImprovement()
    if proxy > bestProxy {
      bestProxy = proxy
      found = true
      best.feature = f
      best.threshold = t
      best.position = nLeft
      best.missingGoesLeft = missing > 0 ? missingLeft : nLeft > nRight
    }
    return true
  }

  // MARK: Building

  func addNode(
    parent: Int, isLeft: Bool, split: SplitRecord?, impurity nodeImpurity: Double, count: Int
  ) -> Int {
    let id = left.count
    if parent >= 0 {
      if isLeft { left[parent] = Int32(id) } else { right[parent] = Int32(id) }
    }
    left.append(-1)
    right.append(-1)
    if let split {
      feature.append(Int32(split.feature))
      threshold.append(split.threshold)
      missingLeft.append(split.missingGoesLeft)
    } else {
      feature.append(-2)
      threshold.append(-2)
      missingLeft.append(false)
    }
    impurity.append(nodeImpurity)
    counts.append(Int32(count))
    weighted.append(criterion.weightedNode)
    criterion.writeNodeValue(valueBuffer)
    for k in 0..<valueCount { values.append(valueBuffer[k]) }
    return id
  }

  func isLeafBeforeSplit(depth: Int, count: Int, impurity: Double) -> Bool {
    depth >= limits.maxDepth || count < limits.minSamplesSplit
      || count < 2 * limits.minSamplesLeaf
      || criterion.weightedNode < 2 * limits.minWeightLeaf || impurity <= impurityEpsilon
  }

  func finish() -> TreeStructure {
    var nodes: [TreeNode] = []
    nodes.reserveCapacity(left.count)
    for i in 0..<left.count {
      let leaf = left[i] < 0
      nodes.append(
        TreeNode(
          left: left[i], right: right[i], feature: leaf ? -2 : feature[i],
          missingGoesLeft: leaf ? false : missingLeft[i], threshold: leaf ? -2 : threshold[i],
          impurity: impurity[i], samples: counts[i], weightedSampleCount: weighted[i]))
    }
    return TreeStructure(nodes: nodes, values: values, valueCount: valueCount, featureCount: d)
  }

  func growDepthFirst() -> TreeStructure {
    var stack: [DepthFirstRecord] = [
      DepthFirstRecord(
        start: 0, end: m, depth: 0, parent: -1, isLeft: false, impurity: .infinity, constants: 0)
    ]
    var first = true
    while var record = stack.popLast() {
      let count = record.end - record.start
      criterion.initNode(samples + record.start, count)
      if first {
        record.impurity = criterion.nodeImpurity()
        first = false
      }
      var isLeaf = isLeafBeforeSplit(depth: record.depth, count: count, impurity: record.impurity)
      var split: SplitRecord? = nil
      var constants = record.constants
      if !isLeaf {
        split = nodeSplit(
          start: record.start, end: record.end, parentImpurity: record.impurity,
          knownConstants: &constants)
        if let s = split {
          isLeaf =
            s.position >= count || s.improvement + impurityEpsilon < limits.minImpurityDecrease
        } else {
          isLeaf = true
        }
      }
      let id = addNode(
        parent: record.parent, isLeft: record.isLeft, split: isLeaf ? nil : split,
        impurity: record.impurity, count: count)
      if !isLeaf, let s = split {
        let mid = record.start + s.position
        stack.append(
          DepthFirstRecord(
            start: mid, end: record.end, depth: record.depth + 1, parent: id, isLeft: false,
            impurity: s.impurityRight, constants: constants))
        stack.append(
          DepthFirstRecord(
            start: record.start, end: mid, depth: record.depth + 1, parent: id, isLeft: true,
            impurity: s.impurityLeft, constants: constants))
      }
    }
    return finish()
  }

  func addSplitNode(
    start: Int, end: Int, parent: Int, isLeft: Bool, depth: Int, impurity parentImpurity: Double?
  ) -> FrontierRecord {
    let count = end - start
    criterion.initNode(samples + start, count)
    let nodeImpurity = parentImpurity ?? criterion.nodeImpurity()
    var isLeaf = isLeafBeforeSplit(depth: depth, count: count, impurity: nodeImpurity)
    var split: SplitRecord? = nil
    if !isLeaf {
      var constants = 0
      split = nodeSplit(
        start: start, end: end, parentImpurity: nodeImpurity, knownConstants: &constants)
      if let s = split {
        isLeaf = s.position >= count || s.improvement + impurityEpsilon < limits.minImpurityDecrease
      } else {
        isLeaf = true
      }
    }
    let id = addNode(
      parent: parent, isLeft: isLeft, split: isLeaf ? nil : split, impurity: nodeImpurity,
      count: count)
    if !isLeaf, let s = split {
      return FrontierRecord(
        node: id, start: start, end: end, position: start + s.position, depth: depth,
        isLeaf: false, impurityLeft: s.impurityLeft, impurityRight: s.impurityRight,
        improvement: s.improvement)
    }
    return FrontierRecord(
      node: id, start: start, end: end, position: end, depth: depth, isLeaf: true,
      impurityLeft: nodeImpurity, impurityRight: nodeImpurity, improvement: 0)
  }

  func growBestFirst(maxLeafNodes: Int) -> TreeStructure {
    var heap = FrontierHeap()
    heap.push(addSplitNode(start: 0, end: m, parent: -1, isLeft: false, depth: 0, impurity: nil))
    var maxSplitNodes = maxLeafNodes - 1
    while let record = heap.pop() {
      if record.isLeaf || maxSplitNodes <= 0 {
        left[record.node] = -1
        right[record.node] = -1
        feature[record.node] = -2
        threshold[record.node] = -2
        continue
      }
      maxSplitNodes -= 1
      let l = addSplitNode(
        start: record.start, end: record.position, parent: record.node, isLeft: true,
        depth: record.depth + 1, impurity: record.impurityLeft)
      let r = addSplitNode(
        start: record.position, end: record.end, parent: record.node, isLeft: false,
        depth: record.depth + 1, impurity: record.impurityRight)
      heap.push(l)
      heap.push(r)
    }
    return finish()
  }

  func grow() -> TreeStructure {
    guard m > 0 else { return finish() }
    if let maxLeaf = limits.maxLeafNodes { return growBestFirst(maxLeafNodes: maxLeaf) }
    return growDepthFirst()
  }
}

struct DepthFirstRecord {
  var start: Int
  var end: Int
  var depth: Int
  var parent: Int
  var isLeft: Bool
  var impurity: Double
  var constants: Int
}

struct FrontierRecord {
  var node: Int
  var start: Int
  var end: Int
  var position: Int
  var depth: Int
  var isLeaf: Bool
  var impurityLeft: Double
  var impurityRight: Double
  var improvement: Double
}

/// A binary max-heap of frontier records by improvement (C++ `push_heap`/`pop_heap` order).
struct FrontierHeap {
  private var items: [FrontierRecord] = []
  mutating func push(_ x: FrontierRecord) {
    items.append(x)
    var i = items.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      if items[parent].improvement < items[i].improvement {
        items.swapAt(parent, i)
        i = parent
      } else {
        break
      }
    }
  }
  mutating func pop() -> FrontierRecord? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var i = 0
    let n = items.count
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var largest = i
      if l < n && items[largest].improvement < items[l].improvement { largest = l }
      if r < n && items[largest].improvement < items[r].improvement { largest = r }
      if largest == i { break }
      items.swapAt(i, largest)
      i = largest
    }
    return top
  }
}

/// What a tree is fitted to.
enum TreeTarget {
  /// Class codes `0..<classCount`; entropy or Gini.
  case classes(codes: [Int32], classCount: Int, entropy: Bool)
  /// Continuous targets and the regression criterion.
  case values([Double], RegressionCriterion)
}

/// Grows one tree on `data` with per-row `weights` (zero drops the row).
func growTree(
  data: TreeTrainingData, target: TreeTarget, weights: [Double], limits: GrowthLimits,
  rng: SeededGenerator
) -> TreeStructure {
  var active: [Int32] = []
  active.reserveCapacity(weights.count)
  for (i, w) in weights.enumerated() where w > 0 { active.append(Int32(i)) }
  let m = active.count
  let samples = UnsafeMutablePointer<Int32>.allocate(capacity: max(m, 1))
  defer { samples.deallocate() }
  return weights.withUnsafeBufferPointer { wb in
    guard let w = wb.baseAddress else {
      return TreeStructure(nodes: [], values: [], valueCount: 1, featureCount: data.featureCount)
    }
    switch target {
    case .classes(let codes, let k, let entropy):
      let sums = UnsafeMutablePointer<Double>.allocate(capacity: 3 * k)
      defer { sums.deallocate() }
      return codes.withUnsafeBufferPointer { cb in
        guard let y = cb.baseAddress else {
          return TreeStructure(
            nodes: [], values: [], valueCount: k, featureCount: data.featureCount)
        }
        let criterion = ClassCriterion(
          y: y, w: w, classCount: k, entropy: entropy, scratch: sums, rows: samples)
        return TreeGrower(
          data: data, weights: w, activeRows: active, samples: samples, criterion: criterion,
          limits: limits, rng: rng
        ).grow()
      }
    case .values(let yValues, let kind):
      return yValues.withUnsafeBufferPointer { yb in
        guard let y = yb.baseAddress else {
          return TreeStructure(
            nodes: [], values: [], valueCount: 1, featureCount: data.featureCount)
        }
        if kind == .absoluteError {
          let n = data.rowCount
          let ranks = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
          let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 6 * (m + 1))
          let order = UnsafeMutablePointer<Int32>.allocate(capacity: max(m, 1))
          defer {
            ranks.deallocate()
            doubles.deallocate()
            order.deallocate()
          }
          let stride = m + 1
          let criterion = MedianCriterion(
            y: y, w: w, rank: ranks, sortedY: doubles, leftAbs: doubles + stride,
            rightAbs: doubles + 2 * stride, medians: doubles + 3 * stride, sortScratch: order,
            fenwick: WeightedFenwick(treeW: doubles + 4 * stride, treeWY: doubles + 5 * stride),
            order: samples)
          return TreeGrower(
            data: data, weights: w, activeRows: active, samples: samples, criterion: criterion,
            limits: limits, rng: rng
          ).grow()
        }
        let criterion = MeanCriterion(y: y, w: w, poisson: kind == .poisson, rows: samples)
        return TreeGrower(
          data: data, weights: w, activeRows: active, samples: samples, criterion: criterion,
          limits: limits, rng: rng
        ).grow()
      }
    }
  }
}

import Foundation

// Split criteria with incremental updates, after scikit-learn's `_criterion.pyx`: a
// criterion is initialised on a node's rows, then scans one ordering of them, moving rows
// from the right child to the left child as the split position advances.

/// The interface the tree grower drives; implementations are specialised generically.
protocol SplitCriterion {
  /// Computes the node totals over `rows[0..<count]`.
  mutating func initNode(_ rows: UnsafePointer<Int32>, _ count: Int)
  /// Starts a scan over `order` (a permutation of the node's rows); the left child is empty.
  mutating func reset(_ order: UnsafePointer<Int32>)
  /// Moves `order[pos..<newPos]` to the left child.
  mutating func update(_ newPos: Int)
  var weightedNode: Double { get }
  var weightedLeft: Double { get }
  var weightedRight: Double { get }
  /// A quantity that orders splits like the impurity decrease, cheaper to compute.
  func proxyImprovement() -> Double
  /// The impurities of the two children at the current position.
  func childrenImpurity() -> (left: Double, right: Double)
  /// The impurity of the node (after `initNode`).
  func nodeImpurity() -> Double
  /// Writes the node's prediction values.
  func writeNodeValue(_ dest: UnsafeMutablePointer<Double>)
  /// The number of values per node.
  var valueCount: Int { get }
}

extension SplitCriterion {
  /// scikit-learn's `impurity_improvement`: the weighted impurity decrease of the split.
  func improvement(parent: Double, left: Double, right: Double, totalWeight: Double) -> Double {
    (weightedNode / totalWeight)
      * (parent - weightedRight / weightedNode * right - weightedLeft / weightedNode * left)
  }
}

/// Gini or entropy over `classCount` classes.
struct ClassCriterion: SplitCriterion {
  let y: UnsafePointer<Int32>
  let w: UnsafePointer<Double>
  let classCount: Int
  let entropy: Bool
  let sumTotal: UnsafeMutablePointer<Double>
  let sumLeft: UnsafeMutablePointer<Double>
  let sumRight: UnsafeMutablePointer<Double>
  var order: UnsafePointer<Int32>
  var count = 0
  var pos = 0
  var weightedNode = 0.0
  var weightedLeft = 0.0
  var weightedRight = 0.0

  init(
    y: UnsafePointer<Int32>, w: UnsafePointer<Double>, classCount: Int, entropy: Bool,
    scratch: UnsafeMutablePointer<Double>, rows: UnsafePointer<Int32>
  ) {
    self.y = y
    self.w = w
    self.classCount = classCount
    self.entropy = entropy
    self.sumTotal = scratch
    self.sumLeft = scratch + classCount
    self.sumRight = scratch + 2 * classCount
    self.order = rows
  }

  var valueCount: Int { classCount }

  mutating func initNode(_ rows: UnsafePointer<Int32>, _ count: Int) {
    self.count = count
    sumTotal.update(repeating: 0, count: classCount)
    var total = 0.0
    for p in 0..<count {
      let i = Int(rows[p])
      let wi = w[i]
      sumTotal[Int(y[i])] += wi
      total += wi
    }
    weightedNode = total
    order = rows
    reset(rows)
  }

  mutating func reset(_ order: UnsafePointer<Int32>) {
    self.order = order
    pos = 0
    sumLeft.update(repeating: 0, count: classCount)
    sumRight.update(from: sumTotal, count: classCount)
    weightedLeft = 0
    weightedRight = weightedNode
  }

  mutating func update(_ newPos: Int) {
    if newPos - pos <= count - newPos {
      for p in pos..<newPos {
        let i = Int(order[p])
        sumLeft[Int(y[i])] += w[i]
        weightedLeft += w[i]
      }
    } else {
      // Reverse reset: start from everything on the left and remove the tail.
      sumLeft.update(from: sumTotal, count: classCount)
      weightedLeft = weightedNode
      var p = count - 1
      while p >= newPos {
        let i = Int(order[p])
        sumLeft[Int(y[i])] -= w[i]
        weightedLeft -= w[i]
        p -= 1
      }
    }
    weightedRight = weightedNode - weightedLeft
    for c in 0..<classCount { sumRight[c] = sumTotal[c] - sumLeft[c] }
    pos = newPos
  }

  @inline(__always)
  func impurity(_ sums: UnsafeMutablePointer<Double>, _ weight: Double) -> Double {
    if entropy {
      var e = 0.0
      for c in 0..<classCount {
        let v = sums[c]
        if v > 0 {
          let p = v / weight
          e -= p * Foundation.log2(p)
        }
      }
      return e
    }
    var sq = 0.0
    for c in 0..<classCount { sq += sums[c] * sums[c] }
    return 1 - sq / (weight * weight)
  }

  func nodeImpurity() -> Double { impurity(sumTotal, weightedNode) }

  func childrenImpurity() -> (left: Double, right: Double) {
    (impurity(sumLeft, weightedLeft), impurity(sumRight, weightedRight))
  }

  func proxyImprovement() -> Double {
    let (l, r) = childrenImpurity()
    return -weightedRight * r - weightedLeft * l
  }

  func writeNodeValue(_ dest: UnsafeMutablePointer<Double>) {
    for c in 0..<classCount { dest[c] = sumTotal[c] / weightedNode }
  }
}

/// Squared error (and Poisson deviance when `poisson`), one output.
struct MeanCriterion: SplitCriterion {
  let y: UnsafePointer<Double>
  let w: UnsafePointer<Double>
  let poisson: Bool
  var order: UnsafePointer<Int32>
  var rows: UnsafePointer<Int32>
  var count = 0
  var pos = 0
  var sumTotal = 0.0
  var sqSumTotal = 0.0
  var sumLeft = 0.0
  var sumRight = 0.0
  var weightedNode = 0.0
  var weightedLeft = 0.0
  var weightedRight = 0.0
  static let poissonEpsilon = 10 * Double.ulpOfOne

  init(
    y: UnsafePointer<Double>, w: UnsafePointer<Double>, poisson: Bool, rows: UnsafePointer<Int32>
  ) {
    self.y = y
    self.w = w
    self.poisson = poisson
    self.order = rows
    self.rows = rows
  }

  var valueCount: Int { 1 }

  mutating func initNode(_ rows: UnsafePointer<Int32>, _ count: Int) {
    self.count = count
    self.rows = rows
    var s = 0.0
    var sq = 0.0
    var total = 0.0
    for p in 0..<count {
      let i = Int(rows[p])
      let wy = w[i] * y[i]
      s += wy
      sq += wy * y[i]
      total += w[i]
    }
    sumTotal = s
    sqSumTotal = sq
    weightedNode = total
    reset(rows)
  }

  mutating func reset(_ order: UnsafePointer<Int32>) {
    self.order = order
    pos = 0
    sumLeft = 0
    sumRight = sumTotal
    weightedLeft = 0
    weightedRight = weightedNode
  }

  mutating func update(_ newPos: Int) {
    if newPos - pos <= count - newPos {
      var s = sumLeft
      var wl = weightedLeft
      for p in pos..<newPos {
        let i = Int(order[p])
        s += w[i] * y[i]
        wl += w[i]
      }
      sumLeft = s
      weightedLeft = wl
    } else {
      var s = sumTotal
      var wl = weightedNode
      var p = count - 1
      while p >= newPos {
        let i = Int(order[p])
        s -= w[i] * y[i]
        wl -= w[i]
        p -= 1
      }
      sumLeft = s
      weightedLeft = wl
    }
    weightedRight = weightedNode - weightedLeft
    sumRight = sumTotal - sumLeft
    pos = newPos
  }

  func nodeImpurity() -> Double {
    if poisson { return poissonLoss(rows, 0, count, sumTotal, weightedNode) }
    let mean = sumTotal / weightedNode
    return sqSumTotal / weightedNode - mean * mean
  }

  func poissonLoss(
    _ order: UnsafePointer<Int32>, _ start: Int, _ end: Int, _ ySum: Double, _ weight: Double
  ) -> Double {
    if ySum <= MeanCriterion.poissonEpsilon { return .infinity }
    let mean = ySum / weight
    var loss = 0.0
    for p in start..<end {
      let i = Int(order[p])
      let yi = y[i]
      if yi != 0 { loss += w[i] * yi * Foundation.log(yi / mean) }
    }
    return loss / weight
  }

  func childrenImpurity() -> (left: Double, right: Double) {
    if poisson {
      return (
        poissonLoss(order, 0, pos, sumLeft, weightedLeft),
        poissonLoss(order, pos, count, sumRight, weightedRight)
      )
    }
    var sqLeft = 0.0
    for p in 0..<pos {
      let i = Int(order[p])
      sqLeft += w[i] * y[i] * y[i]
    }
    let sqRight = sqSumTotal - sqLeft
    let ml = sumLeft / weightedLeft
    let mr = sumRight / weightedRight
    return (sqLeft / weightedLeft - ml * ml, sqRight / weightedRight - mr * mr)
  }

  @inline(__always)
  func proxyImprovement() -> Double {
    if poisson {
      if sumLeft <= MeanCriterion.poissonEpsilon || sumRight <= MeanCriterion.poissonEpsilon {
        return -.infinity
      }
      let pl = -sumLeft * Foundation.log(sumLeft / weightedLeft)
      let pr = -sumRight * Foundation.log(sumRight / weightedRight)
      return -pl - pr
    }
    return sumLeft * sumLeft / weightedLeft + sumRight * sumRight / weightedRight
  }

  func writeNodeValue(_ dest: UnsafeMutablePointer<Double>) { dest[0] = sumTotal / weightedNode }
}

/// A Fenwick tree of weights and weighted targets over target ranks, for running medians.
struct WeightedFenwick {
  let treeW: UnsafeMutablePointer<Double>
  let treeWY: UnsafeMutablePointer<Double>
  var size = 0
  var maxPow2 = 0
  var totalW = 0.0
  var totalWY = 0.0

  mutating func reset(_ n: Int) {
    size = n
    treeW.update(repeating: 0, count: n + 1)
    treeWY.update(repeating: 0, count: n + 1)
    totalW = 0
    totalWY = 0
    var p = 1
    while p <= n { p <<= 1 }
    maxPow2 = p >> 1
  }

  mutating func add(_ index: Int, _ yValue: Double, _ weight: Double) {
    let wy = weight * yValue
    var k = index + 1
    while k <= size {
      treeW[k] += weight
      treeWY[k] += wy
      k += k & -k
    }
    totalW += weight
    totalWY += wy
  }

  /// The rank where the cumulative weight reaches `target`, the previous active rank, and the
  /// cumulative weight and weighted target strictly before the returned rank.
  func search(_ targetIn: Double) -> (index: Int, previous: Int, w: Double, wy: Double) {
    var target = targetIn
    var current = 0
    var cw = 0.0
    var cwy = 0.0
    var bit = maxPow2
    var equalBit = 0
    var equalTarget = 0.0
    while bit != 0 {
      let next = current + bit
      if next <= size {
        let nw = treeW[next]
        if target == nw {
          equalTarget = target
          equalBit = bit
          break
        } else if target > nw {
          target -= nw
          current = next
          cw += nw
          cwy += treeWY[next]
        }
      }
      bit >>= 1
    }
    if bit == 0 { return (current, current, cw, cwy) }
    var previous = current
    while bit != 0 {
      let next = previous + bit
      if next <= size {
        let nw = treeW[next]
        if target > nw {
          target -= nw
          previous = next
        }
      }
      bit >>= 1
    }
    bit = equalBit
    target = equalTarget
    while bit != 0 {
      let next = current + bit
      if next <= size {
        let nw = treeW[next]
        if target >= nw {
          target -= nw
          current = next
          cw += nw
          cwy += treeWY[next]
        }
      }
      bit >>= 1
    }
    return (current, previous, cw, cwy)
  }
}

/// Absolute error around the weighted median, with prefix and suffix errors precomputed per
/// ordering in O(n log n) (scikit-learn ≥ 1.8's Fenwick-tree `MAE`).
struct MedianCriterion: SplitCriterion {
  let y: UnsafePointer<Double>
  let w: UnsafePointer<Double>
  /// Rank of each row's target within the current node (indexed by row).
  let rank: UnsafeMutablePointer<Int32>
  let sortedY: UnsafeMutablePointer<Double>
  let leftAbs: UnsafeMutablePointer<Double>
  let rightAbs: UnsafeMutablePointer<Double>
  let medians: UnsafeMutablePointer<Double>
  let sortScratch: UnsafeMutablePointer<Int32>
  var fenwick: WeightedFenwick
  var order: UnsafePointer<Int32>
  var count = 0
  var pos = 0
  var weightedNode = 0.0
  var weightedLeft = 0.0
  var weightedRight = 0.0
  var nodeMedian = 0.0
  var rootImpurity = 0.0

  var valueCount: Int { 1 }

  mutating func initNode(_ rows: UnsafePointer<Int32>, _ count: Int) {
    self.count = count
    var total = 0.0
    for p in 0..<count {
      total += w[Int(rows[p])]
      sortScratch[p] = rows[p]
    }
    weightedNode = total
    // Ranks of the targets within the node.
    var buffer = UnsafeMutableBufferPointer(start: sortScratch, count: count)
    let yy = y
    buffer.sort { yy[Int($0)] < yy[Int($1)] }
    for p in 0..<count {
      sortedY[p] = y[Int(sortScratch[p])]
      rank[Int(sortScratch[p])] = Int32(p)
    }
    reset(rows)
    nodeMedian = medians[0]
    rootImpurity = rightAbs[0] / weightedNode
  }

  /// Fills `out[p]` with the absolute error of the rows from the scan start to `p`, walking
  /// forward (`forward`) or backward through `order`.
  mutating func precompute(
    forward: Bool, _ out: UnsafeMutablePointer<Double>, _ med: UnsafeMutablePointer<Double>
  ) {
    fenwick.reset(count)
    for step in 0..<count {
      let p = forward ? step : count - 1 - step
      let i = Int(order[p])
      let r = Int(rank[i])
      fenwick.add(r, sortedY[r], w[i])
      let found = fenwick.search(0.5 * fenwick.totalW)
      let median =
        found.index != found.previous
        ? (sortedY[found.previous] + sortedY[found.index]) / 2 : sortedY[found.index]
      let wRight = fenwick.totalW - found.w
      let wyRight = fenwick.totalWY - found.wy
      med[p] = median
      out[p] = (wyRight - median * wRight) + (median * found.w - found.wy)
    }
  }

  mutating func reset(_ order: UnsafePointer<Int32>) {
    self.order = order
    pos = 0
    weightedLeft = 0
    weightedRight = weightedNode
    precompute(forward: true, leftAbs, medians)
    precompute(forward: false, rightAbs, medians)
  }

  mutating func update(_ newPos: Int) {
    for p in pos..<newPos { weightedLeft += w[Int(order[p])] }
    weightedRight = weightedNode - weightedLeft
    pos = newPos
  }

  func nodeImpurity() -> Double { rootImpurity }

  func childrenImpurity() -> (left: Double, right: Double) {
    let l = pos > 0 ? leftAbs[pos - 1] : 0
    let r = pos < count ? rightAbs[pos] : 0
    return (l / weightedLeft, r / weightedRight)
  }

  func proxyImprovement() -> Double {
    let (l, r) = childrenImpurity()
    return -weightedRight * r - weightedLeft * l
  }

  func writeNodeValue(_ dest: UnsafeMutablePointer<Double>) { dest[0] = nodeMedian }
}

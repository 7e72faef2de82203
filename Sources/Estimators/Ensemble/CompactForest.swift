import Dispatch
import Foundation
import SwiftLearnCore

/// One node of the prediction layout: 16 bytes.
///
/// `code` is `feature << 1 | missingGoesLeft` for a split and `-1` for a leaf; a leaf's `left`
/// is the offset of its values in ``CompactForest/leafValues``. The threshold is the largest
/// float32 not above the tree's double threshold, so `Float(x) <= threshold` makes exactly the
/// comparison scikit-learn makes.
struct PackedNode: Sendable, Hashable {
  var threshold: Float
  var code: Int32
  var left: Int32
  var right: Int32
}

/// The trees of a fitted forest in one contiguous array, laid out for fast prediction.
///
/// Every tree's nodes are stored depth-first with absolute child indices; leaves point at
/// their values (class probabilities or the regression value). Prediction walks 16-byte nodes
/// and allocates nothing.
public struct CompactForest: Sendable, Hashable {
  var nodes: [PackedNode]
  /// The index of each tree's root in `nodes`, plus the end.
  var treeStarts: [Int32]
  /// Leaf values, ``valueCount`` per leaf.
  public let leafValues: [Double]
  /// The number of values per leaf.
  public let valueCount: Int
  /// The number of input features.
  public let featureCount: Int

  /// The number of trees.
  public var treeCount: Int { treeStarts.count - 1 }
  /// The total number of nodes over all trees.
  public var nodeCount: Int { nodes.count }

  /// The bytes held by the node and value arrays.
  public var memoryFootprint: Int {
    nodes.capacity * MemoryLayout<PackedNode>.stride + leafValues.capacity * 8
      + treeStarts.capacity * 4
  }

  init(
    nodes: [PackedNode], treeStarts: [Int32], leafValues: [Double], valueCount: Int,
    featureCount: Int
  ) {
    self.nodes = nodes
    self.treeStarts = treeStarts
    self.leafValues = leafValues
    self.valueCount = valueCount
    self.featureCount = featureCount
  }

  /// Packs `trees`; classification leaves are normalised to probabilities.
  init(trees: [TreeStructure], normalise: Bool, valueCount: Int, featureCount: Int) {
    var nodes: [PackedNode] = []
    var starts: [Int32] = [0]
    var values: [Double] = []
    nodes.reserveCapacity(trees.reduce(0) { $0 + $1.nodeCount })
    for tree in trees {
      let base = nodes.count
      for (i, node) in tree.nodes.enumerated() {
        if node.isLeaf {
          let offset = values.count
          let v = tree.value(ofNode: i)
          var total = normalise ? v.reduce(0, +) : 1
          if total == 0 { total = 1 }
          for x in v { values.append(x / total) }
          nodes.append(PackedNode(threshold: 0, code: -1, left: Int32(offset), right: -1))
        } else {
          var t = Float(node.threshold)
          if Double(t) > node.threshold { t = t.nextDown }
          nodes.append(
            PackedNode(
              threshold: t, code: Int32(node.feature << 1 | (node.missingGoesLeft ? 1 : 0)),
              left: Int32(base + node.leftChild), right: Int32(base + node.rightChild)))
        }
      }
      starts.append(Int32(nodes.count))
    }
    self.init(
      nodes: nodes, treeStarts: starts, leafValues: values, valueCount: valueCount,
      featureCount: featureCount)
  }

  /// Appends the trees of `other` (same value and feature counts).
  func appending(_ other: CompactForest) -> CompactForest {
    let nodeShift = Int32(nodes.count)
    let valueShift = Int32(leafValues.count)
    var merged = nodes
    merged.reserveCapacity(nodes.count + other.nodes.count)
    for var node in other.nodes {
      if node.code < 0 {
        node.left += valueShift
      } else {
        node.left += nodeShift
        node.right += nodeShift
      }
      merged.append(node)
    }
    var starts = treeStarts
    for s in other.treeStarts.dropFirst() { starts.append(s + nodeShift) }
    return CompactForest(
      nodes: merged, treeStarts: starts, leafValues: leafValues + other.leafValues,
      valueCount: valueCount, featureCount: featureCount)
  }

  /// The node index (absolute) of the leaf tree `t` sends `row` to.
  @inline(__always)
  static func leaf(
    _ n: UnsafeBufferPointer<PackedNode>, root: Int, _ row: UnsafePointer<Double>
  ) -> Int {
    var i = root
    while true {
      let node = n[i]
      if node.code < 0 { return i }
      let v = Float(row[Int(node.code >> 1)])
      let goLeft = v <= node.threshold || (v.isNaN && (node.code & 1) == 1)
      i = Int(goLeft ? node.left : node.right)
    }
  }

  /// Adds the leaf values of trees `trees` for one row into `out` (``valueCount`` values).
  @inline(__always)
  func accumulate(
    row: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, trees: Range<Int>
  ) {
    nodes.withUnsafeBufferPointer { n in
      leafValues.withUnsafeBufferPointer { v in
        treeStarts.withUnsafeBufferPointer { s in
          let k = valueCount
          for t in trees {
            let leaf = CompactForest.leaf(n, root: Int(s[t]), row)
            let offset = Int(n[leaf].left)
            for c in 0..<k { out[c] += v[offset + c] }
          }
        }
      }
    }
  }

  /// The mean leaf values over all trees for every row of a row-major buffer, rows split
  /// across `threads` workers (each row sums its trees in order, so the result does not depend
  /// on the thread count).
  func averaged(_ x: UnsafeBufferPointer<Double>, rowCount: Int, threads: Int) -> [Double] {
    let k = valueCount
    var out = [Double](repeating: 0, count: rowCount * k)
    guard let base = x.baseAddress else { return out }
    let d = featureCount
    let scale = 1 / Double(treeCount)
    let trees = 0..<treeCount
    out.withUnsafeMutableBufferPointer { ob in
      guard let o = ob.baseAddress else { return }
      let box = SendablePointers(input: base, output: o)
      let chunk = 256
      let chunks = (rowCount + chunk - 1) / chunk
      parallelFor(chunks, threads: threads) { c in
        let lo = c * chunk
        let hi = min(rowCount, lo + chunk)
        for r in lo..<hi {
          let dest = box.output + r * k
          self.accumulate(row: box.input + r * d, into: dest, trees: trees)
          for j in 0..<k { dest[j] *= scale }
        }
      }
    }
    return out
  }

  /// The leaf (node index within its tree) each row reaches in each tree.
  func leafIndices(_ x: UnsafeBufferPointer<Double>, rowCount: Int) -> [[Int]] {
    guard let base = x.baseAddress else { return [] }
    let d = featureCount
    return nodes.withUnsafeBufferPointer { n in
      (0..<rowCount).map { r in
        (0..<treeCount).map { t in
          let root = Int(treeStarts[t])
          return CompactForest.leaf(n, root: root, base + r * d) - root
        }
      }
    }
  }

  /// Checks that a decoded layout cannot index out of bounds or loop.
  func validated() throws -> CompactForest {
    guard valueCount >= 1, featureCount >= 1, treeStarts.first == 0,
      Int(treeStarts.last ?? -1) == nodes.count, treeStarts.count >= 2
    else { throw LearnError.corruptModelFile(reason: "forest layout has inconsistent sizes") }
    for t in 0..<(treeStarts.count - 1) {
      let lo = Int(treeStarts[t])
      let hi = Int(treeStarts[t + 1])
      guard lo < hi else { throw LearnError.corruptModelFile(reason: "tree \(t) is empty") }
      for i in lo..<hi {
        let node = nodes[i]
        if node.code < 0 {
          guard node.left >= 0, Int(node.left) + valueCount <= leafValues.count else {
            throw LearnError.corruptModelFile(reason: "leaf \(i) points outside the values")
          }
        } else {
          let f = Int(node.code >> 1)
          guard f < featureCount, Int(node.left) > i, Int(node.right) > i, Int(node.left) < hi,
            Int(node.right) < hi
          else { throw LearnError.corruptModelFile(reason: "node \(i) has invalid children") }
        }
      }
    }
    return self
  }
}

extension CompactForest: Codable {
  private enum CodingKeys: String, CodingKey {
    case nodes, treeStarts, leafValues, valueCount, featureCount
  }

  /// Nodes and values are stored as little-endian binary blobs (base64 in JSON), so a saved
  /// forest is about as large as the model in memory.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let nodeData = try c.decode(Data.self, forKey: .nodes)
    let valueData = try c.decode(Data.self, forKey: .leafValues)
    guard nodeData.count % 16 == 0, valueData.count % 8 == 0 else {
      throw LearnError.corruptModelFile(reason: "forest blobs have a bad length")
    }
    var nodes: [PackedNode] = []
    nodes.reserveCapacity(nodeData.count / 16)
    var values: [Double] = []
    values.reserveCapacity(valueData.count / 8)
    nodeData.withUnsafeBytes { raw in
      for k in 0..<(raw.count / 16) {
        let b = k * 16
        nodes.append(
          PackedNode(
            threshold: Float(
              bitPattern: UInt32(
                littleEndian: raw.loadUnaligned(fromByteOffset: b, as: UInt32.self))),
            code: Int32(littleEndian: raw.loadUnaligned(fromByteOffset: b + 4, as: Int32.self)),
            left: Int32(littleEndian: raw.loadUnaligned(fromByteOffset: b + 8, as: Int32.self)),
            right: Int32(littleEndian: raw.loadUnaligned(fromByteOffset: b + 12, as: Int32.self))))
      }
    }
    valueData.withUnsafeBytes { raw in
      for k in 0..<(raw.count / 8) {
        values.append(
          Double(
            bitPattern: UInt64(
              littleEndian: raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self))))
      }
    }
    self = try CompactForest(
      nodes: nodes, treeStarts: try c.decode([Int32].self, forKey: .treeStarts),
      leafValues: values, valueCount: try c.decode(Int.self, forKey: .valueCount),
      featureCount: try c.decode(Int.self, forKey: .featureCount)
    ).validated()
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    var nodeData = Data(capacity: nodes.count * 16)
    for node in nodes {
      withUnsafeBytes(of: node.threshold.bitPattern.littleEndian) {
        nodeData.append(contentsOf: $0)
      }
      withUnsafeBytes(of: node.code.littleEndian) { nodeData.append(contentsOf: $0) }
      withUnsafeBytes(of: node.left.littleEndian) { nodeData.append(contentsOf: $0) }
      withUnsafeBytes(of: node.right.littleEndian) { nodeData.append(contentsOf: $0) }
    }
    var valueData = Data(capacity: leafValues.count * 8)
    for v in leafValues {
      withUnsafeBytes(of: v.bitPattern.littleEndian) { valueData.append(contentsOf: $0) }
    }
    try c.encode(nodeData, forKey: .nodes)
    try c.encode(treeStarts, forKey: .treeStarts)
    try c.encode(valueData, forKey: .leafValues)
    try c.encode(valueCount, forKey: .valueCount)
    try c.encode(featureCount, forKey: .featureCount)
  }
}

/// Pointers shared by workers that write disjoint ranges.
struct SendablePointers: @unchecked Sendable {
  let input: UnsafePointer<Double>
  let output: UnsafeMutablePointer<Double>
}

/// Runs `body(i)` for `i` in `0..<count` on `threads` workers (statically striped).
func parallelFor(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
  let workers = max(1, min(threads, count))
  if workers == 1 {
    for i in 0..<count { body(i) }
    return
  }
  DispatchQueue.concurrentPerform(iterations: workers) { w in
    var i = w
    while i < count {
      body(i)
      i += workers
    }
  }
}

/// Slots written by parallel workers, one per index.
final class ParallelSlots<T>: @unchecked Sendable {
  let count: Int
  let storage: UnsafeMutablePointer<T?>
  init(count: Int) {
    self.count = count
    storage = .allocate(capacity: max(count, 1))
    storage.initialize(repeating: nil, count: count)
  }
  /// Writes slot `i`; each slot is written by one worker only.
  func set(_ i: Int, _ value: T) { storage[i] = value }
  /// The slots in index order.
  var items: [T?] { (0..<count).map { storage[$0] } }
  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }
}

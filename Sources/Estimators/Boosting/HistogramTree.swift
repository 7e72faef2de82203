import LinearAlgebra
import SwiftLearnCore

/// One node of a fitted histogram tree, stored flat with integer child indices.
struct HistogramTreeNode: Sendable, Hashable, Codable {
  /// The split feature (unused in a leaf).
  var feature: Int32
  /// Rows with a bin code `<= binThreshold` go left (binned data).
  var binThreshold: UInt8
  /// Rows with a value `<= threshold` go left (raw data); `+infinity` sends every non-missing
  /// value left.
  var threshold: Double
  /// Where missing values (NaN) go.
  var missingGoesLeft: Bool
  /// The left child's index, or -1 for a leaf.
  var left: Int32
  /// The right child's index, or -1 for a leaf.
  var right: Int32
  /// The leaf value (already multiplied by the learning rate); 0 for a split node.
  var value: Double

  var isLeaf: Bool { left < 0 }

  static func leaf(_ value: Double) -> HistogramTreeNode {
    HistogramTreeNode(
      feature: -1, binThreshold: 0, threshold: 0, missingGoesLeft: false, left: -1, right: -1,
      value: value)
  }
}

/// A fitted regression tree over binned features.
struct HistogramTree: Sendable, Hashable, Codable {
  var nodes: [HistogramTreeNode]

  /// The leaf value for one raw row (`row[j]` is feature `j`).
  @inline(__always)
  func value(row: UnsafePointer<Double>) -> Double {
    nodes.withUnsafeBufferPointer { n in
      var k = 0
      while n[k].left >= 0 {
        let node = n[k]
        let v = row[Int(node.feature)]
        let goLeft = v.isNaN ? node.missingGoesLeft : v <= node.threshold
        k = Int(goLeft ? node.left : node.right)
      }
      return n[k].value
    }
  }

  /// The leaf value for one row of bin codes (`row[j]` is feature `j`'s code).
  @inline(__always)
  func value(codes row: UnsafePointer<UInt8>, missingBin: UInt8) -> Double {
    nodes.withUnsafeBufferPointer { nodes in
      var k = 0
      while nodes[k].left >= 0 {
        let node = nodes[k]
        let code = row[Int(node.feature)]
        let goLeft = code == missingBin ? node.missingGoesLeft : code <= node.binThreshold
        k = Int(goLeft ? node.left : node.right)
      }
      return nodes[k].value
    }
  }

  /// The number of leaves.
  var leafCount: Int { nodes.reduce(0) { $0 + ($1.isLeaf ? 1 : 0) } }
}

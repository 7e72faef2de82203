import Foundation
import SwiftLearnCore

/// One node of a fitted decision tree: a plain value in a flat array, children by index.
///
/// scikit-learn's `Tree` node record (`tree_.children_left[i]`, `tree_.feature[i]`, ...).
/// A leaf has `leftChild == rightChild == -1`, `feature == -2` and `threshold == -2`, as in
/// scikit-learn. Rows with `x[feature] <= threshold` go left; a missing value (NaN) goes left
/// when ``missingGoesLeft`` is true.
public struct TreeNode: Sendable, Hashable, Codable {
  let left: Int32
  let right: Int32
  let featureIndex: Int32
  /// Where rows with a missing value of ``feature`` go (scikit-learn's `missing_go_to_left`).
  public let missingGoesLeft: Bool
  /// The split threshold on the float32-rounded feature value (`-2` for leaves).
  public let threshold: Double
  /// The impurity of the training samples in this node.
  public let impurity: Double
  let samples: Int32
  /// The total sample weight in this node (scikit-learn's `weighted_n_node_samples`).
  public let weightedSampleCount: Double

  /// The index of the left child, or `-1` for a leaf.
  public var leftChild: Int { Int(left) }
  /// The index of the right child, or `-1` for a leaf.
  public var rightChild: Int { Int(right) }
  /// The feature tested, or `-2` for a leaf.
  public var feature: Int { Int(featureIndex) }
  /// The number of training samples (with positive weight) in this node.
  public var sampleCount: Int { Int(samples) }
  /// Whether the node is a leaf.
  public var isLeaf: Bool { left < 0 }

  init(
    left: Int32, right: Int32, feature: Int32, missingGoesLeft: Bool, threshold: Double,
    impurity: Double, samples: Int32, weightedSampleCount: Double
  ) {
    self.left = left
    self.right = right
    self.featureIndex = feature
    self.missingGoesLeft = missingGoesLeft
    self.threshold = threshold
    self.impurity = impurity
    self.samples = samples
    self.weightedSampleCount = weightedSampleCount
  }
}

/// The fitted structure of one decision tree: nodes in a flat array plus their values.
///
/// scikit-learn's `tree_` (`sklearn.tree._tree.Tree`). Node 0 is the root; children always
/// have larger indices than their parent. ``values`` holds ``valueCount`` numbers per node:
/// class fractions for classifiers, the prediction for regressors.
public struct TreeStructure: Sendable, Hashable {
  /// The nodes, root first.
  public let nodes: [TreeNode]
  /// Node values, ``valueCount`` per node, row-major (scikit-learn's `tree_.value`).
  public let values: [Double]
  /// The number of values per node (the class count for classifiers, 1 for regressors).
  public let valueCount: Int
  /// The number of features the tree was grown on.
  public let featureCount: Int

  init(nodes: [TreeNode], values: [Double], valueCount: Int, featureCount: Int) {
    self.nodes = nodes
    self.values = values
    self.valueCount = valueCount
    self.featureCount = featureCount
  }

  /// The number of nodes (scikit-learn's `node_count`).
  public var nodeCount: Int { nodes.count }

  /// The number of leaves (scikit-learn's `get_n_leaves()`).
  public var leafCount: Int { nodes.reduce(0) { $0 + ($1.isLeaf ? 1 : 0) } }

  /// The depth of the deepest leaf; a lone root has depth 0 (scikit-learn's `get_depth()`).
  public var depth: Int {
    guard !nodes.isEmpty else { return 0 }
    var depths = [Int](repeating: 0, count: nodes.count)
    var deepest = 0
    for i in 0..<nodes.count where !nodes[i].isLeaf {
      let d = depths[i] + 1
      depths[nodes[i].leftChild] = d
      depths[nodes[i].rightChild] = d
      deepest = max(deepest, d)
    }
    return deepest
  }

  /// The values of node `i`.
  public func value(ofNode i: Int) -> ArraySlice<Double> {
    values[(i * valueCount)..<((i + 1) * valueCount)]
  }

  /// The leaf reached by one row given as `Float` values (the comparison scikit-learn makes).
  @inline(__always)
  func leaf(_ row: (Int) -> Float) -> Int {
    nodes.withUnsafeBufferPointer { n in
      var i = 0
      while n[i].left >= 0 {
        let node = n[i]
        let v = row(Int(node.featureIndex))
        let goLeft = v.isNaN ? node.missingGoesLeft : Double(v) <= node.threshold
        i = Int(goLeft ? node.left : node.right)
      }
      return i
    }
  }

  /// The leaf index of every row of a row-major buffer with `featureCount` columns.
  func leaves(_ x: UnsafeBufferPointer<Double>, rowCount: Int) -> [Int] {
    let d = featureCount
    var out = [Int](repeating: 0, count: rowCount)
    for r in 0..<rowCount {
      let base = r * d
      out[r] = leaf { Float(x[base + $0]) }
    }
    return out
  }

  /// Impurity-based feature importances, normalised to sum to 1 (all zero for a lone root).
  public var featureImportances: [Double] {
    var importance = [Double](repeating: 0, count: featureCount)
    guard let root = nodes.first, root.weightedSampleCount > 0 else { return importance }
    for node in nodes where !node.isLeaf {
      let l = nodes[node.leftChild]
      let r = nodes[node.rightChild]
      importance[node.feature] +=
        node.weightedSampleCount * node.impurity - l.weightedSampleCount * l.impurity
        - r.weightedSampleCount * r.impurity
    }
    for f in 0..<featureCount { importance[f] /= root.weightedSampleCount }
    let total = importance.reduce(0, +)
    if total > 0 { for f in 0..<featureCount { importance[f] /= total } }
    return importance
  }

  /// The nodes visited by one row, root to leaf.
  func path(_ row: (Int) -> Float) -> [Int] {
    var visited = [0]
    var i = 0
    while !nodes[i].isLeaf {
      let node = nodes[i]
      let v = row(node.feature)
      let goLeft = v.isNaN ? node.missingGoesLeft : Double(v) <= node.threshold
      i = goLeft ? node.leftChild : node.rightChild
      visited.append(i)
    }
    return visited
  }

  /// Checks the invariants a decoded tree must satisfy, so prediction cannot index out of
  /// bounds or loop.
  func validated() throws -> TreeStructure {
    guard !nodes.isEmpty, valueCount >= 1, values.count == nodes.count * valueCount else {
      throw LearnError.corruptModelFile(reason: "tree has inconsistent node and value counts")
    }
    for (i, node) in nodes.enumerated() {
      if node.left < 0 {
        guard node.right < 0 else {
          throw LearnError.corruptModelFile(reason: "node \(i) has only one child")
        }
      } else {
        guard Int(node.left) > i, Int(node.right) > i, Int(node.left) < nodes.count,
          Int(node.right) < nodes.count, node.featureIndex >= 0,
          Int(node.featureIndex) < featureCount
        else {
          throw LearnError.corruptModelFile(reason: "node \(i) has invalid children or feature")
        }
      }
    }
    return self
  }
}

extension TreeStructure: Codable {
  private enum CodingKeys: String, CodingKey {
    case childrenLeft, childrenRight, feature, threshold, impurity, sampleCounts
    case weightedSampleCounts, missingGoesLeft, values, valueCount, featureCount
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let left = try c.decode([Int32].self, forKey: .childrenLeft)
    let right = try c.decode([Int32].self, forKey: .childrenRight)
    let feature = try c.decode([Int32].self, forKey: .feature)
    let threshold = try c.decode([Double].self, forKey: .threshold)
    let impurity = try c.decode([Double].self, forKey: .impurity)
    let counts = try c.decode([Int32].self, forKey: .sampleCounts)
    let weighted = try c.decode([Double].self, forKey: .weightedSampleCounts)
    let missing = try c.decode([Bool].self, forKey: .missingGoesLeft)
    let n = left.count
    guard
      [
        right.count, feature.count, threshold.count, impurity.count, counts.count,
        weighted.count, missing.count,
      ].allSatisfy({ $0 == n })
    else {
      throw LearnError.corruptModelFile(reason: "tree node arrays differ in length")
    }
    var nodes: [TreeNode] = []
    nodes.reserveCapacity(n)
    for i in 0..<n {
      nodes.append(
        TreeNode(
          left: left[i], right: right[i], feature: feature[i], missingGoesLeft: missing[i],
          threshold: threshold[i], impurity: impurity[i], samples: counts[i],
          weightedSampleCount: weighted[i]))
    }
    self = try TreeStructure(
      nodes: nodes, values: try c.decode([Double].self, forKey: .values),
      valueCount: try c.decode(Int.self, forKey: .valueCount),
      featureCount: try c.decode(Int.self, forKey: .featureCount)
    ).validated()
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(nodes.map(\.left), forKey: .childrenLeft)
    try c.encode(nodes.map(\.right), forKey: .childrenRight)
    try c.encode(nodes.map(\.featureIndex), forKey: .feature)
    try c.encode(nodes.map(\.threshold), forKey: .threshold)
    try c.encode(nodes.map(\.impurity), forKey: .impurity)
    try c.encode(nodes.map(\.samples), forKey: .sampleCounts)
    try c.encode(nodes.map(\.weightedSampleCount), forKey: .weightedSampleCounts)
    try c.encode(nodes.map(\.missingGoesLeft), forKey: .missingGoesLeft)
    try c.encode(values, forKey: .values)
    try c.encode(valueCount, forKey: .valueCount)
    try c.encode(featureCount, forKey: .featureCount)
  }
}

// MARK: - Minimal cost-complexity pruning

/// The minimal cost-complexity pruning path (scikit-learn's `cost_complexity_pruning_path`).
public struct PruningPath: Sendable, Hashable, Codable {
  /// The effective alphas at which subtrees are pruned, increasing (`ccp_alphas`).
  public let ccpAlphas: [Double]
  /// The total leaf impurity of the pruned tree at each alpha (`impurities`).
  public let impurities: [Double]
}

extension TreeStructure {
  /// Weakest-link pruning. Returns which nodes are leaves of the pruned tree, and the path
  /// when `recordPath` is set; stops when the next effective alpha exceeds `alpha`.
  func costComplexityPrune(alpha: Double) -> (leaves: [Bool], path: PruningPath) {
    let n = nodes.count
    let total = nodes[0].weightedSampleCount
    var rNode = [Double](repeating: 0, count: n)
    for i in 0..<n { rNode[i] = nodes[i].weightedSampleCount * nodes[i].impurity / total }
    var parent = [Int](repeating: -1, count: n)
    var isLeafInSubtree = [Bool](repeating: false, count: n)
    for i in 0..<n {
      if nodes[i].isLeaf {
        isLeafInSubtree[i] = true
      } else {
        parent[nodes[i].leftChild] = i
        parent[nodes[i].rightChild] = i
      }
    }
    var leafCounts = [Int](repeating: 0, count: n)
    var rBranch = [Double](repeating: 0, count: n)
    for leaf in 0..<n where isLeafInSubtree[leaf] {
      rBranch[leaf] = rNode[leaf]
      let current = rNode[leaf]
      var i = leaf
      while i != 0 {
        let p = parent[i]
        rBranch[p] += current
        leafCounts[p] += 1
        i = p
      }
    }
    var candidate = isLeafInSubtree.map { !$0 }
    var inSubtree = [Bool](repeating: true, count: n)
    var alphas: [Double] = [0]
    var impurities: [Double] = [rBranch[0]]
    while candidate[0] {
      var effective = Double.greatestFiniteMagnitude
      var pruned = 0
      for i in 0..<n where candidate[i] {
        let a = (rNode[i] - rBranch[i]) / Double(leafCounts[i] - 1)
        if a < effective {
          effective = a
          pruned = i
        }
      }
      if alpha < effective { break }
      var stack = [pruned]
      while let i = stack.popLast() {
        if !inSubtree[i] { continue }
        candidate[i] = false
        isLeafInSubtree[i] = false
        inSubtree[i] = false
        if !nodes[i].isLeaf {
          stack.append(nodes[i].leftChild)
          stack.append(nodes[i].rightChild)
        }
      }
      isLeafInSubtree[pruned] = true
      inSubtree[pruned] = true
      let prunedLeaves = leafCounts[pruned] - 1
      leafCounts[pruned] = 0
      let diff = rNode[pruned] - rBranch[pruned]
      rBranch[pruned] = rNode[pruned]
      var i = parent[pruned]
      while i >= 0 {
        leafCounts[i] -= prunedLeaves
        rBranch[i] += diff
        i = parent[i]
      }
      alphas.append(effective)
      impurities.append(rBranch[0])
    }
    return (isLeafInSubtree, PruningPath(ccpAlphas: alphas, impurities: impurities))
  }

  /// The subtree whose leaves are `leaves`, renumbered in depth-first order (left first).
  func pruned(leaves: [Bool]) -> TreeStructure {
    var newNodes: [TreeNode] = []
    var newValues: [Double] = []
    // (original index, parent in new tree, is left)
    var stack: [(Int, Int, Bool)] = [(0, -1, false)]
    var leftFix: [Int: Int32] = [:]
    var rightFix: [Int: Int32] = [:]
    var order: [(orig: Int, leaf: Bool)] = []
    while let (orig, parentNew, isLeft) = stack.popLast() {
      let id = order.count
      order.append((orig, leaves[orig]))
      if parentNew >= 0 {
        if isLeft { leftFix[parentNew] = Int32(id) } else { rightFix[parentNew] = Int32(id) }
      }
      if !leaves[orig] {
        stack.append((nodes[orig].rightChild, id, false))
        stack.append((nodes[orig].leftChild, id, true))
      }
    }
    for (id, entry) in order.enumerated() {
      let node = nodes[entry.orig]
      if entry.leaf {
        newNodes.append(
          TreeNode(
            left: -1, right: -1, feature: -2, missingGoesLeft: false, threshold: -2,
            impurity: node.impurity, samples: node.samples,
            weightedSampleCount: node.weightedSampleCount))
      } else {
        newNodes.append(
          TreeNode(
            left: leftFix[id] ?? -1, right: rightFix[id] ?? -1, feature: node.featureIndex,
            missingGoesLeft: node.missingGoesLeft, threshold: node.threshold,
            impurity: node.impurity, samples: node.samples,
            weightedSampleCount: node.weightedSampleCount))
      }
      newValues += value(ofNode: entry.orig)
    }
    return TreeStructure(
      nodes: newNodes, values: newValues, valueCount: valueCount, featureCount: featureCount)
  }
}

// MARK: - Export

extension TreeStructure {
  /// A text rendering of the rules (scikit-learn's `export_text`).
  ///
  /// - Parameters:
  ///   - featureNames: One name per feature; `nil` means `feature_0, feature_1, ...`.
  ///   - leafText: The text shown at a leaf given its node index.
  ///   - decimals: Digits after the decimal point for thresholds.
  func exportText(featureNames: [String]?, decimals: Int, leafText: (Int) -> String) -> String {
    let names = featureNames ?? (0..<featureCount).map { "feature_\($0)" }
    var lines: [String] = []
    func format(_ v: Double) -> String { String(format: "%.\(decimals)f", v) }
    func visit(_ i: Int, _ depth: Int) {
      let indent = String(repeating: "|   ", count: depth) + "|--- "
      let node = nodes[i]
      if node.isLeaf {
        lines.append(indent + leafText(i))
        return
      }
      let name = names[node.feature]
      let nanLeft = node.missingGoesLeft ? " (or missing)" : ""
      let nanRight = node.missingGoesLeft ? "" : " (or missing)"
      lines.append(indent + "\(name) <= \(format(node.threshold))" + nanLeft)
      visit(node.leftChild, depth + 1)
      lines.append(indent + "\(name) >  \(format(node.threshold))" + nanRight)
      visit(node.rightChild, depth + 1)
    }
    visit(0, 0)
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Graphviz DOT rendering (scikit-learn's `export_graphviz`).
  func exportDOT(featureNames: [String]?, criterion: String, leafText: (Int) -> String)
    -> String
  {
    let names = featureNames ?? (0..<featureCount).map { "x[\($0)]" }
    var out = "digraph Tree {\nnode [shape=box, fontname=\"helvetica\"] ;\n"
    out += "edge [fontname=\"helvetica\"] ;\n"
    for (i, node) in nodes.enumerated() {
      var label = ""
      if !node.isLeaf {
        label += "\(names[node.feature]) <= \(String(format: "%.3f", node.threshold))\\n"
      }
      label += "\(criterion) = \(String(format: "%.3f", node.impurity))\\n"
      label += "samples = \(node.sampleCount)\\n"
      label += leafText(i)
      out += "\(i) [label=\"\(label)\"] ;\n"
      if !node.isLeaf {
        let l = node.leftChild
        let r = node.rightChild
        out +=
          i == 0
          ? "\(i) -> \(l) [labeldistance=2.5, labelangle=45, headlabel=\"True\"] ;\n"
          : "\(i) -> \(l) ;\n"
        out +=
          i == 0
          ? "\(i) -> \(r) [labeldistance=2.5, labelangle=-45, headlabel=\"False\"] ;\n"
          : "\(i) -> \(r) ;\n"
      }
    }
    return out + "}\n"
  }
}

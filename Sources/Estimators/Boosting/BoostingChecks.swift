import SwiftLearnCore

/// Hyperparameter checks and settings shared by the histogram boosters.
enum BoostingChecks {
  static func validate(
    estimator: String, learningRate: Double, maxIter: Int, maxLeafNodes: Int?, maxDepth: Int?,
    minSamplesLeaf: Int, l2Regularization: Double, maxBins: Int, validationFraction: Double?,
    nIterNoChange: Int, tol: Double, threadCount: Int?
  ) throws {
    try Check.finite(
      learningRate, atLeast: 0, inclusive: false, estimator: estimator, name: "learningRate")
    try Check.count(maxIter, atLeast: 1, estimator: estimator, name: "maxIter")
    if let maxLeafNodes {
      try Check.count(maxLeafNodes, atLeast: 2, estimator: estimator, name: "maxLeafNodes")
    }
    if let maxDepth {
      try Check.count(maxDepth, atLeast: 1, estimator: estimator, name: "maxDepth")
    }
    try Check.count(minSamplesLeaf, atLeast: 1, estimator: estimator, name: "minSamplesLeaf")
    try Check.finite(l2Regularization, atLeast: 0, estimator: estimator, name: "l2Regularization")
    guard (2...255).contains(maxBins) else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "maxBins", value: "\(maxBins)",
        expected: "an integer in [2, 255]")
    }
    if let validationFraction {
      guard validationFraction > 0, validationFraction < 1 else {
        throw LearnError.invalidParameter(
          estimator: estimator, name: "validationFraction", value: "\(validationFraction)",
          expected: "a number in (0, 1), or nil")
      }
    }
    try Check.count(nIterNoChange, atLeast: 1, estimator: estimator, name: "nIterNoChange")
    try Check.finite(tol, atLeast: 0, estimator: estimator, name: "tol")
    if let threadCount {
      try Check.count(threadCount, atLeast: 1, estimator: estimator, name: "threadCount")
    }
  }

  static func settings(
    learningRate: Double, maxIter: Int, maxLeafNodes: Int?, maxDepth: Int?, minSamplesLeaf: Int,
    l2Regularization: Double, maxBins: Int, earlyStopping: EarlyStopping, rowCount: Int,
    validationFraction: Double?, nIterNoChange: Int, tol: Double, threadCount: Int?
  ) -> BoostingSettings {
    let stopping: Bool
    switch earlyStopping {
    case .auto: stopping = rowCount > 10_000
    case .on: stopping = true
    case .off: stopping = false
    }
    return BoostingSettings(
      learningRate: learningRate, maxIter: maxIter, maxLeafNodes: maxLeafNodes,
      maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf, l2Regularization: l2Regularization,
      maxBins: maxBins, earlyStopping: stopping,
      validationFraction: rowCount >= 2 ? validationFraction : nil,
      nIterNoChange: nIterNoChange, tol: tol, threads: threadCount)
  }
}

extension HistogramBooster {
  /// Re-checks a decoded model: every child index points forward inside its tree, every split
  /// feature exists, every value is finite.
  func checkInvariants() throws {
    let k = objective.treesPerIteration
    try requireDecoded(featureCount >= 1, "no features", codingPath: [])
    try requireDecoded(
      binning.thresholds.count == featureCount,
      "bin edges for \(binning.thresholds.count) "
        + "features, expected \(featureCount)", codingPath: [])
    try requireDecoded(
      baseline.count == k && baseline.allSatisfy(\.isFinite), "bad baseline", codingPath: [])
    for (iteration, group) in trees.enumerated() {
      try requireDecoded(
        group.count == k, "iteration \(iteration) has \(group.count) trees, expected \(k)",
        codingPath: [])
      for tree in group {
        try requireDecoded(!tree.nodes.isEmpty, "an empty tree", codingPath: [])
        for (index, node) in tree.nodes.enumerated() {
          try requireDecoded(node.value.isFinite, "a non-finite leaf value", codingPath: [])
          if node.left < 0 { continue }
          let ok =
            Int(node.left) > index && Int(node.right) > index
            && Int(node.right) < tree.nodes.count && Int(node.left) < tree.nodes.count
            && node.feature >= 0 && Int(node.feature) < featureCount && !node.threshold.isNaN
          try requireDecoded(ok, "node \(index) links outside its tree", codingPath: [])
        }
      }
    }
  }
}

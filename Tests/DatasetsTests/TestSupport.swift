import Datasets
import LinearAlgebra
import Testing

/// Expects `body` to throw `DatasetError.invalidParameter` naming `name`.
func expectInvalidParameter(
  _ name: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () throws -> Void
) {
  do {
    try body()
    Issue.record(
      "expected invalidParameter(\(name)), nothing was thrown",
      sourceLocation: sourceLocation)
  } catch let DatasetError.invalidParameter(thrownName, _, _) {
    #expect(thrownName == name, sourceLocation: sourceLocation)
  } catch {
    Issue.record(
      "expected invalidParameter(\(name)), got \(error)",
      sourceLocation: sourceLocation)
  }
}

/// Per-column sums, in plain row order.
func columnSums(_ x: Matrix) -> [Double] {
  var sums = [Double](repeating: 0, count: x.columnCount)
  for i in 0..<x.rowCount {
    for j in 0..<x.columnCount { sums[j] += x[i, j] }
  }
  return sums
}

/// Per-column means.
func columnMeans(_ x: Matrix) -> [Double] {
  columnSums(x).map { $0 / Double(max(x.rowCount, 1)) }
}

/// The rows of `x` whose label is `label`.
func rows(of x: Matrix, where labels: [Int], equal label: Int) -> [[Double]] {
  (0..<x.rowCount).filter { labels[$0] == label }.map { i in
    (0..<x.columnCount).map { x[i, $0] }
  }
}

/// How many times each label occurs, indexed by label.
func counts(_ labels: [Int], classCount: Int) -> [Int] {
  var result = [Int](repeating: 0, count: classCount)
  for label in labels where label >= 0 && label < classCount { result[label] += 1 }
  return result
}

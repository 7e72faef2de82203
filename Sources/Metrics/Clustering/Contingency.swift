import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The class-by-cluster count table of two labelings, in compact form.
struct Contingency {
  /// Nonzero cells `(class, cluster, count)`.
  var cells: [(row: Int, column: Int, count: Int)]
  /// Per-class totals (`a_i`), classes in sorted order.
  var rowSums: [Int]
  /// Per-cluster totals (`b_j`), clusters in sorted order.
  var columnSums: [Int]
  var sampleCount: Int

  init<A: ClassLabel, B: ClassLabel>(_ labelsTrue: [A], _ labelsPred: [B]) {
    let classes = Array(Set(labelsTrue)).sorted()
    let clusters = Array(Set(labelsPred)).sorted()
    let t = codes(labelsTrue, in: classes)
    let p = codes(labelsPred, in: clusters)
    var table: [Int: Int] = [:]
    let k = clusters.count
    for i in 0..<t.count { table[t[i] * k + p[i], default: 0] += 1 }
    cells = table.keys.sorted().compactMap { key in
      table[key].map { (row: key / k, column: key % k, count: $0) }
    }
    rowSums = [Int](repeating: 0, count: classes.count)
    columnSums = [Int](repeating: 0, count: k)
    for c in cells {
      rowSums[c.row] += c.count
      columnSums[c.column] += c.count
    }
    sampleCount = t.count
  }
}

/// Checks two labelings of the same samples.
func checkClusterings<A, B>(_ labelsTrue: [A], _ labelsPred: [B]) throws {
  guard !labelsTrue.isEmpty else {
    throw LearnError.emptyInput(
      input: "labels_true", reason: "found 0 samples, at least 1 is required")
  }
  guard labelsPred.count == labelsTrue.count else {
    throw LearnError.lengthMismatch(
      input: "labels_pred", expected: labelsTrue.count, got: labelsPred.count)
  }
}

/// The contingency table: entry `(i, j)` counts samples of class `i` in cluster `j` (classes
/// and clusters in sorted order).
///
/// scikit-learn: `sklearn.metrics.cluster.contingency_matrix` (dense, no `eps`).
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n + k·c).
public func contingencyMatrix<A: ClassLabel, B: ClassLabel>(
  labelsTrue: [A], labelsPred: [B]
) throws -> Matrix {
  try checkClusterings(labelsTrue, labelsPred)
  let c = Contingency(labelsTrue, labelsPred)
  var m = Matrix.zeros(c.rowSums.count, c.columnSums.count)
  m.withUnsafeMutableStorage { s in
    for cell in c.cells { s[cell.row * c.columnSums.count + cell.column] = Double(cell.count) }
  }
  return m
}

/// The pair confusion matrix: counts of ordered sample pairs by whether they share a class
/// (row 1) and a cluster (column 1).
///
/// scikit-learn: `sklearn.metrics.cluster.pair_confusion_matrix`. Entries are exact
/// integers stored as `Double` (exact up to 2⁵³).
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n + cells).
public func pairConfusionMatrix<A: ClassLabel, B: ClassLabel>(
  labelsTrue: [A], labelsPred: [B]
) throws -> Matrix {
  try checkClusterings(labelsTrue, labelsPred)
  let p = pairCounts(Contingency(labelsTrue, labelsPred))
  return try Matrix(
    rows: [[Double(p.tn), Double(p.fp)], [Double(p.fn), Double(p.tp)]])
}

func pairCounts(_ c: Contingency) -> (tn: Int128, fp: Int128, fn: Int128, tp: Int128) {
  let n = Int128(c.sampleCount)
  var squares: Int128 = 0
  var byCluster: Int128 = 0
  var byClass: Int128 = 0
  for cell in c.cells {
    let v = Int128(cell.count)
    squares += v * v
    byCluster += v * Int128(c.columnSums[cell.column])
    byClass += v * Int128(c.rowSums[cell.row])
  }
  let tp = squares - n
  let fp = byCluster - squares
  let fn = byClass - squares
  let tn = n * n - fp - fn - squares
  return (tn, fp, fn, tp)
}

/// The Rand index: the fraction of sample pairs on which the labelings agree.
///
/// scikit-learn: `sklearn.metrics.rand_score`.
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n).
public func randScore<A: ClassLabel, B: ClassLabel>(labelsTrue: [A], labelsPred: [B]) throws
  -> Double
{
  try checkClusterings(labelsTrue, labelsPred)
  let p = pairCounts(Contingency(labelsTrue, labelsPred))
  let num = p.tn + p.tp
  let den = p.tn + p.fp + p.fn + p.tp
  if num == den || den == 0 { return 1 }
  return Double(num) / Double(den)
}

/// The Rand index adjusted for chance (0 for random labelings, 1 for identical ones).
///
/// scikit-learn: `sklearn.metrics.adjusted_rand_score`. Pair counts are exact 128-bit
/// integers, as Python's integers are.
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n).
public func adjustedRandScore<A: ClassLabel, B: ClassLabel>(labelsTrue: [A], labelsPred: [B])
  throws -> Double
{
  try checkClusterings(labelsTrue, labelsPred)
  let p = pairCounts(Contingency(labelsTrue, labelsPred))
  if p.fn == 0 && p.fp == 0 { return 1 }
  let num = 2 * (p.tp * p.tn - p.fn * p.fp)
  let den = (p.tp + p.fn) * (p.fn + p.tn) + (p.tp + p.fp) * (p.fp + p.tn)
  return Double(num) / Double(den)
}

/// The Fowlkes–Mallows index, the geometric mean of pairwise precision and recall.
///
/// scikit-learn: `sklearn.metrics.fowlkes_mallows_score`.
///
/// - Throws: `LearnError.emptyInput`, `LearnError.lengthMismatch`.
/// - Complexity: O(n).
public func fowlkesMallowsScore<A: ClassLabel, B: ClassLabel>(labelsTrue: [A], labelsPred: [B])
  throws -> Double
{
  try checkClusterings(labelsTrue, labelsPred)
  let c = Contingency(labelsTrue, labelsPred)
  let n = Int128(c.sampleCount)
  let tk = c.cells.reduce(Int128(0)) { $0 + Int128($1.count) * Int128($1.count) } - n
  let pk = c.columnSums.reduce(Int128(0)) { $0 + Int128($1) * Int128($1) } - n
  let qk = c.rowSums.reduce(Int128(0)) { $0 + Int128($1) * Int128($1) } - n
  if tk == 0 { return 0 }
  return (Double(tk) / Double(pk)).squareRoot() * (Double(tk) / Double(qk)).squareRoot()
}

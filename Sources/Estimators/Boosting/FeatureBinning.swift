import LinearAlgebra
import SwiftLearnCore

/// Maps every feature to at most `maxBins` ordered bins plus one bin for missing values, the
/// way scikit-learn's `_BinMapper` does.
///
/// A feature with at most `maxBins` distinct values gets one bin per value (thresholds at the
/// midpoints between consecutive distinct values); otherwise the thresholds are the
/// `1/maxBins, …, (maxBins − 1)/maxBins` percentiles of the (subsampled) values with numpy's
/// `midpoint` method. A value `v` falls in bin `b` when `threshold[b − 1] < v ≤ threshold[b]`;
/// NaN falls in bin ``missingBin`` (= `maxBins`). Codes are `UInt8`, so `maxBins ≤ 255`.
struct FeatureBinning: Sendable, Hashable, Codable {
  /// Per feature: the ascending upper edges of every bin but the last non-missing one.
  var thresholds: [[Double]]
  /// The bin index of missing values, shared by every feature.
  var missingBin: Int

  /// The number of non-missing bins of `feature`.
  func binCount(_ feature: Int) -> Int { thresholds[feature].count + 1 }

  /// Learns the thresholds from (at most `subsample` rows of) `x`.
  init(fitting x: Matrix, maxBins: Int, subsample: Int, generator: inout SeededGenerator) {
    let n = x.rowCount
    let d = x.columnCount
    var rows = Array(0..<n)
    if n > subsample {
      // Partial Fisher–Yates: the first `subsample` entries are a uniform sample.
      for i in 0..<subsample {
        let j = i + generator.nextInt(below: n - i)
        rows.swapAt(i, j)
      }
      rows = Array(rows[0..<subsample]).sorted()
    }
    var thresholds: [[Double]] = []
    thresholds.reserveCapacity(d)
    x.withUnsafeStorage { s in
      var values: [Double] = []
      values.reserveCapacity(rows.count)
      for j in 0..<d {
        values.removeAll(keepingCapacity: true)
        for i in rows {
          let v = s[i * d + j]
          if !v.isNaN { values.append(v) }
        }
        values.sort()
        thresholds.append(Self.thresholds(sorted: values, maxBins: maxBins))
      }
    }
    self.thresholds = thresholds
    self.missingBin = maxBins
  }

  /// Bin edges for one feature's sorted non-missing values.
  static func thresholds(sorted values: [Double], maxBins: Int) -> [Double] {
    guard !values.isEmpty else { return [] }
    var distinct: [Double] = []
    for v in values where distinct.last != v { distinct.append(v) }
    var edges: [Double]
    if distinct.count <= maxBins {
      edges = (0..<(distinct.count - 1)).map { 0.5 * (distinct[$0] + distinct[$0 + 1]) }
    } else {
      // numpy.percentile(values, q, method="midpoint") at q = 100·k/maxBins, k = 1…maxBins−1.
      let last = Double(values.count - 1)
      edges = (1..<maxBins).map { k in
        let position = Double(k) / Double(maxBins) * last
        let lower = Int(position.rounded(.down))
        let upper = Int(position.rounded(.up))
        return 0.5 * (values[lower] + values[upper])
      }
    }
    // +inf is reserved for the "non-missing left, missing right" split.
    let almostInfinity = Double.greatestFiniteMagnitude
    return edges.map { min($0, almostInfinity) }
  }

  /// The bin of `value` for `feature`: the number of thresholds strictly below it.
  @inline(__always)
  static func bin(of value: Double, in edges: UnsafeBufferPointer<Double>, missingBin: Int)
    -> UInt8
  {
    if value.isNaN { return UInt8(truncatingIfNeeded: missingBin) }
    var low = 0
    var high = edges.count
    while low < high {
      let middle = (low + high) >> 1
      if value <= edges[middle] { high = middle } else { low = middle + 1 }
    }
    return UInt8(truncatingIfNeeded: low)
  }

  /// The binned data, row-major: the codes of row `r` at `[r·d ..< (r+1)·d]`, so a row's codes
  /// share a cache line when histograms are built row by row.
  func transform(_ x: Matrix, rows: [Int]? = nil) -> [UInt8] {
    let d = x.columnCount
    let selected = rows ?? Array(0..<x.rowCount)
    let n = selected.count
    var codes = [UInt8](repeating: 0, count: n * d)
    let missing = missingBin
    let chunks = ParallelLoop.ranges(count: n, parts: n >= 8192 ? 16 : 1)
    let edges = thresholds
    x.withUnsafeStorage { s in
      codes.withUnsafeMutableBufferPointer { out in
        let outBase = SendablePointer(out.baseAddress)
        ParallelLoop.run(count: chunks.count) { c in
          guard let target = outBase.pointer, let source = s.baseAddress else { return }
          for r in chunks[c] {
            let row = source + selected[r] * d
            for j in 0..<d {
              target[r * d + j] = edges[j].withUnsafeBufferPointer {
                Self.bin(of: row[j], in: $0, missingBin: missing)
              }
            }
          }
        }
      }
    }
    return codes
  }
}

/// An unchecked pointer wrapper for handing disjoint output regions to parallel workers.
struct SendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>?
  init(_ pointer: UnsafeMutablePointer<T>?) { self.pointer = pointer }
}

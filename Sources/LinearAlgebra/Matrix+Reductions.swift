/// The direction of a reduction.
///
/// `.perColumn` reduces down the rows and gives one value per column (numpy's `axis=0`, the
/// usual "statistic of each feature"); `.perRow` gives one value per row (numpy's `axis=1`).
public enum ReductionAxis: Sendable, Hashable {
  /// One result per column (numpy `axis=0`).
  case perColumn
  /// One result per row (numpy `axis=1`).
  case perRow
}

extension Matrix {
  /// Sums along `axis`. An axis of length zero sums to zeros.
  public func sum(_ axis: ReductionAxis) -> [Double] {
    let r = rowCount
    let c = columnCount
    return storage.withUnsafeBufferPointer { s in
      switch axis {
      case .perColumn:
        var out = [Double](repeating: 0, count: c)
        out.withUnsafeMutableBufferPointer { o in
          for i in 0..<r {
            let base = i * c
            for j in 0..<c { o[j] += s[base + j] }
          }
        }
        return out
      case .perRow:
        var out = [Double](repeating: 0, count: r)
        for i in 0..<r {
          var acc = 0.0
          for j in 0..<c { acc += s[i * c + j] }
          out[i] = acc
        }
        return out
      }
    }
  }

  /// The sum of every element.
  public func sum() -> Double { storage.reduce(0, +) }

  /// The arithmetic mean along `axis`.
  ///
  /// - Throws: ``LinearAlgebraError/empty(operation:)`` when the reduced axis has length zero.
  public func mean(_ axis: ReductionAxis) throws -> [Double] {
    let n = axis == .perColumn ? rowCount : columnCount
    guard n > 0 else { throw LinearAlgebraError.empty(operation: "mean") }
    return sum(axis).map { $0 / Double(n) }
  }

  /// The variance along `axis` with `ddof` delta degrees of freedom (numpy's `var`).
  ///
  /// Two-pass algorithm (mean first, then squared deviations) for accuracy.
  /// - Throws: ``LinearAlgebraError/empty(operation:)`` when the axis has length zero;
  ///   ``LinearAlgebraError/invalidArgument(name:value:expected:)`` when `ddof` is negative or
  ///   not smaller than the axis length.
  public func variance(_ axis: ReductionAxis, ddof: Int = 0) throws -> [Double] {
    let n = axis == .perColumn ? rowCount : columnCount
    guard n > 0 else { throw LinearAlgebraError.empty(operation: "variance") }
    guard ddof >= 0, ddof < n else {
      throw LinearAlgebraError.invalidArgument(
        name: "ddof", value: "\(ddof)", expected: "in 0..<\(n) (the length of the reduced axis)")
    }
    let means = try mean(axis)
    let r = rowCount
    let c = columnCount
    var out = [Double](repeating: 0, count: means.count)
    storage.withUnsafeBufferPointer { s in
      switch axis {
      case .perColumn:
        for i in 0..<r {
          for j in 0..<c {
            let d = s[i * c + j] - means[j]
            out[j] += d * d
          }
        }
      case .perRow:
        for i in 0..<r {
          var acc = 0.0
          for j in 0..<c {
            let d = s[i * c + j] - means[i]
            acc += d * d
          }
          out[i] = acc
        }
      }
    }
    let denominator = Double(n - ddof)
    return out.map { $0 / denominator }
  }

  /// The standard deviation along `axis` (square root of ``variance(_:ddof:)``).
  ///
  /// - Throws: as ``variance(_:ddof:)``.
  public func standardDeviation(_ axis: ReductionAxis, ddof: Int = 0) throws -> [Double] {
    try variance(axis, ddof: ddof).map { $0.squareRoot() }
  }

  /// The minimum along `axis`; NaN propagates as in numpy.
  ///
  /// - Throws: ``LinearAlgebraError/empty(operation:)`` for an empty axis.
  public func min(_ axis: ReductionAxis) throws -> [Double] {
    try extreme(axis, operation: "min") { $0 < $1 }.values
  }

  /// The maximum along `axis`; NaN propagates as in numpy.
  ///
  /// - Throws: ``LinearAlgebraError/empty(operation:)`` for an empty axis.
  public func max(_ axis: ReductionAxis) throws -> [Double] {
    try extreme(axis, operation: "max") { $0 > $1 }.values
  }

  /// The index of the minimum along `axis` (first occurrence; a NaN wins, as in numpy).
  ///
  /// - Throws: ``LinearAlgebraError/empty(operation:)`` for an empty axis.
  public func argmin(_ axis: ReductionAxis) throws -> [Int] {
    try extreme(axis, operation: "argmin") { $0 < $1 }.indices
  }

  /// The index of the maximum along `axis` (first occurrence; a NaN wins, as in numpy).
  ///
  /// - Throws: ``LinearAlgebraError/empty(operation:)`` for an empty axis.
  public func argmax(_ axis: ReductionAxis) throws -> [Int] {
    try extreme(axis, operation: "argmax") { $0 > $1 }.indices
  }

  private func extreme(
    _ axis: ReductionAxis, operation: String, _ better: (Double, Double) -> Bool
  ) throws -> (values: [Double], indices: [Int]) {
    let n = axis == .perColumn ? rowCount : columnCount
    let outCount = axis == .perColumn ? columnCount : rowCount
    guard n > 0 else { throw LinearAlgebraError.empty(operation: operation) }
    var values = [Double](repeating: 0, count: outCount)
    var indices = [Int](repeating: 0, count: outCount)
    let c = columnCount
    for o in 0..<outCount {
      var best = axis == .perColumn ? storage[o] : storage[o * c]
      var bestIndex = 0
      if !best.isNaN {
        for k in 1..<n {
          let v = axis == .perColumn ? storage[k * c + o] : storage[o * c + k]
          if v.isNaN {
            best = v
            bestIndex = k
            break
          }
          if better(v, best) {
            best = v
            bestIndex = k
          }
        }
      }
      values[o] = best
      indices[o] = bestIndex
    }
    return (values, indices)
  }
}

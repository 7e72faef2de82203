import Foundation
import LinearAlgebra

// Internal helpers shared by the synthetic generators: parameter checks with scikit-learn's
// interval wording, row/column permutations, and a small orthonormalisation routine.

/// Throws ``DatasetError/invalidParameter(name:value:expected:)`` unless `value >= minimum`.
func requireCount(_ value: Int, name: String, minimum: Int) throws {
  guard value >= minimum else {
    throw DatasetError.invalidParameter(
      name: name, value: "\(value)", expected: "an int in the range [\(minimum), inf)")
  }
}

/// Throws ``DatasetError/invalidParameter(name:value:expected:)`` naming `name` when
/// `rows × columns` elements would overflow `Int` (such a matrix could never be allocated).
func requireElementCount(_ rows: Int, _ columns: Int, name: String) throws {
  guard !rows.multipliedReportingOverflow(by: columns).overflow else {
    throw DatasetError.invalidParameter(
      name: name, value: "\(rows) x \(columns) elements",
      expected: "a shape whose element count fits in an Int")
  }
}

/// Throws unless `value` is a finite number inside the interval described by the bounds.
///
/// A `nil` bound is infinite. The message reads like scikit-learn's, e.g.
/// `"a float in the range [0, 1]"`.
func requireReal(
  _ value: Double, name: String, lower: Double? = nil, lowerClosed: Bool = true,
  upper: Double? = nil, upperClosed: Bool = true
) throws {
  var ok = value.isFinite
  if let lower { ok = ok && (lowerClosed ? value >= lower : value > lower) }
  if let upper { ok = ok && (upperClosed ? value <= upper : value < upper) }
  guard ok else {
    let left = lower.map { (lowerClosed ? "[" : "(") + formatBound($0) } ?? "(-inf"
    let right = upper.map { formatBound($0) + (upperClosed ? "]" : ")") } ?? "inf)"
    throw DatasetError.invalidParameter(
      name: name, value: "\(value)", expected: "a float in the range \(left), \(right)")
  }
}

/// `1.0` → `"1"`, `0.5` → `"0.5"`, for interval messages.
func formatBound(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return "\(value)"
}

/// A uniformly random permutation of `0..<count`.
func randomPermutation(_ count: Int, using generator: inout SeededGenerator) -> [Int] {
  var indices = Array(0..<count)
  generator.shuffle(&indices)
  return indices
}

/// Row-major storage whose row `k` is row `permutation[k]` of `storage`.
func permutedRows(_ storage: [Double], columns: Int, by permutation: [Int]) -> [Double] {
  var result = [Double](repeating: 0, count: storage.count)
  guard columns > 0 else { return result }
  storage.withUnsafeBufferPointer { src in
    result.withUnsafeMutableBufferPointer { dst in
      for (k, i) in permutation.enumerated() {
        for j in 0..<columns { dst[k * columns + j] = src[i * columns + j] }
      }
    }
  }
  return result
}

/// Row-major storage whose column `k` is column `permutation[k]` of `storage`.
func permutedColumns(_ storage: [Double], columns: Int, by permutation: [Int]) -> [Double] {
  var result = [Double](repeating: 0, count: storage.count)
  guard columns > 0 else { return result }
  let rows = storage.count / columns
  storage.withUnsafeBufferPointer { src in
    result.withUnsafeMutableBufferPointer { dst in
      for i in 0..<rows {
        for (k, j) in permutation.enumerated() { dst[i * columns + k] = src[i * columns + j] }
      }
    }
  }
  return result
}

/// `count` independent standard normal draws.
func gaussians(_ count: Int, using generator: inout SeededGenerator) -> [Double] {
  var values = [Double](repeating: 0, count: count)
  for k in 0..<count { values[k] = generator.nextGaussian() }
  return values
}

/// `count` independent uniform draws on `[0, 1)`.
func uniforms(_ count: Int, using generator: inout SeededGenerator) -> [Double] {
  var values = [Double](repeating: 0, count: count)
  for k in 0..<count { values[k] = generator.nextUniform() }
  return values
}

/// `num` evenly spaced values from `start` to `stop` (numpy's `linspace`).
func linspace(_ start: Double, _ stop: Double, _ num: Int, endpoint: Bool) -> [Double] {
  guard num > 0 else { return [] }
  let divisions = endpoint ? num - 1 : num
  guard divisions > 0 else { return [start] }
  let step = (stop - start) / Double(divisions)
  var values = (0..<num).map { start + Double($0) * step }
  if endpoint { values[num - 1] = stop }
  return values
}

/// The `Q` factor of a thin QR decomposition of the row-major `rows x columns` matrix `a`
/// (`rows >= columns`), computed by modified Gram–Schmidt with one re-orthogonalisation pass.
///
/// Returns row-major `rows x columns` storage with orthonormal columns. A column that is
/// numerically dependent on the previous ones (probability zero for Gaussian input) is left as
/// zeros rather than trapping.
func orthonormalColumns(_ a: [Double], rows: Int, columns: Int) -> [Double] {
  // Work column-major so each column is contiguous.
  var q = [Double](repeating: 0, count: rows * columns)
  for i in 0..<rows {
    for j in 0..<columns { q[j * rows + i] = a[i * columns + j] }
  }
  q.withUnsafeMutableBufferPointer { q in
    for j in 0..<columns {
      let original = norm(q, column: j, rows: rows)
      for _ in 0..<2 {
        for k in 0..<j {
          var projection = 0.0
          for i in 0..<rows { projection += q[k * rows + i] * q[j * rows + i] }
          for i in 0..<rows { q[j * rows + i] -= projection * q[k * rows + i] }
        }
      }
      let length = norm(q, column: j, rows: rows)
      if length > 1e-13 * max(original, .leastNormalMagnitude) {
        for i in 0..<rows { q[j * rows + i] /= length }
      } else {
        for i in 0..<rows { q[j * rows + i] = 0 }
      }
    }
  }
  var result = [Double](repeating: 0, count: rows * columns)
  for i in 0..<rows {
    for j in 0..<columns { result[i * columns + j] = q[j * rows + i] }
  }
  return result
}

private func norm(_ q: UnsafeMutableBufferPointer<Double>, column j: Int, rows: Int) -> Double {
  var sum = 0.0
  for i in 0..<rows { sum += q[j * rows + i] * q[j * rows + i] }
  return sum.squareRoot()
}

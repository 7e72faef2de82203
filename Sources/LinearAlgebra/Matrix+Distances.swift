/// Squared Euclidean distances between every row of `x` and every row of `y`.
///
/// Entry `(i, j)` is `||x_i − y_j||²`, computed as scikit-learn does it:
/// `(−2·x_i·y_j + ||x_i||²) + ||y_j||²` with one BLAS `dgemm` for all the dot products, then
/// negative values (rounding in the expansion) clamped to 0. When `x == y` (the same matrix,
/// or an equal copy) the diagonal is set to exactly 0, as scikit-learn does when `X is Y`; the
/// equality test is O(1) for the same storage and at most O(n·d) otherwise.
/// scikit-learn: `sklearn.metrics.pairwise.euclidean_distances(x, y, squared=True)`.
///
/// The expansion loses relative accuracy for points much closer together than their norms
/// (cancellation), exactly as scikit-learn's float64 path does.
///
///     let d2 = try pairwiseSquaredDistances(queries, references)   // nq x nr
///
/// - Parameters:
///   - x: `n_x x d`.
///   - y: `n_y x d`.
/// - Returns: an `n_x x n_y` matrix of non-negative values. Zero rows give zero-row or
///   zero-column results; zero columns (`d == 0`) give all zeros.
/// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` when the column
///   counts differ; ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for NaN or
///   infinity (scikit-learn's `check_pairwise_arrays`) or a dimension above `Int32.max`.
/// - Complexity: O(n_x · n_y · d) flops in one `dgemm`, plus O(n_x · n_y) memory.
public func pairwiseSquaredDistances(_ x: Matrix, _ y: Matrix) throws -> Matrix {
  guard x.columnCount == y.columnCount else {
    throw LinearAlgebraError.shapeMismatch(
      operation: "pairwiseSquaredDistances", expected: "y with \(x.columnCount) columns",
      got: y.shapeDescription)
  }
  return try squaredEuclideanDistances(x, x == y ? nil : y)
}

/// Squared Euclidean distances between every pair of rows of `x`, with an exact zero diagonal.
///
/// The self-distance form of ``pairwiseSquaredDistances(_:_:)``: the products come from one
/// BLAS `dsyrk` (half the flops of `dgemm`) and the upper triangle is mirrored, so the result
/// is exactly symmetric.
/// scikit-learn: `sklearn.metrics.pairwise.euclidean_distances(x, squared=True)`.
///
/// - Returns: an `n x n` symmetric matrix of non-negative values with zeros on the diagonal.
/// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for NaN or infinity
///   or a dimension above `Int32.max`.
/// - Complexity: O(n² · d) flops (half of them through symmetry), O(n²) memory.
public func pairwiseSquaredDistances(_ x: Matrix) throws -> Matrix {
  try squaredEuclideanDistances(x, nil)
}

/// Euclidean distances between every row of `x` and every row of `y`.
///
/// The square root of ``pairwiseSquaredDistances(_:_:)`` (same clamping and zero diagonal
/// when `x == y`). scikit-learn: `sklearn.metrics.pairwise.euclidean_distances(x, y)`.
///
/// - Throws: as ``pairwiseSquaredDistances(_:_:)``.
/// - Complexity: O(n_x · n_y · d).
public func pairwiseDistances(_ x: Matrix, _ y: Matrix) throws -> Matrix {
  try pairwiseSquaredDistances(x, y).map { $0.squareRoot() }
}

/// Euclidean distances between every pair of rows of `x`, with an exact zero diagonal.
///
/// The square root of ``pairwiseSquaredDistances(_:)``. scikit-learn:
/// `sklearn.metrics.pairwise.euclidean_distances(x)`.
///
/// - Throws: as ``pairwiseSquaredDistances(_:)``.
/// - Complexity: O(n² · d).
public func pairwiseDistances(_ x: Matrix) throws -> Matrix {
  try pairwiseSquaredDistances(x).map { $0.squareRoot() }
}

/// The shared kernel; `other == nil` means distances of `x` to itself.
private func squaredEuclideanDistances(_ x: Matrix, _ other: Matrix?) throws -> Matrix {
  try x.requireFinite("pairwise distances", name: "x")
  try x.requireLAPACKDimensions()
  let products: Matrix
  let yNorms: [Double]
  let xNorms = rowSquaredNorms(x)
  if let other {
    try other.requireFinite("pairwise distances", name: "y")
    try other.requireLAPACKDimensions()
    products = try Matrix.product(x, other, transposeB: .transposed)
    yNorms = rowSquaredNorms(other)
  } else {
    products = try x.outerGram()
    yNorms = xNorms
  }
  var distances = products
  let rows = x.rowCount
  let columns = products.columnCount
  distances.withUnsafeMutableStorage { d in
    if other == nil {
      // Self distances: compute the upper triangle once and mirror it, so the result is
      // exactly symmetric (`(g + a) + b` and `(g + b) + a` can round differently).
      for i in 0..<rows {
        d[i * columns + i] = 0
        for j in (i + 1)..<columns {
          let value = (-2 * d[i * columns + j] + xNorms[i]) + xNorms[j]
          let clamped = value < 0 ? 0 : value
          d[i * columns + j] = clamped
          d[j * columns + i] = clamped
        }
      }
      return
    }
    for i in 0..<rows {
      let base = i * columns
      let xi = xNorms[i]
      for j in 0..<columns {
        let value = (-2 * d[base + j] + xi) + yNorms[j]
        d[base + j] = value < 0 ? 0 : value
      }
    }
  }
  return distances
}

/// `||row_i||²` for every row.
private func rowSquaredNorms(_ x: Matrix) -> [Double] {
  let c = x.columnCount
  var norms = [Double](repeating: 0, count: x.rowCount)
  x.withUnsafeStorage { s in
    norms.withUnsafeMutableBufferPointer { out in
      for i in 0..<out.count {
        var acc = 0.0
        for j in 0..<c {
          let v = s[i * c + j]
          acc += v * v
        }
        out[i] = acc
      }
    }
  }
  return norms
}

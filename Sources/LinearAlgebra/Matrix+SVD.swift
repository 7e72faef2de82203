import CBLAS

/// Singular value decomposition, singular values and numerical rank through LAPACKE `dgesdd`.
extension Matrix {
  /// The thin singular value decomposition `self = U·diag(s)·Vᵀ`.
  ///
  /// For an `m x n` matrix and `k = min(m, n)`: `u` is `m x k` with orthonormal columns, `s`
  /// holds the `k` singular values in descending order, and `vt` is `k x n` with orthonormal
  /// rows. numpy: `numpy.linalg.svd(a, full_matrices=False)`; scipy:
  /// `scipy.linalg.svd(a, full_matrices=False)` (scipy's default driver is also `gesdd`).
  /// Singular vectors are determined only up to a shared sign per pair; this calls LAPACK
  /// exactly as numpy does, so the signs agree with numpy up to rounding differences between
  /// LAPACK builds (use a sign-fixing step such as scikit-learn's `svd_flip` when a
  /// canonical sign matters). An empty matrix gives `m x 0`, `[]` and `0 x n`.
  ///
  /// LAPACK `dgesdd` with `jobz = "S"` on a column-major copy; `u` and `vt` are transposed
  /// back to row-major.
  ///
  ///     let (u, s, vt) = try x.svd()
  ///
  /// - Throws: ``LinearAlgebraError/noConvergence(operation:)`` when the divide-and-conquer
  ///   iteration fails; ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for
  ///   non-finite input or an oversized dimension.
  /// - Complexity: O(m·n·k) flops (about `4·m·n·k + 8·k³` with vectors).
  public func svd() throws -> (u: Matrix, s: [Double], vt: Matrix) {
    try requireFinite("svd")
    let m = rowCount
    let n = columnCount
    let k = Swift.min(m, n)
    let m32 = try LAPACKCall.dimension(m, "rowCount")
    let n32 = try LAPACKCall.dimension(n, "columnCount")
    let k32 = try LAPACKCall.dimension(k, "min(rowCount, columnCount)")
    guard k > 0 else { return (Matrix.zeros(m, 0), [], Matrix.zeros(0, n)) }
    var a = columnMajorStorage
    var s = [Double](repeating: 0, count: k)
    var u = [Double](repeating: 0, count: m * k)
    var vt = [Double](repeating: 0, count: k * n)
    let info = a.withUnsafeMutableBufferPointer { pa in
      s.withUnsafeMutableBufferPointer { ps in
        u.withUnsafeMutableBufferPointer { pu in
          vt.withUnsafeMutableBufferPointer { pv in
            LAPACKE_dgesdd(
              LAPACKCall.columnMajor, LAPACKCall.flag("S"), m32, n32, pa.baseAddress, m32,
              ps.baseAddress, pu.baseAddress, m32, pv.baseAddress, k32)
          }
        }
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dgesdd")
    if info > 0 { throw LinearAlgebraError.noConvergence(operation: "svd") }
    return (
      Matrix.fromColumnMajor(rows: m, columns: k, u), s,
      Matrix.fromColumnMajor(rows: k, columns: n, vt)
    )
  }

  /// The singular values in descending order, without singular vectors.
  ///
  /// numpy: `numpy.linalg.svd(a, compute_uv=False)`; scipy: `scipy.linalg.svdvals(a)`.
  /// An empty matrix gives `[]`.
  ///
  /// LAPACK `dgesdd` with `jobz = "N"` applied to the row-major buffer read column-major
  /// (`Aᵀ`, which has the same singular values), so no transpose is made.
  ///
  /// - Throws: ``LinearAlgebraError/noConvergence(operation:)``;
  ///   ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for non-finite input or
  ///   an oversized dimension.
  /// - Complexity: O(m·n·min(m, n)).
  public func singularValues() throws -> [Double] {
    try requireFinite("singularValues")
    // Column-major view: columnCount x rowCount with leading dimension columnCount.
    let rows32 = try LAPACKCall.dimension(columnCount, "columnCount")
    let columns32 = try LAPACKCall.dimension(rowCount, "rowCount")
    let k = Swift.min(rowCount, columnCount)
    guard k > 0 else { return [] }
    var a = storage
    var s = [Double](repeating: 0, count: k)
    var unusedU = [Double](repeating: 0, count: 1)
    var unusedVt = [Double](repeating: 0, count: 1)
    let info = a.withUnsafeMutableBufferPointer { pa in
      s.withUnsafeMutableBufferPointer { ps in
        unusedU.withUnsafeMutableBufferPointer { pu in
          unusedVt.withUnsafeMutableBufferPointer { pv in
            LAPACKE_dgesdd(
              LAPACKCall.columnMajor, LAPACKCall.flag("N"), rows32, columns32, pa.baseAddress,
              rows32, ps.baseAddress, pu.baseAddress, 1, pv.baseAddress, 1)
          }
        }
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dgesdd")
    if info > 0 { throw LinearAlgebraError.noConvergence(operation: "singularValues") }
    return s
  }

  /// The numerical rank: the number of singular values greater than `tolerance`.
  ///
  /// numpy: `numpy.linalg.matrix_rank(a, tol)`. The default tolerance is numpy's,
  /// `s.max() · max(m, n) · ε` with `ε = Double.ulpOfOne` (2.22e-16). An empty matrix has
  /// rank 0 (numpy raises on an empty input).
  ///
  /// - Parameter tolerance: the absolute threshold; `nil` uses numpy's default above.
  /// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for a negative or
  ///   NaN tolerance, non-finite input or an oversized dimension;
  ///   ``LinearAlgebraError/noConvergence(operation:)`` from the SVD.
  /// - Complexity: O(m·n·min(m, n)), one singular-values-only SVD.
  public func rank(tolerance: Double? = nil) throws -> Int {
    if let tolerance, !(tolerance >= 0) {
      throw LinearAlgebraError.invalidArgument(
        name: "tolerance", value: "\(tolerance)", expected: "a non-negative number or nil")
    }
    let s = try singularValues()
    guard let largest = s.first else { return 0 }
    let threshold =
      tolerance ?? largest * Double(Swift.max(rowCount, columnCount)) * Double.ulpOfOne
    return s.count(where: { $0 > threshold })
  }
}

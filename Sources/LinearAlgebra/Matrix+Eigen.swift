import CBLAS

/// Eigendecomposition of symmetric matrices through LAPACKE `dsyevd`.
extension Matrix {
  /// Eigenvalues and eigenvectors of a symmetric matrix, `self = V·diag(values)·Vᵀ`.
  ///
  /// Only the lower triangle of `self` is read, as in numpy. `values` are in ascending order
  /// and column `j` of `vectors` is the unit eigenvector of `values[j]`. numpy:
  /// `numpy.linalg.eigh(a)` (`UPLO="L"`); scipy: `scipy.linalg.eigh(a, driver="evd")`.
  /// Each eigenvector is determined only up to sign (and within a repeated eigenvalue, up to
  /// rotation); this calls LAPACK as numpy does, so signs agree with numpy up to rounding
  /// differences between LAPACK builds. A `0 x 0` matrix gives `[]` and `0 x 0`.
  ///
  /// LAPACK `dsyevd` (divide and conquer) with `jobz = "V"`, `uplo = "L"`; the lower triangle
  /// is first mirrored into the upper one so the column-major view of the buffer is exactly
  /// the matrix numpy hands to LAPACK. The eigenvectors are transposed back to row-major.
  ///
  ///     let (values, vectors) = try covariance.symmetricEigen()
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` for a non-square
  ///   matrix; ``LinearAlgebraError/noConvergence(operation:)`` when the eigensolver fails;
  ///   ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for non-finite input or an
  ///   oversized dimension.
  /// - Complexity: O(n³) (about `4n³/3` for the reduction plus the divide-and-conquer solve).
  public func symmetricEigen() throws -> (values: [Double], vectors: Matrix) {
    try requireSquare("symmetricEigen")
    try requireFinite("symmetricEigen")
    let n = rowCount
    let n32 = try LAPACKCall.dimension(n, "rowCount")
    guard n > 0 else { return ([], Matrix.zeros(0, 0)) }
    var a = storage
    a.withUnsafeMutableBufferPointer { p in
      for i in 0..<n {
        for j in (i + 1)..<n { p[i * n + j] = p[j * n + i] }
      }
    }
    var values = [Double](repeating: 0, count: n)
    let info = a.withUnsafeMutableBufferPointer { pa in
      values.withUnsafeMutableBufferPointer { pw in
        LAPACKE_dsyevd(
          LAPACKCall.columnMajor, LAPACKCall.flag("V"), LAPACKCall.flag("L"), n32,
          pa.baseAddress, n32, pw.baseAddress)
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dsyevd")
    if info > 0 { throw LinearAlgebraError.noConvergence(operation: "symmetricEigen") }
    return (values, Matrix.fromColumnMajor(rows: n, columns: n, a))
  }
}

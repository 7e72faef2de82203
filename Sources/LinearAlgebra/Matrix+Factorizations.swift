import CBLAS

/// Cholesky, LU (solve, inverse, determinant) and QR factorizations through LAPACKE.
///
/// Every function checks the shape first, then that the input is finite (scipy's
/// `check_finite=True`), and throws ``LinearAlgebraError`` instead of trapping. Empty inputs
/// follow numpy: a `0 x 0` matrix factors to `0 x 0` results and its determinant is 1.
extension Matrix {
  // MARK: Cholesky

  /// The lower-triangular Cholesky factor `L` with `self = L·Lᵀ`.
  ///
  /// Only the lower triangle of `self` is read (the upper triangle is assumed to mirror it);
  /// the result has exact zeros above the diagonal. numpy: `numpy.linalg.cholesky(a)`;
  /// scipy: `scipy.linalg.cholesky(a, lower=True)`.
  ///
  ///     let l = try a.cholesky()        // a == l · lᵀ
  ///
  /// LAPACK `dpotrf`, called column-major with `uplo = "U"` on the row-major buffer (the
  /// column-major upper triangle is the row-major lower triangle), so no transpose is made.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` for a non-square
  ///   matrix; ``LinearAlgebraError/notPositiveDefinite(minor:)`` when the leading minor of
  ///   that order is not positive definite;
  ///   ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for NaN or infinity or a
  ///   dimension above `Int32.max`.
  /// - Complexity: O(n³/3) flops for an `n x n` matrix.
  public func cholesky() throws -> Matrix {
    var factor = try choleskyFactorStorage(operation: "cholesky")
    let n = rowCount
    factor.withUnsafeMutableBufferPointer { f in
      for i in 0..<n {
        for j in (i + 1)..<n { f[i * n + j] = 0 }
      }
    }
    return Matrix(unchecked: n, n, factor)
  }

  /// Solves `self · X = B` for a symmetric positive definite `self`.
  ///
  /// Factors `self = L·Lᵀ` (reading only its lower triangle) and solves with the factor.
  /// scipy: `scipy.linalg.cho_solve(scipy.linalg.cho_factor(a, lower=True), b)`.
  ///
  /// LAPACK `dpotrf` + `dpotrs`; `b` is transposed once into column-major order (no copy
  /// when it has one column).
  ///
  /// - Parameter b: the right-hand sides, `n x k`. An `n x 0` `b` gives an `n x 0` result;
  ///   `self` is still factored and checked.
  /// - Returns: `X`, `n x k`.
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` for a non-square
  ///   `self` or when `b.rowCount != n`; ``LinearAlgebraError/notPositiveDefinite(minor:)``;
  ///   ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for non-finite input or
  ///   an oversized dimension.
  /// - Complexity: O(n³/3 + 2·n²·k).
  public func choleskySolve(_ b: Matrix) throws -> Matrix {
    try requireSquare("choleskySolve")
    try checkRightHandSide(b, operation: "choleskySolve")
    let factor = try choleskyFactorStorage(operation: "choleskySolve")
    let n = rowCount
    let k = b.columnCount
    guard n > 0, k > 0 else { return Matrix.zeros(n, k) }
    let n32 = try LAPACKCall.dimension(n, "rowCount")
    let k32 = try LAPACKCall.dimension(k, "b.columnCount")
    var x = b.columnMajorStorage
    let info = factor.withUnsafeBufferPointer { f in
      x.withUnsafeMutableBufferPointer { px in
        LAPACKE_dpotrs(
          LAPACKCall.columnMajor, LAPACKCall.flag("U"), n32, k32, f.baseAddress, n32,
          px.baseAddress, n32)
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dpotrs")
    return Matrix.fromColumnMajor(rows: n, columns: k, x)
  }

  /// Solves `self · x = b` for one right-hand side and a symmetric positive definite `self`.
  ///
  /// The vector form of ``choleskySolve(_:)-(Matrix)``; same errors and complexity.
  ///
  /// - Throws: as ``choleskySolve(_:)-(Matrix)``.
  /// - Complexity: O(n³/3 + 2·n²).
  public func choleskySolve(_ b: [Double]) throws -> [Double] {
    try choleskySolve(Matrix(column: b)).storage
  }

  /// Row-major storage whose lower triangle holds `L` (upper triangle: the input's values).
  private func choleskyFactorStorage(operation: String) throws -> [Double] {
    try requireSquare(operation)
    try requireFinite(operation)
    let n32 = try LAPACKCall.dimension(rowCount, "rowCount")
    var a = storage
    guard rowCount > 0 else { return a }
    let info = a.withUnsafeMutableBufferPointer { p in
      LAPACKE_dpotrf(LAPACKCall.columnMajor, LAPACKCall.flag("U"), n32, p.baseAddress, n32)
    }
    try LAPACKCall.checkArguments(info, routine: "dpotrf")
    if info > 0 { throw LinearAlgebraError.notPositiveDefinite(minor: Int(info)) }
    return a
  }

  /// Checks that `b` has `rowCount` rows and finite values.
  private func checkRightHandSide(_ b: Matrix, operation: String) throws {
    guard b.rowCount == rowCount else {
      throw LinearAlgebraError.shapeMismatch(
        operation: operation, expected: "b with \(rowCount) rows", got: b.shapeDescription)
    }
    try b.requireFinite(operation, name: "b")
  }

  // MARK: LU

  /// Solves the square system `self · X = B` by LU factorization with partial pivoting.
  ///
  /// numpy: `numpy.linalg.solve(a, b)`; scipy: `scipy.linalg.solve(a, b)`. Like numpy, only
  /// an exactly zero pivot counts as singular; a nearly singular system returns an inaccurate
  /// solution (check ``rank(tolerance:)`` or the condition number when that matters).
  ///
  /// LAPACK `dgetrf` + `dgetrs` (the two halves of `dgesv`). The row-major buffer is `Aᵀ` in
  /// column-major order, so it is factored in place as `Aᵀ = P·L·U` and the system is solved
  /// with `dgetrs(trans = "T")`; only `b` is transposed.
  ///
  /// - Parameter b: the right-hand sides, `n x k`.
  /// - Returns: `X`, `n x k`. A `0 x 0` `self` with a `0 x k` `b` gives `0 x k`.
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` for a non-square
  ///   `self` or when `b.rowCount != n`; ``LinearAlgebraError/singular(operation:)`` for an
  ///   exactly singular `self`; ``LinearAlgebraError/invalidArgument(name:value:expected:)``
  ///   for non-finite input or an oversized dimension.
  /// - Complexity: O(2n³/3 + 2·n²·k).
  public func solve(_ b: Matrix) throws -> Matrix {
    try requireSquare("solve")
    try checkRightHandSide(b, operation: "solve")
    let (lu, pivots) = try luFactorization(operation: "solve")
    let n = rowCount
    let k = b.columnCount
    if pivots.singular { throw LinearAlgebraError.singular(operation: "solve") }
    guard n > 0, k > 0 else { return Matrix.zeros(n, k) }
    let n32 = try LAPACKCall.dimension(n, "rowCount")
    let k32 = try LAPACKCall.dimension(k, "b.columnCount")
    var x = b.columnMajorStorage
    let info = lu.withUnsafeBufferPointer { a in
      pivots.ipiv.withUnsafeBufferPointer { ipiv in
        x.withUnsafeMutableBufferPointer { px in
          LAPACKE_dgetrs(
            LAPACKCall.columnMajor, LAPACKCall.flag("T"), n32, k32, a.baseAddress, n32,
            ipiv.baseAddress, px.baseAddress, n32)
        }
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dgetrs")
    return Matrix.fromColumnMajor(rows: n, columns: k, x)
  }

  /// Solves `self · x = b` for one right-hand side.
  ///
  /// The vector form of ``solve(_:)-(Matrix)``; numpy: `numpy.linalg.solve(a, b)` with a
  /// one-dimensional `b`.
  ///
  /// - Throws: as ``solve(_:)-(Matrix)``.
  /// - Complexity: O(2n³/3 + 2·n²).
  public func solve(_ b: [Double]) throws -> [Double] {
    try solve(Matrix(column: b)).storage
  }

  /// The inverse matrix.
  ///
  /// numpy: `numpy.linalg.inv(a)`; scipy: `scipy.linalg.inv(a)`. Prefer
  /// ``solve(_:)-(Matrix)`` to multiplying by the inverse. A `0 x 0` matrix inverts to `0 x 0`.
  ///
  /// LAPACK `dgetrf` + `dgetri` on the row-major buffer, which is `Aᵀ` column-major; since
  /// `(Aᵀ)⁻¹ = (A⁻¹)ᵀ`, the column-major result read row-major is `A⁻¹` with no transposes.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` for a non-square
  ///   matrix; ``LinearAlgebraError/singular(operation:)`` for an exactly singular one;
  ///   ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for non-finite input or
  ///   an oversized dimension.
  /// - Complexity: O(2n³) (LU plus inversion).
  public func inverse() throws -> Matrix {
    try requireSquare("inverse")
    let (factored, pivots) = try luFactorization(operation: "inverse")
    var lu = factored
    let n = rowCount
    if pivots.singular { throw LinearAlgebraError.singular(operation: "inverse") }
    guard n > 0 else { return self }
    let n32 = try LAPACKCall.dimension(n, "rowCount")
    let info = lu.withUnsafeMutableBufferPointer { a in
      pivots.ipiv.withUnsafeBufferPointer { ipiv in
        LAPACKE_dgetri(LAPACKCall.columnMajor, n32, a.baseAddress, n32, ipiv.baseAddress)
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dgetri")
    if info > 0 { throw LinearAlgebraError.singular(operation: "inverse") }
    return Matrix(unchecked: n, n, lu)
  }

  /// The determinant, from the LU factorization.
  ///
  /// numpy: `numpy.linalg.det(a)`; scipy: `scipy.linalg.det(a)`. The product of `U`'s
  /// diagonal is accumulated with a separate binary exponent, so it overflows or underflows
  /// only when the determinant itself does. A singular matrix gives 0 (it does not throw);
  /// a `0 x 0` matrix gives 1, as in numpy.
  ///
  /// LAPACK `dgetrf` on the row-major buffer (`Aᵀ` column-major; `det Aᵀ = det A`); the sign
  /// flips once per pivot row interchange.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` for a non-square
  ///   matrix; ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for non-finite
  ///   input or an oversized dimension.
  /// - Complexity: O(2n³/3).
  public func determinant() throws -> Double {
    try requireSquare("determinant")
    let (lu, pivots) = try luFactorization(operation: "determinant")
    let n = rowCount
    var mantissa = 1.0
    var exponent = 0
    for i in 0..<n {
      if pivots.ipiv[i] != Int32(truncatingIfNeeded: i + 1) { mantissa = -mantissa }
      mantissa *= lu[i * n + i]
      if mantissa == 0 { return 0 }
      exponent += Int(mantissa.exponent)
      mantissa = Double(sign: mantissa.sign, exponent: 0, significand: mantissa.significand)
    }
    return Double(sign: mantissa.sign, exponent: exponent, significand: mantissa.magnitude)
  }

  /// LU of the row-major buffer read column-major (that is, of `Aᵀ`), with 1-based pivots.
  ///
  /// `singular` is true when `dgetrf` found an exactly zero pivot (`info > 0`).
  private func luFactorization(
    operation: String
  ) throws -> ([Double], (ipiv: [Int32], singular: Bool)) {
    try requireFinite(operation)
    let n = rowCount
    let n32 = try LAPACKCall.dimension(n, "rowCount")
    var a = storage
    var ipiv = [Int32](repeating: 0, count: n)
    guard n > 0 else { return (a, (ipiv, false)) }
    let info = a.withUnsafeMutableBufferPointer { pa in
      ipiv.withUnsafeMutableBufferPointer { pp in
        LAPACKE_dgetrf(LAPACKCall.columnMajor, n32, n32, pa.baseAddress, n32, pp.baseAddress)
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dgetrf")
    return (a, (ipiv, info > 0))
  }

  // MARK: QR

  /// The thin (economic) QR factorization `self = Q·R`.
  ///
  /// For an `m x n` matrix and `k = min(m, n)`, `q` is `m x k` with orthonormal columns and
  /// `r` is `k x n` upper triangular (upper trapezoidal when `m < n`). numpy:
  /// `numpy.linalg.qr(a, mode="reduced")`; scipy: `scipy.linalg.qr(a, mode="economic")`.
  /// The signs are LAPACK's Householder convention, the same as numpy's (the diagonal of `r`
  /// is not forced positive). An empty matrix gives `m x 0` and `0 x n` results.
  ///
  /// LAPACK `dgeqrf` + `dorgqr` on a column-major copy (one transpose in, one for `q` out),
  /// the same calls numpy makes.
  ///
  ///     let (q, r) = try x.qr()     // x == q · r, qᵀq == I
  ///
  /// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for non-finite
  ///   input or an oversized dimension.
  /// - Complexity: O(2·m·n·k − 2·k³/3) for `dgeqrf`, about as much again for `dorgqr`.
  public func qr() throws -> (q: Matrix, r: Matrix) {
    try requireFinite("qr")
    let m = rowCount
    let n = columnCount
    let k = Swift.min(m, n)
    let m32 = try LAPACKCall.dimension(m, "rowCount")
    let n32 = try LAPACKCall.dimension(n, "columnCount")
    let k32 = try LAPACKCall.dimension(k, "min(rowCount, columnCount)")
    guard k > 0 else { return (Matrix.zeros(m, 0), Matrix.zeros(0, n)) }
    var a = columnMajorStorage
    var tau = [Double](repeating: 0, count: k)
    var info = a.withUnsafeMutableBufferPointer { pa in
      tau.withUnsafeMutableBufferPointer { pt in
        LAPACKE_dgeqrf(LAPACKCall.columnMajor, m32, n32, pa.baseAddress, m32, pt.baseAddress)
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dgeqrf")
    var r = [Double](repeating: 0, count: k * n)
    a.withUnsafeBufferPointer { pa in
      r.withUnsafeMutableBufferPointer { pr in
        for i in 0..<k {
          for j in i..<n { pr[i * n + j] = pa[j * m + i] }
        }
      }
    }
    info = a.withUnsafeMutableBufferPointer { pa in
      tau.withUnsafeBufferPointer { pt in
        LAPACKE_dorgqr(
          LAPACKCall.columnMajor, m32, k32, k32, pa.baseAddress, m32, pt.baseAddress)
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dorgqr")
    let q = Matrix.fromColumnMajor(rows: m, columns: k, Array(a[0..<(m * k)]))
    return (q, Matrix(unchecked: k, n, r))
  }
}

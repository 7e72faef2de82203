import CBLAS

// Shared glue between `Matrix` and LAPACKE, used by the factorization, least-squares,
// SVD/eigen and distance files.
//
// Layout: `Matrix` is row-major. The same buffer read column-major is the transpose, so
// every wrapper either (a) passes the row-major buffer to a column-major LAPACK call when the
// transpose is harmless (symmetric inputs, `Aᵀ` factorizations that are used transposed, or
// singular values only), or (b) transposes once into a column-major copy and back, which is
// exactly what `LAPACK_ROW_MAJOR` would do inside LAPACKE but with fewer copies. Each
// function documents which path it takes.

/// Internal helpers for calling LAPACKE safely.
enum LAPACKCall {
  /// LAPACKE's column-major layout flag.
  static let columnMajor: Int32 = LAPACK_COL_MAJOR

  /// A LAPACK `char` argument (`"U"`, `"L"`, `"N"`, `"T"`, `"S"`, `"V"`).
  static func flag(_ ascii: Unicode.Scalar) -> CChar {
    CChar(truncatingIfNeeded: UInt8(ascii: ascii))
  }

  /// Converts a dimension to LAPACK's 32-bit integer.
  ///
  /// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` when `value`
  ///   does not fit in `Int32` (this LAPACK build uses 32-bit integers).
  static func dimension(_ value: Int, _ name: String) throws -> Int32 {
    guard let converted = Int32(exactly: value) else {
      throw LinearAlgebraError.invalidArgument(
        name: name, value: "\(value)",
        expected: "at most \(Int32.max) (LAPACK and BLAS use 32-bit dimensions)")
    }
    return converted
  }

  /// Throws for a negative `info`: an argument LAPACK rejected or a failed workspace
  /// allocation inside LAPACKE. Positive `info` is routine-specific and left to the caller.
  static func checkArguments(_ info: Int32, routine: String) throws {
    guard info < 0 else { return }
    if info == LAPACK_WORK_MEMORY_ERROR || info == LAPACK_TRANSPOSE_MEMORY_ERROR {
      throw LinearAlgebraError.invalidArgument(
        name: "workspace", value: "allocation failed in \(routine)",
        expected: "enough memory for the LAPACK workspace")
    }
    throw LinearAlgebraError.invalidArgument(
      name: "\(routine) argument \(-info)", value: "rejected by LAPACK",
      expected: "a valid argument")
  }
}

extension Matrix {
  /// Throws unless the matrix is square.
  func requireSquare(_ operation: String) throws {
    guard rowCount == columnCount else {
      throw LinearAlgebraError.shapeMismatch(
        operation: operation, expected: "a square matrix", got: shapeDescription)
    }
  }

  /// Throws on the first NaN or infinity (scipy's `check_finite=True`).
  func requireFinite(_ operation: String, name: String = "matrix") throws {
    guard let (i, j) = firstNonFinite() else { return }
    throw LinearAlgebraError.invalidArgument(
      name: name, value: "\(storage[i * columnCount + j]) at (\(i), \(j))",
      expected: "finite values for \(operation) (no NaN or infinity)")
  }

  /// Throws unless both dimensions fit in LAPACK's 32-bit integers.
  func requireLAPACKDimensions() throws {
    _ = try LAPACKCall.dimension(rowCount, "rowCount")
    _ = try LAPACKCall.dimension(columnCount, "columnCount")
  }

  /// The elements in column-major order (the row-major storage of the transpose).
  var columnMajorStorage: [Double] {
    columnCount == 1 || rowCount == 1 ? storage : transposed().storage
  }

  /// A row-major matrix from a column-major buffer of `rows * columns` elements.
  static func fromColumnMajor(rows: Int, columns: Int, _ buffer: [Double]) -> Matrix {
    if rows == 1 || columns == 1 { return Matrix(unchecked: rows, columns, buffer) }
    return Matrix(unchecked: columns, rows, buffer).transposed()
  }
}

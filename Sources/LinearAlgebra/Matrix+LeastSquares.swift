import CBLAS

/// The result of ``Matrix/leastSquares(_:rcond:)-(Matrix,_)``.
///
/// scipy: the `x`, `rank` and `s` outputs of `scipy.linalg.lstsq` (the residues are not
/// returned; compute `b - a·x` when they are needed).
public struct LeastSquaresSolution: Sendable, Hashable {
  /// The minimum-norm least-squares solution `X`, `n x k` for an `m x n` matrix and an
  /// `m x k` right-hand side.
  public let solution: Matrix
  /// The effective rank: the number of singular values above `rcond · s[0]`.
  public let rank: Int
  /// The singular values of the matrix in descending order (`min(m, n)` of them).
  public let singularValues: [Double]
}

/// Linear least squares through LAPACKE `dgelsd` (SVD-based, divide and conquer).
extension Matrix {
  /// The minimum-norm solution of `min ||self·X − B||₂`, column by column.
  ///
  /// Works for every shape: overdetermined (`m > n`, the least-squares fit), square, and
  /// underdetermined (`m < n`, the solution of smallest norm among exact fits), and for
  /// rank-deficient matrices (singular values at or below `rcond · s[0]` are treated as zero).
  /// scipy: `scipy.linalg.lstsq(a, b, cond=rcond, lapack_driver="gelsd")`, which is what
  /// scikit-learn's `LinearRegression` calls.
  ///
  /// The default `rcond` is scipy 1.17's: machine epsilon (`Double.ulpOfOne`, 2.22e-16) —
  /// *not* numpy's `numpy.linalg.lstsq` default of `ε · max(m, n)`; pass
  /// `rcond: .ulpOfOne * Double(max(m, n))` to match numpy. With an exactly rank-deficient
  /// matrix the default can keep rounding-level singular values; pass a larger `rcond` when
  /// the rank matters.
  ///
  /// For `m >= n` a blocked (tall-skinny) Householder QR reduces the problem to `n x n` — each
  /// block of rows is factored in cache, in parallel — and `dgelsd` solves the triangular
  /// problem (its singular values are `self`'s). For `m < n`, `dgelsd` runs on a column-major copy of `self` with `b` in a
  /// buffer of `max(m, n)` rows, as the underdetermined case needs.
  ///
  ///     let fit = try x.leastSquares(y)   // fit.solution: n x k
  ///
  /// - Parameters:
  ///   - b: the right-hand sides, `m x k`.
  ///   - rcond: relative cutoff for small singular values; `nil` means `Double.ulpOfOne`.
  /// - Returns: the solution (`n x k`), the effective rank and the singular values. When `m`
  ///   or `n` is 0 the solution is `n x k` zeros, the rank 0 and the singular values `[]`;
  ///   when `k` is 0 the solution is `n x 0` and the rank and singular values are still
  ///   computed.
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` when
  ///   `b.rowCount != m`; ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for a
  ///   negative or NaN `rcond`, non-finite input or an oversized dimension;
  ///   ``LinearAlgebraError/noConvergence(operation:)`` when the SVD fails.
  /// - Complexity: O(m·n·min(m, n) + max(m, n)·k·min(m, n)).
  public func leastSquares(_ b: Matrix, rcond: Double? = nil) throws -> LeastSquaresSolution {
    let m = rowCount
    let n = columnCount
    let k = b.columnCount
    guard b.rowCount == m else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "leastSquares", expected: "b with \(m) rows", got: b.shapeDescription)
    }
    if let rcond, !(rcond >= 0) {
      throw LinearAlgebraError.invalidArgument(
        name: "rcond", value: "\(rcond)", expected: "a non-negative number or nil")
    }
    try requireFinite("leastSquares")
    try b.requireFinite("leastSquares", name: "b")
    let ldb = Swift.max(m, n, 1)
    let m32 = try LAPACKCall.dimension(m, "rowCount")
    let n32 = try LAPACKCall.dimension(n, "columnCount")
    let k32 = try LAPACKCall.dimension(k, "b.columnCount")
    let ldb32 = try LAPACKCall.dimension(ldb, "max(rowCount, columnCount)")
    guard m > 0, n > 0 else {
      return LeastSquaresSolution(solution: Matrix.zeros(n, k), rank: 0, singularValues: [])
    }
    let cutoff = rcond ?? Double.ulpOfOne
    guard k > 0 else {
      // dgelsd rejects nrhs = 0; the rank and singular values do not depend on b.
      let s = try singularValues()
      let threshold = cutoff * (s.first ?? 0)
      return LeastSquaresSolution(
        solution: Matrix.zeros(n, 0), rank: s.count(where: { $0 > threshold }),
        singularValues: s)
    }
    if m >= n {
      // Tall or square: blocked Householder QR, then dgelsd on the n x n factor.
      let source = self
      return try Matrix.tallLeastSquares(rowCount: m, columnCount: n, rhsCount: k, rcond: cutoff) {
        block in
        source.copyColumnMajor(rows: block.firstRow, count: block.rows, into: block.a)
        b.copyColumnMajor(rows: block.firstRow, count: block.rows, into: block.b)
      }
    }
    var a = columnMajorStorage
    var rhs = [Double](repeating: 0, count: ldb * k)
    b.withUnsafeStorage { pb in
      rhs.withUnsafeMutableBufferPointer { pr in
        for i in 0..<m {
          for j in 0..<k { pr[j * ldb + i] = pb[i * k + j] }
        }
      }
    }
    var s = [Double](repeating: 0, count: Swift.min(m, n))
    var rank: Int32 = 0
    let info = a.withUnsafeMutableBufferPointer { pa in
      rhs.withUnsafeMutableBufferPointer { pr in
        s.withUnsafeMutableBufferPointer { ps in
          LAPACKE_dgelsd(
            LAPACKCall.columnMajor, m32, n32, k32, pa.baseAddress, m32, pr.baseAddress, ldb32,
            ps.baseAddress, cutoff, &rank)
        }
      }
    }
    try LAPACKCall.checkArguments(info, routine: "dgelsd")
    if info > 0 { throw LinearAlgebraError.noConvergence(operation: "leastSquares") }
    var x = [Double](repeating: 0, count: n * k)
    rhs.withUnsafeBufferPointer { pr in
      x.withUnsafeMutableBufferPointer { px in
        for i in 0..<n {
          for j in 0..<k { px[i * k + j] = pr[j * ldb + i] }
        }
      }
    }
    return LeastSquaresSolution(
      solution: Matrix(unchecked: n, k, x), rank: Int(rank), singularValues: s)
  }

  /// The minimum-norm solution of `min ||self·x − b||₂` for one right-hand side.
  ///
  /// The vector form of ``leastSquares(_:rcond:)-(Matrix,_)``, with the same default `rcond`
  /// (scipy's `ε`). scipy: `scipy.linalg.lstsq(a, b)` with a one-dimensional `b`.
  ///
  /// - Returns: the solution (`n` values), the effective rank and the singular values.
  /// - Throws: as ``leastSquares(_:rcond:)-(Matrix,_)``.
  /// - Complexity: O(m·n·min(m, n)).
  public func leastSquares(
    _ b: [Double], rcond: Double? = nil
  ) throws -> (solution: [Double], rank: Int, singularValues: [Double]) {
    let result = try leastSquares(Matrix(column: b), rcond: rcond)
    return (result.solution.storage, result.rank, result.singularValues)
  }
}

extension Matrix {
  /// Copies `count` rows starting at `first` into `destination`, column-major with leading
  /// dimension `count` (the layout LAPACK wants for a block of rows).
  package func copyColumnMajor(
    rows first: Int, count: Int, into destination: UnsafeMutableBufferPointer<Double>
  ) {
    let c = columnCount
    withUnsafeStorage { s in
      for i in 0..<count {
        let row = (first + i) * c
        for j in 0..<c { destination[j * count + i] = s[row + j] }
      }
    }
  }
}

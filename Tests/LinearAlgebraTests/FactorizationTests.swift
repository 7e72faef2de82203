import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("Cholesky, LU (solve, inverse, determinant) and QR")
struct FactorizationTests {
  // MARK: Cholesky

  @Test func choleskyMatchesNumpy() throws {
    let f = try fixture("cholesky")
    let a = try f.matrix("a")
    let l = try a.cholesky()
    expectNormwise(l, try f.matrix("l"), "L")
    for i in 0..<l.rowCount {
      for j in (i + 1)..<l.columnCount { #expect(l[i, j] == 0) }
    }
    expectNormwise(try l.matmul(l.transposed()), a, rtol: 1e-13, "L Lᵀ")
    expectNormwise(try a.choleskySolve(f.matrix("b")), try f.matrix("x"), "cho_solve")
    let b0 = try f.matrix("b").column(0)
    expectNormwise(try a.choleskySolve(b0), try f.matrix("x").column(0), "vector cho_solve")
  }

  @Test func choleskyReadsOnlyTheLowerTriangle() throws {
    let f = try fixture("cholesky")
    let a = try f.matrix("a")
    var junk = a
    for i in 0..<a.rowCount {
      for j in (i + 1)..<a.columnCount { junk[i, j] = 1e6 * Double(i + j + 1) }
    }
    #expect(try junk.cholesky() == a.cholesky())
    #expect(try junk.choleskySolve(f.matrix("b")) == a.choleskySolve(f.matrix("b")))
  }

  @Test func choleskyErrors() throws {
    expectError(.shapeMismatch) { try Matrix.ones(2, 3).cholesky() }
    #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) {
      try Matrix(rows: [[1, 2], [2, 1]]).cholesky()
    }
    #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 1)) {
      try Matrix(rows: [[-1, 0], [0, 1]]).choleskySolve(Matrix.ones(2, 1))
    }
    expectError(.shapeMismatch) { try Matrix.identity(3).choleskySolve(Matrix.ones(2, 1)) }
    expectError(.shapeMismatch) { try Matrix.ones(3, 2).choleskySolve(Matrix.ones(3, 1)) }
    expectError(.invalidArgument) { try Matrix(rows: [[.nan]]).cholesky() }
    expectError(.invalidArgument) {
      try Matrix.identity(2).choleskySolve(Matrix(column: [1, .infinity]))
    }
  }

  @Test func choleskyEmpty() throws {
    #expect(try Matrix.zeros(0, 0).cholesky() == Matrix.zeros(0, 0))
    #expect(try Matrix.zeros(0, 0).choleskySolve(Matrix.zeros(0, 2)).shape == (0, 2))
    #expect(try Matrix.identity(2).choleskySolve(Matrix.zeros(2, 0)).shape == (2, 0))
  }

  // MARK: LU

  @Test func solveInverseDeterminantMatchNumpy() throws {
    let f = try fixture("lu")
    let a = try f.matrix("a")
    expectNormwise(try a.solve(f.matrix("b")), try f.matrix("x"), "solve")
    expectNormwise(try a.solve(f.vector("v")), try f.vector("xv"), "solve vector")
    expectNormwise(try a.inverse(), try f.matrix("inverse"), "inv")
    expectClose(try a.determinant(), try f.double("det"), rtol: 1e-10, "det")
    let small = try f.matrix("small")
    expectClose(try small.determinant(), try f.double("small_det"), rtol: 1e-10, "det small")
    expectNormwise(try small.inverse(), try f.matrix("small_inverse"), "inv small")
    expectNormwise(try small.matmul(small.inverse()), Matrix.identity(4), rtol: 1e-12, "a a⁻¹")
  }

  @Test func determinantSignAndRange() throws {
    let f = try fixture("lu")
    #expect(try f.matrix("perm").determinant() == f.double("perm_det"))
    #expect(try f.double("perm_det") == -1)
    // 1e200 · 1e200 overflows part way, but the determinant 3e200 is representable.
    expectClose(try f.matrix("tiny").determinant(), try f.double("tiny_det"), rtol: 1e-15)
    // ~1e500 really overflows, as in numpy.
    #expect(try f.matrix("big").determinant() == f.double("big_det"))
    #expect(try Matrix.zeros(0, 0).determinant() == 1)
    #expect(try Matrix(rows: [[1, 2], [3, 6]]).determinant() == 0)
    #expect(try Matrix(rows: [[-4]]).determinant() == -4)
    #expect(try Matrix(rows: [[0, 1], [1, 0]]).determinant() == -1)
  }

  @Test func luErrors() throws {
    let singular = try Matrix(rows: [[1, 2], [3, 6]])
    #expect(throws: LinearAlgebraError.singular(operation: "solve")) {
      try singular.solve(Matrix.ones(2, 1))
    }
    #expect(throws: LinearAlgebraError.singular(operation: "inverse")) {
      try singular.inverse()
    }
    #expect(throws: LinearAlgebraError.singular(operation: "inverse")) {
      try Matrix.zeros(3, 3).inverse()
    }
    expectError(.shapeMismatch) { try Matrix.ones(2, 3).solve(Matrix.ones(2, 1)) }
    expectError(.shapeMismatch) { try Matrix.identity(3).solve(Matrix.ones(2, 1)) }
    expectError(.shapeMismatch) { try Matrix.identity(3).solve([1, 2]) }
    expectError(.shapeMismatch) { try Matrix.ones(2, 3).inverse() }
    expectError(.shapeMismatch) { try Matrix.ones(3, 2).determinant() }
    expectError(.invalidArgument) { try Matrix(rows: [[1, .nan], [0, 1]]).inverse() }
    expectError(.invalidArgument) { try Matrix(rows: [[.infinity]]).determinant() }
    expectError(.invalidArgument) { try Matrix.identity(1).solve([.nan]) }
  }

  @Test func luEmpty() throws {
    #expect(try Matrix.zeros(0, 0).inverse() == Matrix.zeros(0, 0))
    #expect(try Matrix.zeros(0, 0).solve(Matrix.zeros(0, 3)).shape == (0, 3))
    #expect(try Matrix.identity(2).solve(Matrix.zeros(2, 0)).shape == (2, 0))
    #expect(try Matrix.zeros(0, 0).solve([]) == [])
  }

  // MARK: QR

  @Test(arguments: ["tall", "wide", "square"])
  func qrMatchesNumpy(shape: String) throws {
    let f = try fixture("qr").child(shape)
    let a = try f.matrix("a")
    let (q, r) = try a.qr()
    // Same LAPACK calls as numpy, so the Householder signs agree too (no sign fixing).
    expectNormwise(q, try f.matrix("q"), "\(shape) q")
    expectNormwise(r, try f.matrix("r"), "\(shape) r")
    expectNormwise(try q.matmul(r), a, rtol: 1e-13, "\(shape) q r")
    expectOrthonormalColumns(q, "\(shape) qᵀq")
    for i in 0..<r.rowCount {
      for j in 0..<Swift.min(i, r.columnCount) { #expect(r[i, j] == 0) }
    }
  }

  @Test func qrEmptyAndErrors() throws {
    let (q, r) = try Matrix.zeros(0, 3).qr()
    #expect(q.shape == (0, 0) && r.shape == (0, 3))
    let (q2, r2) = try Matrix.zeros(4, 0).qr()
    #expect(q2.shape == (4, 0) && r2.shape == (0, 0))
    expectError(.invalidArgument) { try Matrix(rows: [[1, .nan]]).qr() }
  }

  @Test func dimensionsBeyondInt32Throw() throws {
    // A matrix with no elements can still have a dimension LAPACK cannot represent.
    let huge = try Matrix(rowCount: Int(Int32.max) + 1, columnCount: 0, storage: [])
    expectError(.invalidArgument) { try huge.qr() }
    expectError(.invalidArgument) { try huge.svd() }
    expectError(.invalidArgument) { try huge.singularValues() }
    expectError(.invalidArgument) { try huge.leastSquares(huge) }
    expectError(.invalidArgument) { try pairwiseSquaredDistances(huge) }
    expectError(.invalidArgument) { try pairwiseSquaredDistances(Matrix.zeros(1, 0), huge) }
  }
}

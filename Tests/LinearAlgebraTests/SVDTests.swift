import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("SVD, singular values and rank")
struct SVDTests {
  @Test(arguments: ["tall", "wide"])
  func svdMatchesNumpy(shape: String) throws {
    let f = try fixture("svd").child(shape)
    let a = try f.matrix("a")
    let (u, s, vt) = try a.svd()
    let k = Swift.min(a.rowCount, a.columnCount)
    #expect(u.shape == (a.rowCount, k) && s.count == k && vt.shape == (k, a.columnCount))
    expectNormwise(s, try f.vector("s"), "\(shape) s")
    #expect(s == s.sorted(by: >))
    // dgesdd is called exactly as numpy calls it, so the signs agree with numpy. The vectors
    // of well-separated singular values are accurate to about ε·‖A‖/gap, well inside 1e-10.
    expectNormwise(u, try f.matrix("u"), "\(shape) u")
    expectNormwise(vt, try f.matrix("vt"), "\(shape) vt")
    let reconstructed = try u.multiplyingRowVector(s).matmul(vt)
    expectNormwise(reconstructed, a, rtol: 1e-13, "\(shape) u diag(s) vt")
    expectOrthonormalColumns(u, "\(shape) uᵀu")
    expectOrthonormalColumns(vt.transposed(), "\(shape) v vᵀ")
    expectNormwise(try a.singularValues(), try f.vector("s"), "\(shape) singular values only")
  }

  @Test func rankMatchesNumpy() throws {
    let f = try fixture("rank")
    let deficient = try f.matrix("deficient")
    #expect(try deficient.rank() == f.int("deficient_rank"))
    #expect(try deficient.rank() == 3)
    #expect(try deficient.transposed().rank() == 3)
    let full = try f.matrix("full")
    #expect(try full.rank() == f.int("full_rank"))
    let s = try f.vector("full_singular_values")
    expectNormwise(try full.singularValues(), s, "singular values")
    // An explicit tolerance between two singular values splits them.
    #expect(try full.rank(tolerance: (s[1] + s[2]) / 2) == 2)
    #expect(try full.rank(tolerance: 0) == 4)
    #expect(try full.rank(tolerance: .infinity) == 0)
    #expect(try Matrix.zeros(3, 3).rank() == 0)
    #expect(try Matrix.identity(5).rank() == 5)
  }

  @Test func emptyAndErrors() throws {
    let (u, s, vt) = try Matrix.zeros(3, 0).svd()
    #expect(u.shape == (3, 0) && s.isEmpty && vt.shape == (0, 0))
    let (u2, s2, vt2) = try Matrix.zeros(0, 2).svd()
    #expect(u2.shape == (0, 0) && s2.isEmpty && vt2.shape == (0, 2))
    #expect(try Matrix.zeros(0, 4).singularValues().isEmpty)
    #expect(try Matrix.zeros(0, 4).rank() == 0)
    expectError(.invalidArgument) { try Matrix.identity(2).rank(tolerance: -1) }
    expectError(.invalidArgument) { try Matrix.identity(2).rank(tolerance: .nan) }
    expectError(.invalidArgument) { try Matrix(rows: [[.nan, 1]]).svd() }
    expectError(.invalidArgument) { try Matrix(rows: [[.infinity, 1]]).rank() }
  }
}

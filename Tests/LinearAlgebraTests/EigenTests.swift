import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("Symmetric eigendecomposition")
struct EigenTests {
  @Test func matchesNumpyEigh() throws {
    let f = try fixture("eigh")
    let a = try f.matrix("a")
    let (values, vectors) = try a.symmetricEigen()
    expectNormwise(values, try f.vector("values"), "eigenvalues")
    #expect(values == values.sorted())
    // dsyevd is called on the same column-major matrix as numpy, so the signs agree.
    expectNormwise(vectors, try f.matrix("vectors"), "eigenvectors")
    expectOrthonormalColumns(vectors, "VᵀV")
    let reconstructed = try vectors.multiplyingRowVector(values).matmul(vectors.transposed())
    expectNormwise(reconstructed, a, rtol: 1e-13, "V diag(w) Vᵀ")
  }

  @Test func readsOnlyTheLowerTriangle() throws {
    let f = try fixture("eigh")
    let (values, vectors) = try f.matrix("lower_only").symmetricEigen()
    let (expectedValues, expectedVectors) = try f.matrix("a").symmetricEigen()
    #expect(values == expectedValues)
    #expect(vectors == expectedVectors)
  }

  @Test func diagonalAndEmpty() throws {
    let (values, vectors) = try Matrix.diagonal([3, -1, 2]).symmetricEigen()
    #expect(values == [-1, 2, 3])
    expectClose(
      vectors.map { abs($0) }, try Matrix(rows: [[0, 0, 1], [1, 0, 0], [0, 1, 0]]), rtol: 0)
    let (v0, m0) = try Matrix.zeros(0, 0).symmetricEigen()
    #expect(v0.isEmpty && m0.shape == (0, 0))
  }

  @Test func errors() throws {
    expectError(.shapeMismatch) { try Matrix.ones(2, 3).symmetricEigen() }
    expectError(.invalidArgument) { try Matrix(rows: [[1, 0], [.nan, 1]]).symmetricEigen() }
  }
}

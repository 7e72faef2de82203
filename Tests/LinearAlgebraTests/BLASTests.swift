import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("BLAS products")
struct BLASTests {
  @Test func productsMatchNumpy() throws {
    let f = try fixture("products")
    let a = try f.matrix("a")
    let b = try f.matrix("b")
    let c = try f.matrix("c")
    let d = try f.matrix("d")
    expectClose(try a.matmul(b), try f.matrix("ab"), rtol: 1e-12, "a @ b")
    expectClose(
      try Matrix.product(a, c, transposeA: .transposed, alpha: 0.5), try f.matrix("half_at_c"),
      rtol: 1e-12, "0.5 aᵀc")
    expectClose(
      try Matrix.product(a, d, transposeB: .transposed), try f.matrix("a_dt"), rtol: 1e-12,
      "a dᵀ")
    expectClose(
      try Matrix.product(c, a, transposeA: .transposed), try f.matrix("c_at"), rtol: 1e-12,
      "cᵀ a")
    expectClose(try a.matvec(f.vector("v")), try f.vector("av"), rtol: 1e-12, "a v")
    expectClose(
      try a.matvec(f.vector("w"), transpose: .transposed), try f.vector("at_w"), rtol: 1e-12,
      "aᵀ w")
    expectClose(try a.gram(), try f.matrix("gram"), rtol: 1e-12, "aᵀa")
    expectClose(try a.outerGram(), try f.matrix("outer_gram"), rtol: 1e-12, "a aᵀ")
    let w = try f.vector("w")
    expectClose(try dot(f.vector("v"), Array(w[0..<4])), try f.double("dot_vw"), rtol: 1e-12)
  }

  @Test func gramIsExactlySymmetric() throws {
    let x = Matrix.random(rowCount: 9, columnCount: 6, seed: 2)
    let g = try x.gram()
    #expect(g == g.transposed())
    let o = try x.outerGram()
    #expect(o == o.transposed())
  }

  @Test func emptyOperands() throws {
    #expect(try Matrix.zeros(3, 0).matmul(Matrix.zeros(0, 2)) == Matrix.zeros(3, 2))
    #expect(try Matrix.zeros(0, 4).matmul(Matrix.ones(4, 2)).shape == (rows: 0, columns: 2))
    #expect(try Matrix.zeros(2, 0).matvec([]) == [0, 0])
    #expect(try Matrix.zeros(0, 3).gram() == Matrix.zeros(3, 3))
    #expect(try Matrix.zeros(2, 0).outerGram() == Matrix.zeros(2, 2))
    #expect(try dot([], []) == 0)
  }

  @Test func shapeMismatchesThrow() {
    let a = Matrix.ones(2, 3)
    expectError(.shapeMismatch) { try a.matmul(Matrix.ones(2, 3)) }
    expectError(.shapeMismatch) {
      try Matrix.product(a, Matrix.ones(3, 3), transposeA: .transposed)
    }
    expectError(.shapeMismatch) {
      try Matrix.product(a, Matrix.ones(2, 2), transposeB: .transposed)
    }
    expectError(.shapeMismatch) { try a.matvec([1, 2]) }
    expectError(.shapeMismatch) { try a.matvec([1, 2, 3], transpose: .transposed) }
    expectError(.shapeMismatch) { try dot([1, 2], [1]) }
  }
}

@Suite("Matrix.projection")
struct ProjectionTests {
  @Test("equals the transposed product, row blocks and all, for tall and short inputs")
  func matchesProduct() throws {
    var rng = SeededGenerator(seed: 21)
    for rows in [50, 20_000, 40_003] {
      let a = Matrix.random(
        rowCount: rows, columnCount: 7, distribution: .normal(mean: 0, standardDeviation: 1),
        using: &rng)
      let b = Matrix.random(
        rowCount: 3, columnCount: 7, distribution: .normal(mean: 0, standardDeviation: 1),
        using: &rng)
      let projected = try Matrix.projection(a, onto: b)
      let reference = try Matrix.product(a, b, transposeB: .transposed)
      #expect(projected.rowCount == rows && projected.columnCount == 3)
      let worst = zip(projected.storage, reference.storage).map { abs($0 - $1) }.max() ?? 0
      #expect(worst <= 1e-12, "\(rows) rows: \(worst)")
    }
    #expect(throws: LinearAlgebraError.self) {
      try Matrix.projection(Matrix.zeros(20_000, 4), onto: Matrix.zeros(2, 5))
    }
  }
}

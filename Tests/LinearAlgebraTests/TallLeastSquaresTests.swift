import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("Blocked least squares on tall matrices")
struct TallLeastSquaresTests {
  /// A tall, well-conditioned problem large enough to be split into several row blocks.
  static func problem(rows: Int = 20_000, columns: Int = 6) throws -> (x: Matrix, y: Matrix) {
    var rng = SeededGenerator(seed: 17)
    let x = Matrix.random(
      rowCount: rows, columnCount: columns,
      distribution: .normal(mean: 1, standardDeviation: 2), using: &rng)
    var y = Matrix.zeros(rows, 2)
    for i in 0..<rows {
      for j in 0..<columns {
        y[i, 0] += x[i, j] * Double(j + 1)
        y[i, 1] -= x[i, j] * Double(j % 3)
      }
      y[i, 0] += 0.01 * rng.nextGaussian()
      y[i, 1] += rng.nextGaussian()
    }
    return (x, y)
  }

  @Test("several blocks give the normal-equations solution of a well-conditioned problem")
  func matchesNormalEquations() throws {
    let (x, y) = try Self.problem()
    let fit = try x.leastSquares(y)
    // xᵀx is well conditioned here (cond ≈ 10), so the normal equations are accurate too.
    let normal = try x.gram().choleskySolve(Matrix.product(x, y, transposeA: .transposed))
    expectClose(fit.solution, normal, rtol: 1e-10, atol: 1e-12, "solution")
    #expect(fit.rank == 6)
    // The singular values are those of x: their squares are the eigenvalues of xᵀx.
    let eigen = try x.gram().symmetricEigen().values.reversed().map { $0.squareRoot() }
    expectClose(fit.singularValues, Array(eigen), rtol: 1e-10, "singular values")
  }

  @Test("the result is bit-identical from run to run (blocks combine in a fixed order)")
  func deterministic() throws {
    let (x, y) = try Self.problem(rows: 30_000, columns: 4)
    let first = try x.leastSquares(y)
    for _ in 0..<3 { #expect(try x.leastSquares(y) == first) }
  }

  @Test("a rank-deficient tall matrix reports its rank through every block")
  func rankDeficient() throws {
    var (x, y) = try Self.problem(rows: 12_000, columns: 5)
    for i in 0..<x.rowCount { x[i, 4] = x[i, 0] - 2 * x[i, 1] }
    let fit = try x.leastSquares(y, rcond: 1e-10)
    #expect(fit.rank == 4)
    #expect(fit.solution.storage.allSatisfy { $0.isFinite })
  }
}

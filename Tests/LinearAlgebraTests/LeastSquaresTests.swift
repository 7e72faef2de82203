import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("Least squares through dgelsd")
struct LeastSquaresTests {
  @Test(arguments: ["tall", "wide"])
  func matchesScipyLstsq(shape: String) throws {
    let f = try fixture("lstsq").child(shape)
    let a = try f.matrix("a")
    let result = try a.leastSquares(f.matrix("b"))
    expectNormwise(result.solution, try f.matrix("x"), "\(shape) x")
    #expect(result.rank == (try f.int("rank")))
    expectNormwise(result.singularValues, try f.vector("s"), "\(shape) s")
  }

  @Test func underdeterminedGivesAnExactMinimumNormFit() throws {
    let f = try fixture("lstsq").child("wide")
    let a = try f.matrix("a")
    let b = try f.matrix("b")
    let x = try a.leastSquares(b).solution
    expectNormwise(try a.matmul(x), b, rtol: 1e-12, "a x == b")
    // Minimum norm: x lies in the row space of a, so x == aᵀ (a aᵀ)⁻¹ b.
    let viaNormalEquations = try Matrix.product(
      a, try a.outerGram().solve(b), transposeA: .transposed)
    expectNormwise(x, viaNormalEquations, rtol: 1e-12, "row-space solution")
  }

  @Test func vectorRightHandSide() throws {
    let f = try fixture("lstsq").child("vector")
    let result = try f.matrix("a").leastSquares(f.vector("b"))
    expectNormwise(result.solution, try f.vector("x"), "x")
    #expect(result.rank == (try f.int("rank")))
    expectNormwise(result.singularValues, try f.vector("s"), "s")
  }

  @Test func rankDeficientWithExplicitCutoff() throws {
    let f = try fixture("lstsq").child("deficient")
    let result = try f.matrix("a").leastSquares(f.matrix("b"), rcond: f.double("rcond"))
    #expect(result.rank == 3)
    #expect(result.rank == (try f.int("rank")))
    expectNormwise(result.solution, try f.matrix("x"), "x")
    // The two tiny singular values are rounding noise; compare them absolutely.
    let s = try f.vector("s")
    expectNormwise(Array(result.singularValues[0..<3]), Array(s[0..<3]), "leading s")
    #expect(result.singularValues[3...].allSatisfy { $0 < 1e-12 * s[0] })
  }

  @Test func emptyInputs() throws {
    let noRows = try Matrix.zeros(0, 3).leastSquares(Matrix.zeros(0, 2))
    #expect(noRows.solution == Matrix.zeros(3, 2))
    #expect(noRows.rank == 0 && noRows.singularValues.isEmpty)
    let noColumns = try Matrix.ones(4, 0).leastSquares(Matrix.ones(4, 1))
    #expect(noColumns.solution.shape == (0, 1) && noColumns.rank == 0)
    let noTargets = try Matrix.identity(3).leastSquares(Matrix.zeros(3, 0))
    #expect(noTargets.solution.shape == (3, 0))
    #expect(noTargets.rank == 3 && noTargets.singularValues == [1, 1, 1])
  }

  @Test func errors() throws {
    let a = Matrix.identity(3)
    expectError(.shapeMismatch) { try a.leastSquares(Matrix.ones(2, 1)) }
    expectError(.shapeMismatch) { try a.leastSquares([1, 2]) }
    expectError(.invalidArgument) { try a.leastSquares(Matrix.ones(3, 1), rcond: -1) }
    expectError(.invalidArgument) { try a.leastSquares(Matrix.ones(3, 1), rcond: .nan) }
    expectError(.invalidArgument) { try a.leastSquares([1, .nan, 3]) }
    expectError(.invalidArgument) { try Matrix(rows: [[.infinity]]).leastSquares([1]) }
  }
}

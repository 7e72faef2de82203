import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("Pairwise Euclidean distances")
struct DistancesTests {
  @Test func matchScikitLearn() throws {
    let f = try fixture("distances")
    let x = try f.matrix("x")
    let y = try f.matrix("y")
    // Same expansion as scikit-learn; entries are O(1) and well away from cancellation.
    expectClose(try pairwiseSquaredDistances(x, y), try f.matrix("xy_squared"), rtol: 1e-12)
    expectClose(try pairwiseDistances(x, y), try f.matrix("xy"), rtol: 1e-12)
    // The diagonal is exactly 0, so compare normwise (the off-diagonal is still tight).
    expectNormwise(try pairwiseSquaredDistances(x), try f.matrix("xx_squared"), rtol: 1e-12)
    expectNormwise(try pairwiseDistances(x), try f.matrix("xx"), rtol: 1e-12)
  }

  @Test func selfDistancesHaveAnExactZeroDiagonalAndSymmetry() throws {
    let x = Matrix.random(
      rowCount: 12, columnCount: 5, distribution: .normal(mean: 3, standardDeviation: 10),
      seed: 4)
    for d in [try pairwiseSquaredDistances(x), try pairwiseSquaredDistances(x, x)] {
      #expect(d.shape == (12, 12))
      for i in 0..<12 { #expect(d[i, i] == 0) }
      #expect(d.storage.allSatisfy { $0 >= 0 })
    }
    let single = try pairwiseSquaredDistances(x)
    #expect(single == single.transposed())
    // An equal copy in new storage is recognised too.
    var copy = x
    copy.withUnsafeMutableStorage { _ in }
    let viaCopy = try pairwiseDistances(x, copy)
    for i in 0..<12 { #expect(viaCopy[i, i] == 0) }
  }

  @Test func clampsRoundingNegativesToZero() throws {
    // Two nearly identical far-away points: the expansion cancels catastrophically.
    let x = try Matrix(rows: [[1e8, 1e8 + 1e-7]])
    let y = try Matrix(rows: [[1e8, 1e8]])
    let d = try pairwiseSquaredDistances(x, y)
    #expect(d[0, 0] >= 0)
  }

  @Test func emptyAndErrors() throws {
    #expect(try pairwiseSquaredDistances(Matrix.zeros(0, 3), Matrix.ones(2, 3)).shape == (0, 2))
    #expect(try pairwiseDistances(Matrix.ones(2, 0), Matrix.ones(3, 0)) == Matrix.zeros(2, 3))
    #expect(try pairwiseSquaredDistances(Matrix.zeros(0, 2)).shape == (0, 0))
    #expect(throws: LinearAlgebraError.self) {
      try pairwiseSquaredDistances(Matrix.ones(2, 3), Matrix.ones(2, 4))
    }
    expectError(.shapeMismatch) { try pairwiseDistances(Matrix.ones(2, 3), Matrix.ones(2, 2)) }
    expectError(.invalidArgument) {
      try pairwiseSquaredDistances(Matrix(rows: [[.nan]]), Matrix.ones(1, 1))
    }
    expectError(.invalidArgument) { try pairwiseDistances(Matrix(rows: [[.infinity]])) }
  }
}

import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("Element-wise arithmetic and broadcasting")
struct ArithmeticTests {
  @Test func broadcastingMatchesNumpy() throws {
    let f = try fixture("broadcasting")
    let x = try f.matrix("x")
    let row = try f.matrix("row")
    let col = try f.matrix("col")
    // Element-wise IEEE operations are exact in both numpy and Swift, but the fixture loader
    // (Foundation's JSONSerialization on Linux) can misread a 17-digit double by a few ulps,
    // inputs included; that error scales with the O(1) inputs, not with each result, so the
    // numpy comparison is normwise at 1e-15. Exactness is checked separately below.
    expectNormwise(try x + row, try f.matrix("x_plus_row"), rtol: 1e-15, "x + row")
    expectNormwise(try x - col, try f.matrix("x_minus_col"), rtol: 1e-15, "x - col")
    expectNormwise(try x * row, try f.matrix("x_times_row"), rtol: 1e-15, "x * row")
    expectNormwise(try x / col, try f.matrix("x_over_col"), rtol: 1e-15, "x / col")
    expectNormwise(try col + row, try f.matrix("col_plus_row"), rtol: 1e-15, "col + row")
    // The row vector on the left broadcasts the same way.
    #expect(try row + x == x + row)
  }

  @Test func broadcastingIsExactPerElement() throws {
    let x = Matrix.random(rowCount: 4, columnCount: 3, seed: 11)
    let row = Matrix.random(rowCount: 1, columnCount: 3, seed: 12)
    let col = Matrix.random(rowCount: 4, columnCount: 1, seed: 13)
    let sum = try x + row
    let quotient = try x / col
    let outer = try col * row
    for i in 0..<4 {
      for j in 0..<3 {
        #expect(sum[i, j] == x[i, j] + row[0, j])
        #expect(quotient[i, j] == x[i, j] / col[i, 0])
        #expect(outer[i, j] == col[i, 0] * row[0, j])
      }
    }
  }

  @Test func rowVectorHelpers() throws {
    let x = try Matrix(rows: [[1, 2], [3, 4]])
    #expect(try x.subtractingRowVector([1, 2]).storage == [0, 0, 2, 2])
    #expect(try x.addingRowVector([1, 2]).storage == [2, 4, 4, 6])
    #expect(try x.multiplyingRowVector([2, 0]).storage == [2, 0, 6, 0])
    #expect(try x.dividingRowVector([2, 4]).storage == [0.5, 0.5, 1.5, 1])
    expectError(.shapeMismatch) { try x.subtractingRowVector([1, 2, 3]) }
  }

  @Test func scalarsAndOneByOne() throws {
    let x = try Matrix(rows: [[1, 2], [3, 4]])
    #expect((x + 1).storage == [2, 3, 4, 5])
    #expect((x - 1).storage == [0, 1, 2, 3])
    #expect((x * 2).storage == [2, 4, 6, 8])
    #expect((2 * x).storage == [2, 4, 6, 8])
    #expect((x / 2).storage == [0.5, 1, 1.5, 2])
    #expect((-x).storage == [-1, -2, -3, -4])
    #expect(try (x * Matrix(row: [10])).storage == [10, 20, 30, 40])
    #expect(x.map { $0 * $0 }.storage == [1, 4, 9, 16])
    let inf = try x / Matrix.zeros(1, 1)
    #expect(inf.storage.allSatisfy { $0 == .infinity })
  }

  @Test func incompatibleShapesThrow() throws {
    let x = Matrix.zeros(3, 4)
    expectError(.shapeMismatch) { try x + Matrix.zeros(2, 4) }
    expectError(.shapeMismatch) { try x - Matrix.zeros(3, 2) }
    expectError(.shapeMismatch) { try x * Matrix.zeros(4, 3) }
    expectError(.shapeMismatch) { try x / Matrix(row: [1, 2]) }
  }
}

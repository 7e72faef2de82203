import EstimatorChecks
import LinearAlgebra
import Testing

@Suite("Reductions along both axes")
struct ReductionsTests {
  @Test func matchNumpy() throws {
    let f = try fixture("reductions")
    let x = try f.matrix("x")
    expectClose(x.sum(.perColumn), try f.vector("sum_columns"), rtol: 1e-14, "sum axis 0")
    expectClose(x.sum(.perRow), try f.vector("sum_rows"), rtol: 1e-14, "sum axis 1")
    expectClose(x.sum(), try f.double("sum_all"), rtol: 1e-14, "sum")
    expectClose(try x.mean(.perColumn), try f.vector("mean_columns"), rtol: 1e-14, "mean 0")
    expectClose(try x.mean(.perRow), try f.vector("mean_rows"), rtol: 1e-14, "mean 1")
    expectClose(try x.variance(.perColumn), try f.vector("var_columns"), rtol: 1e-13, "var 0")
    expectClose(
      try x.variance(.perColumn, ddof: 1), try f.vector("var_columns_ddof1"), rtol: 1e-13,
      "var axis 0 ddof 1")
    expectClose(
      try x.variance(.perRow, ddof: 1), try f.vector("var_rows_ddof1"), rtol: 1e-13,
      "var axis 1 ddof 1")
    expectClose(
      try x.standardDeviation(.perColumn, ddof: 1), try f.vector("std_columns_ddof1"),
      rtol: 1e-13, "std axis 0 ddof 1")
    #expect(try x.min(.perColumn) == f.vector("min_columns"))
    #expect(try x.max(.perRow) == f.vector("max_rows"))
    #expect(try x.argmin(.perColumn) == f.ints("argmin_columns"))
    #expect(try x.argmax(.perColumn) == f.ints("argmax_columns"))
    #expect(try x.argmin(.perRow) == f.ints("argmin_rows"))
    #expect(try x.argmax(.perRow) == f.ints("argmax_rows"))
  }

  @Test func tiesPickTheFirstOccurrence() throws {
    let x = try Matrix(rows: [[1, 5, 5], [1, 0, 5]])
    #expect(try x.argmin(.perColumn) == [0, 1, 0])
    #expect(try x.argmax(.perRow) == [1, 2])
    #expect(try x.argmin(.perRow) == [0, 1])
  }

  @Test func nanPropagatesLikeNumpy() throws {
    let x = try Matrix(rows: [[1, .nan], [0, 2], [.nan, 3]])
    let mins = try x.min(.perColumn)
    #expect(mins[0].isNaN && mins[1].isNaN)
    #expect(try x.argmax(.perColumn) == [2, 0])
    #expect(try x.argmin(.perRow) == [1, 0, 0])
  }

  @Test func emptyAxes() throws {
    let noRows = Matrix.zeros(0, 3)
    #expect(noRows.sum(.perColumn) == [0, 0, 0])
    #expect(noRows.sum(.perRow).isEmpty)
    #expect(throws: LinearAlgebraError.empty(operation: "mean")) { try noRows.mean(.perColumn) }
    #expect(try noRows.mean(.perRow).isEmpty)  // nothing to reduce, nothing to return
    expectError(.empty) { try noRows.variance(.perColumn) }
    expectError(.empty) { try noRows.min(.perColumn) }
    expectError(.empty) { try noRows.argmax(.perColumn) }
    let noColumns = Matrix.zeros(2, 0)
    expectError(.empty) { try noColumns.max(.perRow) }
    expectError(.empty) { try noColumns.argmin(.perRow) }
    expectError(.empty) { try noColumns.standardDeviation(.perRow) }
  }

  @Test func invalidDegreesOfFreedom() throws {
    let x = Matrix.ones(3, 2)
    expectError(.invalidArgument) { try x.variance(.perColumn, ddof: -1) }
    expectError(.invalidArgument) { try x.variance(.perColumn, ddof: 3) }
    expectError(.invalidArgument) { try x.variance(.perRow, ddof: 2) }
    #expect(try x.variance(.perColumn, ddof: 2) == [0, 0])
  }
}

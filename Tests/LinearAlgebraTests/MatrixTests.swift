import EstimatorChecks
import Foundation
import LinearAlgebra
import Testing

@Suite("Matrix construction, access and Codable")
struct MatrixTests {
  let sample = try? Matrix(rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])

  @Test func constructionFromRowsAndColumns() throws {
    let m = try Matrix(rows: [[1, 2, 3], [4, 5, 6]])
    #expect(m.rowCount == 2)
    #expect(m.columnCount == 3)
    #expect(m.storage == [1, 2, 3, 4, 5, 6])
    let c = try Matrix(columns: [[1, 4], [2, 5], [3, 6]])
    #expect(c == m)
    let s = try Matrix(rowCount: 2, columnCount: 3, storage: [1, 2, 3, 4, 5, 6])
    #expect(s == m)
    #expect(Matrix(row: [1, 2]).shape == (rows: 1, columns: 2))
    #expect(Matrix(column: [1, 2]).shape == (rows: 2, columns: 1))
    let empty = try Matrix(rows: [])
    #expect(empty.rowCount == 0 && empty.columnCount == 0 && empty.isEmpty)
    let zeroRows = try Matrix(rowCount: 0, columnCount: 4, storage: [])
    #expect(zeroRows.shape == (rows: 0, columns: 4))
  }

  @Test func constructionErrors() {
    expectError(.shapeMismatch) { try Matrix(rows: [[1, 2], [3]]) }
    expectError(.shapeMismatch) { try Matrix(columns: [[1, 2], [3]]) }
    expectError(.shapeMismatch) { try Matrix(rowCount: 2, columnCount: 2, storage: [1, 2, 3]) }
    expectError(.shapeMismatch) {
      try Matrix(rowCount: Int.max, columnCount: 2, storage: [])  // overflowing product
    }
    expectError(.invalidArgument) { try Matrix(rowCount: -1, columnCount: 2, storage: []) }
    expectError(.invalidArgument) { try Matrix(rowCount: 1, columnCount: -2, storage: []) }
  }

  @Test func factoriesAndRandom() {
    #expect(Matrix.identity(2).storage == [1, 0, 0, 1])
    #expect(Matrix.diagonal([2, 3]).storage == [2, 0, 0, 3])
    #expect(Matrix.zeros(2, 1).storage == [0, 0])
    #expect(Matrix.ones(1, 2).storage == [1, 1])
    #expect(Matrix(repeating: 7, rowCount: -1, columnCount: 3).shape == (rows: 0, columns: 3))
    let a = Matrix.random(rowCount: 3, columnCount: 4, seed: 9)
    let b = Matrix.random(rowCount: 3, columnCount: 4, seed: 9)
    #expect(a == b)
    #expect(a.storage.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(a != Matrix.random(rowCount: 3, columnCount: 4, seed: 10))
  }

  @Test func elementRowAndColumnAccess() throws {
    let m = try #require(sample)
    #expect(m[1, 2] == 6)
    #expect(try m.element(2, 0) == 7)
    #expect(try m.row(1) == [4, 5, 6])
    #expect(try m.column(2) == [3, 6, 9])
    #expect(m.rowArrays == [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    #expect(throws: LinearAlgebraError.indexOutOfRange(axis: "row", index: 3, count: 3)) {
      try m.element(3, 0)
    }
    #expect(throws: LinearAlgebraError.indexOutOfRange(axis: "column", index: -1, count: 3)) {
      try m.column(-1)
    }
    expectError(.indexOutOfRange) { try m.row(-1) }
    var copy = m
    try copy.setColumn(1, to: [0, 0, 0])
    #expect(copy.storage == [1, 0, 3, 4, 0, 6, 7, 0, 9])
    #expect(m[0, 1] == 2)  // value semantics: the original is untouched
    expectError(.shapeMismatch) { try copy.setColumn(1, to: [1]) }
    expectError(.indexOutOfRange) { try copy.setColumn(3, to: [1, 2, 3]) }
  }

  @Test func gatheringRowsAndColumns() throws {
    let m = try #require(sample)
    #expect(try m.rows([2, 0, 2]).storage == [7, 8, 9, 1, 2, 3, 7, 8, 9])
    #expect(try m.rows([]).shape == (rows: 0, columns: 3))
    #expect(try m.rows(1..<3).storage == [4, 5, 6, 7, 8, 9])
    #expect(try m.rows(3..<3).shape == (rows: 0, columns: 3))
    #expect(try m.columns([2, 2, 0]).storage == [3, 3, 1, 6, 6, 4, 9, 9, 7])
    #expect(throws: LinearAlgebraError.indexOutOfRange(axis: "row", index: 3, count: 3)) {
      try m.rows([0, 3])
    }
    #expect(throws: LinearAlgebraError.indexOutOfRange(axis: "row", index: -2, count: 3)) {
      try m.rows([-2])
    }
    #expect(throws: LinearAlgebraError.indexOutOfRange(axis: "row", index: 4, count: 3)) {
      try m.rows(1..<4)
    }
    #expect(throws: LinearAlgebraError.indexOutOfRange(axis: "column", index: 5, count: 3)) {
      try m.columns([1, 5])
    }
  }

  @Test func transposeSmallAndBlocked() throws {
    let m = try Matrix(rows: [[1, 2, 3], [4, 5, 6]])
    let t = m.transposed()
    #expect(t.shape == (rows: 3, columns: 2))
    #expect(t.storage == [1, 4, 2, 5, 3, 6])
    #expect(t.transposed() == m)
    // Larger than one 32 x 32 block in both directions, with ragged edges.
    let big = Matrix.random(rowCount: 70, columnCount: 45, seed: 3)
    let bt = big.transposed()
    #expect(bt.shape == (rows: 45, columns: 70))
    var mismatches = 0
    for i in 0..<70 {
      for j in 0..<45 where bt[j, i] != big[i, j] { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(Matrix.zeros(0, 5).transposed().shape == (rows: 5, columns: 0))
  }

  @Test func stacking() throws {
    let a = try Matrix(rows: [[1, 2], [3, 4]])
    let b = try Matrix(rows: [[5, 6]])
    #expect(try a.appendingRows(b).storage == [1, 2, 3, 4, 5, 6])
    #expect(try Matrix(rows: []).appendingRows(b) == b)
    #expect(try a.appendingRows(Matrix.zeros(0, 2)) == a)
    #expect(try a.appendingColumns(Matrix(column: [9, 8])).storage == [1, 2, 9, 3, 4, 8])
    expectError(.shapeMismatch) { try a.appendingRows(Matrix(row: [1, 2, 3])) }
    expectError(.shapeMismatch) { try a.appendingColumns(b) }
    // Rows without columns cannot absorb rows that have columns.
    expectError(.shapeMismatch) { try Matrix.zeros(2, 0).appendingRows(a) }
    #expect(try Matrix.zeros(2, 0).appendingRows(Matrix.zeros(3, 0)).shape == (5, 0))
  }

  @Test func finiteness() throws {
    let m = try Matrix(rows: [[1, 2], [.nan, 4]])
    #expect(!m.isFinite)
    #expect(m.firstNonFinite()?.row == 1 && m.firstNonFinite()?.column == 0)
    #expect(Matrix.ones(2, 2).isFinite)
    #expect(Matrix.ones(2, 2).firstNonFinite() == nil)
    #expect(!(try Matrix(rows: [[.infinity]])).isFinite)
  }

  @Test func codableRoundTrip() throws {
    let m = try Matrix(rows: [[1.5, -2, 1e-300], [0.1, 3, 4]])
    let data = try JSONEncoder().encode(m)
    let decoded = try JSONDecoder().decode(Matrix.self, from: data)
    #expect(decoded == m)
    let emptyData = try JSONEncoder().encode(Matrix.zeros(0, 3))
    let empty = try JSONDecoder().decode(Matrix.self, from: emptyData)
    #expect(empty.shape == (rows: 0, columns: 3))
  }

  @Test func corruptJSONThrows() {
    let wrongCount = Data(#"{"rowCount":2,"columnCount":2,"storage":[1,2,3]}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: wrongCount) }
    let negative = Data(#"{"rowCount":-1,"columnCount":0,"storage":[]}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: negative) }
    let missing = Data(#"{"rowCount":1,"storage":[1]}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: missing) }
  }

  @Test func descriptionShowsShape() throws {
    let m = Matrix.random(rowCount: 20, columnCount: 20, seed: 1)
    #expect(m.description.hasPrefix("Matrix 20 x 20"))
    #expect(try Matrix(rows: [[1, 2]]).description.contains("[1.0, 2.0]"))
  }
}

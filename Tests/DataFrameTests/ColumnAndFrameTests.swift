import DataFrame
import Foundation
import LinearAlgebra
import Testing

@Suite struct ColumnTests {
  @Test func typedAccessAndNulls() throws {
    let d = Column("d", doubles: [1.5, nil, .nan])
    #expect(d.type == .double)
    #expect(d.count == 3)
    #expect(d.nullCount == 1)
    #expect(!d.isNull(0) && d.isNull(1) && !d.isNull(2))
    let values = try d.doubles()
    #expect(values[0] == 1.5 && values[1] == nil && values[2]?.isNaN == true)
    #expect(throws: DataFrameError.wrongType(column: "d", expected: "int", actual: .double)) {
      try d.ints()
    }
    #expect(throws: DataFrameError.rowOutOfRange(row: 3, count: 3)) { try d.checkedIsNull(3) }
    #expect(!d.isNull(-1) && !d.isNull(99))

    let i = Column("i", ints: [3, nil])
    #expect(try i.numericValues() == [3.0, nil])
    let b = Column("b", bools: [true, false, nil])
    #expect(try b.numericValues() == [1, 0, nil])
    #expect(try b.bools() == [true, false, nil])
    let s = Column("s", strings: ["a", nil])
    #expect(throws: DataFrameError.self) { try s.numericValues() }
    let day = Date(timeIntervalSince1970: 86_400)
    let t = Column("t", dates: [day, nil])
    #expect(try t.dates() == [day, nil])
    #expect(throws: DataFrameError.wrongType(column: "t", expected: "double", actual: .date)) {
      try t.doubles()
    }
  }

  @Test func categoricalIsDictionaryEncoded() throws {
    let c = Column("c", categories: ["b", "a", nil, "b"])
    #expect(c.type == .categorical)
    #expect(try c.strings() == ["b", "a", nil, "b"])
    #expect(c.nullCount == 1)
  }

  @Test func equalityTreatsNaNAsEqualAndNullAsDistinct() {
    #expect(Column("x", doubles: [.nan, 1]) == Column("x", doubles: [.nan, 1]))
    #expect(Column("x", doubles: [nil, 1]) != Column("x", doubles: [.nan, 1]))
    #expect(Column("x", ints: [1, 2]) == Column("x", ints: [Optional(1), 2]))
  }
}

@Suite struct FrameTests {
  @Test func constructionShapeAndDtypes() throws {
    let df = try DataFrame([
      "age": .ints([31, nil, 45]),
      "city": .strings(["Oslo", "Lima", nil]),
      "score": .doubles([0.5, 1, nil]),
    ])
    #expect(df.shape == (rows: 3, columns: 3))
    #expect(df.columnNames == ["age", "city", "score"])
    #expect(df.dtypes.map(\.type) == [.int, .string, .double])
    #expect(df["age"]?.nullCount == 1)
    #expect(df["nope"] == nil)
  }

  @Test func constructionErrors() throws {
    #expect(throws: DataFrameError.lengthMismatch(column: "b", expected: 2, got: 1)) {
      try DataFrame([Column("a", ints: [1, 2]), Column("b", ints: [1])])
    }
    #expect(throws: DataFrameError.duplicateColumn(name: "a")) {
      try DataFrame([Column("a", ints: [1]), Column("a", ints: [2])])
    }
  }

  @Test func unknownColumnSuggestsCloseMatches() throws {
    let df = try DataFrame([
      Column("monthly_charges", doubles: [1.0]), Column("total_charges", doubles: [2.0]),
      Column("Region", strings: ["x"]),
    ])
    #expect(
      throws: DataFrameError.unknownColumn(name: "monthly_charge", suggestions: ["monthly_charges"])
    ) { try df.column("monthly_charge") }
    #expect(throws: DataFrameError.unknownColumn(name: "region", suggestions: ["Region"])) {
      try df.column("region")
    }
    #expect(throws: DataFrameError.unknownColumn(name: "zzzzzz", suggestions: [])) {
      try df.column("zzzzzz")
    }
  }

  @Test func setAndRemoveColumn() throws {
    var df = DataFrame()
    try df.setColumn(Column("a", ints: [1, 2]))
    #expect(df.rowCount == 2)
    try df.setColumn(Column("a", doubles: [1.5, 2.5]))
    #expect(df.dtypes.map(\.type) == [.double])
    #expect(throws: DataFrameError.lengthMismatch(column: "b", expected: 2, got: 3)) {
      try df.setColumn(Column("b", ints: [1, 2, 3]))
    }
    try df.setColumn(Column("b", ints: [1, 2]))
    let removed = try df.removeColumn("a")
    #expect(removed.name == "a" && df.columnNames == ["b"])
    #expect(try df.column("b").ints() == [1, 2])
  }

  @Test func matrixRoundTrip() throws {
    let m = try Matrix(rows: [[1, 2], [3, 4], [5, 6]])
    let df = try DataFrame(matrix: m)
    #expect(df.columnNames == ["x0", "x1"])
    #expect(try df.column("x1").doubles() == [2, 4, 6])
    #expect(try df.toMatrix() == m)
    let named = try DataFrame(matrix: m, columnNames: ["a", "b"])
    #expect(try named.toMatrix(columns: ["b"]) == (try Matrix(rows: [[2], [4], [6]])))
    #expect(throws: DataFrameError.lengthMismatch(column: "columnNames", expected: 2, got: 1)) {
      try DataFrame(matrix: m, columnNames: ["a"])
    }
  }

  @Test func toMatrixChecksTypesAndNulls() throws {
    let df = try DataFrame([
      "i": .ints([1, 2]), "b": .bools([true, false]), "d": .doubles([0.5, nil]),
      "s": .strings(["x", "y"]),
    ])
    #expect(try df.toMatrix(columns: ["i", "b"]) == (try Matrix(rows: [[1, 1], [2, 0]])))
    #expect(
      throws: DataFrameError.wrongType(
        column: "s", expected: "numeric (double, int or bool)", actual: .string)
    ) {
      try df.toMatrix(columns: ["i", "s"])
    }
    #expect(throws: DataFrameError.nullValues(column: "d", count: 1)) {
      try df.toMatrix(columns: ["d"])
    }
    #expect(try df.toMatrix(columns: ["d"], fillNulls: -1) == (try Matrix(rows: [[0.5], [-1]])))
    #expect(throws: DataFrameError.unknownColumn(name: "q", suggestions: ["b", "d", "i"])) {
      try df.toMatrix(columns: ["q"])
    }
  }

  @Test func targetsAndLabels() throws {
    let df = try DataFrame([
      "y": .doubles([1.5, 2.5]), "k": .ints([0, 1]), "c": .categories(["no", "yes"]),
      "n": .ints([1, nil]),
    ])
    #expect(try df.target("y") == [1.5, 2.5])
    #expect(try df.target("k") == [0, 1])
    #expect(try df.labels("c") == ["no", "yes"])
    #expect(try df.labels("k") == ["0", "1"])
    #expect(try df.integerLabels("k") == [0, 1])
    #expect(throws: DataFrameError.nullValues(column: "n", count: 1)) { try df.target("n") }
    #expect(throws: DataFrameError.wrongType(column: "y", expected: "labels", actual: .double)) {
      try df.labels("y")
    }
  }

  @Test func emptyFrames() throws {
    let empty = DataFrame()
    #expect(empty.shape == (rows: 0, columns: 0))
    #expect(empty.isEmpty)
    #expect(try empty.toMatrix().shape == (rows: 0, columns: 0))
    let noRows = try DataFrame([Column("a", doubles: [Double]())])
    #expect(noRows.shape == (rows: 0, columns: 1))
    #expect(try noRows.csv() == "a\n")
    #expect(noRows.description.contains("[0 rows x 1 columns]"))
  }
}

@Suite struct DescriptionTests {
  @Test func printsLikePandas() throws {
    let df = try DataFrame([
      "a": .ints([1, nil, 30]), "b": .doubles([1.5, .nan, nil]), "s": .strings(["x", nil, "yy"]),
    ])
    let expected = """
              a       b       s
      0       1     1.5       x
      1  <null>     NaN  <null>
      2      30  <null>      yy

      [3 rows x 3 columns]
      """
    #expect(df.description == expected)
  }

  @Test func longFramesShowHeadAndTail() throws {
    let df = try DataFrame([Column("v", ints: Array(0..<25))])
    let lines = df.description.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 1 + 11 + 2)
    #expect(lines[6].contains("..."))
    #expect(lines[11].hasPrefix("24"))
    #expect(lines.last == "[25 rows x 1 columns]")
  }

  @Test func datesAndBools() throws {
    let df = try DataFrame([
      "t": .dates([Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 90_061)]),
      "f": .bools([true, nil]),
    ])
    #expect(df.description.contains("1970-01-01"))
    #expect(df.description.contains("1970-01-02 01:01:01"))
    #expect(df.description.contains("<null>"))
  }
}

@Suite struct GuideExampleTests {
  /// The example printed in Docs/DataFrame.md.
  @Test func guideExamplePrintsAsDocumented() throws {
    var df = try DataFrame([
      "age": .ints([31, nil, 45]),
      "city": .strings(["Oslo", "Lima", nil]),
      "score": .doubles([0.5, .nan, nil]),
    ])
    #expect(throws: DataFrameError.unknownColumn(name: "agee", suggestions: ["age"])) {
      try df.column("agee")
    }
    try df.setColumn(Column("flag", bools: [true, false, nil]))
    let expected = """
            age    city   score    flag
      0      31    Oslo     0.5    true
      1  <null>    Lima     NaN   false
      2      45  <null>  <null>  <null>

      [3 rows x 4 columns]
      """
    #expect(df.description == expected)
  }
}

import LinearAlgebra
import Testing

@testable import Datasets

/// Damaged resource text becomes a typed error naming the file and line, never a trap.
@Suite struct ResourceParsingTests {
  func expectMalformed(
    line expectedLine: Int, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) {
    do {
      try body()
      Issue.record("expected malformedResource", sourceLocation: sourceLocation)
    } catch let DatasetError.malformedResource(name, line, _) {
      #expect(name == "test.csv", sourceLocation: sourceLocation)
      #expect(line == expectedLine, sourceLocation: sourceLocation)
    } catch {
      Issue.record("expected malformedResource, got \(error)", sourceLocation: sourceLocation)
    }
  }

  @Test func headeredCSVParses() throws {
    let text = "2,2,a,b\r\n1.5,2,0\r\n\r\n3,4e1,1\r\n"
    let parsed = try parseHeaderedCSV(text, file: "test.csv")
    #expect(parsed.data == (try Matrix(rows: [[1.5, 2], [3, 40]])))
    #expect(parsed.target == [0, 1])
    #expect(parsed.targetNames == ["a", "b"])
  }

  @Test func headeredCSVErrors() {
    expectMalformed(line: 1) { _ = try parseHeaderedCSV("", file: "test.csv") }
    expectMalformed(line: 1) { _ = try parseHeaderedCSV("x,2,a\n1,2,0\n", file: "test.csv") }
    expectMalformed(line: 2) { _ = try parseHeaderedCSV("2,2,a\n1,2,0\n", file: "test.csv") }
    expectMalformed(line: 2) { _ = try parseHeaderedCSV("1,2,a\n1,0\n", file: "test.csv") }
    expectMalformed(line: 2) { _ = try parseHeaderedCSV("1,2,a\n1,oops,0\n", file: "test.csv") }
    expectMalformed(line: 2) { _ = try parseHeaderedCSV("1,2,a\n1,2,5\n", file: "test.csv") }
    expectMalformed(line: 2) { _ = try parseHeaderedCSV("1,2,a\n1,nan,0\n", file: "test.csv") }
  }

  @Test func numericTableErrors() throws {
    let table = try parseNumericTable("1 2\t3\n4  5 6\n", file: "test.csv", separator: .whitespace)
    #expect(table == (try Matrix(rows: [[1, 2, 3], [4, 5, 6]])))
    expectMalformed(line: 1) {
      _ = try parseNumericTable("\n \n", file: "test.csv", separator: .comma)
    }
    expectMalformed(line: 3) {
      _ = try parseNumericTable("1,2\n3,4\n5\n", file: "test.csv", separator: .comma)
    }
  }

  @Test func missingResourceIsTyped() {
    #expect(throws: DatasetError.resourceMissing(name: "no_such_file.csv")) {
      _ = try resourceText("no_such_file.csv")
    }
  }

  @Test func calendarArithmeticRoundTrips() {
    #expect(dayNumber(year: 1970, month: 1, day: 1) == 0)
    #expect(dayNumber(year: 2000, month: 3, day: 1) == 11_017)
    for day in stride(from: -800_000, through: 800_000, by: 997) {
      let (y, m, d) = calendarDate(dayNumber: day)
      #expect(dayNumber(year: y, month: m, day: d) == day)
    }
    #expect(
      isoDateString(date(dayNumber: dayNumber(year: 2024, month: 2, day: 29))) == "2024-02-29")
  }

  @Test func csvFieldQuoting() {
    #expect(csvField("plain") == "plain")
    #expect(csvField("a,b") == "\"a,b\"")
    #expect(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(csvField("two\nlines") == "\"two\nlines\"")
    #expect(csvNumber(12) == "12")
    #expect(csvNumber(64.85) == "64.85")
    #expect(csvNumber(-3.5) == "-3.5")
  }

  @Test func orthonormalColumnsAreOrthonormal() {
    var generator = SeededGenerator(seed: 1)
    let rows = 30
    let columns = 7
    let q = orthonormalColumns(
      gaussians(rows * columns, using: &generator), rows: rows,
      columns: columns)
    for a in 0..<columns {
      for b in 0..<columns {
        var dot = 0.0
        for i in 0..<rows { dot += q[i * columns + a] * q[i * columns + b] }
        #expect(abs(dot - (a == b ? 1 : 0)) < 1e-12)
      }
    }
  }
}

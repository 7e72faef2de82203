import DataFrame
import Foundation
import Testing

@Suite struct CSVReaderTests {
  @Test func infersTypesOverTheWholeFile() throws {
    let text = "i,d,b,s,t,late\n1,1.5,true,x,2024-01-31,1\n2,2,False,y,2024-02-29,2\n3,,TRUE,,,z\n"
    let df = try DataFrame(csv: text)
    #expect(df.shape == (rows: 3, columns: 6))
    #expect(df.dtypes.map(\.type) == [.int, .double, .bool, .string, .date, .string])
    #expect(try df.column("i").ints() == [1, 2, 3])
    #expect(try df.column("d").doubles() == [1.5, 2.0, nil])
    #expect(try df.column("b").bools() == [true, false, true])
    #expect(try df.column("s").strings() == ["x", "y", nil])
    let dates = try df.column("t").dates()
    #expect(dates[0] == Date(timeIntervalSince1970: 1_706_659_200))
    #expect(dates[1] == Date(timeIntervalSince1970: 1_709_164_800))
    #expect(dates[2] == nil)
    // A column that starts as ints and ends with text is re-read as text.
    #expect(try df.column("late").strings() == ["1", "2", "z"])
  }

  @Test func naTokensAndNaN() throws {
    let df = try DataFrame(csv: "a,b\nNA,1\nN/A,2\nnull,3\n?,4\nNaN,5\n\"NA\",6\n")
    #expect(try df.column("a").strings() == [nil, nil, nil, nil, nil, "NA"])
    var options = CSVReadOptions()
    options.naTokens = ["", "NA"]
    let g = try DataFrame(csv: "x\n1.5\nNaN\nNA\n", options: options)
    let values = try g.column("x").doubles()
    #expect(values[0] == 1.5)
    #expect(values[1]?.isNaN == true)
    #expect(values[2] == nil)
    #expect(try g.column("x").nullCount == 1)
  }

  @Test func rfc4180Quoting() throws {
    let text = "name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\r\nthen left\"\r\nx,\"\"\r\n"
    let df = try DataFrame(csv: text)
    #expect(try df.column("name").strings() == ["Smith, J", "x"])
    #expect(try df.column("note").strings() == ["said \"hi\"\r\nthen left", ""])
  }

  @Test func byteOrderMarkBlankLinesAndNoTrailingNewline() throws {
    let df = try DataFrame(csv: "\u{FEFF}a;b\n\n1;2\n3;4", options: CSVReadOptions(delimiter: ";"))
    #expect(df.columnNames == ["a", "b"])
    #expect(try df.column("b").ints() == [2, 4])
  }

  @Test func explicitTypesAndDateFormat() throws {
    var options = CSVReadOptions()
    options.columnTypes = ["code": .string, "when": .date, "level": .categorical]
    options.dateFormat = "dd/MM/yyyy HH:mm"
    let df = try DataFrame(
      csv: "code,when,level\n007,01/02/2020 13:45,low\n010,31/12/1999 00:00,high\n",
      options: options)
    #expect(try df.column("code").strings() == ["007", "010"])
    #expect(try df.column("level").type == .categorical)
    #expect(try df.column("level").strings() == ["low", "high"])
    let when = try df.column("when").dates()
    #expect(when[0] == Date(timeIntervalSince1970: 1_580_564_700))
    #expect(when[1] == Date(timeIntervalSince1970: 946_598_400))
  }

  @Test func exactDoubleParsing() throws {
    let texts = [
      "0.1", "1e22", "1e23", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308",
      "123456789012345678901234567890", "0.30000000000000004", "-0.0", "9007199254740993",
      ".5", "5.", "1E+2", "  3.25 ", "inf", "-Infinity", "6.02214076e23",
      "0.000000000000000000000000000001234",
    ]
    let df = try DataFrame(csv: "x\n" + texts.joined(separator: "\n") + "\n")
    let parsed = try df.column("x").doubles()
    for (t, v) in zip(texts, parsed) {
      let expected = Double(t.trimmingCharacters(in: .whitespaces))
      #expect(v == expected, "\(t)")
    }
  }

  @Test func integersThatOverflowBecomeDoubles() throws {
    let df = try DataFrame(csv: "x\n9223372036854775807\n-9223372036854775808\n")
    #expect(try df.column("x").ints() == [Int.max, Int.min])
    let g = try DataFrame(csv: "x\n9223372036854775808\n1\n")
    #expect(try g.column("x").type == .double)
  }

  @Test func allNullColumnIsDoubleAndEmptyInputs() throws {
    let df = try DataFrame(csv: "a,b\n,1\n,2\n")
    #expect(try df.column("a").type == .double)
    #expect(try df.column("a").nullCount == 2)
    let headerOnly = try DataFrame(csv: "a,b\n")
    #expect(headerOnly.shape == (rows: 0, columns: 2))
    let empty = try DataFrame(csv: "")
    #expect(empty.shape == (rows: 0, columns: 0))
  }

  @Test func noHeaderNamesColumns() throws {
    let df = try DataFrame(csv: "1,a\n2,b\n", options: CSVReadOptions(hasHeader: false))
    #expect(df.columnNames == ["x0", "x1"])
    #expect(df.rowCount == 2)
  }

  @Test func categoricalThreshold() throws {
    var options = CSVReadOptions()
    options.categoricalThreshold = 0.5
    let df = try DataFrame(csv: "c,u\na,p\nb,q\na,r\na,s\n", options: options)
    #expect(try df.column("c").type == .categorical)
    #expect(try df.column("u").type == .string)
  }

  // MARK: Errors

  @Test func raggedRowsNameLineAndField() throws {
    #expect(
      throws: DataFrameError.malformedCSV(
        line: 3, column: 3, reason: "expected 2 fields, found more")
    ) {
      try DataFrame(csv: "a,b\n1,2\n3,4,5\n")
    }
    #expect(
      throws: DataFrameError.malformedCSV(line: 3, column: 2, reason: "expected 2 fields, found 1")
    ) {
      try DataFrame(csv: "a,b\n1,2\n3\n4,5\n")
    }
    #expect(
      throws: DataFrameError.malformedCSV(line: 2, column: 2, reason: "expected 2 fields, found 1")
    ) {
      try DataFrame(csv: "a,b\n1")
    }
  }

  @Test func unterminatedQuoteAndJunkAfterQuote() throws {
    #expect(
      throws: DataFrameError.malformedCSV(line: 3, column: 2, reason: "unterminated quoted field")
    ) {
      try DataFrame(csv: "a,b\n1,2\n3,\"abc\n4,5\n")
    }
    #expect(
      throws: DataFrameError.malformedCSV(
        line: 2, column: 1, reason: "unexpected character after a closing quote")
    ) {
      try DataFrame(csv: "a,b\n\"x\"y,2\n")
    }
  }

  @Test func explicitTypeFailureNamesLineAndColumn() throws {
    var options = CSVReadOptions()
    options.columnTypes = ["b": .int]
    #expect(
      throws: DataFrameError.unparsableValue(line: 4, column: "b", value: "2.5", expected: .int)
    ) {
      try DataFrame(csv: "a,b\n1,1\n\"multi\nline\",2.5\n", options: options)
    }
  }

  @Test func invalidUTF8IsAnError() throws {
    var bytes = Array("a,b\n1,x\n2,".utf8)
    bytes += [0xC3, 0x28, 0x0A]
    #expect(throws: DataFrameError.malformedCSV(line: 3, column: 2, reason: "invalid UTF-8")) {
      try DataFrame(csvData: Data(bytes))
    }
  }

  @Test func unknownOverrideAndDuplicateHeader() throws {
    var options = CSVReadOptions()
    options.columnTypes = ["prise": .double]
    #expect(throws: DataFrameError.unknownColumn(name: "prise", suggestions: ["price"])) {
      try DataFrame(csv: "price,qty\n1,2\n", options: options)
    }
    #expect(throws: DataFrameError.duplicateColumn(name: "a")) {
      try DataFrame(csv: "a,a\n1,2\n")
    }
  }

  @Test func badOptions() throws {
    #expect(throws: DataFrameError.self) {
      try DataFrame(csv: "a\n1\n", options: CSVReadOptions(delimiter: "\""))
    }
    #expect(throws: DataFrameError.self) {
      try DataFrame(csv: "a\n1\n", options: CSVReadOptions(dateFormat: "yyyy-QQ"))
    }
    #expect(
      throws: DataFrameError.io(path: "/nonexistent/x.csv", reason: "No such file or directory")
    ) {
      try DataFrame(contentsOfCSVFile: "/nonexistent/x.csv")
    }
  }

  @Test func loneCarriageReturnsQuotesInsideUnquotedFieldsAndTrimming() throws {
    let df = try DataFrame(csv: "h,w\r5'11\",2\r6',3\r")
    #expect(try df.column("h").strings() == ["5'11\"", "6'"])
    #expect(try df.column("w").ints() == [2, 3])
    var options = CSVReadOptions()
    options.trimsWhitespace = true
    let t = try DataFrame(csv: "a , b\n x ,\" y \"\n", options: options)
    #expect(t.columnNames == ["a", "b"])
    #expect(try t.column("a").strings() == ["x"])
    #expect(try t.column("b").strings() == [" y "])
    let untrimmed = try DataFrame(csv: "a\n x \n 2 \n")
    #expect(try untrimmed.column("a").strings() == [" x ", " 2 "])
    let numbers = try DataFrame(csv: "a\n 1 \n 2\n")
    #expect(try numbers.column("a").ints() == [1, 2])
  }

  @Test func headerOnlyWithExplicitTypesAndEmptyHeaderNames() throws {
    var options = CSVReadOptions()
    options.columnTypes = ["a": .date, "b": .categorical]
    let df = try DataFrame(csv: "a,b,\n", options: options)
    #expect(df.columnNames == ["a", "b", "Unnamed: 2"])
    #expect(df.dtypes.map(\.type) == [.date, .categorical, .double])
    #expect(df.rowCount == 0)
  }

  @Test func demotionKeepsEarlierTextVerbatim() throws {
    // Earlier rows parsed as numbers are re-read as their original text, quotes undone.
    let df = try DataFrame(csv: "v,w\n1.50,\"7\"\n\"2\"\"\",8\n,x\nabc,9\n")
    #expect(try df.column("v").strings() == ["1.50", "2\"", nil, "abc"])
    #expect(try df.column("w").strings() == ["7", "8", "x", "9"])
  }

  @Test func datesWithTimesAndInvalidCalendarDays() throws {
    let df = try DataFrame(
      csv: "t,u\n2024-02-29 12:30:15,2023-02-29\n2024-03-01T00:00:01,2023-03-01\n")
    #expect(try df.column("t").type == .date)
    #expect(
      try df.column("t").dates()
        == [Date(timeIntervalSince1970: 1_709_209_815), Date(timeIntervalSince1970: 1_709_251_201)])
    #expect(try df.column("u").type == .string)
  }
}

import DataFrame
import Datasets
import Foundation
import Testing

@Suite struct CSVWriterTests {
  func sample() throws -> DataFrame {
    try DataFrame([
      "i": .ints([1, nil, -3]),
      "d": .doubles([0.1, 1e300, nil]),
      "s": .strings(["plain", "with, comma and \"quote\"\nand newline", ""]),
      "na": .strings(["NA", nil, " padded "]),
      "b": .bools([true, false, nil]),
      "t": .dates([Date(timeIntervalSince1970: 0), nil, Date(timeIntervalSince1970: 86_400 * 365)]),
    ])
  }

  @Test func roundTripsThroughText() throws {
    let df = try sample()
    let text = try df.csv()
    #expect(text.hasPrefix("i,d,s,na,b,t\n1,0.1,plain,\"NA\",True,1970-01-01\n"))
    let back = try DataFrame(csv: text)
    #expect(back == df)
  }

  @Test func roundTripsThroughAFileWithOptions() throws {
    let df = try sample()
    let path = NSTemporaryDirectory() + "swiftlearn-csv-\(UInt64.random(in: 0...UInt64.max)).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try df.writeCSV(
      to: path, options: CSVWriteOptions(delimiter: ";", dateFormat: "dd/MM/yyyy"))
    let back = try DataFrame(
      contentsOfCSVFile: path, options: CSVReadOptions(delimiter: ";", dateFormat: "dd/MM/yyyy"))
    #expect(back == df)
  }

  @Test func doublesRoundTripExactly() throws {
    var generator = SystemRandomNumberGenerator()
    let values = (0..<2000).map { _ in
      Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
        * (Bool.random(using: &generator) ? 1 : -1)
    }
    let df = try DataFrame([Column("x", doubles: values)])
    let back = try DataFrame(csv: try df.csv())
    #expect(try back.column("x").doubles() == values.map { Optional($0) })
  }

  @Test func churnTableRoundTrips() throws {
    let frame = try makeChurn(customerCount: 500, seed: 7).frame
    var options = CSVReadOptions()
    options.columnTypes = ["customer_id": .string]
    let back = try DataFrame(csv: try frame.csv(), options: options)
    #expect(back == frame)
  }
}

@Suite struct CSVChunksTests {
  @Test func chunksMatchTheWholeRead() throws {
    var lines = ["id,v,s,t"]
    for i in 0..<1003 {
      let s = i % 7 == 0 ? "\"multi\nline, \(i)\"" : "s\(i)"
      lines.append("\(i),\(i % 5 == 0 ? "" : String(Double(i) / 4)),\(s),2020-01-0\(1 + i % 9)")
    }
    let text = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    let path = NSTemporaryDirectory() + "swiftlearn-chunks-\(UInt64.random(in: 0...UInt64.max)).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let whole = try DataFrame(contentsOfCSVFile: path)
    var chunks = try CSVChunks(contentsOfCSVFile: path, chunkRowCount: 100, blockSize: 333)
    var parts: [DataFrame] = []
    while let chunk = try chunks.next() { parts.append(chunk) }
    #expect(parts.count == 11)
    #expect(parts.dropLast().allSatisfy { $0.rowCount == 100 })
    #expect(parts.last?.rowCount == 3)
    #expect(parts.allSatisfy { $0.dtypes.map(\.type) == [.int, .double, .string, .date] })
    #expect(chunks.schema?.map(\.name) == ["id", "v", "s", "t"])
    var ids: [Int?] = []
    var strings: [String?] = []
    for p in parts {
      ids += try p.column("id").ints()
      strings += try p.column("s").strings()
    }
    #expect(ids == (try whole.column("id").ints()))
    #expect(strings == (try whole.column("s").strings()))
    #expect(try chunks.next() == nil)
  }

  @Test func laterChunkErrorsCarryFileLines() throws {
    let text = "a,b\n1,2\n3,4\n5,x\n"
    let path = NSTemporaryDirectory() + "swiftlearn-chunks-\(UInt64.random(in: 0...UInt64.max)).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    var chunks = try CSVChunks(contentsOfCSVFile: path, chunkRowCount: 2)
    #expect(try chunks.next()?.rowCount == 2)
    #expect(
      throws: DataFrameError.unparsableValue(line: 4, column: "b", value: "x", expected: .int)
    ) {
      try chunks.next()
    }
    #expect(try chunks.next() == nil)
    #expect(
      throws: DataFrameError.invalidArgument(
        name: "chunkRowCount", value: "0", expected: "at least 1")
    ) {
      try CSVChunks(contentsOfCSVFile: path, chunkRowCount: 0)
    }
    var ragged = try CSVChunks(contentsOfCSVFile: path, chunkRowCount: 10)
    _ = try ragged.next()
    try "a,b\n1,2\n3\n".write(toFile: path, atomically: true, encoding: .utf8)
    var short = try CSVChunks(contentsOfCSVFile: path, chunkRowCount: 1)
    _ = try short.next()
    #expect(
      throws: DataFrameError.malformedCSV(line: 3, column: 2, reason: "expected 2 fields, found 1")
    ) {
      try short.next()
    }
  }
}

@Suite struct DatasetBridgeTests {
  @Test func bundledDatasetAsFrame() throws {
    let iris = try loadIris()
    let frame = try iris.frame
    #expect(frame.shape == (rows: 150, columns: 5))
    #expect(frame.columnNames.last == "target")
    #expect(try frame.column("target").type == .int)
    #expect(try frame.toMatrix(columns: Array(frame.columnNames.dropLast())) == iris.data)
    #expect(try frame.target("target") == iris.target)
  }

  @Test func churnAsFrame() throws {
    let table = try makeChurn(customerCount: 300, seed: 3)
    let frame = try table.frame
    #expect(frame.columnNames == ChurnTable.columnNames)
    #expect(frame.rowCount == 300)
    #expect(
      try frame.column("total_charges").nullCount == table.column("total_charges").missingCount)
    #expect(try frame.column("signup_date").type == .date)
    #expect(try frame.integerLabels("churned") == table.churned)
  }
}

/// Files of 8 MiB or more are parsed in two halves on two threads; the result must equal the
/// serial reader's (the chunked reader with one chunk reads serially).
@Suite struct ParallelReadTests {
  func write(_ lines: [String]) throws -> String {
    let path =
      NSTemporaryDirectory() + "swiftlearn-parallel-\(UInt64.random(in: 0...UInt64.max)).csv"
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func serial(_ path: String) throws -> DataFrame {
    var chunks = try CSVChunks(contentsOfCSVFile: path, chunkRowCount: Int.max)
    return try chunks.next() ?? DataFrame()
  }

  @Test func halvesMergeLikeTheSerialReader() throws {
    let rows = 220_000
    var lines = ["i,n,s,d,b,f,pad"]
    lines.reserveCapacity(rows + 1)
    let pad = String(repeating: "p", count: 12)
    for r in 0..<rows {
      let late = r > rows * 3 / 4
      let i = late && r % 1000 == 0 ? "\(r).5" : "\(r)"
      let n = late ? "\(r % 7)" : ""
      let s = r % 11 == 0 ? "" : "s\(r % 300)"
      let d = r % 13 == 0 ? "NA" : "2021-0\(1 + r % 9)-1\(r % 10)"
      let b = r % 5 == 0 ? "" : (r % 2 == 0 ? "true" : "False")
      let f = r % 17 == 0 ? "NaN" : "\(Double(r) / 8)"
      lines.append([i, n, s, d, b, f, pad].joined(separator: ","))
    }
    let path = try write(lines)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let parallel = try DataFrame(contentsOfCSVFile: path)
    #expect(parallel.rowCount == rows)
    #expect(
      parallel.dtypes.map(\.type) == [.double, .int, .string, .date, .bool, .double, .string])
    #expect(try parallel.column("n").nullCount == rows * 3 / 4 + 1)
    #expect(parallel == (try serial(path)))
  }

  @Test func secondHalfDemotionAndErrorsFallBackToTheSerialResult() throws {
    let rows = 400_000
    var lines = ["a,b,pad"]
    for r in 0..<rows { lines.append("\(r),\(r == rows - 5 ? "text" : String(r)),xxxxxxxxxx") }
    let path = try write(lines)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let parallel = try DataFrame(contentsOfCSVFile: path)
    #expect(try parallel.column("b").type == .string)
    #expect(try parallel.column("b").strings()[7] == "7")
    #expect(parallel == (try serial(path)))

    lines[rows - 10] = "1,2"
    let ragged = try write(lines)
    defer { try? FileManager.default.removeItem(atPath: ragged) }
    #expect(
      throws: DataFrameError.malformedCSV(
        line: rows - 9, column: 3, reason: "expected 3 fields, found 2")
    ) { try DataFrame(contentsOfCSVFile: ragged) }
  }
}

import DataFrame
import Foundation
import Testing

/// A fixed corpus of 3,000 seeded inputs: random bytes, truncated quotes, ragged rows, bad
/// explicit types, invalid UTF-8, text after a closing quote and random edits of valid tables.
/// Every case must parse or throw a `DataFrameError` with a line and a column; every case built
/// to be malformed must throw.
///
/// The same test is the fuzz harness: `SWIFTLEARN_FUZZ_CASES=100000 swift test -c release
/// --filter CSVFuzzCorpusTests` runs 100,000 cases of the same seeded stream.
@Suite struct CSVFuzzCorpusTests {
  @Test func corpusNeverCrashesAndMalformedCasesThrowWithLineAndColumn() throws {
    let environment = ProcessInfo.processInfo.environment["SWIFTLEARN_FUZZ_CASES"]
    let caseCount = environment.flatMap { Int($0) } ?? 3000
    var generator = FuzzGenerator(seed: 20_261_124)
    var malformed = 0
    var threw = 0
    for index in 0..<caseCount {
      let fuzzCase = generator.next(index)
      if fuzzCase.isMalformed { malformed += 1 }
      do {
        _ = try DataFrame(csvData: Data(fuzzCase.bytes), options: fuzzCase.options)
        #expect(!fuzzCase.isMalformed, "case \(index) (\(fuzzCase.kind)) parsed")
      } catch let error as DataFrameError {
        threw += 1
        switch error {
        case let .malformedCSV(line, column, _):
          #expect(line >= 1 && column >= 1, "case \(index): \(error)")
        case let .unparsableValue(line, column, _, _):
          #expect(line >= 1 && !column.isEmpty, "case \(index): \(error)")
          #expect(fuzzCase.kind == "bad explicit type")
        case .duplicateColumn, .unknownColumn:
          #expect(!fuzzCase.isMalformed, "case \(index): \(error)")
        default:
          Issue.record("case \(index): unexpected \(error)")
        }
      }
    }
    if caseCount == 3000 { #expect(malformed == 2143) }
    #expect(malformed > caseCount / 2)
    #expect(threw >= malformed)
  }

  /// The chunked reader (one chunk, 3-byte blocks) agrees with the whole-file reader on the
  /// first 700 corpus cases: the same frame, or the same error.
  @Test func chunkedReaderAgreesWithWholeReader() throws {
    var generator = FuzzGenerator(seed: 20_261_124)
    let path = NSTemporaryDirectory() + "swiftlearn-fuzz-\(UInt64.random(in: 0...UInt64.max)).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    for index in 0..<700 {
      let fuzzCase = generator.next(index)
      try Data(fuzzCase.bytes).write(to: URL(fileURLWithPath: path))
      var whole: Result<DataFrame, DataFrameError>
      do {
        whole = .success(try DataFrame(contentsOfCSVFile: path, options: fuzzCase.options))
      } catch let error as DataFrameError {
        whole = .failure(error)
      }
      var chunked: Result<DataFrame, DataFrameError>
      do {
        var chunks = try CSVChunks(
          contentsOfCSVFile: path, chunkRowCount: 1000, options: fuzzCase.options, blockSize: 3)
        chunked = .success(try chunks.next() ?? DataFrame())
        #expect(try chunks.next() == nil)
      } catch let error as DataFrameError {
        chunked = .failure(error)
      }
      switch (whole, chunked) {
      case let (.success(a), .success(b)):
        // A file without data rows yields no chunk (the stand-in above is an empty frame).
        #expect(a.rowCount > 0 ? a == b : b.rowCount == 0, "case \(index)")
      case let (.failure(a), .failure(b)):
        #expect(a == b, "case \(index)")
      default:
        Issue.record("case \(index) (\(fuzzCase.kind)): whole \(whole), chunked \(chunked)")
      }
    }
  }
}

/// One generated input of the seeded fuzz stream.
struct FuzzCase {
  var kind: String
  var bytes: [UInt8]
  var options: CSVReadOptions
  /// Built to be malformed: the reader must throw.
  var isMalformed: Bool
}

/// A seeded generator of malformed (and some well-formed) CSV inputs.
struct FuzzGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func random() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ n: Int) -> Int { Int(random() % UInt64(n)) }

  /// A well-formed table: header + rows of 1–5 columns with simple values.
  mutating func validTable() -> (text: [UInt8], columns: Int, rows: Int) {
    let columns = 1 + below(5)
    let rows = 1 + below(6)
    let values = ["1", "2.5", "x", "", "\"a,b\"", "true", "2024-01-02", "\"q\"\"q\"", "NA", "-7"]
    var lines = [(0..<columns).map { "c\($0)" }.joined(separator: ",")]
    for _ in 0..<rows {
      var fields = (0..<columns).map { _ in values[below(values.count)] }
      if columns == 1 && fields[0].isEmpty { fields[0] = "z" }
      lines.append(fields.joined(separator: ","))
    }
    return (Array((lines.joined(separator: "\n") + "\n").utf8), columns, rows)
  }

  mutating func next(_ index: Int) -> FuzzCase {
    var options = CSVReadOptions()
    switch index % 7 {
    case 0:
      // Random bytes biased to CSV punctuation: may or may not be valid.
      let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x61, 0x31, 0x2E, 0x20, 0xC3, 0xFF, 0x00]
      let count = below(40)
      let bytes = (0..<count).map { _ in
        below(3) == 0 ? UInt8(truncatingIfNeeded: random()) : alphabet[below(alphabet.count)]
      }
      return FuzzCase(kind: "random bytes", bytes: bytes, options: options, isMalformed: false)
    case 1:
      // Truncated quote: a quoted field opened in the last record and never closed.
      var table = validTable().text
      table += Array("\"unterminated".utf8)
      if below(2) == 0 { table += [0x0A] + Array("1,2".utf8) }
      return FuzzCase(kind: "truncated quote", bytes: table, options: options, isMalformed: true)
    case 2:
      // Ragged row: one row with one field too many or too few.
      let (text, columns, _) = validTable()
      var extra = (0..<(columns + (below(2) == 0 ? 1 : -1))).map { _ in "9" }
      if extra.isEmpty { extra = [] }
      var bytes = text
      if extra.isEmpty {
        // One column too few for a 1-column table is a blank line (skipped): use more instead.
        bytes += Array("9,9\n".utf8)
      } else {
        bytes += Array((extra.joined(separator: ",") + "\n").utf8)
      }
      return FuzzCase(kind: "ragged row", bytes: bytes, options: options, isMalformed: true)
    case 3:
      // A value that does not parse under an explicit type.
      let columns = 1 + below(4)
      let target = below(columns)
      let type: ColumnType = [.int, .double, .bool, .date][below(4)]
      options.columnTypes = ["c\(target)": type]
      var lines = [(0..<columns).map { "c\($0)" }.joined(separator: ",")]
      let good: [ColumnType: String] = [
        .int: "3", .double: "1.5", .bool: "true", .date: "2020-02-29",
      ]
      let rows = 1 + below(5)
      let badRow = below(rows)
      for r in 0..<rows {
        lines.append(
          (0..<columns).map { c in
            c == target ? (r == badRow ? "oops" : good[type] ?? "") : "v"
          }.joined(separator: ","))
      }
      return FuzzCase(
        kind: "bad explicit type", bytes: Array((lines.joined(separator: "\n") + "\n").utf8),
        options: options, isMalformed: true)
    case 4:
      // Invalid UTF-8 inside a text field.
      var bytes = Array("a,b\nx,".utf8)
      let invalid: [[UInt8]] = [[0xC3, 0x28], [0xFF], [0xE2, 0x82], [0xF0, 0x90, 0x28, 0xBC]]
      bytes += invalid[below(invalid.count)] + Array("\n".utf8)
      return FuzzCase(kind: "invalid UTF-8", bytes: bytes, options: options, isMalformed: true)
    case 6:
      // A valid table with 1-4 random byte edits (insert, delete, replace): may stay valid.
      var bytes = validTable().text
      let punctuation: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x20, 0x80, 0xFF]
      for _ in 0..<(1 + below(4)) {
        let at = below(bytes.count + 1)
        let byte = below(2) == 0 ? punctuation[below(punctuation.count)] : UInt8(below(256))
        switch below(3) {
        case 0: bytes.insert(byte, at: at)
        case 1: if at < bytes.count { bytes.remove(at: at) }
        default: if at < bytes.count { bytes[at] = byte }
        }
      }
      return FuzzCase(kind: "mutation", bytes: bytes, options: options, isMalformed: false)
    default:
      // Text after a closing quote.
      var table = validTable()
      table.text += Array("\"ok\"junk".utf8)
      table.text += Array(repeating: UInt8(ascii: ","), count: table.columns - 1) + [0x0A]
      return FuzzCase(
        kind: "text after quote", bytes: table.text, options: options, isMalformed: true)
    }
  }
}

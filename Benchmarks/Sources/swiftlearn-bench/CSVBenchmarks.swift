// CSV benchmarks: reading a CSV file (time, peak memory) and the CSV reader's fuzz harness.
import Foundation
import SwiftLearn

#if canImport(Glibc)
  import Glibc
#endif

/// The process's peak resident set (VmHWM) in MB, from /proc/self/status.
func peakResidentMB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return .nan
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let digits = line.split(separator: " ").compactMap { Double($0) }
    if let kb = digits.first { return kb / 1024 }
  }
  return .nan
}

/// The bytes held by the columns' values (8 per double/int/date, 1 per bool, 4 per code plus
/// the levels, 16 per string plus its UTF-8 bytes when longer than 15, which Swift stores on
/// the heap) and their null masks.
func columnBytes(_ frame: DataFrame) -> Int {
  var total = 0
  for column in frame.columns {
    let n = column.count
    if column.nullCount > 0 { total += (n + 63) / 64 * 8 }
    switch column.type {
    case .double, .int, .date: total += 8 * n
    case .bool: total += n
    case .categorical:
      total += 4 * n
      let levels = Set((try? column.strings()) ?? []).compactMap { $0 }
      total += levels.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }
    case .string:
      total += 16 * n
      for s in (try? column.strings()) ?? [] {
        if let s, s.utf8.count > 15 { total += s.utf8.count }
      }
    }
  }
  return total
}

/// VmHWM right after the first CSV read of this process.
nonisolated(unsafe) var firstReadPeakMB: Double? = nil

/// `DataFrame(contentsOfCSVFile:)` on `--data FILE.csv` (metric = sum of the first double
/// column; extra: the peak RSS (VmHWM) after the process's first read, and the columns' size,
/// in MB).
func runCSVRead(_ options: Options) throws {
  guard let path = options.data else { throw BenchError.usage("csv_read needs --data FILE") }
  let name = options.dataset ?? String(path.split(separator: "/").last ?? "")
  try runRepeats(warmup: options.warmup, repeats: options.repeats) { k in
    var frame = DataFrame()
    let elapsed = try benchClock.measure {
      frame = try DataFrame(contentsOfCSVFile: path)
    }.seconds
    // Peak memory of the process's first read (fresh process, like pandas' separate process):
    // later reads in the same process also see memory the allocator kept from earlier ones.
    if firstReadPeakMB == nil { firstReadPeakMB = peakResidentMB() }
    let peak = firstReadPeakMB ?? .nan
    guard let first = frame.columns.first(where: { $0.type == .double }) else {
      throw BenchError.check(benchmark: "csv_read", reason: "no double column")
    }
    let metric = try first.numericValues().reduce(0) { $0 + ($1 ?? 0) }
    let columnsMB = Double(columnBytes(frame)) / 1_048_576
    return Measurement(
      estimator: "DataFrame(contentsOfCSVFile:)", dataset: name, n: frame.rowCount,
      d: frame.columnCount, fitSeconds: elapsed, predictSeconds: nil, metricName: "checksum",
      metric: metric, repeatIndex: k, threads: BLASThreads.count,
      extra: [("peak_rss_mb", .number(peak)), ("columns_mb", .number(columnsMB))])
  }
}

/// The CSV reader's fuzz harness: `--n N` seeded cases (default 100,000) of random bytes,
/// truncated quotes, ragged rows, bad explicit types, invalid UTF-8, text after a closing quote
/// and random edits of valid tables. Every case must either
/// parse or throw a `DataFrameError` with a line and a column ≥ 1; every case built to be
/// malformed must throw. Prints one JSON line (metric = cases that threw).
func runCSVFuzz(_ options: Options) throws {
  let total = options.n ?? 100_000
  var generator = FuzzGenerator(seed: 20_261_124)
  var threw = 0
  let elapsed = try benchClock.measure {
    for index in 0..<total {
      let fuzzCase = generator.next(index)
      do {
        let frame = try DataFrame(csvData: Data(fuzzCase.bytes), options: fuzzCase.options)
        blackHole(frame)
        if fuzzCase.isMalformed {
          throw BenchError.check(
            benchmark: "csv_fuzz", reason: "case \(index) (\(fuzzCase.kind)) did not throw")
        }
      } catch let error as DataFrameError {
        threw += 1
        switch error {
        case let .malformedCSV(line, column, _):
          guard line >= 1, column >= 1 else {
            throw BenchError.check(benchmark: "csv_fuzz", reason: "case \(index): \(error)")
          }
        case let .unparsableValue(line, _, _, _):
          guard line >= 1 else {
            throw BenchError.check(benchmark: "csv_fuzz", reason: "case \(index): \(error)")
          }
        case .duplicateColumn, .unknownColumn:
          guard !fuzzCase.isMalformed else {
            throw BenchError.check(benchmark: "csv_fuzz", reason: "case \(index): \(error)")
          }
        default:
          throw BenchError.check(benchmark: "csv_fuzz", reason: "case \(index): \(error)")
        }
      }
    }
  }.seconds
  print(
    Measurement(
      estimator: "csv_fuzz", dataset: "generated", n: total, d: 0, fitSeconds: elapsed,
      predictSeconds: nil, metricName: "threw", metric: Double(threw), repeatIndex: 0,
      threads: 1
    ).jsonLine)
}

/// One generated input (the same generator as Tests/DataFrameTests/CSVFuzzCorpusTests.swift).
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

// CSV benchmarks: reading a CSV file (time, peak memory). The CSV reader's fuzz harness is
// Tests/DataFrameTests/CSVFuzzCorpusTests.swift (SWIFTLEARN_FUZZ_CASES sets the case count).
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

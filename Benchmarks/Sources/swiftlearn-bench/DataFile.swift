// Reader for the benchmark data files written by Benchmarks/compare.py.
//
// Format (all little-endian; the same description is in compare.py and README.md):
//
//   offset  size        content
//   0       8           magic, the ASCII bytes "SLBENCH1"
//   8       8           n, UInt64: number of rows (samples)
//   16      8           d, UInt64: number of columns (features)
//   24      8           k, UInt64: number of target columns, 0 (no y) or 1
//   32      8·n·d       X, Float64, row-major (C order): X[i, j] at 32 + 8·(i·d + j)
//   32+8nd  8·n·k       y, Float64 (present only when k == 1)
//
// The file size must be exactly 32 + 8·n·(d + k) bytes.
import SwiftLearn

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A data set loaded from a `.bin` file.
struct DataFile {
  /// The magic bytes "SLBENCH1".
  static let magic: [UInt8] = Array("SLBENCH1".utf8)
  static let headerSize = 32

  var x: Matrix
  /// The targets, or `nil` when the file has none (`k == 0`).
  var y: [Double]?

  /// Reads and checks a data file.
  ///
  /// - Throws: ``BenchError/data(path:reason:)`` when the file is missing, truncated or has a
  ///   bad header.
  static func load(path: String) throws -> DataFile {
    guard let file = fopen(path, "rb") else {
      throw BenchError.data(path: path, reason: "cannot open (errno \(errno))")
    }
    defer { fclose(file) }

    var header = [UInt8](repeating: 0, count: headerSize)
    let got = header.withUnsafeMutableBytes { fread($0.baseAddress, 1, headerSize, file) }
    guard got == headerSize else {
      throw BenchError.data(path: path, reason: "shorter than the \(headerSize)-byte header")
    }
    guard Array(header[0..<8]) == magic else {
      throw BenchError.data(path: path, reason: "bad magic (expected \"SLBENCH1\")")
    }
    let n = try count(header, at: 8, name: "n", path: path)
    let d = try count(header, at: 16, name: "d", path: path)
    let k = try count(header, at: 24, name: "k", path: path)
    guard k == 0 || k == 1 else {
      throw BenchError.data(path: path, reason: "k = \(k); only 0 or 1 target columns")
    }
    let (cells, overflow) = n.multipliedReportingOverflow(by: d + k)
    guard !overflow, cells <= Int.max / 8 - headerSize else {
      throw BenchError.data(path: path, reason: "n = \(n), d = \(d) overflow")
    }
    let expected = headerSize + 8 * cells
    guard fseek(file, 0, SEEK_END) == 0 else {
      throw BenchError.data(path: path, reason: "cannot seek")
    }
    let size = ftell(file)
    guard size == expected else {
      throw BenchError.data(
        path: path, reason: "size \(size) bytes; the header implies \(expected) bytes")
    }
    guard fseek(file, headerSize, SEEK_SET) == 0 else {
      throw BenchError.data(path: path, reason: "cannot seek")
    }
    let values = try readDoubles(file, count: n * d, path: path)
    let x = try Matrix(rowCount: n, columnCount: d, storage: values)
    let y = k == 1 ? try readDoubles(file, count: n, path: path) : nil
    return DataFile(x: x, y: y)
  }

  /// The little-endian UInt64 at `offset`, as a non-negative `Int`.
  private static func count(
    _ header: [UInt8], at offset: Int, name: String, path: String
  ) throws -> Int {
    var value: UInt64 = 0
    for byte in header[offset..<(offset + 8)].reversed() { value = value << 8 | UInt64(byte) }
    guard value <= UInt64(Int32.max) else {
      throw BenchError.data(path: path, reason: "\(name) = \(value) is too large")
    }
    return Int(value)
  }

  /// Reads `count` little-endian Float64 values from the current position.
  private static func readDoubles(
    _ file: UnsafeMutablePointer<FILE>, count: Int, path: String
  ) throws -> [Double] {
    var values = [Double](repeating: 0, count: count)
    let read = values.withUnsafeMutableBytes { fread($0.baseAddress, 8, count, file) }
    guard read == count else {
      throw BenchError.data(path: path, reason: "read \(read) of \(count) values")
    }
    #if _endian(big)
      for i in 0..<count {
        values[i] = Double(bitPattern: UInt64(littleEndian: values[i].bitPattern))
      }
    #endif
    return values
  }

  /// The data set's name: the file name without directories and without ".bin".
  static func datasetName(path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    return file.hasSuffix(".bin") ? String(file.dropLast(4)) : file
  }
}

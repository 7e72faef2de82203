import Foundation

extension DataFrame {
  /// The frame as CSV text that ``init(csv:options:)`` reads back to an equal frame (given
  /// the same date format; categorical columns read back as strings unless typed).
  ///
  /// Fields holding the delimiter, a quote, CR or LF, or leading/trailing spaces, and fields
  /// whose text equals a default NA token while not null (such as the string `"NA"`), are
  /// quoted with doubled inner quotes; a null is written as `options.nullText`. Doubles use
  /// Swift's shortest round-trip form (`NaN` values as `nan`, infinities as `inf`/`-inf`);
  /// dates use `options.dateFormat` or ISO 8601. pandas: `df.to_csv(index=False)`.
  ///
  /// - Throws: `DataFrameError.invalidArgument` for a bad delimiter or date format.
  /// - Complexity: O(rows · columns).
  public func csv(options: CSVWriteOptions = CSVWriteOptions()) throws -> String {
    var out: [UInt8] = []
    try writeCSV(options: options) { out.append(contentsOf: $0) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Writes the frame as CSV to a file (see ``csv(options:)``).
  ///
  /// pandas: `df.to_csv(path, index=False)`.
  /// - Throws: `DataFrameError.io` if the file cannot be written; as ``csv(options:)``.
  /// - Complexity: O(rows · columns).
  public func writeCSV(to path: String, options: CSVWriteOptions = CSVWriteOptions()) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw DataFrameError.io(path: path, reason: "cannot create the file")
    }
    defer { try? handle.close() }
    var pending: [UInt8] = []
    pending.reserveCapacity(1 << 20)
    do {
      try writeCSV(options: options) { bytes in
        pending.append(contentsOf: bytes)
        if pending.count >= 1 << 20 {
          try handle.write(contentsOf: pending)
          pending.removeAll(keepingCapacity: true)
        }
      }
      try handle.write(contentsOf: pending)
    } catch let error as DataFrameError {
      throw error
    } catch {
      throw DataFrameError.io(path: path, reason: "\(error)")
    }
  }

  /// Writes the frame as CSV to a file URL.
  ///
  /// - Throws: `DataFrameError.io` for a non-file URL or a write failure.
  /// - Complexity: O(rows · columns).
  public func writeCSV(to url: URL, options: CSVWriteOptions = CSVWriteOptions()) throws {
    guard url.isFileURL else {
      throw DataFrameError.io(path: url.absoluteString, reason: "not a file URL")
    }
    try writeCSV(to: url.path, options: options)
  }

  private func writeCSV(
    options: CSVWriteOptions, sink: ([UInt8]) throws -> Void
  ) throws {
    guard let delimiter = options.delimiter.asciiValue, delimiter != 0x22, delimiter != 0x0A,
      delimiter != 0x0D
    else {
      throw DataFrameError.invalidArgument(
        name: "delimiter", value: String(options.delimiter),
        expected: "one ASCII character other than a quote, CR or LF")
    }
    let format = try options.dateFormat.map { try DateFormat($0) }
    let terminator = Array(options.lineTerminator.utf8)
    let null = Array(options.nullText.utf8)
    let naTexts: Set<String> = ["", "NA", "N/A", "NaN", "null", "?"]
    var line: [UInt8] = []
    func field(_ text: String, forceQuote: Bool = false) {
      let bytes = Array(text.utf8)
      var needs = forceQuote || naTexts.contains(text)
      if !needs {
        for b in bytes where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D {
          needs = true
          break
        }
        if let f = bytes.first, f == 0x20 || f == 0x09 { needs = true }
        if let l = bytes.last, l == 0x20 || l == 0x09 { needs = true }
      }
      guard needs else {
        line.append(contentsOf: bytes)
        return
      }
      line.append(0x22)
      for b in bytes {
        line.append(b)
        if b == 0x22 { line.append(0x22) }
      }
      line.append(0x22)
    }
    if options.includesHeader && !columns.isEmpty {
      for (j, c) in columns.enumerated() {
        if j > 0 { line.append(delimiter) }
        field(c.name, forceQuote: c.name.isEmpty)
      }
      line.append(contentsOf: terminator)
      try sink(line)
    }
    for row in 0..<rowCount {
      line.removeAll(keepingCapacity: true)
      for (j, c) in columns.enumerated() {
        if j > 0 { line.append(delimiter) }
        if c.isNull(row) {
          line.append(contentsOf: null)
          continue
        }
        switch c.storage {
        case let .double(v):
          let x = v[row]
          line.append(
            contentsOf: Array(
              (x.isNaN ? "nan" : x.isInfinite ? (x > 0 ? "inf" : "-inf") : x.description).utf8))
        case let .int(v): line.append(contentsOf: Array(String(v[row]).utf8))
        case let .bool(v): line.append(contentsOf: Array((v[row] ? "True" : "False").utf8))
        case let .date(v):
          line.append(contentsOf: Array(DateText.format(v[row], format: format).utf8))
        case let .string(v): field(v[row])
        case let .categorical(codes, levels):
          let code = Int(codes[row])
          field(code >= 0 && code < levels.count ? levels[code] : "")
        }
      }
      line.append(contentsOf: terminator)
      try sink(line)
    }
  }
}

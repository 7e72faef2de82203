import Foundation

extension DataFrame {
  /// Reads CSV text.
  ///
  /// RFC 4180: fields may be quoted with `"`, quotes inside are doubled, quoted fields may hold
  /// delimiters and newlines. A UTF-8 byte-order mark is skipped; records end at LF, CRLF or
  /// CR; blank lines are skipped. Column types are inferred over the whole text (int, else
  /// double, else bool, else date, else string; an all-null column is double) unless
  /// `options.columnTypes` fixes them. pandas: `pd.read_csv(io.StringIO(text))`.
  ///
  ///     let df = try DataFrame(csv: "a,b\n1,x\n2,\n")
  ///     try df.column("b").nullCount   // 1
  ///
  /// - Throws: `DataFrameError.malformedCSV` (line and field) for a ragged row, an unterminated
  ///   quote, text after a closing quote or invalid UTF-8; `DataFrameError.unparsableValue`
  ///   for a value that does not parse under an explicit type; `DataFrameError.unknownColumn`
  ///   for a `columnTypes` key naming no column; `DataFrameError.duplicateColumn` for a
  ///   repeated header name; `DataFrameError.invalidArgument` for bad options.
  /// - Complexity: O(bytes).
  public init(csv text: String, options: CSVReadOptions = CSVReadOptions()) throws {
    var text = text
    self = try text.withUTF8 { try DataFrame.readCSV(bytes: $0, options: options) }
  }

  /// Reads CSV bytes (UTF-8); see ``init(csv:options:)``.
  ///
  /// - Throws: as ``init(csv:options:)``.
  /// - Complexity: O(bytes).
  public init(csvData data: Data, options: CSVReadOptions = CSVReadOptions()) throws {
    self = try data.withUnsafeBytes { raw in
      try DataFrame.readCSV(bytes: raw.bindMemory(to: UInt8.self), options: options)
    }
  }

  /// Reads a CSV file, memory-mapped (the file is not copied; parsed pages are released as
  /// the reader advances, so the peak memory is about the size of the columns).
  ///
  /// Inputs of 8 MiB or more (here and in ``init(csv:options:)``) whose first half holds no
  /// quote and no CR are parsed as two halves on two threads and merged; whatever the merge
  /// cannot settle is re-read serially, so the result is always the serial reader's.
  ///
  /// pandas: `pd.read_csv(path)`.
  /// - Throws: `DataFrameError.io` if the file cannot be read; otherwise as
  ///   ``init(csv:options:)``.
  /// - Complexity: O(bytes).
  public init(contentsOfCSVFile path: String, options: CSVReadOptions = CSVReadOptions()) throws {
    let file = try MappedFile(path: path)
    self = try DataFrame.readCSV(
      bytes: file.bytes, options: options, release: { file.release(from: $0, to: $1) })
    withExtendedLifetime(file) {}
  }

  /// Reads a CSV file; see ``init(contentsOfCSVFile:options:)-(String,_)``.
  ///
  /// - Throws: `DataFrameError.io` for a non-file URL or an unreadable file; otherwise as
  ///   ``init(csv:options:)``.
  /// - Complexity: O(bytes).
  public init(contentsOfCSVFile url: URL, options: CSVReadOptions = CSVReadOptions()) throws {
    guard url.isFileURL else {
      throw DataFrameError.io(path: url.absoluteString, reason: "not a file URL")
    }
    try self.init(contentsOfCSVFile: url.path, options: options)
  }

  /// The shared reader over a byte buffer. `release(from, to)` may drop parsed bytes (it is
  /// called from the parsing threads, on disjoint ranges).
  static func readCSV(
    bytes: UnsafeBufferPointer<UInt8>, options: CSVReadOptions,
    release: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> DataFrame {
    let settings = try CSVSettings(options)
    let parser = CSVParser(settings: settings, buffer: bytes)
    var pos = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
    var line = 1
    let skipped = parser.skipBlankLines(from: pos)
    pos = skipped.pos
    line += skipped.lines
    guard pos < bytes.count else {
      guard options.columnTypes.isEmpty else {
        let name = options.columnTypes.keys.sorted()[0]
        throw DataFrameError.unknownColumn(name: name, suggestions: [])
      }
      return DataFrame()
    }
    let head = try parser.header(at: pos, line: line)
    let names: [String]
    if options.hasHeader {
      names = head.names
      pos = head.next
      line += head.lines
    } else {
      names = (0..<head.names.count).map { "x\($0)" }
    }
    let schema = try CSVSchema(names: names, options: options, settings: settings)
    let expected = estimateRows(bytes, from: pos)
    if let split = parallelSplit(bytes, from: pos) {
      let halves = CSVHalves(bytes: bytes)
      let firstLine = line
      let start = pos
      DispatchQueue.concurrentPerform(iterations: 2) { k in
        let all = halves.bytes
        let part = UnsafeBufferPointer(
          rebasing: k == 0 ? all[0..<split.offset] : all[split.offset..<all.count])
        let offset = k == 0 ? 0 : split.offset
        let result = Result {
          try parsePart(
            part, from: k == 0 ? start : 0,
            firstLine: k == 0 ? firstLine : firstLine + split.lines, schema: schema,
            settings: settings, expectedRows: expected / 2 + 16,
            release: release.map { r in { r($0 + offset, $1 + offset) } })
        }
        if k == 0 { halves.first = result } else { halves.second = result }
      }
      // Any error, or kinds that cannot be combined: the serial reader decides (same result).
      if case var .success(first)? = halves.first, case var .success(second)? = halves.second {
        halves.first = nil
        halves.second = nil
        var combined = true
        for j in first.indices where combined {
          // Move the second half's column out so its arrays are freed right after the merge.
          var other = ColumnBuilder(name: "", type: .string, expectedRows: 0, dateFormat: nil)
          swap(&other, &second[j])
          combined = first[j].absorb(other)
        }
        if combined { return try DataFrame(first.map { $0.build(settings: settings) }) }
      }
    }
    let builders = try parsePart(
      bytes, from: pos, firstLine: line, schema: schema, settings: settings,
      expectedRows: expected, release: release)
    return try DataFrame(builders.map { $0.build(settings: settings) })
  }

  /// Parses the records of `bytes` from `pos` into fresh builders (including the re-reading of
  /// columns demoted to string).
  private static func parsePart(
    _ bytes: UnsafeBufferPointer<UInt8>, from pos: Int, firstLine: Int, schema: CSVSchema,
    settings: CSVSettings, expectedRows: Int, release: ((Int, Int) -> Void)?
  ) throws -> [ColumnBuilder] {
    let parser = CSVParser(settings: settings, buffer: bytes)
    var builders = schema.makeBuilders(expectedRows: expectedRows)
    var rowStarts: [Int]? = nil
    if builders.contains(where: { !$0.isFixed }) {
      rowStarts = []
      rowStarts?.reserveCapacity(expectedRows)
    }
    var released = pos
    _ = try parser.records(
      from: pos, firstLine: firstLine, maxRows: Int.max, builders: &builders,
      rowStarts: &rowStarts,
      progress: release.map { r in
        { current in
          r(released, current)
          released = current
        }
      })
    if let starts = rowStarts { try parser.reparse(builders: &builders, rowStarts: starts) }
    return builders
  }

  /// Where to cut the data in two for parallel parsing: after the first LF past the middle,
  /// when the data is large (≥ 8 MiB), the machine has 2+ cores, and the first half has no
  /// quote and no CR (so the cut is a record boundary and LFs count its lines). Nil otherwise.
  static func parallelSplit(
    _ bytes: UnsafeBufferPointer<UInt8>, from pos: Int
  ) -> (offset: Int, lines: Int)? {
    let length = bytes.count - pos
    guard length >= 1 << 23, ProcessInfo.processInfo.activeProcessorCount >= 2 else {
      return nil
    }
    let middle = pos + length / 2
    var quotes = 0
    var returns = 0
    var newlines = 0
    for i in pos..<middle {
      let b = bytes[i]
      quotes &+= b == CSVParser.quote ? 1 : 0
      returns &+= b == CSVParser.cr ? 1 : 0
      newlines &+= b == CSVParser.lf ? 1 : 0
    }
    guard quotes == 0, returns == 0 else { return nil }
    var j = middle
    while j < bytes.count && bytes[j] != CSVParser.lf {
      guard bytes[j] != CSVParser.quote, bytes[j] != CSVParser.cr else { return nil }
      j += 1
    }
    guard j + 1 < bytes.count else { return nil }
    return (j + 1, newlines + 1)
  }

  /// Rows expected after `pos`, from the newline density of the next 64 KiB (+3%).
  static func estimateRows(_ bytes: UnsafeBufferPointer<UInt8>, from pos: Int) -> Int {
    let remaining = bytes.count - pos
    guard remaining > 0 else { return 0 }
    let window = Swift.min(remaining, 1 << 16)
    var newlines = 0
    for i in pos..<(pos + window) where bytes[i] == CSVParser.lf { newlines += 1 }
    guard newlines > 0 else { return 16 }
    let estimate = Double(newlines) * Double(remaining) / Double(window)
    return Int(estimate * 1.03) + 16
  }
}

/// The two halves' results of a parallel read, written by distinct threads into distinct
/// slots (module-internal).
final class CSVHalves: @unchecked Sendable {
  /// The whole input (read-only while the halves run).
  let bytes: UnsafeBufferPointer<UInt8>
  /// The first half's builders or error (written only by the first worker).
  var first: Result<[ColumnBuilder], any Error>?
  /// The second half's builders or error (written only by the second worker).
  var second: Result<[ColumnBuilder], any Error>?

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// Column names and explicit types of a CSV read (module-internal).
struct CSVSchema: Sendable {
  let names: [String]
  let types: [ColumnType?]
  let formats: [DateFormat?]

  init(names: [String], options: CSVReadOptions, settings: CSVSettings) throws {
    var seen = Set<String>()
    for name in names where !seen.insert(name).inserted {
      throw DataFrameError.duplicateColumn(name: name)
    }
    for key in options.columnTypes.keys.sorted() where !seen.contains(key) {
      let probe = try DataFrame(names.map { Column($0, ints: [Int]()) })
      throw DataFrameError.unknownColumn(name: key, suggestions: probe.suggestions(for: key))
    }
    self.names = names
    self.types = names.map { options.columnTypes[$0] }
    self.formats = types.map { $0 == .date ? settings.dateFormats[0] : nil }
  }

  init(names: [String], types: [ColumnType?], formats: [DateFormat?]) {
    self.names = names
    self.types = types
    self.formats = formats
  }

  func makeBuilders(expectedRows: Int) -> [ColumnBuilder] {
    names.indices.map {
      ColumnBuilder(
        name: names[$0], type: types[$0], expectedRows: expectedRows, dateFormat: formats[$0])
    }
  }
}

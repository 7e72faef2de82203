import Foundation

/// Reads a CSV file as a series of frames of at most `chunkRowCount` rows each, holding only
/// about one chunk of the file in memory.
///
/// The first chunk's inferred column types (or the explicit `options.columnTypes`) fix the
/// schema of every later chunk; a later value that does not parse under it throws
/// `DataFrameError.unparsableValue` (pass explicit types for columns whose first chunk is not
/// representative — a column that is all null in the first chunk is fixed as double). Errors
/// carry the file's physical line numbers. pandas: `pd.read_csv(path, chunksize=n)`.
///
/// `next()` throws, so this is an iterator rather than a `Sequence` (a `Sequence` would have
/// to end silently on a malformed record):
///
///     var chunks = try CSVChunks(contentsOfCSVFile: "big.csv", chunkRowCount: 100_000)
///     while let frame = try chunks.next() { total += frame.rowCount }
public struct CSVChunks {
  /// The rows per chunk (the last chunk may be shorter).
  public let chunkRowCount: Int
  /// The options the chunks are read with.
  public let options: CSVReadOptions
  /// The column names and types, known after the first chunk (nil before).
  public private(set) var schema: [(name: String, type: ColumnType)]? = nil

  private let handle: FileHandle
  private let path: String
  private let settings: CSVSettings
  private let blockSize: Int
  private var buffer: [UInt8] = []
  private var atEndOfFile = false
  private var finished = false
  private var started = false
  private var line = 1
  private var names: [String] = []
  private var fixed: CSVSchema? = nil
  private var scanner = RecordScanner()

  /// Opens a CSV file for chunked reading.
  ///
  /// - Parameters:
  ///   - path: the file.
  ///   - chunkRowCount: rows per chunk, at least 1. Default 100,000.
  ///   - options: reader options (see `CSVReadOptions`).
  ///   - blockSize: bytes read from the file at a time (default 4 MiB).
  /// - Throws: `DataFrameError.io` if the file cannot be opened,
  ///   `DataFrameError.invalidArgument` for a chunk size below 1 or bad options.
  public init(
    contentsOfCSVFile path: String, chunkRowCount: Int = 100_000,
    options: CSVReadOptions = CSVReadOptions(), blockSize: Int = 1 << 22
  ) throws {
    guard chunkRowCount >= 1 else {
      throw DataFrameError.invalidArgument(
        name: "chunkRowCount", value: String(chunkRowCount), expected: "at least 1")
    }
    guard blockSize >= 1 else {
      throw DataFrameError.invalidArgument(
        name: "blockSize", value: String(blockSize), expected: "at least 1")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw DataFrameError.io(path: path, reason: "cannot open the file")
    }
    self.handle = handle
    self.path = path
    self.chunkRowCount = chunkRowCount
    self.options = options
    self.blockSize = blockSize
    self.settings = try CSVSettings(options)
    scanner.delimiter = settings.delimiter
  }

  /// The next chunk, or nil after the last.
  ///
  /// - Throws: `DataFrameError.io` on a read failure; `DataFrameError.malformedCSV` or
  ///   `DataFrameError.unparsableValue` (with the file's line) for malformed records.
  /// - Complexity: O(bytes of the chunk).
  public mutating func next() throws -> DataFrame? {
    guard !finished else { return nil }
    do {
      return try readChunk()
    } catch {
      finished = true
      try? handle.close()
      throw error
    }
  }

  private mutating func fill() throws {
    do {
      if let data = try handle.read(upToCount: blockSize), !data.isEmpty {
        buffer.append(contentsOf: data)
      } else {
        atEndOfFile = true
      }
    } catch {
      throw DataFrameError.io(path: path, reason: "\(error)")
    }
  }

  private mutating func readChunk() throws -> DataFrame? {
    if !started {
      try readHeader()
      started = true
      if finished { return nil }
    }
    // Find the end of `chunkRowCount` records.
    scanner.reset()
    var boundary: Int? = nil
    while boundary == nil {
      boundary = scanner.scan(buffer, records: chunkRowCount)
      if boundary == nil {
        if atEndOfFile {
          boundary = buffer.count
        } else {
          try fill()
        }
      }
    }
    let end = boundary ?? buffer.count
    if end == 0 && atEndOfFile {
      finished = true
      try? handle.close()
      return nil
    }
    let frame: DataFrame? = try buffer.withUnsafeBufferPointer { all in
      let bytes = UnsafeBufferPointer(rebasing: all[0..<end])
      let parser = CSVParser(settings: settings, buffer: bytes)
      let types = names.map { options.columnTypes[$0] }
      let schema =
        fixed
        ?? CSVSchema(
          names: names, types: types,
          formats: types.map { $0 == .date ? settings.dateFormats[0] : nil })
      let estimate = DataFrame.estimateRows(bytes, from: 0)
      var builders = schema.makeBuilders(expectedRows: Swift.min(chunkRowCount, estimate))
      var rowStarts: [Int]? = builders.contains(where: { !$0.isFixed }) ? [] : nil
      let result = try parser.records(
        from: 0, firstLine: line, maxRows: Int.max, builders: &builders, rowStarts: &rowStarts)
      line += result.lines
      if let starts = rowStarts { try parser.reparse(builders: &builders, rowStarts: starts) }
      guard result.rows > 0 else { return nil }
      let frame = try DataFrame(builders.map { $0.build(settings: settings) })
      if fixed == nil {
        fixed = CSVSchema(
          names: names, types: frame.columns.map(\.type), formats: builders.map(\.dateFormat))
      }
      return frame
    }
    buffer.removeFirst(end)
    if let frame {
      if schema == nil { schema = frame.dtypes }
      return frame
    }
    if atEndOfFile && buffer.isEmpty {
      finished = true
      try? handle.close()
      return nil
    }
    return try readChunk()
  }

  private mutating func readHeader() throws {
    // Read until the header record is complete.
    var headerEnd: Int? = nil
    while true {
      var start = 0
      if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
        start = 3
      }
      scanner.reset()
      if let end = scanner.scan(buffer, records: 1, from: start) {
        headerEnd = end
        break
      }
      if atEndOfFile { break }
      try fill()
    }
    var start = 0
    if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
      start = 3
    }
    let end = headerEnd ?? buffer.count
    let parsed: (names: [String], next: Int, lines: Int)? = try buffer.withUnsafeBufferPointer {
      all in
      let bytes = UnsafeBufferPointer(rebasing: all[0..<end])
      let parser = CSVParser(settings: settings, buffer: bytes)
      let skipped = parser.skipBlankLines(from: start)
      guard skipped.pos < bytes.count else { return nil }
      line += skipped.lines
      let head = try parser.header(at: skipped.pos, line: line)
      return head
    }
    guard let parsed else {
      finished = true
      return
    }
    if options.hasHeader {
      names = parsed.names
      line += parsed.lines
      buffer.removeFirst(parsed.next)
    } else {
      names = (0..<parsed.names.count).map { "x\($0)" }
      buffer.removeFirst(start)
    }
    _ = try CSVSchema(names: names, options: options, settings: settings)
  }
}

/// Finds record boundaries the way ``CSVParser`` reads them (quotes only open at a field
/// start), without parsing values (module-internal).
struct RecordScanner {
  enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
  var delimiter: UInt8 = 0x2C
  private var state = State.fieldStart
  private var lineHasContent = false
  private var found = 0
  private var position = 0

  mutating func reset() {
    state = .fieldStart
    lineHasContent = false
    found = 0
    position = 0
  }

  /// Continues scanning `bytes`; returns the offset just after the `records`-th non-blank
  /// record, or nil if the bytes end first.
  mutating func scan(_ bytes: [UInt8], records: Int, from start: Int = 0) -> Int? {
    if position < start { position = start }
    while position < bytes.count {
      let b = bytes[position]
      position += 1
      switch state {
      case .quoted:
        if b == CSVParser.quote { state = .quoteInQuoted }
        continue
      case .quoteInQuoted:
        if b == CSVParser.quote {
          state = .quoted
          continue
        }
        state = .unquoted
      case .fieldStart, .unquoted:
        break
      }
      if b == CSVParser.lf || b == CSVParser.cr {
        state = .fieldStart
        if lineHasContent {
          found += 1
          lineHasContent = false
          if found == records {
            if b == CSVParser.cr {
              guard position < bytes.count else {
                position -= 1
                found -= 1
                lineHasContent = true
                return nil
              }
              if bytes[position] == CSVParser.lf { position += 1 }
            }
            return position
          }
        }
        continue
      }
      lineHasContent = true
      if b == delimiter {
        state = .fieldStart
      } else if state == .fieldStart && b == CSVParser.quote {
        state = .quoted
      } else {
        state = .unquoted
      }
    }
    return nil
  }
}

/// The byte-level RFC 4180 tokenizer and record loop (module-internal).
///
/// Works on an `UnsafeBufferPointer<UInt8>`; no `String` is made except for string fields.
/// Records end at LF, CRLF or a lone CR; blank lines are skipped (as pandas'
/// `skip_blank_lines=True`); a quote inside an unquoted field is kept as text (as pandas).
/// Errors name the 1-based physical line and the 1-based field index.
struct CSVParser {
  static let quote: UInt8 = 0x22
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D

  /// How a field ended.
  enum Terminator { case delimiter, newline, end }

  /// One field: its content range, whether quotes must be un-doubled, where the next field
  /// (or record) starts, and the physical lines it spans.
  struct Field {
    var start: Int
    var end: Int
    var quoted: Bool
    var hasEscapes: Bool
    var next: Int
    var terminator: Terminator
    var newlines: Int
  }

  let settings: CSVSettings
  let buffer: UnsafeBufferPointer<UInt8>

  /// Reads the field starting at `pos`; `line` and `field` are for errors.
  @inline(__always)
  func field(at pos: Int, line: Int, field index: Int) throws -> Field {
    let end = buffer.count
    let delimiter = settings.delimiter
    guard let base = buffer.baseAddress, pos < end else {
      return Field(
        start: pos, end: pos, quoted: false, hasEscapes: false, next: end, terminator: .end,
        newlines: 0)
    }
    if base[pos] == CSVParser.quote {
      var i = pos + 1
      var newlines = 0
      var escapes = false
      while true {
        guard i < end else {
          throw DataFrameError.malformedCSV(
            line: line, column: index + 1, reason: "unterminated quoted field")
        }
        let b = base[i]
        if b == CSVParser.quote {
          if i + 1 < end && base[i + 1] == CSVParser.quote {
            escapes = true
            i += 2
            continue
          }
          break
        }
        if b == CSVParser.lf {
          newlines += 1
        } else if b == CSVParser.cr && !(i + 1 < end && base[i + 1] == CSVParser.lf) {
          newlines += 1
        }
        i += 1
      }
      let contentEnd = i
      i += 1
      var f = Field(
        start: pos + 1, end: contentEnd, quoted: true, hasEscapes: escapes, next: i,
        terminator: .end, newlines: newlines)
      if i >= end {
        f.next = end
        return f
      }
      let b = base[i]
      if b == delimiter {
        f.terminator = .delimiter
        f.next = i + 1
      } else if b == CSVParser.lf {
        f.terminator = .newline
        f.next = i + 1
      } else if b == CSVParser.cr {
        f.terminator = .newline
        f.next = i + 1 < end && base[i + 1] == CSVParser.lf ? i + 2 : i + 1
      } else {
        throw DataFrameError.malformedCSV(
          line: line + newlines, column: index + 1,
          reason: "unexpected character after a closing quote")
      }
      return f
    }
    var i = pos
    while i < end {
      let b = base[i]
      if b == delimiter || b == CSVParser.lf || b == CSVParser.cr { break }
      i += 1
    }
    var f = Field(
      start: pos, end: i, quoted: false, hasEscapes: false, next: end, terminator: .end,
      newlines: 0)
    guard i < end else { return f }
    let b = base[i]
    if b == delimiter {
      f.terminator = .delimiter
      f.next = i + 1
    } else {
      f.terminator = .newline
      f.next = b == CSVParser.cr && i + 1 < end && base[i + 1] == CSVParser.lf ? i + 2 : i + 1
    }
    return f
  }

  /// Skips blank lines from `pos`; returns the new position and the lines skipped.
  @inline(__always)
  func skipBlankLines(from pos: Int) -> (pos: Int, lines: Int) {
    var pos = pos
    var lines = 0
    let end = buffer.count
    while pos < end {
      let b = buffer[pos]
      if b == CSVParser.lf {
        pos += 1
      } else if b == CSVParser.cr {
        pos += pos + 1 < end && buffer[pos + 1] == CSVParser.lf ? 2 : 1
      } else {
        break
      }
      lines += 1
    }
    return (pos, lines)
  }

  /// Un-doubles the quotes of a quoted field's content into `scratch`.
  func unescape(_ f: Field, into scratch: inout [UInt8]) {
    scratch.removeAll(keepingCapacity: true)
    var i = f.start
    while i < f.end {
      let b = buffer[i]
      scratch.append(b)
      i += b == CSVParser.quote ? 2 : 1
    }
  }

  /// Reads the header record at `pos`: names (empty names become `Unnamed: i`, as pandas),
  /// the position after it and the lines it spans.
  func header(at pos: Int, line: Int) throws -> (names: [String], next: Int, lines: Int) {
    var names: [String] = []
    var pos = pos
    var lines = 0
    var scratch: [UInt8] = []
    while true {
      let f = try field(at: pos, line: line + lines, field: names.count)
      var bytes: [UInt8]
      if f.hasEscapes {
        unescape(f, into: &scratch)
        bytes = scratch
      } else {
        bytes = Array(buffer[f.start..<f.end])
      }
      if !f.quoted && settings.trims {
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
      }
      guard let name = String(validating: bytes, as: UTF8.self) else {
        throw DataFrameError.malformedCSV(
          line: line + lines, column: names.count + 1, reason: "invalid UTF-8")
      }
      names.append(name.isEmpty ? "Unnamed: \(names.count)" : name)
      lines += f.newlines
      pos = f.next
      if f.terminator != .delimiter {
        if f.terminator == .newline { lines += 1 }
        break
      }
    }
    return (names, pos, lines)
  }

  /// Parses records from `pos` into `builders` until the end of the buffer or `maxRows`
  /// records; returns the position after the last record and the physical lines consumed.
  /// Records the start of each record in `rowStarts` when it is non-nil.
  func records(
    from start: Int, firstLine: Int, maxRows: Int, builders: inout [ColumnBuilder],
    rowStarts: inout [Int]?, progress: ((Int) -> Void)? = nil
  ) throws -> (next: Int, lines: Int, rows: Int) {
    let columnCount = builders.count
    let end = buffer.count
    var pos = start
    var line = firstLine
    var rows = 0
    var scratch: [UInt8] = []
    var nextReport = start + (1 << 25)
    let settings = self.settings
    guard let base = buffer.baseAddress else { return (start, 0, 0) }
    try builders.withUnsafeMutableBufferPointer { cols in
      while rows < maxRows {
        let skipped = skipBlankLines(from: pos)
        pos = skipped.pos
        line += skipped.lines
        guard pos < end else { break }
        if pos >= nextReport, let progress {
          progress(pos)
          nextReport = pos + (1 << 25)
        }
        rowStarts?.append(pos)
        var index = 0
        var endedByNewline = false
        while true {
          let f = try field(at: pos, line: line, field: index)
          guard index < columnCount else {
            throw DataFrameError.malformedCSV(
              line: line, column: index + 1,
              reason: "expected \(columnCount) fields, found more")
          }
          let length = f.end - f.start
          if !f.quoted && settings.isNA(base + f.start, length) {
            cols[index].appendNull()
          } else if f.hasEscapes {
            unescape(f, into: &scratch)
            let n = scratch.count
            try scratch.withUnsafeBufferPointer { s in
              guard let p = s.baseAddress else { return }
              try cols[index].append(
                p, n, quoted: true, line: line, field: index, settings: settings)
            }
          } else {
            try cols[index].append(
              base + f.start, length, quoted: f.quoted, line: line, field: index,
              settings: settings)
          }
          line += f.newlines
          index += 1
          pos = f.next
          if f.terminator != .delimiter {
            if f.terminator == .newline {
              line += 1
              endedByNewline = true
            }
            break
          }
        }
        guard index == columnCount else {
          throw DataFrameError.malformedCSV(
            line: endedByNewline ? line - 1 : line, column: index + 1,
            reason: "expected \(columnCount) fields, found \(index)")
        }
        rows += 1
      }
    }
    return (pos, line - firstLine, rows)
  }

  /// Re-reads the text of rows demoted to string (rows `0..<reparseUpTo` of each builder).
  func reparse(builders: inout [ColumnBuilder], rowStarts: [Int]) throws {
    let limit = builders.map(\.reparseUpTo).max() ?? 0
    guard limit > 0 else { return }
    var scratch: [UInt8] = []
    guard let base = buffer.baseAddress else { return }
    for row in 0..<Swift.min(limit, rowStarts.count) {
      var pos = rowStarts[row]
      for index in builders.indices {
        let f = try field(at: pos, line: 0, field: index)
        pos = f.next
        guard row < builders[index].reparseUpTo, !builders[index].isNull(row) else { continue }
        let text: String
        if f.hasEscapes {
          unescape(f, into: &scratch)
          text = try scratch.withUnsafeBufferPointer { s in
            guard let p = s.baseAddress else { return "" }
            return try builders[index].makeString(
              p, s.count, quoted: true, line: 0, field: index, settings)
          }
        } else {
          text = try builders[index].makeString(
            base + f.start, f.end - f.start, quoted: f.quoted, line: 0, field: index, settings)
        }
        builders[index].strings[row] = text
      }
    }
  }
}

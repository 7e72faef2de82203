/// Resolved reader settings shared by the column builders (module-internal).
struct CSVSettings: Sendable {
  let delimiter: UInt8
  /// NA tokens as bytes, and the longest one's length.
  let naTokens: [[UInt8]]
  let naMaxLength: Int
  /// Candidate date formats when inferring (the explicit one, or the ISO forms).
  let dateFormats: [DateFormat]
  let trims: Bool
  let categoricalThreshold: Double?

  init(_ options: CSVReadOptions) throws {
    delimiter = try options.delimiterByte()
    naTokens = options.naTokens.map { Array($0.utf8) }.sorted { $0.count < $1.count }
    naMaxLength = naTokens.map(\.count).max() ?? -1
    if let pattern = options.dateFormat {
      dateFormats = [try DateFormat(pattern)]
    } else {
      dateFormats = [
        DateFormat.isoDate, try DateFormat("yyyy-MM-dd HH:mm:ss"),
        try DateFormat("yyyy-MM-dd'T'HH:mm:ss"),
      ]
    }
    trims = options.trimsWhitespace
    if let t = options.categoricalThreshold, !(t >= 0 && t <= 1) {
      throw DataFrameError.invalidArgument(
        name: "categoricalThreshold", value: String(t), expected: "a fraction in [0, 1]")
    }
    categoricalThreshold = options.categoricalThreshold
  }

  @inline(__always)
  func isNA(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    guard n <= naMaxLength else { return false }
    for token in naTokens where token.count == n {
      var same = true
      for k in 0..<n where token[k] != p[k] {
        same = false
        break
      }
      if same { return true }
    }
    return false
  }
}

/// Accumulates one column's values while parsing, inferring its type (module-internal).
///
/// Inference order per column over every non-null value: int, then double (ints widen to
/// doubles exactly), else bool, else date, else string. A column demoted to string after
/// other rows parsed as numbers records `reparseUpTo`; the parser then re-reads those rows'
/// text.
struct ColumnBuilder {
  enum Kind: Equatable { case pending, int, double, bool, date, string }

  let name: String
  /// Whether the type is explicit (or frozen from an earlier chunk): failures throw.
  let isFixed: Bool
  let fixedType: ColumnType?
  private(set) var kind: Kind
  var ints: [Int] = []
  var doubles: [Double] = []
  var bools: [Bool] = []
  var strings: [String] = []
  var nullWords: [UInt64] = []
  var nullCount = 0
  private(set) var count = 0
  var dateFormat: DateFormat?
  /// Rows before this index hold placeholder strings and must be re-read from the text.
  var reparseUpTo = 0
  let expectedRows: Int

  init(name: String, type: ColumnType?, expectedRows: Int, dateFormat: DateFormat?) {
    self.name = name
    self.fixedType = type
    self.isFixed = type != nil
    self.expectedRows = expectedRows
    self.dateFormat = dateFormat
    switch type {
    case nil: kind = .pending
    case .double?: kind = .double
    case .int?: kind = .int
    case .bool?: kind = .bool
    case .date?: kind = .date
    case .string?, .categorical?: kind = .string
    }
    reserve()
  }

  private mutating func reserve() {
    switch kind {
    case .pending: break
    case .int: ints.reserveCapacity(expectedRows)
    case .double, .date: doubles.reserveCapacity(expectedRows)
    case .bool: bools.reserveCapacity(expectedRows)
    case .string: strings.reserveCapacity(expectedRows)
    }
  }

  @inline(__always)
  private mutating func markNull(_ row: Int) {
    let w = row >> 6
    while nullWords.count <= w { nullWords.append(0) }
    nullWords[w] |= UInt64(1) << UInt64(row & 63)
    nullCount += 1
  }

  @inline(__always)
  func isNull(_ row: Int) -> Bool {
    let w = row >> 6
    return w < nullWords.count && (nullWords[w] >> UInt64(row & 63)) & 1 == 1
  }

  /// Appends a null.
  @inline(__always)
  mutating func appendNull() {
    markNull(count)
    switch kind {
    case .pending: break
    case .int: ints.append(0)
    case .double: doubles.append(.nan)
    case .date: doubles.append(0)
    case .bool: bools.append(false)
    case .string: strings.append("")
    }
    count += 1
  }

  /// Appends the value spelled by `n` bytes at `p`; `line` is for errors.
  @inline(__always)
  mutating func append(
    _ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool, line: Int, field: Int,
    settings: CSVSettings
  ) throws {
    switch kind {
    case .double:
      if let v = NumberParsing.parseDouble(p, n) {
        doubles.append(v)
        count += 1
        return
      }
    case .int:
      if let v = NumberParsing.parseInt(p, n) {
        ints.append(v)
        count += 1
        return
      }
      if !isFixed, let v = NumberParsing.parseDouble(p, n) {
        widenToDouble()
        doubles.append(v)
        count += 1
        return
      }
    case .string:
      strings.append(try makeString(p, n, quoted: quoted, line: line, field: field, settings))
      count += 1
      return
    case .date:
      if let format = dateFormat,
        let v = format.parse(trimmedStart(p, n), count: trimmedCount(p, n))
      {
        doubles.append(v)
        count += 1
        return
      }
      // Inferred dates accept any of the candidate formats (ISO with or without a time).
      if !isFixed, let (_, v) = firstDate(p, n, settings) {
        doubles.append(v)
        count += 1
        return
      }
    case .bool:
      if let v = NumberParsing.parseBool(p, n) {
        bools.append(v)
        count += 1
        return
      }
    case .pending:
      try determine(p, n, quoted: quoted, line: line, field: field, settings: settings)
      return
    }
    if isFixed {
      throw DataFrameError.unparsableValue(
        line: line, column: name,
        value: String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self),
        expected: fixedType ?? .string)
    }
    demote()
    strings.append(try makeString(p, n, quoted: quoted, line: line, field: field, settings))
    count += 1
  }

  private func trimmedStart(_ p: UnsafePointer<UInt8>, _ n: Int) -> UnsafePointer<UInt8> {
    p + NumberParsing.trimmed(p, n).start
  }

  private func trimmedCount(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    let t = NumberParsing.trimmed(p, n)
    return t.end - t.start
  }

  /// Sets the kind from the first non-null value (earlier rows are nulls).
  private mutating func determine(
    _ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool, line: Int, field: Int,
    settings: CSVSettings
  ) throws {
    let earlier = count
    if let v = NumberParsing.parseInt(p, n) {
      kind = .int
      reserve()
      ints.append(contentsOf: repeatElement(0, count: earlier))
      ints.append(v)
    } else if let v = NumberParsing.parseDouble(p, n) {
      kind = .double
      reserve()
      doubles.append(contentsOf: repeatElement(.nan, count: earlier))
      doubles.append(v)
    } else if let v = NumberParsing.parseBool(p, n) {
      kind = .bool
      reserve()
      bools.append(contentsOf: repeatElement(false, count: earlier))
      bools.append(v)
    } else if let (format, v) = firstDate(p, n, settings) {
      kind = .date
      dateFormat = format
      reserve()
      doubles.append(contentsOf: repeatElement(0, count: earlier))
      doubles.append(v)
    } else {
      let s = try makeString(p, n, quoted: quoted, line: line, field: field, settings)
      kind = .string
      reserve()
      strings.append(contentsOf: repeatElement("", count: earlier))
      strings.append(s)
    }
    count += 1
  }

  private func firstDate(
    _ p: UnsafePointer<UInt8>, _ n: Int, _ settings: CSVSettings
  ) -> (DateFormat, Double)? {
    let start = trimmedStart(p, n)
    let length = trimmedCount(p, n)
    for format in settings.dateFormats {
      if let v = format.parse(start, count: length) { return (format, v) }
    }
    return nil
  }

  private mutating func widenToDouble() {
    var widened = [Double]()
    widened.reserveCapacity(Swift.max(expectedRows, ints.count + 1))
    for (i, v) in ints.enumerated() { widened.append(isNull(i) ? .nan : Double(v)) }
    doubles = widened
    ints = []
    kind = .double
  }

  /// Switches to string; earlier non-null rows must be re-read (``reparseUpTo``).
  private mutating func demote() {
    reparseUpTo = count
    ints = []
    doubles = []
    bools = []
    kind = .string
    strings.reserveCapacity(Swift.max(expectedRows, count + 1))
    strings.append(contentsOf: repeatElement("", count: count))
  }

  /// A String from UTF-8 bytes (validated), trimmed when the settings say so.
  @inline(__always)
  func makeString(
    _ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool, line: Int, field: Int,
    _ settings: CSVSettings
  ) throws -> String {
    var start = 0
    var end = n
    if settings.trims && !quoted {
      let t = NumberParsing.trimmed(p, n)
      start = t.start
      end = t.end
    }
    let buffer = UnsafeBufferPointer(start: p + start, count: end - start)
    var ascii = true
    for b in buffer where b >= 0x80 {
      ascii = false
      break
    }
    if ascii { return String(decoding: buffer, as: UTF8.self) }
    guard let s = String(validating: buffer, as: UTF8.self) else {
      throw DataFrameError.malformedCSV(line: line, column: field + 1, reason: "invalid UTF-8")
    }
    return s
  }

  /// The finished column.
  func build(settings: CSVSettings) -> Column {
    var mask: NullMask? = nil
    if nullCount > 0 { mask = NullMask(words: nullWords, count: count, nullCount: nullCount) }
    let storage: Column.Storage
    switch kind {
    case .pending: storage = .double([Double](repeating: .nan, count: count))
    case .int: storage = .int(ints)
    case .double: storage = .double(doubles)
    case .bool: storage = .bool(bools)
    case .date: storage = .date(doubles)
    case .string:
      if fixedType == .categorical {
        return Column.categorical(name: name, strings: strings, nulls: mask)
      }
      if !isFixed, let threshold = settings.categoricalThreshold {
        let distinct = Set(strings).count
        if Double(distinct) <= threshold * Double(Swift.max(1, count - nullCount)) {
          return Column.categorical(name: name, strings: strings, nulls: mask)
        }
      }
      storage = .string(strings)
    }
    return Column(name: name, storage: storage, nulls: mask)
  }
}

extension Column {
  /// A categorical column from strings with a null mask (null slots ignored).
  static func categorical(name: String, strings: [String], nulls: NullMask?) -> Column {
    var lookup: [String: Int32] = [:]
    for (i, s) in strings.enumerated() where !(nulls?[i] ?? false) && lookup[s] == nil {
      lookup[s] = 0
    }
    let levels = lookup.keys.sorted()
    for (i, level) in levels.enumerated() { lookup[level] = Int32(truncatingIfNeeded: i) }
    var codes = [Int32](repeating: -1, count: strings.count)
    for i in strings.indices where !(nulls?[i] ?? false) { codes[i] = lookup[strings[i]] ?? -1 }
    return Column(name: name, storage: .categorical(codes: codes, levels: levels), nulls: nulls)
  }
}

extension ColumnBuilder {
  /// Appends the rows of `other` (the same column read from the rest of the file), or returns
  /// false when the two inferred kinds cannot be combined without re-reading text (for example
  /// int and string); `self` is then unusable.
  ///
  /// Pending (all-null) halves take the other kind; int meets double as double.
  mutating func absorb(_ other: ColumnBuilder) -> Bool {
    var other = other
    if kind == .int && other.kind == .double { widenToDouble() }
    if kind == .double && other.kind == .int { other.widenToDouble() }
    if kind == .pending && other.kind != .pending { fillPlaceholders(as: other.kind) }
    if other.kind == .pending && kind != .pending { other.fillPlaceholders(as: kind) }
    if dateFormat == nil { dateFormat = other.dateFormat }
    guard kind == other.kind else { return false }
    switch kind {
    case .pending: break
    case .int: ints.append(contentsOf: other.ints)
    case .double, .date: doubles.append(contentsOf: other.doubles)
    case .bool: bools.append(contentsOf: other.bools)
    case .string: strings.append(contentsOf: other.strings)
    }
    if other.nullCount > 0 {
      let offset = count
      for (w, word) in other.nullWords.enumerated() where word != 0 {
        var bits = word
        while bits != 0 {
          let bit = bits.trailingZeroBitCount
          markNull(offset + w * 64 + bit)
          bits &= bits - 1
        }
      }
    }
    count += other.count
    return true
  }

  /// Gives an all-null (pending) builder the placeholders of `newKind`.
  private mutating func fillPlaceholders(as newKind: Kind) {
    kind = newKind
    switch newKind {
    case .pending: break
    case .int: ints = [Int](repeating: 0, count: count)
    case .double: doubles = [Double](repeating: .nan, count: count)
    case .date: doubles = [Double](repeating: 0, count: count)
    case .bool: bools = [Bool](repeating: false, count: count)
    case .string: strings = [String](repeating: "", count: count)
    }
  }
}

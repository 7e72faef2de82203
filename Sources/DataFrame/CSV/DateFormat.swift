import Foundation

/// A fixed numeric date pattern such as `yyyy-MM-dd` or `dd/MM/yyyy HH:mm:ss`, parsed and
/// printed without Foundation's `DateFormatter` (which is slow), always in UTC.
///
/// Fields: `yyyy` (4-digit year), `MM`/`M` (month, 2 or 1–2 digits), `dd`/`d` (day),
/// `HH`/`H` (hour 0–23), `mm` (minute), `ss` (second), `SSS` (milliseconds, 1–9 digits when
/// parsing); any other non-letter character, or text in single quotes (`'T'`), is a literal.
/// pandas: the `format=` of `pd.to_datetime` (`%Y-%m-%d` is `yyyy-MM-dd`).
public struct DateFormat: Sendable, Hashable, Codable, CustomStringConvertible {
  enum Token: Sendable, Hashable, Codable {
    case year
    case month(exact: Bool)
    case day(exact: Bool)
    case hour(exact: Bool)
    case minute, second, fraction
    case literal(UInt8)
  }

  /// The pattern as given.
  public let pattern: String
  let tokens: [Token]

  /// The ISO 8601 calendar date `yyyy-MM-dd`.
  public static let isoDate = DateFormat(validated: "yyyy-MM-dd")

  /// A format from a pattern.
  ///
  /// - Throws: `DataFrameError.invalidArgument` (name `"dateFormat"`) for an unknown field
  ///   letter, a non-ASCII literal, an unterminated quote or a pattern without a year.
  /// - Complexity: O(pattern length).
  public init(_ pattern: String) throws {
    guard let tokens = DateFormat.tokenize(pattern), tokens.contains(.year) else {
      throw DataFrameError.invalidArgument(
        name: "dateFormat", value: pattern,
        expected: "a pattern of yyyy, MM, dd, HH, mm, ss, SSS and literals")
    }
    self.pattern = pattern
    self.tokens = tokens
  }

  private init(validated pattern: String) {
    self.pattern = pattern
    self.tokens = DateFormat.tokenize(pattern) ?? []
  }

  /// The pattern.
  public var description: String { pattern }

  /// Decodes a format from its pattern string.
  ///
  /// - Throws: `DataFrameError.invalidArgument` for an invalid pattern; decoding errors.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    try self.init(try container.decode(String.self))
  }

  /// Encodes the pattern string.
  ///
  /// - Throws: encoding errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(pattern)
  }

  private static func tokenize(_ pattern: String) -> [Token]? {
    let bytes = Array(pattern.utf8)
    var tokens: [Token] = []
    var i = 0
    while i < bytes.count {
      let c = bytes[i]
      var run = 1
      while i + run < bytes.count && bytes[i + run] == c { run += 1 }
      switch (c, run) {
      case (UInt8(ascii: "y"), 4): tokens.append(.year)
      case (UInt8(ascii: "M"), 1), (UInt8(ascii: "M"), 2): tokens.append(.month(exact: run == 2))
      case (UInt8(ascii: "d"), 1), (UInt8(ascii: "d"), 2): tokens.append(.day(exact: run == 2))
      case (UInt8(ascii: "H"), 1), (UInt8(ascii: "H"), 2): tokens.append(.hour(exact: run == 2))
      case (UInt8(ascii: "m"), 2): tokens.append(.minute)
      case (UInt8(ascii: "s"), 2): tokens.append(.second)
      case (UInt8(ascii: "S"), 3): tokens.append(.fraction)
      case (UInt8(ascii: "'"), _):
        var j = i + 1
        while j < bytes.count && bytes[j] != UInt8(ascii: "'") {
          guard bytes[j] < 0x80 else { return nil }
          tokens.append(.literal(bytes[j]))
          j += 1
        }
        guard j < bytes.count else { return nil }
        i = j + 1
        continue
      default:
        let isLetter =
          (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
          || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
        guard !isLetter, c < 0x80 else { return nil }
        for _ in 0..<run { tokens.append(.literal(c)) }
      }
      i += run
    }
    return tokens
  }

  /// Parses `count` bytes at `p` into seconds since 1970 (UTC), or nil if they do not match.
  ///
  /// - Complexity: O(count).
  func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
    var i = 0
    var year = 0
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var fraction = 0.0
    @inline(__always) func digits(_ minCount: Int, _ maxCount: Int) -> Int? {
      var value = 0
      var n = 0
      while n < maxCount && i < count {
        let d = Int(p[i]) &- 48
        guard d >= 0 && d <= 9 else { break }
        value = value * 10 + d
        n += 1
        i += 1
      }
      return n >= minCount ? value : nil
    }
    for token in tokens {
      switch token {
      case .year:
        guard let v = digits(4, 4) else { return nil }
        year = v
      case let .month(exact):
        guard let v = digits(exact ? 2 : 1, 2) else { return nil }
        month = v
      case let .day(exact):
        guard let v = digits(exact ? 2 : 1, 2) else { return nil }
        day = v
      case let .hour(exact):
        guard let v = digits(exact ? 2 : 1, 2) else { return nil }
        hour = v
      case .minute:
        guard let v = digits(2, 2) else { return nil }
        minute = v
      case .second:
        guard let v = digits(2, 2) else { return nil }
        second = v
      case .fraction:
        let start = i
        guard let v = digits(1, 9) else { return nil }
        var scale = 1.0
        for _ in start..<i { scale *= 10 }
        fraction = Double(v) / scale
      case let .literal(c):
        guard i < count, p[i] == c else { return nil }
        i += 1
      }
    }
    guard i == count, month >= 1, month <= 12, day >= 1,
      day <= CivilTime.daysInMonth(year: year, month: month), hour <= 23, minute <= 59,
      second <= 59
    else { return nil }
    let days = CivilTime.days(year: year, month: month, day: day)
    return Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
  }

  /// Parses a string (UTC); nil if it does not match the pattern or names an invalid date.
  ///
  /// pandas: `pd.to_datetime(text, format=...)` (which raises instead of returning nil).
  /// - Complexity: O(text length).
  public func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return nil }
      return parse(base, count: buffer.count).map { Date(timeIntervalSince1970: $0) }
    }
  }

  /// Formats seconds since 1970 (UTC) with this pattern.
  func format(_ seconds: Double) -> String {
    guard let (days, secondOfDay) = CivilTime.split(seconds) else { return String(seconds) }
    let (year, month, day) = CivilTime.civil(days: days)
    let whole = Int(secondOfDay.rounded(.down))
    let millis = Int(((secondOfDay - Double(whole)) * 1000).rounded())
    var out: [UInt8] = []
    func put(_ v: Int, _ width: Int) {
      let s = String(v)
      if s.utf8.count < width { out += [UInt8](repeating: 48, count: width - s.utf8.count) }
      out += Array(s.utf8)
    }
    for token in tokens {
      switch token {
      case .year: put(year, 4)
      case let .month(exact): put(month, exact ? 2 : 1)
      case let .day(exact): put(day, exact ? 2 : 1)
      case let .hour(exact): put(whole / 3600, exact ? 2 : 1)
      case .minute: put(whole / 60 % 60, 2)
      case .second: put(whole % 60, 2)
      case .fraction: put(min(millis, 999), 3)
      case let .literal(c): out.append(c)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Formats a date with this pattern (UTC).
  ///
  /// pandas: `timestamp.strftime(format)`.
  /// - Complexity: O(pattern length).
  public func string(from date: Date) -> String { format(date.timeIntervalSince1970) }
}

/// Date text for display and CSV output when no format is set.
enum DateText {
  /// `yyyy-MM-dd` at midnight UTC, else `yyyy-MM-dd HH:mm:ss` (plus `.SSS` if fractional).
  static func format(_ seconds: Double, format: DateFormat?) -> String {
    if let format { return format.format(seconds) }
    guard let (_, secondOfDay) = CivilTime.split(seconds) else { return String(seconds) }
    if secondOfDay == 0 { return DateFormat.isoDate.format(seconds) }
    let pattern =
      secondOfDay == secondOfDay.rounded(.down)
      ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.SSS"
    return ((try? DateFormat(pattern)) ?? DateFormat.isoDate).format(seconds)
  }
}

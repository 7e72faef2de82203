/// Exact text-to-number conversion over raw bytes (module-internal), used by the CSV reader.
///
/// Integers: optional sign, ASCII digits, overflow-checked. Doubles: Clinger's fast path
/// (a decimal significand of at most 19 digits that fits 2^53 and a power of ten ≤ 22 is
/// exactly representable, so one IEEE multiply or divide rounds correctly); otherwise Swift's
/// correctly rounded `Double(String)`. Surrounding ASCII spaces and tabs are ignored, as by
/// pandas' C parser.
enum NumberParsing {
  /// Exact powers of ten 1e0...1e22.
  static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  @inline(__always)
  static func trimmed(_ p: UnsafePointer<UInt8>, _ count: Int) -> (start: Int, end: Int) {
    var start = 0
    var end = count
    while start < end && (p[start] == 0x20 || p[start] == 0x09) { start += 1 }
    while end > start && (p[end - 1] == 0x20 || p[end - 1] == 0x09) { end -= 1 }
    return (start, end)
  }

  /// The integer spelled by the bytes, or nil.
  @inline(__always)
  static func parseInt(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    var (i, end) = trimmed(p, count)
    guard i < end else { return nil }
    var negative = false
    if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
      negative = p[i] == UInt8(ascii: "-")
      i += 1
    }
    guard i < end else { return nil }
    var value: UInt64 = 0
    if end - i <= 18 {
      while i < end {
        let d = UInt64(p[i]) &- 48
        guard d <= 9 else { return nil }
        value = value &* 10 &+ d
        i += 1
      }
    } else {
      while i < end {
        let d = UInt64(p[i]) &- 48
        guard d <= 9 else { return nil }
        let (m, o1) = value.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(d)
        guard !o1 && !o2 else { return nil }
        value = s
        i += 1
      }
    }
    if negative {
      guard value <= UInt64(Int.max) + 1 else { return nil }
      return value == UInt64(Int.max) + 1 ? Int.min : -Int(value)
    }
    guard value <= UInt64(Int.max) else { return nil }
    return Int(value)
  }

  /// The double spelled by the bytes (decimal, optional exponent, or inf/infinity/nan in any
  /// case, signed), correctly rounded; nil if not a number.
  @inline(__always)
  static func parseDouble(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
    let (start, end) = trimmed(p, count)
    var i = start
    guard i < end else { return nil }
    var negative = false
    if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
      negative = p[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var digitCount = 0  // significant digits accumulated (leading zeros skipped)
    var anyDigit = false
    var exponent = 0
    var truncated = false
    while i < end {
      let d = UInt64(p[i]) &- 48
      guard d <= 9 else { break }
      anyDigit = true
      if mantissa == 0 && d == 0 {
      } else if digitCount < 19 {
        mantissa = mantissa &* 10 &+ d
        digitCount += 1
      } else {
        exponent += 1
        if d != 0 { truncated = true }
      }
      i += 1
    }
    if i < end && p[i] == UInt8(ascii: ".") {
      i += 1
      while i < end {
        let d = UInt64(p[i]) &- 48
        guard d <= 9 else { break }
        anyDigit = true
        if mantissa == 0 && d == 0 {
          exponent -= 1
        } else if digitCount < 19 {
          mantissa = mantissa &* 10 &+ d
          digitCount += 1
          exponent -= 1
        } else if d != 0 {
          truncated = true
        }
        i += 1
      }
    }
    guard anyDigit else { return special(p, start, end) }
    if i < end && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
      i += 1
      var expNegative = false
      if i < end && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
        expNegative = p[i] == UInt8(ascii: "-")
        i += 1
      }
      var e = 0
      var expDigits = 0
      while i < end {
        let d = Int(p[i]) &- 48
        guard d >= 0 && d <= 9 else { break }
        if e < 100_000 { e = e * 10 + d }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -e : e
    }
    guard i == end else { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if !truncated && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
      var value = Double(mantissa)
      value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
      return negative ? -value : value
    }
    let text = String(
      decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    return Double(text)
  }

  /// inf, infinity and nan (any case, optional sign); nil otherwise.
  private static func special(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    var i = start
    var negative = false
    if i < end && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
      negative = p[i] == UInt8(ascii: "-")
      i += 1
    }
    let n = end - i
    guard n == 3 || n == 8 else { return nil }
    var lower: [UInt8] = []
    for k in i..<end { lower.append(p[k] | 0x20) }
    if lower == Array("inf".utf8) || lower == Array("infinity".utf8) {
      return negative ? -.infinity : .infinity
    }
    if lower == Array("nan".utf8) { return .nan }
    return nil
  }

  /// true/false as pandas reads them (`true`, `True`, `TRUE`, `false`, `False`, `FALSE`).
  @inline(__always)
  static func parseBool(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool? {
    let (s, e) = trimmed(p, count)
    let n = e - s
    if n == 4 {
      let w = (p[s], p[s + 1], p[s + 2], p[s + 3])
      if w == (116, 114, 117, 101) || w == (84, 114, 117, 101) || w == (84, 82, 85, 69) {
        return true
      }
    } else if n == 5 {
      let w = (p[s], p[s + 1], p[s + 2], p[s + 3], p[s + 4])
      if w == (102, 97, 108, 115, 101) || w == (70, 97, 108, 115, 101)
        || w == (70, 65, 76, 83, 69)
      {
        return false
      }
    }
    return nil
  }
}

/// Proleptic Gregorian calendar arithmetic in UTC (module-internal), used by the CSV reader,
/// the writer and ``DataFrame/description``.
///
/// Days are counted from 1970-01-01 (Howard Hinnant's `days_from_civil` algorithm).
enum CivilTime {
  /// Days since 1970-01-01 of a calendar date (month 1–12, day 1–31; not range-checked).
  @inline(__always)
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The calendar date of a day count since 1970-01-01.
  static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The number of days in a month of a year.
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Split of seconds since 1970 into (days, seconds within the day).
  static func split(_ seconds: Double) -> (days: Int, secondOfDay: Double)? {
    guard seconds.isFinite, abs(seconds) < 1e15 else { return nil }
    let days = (seconds / 86_400).rounded(.down)
    return (Int(days), seconds - days * 86_400)
  }
}

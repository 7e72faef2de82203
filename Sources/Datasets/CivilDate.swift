import Foundation

// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01, UTC), used by
// makeChurn and ChurnTable.csv(). Pure integer arithmetic: no Calendar, no DateFormatter, no
// time zones, so results are identical on every machine.

/// The day number (days since 1970-01-01) of a calendar date.
func dayNumber(year: Int, month: Int, day: Int) -> Int {
  // Count years from March so the leap day is the last day of the counted year.
  let shiftedYear = month <= 2 ? year - 1 : year
  let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
  let yearOfEra = shiftedYear - era * 400
  let monthFromMarch = (month + 9) % 12
  let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
  let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/// The calendar date of a day number (days since 1970-01-01).
func calendarDate(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
  let z = dayNumber + 719_468
  let era = (z >= 0 ? z : z - 146_096) / 146_097
  let dayOfEra = z - era * 146_097
  let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
  let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
  let monthFromMarch = (5 * dayOfYear + 2) / 153
  let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
  let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return (year, month, day)
}

/// Midnight UTC of a day number.
func date(dayNumber: Int) -> Date {
  Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
}

/// The UTC day number of a date (the day it falls in).
func dayNumber(of date: Date) -> Int {
  let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
  guard days.isFinite, abs(days) < 1e12 else { return 0 }
  return Int(days)
}

/// `yyyy-MM-dd` (ISO 8601 calendar date, UTC).
func isoDateString(_ date: Date) -> String {
  let (year, month, day) = calendarDate(dayNumber: dayNumber(of: date))
  func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
  }
  return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
}

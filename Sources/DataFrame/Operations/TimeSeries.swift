// Date parts, day differences, shifts, rolling windows and cyclical encodings.

import Foundation

/// A calendar field of a date column (UTC), for ``DataFrame/datePart(_:of:as:)``.
///
/// pandas: the `Series.dt` accessors named by the raw values.
public enum DatePart: String, Sendable, Hashable, CaseIterable {
  /// Calendar year (int).
  case year
  /// Month 1...12 (int).
  case month
  /// Day of the month 1...31 (int).
  case day
  /// Day of the week, Monday = 0 ... Sunday = 6 (int; pandas `dt.weekday`).
  case weekday
  /// Quarter 1...4 (int).
  case quarter
  /// Day of the year 1...366 (int; pandas `dt.dayofyear`).
  case dayOfYear = "dayofyear"
  /// Saturday or Sunday (bool).
  case isWeekend = "is_weekend"
  /// First day of the month (bool; pandas `dt.is_month_start`).
  case isMonthStart = "is_month_start"
  /// Last day of the month (bool; pandas `dt.is_month_end`).
  case isMonthEnd = "is_month_end"
}

/// Rolling statistics for ``DataFrame/rolling(_:window:minPeriods:_:as:)``.
public enum RollingStatistic: String, Sendable, Hashable, CaseIterable {
  /// Mean of the window's non-null values.
  case mean
  /// Sample standard deviation (ddof 1).
  case std
  /// Minimum.
  case min
  /// Maximum.
  case max
  /// Sum.
  case sum
}

extension DataFrame {
  /// A calendar field of a date column, computed in UTC; nulls stay null.
  ///
  /// pandas: `df[name].dt.year`, `.dt.weekday`, `.dt.is_month_end`, ...
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` if the column is
  ///   not a date column.
  /// - Complexity: O(rows).
  public func datePart(_ part: DatePart, of name: String, as newName: String? = nil) throws
    -> Column
  {
    let c = try column(name)
    let seconds = try c.dateSeconds()
    let outName = newName ?? "\(name)_\(part.rawValue)"
    var ints = [Int?](repeating: nil, count: seconds.count)
    var bools = [Bool?](repeating: nil, count: seconds.count)
    for i in 0..<seconds.count where !c.isNull(i) {
      guard let split = CivilTime.split(seconds[i]) else { continue }
      let p = CalendarMath.parts(days: split.days)
      switch part {
      case .year: ints[i] = p.year
      case .month: ints[i] = p.month
      case .day: ints[i] = p.day
      case .weekday: ints[i] = p.weekday
      case .quarter: ints[i] = (p.month - 1) / 3 + 1
      case .dayOfYear: ints[i] = p.dayOfYear
      case .isWeekend: bools[i] = p.weekday >= 5
      case .isMonthStart: bools[i] = p.day == 1
      case .isMonthEnd: bools[i] = p.day == CalendarMath.daysInMonth(p.year, p.month)
      }
    }
    switch part {
    case .isWeekend, .isMonthStart, .isMonthEnd: return Column(outName, bools: bools)
    default: return Column(outName, ints: ints)
    }
  }

  /// Difference `end - start` in days (fractional) between two date columns; nulls
  /// propagate.
  ///
  /// pandas: `(df[end] - df[start]).dt.total_seconds() / 86400`.
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` if either is not a
  ///   date column.
  /// - Complexity: O(rows).
  public func dayDifference(from start: String, to end: String, as name: String) throws
    -> Column
  {
    let a = try column(start)
    let b = try column(end)
    let sa = try a.dateSeconds()
    let sb = try b.dateSeconds()
    var out = [Double?](repeating: nil, count: sa.count)
    for i in 0..<sa.count where !a.isNull(i) && !b.isNull(i) {
      out[i] = (sb[i] - sa[i]) / 86_400
    }
    return Column(name, doubles: out)
  }

  /// A column shifted by `periods` rows: positive lags (row i gets row i - periods), negative
  /// leads; rows shifted in from outside are null. The type is kept.
  ///
  /// pandas: `df[name].shift(periods)`.
  ///
  /// - Throws: `DataFrameError.unknownColumn`.
  /// - Complexity: O(rows).
  public func shift(_ name: String, periods: Int = 1, as newName: String? = nil) throws
    -> Column
  {
    let c = try column(name)
    let source = Window.shiftedSource(count: c.count, periods: periods)
    return c.gathering(optional: source).renamed(newName ?? name)
  }

  /// A rolling statistic over the `window` rows ending at each row; null where the window
  /// holds fewer than `minPeriods` non-null values.
  ///
  /// pandas: `df[name].rolling(window, min_periods=minPeriods).mean()` (and `std`, `min`,
  /// `max`, `sum`); `minPeriods` defaults to `window`, as in pandas.
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-numeric
  ///   column; `DataFrameError.invalidArgument` if `window < 1` or `minPeriods` is outside
  ///   `0...window`.
  /// - Complexity: O(rows · window) for windows up to 64 rows (each window summed directly),
  ///   O(rows) above (running compensated sums, Welford updates for `std`, a monotonic deque
  ///   for `min`/`max`).
  public func rolling(
    _ name: String, window: Int, minPeriods: Int? = nil, _ statistic: RollingStatistic,
    as newName: String? = nil
  ) throws -> Column {
    guard window >= 1 else {
      throw DataFrameError.invalidArgument(name: "window", value: "\(window)", expected: ">= 1")
    }
    let minimum = minPeriods ?? window
    guard minimum >= 0 && minimum <= window else {
      throw DataFrameError.invalidArgument(
        name: "minPeriods", value: "\(minimum)", expected: "0...\(window)")
    }
    let x = try column(name).numericWithNaN(for: "rolling")
    let stat: Window.Statistic
    switch statistic {
    case .mean: stat = .mean
    case .std: stat = .std
    case .min: stat = .min
    case .max: stat = .max
    case .sum: stat = .sum
    }
    let r = Window.rolling(x, window: window, minPeriods: minimum, stat)
    return Column(
      newName ?? "\(name)_rolling_\(statistic.rawValue)",
      doubles: r.map {
        $0.isNaN ? nil : $0
      })
  }

  /// Encodes a periodic numeric column (hour, month, weekday...) as `sin(2πx/period)` and
  /// `cos(2πx/period)` columns named `<name>_sin` and `<name>_cos`; nulls stay null.
  ///
  /// No pandas equivalent (the usual two-line NumPy idiom).
  ///
  /// - Throws: `DataFrameError.unknownColumn`; `DataFrameError.wrongType` for a non-numeric
  ///   column; `DataFrameError.invalidArgument` if `period` is not positive and finite.
  /// - Complexity: O(rows).
  public func cyclicalEncoding(_ name: String, period: Double) throws -> (sin: Column, cos: Column)
  {
    guard period > 0, period.isFinite else {
      throw DataFrameError.invalidArgument(
        name: "period", value: "\(period)", expected: "a positive finite number")
    }
    let x = try column(name).numericWithNaN(for: "cyclicalEncoding")
    let angle = x.map { $0.isNaN ? nil : 2 * Double.pi * $0 / period }
    return (
      Column("\(name)_sin", doubles: angle.map { $0.map(Foundation.sin) }),
      Column("\(name)_cos", doubles: angle.map { $0.map(Foundation.cos) })
    )
  }
}

// Rolling-window and shift kernels over values with a null mask (NaN = null).

/// Rolling statistics the way pandas computes `Series.rolling(window, min_periods)`: the
/// window ends at the current row; a window with fewer than `minPeriods` non-null values gives
/// null.
enum Window {
  enum Statistic {
    case mean, std, min, max, sum
  }

  /// Windows up to this size are recomputed directly at every row (no drift from running
  /// updates); larger ones use O(1) updates per row.
  static let directWindowLimit = 64

  /// One value per row, NaN where the result is null.
  static func rolling(_ x: [Double], window: Int, minPeriods: Int, _ stat: Statistic) -> [Double] {
    if window > directWindowLimit {
      return stat == .min || stat == .max
        ? runningExtreme(x, window: window, minPeriods: minPeriods, isMax: stat == .max)
        : runningMoments(x, window: window, minPeriods: minPeriods, stat)
    }
    return direct(x, window: window, minPeriods: minPeriods, stat)
  }

  /// Each window summed directly.
  static func direct(_ x: [Double], window: Int, minPeriods: Int, _ stat: Statistic) -> [Double] {
    let n = x.count
    var out = [Double](repeating: .nan, count: n)
    var buffer: [Double] = []
    buffer.reserveCapacity(window)
    for i in 0..<n {
      buffer.removeAll(keepingCapacity: true)
      let start = max(0, i - window + 1)
      for j in start...i where !x[j].isNaN { buffer.append(x[j]) }
      let count = buffer.count
      guard count >= minPeriods, count > 0 else { continue }
      switch stat {
      case .mean: out[i] = Descriptive.pairwiseSum(buffer) / Double(count)
      case .sum: out[i] = Descriptive.pairwiseSum(buffer)
      case .std: out[i] = Descriptive.std(buffer, ddof: 1)
      case .min: out[i] = buffer.min() ?? .nan
      case .max: out[i] = buffer.max() ?? .nan
      }
    }
    return out
  }

  /// Mean, sum and std with running updates: a compensated (Neumaier) sum for mean and sum,
  /// Welford add/remove updates for the variance (pandas' `roll_var` scheme).
  static func runningMoments(_ x: [Double], window: Int, minPeriods: Int, _ stat: Statistic)
    -> [Double]
  {
    let n = x.count
    var out = [Double](repeating: .nan, count: n)
    var count = 0
    var sum = 0.0
    var compensation = 0.0
    var mean = 0.0
    var ssq = 0.0
    func addToSum(_ v: Double) {
      let t = sum + v
      if abs(sum) >= abs(v) {
        compensation += (sum - t) + v
      } else {
        compensation += (v - t) + sum
      }
      sum = t
    }
    for i in 0..<n {
      let v = x[i]
      if !v.isNaN {
        count += 1
        addToSum(v)
        let delta = v - mean
        mean += delta / Double(count)
        ssq += delta * (v - mean)
      }
      let leaving = i - window
      if leaving >= 0 && !x[leaving].isNaN {
        let u = x[leaving]
        count -= 1
        addToSum(-u)
        if count > 0 {
          let delta = u - mean
          mean -= delta / Double(count)
          ssq -= delta * (u - mean)
        } else {
          mean = 0
          ssq = 0
        }
      }
      guard count >= minPeriods, count > 0 else { continue }
      switch stat {
      case .sum: out[i] = sum + compensation
      case .mean: out[i] = (sum + compensation) / Double(count)
      default: out[i] = count > 1 ? (max(ssq, 0) / Double(count - 1)).squareRoot() : .nan
      }
    }
    return out
  }

  /// Rolling minimum or maximum with a monotonic deque of row indices.
  static func runningExtreme(_ x: [Double], window: Int, minPeriods: Int, isMax: Bool)
    -> [Double]
  {
    let n = x.count
    var out = [Double](repeating: .nan, count: n)
    var deque = [Int](repeating: 0, count: n)
    var head = 0
    var tail = 0
    var count = 0
    for i in 0..<n {
      let v = x[i]
      if !v.isNaN {
        count += 1
        while tail > head && (isMax ? x[deque[tail - 1]] <= v : x[deque[tail - 1]] >= v) {
          tail -= 1
        }
        deque[tail] = i
        tail += 1
      }
      let leaving = i - window
      if leaving >= 0 && !x[leaving].isNaN { count -= 1 }
      while tail > head && deque[head] <= leaving { head += 1 }
      if count >= minPeriods && count > 0 && tail > head { out[i] = x[deque[head]] }
    }
    return out
  }

  /// Source row for each output row after shifting by `periods` (positive = lag, negative =
  /// lead); nil where the shifted row falls outside the frame.
  static func shiftedSource(count n: Int, periods: Int) -> [Int?] {
    (0..<n).map { i in
      let (src, overflow) = i.subtractingReportingOverflow(periods)
      return !overflow && src >= 0 && src < n ? src : nil
    }
  }
}

/// Binning kernels for `cut` / `qcut`.
enum Binning {
  /// Bin code of each value for sorted `edges` (pandas `cut` semantics): right-closed bins
  /// `(e[i], e[i+1]]` when `right`, else left-closed `[e[i], e[i+1])`; `includeLowest` also
  /// admits a value equal to the first edge (right-closed) or the last (left-closed).
  /// Nulls and values outside the edges get -1.
  static func codes(_ x: [Double], edges: [Double], right: Bool, includeLowest: Bool) -> [Int] {
    let bins = edges.count - 1
    guard bins >= 1 else { return [Int](repeating: -1, count: x.count) }
    return x.map { v -> Int in
      if v.isNaN { return -1 }
      // searchsorted(edges, v, side: right ? "left" : "right")
      var lo = 0
      var hi = edges.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if right ? edges[mid] < v : edges[mid] <= v { lo = mid + 1 } else { hi = mid }
      }
      var code = lo - 1
      if includeLowest {
        if right && v == edges[0] { code = 0 }
        if !right && v == edges[bins] { code = bins - 1 }
      }
      return code >= 0 && code < bins ? code : -1
    }
  }

  /// Interval labels like pandas prints them, e.g. `(0.0, 5.0]`.
  static func labels(edges: [Double], right: Bool) -> [String] {
    guard edges.count >= 2 else { return [] }
    return (0..<(edges.count - 1)).map { i in
      right ? "(\(edges[i]), \(edges[i + 1])]" : "[\(edges[i]), \(edges[i + 1]))"
    }
  }
}

/// Calendar arithmetic on seconds since 1970-01-01T00:00:00Z (proleptic Gregorian, UTC).
enum CalendarMath {
  struct Parts {
    var year: Int
    var month: Int
    var day: Int
    var weekday: Int
    var dayOfYear: Int
  }

  static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  static func daysInMonth(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Civil date from days since 1970-01-01 (H. Hinnant's days-from-civil inverse).
  static func parts(days z0: Int) -> Parts {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    var weekday = (z0 + 3) % 7  // 1970-01-01 was a Thursday (Monday = 0)
    if weekday < 0 { weekday += 7 }
    let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    let dayOfYear = cumulative[m - 1] + d + (m > 2 && isLeap(y) ? 1 : 0)
    return Parts(year: y, month: m, day: d, weekday: weekday, dayOfYear: dayOfYear)
  }
}

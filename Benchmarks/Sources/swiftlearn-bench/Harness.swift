// The measuring harness: the clock, the black hole, errors and the JSON record of one run.

/// Errors the harness reports instead of trapping.
enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  case data(path: String, reason: String)
  case check(benchmark: String, reason: String)

  var description: String {
    switch self {
    case let .usage(message): return "usage error: \(message)"
    case let .data(path, reason): return "data file \(path): \(reason)"
    case let .check(benchmark, reason): return "\(benchmark): result check failed: \(reason)"
    }
  }
}

/// Keeps `value` alive and observable so the optimizer cannot drop the work that made it.
@inline(never) @_optimize(none)
func blackHole<T>(_ value: T) {}

/// The clock every benchmark uses (monotonic, includes time spent blocked).
let benchClock = ContinuousClock()

extension Duration {
  /// The duration in seconds as a `Double`.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}

/// One value of a JSON record.
enum JSONValue {
  case string(String)
  case int(Int)
  /// A number; non-finite values and `nil` print as `null`.
  case number(Double?)

  var text: String {
    switch self {
    case let .string(s): return JSONValue.quote(s)
    case let .int(i): return String(i)
    case let .number(value):
      guard let value, value.isFinite else { return "null" }
      return "\(value)"  // shortest round-trip form, e.g. 0.25 or 1e-05: valid JSON
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// One timed repeat of one benchmark: printed as one JSON line.
///
/// Required keys: lib, estimator, dataset, n, d, fit_s, predict_s, metric_name, metric.
struct Measurement {
  var estimator: String
  var dataset: String
  var n: Int
  var d: Int
  /// Seconds of `fit` (or of the single timed operation, e.g. one `dgemm`).
  var fitSeconds: Double
  /// Seconds of `predict` / `transform`; `nil` when the benchmark has no second phase.
  var predictSeconds: Double?
  var metricName: String
  var metric: Double
  var repeatIndex: Int
  var threads: Int
  /// Benchmark-specific extra keys, printed after the standard ones.
  var extra: [(String, JSONValue)] = []

  var jsonLine: String {
    var fields: [(String, JSONValue)] = [
      ("lib", .string("swiftlearn")),
      ("estimator", .string(estimator)),
      ("dataset", .string(dataset)),
      ("n", .int(n)),
      ("d", .int(d)),
      ("fit_s", .number(fitSeconds)),
      ("predict_s", .number(predictSeconds)),
      ("metric_name", .string(metricName)),
      ("metric", .number(metric)),
      ("repeat", .int(repeatIndex)),
      ("threads", .int(threads)),
    ]
    fields += extra
    let body = fields.map { "\(JSONValue.quote($0.0)):\($0.1.text)" }.joined(separator: ",")
    return "{" + body + "}"
  }
}

/// Runs `body` `warmup + repeats` times, printing the measurements of the last `repeats` runs.
///
/// `body` receives the repeat index (negative for warm-up runs) and returns the measurement;
/// it times its own phases, so data preparation and checks stay outside the clock.
func runRepeats(
  warmup: Int, repeats: Int, _ body: (_ repeatIndex: Int) throws -> Measurement
) throws {
  for k in (-warmup)..<repeats {
    let measurement = try body(k)
    if k >= 0 { print(measurement.jsonLine) }
  }
}

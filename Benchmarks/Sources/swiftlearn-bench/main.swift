// swiftlearn-bench: runs one named SwiftLearn benchmark and prints one JSON line per repeat.
//
//   swiftlearn-bench --list
//   swiftlearn-bench --info
//   swiftlearn-bench --bench dgemm --n 2000 --repeats 5
//   swiftlearn-bench --bench linear_regression --data Benchmarks/data/regression_100000x50.bin
//
// Build with `swift build -c release --package-path Benchmarks`; see Benchmarks/README.md.
import SwiftLearn

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

let usage = """
  usage: swiftlearn-bench --list
         swiftlearn-bench --info
         swiftlearn-bench --bench NAME [--n N] [--data FILE] [--dataset NAME]
                          [--repeats R] [--warmup W] [--threads T]

    --list         the benchmarks and their inputs
    --info         OpenBLAS build configuration and thread count, as one JSON line
    --bench NAME   the benchmark to run
    --n N          size of generated inputs (dgemm: the matrix order)
    --data FILE    a data file (format: Benchmarks/README.md)
    --dataset NAME the data-set name printed in the output (default: FILE without .bin)
    --repeats R    timed repeats, one JSON line each (default 5)
    --warmup W     untimed runs before the repeats (default 1)
    --threads T    OpenBLAS threads (default: OPENBLAS_NUM_THREADS, else all cores)
  """

/// Parses the arguments by hand (no ArgumentParser dependency).
func parseOptions(_ arguments: [String]) throws -> Options {
  var options = Options()
  var rest = arguments[...]
  func value(_ flag: String) throws -> String {
    guard let next = rest.popFirst() else { throw BenchError.usage("\(flag) needs a value") }
    return next
  }
  func integer(_ flag: String, atLeast minimum: Int) throws -> Int {
    let text = try value(flag)
    guard let number = Int(text), number >= minimum else {
      throw BenchError.usage("\(flag) \(text): expected an integer >= \(minimum)")
    }
    return number
  }
  while let flag = rest.popFirst() {
    switch flag {
    case "--list": options.list = true
    case "--info": options.info = true
    case "--bench": options.bench = try value(flag)
    case "--n": options.n = try integer(flag, atLeast: 1)
    case "--data": options.data = try value(flag)
    case "--dataset": options.dataset = try value(flag)
    case "--repeats": options.repeats = try integer(flag, atLeast: 1)
    case "--warmup": options.warmup = try integer(flag, atLeast: 0)
    case "--threads": options.threads = try integer(flag, atLeast: 1)
    case "-h", "--help":
      print(usage)
      exit(0)
    default: throw BenchError.usage("unknown argument \(flag)")
    }
  }
  return options
}

/// OpenBLAS's `openblas_get_config()` / `openblas_get_corename()`, looked up at run time so the
/// harness needs no C headers (the library's CBLAS module is internal to it).
func openBLASString(_ symbol: String) -> String? {
  typealias Getter = @convention(c) () -> UnsafePointer<CChar>?
  guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, symbol) else {
    return nil
  }
  let getter = unsafeBitCast(address, to: Getter.self)
  return getter().map { String(cString: $0) }
}

func printInfo() {
  var fields: [(String, JSONValue)] = [("lib", .string("swiftlearn"))]
  if let config = openBLASString("openblas_get_config") {
    fields.append(("openblas_config", .string(config)))
  }
  if let core = openBLASString("openblas_get_corename") {
    fields.append(("openblas_corename", .string(core)))
  }
  fields.append(("threads", .int(BLASThreads.count)))
  let body = fields.map { "\(JSONValue.quote($0.0)):\($0.1.text)" }.joined(separator: ",")
  print("{" + body + "}")
}

/// Writes `message` and a newline to standard error (file descriptor 2).
func printError(_ message: String) {
  var text = message + "\n"
  text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

func runMain() -> Int32 {
  do {
    let options = try parseOptions(Array(CommandLine.arguments.dropFirst()))
    if let threads = options.threads { BLASThreads.set(threads) }
    if options.list {
      for benchmark in allBenchmarks {
        print("\(benchmark.name)\t\(benchmark.input)\t\(benchmark.summary)")
      }
      return 0
    }
    if options.info {
      printInfo()
      return 0
    }
    guard let name = options.bench else {
      throw BenchError.usage("give --bench, --list or --info")
    }
    guard let benchmark = allBenchmarks.first(where: { $0.name == name }) else {
      let names = allBenchmarks.map(\.name).joined(separator: ", ")
      throw BenchError.usage("unknown benchmark \(name); known: \(names)")
    }
    try benchmark.run(options)
    return 0
  } catch let error as BenchError {
    printError("swiftlearn-bench: \(error)")
    if case .usage = error { printError(usage) }
    return 2
  } catch {
    printError("swiftlearn-bench: \(error)")
    return 1
  }
}

exit(runMain())

import Dispatch
import Foundation

/// Runs independent units of work on a bounded number of threads.
///
/// Every unit writes only its own output, so the result is the same whatever the thread count:
/// parallelism changes the speed, never the numbers.
enum ParallelLoop {
  /// The processor count, the default thread budget.
  static var processorCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Runs `body(0)`, …, `body(count − 1)` on up to `threads` threads (all processors when
  /// `nil`); serially when one thread or one unit.
  static func run(count: Int, threads: Int? = nil, _ body: (Int) -> Void) {
    guard count > 0 else { return }
    let budget = min(count, max(1, threads ?? processorCount))
    if budget == 1 {
      for unit in 0..<count { body(unit) }
      return
    }
    withoutActuallyEscaping(body) { escapable in
      let box = UncheckedBox(escapable)
      DispatchQueue.concurrentPerform(iterations: budget) { worker in
        var unit = worker
        while unit < count {
          box.value(unit)
          unit += budget
        }
      }
    }
  }

  /// Splits `0..<count` into at most `parts` contiguous ranges of near-equal size.
  static func ranges(count: Int, parts: Int) -> [Range<Int>] {
    let k = max(1, min(parts, count))
    return (0..<k).map { (count * $0 / k)..<(count * ($0 + 1) / k) }
  }
}

/// Wraps a non-`Sendable` value that is only read concurrently.
struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

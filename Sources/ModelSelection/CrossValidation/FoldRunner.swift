import Foundation
import LinearAlgebra

/// Runs `count` independent units, serially or with `DispatchQueue.concurrentPerform`, into
/// pre-sized slots, so the output does not depend on the order units finish.
enum FoldRunner {
  /// Mutable slots written by index from several threads; each index is written once.
  final class Slots<Output>: @unchecked Sendable {
    private var values: [Result<Output, any Error>?]
    private let lock = NSLock()
    private var completed = 0

    init(count: Int) { values = Array(repeating: nil, count: count) }

    /// Stores unit `index`'s result and reports the number of completed units, both under
    /// one lock so reports arrive in increasing order (the array is tiny: one slot per fold).
    func store(
      _ result: Result<Output, any Error>, at index: Int, report: ((Int) -> Void)?
    ) {
      lock.lock()
      defer { lock.unlock() }
      values[index] = result
      completed += 1
      report?(completed)
    }

    func results() -> [Result<Output, any Error>?] {
      lock.lock()
      defer { lock.unlock() }
      return values
    }
  }

  /// Runs `body(0..<count)`; the first error by unit index is rethrown; cancellation throws
  /// `CancellationError`. `progress(completed, total)` is called once per finished unit, on
  /// the worker thread, serialized by a lock, with `completed` increasing.
  static func run<Output>(
    count: Int, parallel: Bool, progress: (@Sendable (Int, Int) -> Void)?,
    cancellation: CancellationToken?, body: @escaping @Sendable (Int) throws -> Output
  ) throws -> [Output] {
    let slots = Slots<Output>(count: count)
    let work: @Sendable (Int) -> Void = { index in
      if cancellation?.isCancelled == true { return }
      let result = Result { try body(index) }
      slots.store(result, at: index, report: progress.map { report in { report($0, count) } })
    }
    // Each fold's BLAS calls run single-threaded in both modes: OpenBLAS threads would compete
    // with ours, and BLAS results can differ in the last bit between thread counts, so the same
    // setting everywhere keeps parallel and serial runs bit-identical.
    BLASThreads.withSingleThread {
      if parallel && count > 1 {
        DispatchQueue.concurrentPerform(iterations: count, execute: work)
      } else {
        for index in 0..<count { work(index) }
      }
    }
    var outputs: [Output] = []
    outputs.reserveCapacity(count)
    for slot in slots.results() {
      switch slot {
      case .success(let value)?: outputs.append(value)
      case .failure(let error)?: throw error
      case nil: throw CancellationError()
      }
    }
    return outputs
  }
}

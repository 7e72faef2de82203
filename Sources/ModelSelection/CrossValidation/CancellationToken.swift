import Foundation

/// A thread-safe flag that asks a long-running model-selection call to stop early.
///
/// Pass one to `crossValScore`, `crossValidate` or `crossValPredict` and call ``cancel()``
/// from any thread (a UI button, a time-out); folds that have not started are skipped and the
/// call throws Swift's `CancellationError`. Folds already running finish first, so
/// cancellation takes effect within one fold's time. A token stays cancelled once cancelled;
/// use a new token for the next call.
///
/// scikit-learn has no equivalent (joblib work is interrupted with Ctrl-C).
///
///     let token = CancellationToken()
///     DispatchQueue.global().asyncAfter(deadline: .now() + 10) { token.cancel() }
///     let scores = try crossValScore(model, x, y, cancellation: token)
public final class CancellationToken: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false

  /// Creates a token that is not cancelled.
  public init() {}

  /// Requests cancellation. Safe to call from any thread, any number of times.
  ///
  /// - Complexity: O(1).
  public func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
  }

  /// Whether ``cancel()`` has been called.
  ///
  /// - Complexity: O(1).
  public var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }
}

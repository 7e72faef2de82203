/// One hyperparameter of an estimator, addressed by a writable key path and shown under a
/// display name.
///
/// Searches (`GridSearch`, `RandomizedSearch`, ...) and validation curves take these instead of
/// scikit-learn's `"step__param"` strings: the compiler checks that the parameter exists and
/// that candidate values have its type, and the key path reaches through pipelines and
/// column transformers (`\Pipeline<StandardScaler, Ridge>.last.alpha`).
///
///     let alpha = HyperparameterPath(\Pipeline<StandardScaler, Ridge>.last.alpha, name: "ridge.alpha")
///     var candidate = pipeline
///     candidate = alpha.setting(0.1, in: candidate)
public struct HyperparameterPath<Root, Value>: @unchecked Sendable {
  // Key paths are immutable values; `@unchecked` only because `WritableKeyPath` is not
  // declared `Sendable` for every `Root`/`Value`.

  /// The key path to the hyperparameter.
  public let keyPath: WritableKeyPath<Root, Value>
  /// The name shown in results tables and reports (for example `"ridge.alpha"`).
  public let name: String

  /// Addresses `keyPath` under `name`.
  public init(_ keyPath: WritableKeyPath<Root, Value>, name: String) {
    self.keyPath = keyPath
    self.name = name
  }

  /// The hyperparameter's value in `root`.
  public func value(in root: Root) -> Value { root[keyPath: keyPath] }

  /// A copy of `root` with the hyperparameter set to `value`.
  public func setting(_ value: Value, in root: Root) -> Root {
    var copy = root
    copy[keyPath: keyPath] = value
    return copy
  }
}

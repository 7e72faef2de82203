import SwiftLearn
import Testing

/// One public estimator and the common checks it runs.
public struct RegistryEntry: Sendable, CustomStringConvertible {
  /// The public type name, as declared in `Sources/`.
  public let name: String
  /// Runs every common check that applies.
  public let run: @Sendable () throws -> Void

  public var description: String { name }
}

/// Every public estimator, transformer and pipeline in SwiftLearn.
///
/// Swift cannot enumerate types at run time the way scikit-learn's `all_estimators()` does, so
/// the list is written out, and `RegistryCompletenessTests` fails when a public estimator type
/// in `Sources/` is missing from it. A new estimator adds one entry here.
public enum Registry {
  public static let entries: [RegistryEntry] = [
    RegistryEntry(name: "StandardScaler") {
      try checkTransformer(
        StandardScaler(), changed: (StandardScaler(withMean: false), "withMean: false"))
    },
    RegistryEntry(name: "LinearRegression") {
      try checkRegressor(
        LinearRegression(), changed: (LinearRegression(fitIntercept: false), "fitIntercept: false"),
        invalid: [
          InvalidSetting("tol", LinearRegression(tol: -1)),
          InvalidSetting("tol", LinearRegression(tol: .nan)),
        ])
      try checkSampleWeights(LinearRegression())
    },
    RegistryEntry(name: "DummyClassifier") {
      try checkClassifier(
        DummyClassifier<Int>(), stringLabelled: DummyClassifier<String>(),
        changed: (DummyClassifier(strategy: .uniform, seed: 3), "strategy: .uniform"),
        invalid: [InvalidSetting("constant", DummyClassifier(strategy: .constant))],
        minimumAccuracy: 0.3)
    },
    RegistryEntry(name: "Pipeline") {
      typealias Scaled = Pipeline<StandardScaler, LinearRegression>
      try checkRegressor(
        Scaled(),
        changed: (Scaled(StandardScaler(withStd: false), LinearRegression()), "withStd: false"),
        invalid: [InvalidSetting("tol", Scaled(StandardScaler(), LinearRegression(tol: -2)))])
      try checkSampleWeights(Scaled())
      typealias Chained = Pipeline<StandardScaler, StandardScaler>
      try checkTransformer(
        Chained(),
        changed: (Chained(StandardScaler(), StandardScaler(withMean: false)), "withMean: false"))
    },
  ]

  /// The names in ``entries``.
  public static var names: Set<String> { Set(entries.map(\.name)) }
}

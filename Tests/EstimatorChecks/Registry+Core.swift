import SwiftLearn
import Testing

extension Registry {
  /// The foundation: StandardScaler and the typed Pipeline.
  static let coreEntries: [RegistryEntry] = [
    RegistryEntry(name: "StandardScaler") {
      try checkTransformer(
        StandardScaler(), changed: (StandardScaler(withMean: false), "withMean: false"))
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
}

import SwiftLearn
import Testing

extension Registry {
  /// Feature construction and decomposition (issue 4, items 4 and 7).
  static let decompositionEntries: [RegistryEntry] = [
    RegistryEntry(name: "PolynomialFeatures") {
      try checkTransformer(
        PolynomialFeatures(),
        changed: (PolynomialFeatures(degree: 3, interactionOnly: true), "interactionOnly: true"))
    },
    RegistryEntry(name: "PowerTransformer") {
      try checkTransformer(
        PowerTransformer(), changed: (PowerTransformer(standardize: false), "standardize: false"))
    },
    RegistryEntry(name: "QuantileTransformer") {
      try checkTransformer(
        QuantileTransformer(),
        changed: (QuantileTransformer(outputDistribution: .normal), "outputDistribution: .normal"))
    },
    RegistryEntry(name: "KBinsDiscretizer") {
      try checkTransformer(
        KBinsDiscretizer(), changed: (KBinsDiscretizer(encode: .ordinal), "encode: .ordinal"))
      try checkTransformer(
        KBinsDiscretizer(encode: .ordinal, strategy: .kmeans),
        changed: (KBinsDiscretizer(binCount: 3), "binCount: 3"))
    },
    RegistryEntry(name: "FunctionTransformer") {
      try checkTransformer(
        FunctionTransformer(), changed: (FunctionTransformer(.builtin(.log1p)), "function: log1p"))
    },
    RegistryEntry(name: "SplineTransformer") {
      try checkTransformer(
        SplineTransformer(), changed: (SplineTransformer(degree: 2), "degree: 2"))
      try checkTransformer(
        SplineTransformer(extrapolation: .periodic, includeBias: false),
        changed: (SplineTransformer(knotCount: 4), "knotCount: 4"))
    },
    RegistryEntry(name: "PCA") {
      try checkTransformer(PCA(), changed: (PCA(whiten: true), "whiten: true"))
      try checkTransformer(
        PCA(componentCount: 2, solver: .full), changed: (PCA(componentCount: 2), "count(2)"))
      try checkTransformer(
        PCA(componentCount: 2, solver: .randomized, seed: 3),
        changed: (PCA(solver: .randomized), "solver: .randomized"))
    },
    RegistryEntry(name: "TruncatedSVD") {
      try checkTransformer(
        TruncatedSVD(seed: 0), changed: (TruncatedSVD(componentCount: 3), "componentCount: 3"))
      try checkTransformer(
        TruncatedSVD(algorithm: .arpack), changed: (TruncatedSVD(algorithm: .arpack), "arpack"))
    },
  ]
}

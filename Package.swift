// swift-tools-version:6.0
// SwiftLearn: a scikit-learn-class machine-learning SDK for Swift on Linux.
//
// Layers (a module imports only modules listed above it; see Docs/Architecture.md):
//   CBLAS → LinearAlgebra → DataFrame → SwiftLearnCore → Metrics → Preprocessing → Pipeline
//   → Estimators → ModelSelection → Datasets → SwiftLearn (umbrella, re-exports only)
import PackageDescription

let package = Package(
  name: "SwiftLearn",
  products: [
    .library(name: "SwiftLearn", targets: ["SwiftLearn"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "DataFrame", targets: ["DataFrame"]),
    .library(name: "SwiftLearnCore", targets: ["SwiftLearnCore"]),
    .library(name: "Metrics", targets: ["Metrics"]),
    .library(name: "Preprocessing", targets: ["Preprocessing"]),
    .library(name: "Pipeline", targets: ["Pipeline"]),
    .library(name: "Estimators", targets: ["Estimators"]),
    .library(name: "ModelSelection", targets: ["ModelSelection"]),
    .library(name: "Datasets", targets: ["Datasets"]),
    .executable(name: "swiftlearn-demo", targets: ["SwiftLearnDemo"]),
  ],
  dependencies: [
    // Only for `swift package generate-documentation` (DocC); adds no code to the library.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CBLAS",
      path: "CBLAS",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
    ),
    .target(name: "LinearAlgebra", dependencies: ["CBLAS"]),
    .target(name: "DataFrame", dependencies: ["LinearAlgebra"]),
    .target(name: "SwiftLearnCore", dependencies: ["LinearAlgebra", "DataFrame"]),
    .target(name: "Metrics", dependencies: ["SwiftLearnCore", "LinearAlgebra"]),
    .target(
      name: "Preprocessing", dependencies: ["SwiftLearnCore", "LinearAlgebra", "DataFrame"]),
    .target(name: "Pipeline", dependencies: ["SwiftLearnCore", "LinearAlgebra", "DataFrame"]),
    .target(
      name: "Estimators", dependencies: ["SwiftLearnCore", "LinearAlgebra", "DataFrame", "Metrics"]),
    .target(
      name: "ModelSelection",
      dependencies: ["SwiftLearnCore", "LinearAlgebra", "DataFrame", "Metrics"]
    ),
    .target(
      name: "Datasets",
      dependencies: ["SwiftLearnCore", "LinearAlgebra", "DataFrame"],
      resources: [.copy("Resources")]
    ),
    .target(
      name: "SwiftLearn",
      dependencies: [
        "LinearAlgebra", "DataFrame", "SwiftLearnCore", "Metrics", "Preprocessing", "Pipeline",
        "Estimators", "ModelSelection", "Datasets",
      ]
    ),
    .executableTarget(name: "SwiftLearnDemo", dependencies: ["SwiftLearn"]),

    // Test support: the common estimator checks, the estimator registry, fixture loading.
    .target(
      name: "EstimatorChecks",
      dependencies: ["SwiftLearn"],
      path: "Tests/EstimatorChecks"
    ),
    .testTarget(
      name: "LinearAlgebraTests",
      dependencies: ["LinearAlgebra", "EstimatorChecks"]
    ),
    .testTarget(
      name: "SwiftLearnCoreTests",
      dependencies: ["SwiftLearnCore", "EstimatorChecks"]
    ),
    .testTarget(
      name: "PreprocessingTests",
      dependencies: ["Preprocessing", "EstimatorChecks"]
    ),
    .testTarget(
      name: "PipelineTests",
      dependencies: ["SwiftLearn", "EstimatorChecks"]
    ),
    .testTarget(
      name: "EstimatorsTests",
      dependencies: ["Estimators", "EstimatorChecks"]
    ),
    .testTarget(
      name: "MetricsTests",
      dependencies: ["Metrics", "EstimatorChecks"]
    ),
    .testTarget(name: "DataFrameTests", dependencies: ["DataFrame", "Datasets", "EstimatorChecks"]),
    .testTarget(
      name: "DatasetsTests",
      dependencies: ["Datasets", "EstimatorChecks"]
    ),
    .testTarget(
      name: "CommonChecksTests",
      dependencies: ["SwiftLearn", "EstimatorChecks"]
    ),
    .testTarget(name: "ModelSelectionTests", dependencies: ["ModelSelection", "Estimators", "Preprocessing", "Pipeline", "EstimatorChecks"]),
  ]
)

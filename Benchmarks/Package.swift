// swift-tools-version:6.0
// SwiftLearn benchmarks: a separate package so the library's build and tests never compile them.
//
//   swift build -c release --package-path Benchmarks
//   Benchmarks/.build/release/swiftlearn-bench --list
//
// `python3 Benchmarks/compare.py` builds this, runs it next to scikit-learn / numpy on the same
// data and writes Docs/Benchmarks.md. See Benchmarks/README.md.
import PackageDescription

let package = Package(
  name: "SwiftLearnBenchmarks",
  dependencies: [
    // The library one directory up; `name:` keeps the product reference independent of the
    // checkout's directory name.
    .package(name: "SwiftLearn", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "swiftlearn-bench",
      dependencies: [.product(name: "SwiftLearn", package: "SwiftLearn")]
    )
  ]
)

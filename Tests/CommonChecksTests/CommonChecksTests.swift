import EstimatorChecks
import Foundation
import Testing

@Suite("Common estimator checks")
struct CommonChecksTests {
  @Test("every registered estimator meets the contract", arguments: Registry.entries)
  func contract(_ entry: RegistryEntry) throws {
    try entry.run()
  }
}

@Suite("Registry completeness")
struct RegistryCompletenessTests {
  /// The protocols that make a type an estimator. A public struct declaring one of them (or a
  /// refinement) in its inheritance clause must be in the registry.
  static let estimatorProtocols = [
    "SupervisedEstimator", "SampleWeightedEstimator", "Regressor", "Classifier",
    "TransformerEstimator", "SampleWeightedTransformerEstimator", "IncrementalEstimator",
    "RandomizedEstimator", "Clusterer", "Estimator",
  ]

  /// Public estimator type names found by reading `Sources/`.
  static func publicEstimatorTypes() throws -> Set<String> {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
    var found: Set<String> = []
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      // Join continuation lines so multi-line inheritance clauses are read whole.
      let flat = text.replacingOccurrences(of: "\n  ", with: " ")
      for line in flat.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("public struct ") else { continue }
        let rest = trimmed.dropFirst("public struct ".count)
        let typeName = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        var afterName = rest.dropFirst(typeName.count)
        if afterName.first == "<" {
          // Skip the generic parameter clause, whose constraints also contain colons.
          var depth = 0
          while let c = afterName.first {
            afterName = afterName.dropFirst()
            if c == "<" { depth += 1 }
            if c == ">" { depth -= 1 }
            if depth == 0 { break }
          }
        }
        guard afterName.first == ":" else { continue }
        let clause = afterName.dropFirst().prefix { $0 != "{" }
        let inherited = clause.split(whereSeparator: { ",&{ ".contains($0) }).map(String.init)
        if inherited.contains(where: estimatorProtocols.contains) { found.insert(typeName) }
      }
    }
    return found
  }

  @Test("every public estimator type is in the registry")
  func registryListsEveryEstimator() throws {
    let declared = try Self.publicEstimatorTypes()
    #expect(
      declared.isSuperset(of: ["LinearRegression", "StandardScaler", "DummyClassifier"]),
      "the source scan missed known estimators; is it broken? found \(declared.sorted())")
    let missing = declared.subtracting(Registry.names)
    #expect(missing.isEmpty, "estimators missing from Registry.entries: \(missing.sorted())")
    let stale = Registry.names.subtracting(declared)
    #expect(stale.isEmpty, "registry names with no public estimator type: \(stale.sorted())")
  }
}

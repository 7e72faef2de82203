import EstimatorChecks
import Foundation
import SwiftLearn
import Testing

@Suite("README quick start")
struct ReadmeQuickStartTests {
  @Test("the quick start compiles, runs and gives a sensible model")
  func quickStart() throws {
    // README-QUICKSTART-BEGIN
    // Load a bundled data set: 442 patients, 10 baseline measurements.
    let diabetes = try loadDiabetes()

    // A typed pipeline: standardize, then ordinary least squares.
    let pipeline = Pipeline(StandardScaler(), LinearRegression())
    let model = try pipeline.fit(diabetes.data, diabetes.target)

    // Predict, score, inspect.
    let predictions = try model.predict(diabetes.data)
    let r2 = try r2Score(yTrue: diabetes.target, yPred: predictions)
    print("R² = \(r2), coefficients = \(model.last.coefficients)")

    // Save the whole fitted pipeline to one JSON file and load it back.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("diabetes.json")
    try model.save(to: url)
    let reloaded = try FittedPipeline<StandardScaler.Fitted, LinearRegression.Fitted>
      .load(from: url)
    let same = try reloaded.predict(diabetes.data) == predictions
    print("reloaded model predicts identically: \(same)")
    // README-QUICKSTART-END
    #expect(r2 > 0.5 && r2 < 0.53)  // scikit-learn: 0.5177 on the full diabetes data
    #expect(same)
    try? FileManager.default.removeItem(at: url)
  }

  @Test("README.md shows exactly the tested quick start")
  func readmeMatchesTest() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    func block(_ text: String, begin: String, end: String) -> [String] {
      let lines = text.components(separatedBy: "\n")
      guard let b = lines.firstIndex(where: { $0.contains(begin) }),
        let e = lines.firstIndex(where: { $0.contains(end) }), b < e
      else { return [] }
      return lines[(b + 1)..<e].map { $0.trimmingCharacters(in: .whitespaces) }
    }
    let tested = block(
      test, begin: "README-QUICKSTART-" + "BEGIN", end: "README-QUICKSTART-" + "END")
    let shown = block(readme, begin: "<!-- quickstart-begin -->", end: "<!-- quickstart-end -->")
      .filter { !$0.hasPrefix("```") && $0 != "import SwiftLearn" && $0 != "import Foundation" }
    #expect(!tested.isEmpty)
    #expect(shown.filter { !$0.isEmpty } == tested.filter { !$0.isEmpty })
  }
}

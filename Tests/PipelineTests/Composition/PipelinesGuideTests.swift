import EstimatorChecks
import Foundation
import SwiftLearn
import Testing

// The code of Docs/Pipelines.md. Each `PIPELINES-N` region below is shown verbatim in the
// guide between `<!-- pipelines-N-begin -->` and `<!-- pipelines-N-end -->`; the second test
// checks that the two stay equal, so every code block in the guide compiles and runs.

@Suite("Pipelines guide")
struct PipelinesGuideTests {
  @Test("the guide's code compiles, runs and gives what it shows")
  func guide() throws {
    let (x, y) = CheckData.regression()

    // PIPELINES-1-BEGIN
    // One step per line: transformers first, the final estimator last.
    var pipeline = Pipeline {
      Named("scaler", StandardScaler())
      Ridge(alpha: 1)
    }
    print(pipeline.stepNames)  // ["scaler", "ridge"]

    // Hyperparameters are typed key paths with display names built from the step names.
    let withMean = pipeline.step(\.first).parameter(\.withMean, "withMean")
    let alpha = pipeline.step(\.last).parameter(\.alpha, "alpha")
    print(withMean.name, alpha.name)  // scaler.withMean ridge.alpha
    pipeline = alpha.setting(0.5, in: pipeline)

    let model = try pipeline.fit(x, y)
    print(model.first.mean?.count ?? 0)  // 4: typed access to the fitted scaler
    print(model.last.coefficients.count)  // 4: and to the fitted ridge
    // PIPELINES-1-END
    #expect(pipeline.stepNames == ["scaler", "ridge"])
    #expect(withMean.name == "scaler.withMean" && alpha.name == "ridge.alpha")
    #expect(model.first.mean?.count == 4 && model.last.coefficients.count == 4)

    // PIPELINES-2-BEGIN
    // A churn table with numeric, text and date columns; keep rows with a sign-up date.
    let churn = try makeChurn(customerCount: 800, seed: 7)
    let frame = try churn.frame.droppingNulls(subset: ["signup_date"])
    let target = try frame.target("churned")

    let columns = ColumnTransformer {
      ColumnBranch("numeric", .names(["tenure_months", "num_products", "support_tickets"])) {
        StandardScaler()
      }
      ColumnBranch("signup", .names(["signup_date"])) {
        DateParts(parts: [.year, .month, .weekday])
        StandardScaler()
      }
    }
    let churnModel = try FramePipeline(columns, Ridge()).fit(frame, target)
    print(churnModel.featureNamesOut.prefix(4))
    // ["numeric__tenure_months", "numeric__num_products", "numeric__support_tickets",
    //  "signup__signup_date_year"]
    // PIPELINES-2-END
    #expect(churnModel.featureNamesOut.count == 6)
    #expect(churnModel.featureNamesOut[3] == "signup__signup_date_year")

    // PIPELINES-3-BEGIN
    // Columns are found by name: order does not matter, extra columns are ignored, and a
    // missing one is an error that names it.
    let predictions = try churnModel.predict(frame)
    do {
      _ = try churnModel.predict(try frame.dropping(["num_products"]))
    } catch let DataFrameError.unknownColumn(name, _) {
      print(name)  // num_products
    }

    // One file holds the column transformer and the model.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("churn-model.json")
    try churnModel.save(to: url)
    let reloaded = try type(of: churnModel).load(from: url)
    print(try reloaded.predict(frame) == predictions)  // true
    // PIPELINES-3-END
    try? FileManager.default.removeItem(at: url)
    #expect(try reloaded.predict(frame) == predictions)

    // PIPELINES-4-BEGIN
    // A sampler before the final classifier acts during fit only.
    let labels = y.map { $0 > 3 ? "high" : "low" }  // imbalanced
    let balanced = try Pipeline {
      StandardScaler()
      SMOTE(kNeighbors: 3, seed: 0)
      DummyClassifier<String>(strategy: .prior)
    }.fit(x, labels)
    print(balanced.classes, balanced.last.classPrior)  // ["high", "low"] [0.5, 0.5]
    print(try balanced.predict(x).count == x.rowCount)  // true: no rows added at predict
    // PIPELINES-4-END
    #expect(balanced.last.classPrior == [0.5, 0.5])

    // PIPELINES-5-BEGIN
    // Candidates of different types in one list, fitted and compared in one loop.
    let candidates: [AnyRegressor] = [
      AnyRegressor(LinearRegression()),
      AnyRegressor(
        Pipeline {
          StandardScaler()
          Ridge(alpha: 10)
        }),
      AnyRegressor(
        Pipeline {
          StandardScaler()
          Lasso(alpha: 0.5)
        }),
    ]
    var best: (score: Double, model: AnyFittedRegressor)? = nil
    for candidate in candidates {
      let fitted = try candidate.fit(x, y)
      let score = try fitted.score(x, y)
      if score > best?.score ?? -.infinity { best = (score, fitted) }
    }
    // The erased winner saves and loads like any model.
    if let winner = best?.model {
      let data = try winner.encodedModelFile()
      let loaded = try AnyFittedRegressor.decodeModelFile(data)
      print(try loaded.predict(x) == winner.predict(x))  // true
    }
    // PIPELINES-5-END
    #expect(best != nil)
  }

  @Test("Docs/Pipelines.md shows exactly the tested code, block by block")
  func guideMatchesTest() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let guide = try String(
      contentsOf: root.appendingPathComponent("Docs/Pipelines.md"), encoding: .utf8)
    let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    func block(_ text: String, begin: String, end: String) -> [String] {
      let lines = text.components(separatedBy: "\n")
      guard let b = lines.firstIndex(where: { $0.contains(begin) }),
        let e = lines.firstIndex(where: { $0.contains(end) }), b < e
      else { return [] }
      return lines[(b + 1)..<e].map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    let shownCount = guide.components(separatedBy: "<!-- pipelines-").count - 1
    let testedCount = test.components(separatedBy: "// PIPE" + "LINES-").count - 1
    #expect(shownCount == testedCount)
    for n in 1...5 {
      let tested = block(test, begin: "PIPELINES-\(n)-" + "BEGIN", end: "PIPELINES-\(n)-" + "END")
      let shown = block(
        guide, begin: "<!-- pipelines-\(n)-begin -->", end: "<!-- pipelines-\(n)-end -->"
      )
      .filter { !$0.hasPrefix("```") && $0 != "import SwiftLearn" && $0 != "import Foundation" }
      #expect(!tested.isEmpty, "block \(n) is missing from the test")
      #expect(shown == tested, "block \(n) of Docs/Pipelines.md differs from the test")
    }
  }
}

import EstimatorChecks
import Foundation
import SwiftLearn
import Testing

@Suite("Pipeline")
struct PipelineTests {
  @Test("a scaler + regression pipeline predicts like fitting the steps by hand")
  func composesSteps() throws {
    let (x, y) = CheckData.regression()
    let pipeline = Pipeline(StandardScaler(), LinearRegression())
    let model = try pipeline.fit(x, y)
    let scaler = try StandardScaler().fit(x)
    let regression = try LinearRegression().fit(scaler.transform(x), y)
    #expect(try model.predict(x) == regression.predict(scaler.transform(x)))
    #expect(model.first == scaler)
    #expect(model.last == regression)
    #expect(model.featureCount == x.columnCount)
    let r2 = try model.score(x, y)
    #expect(r2 > 0.99)
  }

  @Test("the fitted pipeline saves to one file and loads to identical predictions")
  func persistence() throws {
    let (x, y) = CheckData.regression()
    let model = try Pipeline(StandardScaler(withMean: false), LinearRegression()).fit(x, y)
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("swiftlearn-pipeline-\(UInt32.random(in: 0...UInt32.max)).json")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.save(to: url)
    let loaded = try FittedPipeline<StandardScaler.Fitted, LinearRegression.Fitted>.load(from: url)
    #expect(try loaded.predict(x) == model.predict(x))
    // The file holds a pipeline, not a bare regression.
    #expect(throws: LearnError.self) { try LinearRegression.Fitted.load(from: url) }
  }

  @Test("a file whose steps do not fit together is rejected")
  func mismatchedSteps() throws {
    let (x, y) = CheckData.regression(d: 4)
    // A scaler for 4 features joined to a regression fitted on 3: decoding must refuse it.
    let scaler = try StandardScaler().fit(x)
    let narrow = try LinearRegression().fit(x.columns([0, 1, 2]), y)
    let broken = FittedPipeline(first: scaler, last: narrow)
    let data = try broken.encodedModelFile()
    #expect(throws: LearnError.self) {
      try FittedPipeline<StandardScaler.Fitted, LinearRegression.Fitted>.decodeModelFile(data)
    }
  }

  @Test("hyperparameters are reached by nested key paths")
  func keyPaths() throws {
    typealias Model = Pipeline<StandardScaler, LinearRegression>
    var pipeline = Model()
    let path: WritableKeyPath<Model, Bool> = \.last.fitIntercept
    pipeline[keyPath: path] = false
    pipeline[keyPath: \.first.withStd] = false
    #expect(pipeline.last.fitIntercept == false)
    #expect(
      pipeline.description
        == "Pipeline(StandardScaler(withStd: false), LinearRegression(fitIntercept: false))")
    let (x, y) = CheckData.regression()
    #expect(try pipeline.fit(x, y).last.intercept == 0)
  }

  @Test("a classifier pipeline returns the user's labels and probabilities")
  func classifierPipeline() throws {
    let (x, codes) = CheckData.classification()
    let labels = codes.map { ["churn", "stay", "unknown"][$0] }
    let model = try Pipeline(StandardScaler(), DummyClassifier(strategy: .prior)).fit(x, labels)
    #expect(model.classes == ["churn", "stay", "unknown"])
    let probabilities = try model.predictProbabilities(x)
    #expect(probabilities.columnCount == 3)
    #expect(try model.predict(x).allSatisfy { $0 == "churn" })
  }

  @Test("a transformer pipeline transforms, names and inverts")
  func transformerPipeline() throws {
    let (x, _) = CheckData.regression()
    let pipeline = Pipeline(StandardScaler(), StandardScaler(withMean: false))
    let (fitted, output) = try pipeline.fitTransform(x)
    expectClose(try fitted.transform(x), output)
    expectClose(try fitted.inverseTransform(output), x, rtol: 1e-12, atol: 1e-12)
    #expect(try fitted.featureNamesOut(["a", "b", "c", "d"]) == ["a", "b", "c", "d"])
  }

  @Test("errors from a step come through unchanged")
  func errorsPassThrough() throws {
    let (x, y) = CheckData.regression()
    let model = try Pipeline(StandardScaler(), LinearRegression()).fit(x, y)
    #expect(throws: LearnError.featureCountMismatch(expected: 4, got: 2)) {
      try model.predict(x.columns([0, 1]))
    }
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "LinearRegression", name: "tol", value: "-1.0",
        expected: "a finite number >= 0.0")
    ) { try Pipeline(StandardScaler(), LinearRegression(tol: -1)).fit(x, y) }
  }
}

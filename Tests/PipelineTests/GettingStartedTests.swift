import Foundation
import SwiftLearn
import Testing

// The code of Docs/GettingStarted.md. Each `GETTING-STARTED-N` region below is shown verbatim
// in the guide between `<!-- getting-started-N-begin -->` and `<!-- getting-started-N-end -->`;
// the second test checks that the two stay equal, so every code block in the guide compiles
// and runs.

@Suite("Getting started guide")
struct GettingStartedTests {
  @Test("the guide's code compiles, runs and gives the numbers it shows")
  func gettingStarted() throws {
    // GETTING-STARTED-1-BEGIN
    // 442 patients, 10 raw baseline measurements (age in years, sex coded 1/2, BMI, ...);
    // the target is a measure of disease progression one year later.
    let diabetes = try loadDiabetes(scaled: false)
    print(diabetes.data.shape)  // (rows: 442, columns: 10)
    print(diabetes.featureNames)  // ["age", "sex", "bmi", "bp", "s1", ..., "s6"]
    print(diabetes.target.prefix(3))  // [151.0, 75.0, 141.0]
    // GETTING-STARTED-1-END
    #expect(diabetes.data.shape == (rows: 442, columns: 10))
    #expect(diabetes.featureNames.count == 10)
    #expect(Array(diabetes.target.prefix(3)) == [151, 75, 141])

    // GETTING-STARTED-2-BEGIN
    /// Shuffled row indices split into a training part and a held-out test part.
    func trainTestRows(count: Int, testFraction: Double, seed: UInt64) -> (
      train: [Int], test: [Int]
    ) {
      var generator = SeededGenerator(seed: seed)
      var order = Array(0..<count)
      generator.shuffle(&order)
      let testCount = Int((Double(count) * testFraction).rounded(.up))
      return (Array(order[testCount...]), Array(order[..<testCount]))
    }

    let (train, test) = trainTestRows(count: diabetes.sampleCount, testFraction: 0.25, seed: 42)
    let xTrain = try diabetes.data.rows(train)  // scikit-learn: X[train]
    let xTest = try diabetes.data.rows(test)
    let yTrain = train.map { diabetes.target[$0] }
    let yTest = test.map { diabetes.target[$0] }
    print(xTrain.shape, xTest.shape)  // (rows: 331, columns: 10) (rows: 111, columns: 10)
    // GETTING-STARTED-2-END
    #expect(xTrain.shape == (rows: 331, columns: 10))
    #expect(xTest.shape == (rows: 111, columns: 10))
    #expect(Set(train + test) == Set(0..<442))

    // GETTING-STARTED-3-BEGIN
    let pipeline = Pipeline(StandardScaler(), LinearRegression())
    print(pipeline)  // Pipeline(StandardScaler(), LinearRegression())
    let model = try pipeline.fit(xTrain, yTrain)
    print(model.featureCount)  // 10
    // GETTING-STARTED-3-END
    #expect(pipeline.description == "Pipeline(StandardScaler(), LinearRegression())")
    #expect(model.featureCount == 10)

    // GETTING-STARTED-4-BEGIN
    let predictions = try model.predict(xTest)
    let r2 = try r2Score(yTrue: yTest, yPred: predictions)
    let rmse = try rootMeanSquaredError(yTrue: yTest, yPred: predictions)
    let mae = try meanAbsoluteError(yTrue: yTest, yPred: predictions)
    print("test R² \(r2), RMSE \(rmse), MAE \(mae)")  // R² 0.559, RMSE 51.1, MAE 40.7
    let sameR2 = try model.score(xTest, yTest)  // a regressor's score is R²
    // GETTING-STARTED-4-END
    #expect(sameR2 == r2)
    #expect(abs(r2 - 0.559) < 0.0005)
    #expect(abs(rmse - 51.1) < 0.05)
    #expect(abs(mae - 40.7) < 0.05)

    // GETTING-STARTED-5-BEGIN
    let coefficients = zip(diabetes.featureNames, model.last.coefficients)
      .sorted { abs($0.1) > abs($1.1) }
    for (name, coefficient) in coefficients {
      print(name, coefficient)  // s1 -39.5, s5 33.6, bmi 22.7, s2 21.1, bp 16.4, ...
    }
    print("intercept", model.last.intercept)  // 150.4, the mean training target
    print("training means", model.first.mean ?? [])  // age 48.6, sex 1.45, bmi 26.3, ...
    // GETTING-STARTED-5-END
    #expect(coefficients.prefix(3).map(\.0) == ["s1", "s5", "bmi"])
    #expect(abs(coefficients[0].1 - -39.5) < 0.05)
    #expect(abs((model.first.mean?[0] ?? 0) - 48.6) < 0.05)
    #expect(abs(model.last.intercept - yTrain.reduce(0, +) / Double(yTrain.count)) < 1e-9)

    // GETTING-STARTED-6-BEGIN
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("getting-started-diabetes.json")
    try model.save(to: url)  // scikit-learn: joblib.dump(model, path)
    let reloaded = try FittedPipeline<StandardScaler.Fitted, LinearRegression.Fitted>
      .load(from: url)
    let identical = try reloaded.predict(xTest) == predictions
    print("reloaded model predicts identically: \(identical)")  // true
    // GETTING-STARTED-6-END
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(identical)
    #expect(reloaded == model)

    // GETTING-STARTED-7-BEGIN
    let cancer = try loadBreastCancer()
    let diagnoses = cancer.labelNames  // "malignant" or "benign" for every row
    let split = trainTestRows(count: cancer.sampleCount, testFraction: 0.25, seed: 7)
    let baseline = try DummyClassifier(strategy: .mostFrequent)
      .fit(try cancer.data.rows(split.train), split.train.map { diagnoses[$0] })
    print(baseline.classes)  // ["benign", "malignant"], sorted like scikit-learn's classes_
    let guesses: [String] = try baseline.predict(try cancer.data.rows(split.test))
    let accuracy = try accuracyScore(yTrue: split.test.map { diagnoses[$0] }, yPred: guesses)
    print("baseline accuracy \(accuracy)")  // 0.650: 93 of the 143 test rows are benign
    let probabilities = try baseline.predictProbabilities(try cancer.data.rows(split.test))
    print(probabilities.shape)  // (rows: 143, columns: 2), one column per class
    // GETTING-STARTED-7-END
    #expect(baseline.classes == ["benign", "malignant"])
    #expect(guesses.allSatisfy { $0 == "benign" })
    #expect(accuracy == 93.0 / 143.0)
    #expect(probabilities.shape == (rows: 143, columns: 2))

    // GETTING-STARTED-8-BEGIN
    var message = ""
    do {
      let threeFeatures = try xTest.columns([0, 1, 2])
      _ = try model.predict(threeFeatures)
    } catch let error as LearnError {
      switch error {
      case .featureCountMismatch(let expected, let got):
        message = "the model needs \(expected) features, the input has \(got)"
      default:
        message = error.description
      }
    }
    print(message)  // the model needs 10 features, the input has 3

    do {
      _ = try LinearRegression(tol: -1).fit(xTrain, yTrain)
    } catch let error as LearnError {
      print(error)  // LinearRegression: parameter 'tol' must be a finite number >= 0.0; got -1.0.
    }

    do {
      _ = try LinearRegression.Fitted.load(from: url)  // the file holds a whole pipeline
    } catch LearnError.modelTypeMismatch(let expected, let found) {
      print("asked for \(expected), the file holds \(found)")
    }
    // GETTING-STARTED-8-END
    #expect(message == "the model needs 10 features, the input has 3")
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "LinearRegression", name: "tol", value: "-1.0",
        expected: "a finite number >= 0.0")
    ) {
      try LinearRegression(tol: -1).fit(xTrain, yTrain)
    }
    let loadError = #expect(throws: LearnError.self) {
      try LinearRegression.Fitted.load(from: url)
    }
    guard case .modelTypeMismatch = loadError else {
      Issue.record("expected modelTypeMismatch, got \(String(describing: loadError))")
      return
    }
  }

  @Test("Docs/GettingStarted.md shows exactly the tested code, block by block")
  func guideMatchesTest() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let guide = try String(
      contentsOf: root.appendingPathComponent("Docs/GettingStarted.md"), encoding: .utf8)
    let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    func block(_ text: String, begin: String, end: String) -> [String] {
      let lines = text.components(separatedBy: "\n")
      guard let b = lines.firstIndex(where: { $0.contains(begin) }),
        let e = lines.firstIndex(where: { $0.contains(end) }), b < e
      else { return [] }
      return lines[(b + 1)..<e].map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    // Every marked region of the guide must be a tested block, and every tested block shown.
    let shownCount = guide.components(separatedBy: "<!-- getting-started-").count - 1
    let testedCount = test.components(separatedBy: "// GETTING-" + "STARTED-").count - 1
    #expect(shownCount == testedCount)
    for n in 1...8 {
      let tested = block(
        test, begin: "GETTING-STARTED-\(n)-" + "BEGIN", end: "GETTING-STARTED-\(n)-" + "END")
      let shown = block(
        guide, begin: "<!-- getting-started-\(n)-begin -->",
        end: "<!-- getting-started-\(n)-end -->"
      )
      .filter { !$0.hasPrefix("```") && $0 != "import SwiftLearn" && $0 != "import Foundation" }
      #expect(!tested.isEmpty, "block \(n) is missing from the test")
      #expect(shown == tested, "block \(n) of Docs/GettingStarted.md differs from the test")
    }
  }
}

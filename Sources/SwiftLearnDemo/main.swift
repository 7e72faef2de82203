// The end-to-end demo run by `make demo`: load a bundled data set, split it, fit a pipeline,
// evaluate it on held-out rows, save it to one file, load it back and check it predicts the
// same. Later work grows this into the whole workflow (EDA, tuning, model comparison).
import Foundation
import SwiftLearn

/// Splits row indices into a shuffled train and test part (ModelSelection will replace this
/// with `trainTestSplit`).
func splitIndices(count: Int, testFraction: Double, seed: UInt64) -> (train: [Int], test: [Int]) {
  var order = Array(0..<count)
  var rng = SeededGenerator(seed: seed)
  rng.shuffle(&order)
  let testCount = Int((Double(count) * testFraction).rounded(.up))
  return (Array(order[testCount...]), Array(order[..<testCount]))
}

func format(_ value: Double, _ digits: Int = 4) -> String {
  String(format: "%.\(digits)f", value)
}

func run() throws {
  print("SwiftLearn \(swiftLearnVersion) demo")
  print(String(repeating: "=", count: 60))

  // 1. Regression: diabetes progression from ten baseline measurements.
  let diabetes = try loadDiabetes()
  print("Data: \(diabetes.name), \(diabetes.sampleCount) rows x \(diabetes.featureCount) features")
  print("Features: \(diabetes.featureNames.joined(separator: ", "))")
  let (train, test) = splitIndices(count: diabetes.sampleCount, testFraction: 0.25, seed: 42)
  let xTrain = try diabetes.data.rows(train)
  let xTest = try diabetes.data.rows(test)
  let yTrain = train.map { diabetes.target[$0] }
  let yTest = test.map { diabetes.target[$0] }
  print("Split: \(train.count) train / \(test.count) test rows (seed 42)")

  let pipeline = Pipeline(StandardScaler(), LinearRegression())
  print("Model: \(pipeline)")
  let model = try pipeline.fit(xTrain, yTrain)
  let predictions = try model.predict(xTest)
  print("Test R²:   \(format(try r2Score(yTrue: yTest, yPred: predictions)))")
  print("Test RMSE: \(format(try rootMeanSquaredError(yTrue: yTest, yPred: predictions), 2))")
  print("Test MAE:  \(format(try meanAbsoluteError(yTrue: yTest, yPred: predictions), 2))")
  print("Coefficients (standardized features):")
  for (name, value) in zip(diabetes.featureNames, model.last.coefficients) {
    print("  \(name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(format(value, 2))")
  }

  // 2. Persistence: one JSON file holds the whole fitted pipeline.
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "swiftlearn-demo-model.json")
  try model.save(to: url)
  let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
  let loaded = try FittedPipeline<StandardScaler.Fitted, LinearRegression.Fitted>.load(from: url)
  let same = try loaded.predict(xTest) == predictions
  print("Saved to \(url.path) (\(size) bytes); reloaded model predicts identically: \(same)")
  try? FileManager.default.removeItem(at: url)
  guard same else { throw DemoError.reloadMismatch }

  // 3. Classification baseline with string labels: what any real model must beat.
  let cancer = try loadBreastCancer()
  let split = splitIndices(count: cancer.sampleCount, testFraction: 0.25, seed: 7)
  let labels = cancer.labelNames
  let baseline = try DummyClassifier(strategy: .mostFrequent)
    .fit(try cancer.data.rows(split.train), split.train.map { labels[$0] })
  let accuracy = try baseline.score(
    try cancer.data.rows(split.test), split.test.map { labels[$0] })
  print(String(repeating: "-", count: 60))
  print("Data: \(cancer.name), classes \(baseline.classes)")
  let name = DummyClassifier<String>(strategy: .mostFrequent).description
  print("Baseline \(name): accuracy \(format(accuracy))")
  print(String(repeating: "=", count: 60))
  print("Demo finished.")
}

enum DemoError: Error { case reloadMismatch }

do {
  try run()
} catch {
  FileHandle.standardError.write(Data("demo failed: \(error)\n".utf8))
  exit(1)
}

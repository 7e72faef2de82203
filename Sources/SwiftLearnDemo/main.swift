// The end-to-end demo run by `make demo`: the workflow of a data-science notebook, in Swift.
//
// 1. Load a customer-churn export as a DataFrame and print its data-quality report (EDA).
// 2. Regression: split the bundled diabetes data, cross-validate a pipeline, evaluate it on the
//    held-out rows, save it to one file, load it back and check it predicts the same.
// 3. Classification: a baseline on the churn data with a scikit-learn-style report.
import Foundation
import SwiftLearn

func format(_ value: Double, _ digits: Int = 4) -> String {
  String(format: "%.\(digits)f", value)
}

func rule(_ character: Character = "=") {
  print(String(repeating: character, count: 72))
}

func exploreChurn() throws -> DataFrame {
  rule()
  print("1. Data quality: a customer-churn export (makeChurn, 5,000 customers, seed 7)")
  rule()
  let churn = try makeChurn(customerCount: 5000, seed: 7).frame
  print(churn.head(5))
  print()
  print(try churn.dataQualityReport(target: "churned"))
  return churn
}

func regression() throws {
  rule()
  print("2. Regression: diabetes progression from ten baseline measurements")
  rule()
  let diabetes = try loadDiabetes()
  print("Data: \(diabetes.sampleCount) rows x \(diabetes.featureCount) features")
  let split = try trainTestSplit(diabetes.data, diabetes.target, testSize: 0.25, seed: 42)
  print("Split: \(split.yTrain.count) train / \(split.yTest.count) test rows (seed 42)")

  let pipeline = Pipeline(StandardScaler(), LinearRegression())
  let scores = try crossValScore(pipeline, split.xTrain, split.yTrain, cv: KFold(splitCount: 5))
  let mean = scores.reduce(0, +) / Double(scores.count)
  let spread = (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(scores.count))
    .squareRoot()
  print("Model: \(pipeline)")
  print("5-fold CV R² on the training rows: \(format(mean)) ± \(format(spread))")

  let model = try pipeline.fit(split.xTrain, split.yTrain)
  let predictions = try model.predict(split.xTest)
  print("Held-out R²:   \(format(try r2Score(yTrue: split.yTest, yPred: predictions)))")
  let rmse = try rootMeanSquaredError(yTrue: split.yTest, yPred: predictions)
  print("Held-out RMSE: \(format(rmse, 2))")
  let mae = try meanAbsoluteError(yTrue: split.yTest, yPred: predictions)
  print("Held-out MAE:  \(format(mae, 2))")
  print("Coefficients on standardized features:")
  for (name, value) in zip(diabetes.featureNames, model.last.coefficients) {
    print("  \(name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(format(value, 2))")
  }

  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "swiftlearn-demo-model.json")
  try model.save(to: url)
  let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
  let loaded = try FittedPipeline<StandardScaler.Fitted, LinearRegression.Fitted>.load(from: url)
  let same = try loaded.predict(split.xTest) == predictions
  print("Saved to \(url.path) (\(size) bytes); reloaded model predicts identically: \(same)")
  try? FileManager.default.removeItem(at: url)
  guard same else { throw DemoError.reloadMismatch }
}

func classification(_ churn: DataFrame) throws {
  rule()
  print("3. Classification baseline on the churn data")
  rule()
  let numeric = ["tenure_months", "monthly_charges", "support_tickets", "num_products"]
  let x = try churn.toMatrix(columns: numeric, fillNulls: 0)
  let labels = try churn.integerLabels("churned").map { $0 == 1 ? "churned" : "stayed" }
  let split = try trainTestSplit(x, labels, testSize: 0.25, stratified: true, seed: 1)
  let baseline = DummyClassifier<String>(strategy: .mostFrequent)
  let scores = try crossValScore(baseline, split.xTrain, split.yTrain)
  let mean = scores.reduce(0, +) / Double(scores.count)
  print("\(baseline): 5-fold stratified CV accuracy \(format(mean))")
  let fitted = try baseline.fit(split.xTrain, split.yTrain)
  let report = try classificationReport(
    yTrue: split.yTest, yPred: fitted.predict(split.xTest), zeroDivision: .zero)
  print("Held-out classification report (the baseline every model must beat):")
  print(report)
}

enum DemoError: Error { case reloadMismatch }

do {
  print("SwiftLearn \(swiftLearnVersion) demo")
  let churn = try exploreChurn()
  try regression()
  try classification(churn)
  rule()
  print("Demo finished.")
} catch {
  FileHandle.standardError.write(Data("demo failed: \(error)\n".utf8))
  exit(1)
}

// The end-to-end demo run by `make demo`: the workflow of a data-science notebook, in Swift.
//
// 1. Load a customer-churn export as a DataFrame and print its data-quality report (EDA).
// 2. Regression: split the bundled diabetes data, cross-validate a pipeline, evaluate it on the
//    held-out rows, save it to one file, load it back and check it predicts the same.
// 3. Classification on the churn table: a ColumnTransformer (impute, scale, one-hot, date
//    parts) inside frame pipelines, a model comparison by cross-validation with a progress bar,
//    a grid search over a nested key path, a held-out report, and the model saved as one file.
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

/// The churn features: numeric columns imputed (median) and scaled, categorical columns
/// imputed (most frequent) and one-hot encoded, dates expanded into parts. Everything it
/// learns comes from the rows it is fitted on.
func churnColumns() -> some FrameTransformerEstimator {
  ColumnTransformer {
    ColumnBranch(
      "numeric",
      .names([
        "tenure_months", "monthly_charges", "total_charges", "num_products", "support_tickets",
        "satisfaction_score",
      ])
    ) {
      SimpleImputer(strategy: .median)
      StandardScaler()
    }
    ColumnBranch(
      "categorical", .names(["contract", "payment_method", "internet_service", "region"])
    ) {
      SimpleImputer(strategy: .mostFrequent)
      OneHotEncoder(handleUnknown: .ignore)
    }
    ColumnBranch("dates", .names(["signup_date"])) {
      DateParts(parts: [.year, .month])
      SimpleImputer(strategy: .median)
      StandardScaler()
    }
  }
}

/// A text progress bar on one line (carriage return, no newline until done).
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let label: String

  init(_ label: String) { self.label = label }

  func update(_ completed: Int, _ total: Int, best: Double? = nil) {
    lock.lock()
    defer { lock.unlock() }
    let width = 30
    let filled = total > 0 ? width * completed / total : width
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let suffix = best.map { "  best so far \(format($0))" } ?? ""
    print("\r  \(label) [\(bar)] \(completed)/\(total)\(suffix)", terminator: "")
    if completed >= total { print() }
    fflush(nil)  // every output stream: the bar shows before the next line is printed
  }
}

/// One row of the model-comparison table.
struct Comparison {
  let name: String
  let scores: [Double]
  let seconds: Double
}

/// Five-fold stratified cross-validation of a whole frame pipeline (column transformer refitted
/// in every fold, so no held-out row influences imputation, scaling or categories), scored by
/// ROC-AUC of the "churned" class.
func crossValidateChurn<C: FrameTransformerEstimator, M: Classifier>(
  _ name: String, _ columns: C, _ model: M, _ train: DataFrame, _ labels: [String],
  progress: ProgressBar, done: inout Int, total: Int,
  churnScore: (FittedFramePipeline<C.Fitted, M.Fitted>, DataFrame) throws -> [Double]
) throws -> Comparison where M.Label == String {
  let splits = try StratifiedKFold(splitCount: 5, shuffle: true, seed: 3).splits(labels: labels)
  var scores: [Double] = []
  let start = Date()
  for split in splits {
    let fitted = try FramePipeline(columns, model).fit(
      train.rows(split.train), split.train.map { labels[$0] })
    let held = try train.rows(split.test)
    let truth = split.test.map { labels[$0] == "churned" ? 1 : 0 }
    scores.append(try rocAUCScore(yTrue: truth, yScore: churnScore(fitted, held)))
    done += 1
    progress.update(done, total)
  }
  return Comparison(name: name, scores: scores, seconds: Date().timeIntervalSince(start))
}

func meanAndSpread(_ values: [Double]) -> (Double, Double) {
  let mean = values.reduce(0, +) / Double(values.count)
  let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
  return (mean, variance.squareRoot())
}

func classification(_ churn: DataFrame) throws {
  rule()
  print("3. Churn: column transformer, model comparison, tuning, held-out evaluation")
  rule()
  let labels = try churn.integerLabels("churned").map { $0 == 1 ? "churned" : "stayed" }
  let features = try churn.dropping(["churned", "customer_id"])
  let split = try trainTestSplit(stratify: labels, testSize: 0.25, seed: 1)
  let train = try features.rows(split.train)
  let test = try features.rows(split.test)
  let yTrain = split.train.map { labels[$0] }
  let yTest = split.test.map { labels[$0] }
  print("Split: \(yTrain.count) train / \(yTest.count) test customers, stratified (seed 1)")

  let columns = try churnColumns().fit(train)
  print("Features after the column transformer (\(columns.outputColumnNames.count)):")
  print("  " + columns.outputColumnNames.prefix(8).joined(separator: ", ") + ", ...")
  print()

  // Positive-class scores: probabilities where the model has them, else the margin.
  func probability<F: FrameTransformer, P: ProbabilisticClassifier>(
    _ model: FittedFramePipeline<F, P>, _ frame: DataFrame
  ) throws -> [Double] where P.Label == String {
    let column = model.classes.firstIndex(of: "churned") ?? 0
    return try model.predictProbabilities(frame).column(column)
  }
  print("Model comparison: 5-fold stratified CV on the training rows, ROC-AUC")
  let progress = ProgressBar("cross-validating")
  var done = 0
  let total = 5 * 5
  var rows: [Comparison] = []
  rows.append(
    try crossValidateChurn(
      "DummyClassifier(prior)", churnColumns(), DummyClassifier<String>(strategy: .prior), train,
      yTrain,
      progress: progress, done: &done, total: total, churnScore: probability))
  rows.append(
    try crossValidateChurn(
      "LogisticRegression", churnColumns(), LogisticRegression<String>(maxIter: 1000), train,
      yTrain,
      progress: progress, done: &done, total: total, churnScore: probability))
  rows.append(
    try crossValidateChurn(
      "RidgeClassifier", churnColumns(), RidgeClassifier<String>(), train, yTrain,
      progress: progress,
      done: &done, total: total
    ) { model, frame in
      // Positive margins mean the second class ("stayed"): negate for "churned".
      try model.last.decisionFunction(model.transformToMatrix(frame)).column(0).map { -$0 }
    })
  rows.append(
    try crossValidateChurn(
      "HistGradientBoosting", churnColumns(), HistGradientBoostingClassifier<String>(seed: 0),
      train, yTrain,
      progress: progress, done: &done, total: total, churnScore: probability))
  rows.append(
    try crossValidateChurn(
      "RandomForest", churnColumns(),
      RandomForestClassifier<String>(estimatorCount: 100, minSamplesLeaf: .count(5), seed: 0),
      train, yTrain, progress: progress, done: &done, total: total, churnScore: probability))
  print()
  print("  model                    ROC-AUC (mean ± std)   time")
  for row in rows {
    let (mean, spread) = meanAndSpread(row.scores)
    let name = row.name.padding(toLength: 24, withPad: " ", startingAt: 0)
    print("  \(name) \(format(mean)) ± \(format(spread))        \(format(row.seconds, 2)) s")
  }
  print()

  // Tune C of a scaled logistic regression by grid search over a nested key path, on the
  // training rows' features (the column transformer above was fitted on those rows only).
  let xTrain = try columns.transform(train).toMatrix()
  typealias Model = Pipeline<StandardScaler, LogisticRegression<String>>
  let c = HyperparameterPath(\Model.last.c, name: "logisticregression.c")
  let search = GridSearch(
    Model(StandardScaler(), LogisticRegression(maxIter: 1000)),
    axes: [SearchAxis(c, values: [0.001, 0.01, 0.1, 1, 10])],
    cv: StratifiedKFold(splitCount: 5, shuffle: true, seed: 3))
  let bar = ProgressBar("grid search (5 values of C x 5 folds)")
  let tuned = try search.fit(xTrain, yTrain) {
    bar.update($0.completed, $0.total, best: $0.bestScore)
  }
  print(tuned.results.text)
  print("Best: \(tuned.bestParameters) (mean CV accuracy \(format(tuned.bestScore)))")

  // The final model: the column transformer and the tuned classifier, refitted on every
  // training row and evaluated once on the held-out customers.
  let final = try FramePipeline(churnColumns(), tuned.bestCandidate).fit(train, yTrain)
  let predictions = try final.predict(test)
  let report = try classificationReport(yTrue: yTest, yPred: predictions, zeroDivision: .zero)
  let churnColumn = final.classes.firstIndex(of: "churned") ?? 0
  let auc = try rocAUCScore(
    yTrue: yTest.map { $0 == "churned" ? 1 : 0 },
    yScore: final.predictProbabilities(test).column(churnColumn))
  print()
  print("Tuned model on the held-out test customers (ROC-AUC \(format(auc))):")
  print(report)
  print("Largest logistic coefficients (standardized) by feature name:")
  let coefficients = final.last.last.coefficientRows.first ?? []
  let named = zip(final.featureNamesOut, coefficients).sorted { abs($0.1) > abs($1.1) }
  for (feature, value) in named.prefix(6) {
    print("  \(feature.padding(toLength: 46, withPad: " ", startingAt: 0)) \(format(value, 3))")
  }
  let forest = try FramePipeline(
    churnColumns(),
    RandomForestClassifier<String>(estimatorCount: 100, minSamplesLeaf: .count(5), seed: 0)
  ).fit(train, yTrain)
  print("Random forest: top feature importances by name (impurity-based):")
  for entry in forest.featureImportancesByName().prefix(6) {
    let name = entry.feature.padding(toLength: 46, withPad: " ", startingAt: 0)
    print("  \(name) \(format(entry.importance, 3))")
  }
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "swiftlearn-demo-churn.json")
  try final.save(to: url)
  let reloaded = try type(of: final).load(from: url)
  let same = try reloaded.predict(test) == final.predict(test)
  print("Saved the whole churn model to one file; reloaded predictions identical: \(same)")
  try? FileManager.default.removeItem(at: url)
  guard same else { throw DemoError.reloadMismatch }
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

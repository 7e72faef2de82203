import LinearAlgebra

/// A data set: a feature matrix, its target, and the names that describe them.
///
/// scikit-learn: the `Bunch` returned by `sklearn.datasets.load_iris()` and the other
/// `load_*` functions (`data`, `target`, `feature_names`, `target_names`, `DESCR`).
/// `Dataset` is an immutable value; build a new one to change it.
///
/// For classification data sets `target` holds the class index of each row as a `Double`
/// (`0.0`, `1.0`, …, exactly as scikit-learn's integer array converted to float), ``labels``
/// gives the same as `Int`s and ``labelNames`` the class name of each row. For regression
/// data sets `targetNames`, `labels` and `labelNames` are empty.
///
///     let iris = try loadIris()
///     iris.data.shape                 // (150, 4)
///     iris.featureNames[0]            // "sepal length (cm)"
///     iris.labelNames[0]              // "setosa"
public struct Dataset: Sendable, Hashable, CustomStringConvertible {
  /// The learning task a data set is meant for.
  public enum Task: String, Sendable, Hashable, CaseIterable {
    /// Predict one of finitely many classes; `target` holds class indices.
    case classification
    /// Predict a real number.
    case regression
  }

  /// A short identifier such as `"iris"` (scikit-learn's loader name without `load_`).
  public let name: String
  /// The features, one row per sample (scikit-learn's `data`).
  public let data: Matrix
  /// The target of each row (scikit-learn's `target`); class indices for classification.
  public let target: [Double]
  /// The name of each column of ``data`` (scikit-learn's `feature_names`).
  public let featureNames: [String]
  /// The class names, indexed by class index (scikit-learn's `target_names`); empty for
  /// regression.
  public let targetNames: [String]
  /// Whether the data set is for classification or regression.
  public let task: Task
  /// A short description: source, shape and task (scikit-learn's much longer `DESCR`).
  public let description: String

  /// Creates a data set after checking that its parts agree.
  ///
  /// - Parameters:
  ///   - name: A short identifier.
  ///   - data: The features, one row per sample.
  ///   - target: One value per row; for classification, whole numbers in
  ///     `0..<targetNames.count` (any non-negative whole numbers if `targetNames` is empty).
  ///   - featureNames: One name per column of `data`.
  ///   - targetNames: Class names for classification; must be empty for regression.
  ///   - task: The learning task.
  ///   - description: Free text.
  /// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming the part that does
  ///   not fit (`target`, `featureNames` or `targetNames`).
  ///
  ///     let d = try Dataset(
  ///       name: "toy", data: try Matrix(rows: [[0], [1]]), target: [0, 1],
  ///       featureNames: ["x"], targetNames: ["no", "yes"], task: .classification,
  ///       description: "Two points.")
  public init(
    name: String, data: Matrix, target: [Double], featureNames: [String],
    targetNames: [String], task: Task, description: String
  ) throws {
    guard target.count == data.rowCount else {
      throw DatasetError.invalidParameter(
        name: "target", value: "\(target.count) values",
        expected: "one value per row of data (\(data.rowCount))")
    }
    guard featureNames.count == data.columnCount else {
      throw DatasetError.invalidParameter(
        name: "featureNames", value: "\(featureNames.count) names",
        expected: "one name per column of data (\(data.columnCount))")
    }
    switch task {
    case .regression:
      guard targetNames.isEmpty else {
        throw DatasetError.invalidParameter(
          name: "targetNames", value: "\(targetNames.count) names",
          expected: "empty for a regression data set")
      }
    case .classification:
      let limit = targetNames.isEmpty ? Double(Int.max / 2) : Double(targetNames.count)
      for value in target where !(value >= 0 && value < limit && value == value.rounded()) {
        throw DatasetError.invalidParameter(
          name: "target", value: "\(value)",
          expected: targetNames.isEmpty
            ? "non-negative whole class indices"
            : "whole class indices in 0..<\(targetNames.count)")
      }
    }
    self.init(
      unchecked: name, data: data, target: target, featureNames: featureNames,
      targetNames: targetNames, task: task, description: description)
  }

  /// Memberwise initialiser for loaders that have already checked their parts.
  init(
    unchecked name: String, data: Matrix, target: [Double], featureNames: [String],
    targetNames: [String], task: Task, description: String
  ) {
    self.name = name
    self.data = data
    self.target = target
    self.featureNames = featureNames
    self.targetNames = targetNames
    self.task = task
    self.description = description
  }

  /// The number of rows (samples).
  public var sampleCount: Int { data.rowCount }

  /// The number of columns (features).
  public var featureCount: Int { data.columnCount }

  /// The class index of each row as an `Int`; empty for regression.
  ///
  ///     try loadWine().labels.prefix(3)   // [0, 0, 0]
  public var labels: [Int] {
    guard task == .classification else { return [] }
    return target.map { Int($0) }
  }

  /// The class name of each row (`targetNames[label]`); empty for regression.
  ///
  /// scikit-learn: `bunch.target_names[bunch.target]`.
  ///
  ///     try loadIris().labelNames.last    // "virginica"
  public var labelNames: [String] {
    guard task == .classification else { return [] }
    return target.map { value in
      let k = Int(value)
      return k < targetNames.count ? targetNames[k] : String(k)
    }
  }

  /// The number of rows in each class, indexed by class index; empty for regression.
  ///
  ///     try loadBreastCancer().classCounts   // [212, 357]
  public var classCounts: [Int] {
    guard task == .classification else { return [] }
    let maxLabel = target.reduce(-1) { max($0, Int($1)) }
    var counts = [Int](repeating: 0, count: max(targetNames.count, maxLabel + 1))
    for value in target { counts[Int(value)] += 1 }
    return counts
  }
}

import Foundation
import LinearAlgebra

// The small real data sets that ship with the package (copied from scikit-learn's PyPI
// package, sklearn/datasets/data/, BSD-3-Clause; see Docs/Datasets.md for provenance).
// Each call reparses its file: they are small, and nothing global needs to be cached.

/// Loads the iris plants data set (classification, 150 × 4, 3 classes of 50).
///
/// Sepal and petal measurements of three iris species, as collected by Edgar Anderson and
/// used by R. A. Fisher in 1936. scikit-learn: `sklearn.datasets.load_iris()`; the values,
/// feature names (`"sepal length (cm)"`, …) and class names (`"setosa"`, `"versicolor"`,
/// `"virginica"`) are exactly scikit-learn's.
///
/// - Returns: A ``Dataset`` with `target` holding class indices 0, 1, 2.
/// - Throws: ``DatasetError/resourceMissing(name:)`` or
///   ``DatasetError/malformedResource(name:line:reason:)`` if the bundled file is absent or
///   damaged.
/// - Complexity: O(file size); the file is reparsed on every call.
///
///     let iris = try loadIris()
///     iris.data.shape        // (150, 4)
///     iris.classCounts       // [50, 50, 50]
public func loadIris() throws -> Dataset {
  let file = "iris.csv"
  let parsed = try parseHeaderedCSV(try resourceText(file), file: file)
  return Dataset(
    unchecked: "iris", data: parsed.data, target: parsed.target,
    featureNames: [
      "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)",
    ],
    targetNames: parsed.targetNames, task: .classification,
    description: """
      Iris plants (Anderson's measurements, used by R. A. Fisher in 1936; copied from \
      scikit-learn's bundled iris.csv). \(parsed.data.rowCount) samples x \
      \(parsed.data.columnCount) features, \(parsed.targetNames.count) classes. \
      Task: classification.
      """)
}

/// Loads the wine recognition data set (classification, 178 × 13, 3 classes).
///
/// Chemical analyses of wines from three cultivars grown in the same region of Italy
/// (Forina et al., PARVUS; UCI Machine Learning Repository). scikit-learn:
/// `sklearn.datasets.load_wine()`; feature names (`"alcohol"`, …,
/// `"od280/od315_of_diluted_wines"`, `"proline"`) and class names (`"class_0"`, `"class_1"`,
/// `"class_2"`) are exactly scikit-learn's. Class sizes are 59, 71 and 48.
///
/// - Throws: ``DatasetError/resourceMissing(name:)`` or
///   ``DatasetError/malformedResource(name:line:reason:)`` if the bundled file is absent or
///   damaged.
/// - Complexity: O(file size); the file is reparsed on every call.
///
///     let wine = try loadWine()
///     wine.featureNames.last   // "proline"
public func loadWine() throws -> Dataset {
  let file = "wine_data.csv"
  let parsed = try parseHeaderedCSV(try resourceText(file), file: file)
  return Dataset(
    unchecked: "wine", data: parsed.data, target: parsed.target,
    featureNames: [
      "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
      "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
      "od280/od315_of_diluted_wines", "proline",
    ],
    targetNames: parsed.targetNames, task: .classification,
    description: """
      Wine recognition (UCI; Forina et al., PARVUS; copied from scikit-learn's bundled \
      wine_data.csv). \(parsed.data.rowCount) samples x \(parsed.data.columnCount) features, \
      \(parsed.targetNames.count) cultivars. Task: classification.
      """)
}

/// Loads the Breast Cancer Wisconsin (Diagnostic) data set (classification, 569 × 30).
///
/// Thirty features computed from digitised images of fine-needle aspirates of breast masses
/// (Wolberg, Street and Mangasarian, University of Wisconsin, 1995; UCI). scikit-learn:
/// `sklearn.datasets.load_breast_cancer()`; feature names (`"mean radius"`, …,
/// `"worst fractal dimension"`) and class names (`"malignant"` = 0, `"benign"` = 1) are
/// exactly scikit-learn's. Class sizes are 212 malignant and 357 benign.
///
/// - Throws: ``DatasetError/resourceMissing(name:)`` or
///   ``DatasetError/malformedResource(name:line:reason:)`` if the bundled file is absent or
///   damaged.
/// - Complexity: O(file size); the file is reparsed on every call.
///
///     let cancer = try loadBreastCancer()
///     cancer.targetNames     // ["malignant", "benign"]
public func loadBreastCancer() throws -> Dataset {
  let file = "breast_cancer.csv"
  let parsed = try parseHeaderedCSV(try resourceText(file), file: file)
  let measures = [
    "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
    "concave points", "symmetry", "fractal dimension",
  ]
  let names =
    measures.map { "mean \($0)" } + measures.map { "\($0) error" }
    + measures.map { "worst \($0)" }
  return Dataset(
    unchecked: "breast_cancer", data: parsed.data, target: parsed.target,
    featureNames: names, targetNames: parsed.targetNames, task: .classification,
    description: """
      Breast Cancer Wisconsin (Diagnostic) (UCI; Wolberg, Street and Mangasarian, 1995; \
      copied from scikit-learn's bundled breast_cancer.csv). \(parsed.data.rowCount) samples \
      x \(parsed.data.columnCount) features, classes malignant (0) and benign (1). \
      Task: binary classification.
      """)
}

/// Loads the diabetes data set (regression, 442 × 10).
///
/// Age, sex, body-mass index, average blood pressure and six blood serum measurements of 442
/// diabetes patients; the target is a quantitative measure of disease progression one year
/// after baseline (Efron, Hastie, Johnstone and Tibshirani, "Least Angle Regression", 2004).
/// scikit-learn: `sklearn.datasets.load_diabetes(scaled=True)`; feature names are
/// `["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]`.
///
/// - Parameter scaled: When `true` (the default, as in scikit-learn) each column is centred on
///   its mean and divided by its population standard deviation (ddof 0) and then by
///   `sqrt(442)`, so every column has mean 0 and sum of squares 1 — the same arithmetic as
///   scikit-learn's `scale(data)` followed by `data / n ** 0.5`. When `false` the raw
///   measurements are returned (sex coded 1/2).
/// - Throws: ``DatasetError/resourceMissing(name:)`` or
///   ``DatasetError/malformedResource(name:line:reason:)`` if a bundled file is absent or
///   damaged, or the data and target files disagree in length.
/// - Complexity: O(file size); the files are reparsed on every call.
///
///     let diabetes = try loadDiabetes()
///     diabetes.target.prefix(3)     // [151.0, 75.0, 141.0]
///     let raw = try loadDiabetes(scaled: false)
public func loadDiabetes(scaled: Bool = true) throws -> Dataset {
  let dataFile = "diabetes_data_raw.csv"
  let targetFile = "diabetes_target.csv"
  var data = try parseNumericTable(
    try resourceText(dataFile), file: dataFile, separator: .whitespace)
  let targetTable = try parseNumericTable(
    try resourceText(targetFile), file: targetFile, separator: .whitespace)
  guard targetTable.columnCount == 1, targetTable.rowCount == data.rowCount else {
    throw DatasetError.malformedResource(
      name: targetFile, line: 1,
      reason: "expected one column of \(data.rowCount) values, found "
        + "\(targetTable.rowCount) x \(targetTable.columnCount)")
  }
  if scaled { data = scaleLikeDiabetes(data) }
  return Dataset(
    unchecked: "diabetes", data: data, target: targetTable.storage,
    featureNames: ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"],
    targetNames: [], task: .regression,
    description: """
      Diabetes (Efron, Hastie, Johnstone and Tibshirani, 2004; copied from scikit-learn's \
      bundled diabetes files). \(data.rowCount) samples x \(data.columnCount) features\
      \(scaled ? ", each column centred and scaled to unit sum of squares" : ", raw values"). \
      Target: disease progression one year after baseline. Task: regression.
      """)
}

/// Centres each column, divides by its population standard deviation, then by `sqrt(n)`.
///
/// Mirrors scikit-learn's `preprocessing.scale` (mean, then `std` as the root of the mean
/// squared deviation, a zero deviation treated as 1) followed by `data /= n ** 0.5`.
func scaleLikeDiabetes(_ data: Matrix) -> Matrix {
  let n = data.rowCount
  let p = data.columnCount
  guard n > 0 else { return data }
  var storage = data.storage
  let rootN = Double(n).squareRoot()
  for j in 0..<p {
    var sum = 0.0
    for i in 0..<n { sum += storage[i * p + j] }
    let mean = sum / Double(n)
    var squares = 0.0
    for i in 0..<n {
      let d = storage[i * p + j] - mean
      squares += d * d
    }
    var std = (squares / Double(n)).squareRoot()
    if std < 10 * Double.ulpOfOne { std = 1 }
    for i in 0..<n {
      storage[i * p + j] = (storage[i * p + j] - mean) / std / rootN
    }
  }
  return Matrix(unchecked: n, p, storage)
}

/// Loads the optical recognition of handwritten digits data set (classification, 8 × 8
/// images, 1,797 samples, 10 classes).
///
/// Each row is an 8 × 8 image of a handwritten digit flattened row by row; each pixel is the
/// count (0–16) of set pixels in a 4 × 4 block of the original 32 × 32 bitmap (Alpaydin and
/// Kaynak, UCI, 1998; this is the UCI test set). scikit-learn:
/// `sklearn.datasets.load_digits(n_class=10)`. Feature names are `"pixel_0_0"` …
/// `"pixel_7_7"` (`"pixel_<row>_<column>"`), and `targetNames` is `["0", …, "9"]` even when
/// fewer classes are kept, as in scikit-learn. Reshape a row to 8 × 8 to view the image
/// (scikit-learn's `images`).
///
/// - Parameter classCount: Keep only the digits `0..<classCount` (scikit-learn's `n_class`);
///   default 10.
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming `classCount` if it
///   is outside `1...10`; ``DatasetError/resourceMissing(name:)`` or
///   ``DatasetError/malformedResource(name:line:reason:)`` if the bundled file is absent or
///   damaged.
/// - Complexity: O(file size); the file is reparsed on every call.
///
///     let digits = try loadDigits()
///     digits.data.shape                     // (1797, 64)
///     let twoClass = try loadDigits(classCount: 2)   // only 0s and 1s, 360 rows
public func loadDigits(classCount: Int = 10) throws -> Dataset {
  guard (1...10).contains(classCount) else {
    throw DatasetError.invalidParameter(
      name: "classCount", value: "\(classCount)", expected: "an int in the range [1, 10]")
  }
  let file = "digits.csv"
  let table = try parseNumericTable(try resourceText(file), file: file, separator: .comma)
  guard table.columnCount == 65 else {
    throw DatasetError.malformedResource(
      name: file, line: 1, reason: "expected 65 fields, found \(table.columnCount)")
  }
  var storage: [Double] = []
  storage.reserveCapacity(table.rowCount * 64)
  var target: [Double] = []
  let all = table.storage
  for i in 0..<table.rowCount {
    let label = all[i * 65 + 64]
    guard label >= 0, label <= 9, label == label.rounded() else {
      throw DatasetError.malformedResource(
        name: file, line: i + 1, reason: "'\(label)' is not a digit class 0-9")
    }
    guard Int(label) < classCount else { continue }
    storage.append(contentsOf: all[(i * 65)..<(i * 65 + 64)])
    target.append(label)
  }
  let featureNames = (0..<8).flatMap { r in (0..<8).map { c in "pixel_\(r)_\(c)" } }
  let data = Matrix(unchecked: target.count, 64, storage)
  return Dataset(
    unchecked: "digits", data: data, target: target, featureNames: featureNames,
    targetNames: (0..<10).map { String($0) }, task: .classification,
    description: """
      Optical recognition of handwritten digits (UCI test set; Alpaydin and Kaynak, 1998; \
      copied from scikit-learn's bundled digits.csv). \(data.rowCount) samples x 64 features \
      (8 x 8 images, pixel values 0-16), \(classCount) classes. Task: classification.
      """)
}

import Datasets
import EstimatorChecks
import LinearAlgebra
import Testing

/// The bundled loaders return exactly scikit-learn's arrays (Tests/Fixtures/datasets.json,
/// written by gen_datasets.py with scikit-learn 1.9.1).
@Suite struct BundledDatasetsTests {
  static let keys = [
    "iris", "wine", "breast_cancer", "diabetes", "diabetes_raw", "digits", "digits_3",
  ]

  func load(_ key: String) throws -> Dataset {
    switch key {
    case "iris": return try loadIris()
    case "wine": return try loadWine()
    case "breast_cancer": return try loadBreastCancer()
    case "diabetes": return try loadDiabetes()
    case "diabetes_raw": return try loadDiabetes(scaled: false)
    case "digits": return try loadDigits()
    default: return try loadDigits(classCount: 3)
    }
  }

  @Test(arguments: keys)
  func matchesScikitLearn(_ key: String) throws {
    let expected = try Fixture("datasets").child(key)
    let dataset = try load(key)
    let shape = try expected.ints("shape")
    #expect(dataset.data.rowCount == shape[0])
    #expect(dataset.data.columnCount == shape[1])
    #expect(dataset.target.count == shape[0])
    #expect(dataset.featureNames == (try expected.strings("feature_names")))

    let x = dataset.data
    expectClose(
      columnSums(x), try expected.vector("column_sums"), rtol: 1e-12, atol: 1e-12,
      "\(key) column sums")
    var squares = [Double](repeating: 0, count: x.columnCount)
    var weighted = [Double](repeating: 0, count: x.columnCount)
    for i in 0..<x.rowCount {
      for j in 0..<x.columnCount {
        squares[j] += x[i, j] * x[i, j]
        weighted[j] += Double(i + 1) * x[i, j]
      }
    }
    expectClose(
      squares, try expected.vector("column_sums_of_squares"), rtol: 1e-12,
      "\(key) sums of squares")
    expectClose(
      weighted, try expected.vector("row_weighted_sums"), rtol: 1e-12, atol: 1e-10,
      "\(key) row-weighted sums")
    // The first rows and the last row bit for bit (both sides parse the same decimal text).
    expectClose(
      try x.rows(0..<3), try expected.matrix("head"), rtol: 1e-15, atol: 1e-15,
      "\(key) head")
    expectClose(
      try x.row(x.rowCount - 1), try expected.vector("last_row"), rtol: 1e-15,
      atol: 1e-15, "\(key) last row")
    #expect(Array(dataset.target.prefix(5)) == (try expected.vector("target_head")))
    expectClose(dataset.target.reduce(0, +), try expected.double("target_sum"), rtol: 1e-14)

    if expected.has("target_names") {
      #expect(dataset.task == .classification)
      #expect(dataset.targetNames == (try expected.strings("target_names")))
      #expect(dataset.classCounts == (try expected.ints("class_counts")))
      #expect(dataset.labels.count == shape[0])
      #expect(dataset.labelNames.count == shape[0])
    } else {
      #expect(dataset.task == .regression)
      #expect(dataset.targetNames.isEmpty)
      #expect(dataset.labels.isEmpty)
      #expect(dataset.labelNames.isEmpty)
    }
  }

  @Test func diabetesScaledEqualsScikitLearnElementwise() throws {
    let expected = try Fixture("datasets").child("diabetes").matrix("data")
    let scaled = try loadDiabetes()
    expectClose(scaled.data, expected, rtol: 1e-12, atol: 1e-15, "scaled diabetes")
    // Each column has mean 0 and sum of squares 1.
    for j in 0..<scaled.featureCount {
      let column = try scaled.data.column(j)
      #expect(abs(column.reduce(0, +)) < 1e-12)
      expectClose(column.map { $0 * $0 }.reduce(0, +), 1, rtol: 1e-12)
    }
  }

  @Test func irisNamesAndLabels() throws {
    let iris = try loadIris()
    #expect(iris.name == "iris")
    #expect(
      iris.featureNames == [
        "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)",
      ])
    #expect(iris.targetNames == ["setosa", "versicolor", "virginica"])
    #expect(iris.labels.prefix(50).allSatisfy { $0 == 0 })
    #expect(iris.labelNames.first == "setosa")
    #expect(iris.labelNames.last == "virginica")
    #expect(iris.data[0, 0] == 5.1)
    #expect(iris.description.contains("150"))
    #expect(iris.sampleCount == 150)
    #expect(iris.featureCount == 4)
  }

  @Test func breastCancerAndWineNames() throws {
    let cancer = try loadBreastCancer()
    #expect(cancer.targetNames == ["malignant", "benign"])
    #expect(cancer.featureNames.first == "mean radius")
    #expect(cancer.featureNames[10] == "radius error")
    #expect(cancer.featureNames.last == "worst fractal dimension")
    let wine = try loadWine()
    #expect(wine.targetNames == ["class_0", "class_1", "class_2"])
    #expect(wine.featureNames[11] == "od280/od315_of_diluted_wines")
  }

  @Test func digitsClassCountFilters() throws {
    for k in 1...10 {
      let digits = try loadDigits(classCount: k)
      #expect(Set(digits.labels) == Set(0..<k))
      #expect(digits.targetNames.count == 10)
      #expect(digits.featureNames[9] == "pixel_1_1")
      #expect(digits.data.storage.allSatisfy { $0 >= 0 && $0 <= 16 })
    }
    #expect(try loadDigits(classCount: 2).sampleCount == 360)
  }

  @Test func digitsRejectsBadClassCount() {
    expectInvalidParameter("classCount") { _ = try loadDigits(classCount: 0) }
    expectInvalidParameter("classCount") { _ = try loadDigits(classCount: 11) }
  }

  @Test func diabetesRawValues() throws {
    let raw = try loadDiabetes(scaled: false)
    #expect(try raw.data.row(0) == [59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87])
    #expect(Array(raw.target.prefix(3)) == [151, 75, 141])
  }

  @Test func loadersAreRepeatable() throws {
    #expect(try loadWine() == loadWine())
    #expect(try loadDiabetes() == loadDiabetes())
  }
}

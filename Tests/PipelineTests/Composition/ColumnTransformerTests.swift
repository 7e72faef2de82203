import EstimatorChecks
import Foundation
import SwiftLearn
import Testing

@Suite("ColumnTransformer")
struct ColumnTransformerTests {
  let fixture: Fixture
  let frame: DataFrame
  let test: DataFrame

  init() throws {
    fixture = try Fixture("composition")
    frame = try CompositionData.frame(fixture, "frame")
    test = try CompositionData.frame(fixture, "test")
  }

  @Test("output names and values match scikit-learn's ColumnTransformer", arguments: [true, false])
  func parity(verbose: Bool) throws {
    let expected = try fixture.child(verbose ? "verbose" : "plain")
    let (fitted, output) = try CompositionData.columnTransformer(verbose: verbose)
      .fitTransform(frame)
    #expect(fitted.outputColumnNames == (try expected.strings("names")))
    #expect(output.columnNames == (try expected.strings("names")))
    expectClose(try output.toMatrix(), try expected.matrix("train"), rtol: 1e-8, atol: 1e-12)
    expectClose(
      try fitted.transformMatrix(test), try expected.matrix("test"), rtol: 1e-8, atol: 1e-12)
  }

  @Test("remainder passthrough names the remaining columns remainder__")
  func passthroughRemainder() throws {
    let base = CompositionData.columnTransformer()
    let passthrough = ColumnTransformer(branches: base.branches, remainder: PassthroughColumns())
    let fitted = try passthrough.fit(frame)
    #expect(
      fitted.outputColumnNames == (try fixture.child("passthrough").strings("names")))
    #expect(fitted.columnsByBranch.last?.columns == ["score"])
    // A transformer as remainder: the scaled score.
    let scaled = ColumnTransformer(
      branches: base.branches, remainder: MatrixColumns(StandardScaler()))
    let output = try scaled.fitTransform(frame).output
    let score = try frame.column("score").numericValues().compactMap { $0 }
    let mean = score.reduce(0, +) / Double(score.count)
    let sd = (score.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(score.count))
      .squareRoot()
    let got = try output.column("remainder__score").numericValues().compactMap { $0 }
    expectClose(got, score.map { ($0 - mean) / sd }, rtol: 1e-12, atol: 1e-12)
  }

  @Test("columns are selected by kind and by pattern like make_column_selector")
  func selectors() throws {
    let numeric = try frame.dropping(["signup", "city", "plan"]).fillingNulls(.value(0))
    let columns = ColumnTransformer {
      ColumnBranch("num", .numeric, StandardScaler())
      ColumnBranch("pat", .pattern("^in|^sc", kinds: [.numeric]), PassthroughColumns())
    }
    let fitted = try columns.fit(numeric)
    #expect(fitted.outputColumnNames == (try fixture.child("selectors").strings("names")))
    let kinds = try ColumnTransformer {
      ColumnBranch("text", .categorical, MostFrequentImputer())
      ColumnBranch("when", .dates, DateParts(parts: [.year]))
    }.fit(frame)
    #expect(kinds.columnsByBranch.map(\.columns) == [["city", "plan"], ["signup"], []])
    #expect(kinds.outputColumnNames == ["text__city", "text__plan", "when__signup_year"])
  }

  @Test("a missing column at transform throws naming it; extra and reordered columns are fine")
  func columnContract() throws {
    let fitted = try CompositionData.columnTransformer().fit(frame)
    #expect(throws: DataFrameError.unknownColumn(name: "plan", suggestions: [])) {
      try fitted.transform(test.dropping(["plan"]))
    }
    // A column whose kind changed is named too.
    var retyped = test
    try retyped.setColumn(Column("age", strings: [String](repeating: "old", count: test.rowCount)))
    #expect(throws: DataFrameError.self) { try fitted.transform(retyped) }
    do {
      _ = try fitted.transform(retyped)
    } catch let DataFrameError.wrongType(column, _, _) {
      #expect(column == "age")
    }
    // Extra columns are ignored and the order of columns does not matter.
    let shuffled = try test.selecting(test.columnNames.reversed())
      .withColumn(Column("unused", doubles: [Double](repeating: 1, count: test.rowCount)))
    #expect(try fitted.transform(shuffled) == fitted.transform(test))
  }

  @Test("a missing column at fit, an invalid pattern, and repeated names are typed errors")
  func badSettings() throws {
    let missing = ColumnTransformer {
      ColumnBranch("a", .names(["nope"]), MeanImputer())
    }
    #expect(throws: DataFrameError.unknownColumn(name: "nope", suggestions: [])) {
      try missing.fit(frame)
    }
    let pattern = ColumnTransformer {
      ColumnBranch("a", .pattern("(unclosed"), MeanImputer())
    }
    #expect(throws: LearnError.self) { try pattern.fit(frame) }
    do {
      _ = try pattern.fit(frame)
    } catch let LearnError.invalidParameter(_, name, _, _) {
      #expect(name == "columns")
    }
    let twice = ColumnTransformer {
      ColumnBranch("a", .names(["age"]), MeanImputer())
      ColumnBranch("a", .names(["income"]), MeanImputer())
    }
    #expect(throws: LearnError.self) { try twice.fit(frame) }
    // Without prefixes, two branches producing the same name cannot be told apart.
    let clash = ColumnTransformer(verboseFeatureNamesOut: false) {
      ColumnBranch("a", .names(["age"]), MeanImputer())
      ColumnBranch("b", .names(["age"]), MeanImputer())
    }
    #expect(throws: LearnError.self) { try clash.fit(frame) }
    #expect(throws: LearnError.self) { try missing.fit(DataFrame()) }
  }

  @Test("the fitted column transformer saves and loads to identical output")
  func persistence() throws {
    let fitted = try CompositionData.columnTransformer().fit(frame)
    let data = try fitted.encodedModelFile()
    let loaded = try type(of: fitted).decodeModelFile(data)
    #expect(loaded == fitted)
    #expect(try loaded.transform(test) == fitted.transform(test))
  }

  @Test("branch hyperparameters are reached by typed key paths and named from branch names")
  func keyPaths() throws {
    var columns = CompositionData.columnTransformer()
    let numeric = columns.step(\.branches.first.first)
    #expect(numeric.name == "numeric")
    let withMean = numeric.parameter(\.transformer.last.estimator.withMean, "withMean")
    #expect(withMean.name == "numeric.withMean")
    columns = withMean.setting(false, in: columns)
    #expect(columns.branches.first.first.transformer.last.estimator.withMean == false)
    #expect(columns.step(\.branches.last).name == "dates")
    #expect(columns.step(\.remainder).name == "remainder")
    let scaled = ColumnTransformer(
      branches: columns.branches, remainder: MatrixColumns(StandardScaler()))
    #expect(scaled.step(\.remainder).name == "remainder")
    #expect(
      scaled.step(\.remainder).parameter(\.estimator.withMean, "withMean").name
        == "remainder.withMean")
    #expect(columns.stepNames == ["numeric", "categorical", "dates", "remainder"])
    // Not centred any more: the numeric output keeps its mean.
    let output = try columns.fitTransform(frame).output
    let income = try output.column("numeric__income").numericValues().compactMap { $0 }
    #expect(abs(income.reduce(0, +) / Double(income.count)) > 1)
  }

  @Test("a step that is both a frame and a matrix transformer is used as a frame transformer")
  func dualStep() throws {
    let columns = ColumnTransformer {
      ColumnBranch("chain", .names(["age", "income"])) {
        DualImputer()
        StandardScaler()
      }
      ColumnBranch("single", .names(["age"]), DualImputer())
    }
    let fitted = try columns.fit(frame)
    // The frame path ran (a matrix step would have been wrapped in MatrixColumns).
    #expect(try #require(fitted.branches.last.transformer).viaFrame)
    let output = try fitted.transform(frame)
    #expect(
      try output.column("single__age").numericValues().allSatisfy { $0.map { !$0.isNaN } ?? false })
    #expect(try output.toMatrix().isFinite)
    let pipeline = Pipeline {
      DualImputer()
      LinearRegression()
    }
    let (x, y) = CheckData.regression()
    #expect(try pipeline.fit(x, y).predict(x).count == x.rowCount)
  }

  @Test("DateParts expands dates into calendar parts and keeps nulls")
  func dateParts() throws {
    let fitted = try DateParts().fit(frame.selecting(["signup"]))
    #expect(
      fitted.outputColumnNames == [
        "signup_year", "signup_month", "signup_day", "signup_weekday", "signup_dayofyear",
      ])
    let output = try fitted.transform(frame)
    let year = try output.column("signup_year")
    #expect(year.nullCount == (try frame.column("signup").nullCount))
    #expect(throws: DataFrameError.self) { try DateParts().fit(frame.selecting(["age"])) }
    #expect(throws: LearnError.self) { try DateParts(parts: []).fit(frame.selecting(["signup"])) }
  }
}

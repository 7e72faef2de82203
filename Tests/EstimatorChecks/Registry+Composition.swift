import Foundation
import SwiftLearn
import Testing

extension Registry {
  /// Pipelines, column transformers, feature unions and samplers (issue 4).
  static let compositionEntries: [RegistryEntry] = [
    RegistryEntry(name: "FeatureUnion") {
      typealias Union = FeatureUnion<StandardScaler, StandardScaler>
      try checkTransformer(
        Union(),
        changed: (Union(StandardScaler(withMean: false), StandardScaler()), "withMean: false"))
    },
    RegistryEntry(name: "Resampled") {
      typealias Balanced = Resampled<RandomOverSampler, DummyClassifier<Int>>
      try checkClassifier(
        Balanced(RandomOverSampler(seed: 0), DummyClassifier()),
        stringLabelled: Resampled(RandomOverSampler(seed: 0), DummyClassifier<String>()),
        changed: (Balanced(RandomOverSampler(seed: 3), DummyClassifier()), "seed: 3"),
        invalid: [
          InvalidSetting(
            "samplingStrategy",
            Balanced(RandomOverSampler(samplingStrategy: .majority), DummyClassifier()))
        ],
        minimumAccuracy: 0.3)
    },
    RegistryEntry(name: "AnyRegressor") {
      try checkErasedRegressor()
    },
    RegistryEntry(name: "AnyTransformerEstimator") {
      try checkErasedTransformer()
    },
    RegistryEntry(name: "AnyClassifier") {
      try checkErasedClassifier()
    },
    RegistryEntry(name: "AnyProbabilisticClassifier") {
      let (x, y) = CheckData.classification()
      let erased = AnyProbabilisticClassifier(Pipeline(StandardScaler(), DummyClassifier<Int>()))
      let fitted = try erased.fit(x, y)
      let typed = try Pipeline(StandardScaler(), DummyClassifier<Int>()).fit(x, y)
      #expect(try fitted.predictProbabilities(x) == typed.predictProbabilities(x))
      #expect(fitted.classes == [0, 1, 2])
      try checkFittedModel(
        fitted, x: x, allowsNaN: true, output: { try $0.predictProbabilities($1).storage },
        name: "AnyProbabilisticClassifier", sourceLocation: #_sourceLocation)
      // (The wrapped classifier accepts NaN; erased types cannot state that statically, so
      // the NaN-at-fit check of checkFitInputs does not apply.)
      #expect(
        throws: LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: x.rowCount - 1)
      ) { try erased.fit(x, Array(y.dropLast())) }
      #expect(throws: LearnError.self) {
        try erased.fit(Matrix(rowCount: 0, columnCount: 4, storage: []), [Int]())
      }
      #expect(erased.description == "Pipeline(StandardScaler(), DummyClassifier())")
    },
    RegistryEntry(name: "RandomOverSampler") {
      try checkSampler(
        RandomOverSampler(seed: 1), changed: (RandomOverSampler(seed: 4), "seed: 4"),
        invalid: [
          InvalidSetting("samplingStrategy", RandomOverSampler(samplingStrategy: .majority))
        ],
        expectedCounts: [0: 30, 1: 30, 2: 30])
    },
    RegistryEntry(name: "RandomUnderSampler") {
      try checkSampler(
        RandomUnderSampler(seed: 1),
        changed: (RandomUnderSampler(replacement: true), "replacement: true"),
        invalid: [
          InvalidSetting("samplingStrategy", RandomUnderSampler(samplingStrategy: .minority))
        ],
        expectedCounts: [0: 8, 1: 8, 2: 8])
    },
    RegistryEntry(name: "SMOTE") {
      try checkSampler(
        SMOTE(seed: 1), changed: (SMOTE(kNeighbors: 3), "kNeighbors: 3"),
        invalid: [
          InvalidSetting("kNeighbors", SMOTE(kNeighbors: 0)),
          InvalidSetting("kNeighbors", SMOTE(kNeighbors: 8)),
        ],
        expectedCounts: [0: 30, 1: 30, 2: 30])
    },
    RegistryEntry(name: "ColumnTransformer") {
      let columns = ColumnTransformer(remainder: PassthroughColumns()) {
        ColumnBranch("numeric", .numeric) { StandardScaler() }
        ColumnBranch("dates", .dates, DateParts(parts: [.year, .month]))
      }
      try checkFrameTransformer(
        columns, description: "ColumnTransformer(numeric: ",
        changed: "remainder: PassthroughColumns()")
      let plain = ColumnTransformer(verboseFeatureNamesOut: false) {
        ColumnBranch("kept", .names(["b", "a"]), PassthroughColumns())
      }
      try checkFrameTransformer(
        plain, description: "ColumnTransformer(kept: ", changed: "verboseFeatureNamesOut: false")
    },
    RegistryEntry(name: "DateParts") {
      try checkFrameTransformer(
        DateParts(), columns: ["when"], description: "DateParts()", changed: nil)
      #expect(DateParts(parts: [.year]).description.contains("parts: "))
    },
    RegistryEntry(name: "MatrixColumns") {
      try checkFrameTransformer(
        MatrixColumns(StandardScaler(withStd: false)), columns: ["a", "b"],
        description: "MatrixColumns(StandardScaler(withStd: false))", changed: nil)
    },
    RegistryEntry(name: "FrameChain") {
      try checkFrameTransformer(
        FrameChain(PassthroughColumns(), MatrixColumns(StandardScaler())), columns: ["a", "b"],
        description: "FrameChain(PassthroughColumns(), MatrixColumns(StandardScaler()))",
        changed: nil)
    },
    RegistryEntry(name: "DropColumns") {
      let fitted = try DropColumns().fit(CompositionCheckData.frame())
      #expect(fitted.outputColumnNames.isEmpty && fitted.inputColumnNames.isEmpty)
      #expect(try fitted.transform(CompositionCheckData.frame()).columnCount == 0)
      #expect(DropColumns().description == "DropColumns()")
      let restored = try DropColumns.Fitted.decodeModelFile(fitted.encodedModelFile())
      #expect(restored == fitted)
    },
    RegistryEntry(name: "PassthroughColumns") {
      try checkFrameTransformer(
        PassthroughColumns(), columns: nil, description: "PassthroughColumns()", changed: nil)
    },
    RegistryEntry(name: "FramePipeline") {
      try checkFramePipeline()
    },
  ]
}

/// A small mixed frame for the frame-transformer checks: numeric, int, string and date
/// columns.
enum CompositionCheckData {
  static func frame(rows: Int = 24, seed: UInt64 = 3) throws -> DataFrame {
    var rng = SeededGenerator(seed: seed)
    let a = (0..<rows).map { _ in rng.nextGaussian() }
    let b = (0..<rows).map { _ in rng.nextInt(below: 10) }
    let text = (0..<rows).map { ["x", "y", "z"][$0 % 3] }
    let when = (0..<rows).map { Date(timeIntervalSince1970: 1.6e9 + Double($0) * 86_400 * 17) }
    return try DataFrame([
      Column("a", doubles: a), Column("b", ints: b), Column("text", strings: text),
      Column("when", dates: when),
    ])
  }
}

/// The common checks of a frame transformer estimator: shapes and names, idempotent fit,
/// `fitTransform` equal to fit then transform, column lookup by name (order-insensitive,
/// extra columns ignored, a missing column named), and the saved file.
func checkFrameTransformer<E: FrameTransformerEstimator>(
  _ estimator: E, columns: [String]? = nil, description: String, changed: String?,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(E.self)
  let full = try CompositionCheckData.frame()
  let frame = try columns.map { try full.selecting($0) } ?? full
  let fitted = try estimator.fit(frame)
  let output = try fitted.transform(frame)
  #expect(
    output.columnNames == fitted.outputColumnNames, "\(name): output names",
    sourceLocation: sourceLocation)
  #expect(output.rowCount == frame.rowCount, "\(name): row count", sourceLocation: sourceLocation)
  #expect(
    fitted.featureCount == fitted.inputColumnNames.count, "\(name): featureCount",
    sourceLocation: sourceLocation)
  #expect(
    try estimator.fit(frame).transform(frame) == output, "\(name): fit is not idempotent",
    sourceLocation: sourceLocation)
  let fused = try estimator.fitTransform(frame)
  #expect(fused.output == output, "\(name): fitTransform", sourceLocation: sourceLocation)
  // Columns are found by name: reversed order and an extra column change nothing.
  let shuffled = try full.selecting(full.columnNames.reversed())
    .withColumn(Column("extra", doubles: [Double](repeating: 0, count: full.rowCount)))
  #expect(
    try fitted.transform(shuffled) == output, "\(name): columns bound by name",
    sourceLocation: sourceLocation)
  // A missing input column is named.
  if let missing = fitted.inputColumnNames.first {
    expectUnknownColumn(missing, name: name, sourceLocation: sourceLocation) {
      try fitted.transform(full.dropping([missing]))
    }
  }
  // Rows transform independently.
  let half = try fitted.transform(frame.rows(Array(0..<(frame.rowCount / 2))))
  #expect(
    half == (try output.rows(Array(0..<(frame.rowCount / 2)))), "\(name): row subsets",
    sourceLocation: sourceLocation)
  // The saved file round-trips; a truncated one is a typed error.
  let data = try fitted.encodedModelFile()
  #expect(
    try E.Fitted.decodeModelFile(data).transform(frame) == output,
    "\(name): saved and loaded model must transform identically", sourceLocation: sourceLocation)
  #expect(throws: LearnError.self, "\(name): truncated file", sourceLocation: sourceLocation) {
    try E.Fitted.decodeModelFile(Data(data.prefix(data.count / 2)))
  }
  #expect(
    estimator.description.hasPrefix(description) || estimator.description == description,
    "\(name): description \(estimator.description)", sourceLocation: sourceLocation)
  if let changed {
    #expect(
      estimator.description.contains(changed), "\(name): description should mention \(changed)",
      sourceLocation: sourceLocation)
  }
}

/// The common checks of a sampler on imbalanced integer-labelled data (8, 16 and 30 rows).
func checkSampler<S: Sampler & RandomizedEstimator & DefaultInitializable>(
  _ sampler: S, changed: (S, String), invalid: [InvalidSetting<S>],
  expectedCounts: [Int: Int], sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let name = estimatorTypeName(S.self)
  let (all, labels) = CheckData.classification(n: 90)
  var rows: [Int] = []
  var seen = [0, 0, 0]
  let quota = [30, 16, 8]
  for (i, label) in labels.enumerated() where seen[label] < quota[label] {
    seen[label] += 1
    rows.append(i)
  }
  let x = try all.rows(rows)
  let y = rows.map { labels[$0] }
  let (rx, ry) = try sampler.fitResample(x, y)
  #expect(rx.rowCount == ry.count, "\(name): rows and labels", sourceLocation: sourceLocation)
  #expect(rx.columnCount == x.columnCount, sourceLocation: sourceLocation)
  let counts = ry.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
  #expect(
    counts == expectedCounts, "\(name): class counts \(counts)", sourceLocation: sourceLocation)
  #expect(
    try sampler.fitResample(x, y).x == rx, "\(name): same seed, same rows",
    sourceLocation: sourceLocation)
  var unseeded = sampler
  unseeded.seed = nil
  #expect(try unseeded.fitResample(x, y).y.count == ry.count, sourceLocation: sourceLocation)
  // String labels resample the same way.
  let names = ["alpha", "beta", "gamma"]
  let stringResult = try sampler.fitResample(x, y.map { names[$0] })
  #expect(
    stringResult.y == ry.map { names[$0] } && stringResult.x == rx,
    "\(name): labels of another type", sourceLocation: sourceLocation)
  // Bad input.
  #expect(throws: LearnError.self, "\(name): zero rows", sourceLocation: sourceLocation) {
    try sampler.fitResample(Matrix(rowCount: 0, columnCount: 4, storage: []), [Int]())
  }
  #expect(
    throws: LearnError.nonFinite(input: "X", row: 3, column: 2), "\(name): infinity",
    sourceLocation: sourceLocation
  ) { try sampler.fitResample(CheckData.with(x, .infinity, at: 3, 2), y) }
  #expect(
    throws: LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: x.rowCount - 1),
    "\(name): y length", sourceLocation: sourceLocation
  ) { try sampler.fitResample(x, Array(y.dropLast())) }
  #expect(
    throws: LearnError.tooFewClasses(found: 1), "\(name): one class",
    sourceLocation: sourceLocation
  ) { try sampler.fitResample(x, [Int](repeating: 0, count: x.rowCount)) }
  for setting in invalid {
    do {
      _ = try setting.estimator.fitResample(x, y)
      Issue.record("\(name): '\(setting.parameter)' did not throw", sourceLocation: sourceLocation)
    } catch let LearnError.invalidParameter(_, parameter, _, _) {
      #expect(parameter == setting.parameter, sourceLocation: sourceLocation)
    }
  }
  checkDescription(changed.0, mentions: changed.1, name: name, sourceLocation: sourceLocation)
}

/// The common checks of the erased regressor: those of the wrapped estimator through the
/// wrapper, and the erased file.
func checkErasedRegressor(sourceLocation: SourceLocation = #_sourceLocation) throws {
  let (x, y) = CheckData.regression()
  let erased = AnyRegressor(Pipeline(StandardScaler(), Ridge()))
  let fitted = try erased.fit(x, y)
  let typed = try Pipeline(StandardScaler(), Ridge()).fit(x, y)
  #expect(try fitted.predict(x) == typed.predict(x), sourceLocation: sourceLocation)
  try checkFittedModel(
    fitted, x: x, allowsNaN: false, output: { try $0.predict($1) }, name: "AnyRegressor",
    sourceLocation: sourceLocation)
  checkFitInputs(
    erased, x: x, y: y, shorterY: Array(y.dropLast()), name: "AnyRegressor",
    sourceLocation: sourceLocation)
  checkInvalidSettings(
    [InvalidSetting("alpha", AnyRegressor(Ridge(alpha: -1)))], x: x, y: y, name: "AnyRegressor",
    sourceLocation: sourceLocation)
  #expect(
    erased.description == "Pipeline(StandardScaler(), Ridge())", sourceLocation: sourceLocation)
}

/// The common checks of the erased transformer and of a chain of them.
func checkErasedTransformer(sourceLocation: SourceLocation = #_sourceLocation) throws {
  let (x, _) = CheckData.regression()
  let chain = AnyTransformerEstimator.chain([
    AnyTransformerEstimator(StandardScaler()),
    AnyTransformerEstimator(StandardScaler(withMean: false, withStd: false)),
  ])
  let typed = try Pipeline(StandardScaler(), StandardScaler(withMean: false, withStd: false))
    .fitTransform(x)
  let (fitted, output) = try chain.fitTransform(x)
  #expect(output == typed.output, sourceLocation: sourceLocation)
  #expect(try fitted.transform(x) == output, sourceLocation: sourceLocation)
  #expect(
    try fitted.featureNamesOut(nil) == typed.fitted.featureNamesOut(nil),
    sourceLocation: sourceLocation)
  try checkFittedModel(
    fitted, x: x, allowsNaN: true, output: { try $0.transform($1).storage },
    name: "AnyTransformerEstimator", sourceLocation: sourceLocation)
  #expect(
    throws: LearnError.self, sourceLocation: sourceLocation
  ) { try chain.fit(Matrix(rowCount: 0, columnCount: 3, storage: [])) }
  let identity = try AnyTransformerEstimator.chain([]).fitTransform(x)
  #expect(identity.output == x, sourceLocation: sourceLocation)
  #expect(
    AnyTransformerEstimator(StandardScaler(withMean: false)).description
      == "StandardScaler(withMean: false)", sourceLocation: sourceLocation)
}

/// The common checks of the erased classifier.
func checkErasedClassifier(sourceLocation: SourceLocation = #_sourceLocation) throws {
  let (x, y) = CheckData.classification()
  let erased = AnyClassifier(DummyClassifier<Int>(strategy: .mostFrequent))
  let fitted = try erased.fit(x, y)
  #expect(fitted.classes == [0, 1, 2], sourceLocation: sourceLocation)
  let typed = try DummyClassifier<Int>(strategy: .mostFrequent).fit(x, y)
  #expect(try fitted.predict(x) == typed.predict(x), sourceLocation: sourceLocation)
  try checkFittedModel(
    fitted, x: x, allowsNaN: DummyClassifier<Int>.capabilities.allowsMissingValues,
    output: { try $0.predict($1).map(Double.init) }, name: "AnyClassifier",
    sourceLocation: sourceLocation)
  checkInvalidSettings(
    [InvalidSetting("constant", AnyClassifier(DummyClassifier<Int>(strategy: .constant)))],
    x: x, y: y, name: "AnyClassifier", sourceLocation: sourceLocation)
  let strings = AnyClassifier(DummyClassifier<String>())
  #expect(
    try strings.fit(x, y.map { "c\($0)" }).classes == ["c0", "c1", "c2"],
    sourceLocation: sourceLocation)
}

/// The common checks of the frame pipeline: fit on a frame, predict from a frame (by column
/// name), the saved file, and input errors.
func checkFramePipeline(sourceLocation: SourceLocation = #_sourceLocation) throws {
  let frame = try CompositionCheckData.frame()
  let y = try frame.column("a").numericValues().map { 2 * ($0 ?? 0) + 1 }
  let pipeline = FramePipeline {
    ColumnTransformer {
      ColumnBranch("numeric", .names(["a", "b"])) { StandardScaler() }
      ColumnBranch("dates", .dates, DateParts(parts: [.month]))
    }
    LinearRegression()
  }
  let model = try pipeline.fit(frame, y)
  let predictions = try model.predict(frame)
  expectClose(predictions, y, rtol: 1e-9, atol: 1e-9, sourceLocation: sourceLocation)
  #expect(
    model.featureNamesOut == ["numeric__a", "numeric__b", "dates__when_month"],
    sourceLocation: sourceLocation)
  let shuffled = try frame.selecting(frame.columnNames.reversed())
  #expect(try model.predict(shuffled) == predictions, sourceLocation: sourceLocation)
  expectUnknownColumn("b", name: "FramePipeline", sourceLocation: sourceLocation) {
    try model.predict(frame.dropping(["b"]))
  }
  let data = try model.encodedModelFile()
  #expect(
    try type(of: model).decodeModelFile(data).predict(frame) == predictions,
    sourceLocation: sourceLocation)
  #expect(throws: LearnError.self, sourceLocation: sourceLocation) {
    try type(of: model).decodeModelFile(Data(data.prefix(data.count / 2)))
  }
  #expect(
    throws: LearnError.lengthMismatch(
      input: "y", expected: frame.rowCount, got: frame.rowCount - 1),
    sourceLocation: sourceLocation
  ) { try pipeline.fit(frame, Array(y.dropLast())) }
  #expect(throws: LearnError.self, sourceLocation: sourceLocation) {
    try FramePipeline(pipeline.first, LinearRegression(tol: -1)).fit(frame, y)
  }
  #expect(
    pipeline.description.hasPrefix("FramePipeline(ColumnTransformer("),
    sourceLocation: sourceLocation)
}

/// Expects `body` to throw `DataFrameError.unknownColumn` naming `column` (whatever the
/// suggestions).
func expectUnknownColumn<T>(
  _ column: String, name: String, sourceLocation: SourceLocation, _ body: () throws -> T
) {
  do {
    _ = try body()
    Issue.record(
      "\(name): a missing column '\(column)' did not throw", sourceLocation: sourceLocation)
  } catch let DataFrameError.unknownColumn(missing, _) {
    #expect(missing == column, "\(name): wrong column named", sourceLocation: sourceLocation)
  } catch {
    Issue.record("\(name): threw \(error), expected unknownColumn", sourceLocation: sourceLocation)
  }
}

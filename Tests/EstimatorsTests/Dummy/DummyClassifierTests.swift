import EstimatorChecks
import Estimators
import LinearAlgebra
import Metrics
import SwiftLearnCore
import Testing

@Suite("DummyClassifier")
struct DummyClassifierTests {
  static let cases: [Fixture] = (try? Fixture("core_models").children("dummyClassifier")) ?? []

  @Test("fixtures were loaded")
  func fixturesPresent() { #expect(Self.cases.count == 6) }

  static func strategy(_ name: String) throws -> DummyClassifier<Int>.Strategy {
    try #require(DummyClassifier<Int>.Strategy(rawValue: name))
  }

  @Test("matches scikit-learn with integer labels", arguments: cases)
  func parityInt(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let y = try fixture.ints("y")
    let weights = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    let strategy = try Self.strategy(fixture.string("strategy"))
    let constant = fixture.has("constant") ? try fixture.int("constant") : nil
    let model = try DummyClassifier(strategy: strategy, constant: constant)
      .fit(x, y, sampleWeight: weights)
    #expect(model.classes == [0, 1, 2])
    expectClose(model.classPrior, try fixture.vector("classPrior"), rtol: 1e-12)
    let head = try x.rows(0..<5)
    #expect(try model.predict(head) == fixture.ints("predictions"))
    expectClose(try model.predictProbabilities(head), try fixture.matrix("probabilities"))
  }

  @Test("string labels predict the same classes, as strings", arguments: cases)
  func parityString(_ fixture: Fixture) throws {
    let x = try fixture.matrix("X")
    let names = try fixture.strings("yNames")
    let weights = fixture.has("sampleWeight") ? try fixture.vector("sampleWeight") : nil
    let raw = try fixture.string("strategy")
    let strategy = try #require(DummyClassifier<String>.Strategy(rawValue: raw))
    let constant = fixture.has("constant") ? "virginica" : nil
    let model = try DummyClassifier(strategy: strategy, constant: constant)
      .fit(x, names, sampleWeight: weights)
    #expect(model.classes == ["setosa", "versicolor", "virginica"])
    let expected = try fixture.ints("predictions").map { model.classes[$0] }
    #expect(try model.predict(x.rows(0..<5)) == expected)
  }

  @Test("random strategies are reproducible from the seed and follow the priors")
  func randomStrategies() throws {
    let (x, y) = CheckData.classification(n: 300)
    for strategy in [DummyClassifier<Int>.Strategy.stratified, .uniform] {
      let a = try DummyClassifier(strategy: strategy, seed: 5).fit(x, y)
      let b = try DummyClassifier(strategy: strategy, seed: 5).fit(x, y)
      let c = try DummyClassifier(strategy: strategy, seed: 6).fit(x, y)
      #expect(try a.predict(x) == b.predict(x))
      #expect(try a.predict(x) != c.predict(x))
      let counts = Dictionary(grouping: try a.predict(x), by: { $0 }).mapValues(\.count)
      #expect(counts.values.allSatisfy { $0 > 60 }, "\(strategy): \(counts)")
      let rows = try a.predictProbabilities(x).sum(.perRow)
      #expect(rows.allSatisfy { abs($0 - 1) < 1e-12 })
    }
  }

  @Test("a constant outside the training labels is a typed error naming 'constant'")
  func badConstant() throws {
    let x = Matrix.zeros(3, 2)
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "DummyClassifier", name: "constant", value: "7",
        expected: "one of the training labels [0, 1]")
    ) { try DummyClassifier(strategy: .constant, constant: 7).fit(x, [0, 1, 1]) }
    #expect(throws: LearnError.self) {
      try DummyClassifier<Int>(strategy: .constant).fit(x, [0, 1, 1])
    }
  }

  @Test("score is accuracy")
  func score() throws {
    let x = Matrix.zeros(4, 1)
    let model = try DummyClassifier(strategy: .mostFrequent).fit(x, ["a", "b", "b", "b"])
    #expect(try model.score(x, ["a", "b", "b", "b"]) == 0.75)
  }
}

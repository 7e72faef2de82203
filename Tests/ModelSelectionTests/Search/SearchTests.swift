import EstimatorChecks
import Estimators
import Foundation
import LinearAlgebra
import Metrics
import ModelSelection
import Pipeline
import Preprocessing
import SwiftLearnCore
import Testing

/// Records progress reports from worker threads.
private final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [SearchProgress] = []
  func record(_ v: SearchProgress) {
    lock.lock()
    values.append(v)
    lock.unlock()
  }
  var recorded: [SearchProgress] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}

/// A benchmark objective as an estimator: its "fit" ignores the data and its score is the
/// negated Branin function of its two hyperparameters (global maximum −0.397887 at
/// (−π, 12.275), (π, 2.275), (9.42478, 2.475) on x1 ∈ [−5, 10], x2 ∈ [0, 15]).
private struct BraninObjective: Regressor {
  var x1 = 0.0
  var x2 = 0.0
  var description: String { "BraninObjective(x1: \(x1), x2: \(x2))" }
  struct Fitted: FittedRegressor {
    let featureCount: Int
    let value: Double
    func predict(_ x: Matrix) throws -> [Double] { Array(repeating: value, count: x.rowCount) }
  }
  func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted {
    let b = 5.1 / (4 * Double.pi * Double.pi)
    let c = 5 / Double.pi
    let t = 1 / (8 * Double.pi)
    let v = pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * cos(x1) + 10
    return Fitted(featureCount: x.columnCount, value: -v)
  }
}

private typealias ScaledRidge = Pipeline<StandardScaler, Ridge>

@Suite struct SearchTests {
  let fixture: Fixture
  init() throws { fixture = try Fixture("search") }

  fileprivate var alphaPath: HyperparameterPath<ScaledRidge, Double> {
    HyperparameterPath(\ScaledRidge.last.alpha, name: "ridge.alpha")
  }

  @Test func gridSearchMatchesScikitLearnR2() throws {
    let g = try fixture.child("grid")
    let x = try g.matrix("X")
    let y = try g.vector("y")
    let alphas = try g.vector("alphas")
    let expected = try g.child("r2")
    let search = GridSearch(
      ScaledRidge(), axes: [SearchAxis(alphaPath, values: alphas)], cv: KFold(splitCount: 5),
      returnTrainScore: true)
    let result = try search.fit(x, y)
    expectClose(result.results.meanTestScore, try expected.vector("mean_test_score"), rtol: 1e-10)
    expectClose(result.results.stdTestScore, try expected.vector("std_test_score"), rtol: 1e-8)
    expectClose(
      result.results.meanTrainScore ?? [], try expected.vector("mean_train_score"), rtol: 1e-10)
    let splits = try expected.matrix("split_test_scores")
    expectClose(
      try Matrix(rows: result.results.splitTestScores), splits, rtol: 1e-10, "split scores")
    #expect(result.results.rankTestScore == (try expected.ints("rank_test_score")))
    #expect(result.bestIndex == (try expected.int("best_index")))
    #expect(result.bestCandidate.last.alpha == (try expected.double("best_alpha")))
    expectClose(result.bestScore, try expected.double("best_score"), rtol: 1e-10)
    let model = try #require(result.bestModel)
    expectClose(model.last.coefficients, try expected.vector("best_coef"), rtol: 1e-8)
  }

  @Test func meansOverManySplitsRoundAsNumpy() throws {
    // 12 splits: numpy's pairwise summation differs from a plain loop from 8 values on.
    let g = try fixture.child("grid")
    let expected = try g.child("r2_12fold")
    let result = try GridSearch(
      ScaledRidge(), axes: [SearchAxis(alphaPath, values: try g.vector("alphas"))],
      cv: KFold(splitCount: 12)
    ).fit(try g.matrix("X"), try g.vector("y"))
    expectClose(result.results.meanTestScore, try expected.vector("mean_test_score"), rtol: 1e-10)
    expectClose(result.results.stdTestScore, try expected.vector("std_test_score"), rtol: 1e-8)
  }

  @Test func gridSearchMatchesScikitLearnWithAScorer() throws {
    let g = try fixture.child("grid")
    let expected = try g.child("neg_mean_squared_error")
    let search = GridSearch(
      ScaledRidge(), axes: [SearchAxis(alphaPath, values: try g.vector("alphas"))],
      cv: KFold(splitCount: 5), scoring: RegressionScorer.negMeanSquaredError.scoring())
    let result = try search.fit(try g.matrix("X"), try g.vector("y"))
    expectClose(result.results.meanTestScore, try expected.vector("mean_test_score"), rtol: 1e-10)
    #expect(result.results.rankTestScore == (try expected.ints("rank_test_score")))
    #expect(result.bestCandidate.last.alpha == (try expected.double("best_alpha")))
  }

  @Test func parallelAndSerialSearchesAreIdentical() throws {
    let g = try fixture.child("grid")
    let x = try g.matrix("X")
    let y = try g.vector("y")
    let axes = [
      SearchAxis(alphaPath, values: [0.1, 1, 10]),
      SearchAxis(
        HyperparameterPath(\ScaledRidge.last.fitIntercept, name: "fit_intercept"),
        values: [true, false]),
    ]
    let a = try GridSearch(ScaledRidge(), axes: axes, cv: KFold(splitCount: 3)).fit(x, y)
    let b = try GridSearch(ScaledRidge(), axes: axes, cv: KFold(splitCount: 3), parallel: false)
      .fit(x, y)
    #expect(a.results.splitTestScores == b.results.splitTestScores)
    #expect(a.results.candidateCount == 6)
    // The last axis varies fastest.
    #expect(
      a.results.parameters.map { $0[1] } == ["true", "false", "true", "false", "true", "false"])
    #expect(a.results.parameters.map { $0[0] } == ["0.1", "0.1", "1.0", "1.0", "10.0", "10.0"])
  }

  @Test func resultsTableTextAndCSV() throws {
    let g = try fixture.child("grid")
    let search = GridSearch(
      ScaledRidge(), axes: [SearchAxis(alphaPath, values: [0.1, 10, 1000])],
      cv: KFold(splitCount: 3))
    let result = try search.fit(try g.matrix("X"), try g.vector("y"))
    let table = result.results
    let lines = table.text.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("ridge.alpha"))
    #expect(lines[0].contains("mean_test_score") && lines[0].contains("rank_test_score"))
    // Aligned: every line has the same width.
    #expect(Set(lines.map(\.count)).count == 1)
    #expect(lines[1].hasPrefix("0.1 "))
    #expect(lines[1].contains(String(format: "%.4f", table.meanTestScore[0])))

    let csv = table.csv().split(separator: "\n").map(String.init)
    #expect(csv.count == 4)
    let header = csv[0].split(separator: ",").map(String.init)
    #expect(header == table.columnNames)
    #expect(header.contains("split2_test_score"))
    // Numbers parse back exactly.
    let meanColumn = try #require(header.firstIndex(of: "mean_test_score"))
    for (i, line) in csv.dropFirst().enumerated() {
      let cells = line.split(separator: ",").map(String.init)
      #expect(Double(cells[meanColumn]) == table.meanTestScore[i])
      #expect(Int(cells[header.firstIndex(of: "rank_test_score") ?? 0]) == table.rankTestScore[i])
    }
  }

  @Test func csvQuotesCellsWithSeparators() throws {
    typealias D = DummyClassifier<String>
    let x = try Matrix(rows: (0..<12).map { [Double($0)] })
    let y = (0..<12).map { $0 % 2 == 0 ? "a,b" : "c" }
    let axis = SearchAxis(
      HyperparameterPath(\D.constant, name: "constant"), values: [Optional("a,b"), Optional("c")])
    let search = GridSearch(
      D(strategy: .constant), axes: [axis], cv: StratifiedKFold(splitCount: 3))
    let result = try search.fit(x, y)
    let csv = result.results.csv()
    #expect(csv.contains("\n\"a,b\","))
  }

  @Test func rankingFollowsScipyMinMethod() throws {
    let table = try GridSearch(
      DummyClassifier<Int>(seed: 0),
      axes: [
        SearchAxis(
          HyperparameterPath(\DummyClassifier<Int>.strategy, name: "strategy"),
          values: [.prior, .mostFrequent, .uniform, .stratified])
      ], cv: StratifiedKFold(splitCount: 2)
    ).fit(try Matrix(rows: (0..<8).map { [Double($0)] }), [0, 0, 0, 0, 0, 0, 1, 1]).results
    // prior and most_frequent both predict 0 everywhere: the same score, the same rank.
    #expect(table.meanTestScore[0] == table.meanTestScore[1])
    #expect(table.rankTestScore[0] == table.rankTestScore[1])
    // scipy's rankdata(method="min"): 1 + the number of strictly better candidates.
    for (i, m) in table.meanTestScore.enumerated() {
      #expect(table.rankTestScore[i] == 1 + table.meanTestScore.filter { $0 > m }.count)
    }
  }

  @Test func sameSeedSameRandomSearch() throws {
    let g = try fixture.child("grid")
    let x = try g.matrix("X")
    let y = try g.vector("y")
    let axes: [SearchAxis<ScaledRidge>] = [.logUniform(alphaPath, 1e-3...1e3)]
    let a = try RandomizedSearch(
      ScaledRidge(), axes: axes, iterationCount: 6, cv: KFold(splitCount: 3), seed: 9
    ).fit(x, y)
    let b = try RandomizedSearch(
      ScaledRidge(), axes: axes, iterationCount: 6, cv: KFold(splitCount: 3), seed: 9
    ).fit(x, y)
    let c = try RandomizedSearch(
      ScaledRidge(), axes: axes, iterationCount: 6, cv: KFold(splitCount: 3), seed: 10
    ).fit(x, y)
    #expect(a.results.parameters == b.results.parameters)
    #expect(a.results.splitTestScores == b.results.splitTestScores)
    #expect(a.results.parameters != c.results.parameters)
    #expect(a.seedUsed == 9)
    let drawn = try RandomizedSearch(
      ScaledRidge(), axes: axes, iterationCount: 3, cv: KFold(splitCount: 3)
    ).fit(x, y)
    let seed = try #require(drawn.seedUsed)
    let replay = try RandomizedSearch(
      ScaledRidge(), axes: axes, iterationCount: 3, cv: KFold(splitCount: 3), seed: seed
    ).fit(x, y)
    #expect(replay.results.parameters == drawn.results.parameters)
    for row in a.results.parameters {
      let v = try #require(Double(row[0]))
      #expect(v >= 1e-3 && v <= 1e3)
    }
  }

  @Test func randomSearchOverAFiniteGridSamplesWithoutReplacement() throws {
    let g = try fixture.child("grid")
    let axes = [SearchAxis(alphaPath, values: [0.1, 1, 10, 100])]
    let result = try RandomizedSearch(
      ScaledRidge(), axes: axes, iterationCount: 10, cv: KFold(splitCount: 3), seed: 1
    ).fit(try g.matrix("X"), try g.vector("y"))
    #expect(result.results.candidateCount == 4)
    #expect(Set(result.results.parameters.map { $0[0] }).count == 4)
  }

  @Test func progressReportsEveryFitAndTheBestSoFar() throws {
    let g = try fixture.child("grid")
    let log = ProgressLog()
    let result = try GridSearch(
      ScaledRidge(), axes: [SearchAxis(alphaPath, values: [0.1, 10, 1000])],
      cv: KFold(splitCount: 4)
    ).fit(try g.matrix("X"), try g.vector("y"), progress: { log.record($0) })
    let reports = log.recorded
    #expect(reports.count == 12)
    #expect(reports.map(\.completed) == Array(1...12))
    #expect(reports.allSatisfy { $0.total == 12 && $0.elapsed >= 0 })
    let last = try #require(reports.last)
    #expect(last.bestScore == result.bestScore)
    #expect(last.bestParameters == result.bestParameters)
  }

  @Test func cancellationStopsTheSearch() throws {
    let g = try fixture.child("grid")
    let token = CancellationToken()
    token.cancel()
    #expect(throws: CancellationError.self) {
      _ = try GridSearch(
        ScaledRidge(), axes: [SearchAxis(alphaPath, values: [0.1, 10])], cv: KFold(splitCount: 3)
      ).fit(try g.matrix("X"), try g.vector("y"), cancellation: token)
    }
    // Cancelled from the progress handler after the first fit.
    let late = CancellationToken()
    #expect(throws: CancellationError.self) {
      _ = try GridSearch(
        ScaledRidge(), axes: [SearchAxis(alphaPath, values: [0.1, 10, 100])],
        cv: KFold(splitCount: 3), parallel: false
      ).fit(
        try g.matrix("X"), try g.vector("y"), progress: { _ in late.cancel() }, cancellation: late)
    }
  }

  @Test func badInputsThrowTypedErrors() throws {
    let g = try fixture.child("grid")
    let x = try g.matrix("X")
    let y = try g.vector("y")
    // Empty grid.
    #expect(throws: LearnError.self) {
      _ = try GridSearch(ScaledRidge(), axes: []).fit(x, y)
    }
    do {
      _ = try GridSearch(ScaledRidge(), axes: [SearchAxis(alphaPath, values: [])]).fit(x, y)
      Issue.record("an axis without values must throw")
    } catch let error as LearnError {
      guard case .invalidParameter(_, let name, _, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(name == "ridge.alpha")
    }
    // A continuous axis in a grid.
    #expect(throws: LearnError.self) {
      _ = try GridSearch(ScaledRidge(), axes: [.uniform(alphaPath, 0...1)]).fit(x, y)
    }
    // Budget < 1.
    do {
      _ = try RandomizedSearch(ScaledRidge(), axes: [.uniform(alphaPath, 0...1)], iterationCount: 0)
        .fit(x, y)
      Issue.record("iterationCount 0 must throw")
    } catch let error as LearnError {
      guard case .invalidParameter(_, "iterationCount", _, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
    }
    #expect(throws: LearnError.self) {
      _ = try BayesianSearch(ScaledRidge(), axes: [.uniform(alphaPath, 0...1)], trialCount: 0)
        .fit(x, y)
    }
    // Invalid ranges.
    #expect(throws: LearnError.self) {
      _ = try RandomizedSearch(ScaledRidge(), axes: [.logUniform(alphaPath, 0...1)]).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      _ = try RandomizedSearch(ScaledRidge(), axes: [.uniform(alphaPath, 1...1)]).fit(x, y)
    }
    // Splitter incompatible with the data: more folds than rows; stratified without labels.
    let small = try x.rows(Array(0..<4))
    #expect(throws: LearnError.self) {
      _ = try GridSearch(
        ScaledRidge(), axes: [SearchAxis(alphaPath, values: [1])], cv: KFold(splitCount: 5)
      ).fit(small, Array(y.prefix(4)))
    }
    #expect(throws: LearnError.self) {
      _ = try GridSearch(
        ScaledRidge(), axes: [SearchAxis(alphaPath, values: [1])], cv: StratifiedKFold()
      ).fit(x, y)
    }
    // Mismatched lengths.
    #expect(throws: LearnError.self) {
      _ = try GridSearch(ScaledRidge(), axes: [SearchAxis(alphaPath, values: [1])]).fit(
        x, Array(y.dropLast()))
    }
    // A candidate the estimator rejects.
    #expect(throws: LearnError.self) {
      _ = try GridSearch(ScaledRidge(), axes: [SearchAxis(alphaPath, values: [1, -1])]).fit(x, y)
    }
  }

  /// The Bayesian search's benchmark: maximize the negated Branin function (2 continuous
  /// axes) with a budget of 40 trials, averaged over 10 seeds; TPE must reach a better best
  /// value on average than random search with the same budget.
  @Test func bayesianSearchBeatsRandomSearchOnBranin() throws {
    let x = try Matrix(rows: (0..<6).map { [Double($0)] })
    let y = (0..<6).map(Double.init)
    let axes: [SearchAxis<BraninObjective>] = [
      .uniform(HyperparameterPath(\BraninObjective.x1, name: "x1"), -5...10),
      .uniform(HyperparameterPath(\BraninObjective.x2, name: "x2"), 0...15),
    ]
    let scoring: CrossValidationScoring<BraninObjective.Fitted, [Double]> = { m, _, _ in m.value }
    var tpe = 0.0
    var random = 0.0
    let seeds: [UInt64] = Array(0..<10)
    for seed in seeds {
      tpe += try BayesianSearch(
        BraninObjective(), axes: axes, trialCount: 40, cv: KFold(splitCount: 2),
        scoring: scoring, refit: false, seed: seed
      ).fit(x, y).bestScore
      random += try RandomizedSearch(
        BraninObjective(), axes: axes, iterationCount: 40, cv: KFold(splitCount: 2),
        scoring: scoring, refit: false, seed: seed
      ).fit(x, y).bestScore
    }
    tpe /= Double(seeds.count)
    random /= Double(seeds.count)
    #expect(tpe > random, "TPE mean best \(tpe) vs random \(random)")
  }

  @Test func bayesianSearchHandlesIntegerAndCategoricalAxesAndIsSeeded() throws {
    let g = try fixture.child("grid")
    let x = try g.matrix("X")
    let y = try g.vector("y")
    let axes: [SearchAxis<ScaledRidge>] = [
      .logUniform(alphaPath, 1e-2...1e3),
      .integers(HyperparameterPath(\ScaledRidge.last.maxIter, name: "max_iter"), 1...3),
      SearchAxis(
        HyperparameterPath(\ScaledRidge.last.fitIntercept, name: "fit_intercept"),
        values: [true, false]),
    ]
    let run = {
      try BayesianSearch(
        ScaledRidge(), axes: axes, trialCount: 15, startupTrialCount: 5,
        cv: KFold(splitCount: 3), seed: 4
      ).fit(x, y)
    }
    let a = try run()
    let b = try run()
    #expect(a.results.parameters == b.results.parameters)
    #expect(a.results.meanTestScore == b.results.meanTestScore)
    #expect(a.results.candidateCount == 15)
    for row in a.results.parameters {
      #expect(["1", "2", "3"].contains(row[1]))
      #expect(["true", "false"].contains(row[2]))
    }
    #expect(a.bestParameters["fit_intercept"] == "true")
  }

  @Test func halvingGridSearchFollowsTheSchedule() throws {
    let g = try fixture.child("grid")
    let x = try g.matrix("X")
    let y = try g.vector("y")
    let alphas: [Double] = [0.001, 0.01, 0.1, 1, 3, 10, 30, 100, 1000]
    let search = HalvingGridSearch(
      ScaledRidge(), axes: [SearchAxis(alphaPath, values: alphas)], cv: KFold(splitCount: 3),
      seed: 0)
    let log = ProgressLog()
    let result = try search.fit(x, y, progress: { log.record($0) })
    let table = result.results
    // 9 candidates, factor 3: 9 → 3 → 1 would need 3 iterations; n = 60, min = 2·3 = 6,
    // exhaust: max(6, 60 / 9) = 6; possible = 1 + ⌊log₃(10)⌋ = 3.
    let iterations = try #require(table.iteration)
    let resources = try #require(table.resourceCount)
    #expect(iterations == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2])
    #expect(Set(resources) == [6, 18, 54])
    #expect(result.bestIndex == 12)
    #expect(log.recorded.count == (9 + 3 + 1) * 3)
    #expect(log.recorded.last?.total == 39)
    // The last iteration's candidate is the best of iteration 1.
    let second = (9..<12).max { table.meanTestScore[$0] < table.meanTestScore[$1] } ?? 0
    #expect(table.parameters[12] == table.parameters[second])
    #expect(result.bestModel != nil)
  }

  @Test func halvingRandomSearchIsSeededAndValidated() throws {
    let g = try fixture.child("grid")
    let x = try g.matrix("X")
    let y = try g.vector("y")
    let axes: [SearchAxis<ScaledRidge>] = [.logUniform(alphaPath, 1e-3...1e3)]
    let a = try HalvingRandomSearch(ScaledRidge(), axes: axes, cv: KFold(splitCount: 3), seed: 2)
      .fit(x, y)
    let b = try HalvingRandomSearch(ScaledRidge(), axes: axes, cv: KFold(splitCount: 3), seed: 2)
      .fit(x, y)
    #expect(a.results.parameters == b.results.parameters)
    #expect(a.results.meanTestScore == b.results.meanTestScore)
    // exhaust: 60 / 6 = 10 candidates first.
    #expect(a.results.iteration?.filter { $0 == 0 }.count == 10)
    #expect(throws: LearnError.self) {
      _ = try HalvingRandomSearch(ScaledRidge(), axes: axes, factor: 1).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      _ = try HalvingRandomSearch(ScaledRidge(), axes: axes, minResources: .count(1000)).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      _ = try HalvingRandomSearch(ScaledRidge(), axes: axes, candidateCount: 0).fit(x, y)
    }
    #expect(throws: LearnError.self) {
      _ = try HalvingRandomSearch(ScaledRidge(), axes: axes, minResources: .exhaust).fit(x, y)
    }
    // With a given candidate count, exhaust starts as large as the schedule allows:
    // 9 candidates → 3 iterations, max(6, 60 / 9) = 6.
    let fixed = try HalvingRandomSearch(
      ScaledRidge(), axes: axes, candidateCount: 9, minResources: .exhaust,
      cv: KFold(splitCount: 3), seed: 1
    ).fit(x, y)
    #expect(fixed.results.resourceCount.map { Set($0) } == [6, 18, 54])
  }
}

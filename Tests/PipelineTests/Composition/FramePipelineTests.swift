import EstimatorChecks
import Foundation
import SwiftLearn
import Testing

@Suite("FramePipeline")
struct FramePipelineTests {
  @Test("ColumnTransformer + Ridge over a DataFrame predicts like scikit-learn's pipeline")
  func ridgeParity() throws {
    let fixture = try Fixture("composition")
    let frame = try CompositionData.frame(fixture, "frame")
    let test = try CompositionData.frame(fixture, "test")
    let expected = try fixture.child("ridge")
    let model = try FramePipeline(CompositionData.columnTransformer(), Ridge(alpha: 1))
      .fit(frame, try fixture.vector("y"))
    expectClose(try model.predict(frame), try expected.vector("train"), rtol: 1e-6, atol: 1e-9)
    expectClose(try model.predict(test), try expected.vector("test"), rtol: 1e-6, atol: 1e-9)
    expectClose(model.last.coefficients, try expected.vector("coef"), rtol: 1e-6, atol: 1e-9)
    #expect(model.featureNamesOut == (try fixture.child("verbose").strings("names")))
  }

  /// The churn table with numeric (with missing values), string and date columns.
  static func churn() throws -> (frame: DataFrame, y: [Double]) {
    let table = try makeChurn(customerCount: 600, seed: 11)
    let frame = try table.frame
    return (try frame.dropping(["churned"]), table.churned.map(Double.init))
  }

  static func churnPipeline() -> FramePipeline<
    ColumnTransformer<
      BranchPair<
        BranchPair<
          ColumnBranch<FrameChain<MeanImputer, MatrixColumns<StandardScaler>>>,
          ColumnBranch<FrameChain<MostFrequentImputer, OneHot>>
        >,
        ColumnBranch<FrameChain<FrameChain<DateParts, MeanImputer>, MatrixColumns<StandardScaler>>>
      >,
      DropColumns
    >,
    Ridge
  > {
    FramePipeline {
      ColumnTransformer {
        ColumnBranch(
          "numeric",
          .names([
            "tenure_months", "monthly_charges", "total_charges", "satisfaction_score",
            "num_products", "support_tickets",
          ])
        ) {
          MeanImputer()
          StandardScaler()
        }
        ColumnBranch(
          "categorical", .names(["contract", "payment_method", "internet_service", "region"])
        ) {
          MostFrequentImputer()
          OneHot()
        }
        ColumnBranch("dates", .names(["signup_date"])) {
          DateParts(parts: [.year, .month, .weekday])
          MeanImputer()
          StandardScaler()
        }
      }
      Named("ridge", Ridge(alpha: 1))
    }
  }

  @Test("a churn model fits, predicts, names its features, saves to one file and reloads")
  func churnRoundTrip() throws {
    let (frame, y) = try Self.churn()
    #expect(try frame.column("total_charges").nullCount > 0)
    let train = try frame.rows(Array(0..<450))
    let test = try frame.rows(Array(450..<600))
    let model = try Self.churnPipeline().fit(train, Array(y[0..<450]))
    let predictions = try model.predict(test)
    #expect(predictions.count == 150)
    #expect(predictions.allSatisfy { $0.isFinite })
    #expect(model.featureNamesOut.count == model.last.featureCount)
    #expect(model.featureNamesOut.first == "numeric__tenure_months")
    #expect(model.featureNamesOut.contains("categorical__contract_month-to-month"))
    #expect(model.featureNamesOut.last == "dates__signup_date_weekday")

    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("swiftlearn-churn-\(UInt32.random(in: 0...UInt32.max)).json")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.save(to: url)
    let loaded = try type(of: model).load(from: url)
    #expect(try loaded.predict(test) == predictions)
    #expect(loaded == model)

    #expect(throws: DataFrameError.unknownColumn(name: "contract", suggestions: [])) {
      try model.predict(test.dropping(["contract"]))
    }
  }

  @Test("a frame classifier with a sampler step balances the training rows only")
  func frameClassifier() throws {
    let (frame, y) = try Self.churn()
    let labels = y.map { $0 > 0 ? "churned" : "stayed" }
    let pipeline = FramePipeline {
      ColumnTransformer {
        ColumnBranch("numeric", .names(["tenure_months", "num_products", "support_tickets"])) {
          StandardScaler()
        }
      }
      SMOTE(seed: 4)
      DummyClassifier<String>(strategy: .prior)
    }
    let model = try pipeline.fit(frame, labels)
    #expect(model.classes == ["churned", "stayed"])
    expectClose(model.last.classPrior, [0.5, 0.5], rtol: 0, atol: 1e-12)
    let probabilities = try model.predictProbabilities(frame)
    #expect(probabilities.rowCount == frame.rowCount)
    #expect(try model.predict(frame).count == frame.rowCount)
    #expect(pipeline.stepNames == ["columntransformer", "smote", "dummyclassifier"])
    let k = pipeline.step(\.last).step(\.sampler).parameter(\.kNeighbors, "kNeighbors")
    #expect(k.name == "resampled.smote.kNeighbors")
    // Flattened steps are named directly from the root.
    #expect(
      pipeline.step(\.last.sampler).parameter(\.kNeighbors, "kNeighbors").name == "smote.kNeighbors"
    )
  }

  @Test("the step names reach into the column transformer's branches")
  func nestedNames() throws {
    let pipeline = Self.churnPipeline()
    #expect(pipeline.stepNames == ["columntransformer", "ridge"])
    let scale = pipeline.step(\.first).step(\.branches.first.first)
      .parameter(\.transformer.last.estimator.withStd, "withStd")
    #expect(scale.name == "columntransformer.numeric.withStd")
    let alpha = pipeline.step(\.last).parameter(\.alpha, "alpha")
    #expect(alpha.name == "ridge.alpha")
    let changed = alpha.setting(5, in: scale.setting(false, in: pipeline))
    #expect(changed.last.alpha == 5)
    #expect(changed.first.branches.first.first.transformer.last.estimator.withStd == false)
  }

  @Test("held-out rows never reach the fitted statistics (leakage by construction)")
  func noLeakage() throws {
    let (frame, y) = try Self.churn()
    let folds = 4
    let n = frame.rowCount
    for fold in 0..<folds {
      let held = Array(stride(from: fold, to: n, by: folds))
      let heldSet = Set(held)
      let kept = (0..<n).filter { !heldSet.contains($0) }
      // Poison the held-out rows: huge charges and a single unseen contract value.
      var poisoned = frame
      var charges = try frame.column("monthly_charges").doubles()
      var contract = try frame.column("contract").strings()
      for i in held {
        charges[i] = 1e9
        contract[i] = "POISON"
      }
      try poisoned.setColumn(Column("monthly_charges", doubles: charges))
      try poisoned.setColumn(Column("contract", strings: contract))
      let clean = try Self.churnPipeline().fit(frame.rows(kept), kept.map { y[$0] })
      let dirty = try Self.churnPipeline().fit(poisoned.rows(kept), kept.map { y[$0] })
      #expect(clean == dirty)
      // The scaler's mean is the mean of the kept rows' (imputed) charges, computed by hand.
      let keptCharges = kept.compactMap { charges[$0] }
      let imputedMean = keptCharges.reduce(0, +) / Double(keptCharges.count)
      let numeric = try #require(clean.first.branches.first.first.transformer)
      #expect(abs(numeric.first.means[1] - imputedMean) <= 1e-9 * abs(imputedMean))
      let scalerMean = try #require(numeric.last.transformer.mean)
      #expect(abs(scalerMean[1] - imputedMean) <= 1e-9 * abs(imputedMean))
      // No poisoned category was learned.
      let categories = try #require(clean.first.branches.first.last.transformer).last.categories
      #expect(!categories.joined().contains("POISON"))
    }
  }

  @Test("a plain matrix pipeline refitted per fold learns only the training rows")
  func matrixLeakage() throws {
    let (x, y) = CheckData.regression(n: 40)
    let train = Array(0..<30)
    var poisoned = x
    for i in 30..<40 { for j in 0..<x.columnCount { poisoned[i, j] = 1e6 } }
    let model = try Pipeline {
      StandardScaler()
      LinearRegression()
    }
    .fit(poisoned.rows(train), train.map { y[$0] })
    let reference = try Pipeline {
      StandardScaler()
      LinearRegression()
    }
    .fit(x.rows(train), train.map { y[$0] })
    #expect(model == reference)
    var mean = [Double](repeating: 0, count: x.columnCount)
    for i in train { for j in 0..<x.columnCount { mean[j] += x[i, j] / Double(train.count) } }
    expectClose(try #require(model.first.mean), mean, rtol: 1e-12, atol: 1e-12)
  }
}

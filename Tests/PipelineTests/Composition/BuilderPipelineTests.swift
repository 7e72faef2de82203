import EstimatorChecks
import Foundation
import SwiftLearn
import Testing

@Suite("Pipeline builder, names and erasure")
struct BuilderPipelineTests {
  @Test("a three-step pipeline from the builder predicts like its steps by hand")
  func threeSteps() throws {
    let (x, y) = CheckData.regression()
    let pipeline = Pipeline {
      StandardScaler()
      StandardScaler(withMean: false)
      Ridge(alpha: 0.5)
    }
    let model = try pipeline.fit(x, y)
    let a = try StandardScaler().fit(x)
    let b = try StandardScaler(withMean: false).fit(a.transform(x))
    let c = try Ridge(alpha: 0.5).fit(b.transform(a.transform(x)), y)
    #expect(try model.predict(x) == c.predict(b.transform(a.transform(x))))
    // Typed access to every fitted step.
    #expect(model.first.first == a)
    #expect(model.first.last == b)
    #expect(model.last == c)
    #expect(pipeline.stepNames == ["standardscaler-1", "standardscaler-2", "ridge"])
    #expect(model.stepNames == pipeline.stepNames)
    // Four steps nest once more to the left.
    let four = Pipeline {
      StandardScaler()
      FusedProbe()
      StandardScaler(withMean: false)
      LinearRegression()
    }
    #expect(
      four.stepNames == ["standardscaler-1", "fusedprobe", "standardscaler-2", "linearregression"])
    #expect(try four.fit(x, y).predict(x).count == x.rowCount)
  }

  @Test("named steps give display names to hyperparameters")
  func namedSteps() throws {
    let (x, y) = CheckData.regression()
    var pipeline = Pipeline {
      Named("scaler", StandardScaler())
      Named("poly", StandardScaler(withStd: false))
      Named("ridge", Ridge())
    }
    #expect(pipeline.stepNames == ["scaler", "poly", "ridge"])
    let withMean = pipeline.step(\.first.first).parameter(\.withMean, "withMean")
    #expect(withMean.name == "scaler.withMean")
    let alpha = pipeline.step(\.last).parameter(\.alpha, "alpha")
    #expect(alpha.name == "ridge.alpha")
    pipeline = alpha.setting(3, in: withMean.setting(false, in: pipeline))
    #expect(pipeline.first.first.withMean == false)
    #expect(pipeline.last.alpha == 3)
    #expect(try pipeline.fit(x, y).predict(x).count == x.rowCount)
    #expect(pipeline.description.contains("scaler: StandardScaler(withMean: false)"))
    // Two named steps.
    let pair = Pipeline {
      Named("scale", StandardScaler())
      Named("fit", LinearRegression())
    }
    #expect(pair.stepNames == ["scale", "fit"])
    // Repeated explicit names are rejected at fit.
    let twice = Pipeline {
      Named("same", StandardScaler())
      Named("same", LinearRegression())
    }
    #expect(throws: LearnError.self) { try twice.fit(x, y) }
  }

  @Test("the pipeline uses a step's fused fitTransform")
  func fused() throws {
    let (x, y) = CheckData.regression()
    let model = try Pipeline {
      FusedProbe()
      StandardScaler()
      LinearRegression()
    }.fit(x, y)
    #expect(model.first.first.fused)
    let direct = try FusedProbe().fit(x)
    #expect(!direct.fused)
  }

  @Test("a sampler step resamples during fit only, never during predict")
  func samplerFitOnly() throws {
    // Imbalanced: 40 rows of class 0, 10 of class 1.
    let (full, _) = CheckData.classification(n: 80, classCount: 2)
    let rows = Array(0..<50)
    let x = try full.rows(rows)
    let y = rows.map { $0 < 40 ? 0 : 1 }
    let pipeline = Pipeline {
      StandardScaler()
      RandomOverSampler(seed: 3)
      DummyClassifier<Int>(strategy: .prior)
    }
    let model = try pipeline.fit(x, y)
    // The classifier saw balanced classes ...
    expectClose(model.last.classPrior, [0.5, 0.5], rtol: 0, atol: 1e-12)
    // ... the scaler saw the original rows only ...
    #expect(model.first == (try StandardScaler().fit(x)))
    // ... and prediction transforms the given rows without resampling.
    #expect(try model.predict(x).count == x.rowCount)
    let probabilities = try model.predictProbabilities(x)
    #expect(probabilities.rowCount == x.rowCount)
    #expect(pipeline.stepNames == ["standardscaler", "randomoversampler", "dummyclassifier"])
    let seed = pipeline.step(\.last).step(\.sampler).parameter(\.seed, "seed")
    #expect(seed.name == "resampled.randomoversampler.seed")
  }

  @Test("candidates of different types are fitted in one loop and the winner reloads")
  func erasedRegressors() throws {
    let (x, y) = CheckData.regression()
    let candidates: [AnyRegressor] = [
      AnyRegressor(LinearRegression()),
      AnyRegressor(Ridge(alpha: 10)),
      AnyRegressor(
        Pipeline {
          StandardScaler()
          Lasso(alpha: 0.1)
        }),
    ]
    var scores: [Double] = []
    for candidate in candidates {
      let model = try candidate.fit(x, y)
      scores.append(try model.score(x, y))
      let data = try model.encodedModelFile()
      let loaded = try AnyFittedRegressor.decodeModelFile(data)
      #expect(try loaded.predict(x) == model.predict(x))
    }
    #expect(scores.count == 3)
    #expect(candidates[2].description.hasPrefix("Pipeline("))
    let ridge = try candidates[1].fit(x, y)
    #expect(ridge.unwrapped(as: Ridge.Fitted.self) != nil)
    #expect(
      FittedModelRegistry.registeredNames.contains(modelTypeName(LinearRegression.Fitted.self)))
    // A file naming a type nobody registered is refused, not guessed.
    let text = try #require(String(data: try ridge.encodedModelFile(), encoding: .utf8))
    let forged = text.replacingOccurrences(of: "Ridge.Fitted", with: "Unknown.Fitted")
    #expect(throws: LearnError.self) { try AnyFittedRegressor.decodeModelFile(Data(forged.utf8)) }
    #expect(throws: LearnError.self) { try AnyRegressor(Ridge(alpha: -1)).fit(x, y) }
  }

  @Test("a pipeline assembled from a run-time list of steps fits, saves and reloads")
  func runTimePipeline() throws {
    let (x, y) = CheckData.regression()
    for scale in [false, true] {
      var steps: [AnyTransformerEstimator] = []
      if scale { steps.append(AnyTransformerEstimator(StandardScaler())) }
      steps.append(AnyTransformerEstimator(StandardScaler(withMean: false)))
      let pipeline = Pipeline(AnyTransformerEstimator.chain(steps), AnyRegressor(Ridge(alpha: 2)))
      let model = try pipeline.fit(x, y)
      let typed = try Pipeline(StandardScaler(withMean: false), Ridge(alpha: 2))
        .fit(scale ? try StandardScaler().fit(x).transform(x) : x, y)
      #expect(
        try model.predict(x) == typed.predict(scale ? try StandardScaler().fit(x).transform(x) : x))
      let loaded = try type(of: model).decodeModelFile(model.encodedModelFile())
      #expect(try loaded.predict(x) == model.predict(x))
    }
  }

  @Test("erased classifiers keep the user's labels and reload")
  func erasedClassifiers() throws {
    let (x, codes) = CheckData.classification()
    let labels = codes.map { ["a", "b", "c"][$0] }
    let candidates: [AnyClassifier<String>] = [
      AnyClassifier(DummyClassifier<String>()),
      AnyClassifier(
        Pipeline {
          StandardScaler()
          DummyClassifier<String>(strategy: .stratified, seed: 1)
        }),
    ]
    for candidate in candidates {
      let model = try candidate.fit(x, labels)
      #expect(model.classes == ["a", "b", "c"])
      let loaded = try AnyFittedClassifier<String>.decodeModelFile(model.encodedModelFile())
      #expect(try loaded.predict(x) == model.predict(x))
    }
    // A file of string labels is not a model of Int labels.
    let data = try candidates[0].fit(x, labels).encodedModelFile()
    #expect(throws: LearnError.self) { try AnyFittedClassifier<Int>.decodeModelFile(data) }
  }
}

@Suite("FeatureUnion")
struct FeatureUnionTests {
  @Test("names and outputs match scikit-learn's FeatureUnion")
  func parity() throws {
    let fixture = try Fixture("composition").child("union")
    let x = try fixture.matrix("x")
    let union = FeatureUnion {
      Named("scaled", StandardScaler())
      Named("raw", StandardScaler(withMean: false, withStd: false))
    }
    let (fitted, output) = try union.fitTransform(x)
    expectClose(output, try fixture.matrix("output"), rtol: 1e-8, atol: 1e-12)
    #expect(try fitted.featureNamesOut(nil) == fixture.strings("names"))
    #expect(try fitted.transform(x) == output)
  }

  @Test("three members flatten without extra prefixes")
  func threeMembers() throws {
    let (x, _) = CheckData.regression(d: 2)
    let union = FeatureUnion {
      StandardScaler()
      FusedProbe()
      StandardScaler(withMean: false)
    }
    let (fitted, output) = try union.fitTransform(x)
    #expect(output.columnCount == 6)
    #expect(
      try fitted.featureNamesOut(["a", "b"]) == [
        "standardscaler-1__a", "standardscaler-1__b", "fusedprobe__a", "fusedprobe__b",
        "standardscaler-2__a", "standardscaler-2__b",
      ])
    #expect(fitted.first.last.fused)
    let withStd = union.step(\.last).parameter(\.withStd, "withStd")
    #expect(withStd.name == "standardscaler-2.withStd")
    let data = try fitted.encodedModelFile()
    #expect(try type(of: fitted).decodeModelFile(data) == fitted)
  }
}

import SwiftLearn
import Testing

extension Registry {
  /// SGD, Perceptron, linear SVM, ridge classifier, discriminant analysis, dummy regressor (issue 5).
  static let stochasticEntries: [RegistryEntry] = [
    RegistryEntry(name: "DummyRegressor") {
      try checkRegressor(
        DummyRegressor(), changed: (DummyRegressor(strategy: .median), "strategy: .median"),
        invalid: [
          InvalidSetting("constant", DummyRegressor(strategy: .constant)),
          InvalidSetting("quantile", DummyRegressor(strategy: .quantile, quantile: 2)),
        ], minimumR2: -0.01)
      try checkSampleWeights(DummyRegressor())
    },
    RegistryEntry(name: "SGDClassifier") {
      try checkClassifier(
        SGDClassifier<Int>(seed: 0), stringLabelled: SGDClassifier<String>(seed: 0),
        changed: (SGDClassifier(alpha: 0.001), "alpha: 0.001"),
        invalid: [
          InvalidSetting("alpha", SGDClassifier(alpha: -1)),
          InvalidSetting("alpha", SGDClassifier(alpha: 0)),
          InvalidSetting("l1Ratio", SGDClassifier(l1Ratio: 1.5)),
          InvalidSetting("maxIter", SGDClassifier(maxIter: 0)),
          InvalidSetting("tol", SGDClassifier(tol: -1)),
          InvalidSetting("eta0", SGDClassifier(learningRate: .constant, eta0: 0)),
          InvalidSetting("validationFraction", SGDClassifier(validationFraction: 1)),
          InvalidSetting("nIterNoChange", SGDClassifier(nIterNoChange: 0)),
          InvalidSetting("average", SGDClassifier(average: -1)),
          InvalidSetting("epsilon", SGDClassifier(epsilon: -0.1)),
          InvalidSetting("classWeight", SGDClassifier(classWeight: .weights([1: -2]))),
        ])
      try checkClassifier(
        SGDClassifier<Int>(loss: .logLoss, seed: 1),
        stringLabelled: SGDClassifier<String>(loss: .logLoss, seed: 1),
        changed: (SGDClassifier(loss: .logLoss), "loss: .logLoss"))
    },
    RegistryEntry(name: "SGDRegressor") {
      try checkRegressor(
        SGDRegressor(seed: 0), changed: (SGDRegressor(loss: .huber), "loss: .huber"),
        invalid: [
          InvalidSetting("alpha", SGDRegressor(alpha: -1)),
          InvalidSetting("eta0", SGDRegressor(eta0: -1)),
          InvalidSetting("powerT", SGDRegressor(powerT: .infinity)),
          InvalidSetting("maxIter", SGDRegressor(maxIter: 0)),
        ])
    },
    RegistryEntry(name: "Perceptron") {
      try checkClassifier(
        Perceptron<Int>(), stringLabelled: Perceptron<String>(),
        changed: (Perceptron(eta0: 0.5), "eta0: 0.5"),
        invalid: [
          InvalidSetting("eta0", Perceptron(eta0: 0)),
          InvalidSetting("maxIter", Perceptron(maxIter: 0)),
        ])
    },
    RegistryEntry(name: "LinearSVC") {
      try checkClassifier(
        LinearSVC<Int>(seed: 0), stringLabelled: LinearSVC<String>(seed: 0),
        changed: (LinearSVC(c: 0.5), "c: 0.5"),
        invalid: [
          InvalidSetting("c", LinearSVC(c: 0)), InvalidSetting("tol", LinearSVC(tol: -1)),
          InvalidSetting("interceptScaling", LinearSVC(interceptScaling: 0)),
          InvalidSetting("maxIter", LinearSVC(maxIter: 0)),
          InvalidSetting("dual", LinearSVC(loss: .hinge, dual: false)),
          InvalidSetting("classWeight", LinearSVC(classWeight: .weights([0: .nan]))),
        ])
      try checkClassifier(
        LinearSVC<Int>(dual: true, seed: 0), stringLabelled: LinearSVC<String>(dual: true, seed: 0),
        changed: (LinearSVC(dual: true), "dual: true"))
    },
    RegistryEntry(name: "LinearSVR") {
      try checkRegressor(
        LinearSVR(seed: 0), changed: (LinearSVR(epsilon: 0.5), "epsilon: 0.5"),
        invalid: [
          InvalidSetting("c", LinearSVR(c: -1)), InvalidSetting("epsilon", LinearSVR(epsilon: -1)),
          InvalidSetting("tol", LinearSVR(tol: 0)),
          InvalidSetting("maxIter", LinearSVR(maxIter: 0)),
        ])
      try checkSampleWeights(LinearSVR(tol: 1e-14, seed: 0, maxIter: 1_000_000))
    },
    RegistryEntry(name: "LinearDiscriminantAnalysis") {
      try checkClassifier(
        LinearDiscriminantAnalysis<Int>(), stringLabelled: LinearDiscriminantAnalysis<String>(),
        changed: (LinearDiscriminantAnalysis(solver: .lsqr), "solver: .lsqr"),
        invalid: [
          InvalidSetting("tol", LinearDiscriminantAnalysis(tol: -1)),
          InvalidSetting("shrinkage", LinearDiscriminantAnalysis(shrinkage: .fixed(0.5))),
          InvalidSetting("priors", LinearDiscriminantAnalysis(priors: [1, -1, 1])),
        ])
      try checkClassifier(
        LinearDiscriminantAnalysis<Int>(solver: .lsqr, shrinkage: .auto),
        stringLabelled: LinearDiscriminantAnalysis<String>(solver: .lsqr, shrinkage: .auto),
        changed: (LinearDiscriminantAnalysis(tol: 0.1), "tol: 0.1"))
    },
    RegistryEntry(name: "QuadraticDiscriminantAnalysis") {
      try checkClassifier(
        QuadraticDiscriminantAnalysis<Int>(),
        stringLabelled: QuadraticDiscriminantAnalysis<String>(),
        changed: (QuadraticDiscriminantAnalysis(regParam: 0.5), "regParam: 0.5"),
        invalid: [
          InvalidSetting("regParam", QuadraticDiscriminantAnalysis(regParam: 2)),
          InvalidSetting("tol", QuadraticDiscriminantAnalysis(tol: .nan)),
        ])
    },
  ]
}

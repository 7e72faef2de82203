import EstimatorChecks
import Foundation
import LinearAlgebra

/// The designs and cases of `Tests/Fixtures/sgd.json` (written by `gen_sgd.py`).
enum SGDFixtures {
  struct Design {
    let xTrain: Matrix
    let xTest: Matrix
    let yTrain: [Double]
    let yTest: [Double]
    var labelsTrain: [Int] { yTrain.map { Int($0) } }
    var labelsTest: [Int] { yTest.map { Int($0) } }
  }

  static let file: Fixture? = try? Fixture("sgd")

  static let designs: [String: Design] = {
    var out: [String: Design] = [:]
    for d in (try? file?.children("designs")) ?? [] {
      guard let name = try? d.string("name"), let xTrain = try? d.matrix("Xtrain"),
        let xTest = try? d.matrix("Xtest"), let yTrain = try? d.vector("ytrain"),
        let yTest = try? d.vector("ytest")
      else { continue }
      out[name] = Design(xTrain: xTrain, xTest: xTest, yTrain: yTrain, yTest: yTest)
    }
    return out
  }()

  static func cases(_ key: String) -> [Fixture] { (try? file?.children(key)) ?? [] }

  static func design(of fixture: Fixture) throws -> Design {
    let name = try fixture.string("design")
    guard let design = designs[name] else { throw FixtureError.malformed("sgd", name) }
    return design
  }

  static func accuracy(_ predicted: [Int], _ truth: [Int]) -> Double {
    Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(truth.count)
  }

  static func r2(_ predicted: [Double], _ truth: [Double]) -> Double {
    let mean = truth.reduce(0, +) / Double(truth.count)
    var residual = 0.0
    var spread = 0.0
    for i in 0..<truth.count {
      residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i])
      spread += (truth[i] - mean) * (truth[i] - mean)
    }
    return 1 - residual / spread
  }
}

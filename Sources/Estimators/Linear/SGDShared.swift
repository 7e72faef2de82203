import Dispatch
import LinearAlgebra
import SwiftLearnCore

/// Helpers shared by the linear classifiers of the SGD and linear-SVM families.
enum LinearClassifierSupport {
  /// `x·Wᵀ + b` after the standard prediction-input checks: one column per row of `W`.
  static func scores(_ x: Matrix, coefficients: Matrix, intercepts: [Double]) throws -> Matrix {
    try Validate.predictionInput(x, featureCount: coefficients.columnCount)
    if coefficients.rowCount == 1 {
      // One margin per row: a single dgemv, the intercept added in place.
      var margins = try x.matvec(coefficients.storage)
      let b = intercepts.first ?? 0
      for i in 0..<margins.count { margins[i] += b }
      return Matrix(column: margins)
    }
    var product = try Matrix.product(x, coefficients, transposeB: .transposed)
    let k = product.columnCount
    product.withUnsafeMutableStorage { p in
      for i in 0..<(p.count / max(k, 1)) {
        for c in 0..<k { p[i * k + c] += intercepts[c] }
      }
    }
    return product
  }

  /// Class codes from scores: the sign of a single column (positive is class 1), otherwise
  /// the first largest column, like `numpy.argmax`.
  static func codes(_ scores: Matrix) -> [Int] {
    let n = scores.rowCount
    let k = scores.columnCount
    var result = [Int](repeating: 0, count: n)
    scores.withUnsafeStorage { s in
      for i in 0..<n {
        if k == 1 {
          result[i] = s[i] > 0 ? 1 : 0
        } else {
          var best = 0
          for c in 1..<k where s[i * k + c] > s[i * k + best] { best = c }
          result[i] = best
        }
      }
    }
    return result
  }

  /// scikit-learn's `compute_class_weight`: one weight per class code.
  static func classWeights(
    balanced: Bool, explicit: [Int: Double], codes: [Int], classCount: Int
  ) -> [Double] {
    if balanced {
      var counts = [Double](repeating: 0, count: classCount)
      for c in codes { counts[c] += 1 }
      let n = Double(codes.count)
      return counts.map { $0 > 0 ? n / (Double(classCount) * $0) : 1 }
    }
    return (0..<classCount).map { explicit[$0] ?? 1 }
  }

  /// Row-normalised one-vs-rest probabilities; all-zero rows become uniform.
  static func normalizeRows(_ m: inout Matrix) {
    let n = m.rowCount
    let k = m.columnCount
    m.withUnsafeMutableStorage { p in
      for i in 0..<n {
        var sum = 0.0
        for c in 0..<k { sum += p[i * k + c] }
        if sum == 0 {
          for c in 0..<k { p[i * k + c] = 1 / Double(k) }
        } else {
          for c in 0..<k { p[i * k + c] /= sum }
        }
      }
    }
  }
}

/// One binary SGD problem of a classifier fit: its targets and class weights.
struct SGDBinaryProblem: Sendable {
  var targets: [Double]
  var weightPositive: Double
  var weightNegative: Double
  var seed: UInt64
}

/// Runs SGD problems (one per class, or one) in parallel into pre-sized slots, so the result
/// does not depend on the thread count.
enum SGDDriver {
  static func run(
    x: Matrix, problems: [SGDBinaryProblem], sampleWeight: [Double], validation: [Bool],
    settings: SGDSettings, states: inout [SGDState], t: Double, maxIter: Int
  ) throws -> Int {
    let count = problems.count
    var epochs = [Int](repeating: 0, count: count)
    var errors = [LearnError?](repeating: nil, count: count)
    let validationCount = validation.filter { $0 }.count
    let norms = LinearSVMSolvers.squaredNorms(x, biasScale: 0)
    x.withUnsafeStorage { xs in
      norms.withUnsafeBufferPointer { nb in
        sampleWeight.withUnsafeBufferPointer { sw in
          validation.withUnsafeBufferPointer { vm in
            states.withUnsafeMutableBufferPointer { st in
              epochs.withUnsafeMutableBufferPointer { ep in
                errors.withUnsafeMutableBufferPointer { er in
                  guard let xBase = xs.baseAddress, let swBase = sw.baseAddress,
                    let vmBase = vm.baseAddress, let nBase = nb.baseAddress
                  else { return }
                  let shared = SGDSharedInputs(
                    x: xBase, sampleWeight: swBase, validation: vmBase, rowSquaredNorms: nBase,
                    slots: SGDSharedSlots(states: st, epochs: ep, errors: er))
                  let rows = x.rowCount
                  let columns = x.columnCount
                  let work: @Sendable (Int) -> Void = { k in
                    problems[k].targets.withUnsafeBufferPointer { yb in
                      guard let yBase = yb.baseAddress else { return }
                      let data = SGDData(
                        x: shared.x, rowCount: rows, featureCount: columns, y: yBase,
                        sampleWeight: shared.sampleWeight, validation: shared.validation,
                        validationCount: validationCount, rowSquaredNorms: shared.rowSquaredNorms)
                      do {
                        shared.slots.epochs[k] = try SGDEngine.run(
                          data, settings: settings, state: &shared.slots.states[k], t: t,
                          maxIter: maxIter, weightPositive: problems[k].weightPositive,
                          weightNegative: problems[k].weightNegative, seed: problems[k].seed)
                      } catch let error as LearnError {
                        shared.slots.errors[k] = error
                      } catch {
                        shared.slots.errors[k] = .numericalFailure(
                          estimator: settings.estimatorName, reason: "\(error)")
                      }
                    }
                  }
                  if count == 1 {
                    work(0)
                  } else {
                    DispatchQueue.concurrentPerform(iterations: count, execute: work)
                  }
                }
              }
            }
          }
        }
      }
    }
    for error in errors { if let error { throw error } }
    return epochs.max() ?? 0
  }
}

/// Read-only inputs and write slots shared by the parallel problems.
struct SGDSharedInputs: @unchecked Sendable {
  let x: UnsafePointer<Double>
  let sampleWeight: UnsafePointer<Double>
  let validation: UnsafePointer<Bool>
  let rowSquaredNorms: UnsafePointer<Double>
  let slots: SGDSharedSlots
}

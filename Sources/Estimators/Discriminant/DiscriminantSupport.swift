import Foundation
import LinearAlgebra
import SwiftLearnCore

/// Class statistics and probability helpers shared by the discriminant analyses.
enum DiscriminantSupport {
  /// The rows of each class, in class order.
  static func members(_ codes: [Int], classCount: Int) -> [[Int]] {
    var members = [[Int]](repeating: [], count: classCount)
    for (i, c) in codes.enumerated() { members[c].append(i) }
    return members
  }

  /// The priors: the class frequencies, or the given ones renormalised to sum to 1.
  ///
  /// - Throws: `LearnError.invalidParameter(estimator:name:value:expected:)` naming `priors`
  ///   for a wrong count, negative or all-zero values.
  static func priors(
    _ given: [Double]?, members: [[Int]], rowCount n: Int, estimator: String
  ) throws -> [Double] {
    guard let given else { return members.map { Double($0.count) / Double(n) } }
    let total = given.reduce(0, +)
    guard given.count == members.count, given.allSatisfy({ $0.isFinite && $0 >= 0 }),
      total > 0
    else {
      throw LearnError.invalidParameter(
        estimator: estimator, name: "priors", value: "\(given)",
        expected: "\(members.count) non-negative values, one per class, not all zero")
    }
    return abs(total - 1) > 1e-5 ? given.map { $0 / total } : given
  }

  /// The mean of the given rows.
  static func mean(_ x: Matrix, rows: [Int]) -> [Double] {
    let d = x.columnCount
    var m = [Double](repeating: 0, count: d)
    x.withUnsafeStorage { s in
      for i in rows { for j in 0..<d { m[j] += s[i * d + j] } }
    }
    let count = Double(max(rows.count, 1))
    return m.map { $0 / count }
  }

  /// The given rows minus `center`, as a matrix.
  static func centered(_ x: Matrix, rows: [Int], center: [Double]) -> Matrix {
    let d = x.columnCount
    var out = [Double](repeating: 0, count: rows.count * d)
    x.withUnsafeStorage { s in
      for (r, i) in rows.enumerated() {
        for j in 0..<d { out[r * d + j] = s[i * d + j] - center[j] }
      }
    }
    return Matrix(unchecked: rows.count, d, out)
  }

  /// Row-wise log-softmax of class scores (scikit-learn's `predict_log_proba`).
  static func logSoftmax(_ scores: Matrix) -> Matrix {
    var out = scores
    let k = scores.columnCount
    out.withUnsafeMutableStorage { p in
      for i in 0..<scores.rowCount {
        var top = -Double.infinity
        for c in 0..<k { top = max(top, p[i * k + c]) }
        var sum = 0.0
        for c in 0..<k { sum += Foundation.exp(p[i * k + c] - top) }
        let logSum = Foundation.log(sum)
        for c in 0..<k { p[i * k + c] = p[i * k + c] - top - logSum }
      }
    }
    return out
  }
}

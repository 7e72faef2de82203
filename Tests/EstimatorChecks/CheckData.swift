import LinearAlgebra

/// Small, seeded data sets the common checks run on.
public enum CheckData {
  /// A regression problem `y = x·β + 0.5 + noise` with `n` rows and `d` features.
  public static func regression(n: Int = 60, d: Int = 4, seed: UInt64 = 7) -> (
    x: Matrix, y: [Double]
  ) {
    var rng = SeededGenerator(seed: seed)
    let x = Matrix.random(
      rowCount: n, columnCount: d, distribution: .normal(mean: 0, standardDeviation: 1),
      using: &rng)
    let beta = (0..<d).map { Double($0 + 1) * (($0 % 2 == 0) ? 1 : -1) }
    var y = [Double](repeating: 0.5, count: n)
    for i in 0..<n {
      for j in 0..<d { y[i] += x[i, j] * beta[j] }
      y[i] += 0.1 * rng.nextGaussian()
    }
    return (x, y)
  }

  /// A classification problem with `classCount` Gaussian blobs, labels `0..<classCount`.
  public static func classification(
    n: Int = 90, d: Int = 4, classCount: Int = 3, seed: UInt64 = 11
  ) -> (x: Matrix, y: [Int]) {
    var rng = SeededGenerator(seed: seed)
    var x = Matrix.zeros(n, d)
    var y = [Int](repeating: 0, count: n)
    for i in 0..<n {
      let label = i % classCount
      y[i] = label
      for j in 0..<d {
        let center = (j % classCount == label) ? 3.0 : 0.0
        x[i, j] = center + rng.nextGaussian()
      }
    }
    return (x, y)
  }

  /// A copy of `x` with `value` written at `(row, column)`.
  public static func with(_ x: Matrix, _ value: Double, at row: Int, _ column: Int) -> Matrix {
    var copy = x
    copy[row, column] = value
    return copy
  }

  /// A fixed permutation of `0..<n` (reversed interleave), the same on every run.
  public static func permutation(_ n: Int) -> [Int] {
    var order = Array(0..<n)
    var rng = SeededGenerator(seed: 99)
    rng.shuffle(&order)
    return order
  }
}

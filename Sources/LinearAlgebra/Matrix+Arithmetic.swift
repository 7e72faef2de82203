/// Element-wise arithmetic with numpy's two-dimensional broadcasting rules.
///
/// Two shapes combine when, along each axis, they are equal or one of them is 1: a `1 x d`
/// row vector is applied to every row, an `n x 1` column vector to every column, and a `1 x 1`
/// matrix to every element. Otherwise the operators throw
/// ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
///
///     let centered = try x - Matrix(row: try x.mean(.perColumn))
extension Matrix {
  @usableFromInline
  static func broadcast(
    _ a: Matrix, _ b: Matrix, operation: String, _ op: (Double, Double) -> Double
  ) throws -> Matrix {
    func axis(_ p: Int, _ q: Int) -> Int? {
      if p == q { return p }
      if p == 1 { return q }
      if q == 1 { return p }
      return nil
    }
    guard let rows = axis(a.rowCount, b.rowCount), let cols = axis(a.columnCount, b.columnCount)
    else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "element-wise \(operation)",
        expected: "shapes that broadcast with \(a.shapeDescription)",
        got: b.shapeDescription)
    }
    if a.rowCount == b.rowCount, a.columnCount == b.columnCount {
      var result = a.storage
      result.withUnsafeMutableBufferPointer { r in
        b.storage.withUnsafeBufferPointer { s in
          for k in 0..<r.count { r[k] = op(r[k], s[k]) }
        }
      }
      return Matrix(unchecked: rows, cols, result)
    }
    var result = [Double](repeating: 0, count: rows * cols)
    let aRowStep = a.rowCount == 1 ? 0 : a.columnCount
    let aColStep = a.columnCount == 1 ? 0 : 1
    let bRowStep = b.rowCount == 1 ? 0 : b.columnCount
    let bColStep = b.columnCount == 1 ? 0 : 1
    a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeBufferPointer { pb in
        result.withUnsafeMutableBufferPointer { r in
          for i in 0..<rows {
            for j in 0..<cols {
              r[i * cols + j] = op(pa[i * aRowStep + j * aColStep], pb[i * bRowStep + j * bColStep])
            }
          }
        }
      }
    }
    return Matrix(unchecked: rows, cols, result)
  }

  /// Element-wise sum with broadcasting.
  public static func + (lhs: Matrix, rhs: Matrix) throws -> Matrix {
    try broadcast(lhs, rhs, operation: "addition", +)
  }

  /// Element-wise difference with broadcasting.
  public static func - (lhs: Matrix, rhs: Matrix) throws -> Matrix {
    try broadcast(lhs, rhs, operation: "subtraction", -)
  }

  /// Element-wise (Hadamard) product with broadcasting; see ``matmul(_:)`` for the matrix product.
  public static func * (lhs: Matrix, rhs: Matrix) throws -> Matrix {
    try broadcast(lhs, rhs, operation: "multiplication", *)
  }

  /// Element-wise quotient with broadcasting (IEEE semantics: division by zero gives ±inf/NaN).
  public static func / (lhs: Matrix, rhs: Matrix) throws -> Matrix {
    try broadcast(lhs, rhs, operation: "division", /)
  }

  /// Adds `scalar` to every element.
  public static func + (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 + rhs } }
  /// Subtracts `scalar` from every element.
  public static func - (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 - rhs } }
  /// Multiplies every element by `scalar`.
  public static func * (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 * rhs } }
  /// Multiplies every element by `scalar`.
  public static func * (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs * $0 } }
  /// Divides every element by `scalar`.
  public static func / (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 / rhs } }
  /// Negates every element.
  public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }

  /// A matrix of the same shape with `transform` applied to every element.
  @inlinable
  public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
    var result = storage
    try result.withUnsafeMutableBufferPointer { r in
      for k in 0..<r.count { r[k] = try transform(r[k]) }
    }
    return Matrix(unchecked: rowCount, columnCount, result)
  }

  /// Subtracts `vector[j]` from column `j` of every row (numpy: `x - v` with `v` of shape `(d,)`).
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public func subtractingRowVector(_ vector: [Double]) throws -> Matrix {
    try Matrix.broadcast(self, Matrix(row: vector), operation: "subtraction", -)
  }

  /// Divides column `j` of every row by `vector[j]`.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public func dividingRowVector(_ vector: [Double]) throws -> Matrix {
    try Matrix.broadcast(self, Matrix(row: vector), operation: "division", /)
  }

  /// Multiplies column `j` of every row by `vector[j]`.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public func multiplyingRowVector(_ vector: [Double]) throws -> Matrix {
    try Matrix.broadcast(self, Matrix(row: vector), operation: "multiplication", *)
  }

  /// Adds `vector[j]` to column `j` of every row.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public func addingRowVector(_ vector: [Double]) throws -> Matrix {
    try Matrix.broadcast(self, Matrix(row: vector), operation: "addition", +)
  }
}

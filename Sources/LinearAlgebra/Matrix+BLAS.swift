import CBLAS
import Foundation

extension Matrix {
  /// Whether an operand of a product is used as stored or transposed.
  public enum Transpose: Sendable, Hashable {
    /// The operand as stored.
    case none
    /// The operand's transpose (no copy is made).
    case transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
  }

  /// The matrix product `self · other` through BLAS `dgemm`.
  ///
  /// numpy: `a @ b`.
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` when
  ///   `columnCount != other.rowCount`.
  /// - Complexity: O(rowCount · columnCount · other.columnCount), multi-threaded by OpenBLAS.
  public func matmul(_ other: Matrix) throws -> Matrix {
    try Matrix.product(self, other)
  }

  /// The general product `alpha · op(a) · op(b)` through BLAS `dgemm`, where `op` transposes
  /// an operand without copying it.
  ///
  ///     let xtY = try Matrix.product(x, y, transposeA: .transposed)   // xᵀy
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` when the inner
  ///   dimensions differ.
  public static func product(
    _ a: Matrix, _ b: Matrix, transposeA: Transpose = .none, transposeB: Transpose = .none,
    alpha: Double = 1
  ) throws -> Matrix {
    let (m, ka) = transposeA == .none ? (a.rowCount, a.columnCount) : (a.columnCount, a.rowCount)
    let (kb, n) = transposeB == .none ? (b.rowCount, b.columnCount) : (b.columnCount, b.rowCount)
    guard ka == kb else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "matrix product", expected: "inner dimensions equal",
        got: "\(m) x \(ka) times \(kb) x \(n)")
    }
    try a.requireLAPACKDimensions()
    try b.requireLAPACKDimensions()
    // BLAS does not read C when beta is 0, so the result needs no zero-fill first: a fresh
    // (huge-page-advised) buffer that dgemm writes once.
    let result = makeDoubleBuffer(count: m * n) { pc in
      guard m > 0, n > 0 else { return }
      guard ka > 0 else {
        pc.initialize(repeating: 0)
        return
      }
      a.storage.withUnsafeBufferPointer { pa in
        b.storage.withUnsafeBufferPointer { pb in
          cblas_dgemm(
            CblasRowMajor, transposeA.cblas, transposeB.cblas, Int32(m), Int32(n), Int32(ka),
            alpha, pa.baseAddress, Int32(Swift.max(a.columnCount, 1)), pb.baseAddress,
            Int32(Swift.max(b.columnCount, 1)), 0, pc.baseAddress, Int32(Swift.max(n, 1)))
        }
      }
    }
    return Matrix(unchecked: m, n, result)
  }

  /// `a · bᵀ` for a tall `a` and a short `b` (a projection onto a few directions), computed
  /// in a fixed number of row blocks in parallel, each by single-threaded `dgemm`.
  ///
  /// OpenBLAS's own threading gains little on a product this thin, where reading `a` once is
  /// the whole cost; splitting rows keeps every core reading. The blocks do not depend on the
  /// thread count, so the result is the same bits for any number of threads.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` when the column
  ///   counts differ.
  public static func projection(_ a: Matrix, onto b: Matrix) throws -> Matrix {
    let m = a.rowCount
    let k = a.columnCount
    let n = b.rowCount
    guard b.columnCount == k else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "projection", expected: "\(k) columns in the directions",
        got: "\(b.columnCount)")
    }
    guard m >= 16_384, n > 0, k > 0 else { return try product(a, b, transposeB: .transposed) }
    try a.requireLAPACKDimensions()
    try b.requireLAPACKDimensions()
    let blocks = 8
    let result = makeDoubleBuffer(count: m * n) { pc in
      a.storage.withUnsafeBufferPointer { pa in
        b.storage.withUnsafeBufferPointer { pb in
          let shared = ProjectionPointers(a: pa.baseAddress, b: pb.baseAddress, c: pc.baseAddress)
          BLASThreads.withSingleThread {
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
              let start = m * block / blocks
              let end = m * (block + 1) / blocks
              guard end > start, let pa = shared.a, let pb = shared.b, let pc = shared.c else {
                return
              }
              cblas_dgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(end - start), Int32(n), Int32(k),
                1, pa + start * k, Int32(k), pb, Int32(k), 0, pc + start * n, Int32(n))
            }
          }
        }
      }
    }
    return Matrix(unchecked: m, n, result)
  }

  /// The matrix–vector product `self · vector` through BLAS `dgemv`.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` when
  ///   `vector.count != columnCount`.
  public func matvec(_ vector: [Double]) throws -> [Double] {
    try matvec(vector, transpose: .none)
  }

  /// `op(self) · vector` through `dgemv`, where `.transposed` computes `selfᵀ · vector`.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public func matvec(_ vector: [Double], transpose: Transpose) throws -> [Double] {
    let (outCount, inCount) =
      transpose == .none ? (rowCount, columnCount) : (columnCount, rowCount)
    guard vector.count == inCount else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "matrix-vector product", expected: "a vector of \(inCount) elements",
        got: "\(vector.count) elements")
    }
    try requireLAPACKDimensions()
    var result = [Double](repeating: 0, count: outCount)
    guard outCount > 0, inCount > 0 else { return result }
    storage.withUnsafeBufferPointer { pa in
      vector.withUnsafeBufferPointer { px in
        result.withUnsafeMutableBufferPointer { py in
          cblas_dgemv(
            CblasRowMajor, transpose.cblas, Int32(rowCount), Int32(columnCount), 1,
            pa.baseAddress, Int32(Swift.max(columnCount, 1)), px.baseAddress, 1, 0, py.baseAddress,
            1)
        }
      }
    }
    return result
  }

  /// The Gram matrix `selfᵀ · self` (columnCount x columnCount) through BLAS `dsyrk`.
  ///
  /// Computes one triangle with `dsyrk` (half the flops of `dgemm`) and mirrors it.
  /// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` when a dimension
  ///   exceeds BLAS's 32-bit integers.
  /// - Complexity: O(rowCount · columnCount²).
  public func gram() throws -> Matrix {
    try requireLAPACKDimensions()
    let n = columnCount
    var result = [Double](repeating: 0, count: n * n)
    guard n > 0, rowCount > 0 else { return Matrix(unchecked: n, n, result) }
    storage.withUnsafeBufferPointer { pa in
      result.withUnsafeMutableBufferPointer { pc in
        cblas_dsyrk(
          CblasRowMajor, CblasUpper, CblasTrans, Int32(n), Int32(rowCount), 1, pa.baseAddress,
          Int32(n), 0, pc.baseAddress, Int32(n))
        for i in 0..<n {
          for j in 0..<i { pc[i * n + j] = pc[j * n + i] }
        }
      }
    }
    return Matrix(unchecked: n, n, result)
  }

  /// The outer Gram matrix `self · selfᵀ` (rowCount x rowCount) through BLAS `dsyrk`.
  ///
  /// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` when a dimension
  ///   exceeds BLAS's 32-bit integers.
  public func outerGram() throws -> Matrix {
    try requireLAPACKDimensions()
    let n = rowCount
    var result = [Double](repeating: 0, count: n * n)
    guard n > 0, columnCount > 0 else { return Matrix(unchecked: n, n, result) }
    storage.withUnsafeBufferPointer { pa in
      result.withUnsafeMutableBufferPointer { pc in
        cblas_dsyrk(
          CblasRowMajor, CblasUpper, CblasNoTrans, Int32(n), Int32(columnCount), 1,
          pa.baseAddress, Int32(columnCount), 0, pc.baseAddress, Int32(n))
        for i in 0..<n {
          for j in 0..<i { pc[i * n + j] = pc[j * n + i] }
        }
      }
    }
    return Matrix(unchecked: n, n, result)
  }
}

/// Controls OpenBLAS's worker threads for the whole process.
///
/// When SwiftLearn itself runs independent units in parallel (cross-validation folds, row
/// blocks of a factorization), each unit calls BLAS single-threaded through
/// ``withSingleThread(_:)``: OpenBLAS threads competing with ours on the same cores are several
/// times slower than either kind of parallelism alone.
public enum BLASThreads {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var depth = 0
  nonisolated(unsafe) private static var saved = 1

  /// Runs `body` with OpenBLAS limited to one thread, restoring the previous count when the
  /// last concurrent caller leaves. Nested and concurrent calls are safe; other BLAS work in the
  /// process runs single-threaded meanwhile (slower, never wrong).
  public static func withSingleThread<R>(_ body: () throws -> R) rethrows -> R {
    lock.lock()
    if depth == 0 {
      saved = count
      if saved > 1 { set(1) }
    }
    depth += 1
    lock.unlock()
    defer {
      lock.lock()
      depth -= 1
      if depth == 0, saved > 1 { set(saved) }
      lock.unlock()
    }
    return try body()
  }

  /// The number of threads OpenBLAS uses.
  public static var count: Int { Int(openblas_get_num_threads()) }

  /// Sets the number of threads OpenBLAS uses (at least 1).
  public static func set(_ count: Int) {
    openblas_set_num_threads(Int32(Swift.max(count, 1)))
  }
}

/// The dot product of two vectors of equal length through BLAS `ddot`.
///
/// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
public func dot(_ a: [Double], _ b: [Double]) throws -> Double {
  guard a.count == b.count else {
    throw LinearAlgebraError.shapeMismatch(
      operation: "dot", expected: "\(a.count) elements", got: "\(b.count) elements")
  }
  guard !a.isEmpty else { return 0 }
  let count = try LAPACKCall.dimension(a.count, "vector length")
  return a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      cblas_ddot(count, pa.baseAddress, 1, pb.baseAddress, 1)
    }
  }
}

/// Read-only input and disjoint output regions handed to the workers of
/// ``Matrix/projection(_:onto:)``.
private struct ProjectionPointers: @unchecked Sendable {
  let a: UnsafePointer<Double>?
  let b: UnsafePointer<Double>?
  let c: UnsafeMutablePointer<Double>?
}

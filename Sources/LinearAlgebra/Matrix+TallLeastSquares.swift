import CBLAS
import Dispatch

// Least squares for tall matrices (m >= n) by a tall-skinny QR (TSQR).
//
// The rows are cut into blocks of a few thousand. Each block is copied, column-major, into a
// small buffer that stays in cache (the caller's `fill` may centre or weight it on the way),
// factored by Householder QR (`dgeqrf`), and Qᵢᵀ is applied to its right-hand side (`dormqr`).
// The blocks' n x n factors Rᵢ and the top n rows of Qᵢᵀbᵢ are stacked and factored once more;
// the final R has the singular values of the whole matrix, and `dgelsd` on it gives the
// minimum-norm solution with the usual `rcond` cut-off. This is Householder QR, as stable as
// the one `dgelsd` runs internally on tall input, but it reads the data once, never transposes
// the whole matrix, and the blocks run in parallel. Blocks are combined in a fixed order, so
// the result is the same whatever the thread count.

/// A block of rows to fill: `a` is column-major `rows x n` (leading dimension `rows`),
/// `b` column-major `rows x k`.
package struct TallBlock {
  /// The first row of the block in the whole matrix.
  package let firstRow: Int
  /// The number of rows in the block.
  package let rows: Int
  /// Column-major `rows x n` storage to fill with the block's rows.
  package let a: UnsafeMutableBufferPointer<Double>
  /// Column-major `rows x k` storage to fill with the block's right-hand sides.
  package let b: UnsafeMutableBufferPointer<Double>
}

extension Matrix {
  /// Solves `min ||X·B − Y||` for a tall `m x n` matrix `X` (`m >= n`) whose rows the caller
  /// writes block by block through `fill`.
  ///
  /// `fill` is called once per block, possibly concurrently from several threads for different
  /// blocks; it must write every element of `block.a` and `block.b`. Used by `leastSquares`
  /// and by estimators that centre or weight the data while it is copied.
  ///
  /// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for inconsistent
  ///   sizes or oversized dimensions; ``LinearAlgebraError/noConvergence(operation:)``.
  package static func tallLeastSquares(
    rowCount m: Int, columnCount n: Int, rhsCount k: Int, rcond: Double,
    fill: @Sendable (TallBlock) -> Void
  ) throws -> LeastSquaresSolution {
    guard m >= n, n >= 1, k >= 1 else {
      throw LinearAlgebraError.invalidArgument(
        name: "tallLeastSquares", value: "\(m) x \(n) with \(k) right-hand sides",
        expected: "m >= n >= 1 and k >= 1")
    }
    _ = try LAPACKCall.dimension(m, "rowCount")
    let n32 = try LAPACKCall.dimension(n, "columnCount")
    let k32 = try LAPACKCall.dimension(k, "rhsCount")
    // Blocks of at least 2n rows (so each gives a full n x n factor) and about 4096 rows.
    let target = Swift.max(4096, 2 * n)
    let blockCount = Swift.max(1, m / target)
    let base = m / blockCount
    let extra = m % blockCount
    let starts = (0...blockCount).map { $0 * base + Swift.min($0, extra) }

    // Stacked factors: (blockCount·n) x n and (blockCount·n) x k, column-major.
    let stackedRows = blockCount * n
    let stackedA = UnsafeMutableBufferPointer<Double>.allocate(capacity: stackedRows * n)
    let stackedB = UnsafeMutableBufferPointer<Double>.allocate(capacity: stackedRows * k)
    let statuses = UnsafeMutableBufferPointer<Int32>.allocate(capacity: blockCount)
    defer {
      stackedA.deallocate()
      stackedB.deallocate()
      statuses.deallocate()
    }
    stackedA.initialize(repeating: 0)
    stackedB.initialize(repeating: 0)
    statuses.initialize(repeating: 0)

    let shared = StackSlots(a: stackedA, b: stackedB, statuses: statuses)
    func factorBlocks() {
      DispatchQueue.concurrentPerform(iterations: blockCount) { t in
        let (stackedA, stackedB, statuses) = (shared.a, shared.b, shared.statuses)
        let rows = starts[t + 1] - starts[t]
        let a = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * n)
        let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * k)
        defer {
          a.deallocate()
          b.deallocate()
        }
        fill(TallBlock(firstRow: starts[t], rows: rows, a: a, b: b))
        let status = householderQR(rows: rows, n: n32, k: k32, a: a, b: b)
        statuses[t] = status
        guard status == 0 else { return }
        // Copy Rᵢ (upper triangle) and the top n rows of Qᵢᵀbᵢ into slot t of the stack.
        for j in 0..<n {
          for i in 0...j { stackedA[j * stackedRows + t * n + i] = a[j * rows + i] }
        }
        for j in 0..<k {
          for i in 0..<n { stackedB[j * stackedRows + t * n + i] = b[j * rows + i] }
        }
      }
    }
    // Blocks run on our threads, so each block's LAPACK calls stay single-threaded; a single
    // block keeps OpenBLAS's own threads.
    if blockCount > 1 {
      BLASThreads.withSingleThread { factorBlocks() }
    } else {
      factorBlocks()
    }
    for status in statuses { try LAPACKCall.checkArguments(status, routine: "dgeqrf/dormqr") }

    // Combine: QR of the stacked factors (skipped when there is a single block).
    if blockCount > 1 {
      let status = householderQR(
        rows: stackedRows, n: n32, k: k32, a: stackedA, b: stackedB)
      try LAPACKCall.checkArguments(status, routine: "dgeqrf/dormqr")
    }
    // The final R (n x n, upper) and c = top n rows of Qᵀb, column-major.
    var r = [Double](repeating: 0, count: n * n)
    var c = [Double](repeating: 0, count: n * k)
    for j in 0..<n {
      for i in 0...j { r[j * n + i] = stackedA[j * stackedRows + i] }
    }
    for j in 0..<k {
      for i in 0..<n { c[j * n + i] = stackedB[j * stackedRows + i] }
    }
    var s = [Double](repeating: 0, count: n)
    var rank: Int32 = 0
    let status = r.withUnsafeMutableBufferPointer { pr in
      c.withUnsafeMutableBufferPointer { pc in
        s.withUnsafeMutableBufferPointer { ps in
          LAPACKE_dgelsd(
            LAPACKCall.columnMajor, n32, n32, k32, pr.baseAddress, n32, pc.baseAddress, n32,
            ps.baseAddress, rcond, &rank)
        }
      }
    }
    try LAPACKCall.checkArguments(status, routine: "dgelsd")
    if status > 0 { throw LinearAlgebraError.noConvergence(operation: "leastSquares") }
    var x = [Double](repeating: 0, count: n * k)
    for i in 0..<n {
      for j in 0..<k { x[i * k + j] = c[j * n + i] }
    }
    return LeastSquaresSolution(
      solution: Matrix(unchecked: n, k, x), rank: Int(rank), singularValues: s)
  }
}

/// The stacked factors and per-block statuses, written concurrently by the blocks.
///
/// `@unchecked Sendable` is sound here: block `t` writes only rows `t·n ..< (t+1)·n` of the
/// stacks and `statuses[t]`, and the buffers outlive the concurrent loop.
private struct StackSlots: @unchecked Sendable {
  let a: UnsafeMutableBufferPointer<Double>
  let b: UnsafeMutableBufferPointer<Double>
  let statuses: UnsafeMutableBufferPointer<Int32>
}

/// Householder QR of the column-major `rows x n` block `a` (`dgeqrf`), then `b ← Qᵀb`
/// (`dormqr`). Returns LAPACK's `info` (0 on success).
private func householderQR(
  rows: Int, n: Int32, k: Int32, a: UnsafeMutableBufferPointer<Double>,
  b: UnsafeMutableBufferPointer<Double>
) -> Int32 {
  let m32 = Int32(truncatingIfNeeded: rows)
  var tau = [Double](repeating: 0, count: Int(n))
  return tau.withUnsafeMutableBufferPointer { pt in
    var query = 0.0
    var info = LAPACKE_dgeqrf_work(
      LAPACKCall.columnMajor, m32, n, a.baseAddress, m32, pt.baseAddress, &query, -1)
    guard info == 0 else { return info }
    var work = [Double](repeating: 0, count: Swift.max(Int(query), Int(n), 1))
    info = work.withUnsafeMutableBufferPointer { pw in
      LAPACKE_dgeqrf_work(
        LAPACKCall.columnMajor, m32, n, a.baseAddress, m32, pt.baseAddress, pw.baseAddress,
        Int32(pw.count))
    }
    guard info == 0 else { return info }
    info = LAPACKE_dormqr_work(
      LAPACKCall.columnMajor, LAPACKCall.flag("L"), LAPACKCall.flag("T"), m32, k, n,
      a.baseAddress, m32, pt.baseAddress, b.baseAddress, m32, &query, -1)
    guard info == 0 else { return info }
    work = [Double](repeating: 0, count: Swift.max(Int(query), Int(k), 1))
    return work.withUnsafeMutableBufferPointer { pw in
      LAPACKE_dormqr_work(
        LAPACKCall.columnMajor, LAPACKCall.flag("L"), LAPACKCall.flag("T"), m32, k, n,
        a.baseAddress, m32, pt.baseAddress, b.baseAddress, m32, pw.baseAddress,
        Int32(pw.count))
    }
  }
}

import Dispatch
import LinearAlgebra
import SwiftLearnCore

/// The centred, weight-scaled least-squares problem shared by the regularised linear models.
///
/// scikit-learn's `_preprocess_data` followed by `_rescale_data`: with an intercept, every
/// column of `X` and `y` is centred on its (weighted) mean; with sample weights, every row is
/// then multiplied by `√wᵢ`. The penalised problem on the result has no intercept, and the
/// intercept is recovered as `ȳ − x̄·w`.
struct CenteredProblem {
  /// The centred, scaled design, row-major `n x d` or column-major (see `columnMajor`).
  var design: [Double]
  /// Whether `design` is column-major (for coordinate descent) or row-major.
  let columnMajor: Bool
  /// The centred, scaled targets, column-major `n x t` (one contiguous column per target).
  var targets: [Double]
  let rowCount: Int
  let columnCount: Int
  let targetCount: Int
  /// The (weighted) column means of `X`, zeros without an intercept.
  let xOffset: [Double]
  /// The (weighted) means of the targets, zeros without an intercept.
  let yOffset: [Double]
  /// `√wᵢ`, or `nil` without weights.
  let rootWeights: [Double]?

  /// The design as a row-major matrix (valid only when `columnMajor` is false).
  var matrix: Matrix { Matrix(unchecked: rowCount, columnCount, design) }

  /// Target `k` as an array.
  func target(_ k: Int) -> [Double] {
    Array(targets[(k * rowCount)..<((k + 1) * rowCount)])
  }

  /// For a column-major design: `‖X_j‖²` per column, computed while the design is written.
  let columnNorms: [Double]
  /// For a column-major design: `X_jᵀ·y` for the first target, computed while writing.
  let firstTargetProducts: [Double]

  /// Centres and scales `x` (row-major, `n x d`) and `y` (column-major `n x t`).
  ///
  /// Inputs are trusted: shapes and finiteness were validated by the caller. The two passes
  /// over `x` (means, then the centred copy) run on a fixed number of row chunks in parallel,
  /// and partial sums are combined in chunk order, so results do not depend on the thread
  /// count.
  init(
    x: Matrix, y: [Double], targetCount t: Int, weights: [Double]?, fitIntercept: Bool,
    columnMajor: Bool
  ) {
    let n = x.rowCount
    let d = x.columnCount
    rowCount = n
    columnCount = d
    targetCount = t
    self.columnMajor = columnMajor
    let chunkCount = n * d >= 1 << 16 ? 4 : 1
    let starts = (0...chunkCount).map { $0 * n / chunkCount }
    var xMean = [Double](repeating: 0, count: d)
    var yMean = [Double](repeating: 0, count: t)
    if fitIntercept {
      var partial = [Double](repeating: 0, count: chunkCount * d)
      x.withUnsafeStorage { s in
        partial.withUnsafeMutableBufferPointer { out in
          let shared = SharedBuffers(input: s, output: out)
          DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            guard let base = shared.input.baseAddress, let sums = shared.output.baseAddress
            else { return }
            let m = sums + c * d
            for i in starts[c]..<starts[c + 1] {
              let row = base + i * d
              if let weights {
                let w = weights[i]
                for j in 0..<d { m[j] += w * row[j] }
              } else {
                for j in 0..<d { m[j] += row[j] }
              }
            }
          }
        }
      }
      let total = weights.map { $0.reduce(0, +) } ?? Double(n)
      for c in 0..<chunkCount {
        for j in 0..<d { xMean[j] += partial[c * d + j] }
      }
      for j in 0..<d { xMean[j] /= total }
      for k in 0..<t {
        var sum = 0.0
        for i in 0..<n { sum += (weights?[i] ?? 1) * y[k * n + i] }
        yMean[k] = sum / total
      }
    }
    let roots = weights.map { w in w.map { $0.squareRoot() } }
    xOffset = xMean
    yOffset = yMean
    rootWeights = roots
    var scaled = y
    for k in 0..<t {
      if let roots {
        for i in 0..<n { scaled[k * n + i] = (y[k * n + i] - yMean[k]) * roots[i] }
      } else {
        for i in 0..<n { scaled[k * n + i] = y[k * n + i] - yMean[k] }
      }
    }
    targets = scaled
    let finalMean = xMean
    let finalTargets = scaled
    var norms = [Double](repeating: 0, count: columnMajor ? chunkCount * d : 0)
    var products = [Double](repeating: 0, count: columnMajor ? chunkCount * d : 0)
    design = x.withUnsafeStorage { s in
      makeDoubleBuffer(count: n * d) { out in
        if columnMajor {
          norms.withUnsafeMutableBufferPointer { normBuffer in
            products.withUnsafeMutableBufferPointer { productBuffer in
              let shared = SharedColumns(
                input: s, output: out, norms: normBuffer, products: productBuffer)
              DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
                shared.transpose(
                  rows: starts[c]..<starts[c + 1], chunk: c, n: n, d: d, mean: finalMean,
                  roots: roots, y: finalTargets)
              }
            }
          }
        } else {
          for i in 0..<n {
            let r = roots?[i] ?? 1
            let base = i * d
            for j in 0..<d { out[base + j] = (s[base + j] - xMean[j]) * r }
          }
        }
      }
    }
    var columnNorms = [Double](repeating: 0, count: columnMajor ? d : 0)
    var firstProducts = columnNorms
    if columnMajor {
      for c in 0..<chunkCount {
        for j in 0..<d {
          columnNorms[j] += norms[c * d + j]
          firstProducts[j] += products[c * d + j]
        }
      }
    }
    self.columnNorms = columnNorms
    firstTargetProducts = firstProducts
  }

  /// The intercept `ȳ − x̄·w` for target `k`.
  func intercept(target k: Int, coefficients w: ArraySlice<Double>, fitIntercept: Bool)
    -> Double
  {
    guard fitIntercept else { return 0 }
    var b = yOffset[k]
    var j = 0
    for value in w {
      b -= xOffset[j] * value
      j += 1
    }
    return b
  }
}

/// `x · coefficients + intercept` for every row, after the standard input checks.
func linearPredict(_ x: Matrix, coefficients: [Double], intercept: Double) throws -> [Double] {
  try Validate.predictionInput(x, featureCount: coefficients.count)
  var result = try x.matvec(coefficients)
  for i in 0..<result.count { result[i] += intercept }
  return result
}

/// Decoding check shared by the linear models' fitted values.
func checkDecodedLinear(
  coefficients: [Double], intercept: Double, codingPath: [any CodingKey]
) throws {
  try requireDecoded(!coefficients.isEmpty, "no coefficients", codingPath: codingPath)
  try requireDecoded(
    coefficients.allSatisfy(\.isFinite) && intercept.isFinite,
    "coefficients and intercept must be finite", codingPath: codingPath)
}

/// Buffers shared by the parallel chunks of a pass; chunks touch disjoint parts of `output`.
private struct SharedBuffers: @unchecked Sendable {
  let input: UnsafeBufferPointer<Double>
  let output: UnsafeMutableBufferPointer<Double>
}

/// The centred, scaled column-major copy of a chunk of rows, with per-chunk column
/// statistics (`‖X_j‖²` and `X_jᵀy` over the chunk's rows).
private struct SharedColumns: @unchecked Sendable {
  let input: UnsafeBufferPointer<Double>
  let output: UnsafeMutableBufferPointer<Double>
  let norms: UnsafeMutableBufferPointer<Double>
  let products: UnsafeMutableBufferPointer<Double>

  func transpose(
    rows: Range<Int>, chunk c: Int, n: Int, d: Int, mean: [Double], roots: [Double]?,
    y: [Double]
  ) {
    guard let s = input.baseAddress, let out = output.baseAddress,
      let normBase = norms.baseAddress, let productBase = products.baseAddress
    else { return }
    let norm = normBase + c * d
    let product = productBase + c * d
    // Blocks of rows so the strided reads and the column writes both stay in cache.
    let block = 64
    var start = rows.lowerBound
    while start < rows.upperBound {
      let end = Swift.min(rows.upperBound, start + block)
      for j in 0..<d {
        let mj = mean[j]
        let column = out + j * n
        var sumSquares = 0.0
        var sumProducts = 0.0
        if let roots {
          for i in start..<end {
            let v = (s[i * d + j] - mj) * roots[i]
            column[i] = v
            sumSquares += v * v
            sumProducts += v * y[i]
          }
        } else {
          for i in start..<end {
            let v = s[i * d + j] - mj
            column[i] = v
            sumSquares += v * v
            sumProducts += v * y[i]
          }
        }
        norm[j] += sumSquares
        product[j] += sumProducts
      }
      start = end
    }
  }
}

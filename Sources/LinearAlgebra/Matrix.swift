/// A dense two-dimensional array of `Double`, stored row-major and contiguously.
///
/// `Matrix` is a value type with copy-on-write storage (an `Array` underneath): copying is
/// cheap until one copy is mutated. It is the input of every estimator and transformer; dense
/// products and factorizations go to OpenBLAS and LAPACKE.
///
/// scikit-learn: a C-contiguous `numpy.ndarray` of `float64` with `ndim == 2`.
///
/// Initialisers that take user data throw ``LinearAlgebraError`` on inconsistent shapes; the
/// element subscript traps on an out-of-range index exactly as `Array` does, so library code
/// validates shapes before indexing and user code can use ``element(_:_:)`` for a checked read.
///
///     let x = try Matrix(rows: [[1, 2], [3, 4], [5, 6]])
///     let means = try x.mean(.perColumn)      // [3, 4]
///     let g = try x.gram()                     // xᵀx, 2 x 2
public struct Matrix: Sendable, Hashable, Codable {
  /// Number of rows (samples).
  public private(set) var rowCount: Int
  /// Number of columns (features).
  public private(set) var columnCount: Int
  /// The elements in row-major order: element `(i, j)` is at `i * columnCount + j`.
  public var storage: [Double] { _storage }
  @usableFromInline var _storage: [Double]

  /// Creates a matrix from row-major storage.
  ///
  /// - Throws: ``LinearAlgebraError/invalidArgument(name:value:expected:)`` for a negative
  ///   dimension; ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` when
  ///   `storage.count != rowCount * columnCount`.
  public init(rowCount: Int, columnCount: Int, storage: [Double]) throws {
    guard rowCount >= 0 else {
      throw LinearAlgebraError.invalidArgument(
        name: "rowCount", value: "\(rowCount)", expected: "a count >= 0")
    }
    guard columnCount >= 0 else {
      throw LinearAlgebraError.invalidArgument(
        name: "columnCount", value: "\(columnCount)", expected: "a count >= 0")
    }
    let (product, overflow) = rowCount.multipliedReportingOverflow(by: columnCount)
    guard !overflow, storage.count == product else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "Matrix(rowCount:columnCount:storage:)",
        expected: "\(rowCount) x \(columnCount) = \(overflow ? "overflow" : "\(product)") elements",
        got: "\(storage.count) elements")
    }
    self.rowCount = rowCount
    self.columnCount = columnCount
    self._storage = storage
  }

  /// Internal unchecked initialiser; callers guarantee `storage.count == rows * columns`.
  ///
  /// Used by other SwiftLearn modules after they have checked the shape themselves.
  @usableFromInline
  package init(unchecked rows: Int, _ columns: Int, _ storage: [Double]) {
    self.rowCount = rows
    self.columnCount = columns
    self._storage = storage
  }

  /// Calls `body` with mutable access to the row-major elements (the count cannot change).
  ///
  /// The fast path for filling or updating a matrix in place without per-element checks.
  @inlinable
  public mutating func withUnsafeMutableStorage<R>(
    _ body: (UnsafeMutableBufferPointer<Double>) throws -> R
  ) rethrows -> R {
    try _storage.withUnsafeMutableBufferPointer { try body($0) }
  }

  /// Calls `body` with read access to the row-major elements.
  @inlinable
  public func withUnsafeStorage<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows
    -> R
  {
    try _storage.withUnsafeBufferPointer { try body($0) }
  }

  /// Creates a matrix from an array of rows.
  ///
  /// An empty array gives a `0 x 0` matrix. Use ``init(rowCount:columnCount:storage:)`` for a
  /// matrix with zero rows and some columns.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` naming the first
  ///   row whose length differs from the first row's.
  public init(rows: [[Double]]) throws {
    let columns = rows.first?.count ?? 0
    var storage: [Double] = []
    storage.reserveCapacity(rows.count * columns)
    for (index, row) in rows.enumerated() {
      guard row.count == columns else {
        throw LinearAlgebraError.shapeMismatch(
          operation: "Matrix(rows:) row \(index)", expected: "\(columns) columns",
          got: "\(row.count) columns")
      }
      storage.append(contentsOf: row)
    }
    self.init(unchecked: rows.count, columns, storage)
  }

  /// Creates a one-column matrix from a vector (scikit-learn's `x.reshape(-1, 1)`).
  public init(column: [Double]) {
    self.init(unchecked: column.count, 1, column)
  }

  /// Creates a one-row matrix from a vector (scikit-learn's `x.reshape(1, -1)`).
  public init(row: [Double]) {
    self.init(unchecked: 1, row.count, row)
  }

  /// Creates a matrix whose columns are the given vectors.
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)`` for columns of
  ///   different lengths.
  public init(columns: [[Double]]) throws {
    let rows = columns.first?.count ?? 0
    var result = [Double](repeating: 0, count: rows * columns.count)
    for (j, column) in columns.enumerated() {
      guard column.count == rows else {
        throw LinearAlgebraError.shapeMismatch(
          operation: "Matrix(columns:) column \(j)", expected: "\(rows) rows",
          got: "\(column.count) rows")
      }
      for i in 0..<rows { result[i * columns.count + j] = column[i] }
    }
    self.init(unchecked: rows, columns.count, result)
  }

  /// A matrix of the given shape filled with `value` (negative dimensions count as zero).
  public init(repeating value: Double, rowCount: Int, columnCount: Int) {
    let r = Swift.max(rowCount, 0)
    let c = Swift.max(columnCount, 0)
    self.init(unchecked: r, c, [Double](repeating: value, count: r * c))
  }

  /// A matrix of zeros (numpy's `zeros((rowCount, columnCount))`).
  public static func zeros(_ rowCount: Int, _ columnCount: Int) -> Matrix {
    Matrix(repeating: 0, rowCount: rowCount, columnCount: columnCount)
  }

  /// A matrix of ones (numpy's `ones((rowCount, columnCount))`).
  public static func ones(_ rowCount: Int, _ columnCount: Int) -> Matrix {
    Matrix(repeating: 1, rowCount: rowCount, columnCount: columnCount)
  }

  /// The `n x n` identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    diagonal([Double](repeating: 1, count: Swift.max(n, 0)))
  }

  /// A square matrix with `values` on its diagonal and zeros elsewhere.
  public static func diagonal(_ values: [Double]) -> Matrix {
    let n = values.count
    var m = zeros(n, n)
    for i in 0..<n { m._storage[i * n + i] = values[i] }
    return m
  }

  /// The distribution of ``random(rowCount:columnCount:distribution:seed:)``.
  public enum Distribution: Sendable, Hashable {
    /// Uniform on `[lower, upper)`.
    case uniform(lower: Double, upper: Double)
    /// Gaussian with the given mean and standard deviation.
    case normal(mean: Double, standardDeviation: Double)
  }

  /// A matrix of independent draws, reproducible from `seed`.
  ///
  /// Elements are drawn in row-major order from a ``SeededGenerator`` created with `seed`.
  public static func random(
    rowCount: Int, columnCount: Int, distribution: Distribution = .uniform(lower: 0, upper: 1),
    seed: UInt64
  ) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return random(
      rowCount: rowCount, columnCount: columnCount, distribution: distribution,
      using: &generator)
  }

  /// A matrix of independent draws from `generator`, in row-major order.
  public static func random(
    rowCount: Int, columnCount: Int, distribution: Distribution = .uniform(lower: 0, upper: 1),
    using generator: inout SeededGenerator
  ) -> Matrix {
    let count = Swift.max(rowCount, 0) * Swift.max(columnCount, 0)
    var values = [Double](repeating: 0, count: count)
    switch distribution {
    case let .uniform(lower, upper):
      for k in 0..<count { values[k] = lower + (upper - lower) * generator.nextUniform() }
    case let .normal(mean, sd):
      for k in 0..<count { values[k] = mean + sd * generator.nextGaussian() }
    }
    return Matrix(unchecked: Swift.max(rowCount, 0), Swift.max(columnCount, 0), values)
  }

  /// `(rowCount, columnCount)`, numpy's `shape`.
  public var shape: (rows: Int, columns: Int) { (rowCount, columnCount) }

  /// Whether the matrix has no elements.
  public var isEmpty: Bool { storage.isEmpty }

  /// The element at `(row, column)`.
  ///
  /// Traps on an out-of-range index, as `Array`'s subscript does; see ``element(_:_:)``.
  @inlinable
  public subscript(row: Int, column: Int) -> Double {
    get { _storage[row * columnCount + column] }
    set { _storage[row * columnCount + column] = newValue }
  }

  /// The element at `(row, column)`, or an error naming the index that is out of range.
  public func element(_ row: Int, _ column: Int) throws -> Double {
    try checkRow(row)
    try checkColumn(column)
    return storage[row * columnCount + column]
  }

  /// A copy of row `i`.
  ///
  /// - Throws: ``LinearAlgebraError/indexOutOfRange(axis:index:count:)``.
  public func row(_ i: Int) throws -> [Double] {
    try checkRow(i)
    return Array(storage[(i * columnCount)..<((i + 1) * columnCount)])
  }

  /// A copy of column `j`.
  ///
  /// - Throws: ``LinearAlgebraError/indexOutOfRange(axis:index:count:)``.
  public func column(_ j: Int) throws -> [Double] {
    try checkColumn(j)
    var result = [Double](repeating: 0, count: rowCount)
    storage.withUnsafeBufferPointer { s in
      for i in 0..<rowCount { result[i] = s[i * columnCount + j] }
    }
    return result
  }

  /// The rows as an array of arrays.
  public var rowArrays: [[Double]] {
    (0..<rowCount).map { i in Array(storage[(i * columnCount)..<((i + 1) * columnCount)]) }
  }

  /// Replaces column `j` with `values`.
  ///
  /// - Throws: ``LinearAlgebraError/indexOutOfRange(axis:index:count:)`` or
  ///   ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public mutating func setColumn(_ j: Int, to values: [Double]) throws {
    try checkColumn(j)
    guard values.count == rowCount else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "setColumn", expected: "\(rowCount) values", got: "\(values.count) values")
    }
    let c = columnCount
    _storage.withUnsafeMutableBufferPointer { s in
      for i in 0..<values.count { s[i * c + j] = values[i] }
    }
  }

  /// The rows at `indices`, in that order; indices may repeat (bootstrap samples, folds).
  ///
  /// scikit-learn: `X[indices]`.
  /// - Throws: ``LinearAlgebraError/indexOutOfRange(axis:index:count:)`` for the first bad index.
  /// - Complexity: O(indices.count · columnCount).
  public func rows(_ indices: [Int]) throws -> Matrix {
    let c = columnCount
    var result = [Double](repeating: 0, count: indices.count * c)
    for index in indices where index < 0 || index >= rowCount {
      throw LinearAlgebraError.indexOutOfRange(axis: "row", index: index, count: rowCount)
    }
    storage.withUnsafeBufferPointer { s in
      result.withUnsafeMutableBufferPointer { r in
        for (k, i) in indices.enumerated() {
          guard c > 0, let src = s.baseAddress, let dst = r.baseAddress else { continue }
          (dst + k * c).update(from: src + i * c, count: c)
        }
      }
    }
    return Matrix(unchecked: indices.count, c, result)
  }

  /// The rows in `range`.
  ///
  /// - Throws: ``LinearAlgebraError/indexOutOfRange(axis:index:count:)``.
  public func rows(_ range: Range<Int>) throws -> Matrix {
    guard range.lowerBound >= 0, range.upperBound <= rowCount else {
      throw LinearAlgebraError.indexOutOfRange(
        axis: "row", index: range.lowerBound < 0 ? range.lowerBound : range.upperBound,
        count: rowCount)
    }
    return Matrix(
      unchecked: range.count, columnCount,
      Array(storage[(range.lowerBound * columnCount)..<(range.upperBound * columnCount)]))
  }

  /// The columns at `indices`, in that order; indices may repeat.
  ///
  /// scikit-learn: `X[:, indices]`.
  /// - Throws: ``LinearAlgebraError/indexOutOfRange(axis:index:count:)`` for the first bad index.
  public func columns(_ indices: [Int]) throws -> Matrix {
    for index in indices where index < 0 || index >= columnCount {
      throw LinearAlgebraError.indexOutOfRange(axis: "column", index: index, count: columnCount)
    }
    let c = columnCount
    let k = indices.count
    var result = [Double](repeating: 0, count: rowCount * k)
    storage.withUnsafeBufferPointer { s in
      result.withUnsafeMutableBufferPointer { r in
        for i in 0..<rowCount {
          for (t, j) in indices.enumerated() { r[i * k + t] = s[i * c + j] }
        }
      }
    }
    return Matrix(unchecked: rowCount, k, result)
  }

  /// The transpose.
  ///
  /// - Complexity: O(rowCount · columnCount), cache-blocked.
  public func transposed() -> Matrix {
    let r = rowCount
    let c = columnCount
    let block = 32
    let result = _storage.withUnsafeBufferPointer { s in
      makeDoubleBuffer(count: r * c) { t in
        var i0 = 0
        while i0 < r {
          let i1 = Swift.min(i0 + block, r)
          var j0 = 0
          while j0 < c {
            let j1 = Swift.min(j0 + block, c)
            for i in i0..<i1 {
              for j in j0..<j1 { t[j * r + i] = s[i * c + j] }
            }
            j0 = j1
          }
          i0 = i1
        }
      }
    }
    return Matrix(unchecked: c, r, result)
  }

  /// Stacks `other` below this matrix (numpy's `vstack`).
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public func appendingRows(_ other: Matrix) throws -> Matrix {
    // A side with zero rows adopts the other's width; otherwise the widths must agree
    // (checking `isEmpty` here let a `2 x 0` matrix absorb rows of another width).
    guard other.columnCount == columnCount || rowCount == 0 || other.rowCount == 0 else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "appendingRows", expected: "\(columnCount) columns",
        got: "\(other.columnCount) columns")
    }
    if rowCount == 0 { return other }
    if other.rowCount == 0 { return self }
    return Matrix(unchecked: rowCount + other.rowCount, columnCount, storage + other.storage)
  }

  /// Places `other` to the right of this matrix (numpy's `hstack`).
  ///
  /// - Throws: ``LinearAlgebraError/shapeMismatch(operation:expected:got:)``.
  public func appendingColumns(_ other: Matrix) throws -> Matrix {
    guard other.rowCount == rowCount else {
      throw LinearAlgebraError.shapeMismatch(
        operation: "appendingColumns", expected: "\(rowCount) rows", got: "\(other.rowCount) rows")
    }
    let c = columnCount + other.columnCount
    var result = [Double](repeating: 0, count: rowCount * c)
    for i in 0..<rowCount {
      for j in 0..<columnCount { result[i * c + j] = storage[i * columnCount + j] }
      for j in 0..<other.columnCount {
        result[i * c + columnCount + j] = other.storage[i * other.columnCount + j]
      }
    }
    return Matrix(unchecked: rowCount, c, result)
  }

  /// Whether every element is finite (no NaN, no ±infinity).
  ///
  /// One vectorizable pass: `v * 0` is 0 for finite `v` and NaN otherwise, summed in eight
  /// independent lanes.
  public var isFinite: Bool {
    _storage.withUnsafeBufferPointer { s in
      var lanes = SIMD8<Double>()
      var k = 0
      let count = s.count
      if let base = s.baseAddress {
        let raw = UnsafeRawPointer(base)
        while k + 8 <= count {
          lanes += raw.loadUnaligned(fromByteOffset: k * 8, as: SIMD8<Double>.self) * 0
          k += 8
        }
      }
      var acc = lanes.sum()
      while k < count {
        acc += s[k] * 0
        k += 1
      }
      return acc == 0
    }
  }

  /// The row-major position of the first non-finite element, if any.
  public func firstNonFinite() -> (row: Int, column: Int)? {
    guard !isFinite, columnCount > 0 else { return nil }
    for (k, v) in storage.enumerated() where !v.isFinite {
      return (k / columnCount, k % columnCount)
    }
    return nil
  }

  @usableFromInline
  func checkRow(_ i: Int) throws {
    guard i >= 0, i < rowCount else {
      throw LinearAlgebraError.indexOutOfRange(axis: "row", index: i, count: rowCount)
    }
  }

  @usableFromInline
  func checkColumn(_ j: Int) throws {
    guard j >= 0, j < columnCount else {
      throw LinearAlgebraError.indexOutOfRange(axis: "column", index: j, count: columnCount)
    }
  }

  /// The shape as text, `"rows x columns"`, for error messages.
  public var shapeDescription: String { "\(rowCount) x \(columnCount)" }
}

extension Matrix {
  /// Decodes and re-checks that the storage matches the shape.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let rows = try container.decode(Int.self, forKey: .rowCount)
    let columns = try container.decode(Int.self, forKey: .columnCount)
    let storage = try container.decode([Double].self, forKey: .storage)
    do {
      try self.init(rowCount: rows, columnCount: columns, storage: storage)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .storage, in: container,
        debugDescription:
          "Matrix storage has \(storage.count) elements for shape \(rows) x \(columns)")
    }
  }

  enum CodingKeys: String, CodingKey { case rowCount, columnCount, storage }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rowCount, forKey: .rowCount)
    try container.encode(columnCount, forKey: .columnCount)
    try container.encode(storage, forKey: .storage)
  }
}

extension Matrix: CustomStringConvertible {
  /// A numpy-like rendering; large matrices show their first and last three rows and columns.
  public var description: String {
    func fmt(_ v: Double) -> String {
      let s = "\(v)"
      return s.count > 10 ? String(format6(v)) : s
    }
    let rowIdx =
      rowCount <= 8 ? Array(0..<rowCount) : [0, 1, 2, -1, rowCount - 3, rowCount - 2, rowCount - 1]
    let colIdx =
      columnCount <= 8
      ? Array(0..<columnCount) : [0, 1, 2, -1, columnCount - 3, columnCount - 2, columnCount - 1]
    var lines: [String] = ["Matrix \(rowCount) x \(columnCount)"]
    for i in rowIdx {
      if i < 0 {
        lines.append(" ...")
        continue
      }
      let cells = colIdx.map { j in j < 0 ? "..." : fmt(self[i, j]) }
      lines.append(" [" + cells.joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n")
  }
}

func format6(_ v: Double) -> String {
  // Six significant digits without Foundation's String(format:).
  guard v.isFinite, v != 0 else { return "\(v)" }
  let magnitude = Swift.abs(v)
  if magnitude >= 1e6 || magnitude < 1e-4 {
    var exponent = 0
    var m = magnitude
    while m >= 10 {
      m /= 10
      exponent += 1
    }
    while m < 1 {
      m *= 10
      exponent -= 1
    }
    let mant = (m * 1e5).rounded() / 1e5
    return "\(v < 0 ? "-" : "")\(mant)e\(exponent)"
  }
  var digits = 5
  var t = magnitude
  while t >= 10 && digits > 0 {
    t /= 10
    digits -= 1
  }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  return "\((v * scale).rounded() / scale)"
}

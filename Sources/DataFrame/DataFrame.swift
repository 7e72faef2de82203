import Foundation
import LinearAlgebra

/// A table of named, typed, nullable columns of equal length.
///
/// Columnar storage: each ``Column`` holds one contiguous array of its type plus a null mask.
/// pandas: `pandas.DataFrame` (with a default `RangeIndex`; there is no row index here).
/// Frames are values (copy-on-write through their arrays).
///
///     var df = try DataFrame([
///       Column("age", ints: [31, nil, 45]),
///       Column("city", strings: ["Oslo", "Lima", nil]),
///     ])
///     df.shape                       // (rows: 3, columns: 2)
///     try df.column("age").nullCount // 1
public struct DataFrame: Sendable, Hashable, CustomStringConvertible {
  /// The columns, in order.
  public private(set) var columns: [Column]
  /// The number of rows.
  public private(set) var rowCount: Int
  /// Column name → position.
  private var positions: [String: Int]

  /// An empty frame: no columns, no rows.
  ///
  /// pandas: `pd.DataFrame()`.
  public init() {
    self.columns = []
    self.rowCount = 0
    self.positions = [:]
  }

  /// A frame of the given columns.
  ///
  /// pandas: `pd.DataFrame({name: series, ...})`.
  /// - Throws: `DataFrameError.lengthMismatch` if the columns differ in length,
  ///   `DataFrameError.duplicateColumn` if a name repeats.
  /// - Complexity: O(columns).
  public init(_ columns: [Column]) throws {
    self.init()
    let rows = columns.first?.count ?? 0
    for column in columns {
      guard column.count == rows else {
        throw DataFrameError.lengthMismatch(column: column.name, expected: rows, got: column.count)
      }
      guard positions[column.name] == nil else {
        throw DataFrameError.duplicateColumn(name: column.name)
      }
      positions[column.name] = self.columns.count
      self.columns.append(column)
    }
    self.rowCount = rows
  }

  /// A frame of double columns taken from a matrix's columns.
  ///
  /// pandas: `pd.DataFrame(array, columns=names)`.
  /// - Parameters:
  ///   - matrix: the values; one column per matrix column.
  ///   - columnNames: one name per column; default `x0, x1, ...`.
  /// - Throws: `DataFrameError.lengthMismatch` (column `"columnNames"`) if the name count
  ///   differs from the matrix's column count; `DataFrameError.duplicateColumn`.
  /// - Complexity: O(rows · columns).
  public init(matrix: Matrix, columnNames: [String]? = nil) throws {
    let names = columnNames ?? (0..<matrix.columnCount).map { "x\($0)" }
    guard names.count == matrix.columnCount else {
      throw DataFrameError.lengthMismatch(
        column: "columnNames", expected: matrix.columnCount, got: names.count)
    }
    let rows = matrix.rowCount
    let cols = matrix.columnCount
    var built: [Column] = []
    built.reserveCapacity(cols)
    matrix.withUnsafeStorage { buffer in
      for j in 0..<cols {
        let values = [Double](unsafeUninitializedCapacity: rows) { out, initialized in
          for i in 0..<rows { out[i] = buffer[i * cols + j] }
          initialized = rows
        }
        built.append(Column(names[j], doubles: values))
      }
    }
    try self.init(built)
    if cols == 0 { self.rowCount = rows }
  }

  /// The column names, in order.
  ///
  /// pandas: `df.columns`.
  public var columnNames: [String] { columns.map(\.name) }

  /// The number of columns.
  public var columnCount: Int { columns.count }

  /// `(rowCount, columnCount)`.
  ///
  /// pandas: `df.shape`.
  public var shape: (rows: Int, columns: Int) { (rowCount, columns.count) }

  /// Each column's name and type, in order.
  ///
  /// pandas: `df.dtypes`.
  public var dtypes: [(name: String, type: ColumnType)] { columns.map { ($0.name, $0.type) } }

  /// Whether the frame has no rows or no columns.
  ///
  /// pandas: `df.empty`.
  public var isEmpty: Bool { rowCount == 0 || columns.isEmpty }

  /// The column with this name.
  ///
  /// pandas: `df[name]`.
  /// - Throws: `DataFrameError.unknownColumn` with close matches as suggestions.
  /// - Complexity: O(1) when found; O(columns · name length²) to build suggestions.
  public func column(_ name: String) throws -> Column {
    guard let position = positions[name] else {
      throw DataFrameError.unknownColumn(name: name, suggestions: suggestions(for: name))
    }
    return columns[position]
  }

  /// The position of the column with this name.
  ///
  /// pandas: `df.columns.get_loc(name)`.
  /// - Throws: `DataFrameError.unknownColumn` with close matches as suggestions.
  public func columnIndex(_ name: String) throws -> Int {
    guard let position = positions[name] else {
      throw DataFrameError.unknownColumn(name: name, suggestions: suggestions(for: name))
    }
    return position
  }

  /// The column with this name, or nil.
  public subscript(_ name: String) -> Column? {
    positions[name].map { columns[$0] }
  }

  /// Replaces the column of the same name, or appends it.
  ///
  /// pandas: `df[name] = series`. The first column of an empty (column-less) frame sets the
  /// row count.
  /// - Throws: `DataFrameError.lengthMismatch` if its length differs from ``rowCount``.
  /// - Complexity: O(1) amortised.
  public mutating func setColumn(_ column: Column) throws {
    if columns.isEmpty {
      rowCount = column.count
    } else if column.count != rowCount {
      throw DataFrameError.lengthMismatch(
        column: column.name, expected: rowCount, got: column.count)
    }
    if let position = positions[column.name] {
      columns[position] = column
    } else {
      positions[column.name] = columns.count
      columns.append(column)
    }
  }

  /// Removes the column with this name and returns it.
  ///
  /// pandas: `df.pop(name)`.
  /// - Throws: `DataFrameError.unknownColumn` with suggestions.
  /// - Complexity: O(columns).
  @discardableResult
  public mutating func removeColumn(_ name: String) throws -> Column {
    let position = try columnIndex(name)
    let removed = columns.remove(at: position)
    positions = [:]
    for (i, c) in columns.enumerated() { positions[c.name] = i }
    return removed
  }

  /// Close matches for an unknown name: same name ignoring case, a prefix/substring, or an
  /// edit distance of at most max(2, length / 3); up to 3, closest first.
  func suggestions(for name: String) -> [String] {
    let lower = name.lowercased()
    var scored: [(score: Int, name: String)] = []
    for candidate in columns.map(\.name) {
      let cl = candidate.lowercased()
      if cl == lower {
        scored.append((0, candidate))
        continue
      }
      let distance = editDistance(Array(lower.unicodeScalars), Array(cl.unicodeScalars))
      if distance <= max(2, lower.unicodeScalars.count / 3) {
        scored.append((distance, candidate))
      } else if !lower.isEmpty && (cl.contains(lower) || lower.contains(cl)) {
        scored.append((distance + 100, candidate))
      }
    }
    scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.name < $1.name }
    return scored.prefix(3).map(\.name)
  }

  // swift-format-ignore: NeverUseImplicitlyUnwrappedOptionals
  private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// Whether two frames have the same columns (names, types, values, nulls) in the same order;
  /// NaN equals NaN here, so a frame equals its CSV round trip.
  ///
  /// pandas: `df1.equals(df2)`.
  /// - Complexity: O(rows · columns).
  public static func == (lhs: DataFrame, rhs: DataFrame) -> Bool {
    lhs.rowCount == rhs.rowCount && lhs.columns == rhs.columns
  }

  /// Hashes the columns, consistently with ``==(_:_:)``.
  ///
  /// - Complexity: O(rows · columns).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(rowCount)
    hasher.combine(columns)
  }
}

import LinearAlgebra

extension DataFrame {
  /// The numeric columns as a row-major `Matrix` (double, int and bool as 0/1).
  ///
  /// pandas: `df[columns].to_numpy(dtype=float)`.
  /// - Parameters:
  ///   - names: the columns to take, in order; default every column.
  ///   - fillNulls: the value written for nulls; default nil (nulls are an error). NaN values
  ///     of double columns are copied as NaN.
  /// - Throws: `DataFrameError.unknownColumn` for a missing name, `DataFrameError.wrongType`
  ///   naming the first non-numeric column, `DataFrameError.nullValues` naming the first column
  ///   with nulls when `fillNulls` is nil.
  /// - Complexity: O(rows · columns).
  public func toMatrix(columns names: [String]? = nil, fillNulls: Double? = nil) throws -> Matrix {
    let selected = try (names ?? columnNames).map { try column($0) }
    for c in selected {
      guard c.isNumeric else {
        throw DataFrameError.wrongType(
          column: c.name, expected: "numeric (double, int or bool)", actual: c.type)
      }
      if fillNulls == nil && c.nullCount > 0 {
        throw DataFrameError.nullValues(column: c.name, count: c.nullCount)
      }
    }
    let rows = rowCount
    let cols = selected.count
    var storage = [Double](repeating: 0, count: rows * cols)
    storage.withUnsafeMutableBufferPointer { out in
      for (j, c) in selected.enumerated() {
        let fill = fillNulls ?? .nan
        switch c.storage {
        case let .double(v):
          for i in 0..<min(rows, v.count) { out[i * cols + j] = v[i] }
        case let .int(v):
          for i in 0..<min(rows, v.count) { out[i * cols + j] = Double(v[i]) }
        case let .bool(v):
          for i in 0..<min(rows, v.count) { out[i * cols + j] = v[i] ? 1 : 0 }
        default: break
        }
        if let nulls = c.nulls {
          for i in 0..<rows where nulls[i] { out[i * cols + j] = fill }
        }
      }
    }
    return try Matrix(rowCount: rows, columnCount: cols, storage: storage)
  }

  /// A numeric column as `[Double]`, for a regression target.
  ///
  /// pandas: `df[name].to_numpy(dtype=float)`.
  /// - Throws: `DataFrameError.unknownColumn`, `DataFrameError.wrongType` for a non-numeric
  ///   column, `DataFrameError.nullValues` if it has nulls.
  /// - Complexity: O(rows).
  public func target(_ name: String) throws -> [Double] {
    let c = try column(name)
    guard c.nullCount == 0 else {
      throw DataFrameError.nullValues(column: name, count: c.nullCount)
    }
    return try c.numericStorage()
  }

  /// A column as string class labels (strings and categoricals as is; ints and bools as
  /// text).
  ///
  /// pandas: `df[name].astype(str).to_numpy()`.
  /// - Throws: `DataFrameError.unknownColumn`, `DataFrameError.wrongType` for double and date
  ///   columns, `DataFrameError.nullValues` if it has nulls.
  /// - Complexity: O(rows).
  public func labels(_ name: String) throws -> [String] {
    let c = try column(name)
    guard c.nullCount == 0 else {
      throw DataFrameError.nullValues(column: name, count: c.nullCount)
    }
    switch c.storage {
    case .string, .categorical: return try c.strings().map { $0 ?? "" }
    case let .int(v): return v.map(String.init)
    case let .bool(v): return v.map { $0 ? "true" : "false" }
    default: throw DataFrameError.wrongType(column: name, expected: "labels", actual: c.type)
    }
  }

  /// An int (or bool as 0/1) column as integer class labels.
  ///
  /// pandas: `df[name].to_numpy(dtype=int)`.
  /// - Throws: `DataFrameError.unknownColumn`, `DataFrameError.wrongType` for other types,
  ///   `DataFrameError.nullValues` if it has nulls.
  /// - Complexity: O(rows).
  public func integerLabels(_ name: String) throws -> [Int] {
    let c = try column(name)
    guard c.nullCount == 0 else {
      throw DataFrameError.nullValues(column: name, count: c.nullCount)
    }
    switch c.storage {
    case let .int(v): return v
    case let .bool(v): return v.map { $0 ? 1 : 0 }
    default: throw DataFrameError.wrongType(column: name, expected: "int labels", actual: c.type)
    }
  }
}

import DataFrame
import Foundation
import LinearAlgebra

extension Dataset {
  /// The data set as a frame: one double column per feature (named by ``featureNames``) and
  /// a last column `target` (int class indices for classification, double for regression).
  ///
  /// scikit-learn: `load_iris(as_frame=True).frame`.
  ///
  ///     let iris = try loadIris().frame
  ///     iris.shape       // (rows: 150, columns: 5)
  /// - Throws: `DataFrameError.duplicateColumn` if two feature names coincide or one is
  ///   named `target`.
  /// - Complexity: O(samples · features).
  public var frame: DataFrame {
    get throws {
      var columns = datasetFeatureColumns(data, names: featureNames)
      columns.append(datasetTargetColumn(target, task: task))
      return try DataFrame(columns)
    }
  }
}

extension ChurnTable {
  /// The table as a frame with the same column names, in order, and typed columns: strings
  /// for text, doubles, ints, bools and dates, with `nil` as null.
  ///
  /// pandas: `pd.read_csv(io.StringIO(table.csv()), keep_default_na=False,
  /// na_values=[""])` (dates parsed).
  ///
  ///     let frame = try makeChurn(customerCount: 1000, seed: 42).frame
  ///     frame.columnCount    // 16
  /// - Throws: never for tables made by `makeChurn` (all columns have the same length and
  ///   distinct names); `DataFrameError` otherwise.
  /// - Complexity: O(rows · columns).
  public var frame: DataFrame {
    get throws { try DataFrame(churnFrameColumns(self)) }
  }
}

private func datasetFeatureColumns(_ data: Matrix, names: [String]) -> [Column] {
  let rows = data.rowCount
  let cols = data.columnCount
  return data.withUnsafeStorage { buffer in
    (0..<cols).map { j in
      let values = (0..<rows).map { buffer[$0 * cols + j] }
      return Column(j < names.count ? names[j] : "x\(j)", doubles: values)
    }
  }
}

private func datasetTargetColumn(_ target: [Double], task: Dataset.Task) -> Column {
  let name = "target"
  switch task {
  case .classification:
    let whole = target.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
    return whole ? Column(name, ints: target.map { Int($0) }) : Column(name, doubles: target)
  case .regression:
    return Column(name, doubles: target)
  }
}

private func churnFrameColumns(_ table: ChurnTable) -> [Column] {
  table.columns.map { entry in
    switch entry.values {
    case let .string(v): return Column(entry.name, strings: v)
    case let .double(v): return Column(entry.name, doubles: v)
    case let .int(v): return Column(entry.name, ints: v)
    case let .bool(v): return Column(entry.name, bools: v)
    case let .date(v): return Column(entry.name, dates: v)
    }
  }
}

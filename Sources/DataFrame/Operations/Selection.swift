// Column and row selection: select/drop/rename, masks, predicates, index lists, head/tail,
// seeded sampling.

import LinearAlgebra

extension DataFrame {
  /// A frame with only the named columns, in the order given.
  ///
  /// pandas: `df[["a", "b"]]`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a name the frame lacks;
  ///   `DataFrameError.duplicateColumn` if a name is listed twice.
  /// - Complexity: O(k) column copies (copy-on-write, no element copies).
  public func selecting(_ names: [String]) throws -> DataFrame {
    var seen = Set<String>()
    var picked: [Column] = []
    for name in names {
      guard seen.insert(name).inserted else { throw DataFrameError.duplicateColumn(name: name) }
      picked.append(try column(name))
    }
    return try DataFrame(picked)
  }

  /// A frame without the named columns.
  ///
  /// pandas: `df.drop(columns=[...])`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for a name the frame lacks.
  /// - Complexity: O(columns).
  public func dropping(_ names: [String]) throws -> DataFrame {
    for name in names { _ = try column(name) }
    let dropped = Set(names)
    return try DataFrame(columns.filter { !dropped.contains($0.name) })
  }

  /// A frame whose columns are renamed by `mapping` (old name → new name).
  ///
  /// pandas: `df.rename(columns={...})`.
  ///
  /// - Throws: `DataFrameError.unknownColumn` for an old name the frame lacks;
  ///   `DataFrameError.duplicateColumn` if the renaming makes two columns share a name.
  /// - Complexity: O(columns).
  public func renaming(_ mapping: [String: String]) throws -> DataFrame {
    for old in mapping.keys.sorted() { _ = try column(old) }
    return try DataFrame(columns.map { $0.renamed(mapping[$0.name] ?? $0.name) })
  }

  /// The rows at `indices`, in that order (repeats allowed).
  ///
  /// pandas: `df.iloc[indices]` (the result is renumbered from 0).
  ///
  /// - Throws: `DataFrameError.rowOutOfRange` for an index outside `0..<rowCount`.
  /// - Complexity: O(k · columns).
  public func rows(_ indices: [Int]) throws -> DataFrame {
    for i in indices where i < 0 || i >= rowCount {
      throw DataFrameError.rowOutOfRange(row: i, count: rowCount)
    }
    return gatheringRows(indices)
  }

  /// The rows where `mask` is true.
  ///
  /// pandas: `df[mask]`.
  ///
  /// - Throws: `DataFrameError.lengthMismatch` if `mask.count != rowCount`.
  /// - Complexity: O(rows · columns).
  public func filter(_ mask: [Bool]) throws -> DataFrame {
    guard mask.count == rowCount else {
      throw DataFrameError.lengthMismatch(column: "mask", expected: rowCount, got: mask.count)
    }
    var kept: [Int] = []
    kept.reserveCapacity(rowCount)
    for (i, keep) in mask.enumerated() where keep { kept.append(i) }
    return gatheringRows(kept)
  }

  /// The rows for which `predicate` returns true.
  ///
  /// pandas: `df[df.apply(predicate, axis=1)]`.
  ///
  /// - Throws: whatever `predicate` throws.
  /// - Complexity: O(rows) predicate calls plus O(kept · columns).
  public func filter(_ predicate: (DataFrameRow) throws -> Bool) rethrows -> DataFrame {
    var kept: [Int] = []
    for i in 0..<rowCount where try predicate(DataFrameRow(frame: self, index: i)) {
      kept.append(i)
    }
    return gatheringRows(kept)
  }

  /// The first `n` rows (fewer if the frame is shorter). A negative `n` is every row but the
  /// last `|n|`, as in pandas.
  ///
  /// pandas: `df.head(n)`; default 5.
  ///
  /// - Complexity: O(n · columns).
  public func head(_ n: Int = 5) -> DataFrame {
    let count = n >= 0 ? min(n, rowCount) : max(0, rowCount + n)
    return gatheringRows(Array(0..<count))
  }

  /// The last `n` rows (fewer if the frame is shorter). A negative `n` is every row but the
  /// first `|n|`.
  ///
  /// pandas: `df.tail(n)`; default 5.
  ///
  /// - Complexity: O(n · columns).
  public func tail(_ n: Int = 5) -> DataFrame {
    let count = n >= 0 ? min(n, rowCount) : max(0, rowCount + n)
    return gatheringRows(Array((rowCount - count)..<rowCount))
  }

  /// `n` rows drawn at random with a seeded generator.
  ///
  /// pandas: `df.sample(n, replace=..., random_state=seed)` (the stream differs from numpy's).
  /// Without replacement the rows come in draw order (a partial Fisher–Yates shuffle).
  ///
  /// - Parameters:
  ///   - n: rows to draw; at most `rowCount` without replacement.
  ///   - replace: draw with replacement; default false.
  ///   - seed: the `SeededGenerator` seed; equal seeds give equal samples.
  /// - Throws: `DataFrameError.invalidArgument` if `n` is negative, or larger than `rowCount`
  ///   without replacement, or positive with replacement from an empty frame.
  /// - Complexity: O(rows + n · columns).
  public func sample(_ n: Int, replace: Bool = false, seed: UInt64) throws -> DataFrame {
    guard n >= 0 else {
      throw DataFrameError.invalidArgument(name: "n", value: "\(n)", expected: "n >= 0")
    }
    var rng = SeededGenerator(seed: seed)
    var picked: [Int] = []
    picked.reserveCapacity(n)
    if replace {
      guard rowCount > 0 || n == 0 else {
        throw DataFrameError.invalidArgument(
          name: "n", value: "\(n)", expected: "0 when sampling an empty frame")
      }
      for _ in 0..<n { picked.append(Int.random(in: 0..<rowCount, using: &rng)) }
    } else {
      guard n <= rowCount else {
        throw DataFrameError.invalidArgument(
          name: "n", value: "\(n)", expected: "n <= \(rowCount) rows without replacement")
      }
      var pool = Array(0..<rowCount)
      for i in 0..<n {
        let j = Int.random(in: i..<rowCount, using: &rng)
        pool.swapAt(i, j)
        picked.append(pool[i])
      }
    }
    return gatheringRows(picked)
  }

  /// Rows gathered by valid indices (unchecked by design: callers validated them).
  func gatheringRows(_ indices: [Int]) -> DataFrame {
    // Cannot fail: the gathered columns keep their unique names and share one length.
    (try? DataFrame(columns.map { $0.gathering(indices) })) ?? DataFrame()
  }
}

/// One row of a frame, read by column name; handed to predicates and row closures.
///
/// pandas: the row `Series` that `df.apply(f, axis=1)` passes to `f`.
public struct DataFrameRow {
  /// The frame the row belongs to.
  public let frame: DataFrame
  /// The row's position.
  public let index: Int

  /// The value of a numeric (double, int or bool) column as a `Double`; nil when null,
  /// non-numeric, or unknown.
  ///
  /// - Complexity: O(1) after the column lookup.
  public func double(_ name: String) -> Double? {
    guard let c = frame[name], !c.isNull(index) else { return nil }
    return c.numericValue(at: index)
  }

  /// The value of a string or categorical column; nil when null, of another type or unknown.
  ///
  /// - Complexity: O(1) after the column lookup.
  public func string(_ name: String) -> String? {
    guard let c = frame[name], !c.isNull(index) else { return nil }
    return c.stringValue(at: index)
  }

  /// Whether the named column is null (or missing) in this row.
  ///
  /// - Complexity: O(1) after the column lookup.
  public func isNull(_ name: String) -> Bool {
    guard let c = frame[name] else { return true }
    return c.isNull(index)
  }
}

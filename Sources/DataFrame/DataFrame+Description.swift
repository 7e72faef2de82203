import Foundation

extension DataFrame {
  /// A pandas-like table: a row-number column, right-aligned columns, the first and last 5
  /// rows when there are more than 10 (with a `...` row between), and a
  /// `[N rows x M columns]` footer.
  ///
  /// Nulls print as `<null>`; a NaN value in a double column prints as `NaN` (pandas prints
  /// `<NA>`/`None`/`NaT` for nulls and `NaN` for NaN). Doubles print with a common number of
  /// decimals per column (at most 6), as pandas does; long strings are cut at 40 characters.
  ///
  /// pandas: `repr(df)` (`display.max_rows` 10 rows shown as 5 + 5).
  /// - Complexity: O(shown rows · columns).
  public var description: String {
    let shownRows: [Int?]
    if rowCount > 10 {
      shownRows = (0..<5).map { Optional($0) } + [nil] + (rowCount - 5..<rowCount).map { $0 }
    } else {
      shownRows = (0..<rowCount).map { $0 }
    }
    var table: [[String]] = []
    table.append([""] + shownRows.map { $0.map(String.init) ?? "..." })
    for column in columns {
      let cells = column.displayCells(rows: shownRows.compactMap { $0 })
      var it = cells.makeIterator()
      var out = [column.name]
      for row in shownRows { out.append(row == nil ? "..." : (it.next() ?? "")) }
      table.append(out)
    }
    let widths = table.map { cells in cells.map(\.count).max() ?? 0 }
    var lines: [String] = []
    for line in 0..<(shownRows.count + 1) {
      var parts: [String] = []
      for (c, cells) in table.enumerated() {
        let cell = cells[line]
        let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
        parts.append(c == 0 ? cell + pad : pad + cell)
      }
      lines.append(parts.joined(separator: "  "))
    }
    if columns.isEmpty && rowCount == 0 { lines = ["Empty DataFrame"] }
    lines.append("")
    lines.append("[\(rowCount) rows x \(columnCount) columns]")
    return lines.joined(separator: "\n")
  }
}

extension Column {
  /// The display text of the given rows (nulls as `<null>`, NaN as `NaN`).
  func displayCells(rows: [Int]) -> [String] {
    let null = "<null>"
    switch storage {
    case let .double(v):
      return DoubleDisplay.format(rows.map { isNull($0) ? nil : v[$0] }, null: null)
    case let .int(v):
      return rows.map { isNull($0) ? null : String(v[$0]) }
    case let .bool(v):
      return rows.map { isNull($0) ? null : (v[$0] ? "true" : "false") }
    case let .string(v):
      return rows.map { isNull($0) ? null : DoubleDisplay.clip(v[$0]) }
    case let .categorical(codes, levels):
      return rows.map { row in
        let code = Int(codes[row])
        return isNull(row) || code < 0 || code >= levels.count
          ? null : DoubleDisplay.clip(levels[code])
      }
    case let .date(v):
      return rows.map { isNull($0) ? null : DateText.format(v[$0], format: nil) }
    }
  }
}

/// Formatting helpers for ``DataFrame/description``.
enum DoubleDisplay {
  /// Cuts text to 40 characters and shows control characters escaped.
  static func clip(_ s: String) -> String {
    var t = s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(
      of: "\r", with: "\\r")
    if t.count > 40 { t = String(t.prefix(37)) + "..." }
    return t
  }

  /// Formats doubles with a common number of decimals (≤ 6), or scientific notation when
  /// magnitudes are very large or small.
  static func format(_ values: [Double?], null: String) -> [String] {
    let finite = values.compactMap { $0 }.filter { $0.isFinite }
    let maxAbs = finite.map { abs($0) }.max() ?? 0
    let minAbs = finite.filter { $0 != 0 }.map { abs($0) }.min() ?? 1
    let scientific = maxAbs >= 1e16 || minAbs < 1e-4
    var decimals = 1
    if !scientific {
      for x in finite {
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if let dot = s.firstIndex(of: ".") {
          decimals = max(decimals, s.distance(from: dot, to: s.endIndex) - 1)
        }
      }
    }
    return values.map { value in
      guard let x = value else { return null }
      if x.isNaN { return "NaN" }
      if x.isInfinite { return x > 0 ? "inf" : "-inf" }
      return scientific ? String(format: "%.6e", x) : String(format: "%.\(decimals)f", x)
    }
  }
}

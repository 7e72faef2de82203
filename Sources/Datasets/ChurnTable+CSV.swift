import Foundation

extension ChurnTable {
  /// The table as CSV text.
  ///
  /// The first line is the header (``columnNames-swift.property``); each row ends with `\n`. Fields that
  /// contain a comma, a double quote, CR or LF are enclosed in double quotes with inner
  /// quotes doubled (RFC 4180). Missing values are empty fields; dates are written
  /// `yyyy-MM-dd` (UTC); whole-valued numbers are written without a decimal point
  /// (`12`, not `12.0`), other numbers in Swift's shortest round-trip form (`64.85`);
  /// Booleans as `true` / `false`.
  ///
  /// pandas: `df.to_csv(index=False, date_format="%Y-%m-%d")` (with `\n` line endings).
  ///
  /// - Complexity: O(rowCount · columnCount).
  ///
  ///     let table = try makeChurn(customerCount: 100, seed: 1)
  ///     try table.csv().write(toFile: "churn.csv", atomically: true, encoding: .utf8)
  public func csv() -> String {
    let columns = self.columns
    var text = columns.map { csvField($0.name) }.joined(separator: ",") + "\n"
    text.reserveCapacity(rowCount * 160)
    for row in 0..<rowCount {
      var fields: [String] = []
      fields.reserveCapacity(columns.count)
      for (_, column) in columns { fields.append(csvCell(column, row)) }
      text += fields.joined(separator: ",")
      text += "\n"
    }
    return text
  }
}

/// The CSV text of one cell (empty for a missing value or an out-of-range row).
func csvCell(_ column: ChurnTable.Column, _ row: Int) -> String {
  guard row >= 0, row < column.count else { return "" }
  switch column {
  case let .string(values): return values[row].map(csvField) ?? ""
  case let .double(values): return values[row].map(csvNumber) ?? ""
  case let .int(values): return String(values[row])
  case let .bool(values): return values[row].map { $0 ? "true" : "false" } ?? ""
  case let .date(values): return values[row].map(isoDateString) ?? ""
  }
}

/// A text field, quoted when it contains a comma, a quote, CR or LF (RFC 4180).
func csvField(_ text: String) -> String {
  let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
  guard needsQuotes else { return text }
  return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// A number: whole values without a decimal point, others in shortest round-trip form.
func csvNumber(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return "\(value)"
}

import Foundation
import LinearAlgebra

// Reading and parsing the CSV files bundled under Sources/Datasets/Resources.
// Every failure becomes a typed DatasetError; nothing here traps on file content.

/// How the fields of a numeric resource file are separated.
enum FieldSeparator {
  /// `,` (iris, wine, breast cancer, digits).
  case comma
  /// Runs of spaces or tabs (the diabetes files, read by numpy's `loadtxt` in scikit-learn).
  case whitespace
}

/// The places a bundled resource file may be, in order of preference.
///
/// SwiftPM copies `Resources/` into `SwiftLearn_Datasets.resources` next to the executable (or
/// test bundle). We look there ourselves instead of through `Bundle.module`, whose generated
/// accessor traps with `fatalError` when the folder is missing (for example a binary copied
/// to another machine without it). `SWIFTLEARN_DATASETS_PATH` overrides the location, and a
/// source checkout's own `Resources/` folder is the last resort.
func resourceCandidates(_ file: String) -> [URL] {
  var folders: [URL] = []
  if let override = ProcessInfo.processInfo.environment["SWIFTLEARN_DATASETS_PATH"] {
    folders.append(URL(fileURLWithPath: override))
  }
  let bundleName = "SwiftLearn_Datasets.resources"
  folders.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
  if let executable = Bundle.main.executableURL?.deletingLastPathComponent() {
    folders.append(executable.appendingPathComponent(bundleName))
  }
  folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
  return folders.flatMap { folder in
    [
      folder.appendingPathComponent("Resources").appendingPathComponent(file),
      folder.appendingPathComponent(file),
    ]
  }
}

/// The text of the bundled resource `file` (for example `"iris.csv"`).
///
/// - Throws: ``DatasetError/resourceMissing(name:)`` if the file is in none of the places
///   ``resourceCandidates(_:)`` lists or cannot be read;
///   ``DatasetError/malformedResource(name:line:reason:)`` if it is not UTF-8.
func resourceText(_ file: String) throws -> String {
  let manager = FileManager.default
  guard let url = resourceCandidates(file).first(where: { manager.fileExists(atPath: $0.path) })
  else {
    throw DatasetError.resourceMissing(name: file)
  }
  let data: Data
  do {
    data = try Data(contentsOf: url)
  } catch {
    throw DatasetError.resourceMissing(name: file)
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw DatasetError.malformedResource(name: file, line: 1, reason: "the file is not UTF-8")
  }
  return text
}

/// The non-blank lines of `text` with their 1-based line numbers (LF, CRLF or CR endings).
func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
  var result: [(number: Int, text: Substring)] = []
  var number = 0
  // Split on Characters that are newlines: "\r\n" is one Character in Swift, so splitting on
  // "\n" alone would miss Windows line endings.
  for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
    number += 1
    var line = rawLine
    if line.last == "\r" { line = line.dropLast() }
    if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
    result.append((number, line))
  }
  return result
}

/// The fields of one line.
func fields(of line: Substring, separator: FieldSeparator) -> [Substring] {
  switch separator {
  case .comma:
    return line.split(separator: ",", omittingEmptySubsequences: false)
  case .whitespace:
    return line.split(whereSeparator: { $0 == " " || $0 == "\t" })
  }
}

/// Parses one finite number, or throws naming the file, line and field.
func parseNumber(_ field: Substring, file: String, line: Int) throws -> Double {
  let trimmed = field.trimmingCharacters(in: .whitespaces)
  guard let value = Double(trimmed), value.isFinite else {
    throw DatasetError.malformedResource(
      name: file, line: line, reason: "'\(field)' is not a finite number")
  }
  return value
}

/// Parses a purely numeric table (no header) whose rows all have the same number of fields.
///
/// - Throws: ``DatasetError/malformedResource(name:line:reason:)`` for a non-number, a row of
///   a different length, or an empty file.
func parseNumericTable(
  _ text: String, file: String, separator: FieldSeparator
) throws -> Matrix {
  let lines = numberedLines(text)
  guard let first = lines.first else {
    throw DatasetError.malformedResource(name: file, line: 1, reason: "the file has no rows")
  }
  let columnCount = fields(of: first.text, separator: separator).count
  var storage: [Double] = []
  storage.reserveCapacity(lines.count * columnCount)
  for line in lines {
    let parts = fields(of: line.text, separator: separator)
    guard parts.count == columnCount else {
      throw DatasetError.malformedResource(
        name: file, line: line.number,
        reason: "expected \(columnCount) fields, found \(parts.count)")
    }
    for part in parts { storage.append(try parseNumber(part, file: file, line: line.number)) }
  }
  return Matrix(unchecked: lines.count, columnCount, storage)
}

/// Parses scikit-learn's bundled-CSV layout (iris, wine, breast cancer).
///
/// The first line is `sampleCount,featureCount,className0,className1,...`; each following
/// line holds `featureCount` numbers and an integer class index.
///
/// - Throws: ``DatasetError/malformedResource(name:line:reason:)`` when the header, a row's
///   length, a number, a class index or the row count does not agree with the header.
func parseHeaderedCSV(
  _ text: String, file: String
) throws -> (data: Matrix, target: [Double], targetNames: [String]) {
  let lines = numberedLines(text)
  guard let header = lines.first else {
    throw DatasetError.malformedResource(name: file, line: 1, reason: "the file is empty")
  }
  let head = fields(of: header.text, separator: .comma)
  guard head.count >= 2, let rowCount = Int(head[0]), let featureCount = Int(head[1]),
    rowCount >= 0, featureCount >= 0
  else {
    throw DatasetError.malformedResource(
      name: file, line: header.number,
      reason: "the header must start with the sample and feature counts")
  }
  let targetNames = head.dropFirst(2).map(String.init)
  let rows = lines.dropFirst()
  guard rows.count == rowCount else {
    throw DatasetError.malformedResource(
      name: file, line: lines.last?.number ?? header.number,
      reason: "the header announces \(rowCount) rows, the file has \(rows.count)")
  }
  var storage: [Double] = []
  storage.reserveCapacity(rowCount * featureCount)
  var target: [Double] = []
  target.reserveCapacity(rowCount)
  for line in rows {
    let parts = fields(of: line.text, separator: .comma)
    guard parts.count == featureCount + 1, let last = parts.last else {
      throw DatasetError.malformedResource(
        name: file, line: line.number,
        reason: "expected \(featureCount + 1) fields, found \(parts.count)")
    }
    for part in parts.dropLast() {
      storage.append(try parseNumber(part, file: file, line: line.number))
    }
    guard let label = Int(last.trimmingCharacters(in: .whitespaces)), label >= 0,
      label < targetNames.count
    else {
      throw DatasetError.malformedResource(
        name: file, line: line.number,
        reason: "'\(last)' is not a class index in 0..<\(targetNames.count)")
    }
    target.append(Double(label))
  }
  return (Matrix(unchecked: rowCount, featureCount, storage), target, targetNames)
}

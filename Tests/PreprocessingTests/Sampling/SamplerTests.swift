import EstimatorChecks
import Foundation
import LinearAlgebra
import Preprocessing
import SwiftLearnCore
import Testing

/// Three classes of 30, 12 and 6 rows, labelled by strings.
private func imbalanced(seed: UInt64 = 5) -> (x: Matrix, y: [String]) {
  var rng = SeededGenerator(seed: seed)
  let sizes = [("common", 30), ("middle", 12), ("rare", 6)]
  var rows: [[Double]] = []
  var y: [String] = []
  for (c, (label, size)) in sizes.enumerated() {
    for _ in 0..<size {
      rows.append([Double(c) * 3 + rng.nextGaussian(), rng.nextGaussian(), Double(c)])
      y.append(label)
    }
  }
  // Interleave the classes so class rows are not contiguous.
  var order = Array(0..<y.count)
  rng.shuffle(&order)
  return ((try? Matrix(rows: order.map { rows[$0] })) ?? Matrix.zeros(1, 3), order.map { y[$0] })
}

private func counts(_ y: [String]) -> [String: Int] {
  y.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}

@Suite("Samplers")
struct SamplerTests {
  @Test("RandomOverSampler grows every class but the largest, keeping the original rows first")
  func overSampler() throws {
    let (x, y) = imbalanced()
    let (rx, ry) = try RandomOverSampler(seed: 1).fitResample(x, y)
    #expect(counts(ry) == ["common": 30, "middle": 30, "rare": 30])
    #expect(try rx.rows(0..<x.rowCount) == x)
    #expect(Array(ry[0..<y.count]) == y)
    // Every added row is a copy of a row of its own class.
    let original = Set((0..<x.rowCount).map { i in (try? x.row(i)) ?? [] })
    for i in x.rowCount..<rx.rowCount {
      let row = try rx.row(i)
      #expect(original.contains(row))
      #expect(row[2] == ["common": 0.0, "middle": 1.0, "rare": 2.0][ry[i]])
    }
    let minority = try RandomOverSampler(samplingStrategy: .minority, seed: 1).fitResample(x, y)
    #expect(counts(minority.y) == ["common": 30, "middle": 12, "rare": 30])
  }

  @Test("RandomUnderSampler shrinks every class but the smallest, without repeats")
  func underSampler() throws {
    let (x, y) = imbalanced()
    let (rx, ry) = try RandomUnderSampler(seed: 2).fitResample(x, y)
    #expect(counts(ry) == ["common": 6, "middle": 6, "rare": 6])
    #expect(
      ry == [String](repeating: "common", count: 6) + [String](repeating: "middle", count: 6)
        + [String](repeating: "rare", count: 6))
    let rows = (0..<rx.rowCount).map { (try? rx.row($0)) ?? [] }
    #expect(Set(rows).count == rows.count)
    let majority = try RandomUnderSampler(samplingStrategy: .majority, seed: 2).fitResample(x, y)
    #expect(counts(majority.y) == ["common": 6, "middle": 12, "rare": 6])
    let replaced = try RandomUnderSampler(replacement: true, seed: 2).fitResample(x, y)
    #expect(counts(replaced.y) == ["common": 6, "middle": 6, "rare": 6])
  }

  @Test("the same seed gives the same rows; another seed other rows")
  func reproducible() throws {
    let (x, y) = imbalanced()
    #expect(
      try SMOTE(seed: 4).fitResample(x, y).x == SMOTE(seed: 4).fitResample(x, y).x)
    #expect(
      try SMOTE(seed: 4).fitResample(x, y).x != SMOTE(seed: 5).fitResample(x, y).x)
    #expect(
      try RandomOverSampler(seed: 4).fitResample(x, y).x
        == RandomOverSampler(seed: 4).fitResample(x, y).x)
    #expect(
      try RandomUnderSampler(seed: 4).fitResample(x, y).x
        == RandomUnderSampler(seed: 4).fitResample(x, y).x)
  }

  @Test("SMOTE rows lie on segments between a row and one of its k nearest same-class rows")
  func smoteSegments() throws {
    let (x, y) = imbalanced()
    let k = 3
    let (rx, ry) = try SMOTE(kNeighbors: k, seed: 9).fitResample(x, y)
    #expect(counts(ry) == ["common": 30, "middle": 30, "rare": 30])
    #expect(try rx.rows(0..<x.rowCount) == x)
    let d = x.columnCount
    for i in x.rowCount..<rx.rowCount {
      let p = try rx.row(i)
      let members = (0..<x.rowCount).filter { y[$0] == ry[i] }.map { (try? x.row($0)) ?? [] }
      var found = false
      for a in members {
        // The k nearest other members of a, by brute force.
        let others = members.filter { $0 != a }.sorted { u, v in
          zip(u, a).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
            < zip(v, a).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        }
        for b in others.prefix(k) {
          let direction = (0..<d).map { b[$0] - a[$0] }
          let offset = (0..<d).map { p[$0] - a[$0] }
          let length = direction.map { $0 * $0 }.reduce(0, +)
          let t = zip(offset, direction).map { $0 * $1 }.reduce(0, +) / length
          let residual = (0..<d).map { offset[$0] - t * direction[$0] }.map { $0 * $0 }
            .reduce(0, +)
          if t >= 0, t < 1, residual < 1e-18 { found = true }
        }
      }
      #expect(found, "synthetic row \(i) is not on a neighbour segment")
    }
  }

  @Test("bad input and settings are typed errors")
  func errors() throws {
    let (x, y) = imbalanced()
    // The rare class has 6 rows: 6 neighbours need 7.
    #expect(throws: LearnError.self) { try SMOTE(kNeighbors: 6, seed: 0).fitResample(x, y) }
    do {
      _ = try SMOTE(kNeighbors: 6, seed: 0).fitResample(x, y)
    } catch let LearnError.invalidParameter(_, name, _, _) {
      #expect(name == "kNeighbors")
    }
    #expect(try SMOTE(kNeighbors: 5, seed: 0).fitResample(x, y).y.count == 90)
    #expect(throws: LearnError.self) { try SMOTE(kNeighbors: 0).fitResample(x, y) }
    #expect(throws: LearnError.self) {
      try RandomUnderSampler(samplingStrategy: .minority).fitResample(x, y)
    }
    #expect(throws: LearnError.self) {
      try RandomOverSampler(samplingStrategy: .majority).fitResample(x, y)
    }
    #expect(throws: LearnError.tooFewClasses(found: 1)) {
      try RandomOverSampler().fitResample(x, [String](repeating: "a", count: x.rowCount))
    }
    #expect(
      throws: LearnError.lengthMismatch(input: "y", expected: x.rowCount, got: x.rowCount - 1)
    ) { try SMOTE().fitResample(x, Array(y.dropLast())) }
    #expect(throws: LearnError.nonFinite(input: "X", row: 0, column: 1)) {
      try RandomUnderSampler().fitResample(CheckData.with(x, .nan, at: 0, 1), y)
    }
  }
}

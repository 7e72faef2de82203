import Datasets
import EstimatorChecks
import Foundation
import LinearAlgebra
import Testing

@Suite struct MakeClassificationTests {
  @Test func defaultsGiveScikitLearnShapes() throws {
    let (x, y) = try makeClassification(seed: 0)
    #expect(x.rowCount == 100)
    #expect(x.columnCount == 20)
    #expect(y.count == 100)
    #expect(Set(y).isSubset(of: [0, 1]))
    #expect(x.isFinite)
    let c = counts(y, classCount: 2)
    #expect(abs(c[0] - c[1]) <= 10)  // balanced up to the 1 % label flips
  }

  @Test func sameSeedSameOutputDifferentSeedDifferentOutput() throws {
    let a = try makeClassification(sampleCount: 50, seed: 11)
    let b = try makeClassification(sampleCount: 50, seed: 11)
    let c = try makeClassification(sampleCount: 50, seed: 12)
    #expect(a.x == b.x)
    #expect(a.y == b.y)
    #expect(a.x != c.x)
  }

  @Test func weightsSetClassProportionsExactlyWithoutFlips() throws {
    let (_, y) = try makeClassification(sampleCount: 1000, weights: [0.9], flipY: 0, seed: 3)
    // scikit-learn gives [901, 99] too: the implied share 1 - 0.9 is 0.0999…98, so its
    // clusters get 49 samples each and the two left over go to clusters 0 and 1.
    #expect(counts(y, classCount: 2) == [901, 99])
    let (_, y3) = try makeClassification(
      sampleCount: 1000, informativeCount: 3, classCount: 3, clustersPerClass: 1,
      weights: [0.2, 0.3, 0.5], flipY: 0, seed: 4)
    #expect(counts(y3, classCount: 3) == [200, 300, 500])
    // Shares below 1 leave samples that are dealt round-robin, as in scikit-learn.
    let (_, y4) = try makeClassification(
      sampleCount: 10, classCount: 2, clustersPerClass: 1, weights: [0.5, 0.3], flipY: 0,
      seed: 5)
    #expect(counts(y4, classCount: 2) == [6, 4])
  }

  @Test func informativeFeaturesSeparateClasses() throws {
    let (x, y) = try makeClassification(
      sampleCount: 600, featureCount: 6, informativeCount: 2, redundantCount: 0,
      classCount: 2, clustersPerClass: 1, flipY: 0, classSeparation: 3, shuffle: false,
      seed: 8)
    // Without shuffling the first two columns are the informative ones.
    let class0 = rows(of: x, where: y, equal: 0)
    let class1 = rows(of: x, where: y, equal: 1)
    let mean0 = (0..<6).map { j in class0.map { $0[j] }.reduce(0, +) / Double(class0.count) }
    let mean1 = (0..<6).map { j in class1.map { $0[j] }.reduce(0, +) / Double(class1.count) }
    let informativeGap = max(abs(mean0[0] - mean1[0]), abs(mean0[1] - mean1[1]))
    #expect(informativeGap > 4)  // vertices are 2 · classSeparation apart
    for j in 2..<6 { #expect(abs(mean0[j] - mean1[j]) < 0.4) }  // pure noise columns
    // A nearest-centroid rule on the informative columns is almost always right.
    var correct = 0
    for i in 0..<x.rowCount {
      let d0 = pow(x[i, 0] - mean0[0], 2) + pow(x[i, 1] - mean0[1], 2)
      let d1 = pow(x[i, 0] - mean1[0], 2) + pow(x[i, 1] - mean1[1], 2)
      if (d0 < d1 ? 0 : 1) == y[i] { correct += 1 }
    }
    #expect(Double(correct) / Double(x.rowCount) > 0.9)
  }

  @Test func redundantAndRepeatedColumnsAreDerived() throws {
    let (x, _) = try makeClassification(
      sampleCount: 200, featureCount: 6, informativeCount: 2, redundantCount: 2,
      repeatedCount: 2, shuffle: false, seed: 9)
    // Column 2 = a·col0 + b·col1: solve from rows 0 and 1, check every row.
    for r in 2..<4 {
      let det = x[0, 0] * x[1, 1] - x[0, 1] * x[1, 0]
      let a = (x[0, r] * x[1, 1] - x[0, 1] * x[1, r]) / det
      let b = (x[0, 0] * x[1, r] - x[0, r] * x[1, 0]) / det
      for i in 0..<x.rowCount {
        #expect(abs(x[i, r] - (a * x[i, 0] + b * x[i, 1])) < 1e-9)
      }
    }
    for r in 4..<6 {
      let column = try x.column(r)
      let matches = try (0..<4).contains { try x.column($0) == column }
      #expect(matches)
    }
  }

  @Test func randomShiftScaleAndPolytopeAndManyDimensions() throws {
    let (x, y) = try makeClassification(
      sampleCount: 80, hypercube: false, shift: nil, scale: nil, seed: 10)
    #expect(x.isFinite)
    #expect(y.count == 80)
    let (wide, labels) = try makeClassification(
      sampleCount: 64, featureCount: 40, informativeCount: 35, redundantCount: 0,
      classCount: 4, seed: 12)
    #expect(wide.columnCount == 40)
    #expect(Set(labels).isSubset(of: [0, 1, 2, 3]))
    let (_, many) = try makeClassification(
      sampleCount: 400, informativeCount: 4, classCount: 8, clustersPerClass: 2, flipY: 0,
      seed: 13)
    #expect(counts(many, classCount: 8) == [Int](repeating: 50, count: 8))
  }

  @Test func badParametersThrowNamingTheParameter() {
    expectInvalidParameter("sampleCount") { _ = try makeClassification(sampleCount: 0, seed: 0) }
    expectInvalidParameter("featureCount") {
      _ = try makeClassification(featureCount: 0, seed: 0)
    }
    expectInvalidParameter("informativeCount") {
      _ = try makeClassification(informativeCount: 0, seed: 0)
    }
    expectInvalidParameter("redundantCount") {
      _ = try makeClassification(redundantCount: -1, seed: 0)
    }
    expectInvalidParameter("repeatedCount") {
      _ = try makeClassification(repeatedCount: -1, seed: 0)
    }
    expectInvalidParameter("classCount") { _ = try makeClassification(classCount: 0, seed: 0) }
    expectInvalidParameter("clustersPerClass") {
      _ = try makeClassification(clustersPerClass: 0, seed: 0)
    }
    expectInvalidParameter("flipY") { _ = try makeClassification(flipY: 1.5, seed: 0) }
    expectInvalidParameter("classSeparation") {
      _ = try makeClassification(classSeparation: 0, seed: 0)
    }
    expectInvalidParameter("shift") { _ = try makeClassification(shift: .nan, seed: 0) }
    expectInvalidParameter("scale") { _ = try makeClassification(scale: 0, seed: 0) }
    expectInvalidParameter("informativeCount") {
      _ = try makeClassification(featureCount: 4, informativeCount: 3, redundantCount: 2, seed: 0)
    }
    expectInvalidParameter("informativeCount") {
      _ = try makeClassification(classCount: 3, clustersPerClass: 2, seed: 0)  // 6 > 2²
    }
    expectInvalidParameter("weights") {
      _ = try makeClassification(classCount: 2, weights: [0.1, 0.2, 0.7], seed: 0)
    }
    expectInvalidParameter("weights") {
      _ = try makeClassification(classCount: 2, weights: [-0.5, 1.5], seed: 0)
    }
    expectInvalidParameter("weights") {
      _ = try makeClassification(
        informativeCount: 3, classCount: 3, weights: [0.7, 0.6], seed: 0)
    }
    expectInvalidParameter("weights") {
      _ = try makeClassification(weights: [0.9, 0.9], seed: 0)
    }
    expectInvalidParameter("weights") {
      _ = try makeClassification(weights: [1e300, 1], seed: 0)
    }
    expectInvalidParameter("sampleCount") {
      _ = try makeClassification(sampleCount: Int.max, seed: 0)
    }
  }
}

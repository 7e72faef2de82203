import Datasets
import LinearAlgebra
import Testing

@Suite struct MakeBlobsTests {
  @Test func defaultsSplitSamplesEvenly() throws {
    let (x, y) = try makeBlobs(seed: 0)
    #expect(x.rowCount == 100 && x.columnCount == 2)
    #expect(counts(y, classCount: 3) == [34, 33, 33])
  }

  @Test func blobsAreCentredOnTheirCentresWithTheirSpread() throws {
    let centres: [[Double]] = [[0, 0], [10, -5], [-4, 8]]
    let (x, y) = try makeBlobs(
      sampleCount: 6000, featureCount: 7, centers: .points(centres),
      clusterStd: [0.5, 1, 2], seed: 1)
    #expect(x.columnCount == 2)  // explicit centres decide the feature count
    for (k, centre) in centres.enumerated() {
      let members = rows(of: x, where: y, equal: k)
      #expect(members.count == 2000)
      let sd = [0.5, 1, 2][k]
      for j in 0..<2 {
        let values = members.map { $0[j] }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
        #expect(abs(mean - centre[j]) < 4 * sd / Double(values.count).squareRoot())
        #expect(abs(variance.squareRoot() - sd) < 0.1 * sd)
      }
    }
  }

  @Test func literalsAndRandomCentresInsideTheBox() throws {
    let (x, y) = try makeBlobs(
      sampleCount: 50, featureCount: 3, centers: 5, clusterStd: 0, centerBox: (2, 3), seed: 2)
    #expect(x.columnCount == 3)
    #expect(Set(y) == Set(0..<5))
    #expect(x.storage.allSatisfy { $0 >= 2 && $0 < 3 })
    let (x2, _) = try makeBlobs(centers: [[1, 1, 1]], seed: 3)
    #expect(x2.columnCount == 3)
  }

  @Test func samplesPerCenter() throws {
    let (x, y) = try makeBlobs(samplesPerCenter: [500, 50, 0], seed: 4)
    #expect(x.rowCount == 550)
    #expect(counts(y, classCount: 3) == [500, 50, 0])
    let (_, y2) = try makeBlobs(
      samplesPerCenter: [3, 4], centers: [[0, 0], [1, 1]], shuffle: false, seed: 5)
    #expect(y2 == [0, 0, 0, 1, 1, 1, 1])
  }

  @Test func sameSeedSameOutputDifferentSeedDifferentOutput() throws {
    #expect(try makeBlobs(seed: 6).x == makeBlobs(seed: 6).x)
    #expect(try makeBlobs(seed: 6).x != makeBlobs(seed: 7).x)
  }

  @Test func badParametersThrowNamingTheParameter() {
    expectInvalidParameter("sampleCount") { _ = try makeBlobs(sampleCount: 0, seed: 0) }
    expectInvalidParameter("featureCount") { _ = try makeBlobs(featureCount: 0, seed: 0) }
    expectInvalidParameter("centers") { _ = try makeBlobs(centers: 0, seed: 0) }
    expectInvalidParameter("centers") { _ = try makeBlobs(centers: .points([]), seed: 0) }
    expectInvalidParameter("centers") { _ = try makeBlobs(centers: [[0, 0], [1]], seed: 0) }
    expectInvalidParameter("centers") { _ = try makeBlobs(centers: [[.nan, 0]], seed: 0) }
    expectInvalidParameter("clusterStd") { _ = try makeBlobs(clusterStd: -1, seed: 0) }
    expectInvalidParameter("clusterStd") { _ = try makeBlobs(clusterStd: [1, 2], seed: 0) }
    expectInvalidParameter("centerBox") { _ = try makeBlobs(centerBox: (1, 0), seed: 0) }
    expectInvalidParameter("samplesPerCenter") { _ = try makeBlobs(samplesPerCenter: [], seed: 0) }
    expectInvalidParameter("samplesPerCenter") {
      _ = try makeBlobs(samplesPerCenter: [3, -1], seed: 0)
    }
    expectInvalidParameter("centers") {
      _ = try makeBlobs(samplesPerCenter: [3, 3], centers: [[0, 0]], seed: 0)
    }
    expectInvalidParameter("samplesPerCenter") {
      _ = try makeBlobs(samplesPerCenter: [Int.max, 1], seed: 0)
    }
    expectInvalidParameter("featureCount") {
      _ = try makeBlobs(sampleCount: Int.max / 2, featureCount: 3, seed: 0)
    }
  }
}

@Suite struct MakeMoonsAndCirclesTests {
  @Test func moonsLieOnTheirHalfCircles() throws {
    let (x, y) = try makeMoons(sampleCount: 101, seed: 0)
    #expect(x.rowCount == 101 && x.columnCount == 2)
    #expect(counts(y, classCount: 2) == [50, 51])
    for i in 0..<x.rowCount {
      let (cx, cy): (Double, Double) = y[i] == 0 ? (0, 0) : (1, 0.5)
      let radius = ((x[i, 0] - cx) * (x[i, 0] - cx) + (x[i, 1] - cy) * (x[i, 1] - cy))
        .squareRoot()
      #expect(abs(radius - 1) < 1e-12)
      #expect(y[i] == 0 ? x[i, 1] >= -1e-12 : x[i, 1] <= 0.5 + 1e-12)
    }
  }

  @Test func moonsNoiseShuffleAndCounts() throws {
    let (x, y) = try makeMoons(sampleCount: 2000, noise: 0.1, seed: 1)
    let radii = (0..<x.rowCount).filter { y[$0] == 0 }.map {
      (x[$0, 0] * x[$0, 0] + x[$0, 1] * x[$0, 1]).squareRoot()
    }
    let meanRadius = radii.reduce(0, +) / Double(radii.count)
    #expect(abs(meanRadius - 1) < 0.02)
    #expect(radii.contains { abs($0 - 1) > 0.05 })
    let (_, ordered) = try makeMoons(sampleCount: 10, shuffle: false, seed: 2)
    #expect(ordered == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    let (x3, y3) = try makeMoons(sampleCounts: (outer: 7, inner: 2), seed: 3)
    #expect(x3.rowCount == 9)
    #expect(counts(y3, classCount: 2) == [7, 2])
    #expect(try makeMoons(seed: 4).x == makeMoons(seed: 4).x)
    #expect(try makeMoons(noise: 0.1, seed: 4).x != makeMoons(noise: 0.1, seed: 5).x)
  }

  @Test func circlesHaveRadiusOneAndFactor() throws {
    let (x, y) = try makeCircles(sampleCount: 200, factor: 0.3, seed: 0)
    #expect(counts(y, classCount: 2) == [100, 100])
    for i in 0..<x.rowCount {
      let radius = (x[i, 0] * x[i, 0] + x[i, 1] * x[i, 1]).squareRoot()
      #expect(abs(radius - (y[i] == 0 ? 1 : 0.3)) < 1e-12)
    }
    let (x2, y2) = try makeCircles(sampleCounts: (outer: 5, inner: 3), shuffle: false, seed: 1)
    #expect(x2.rowCount == 8)
    #expect(y2 == [0, 0, 0, 0, 0, 1, 1, 1])
    let (empty, noLabels) = try makeCircles(sampleCount: 0, seed: 2)
    #expect(empty.rowCount == 0 && empty.columnCount == 2 && noLabels.isEmpty)
    let (noisy, _) = try makeCircles(noise: 0.2, seed: 3)
    #expect(noisy != (try makeCircles(seed: 3)).x)
  }

  @Test func badParametersThrowNamingTheParameter() {
    expectInvalidParameter("sampleCount") { _ = try makeMoons(sampleCount: 0, seed: 0) }
    expectInvalidParameter("sampleCount") { _ = try makeMoons(sampleCount: Int.max, seed: 0) }
    expectInvalidParameter("noise") { _ = try makeMoons(noise: -0.1, seed: 0) }
    expectInvalidParameter("sampleCounts") {
      _ = try makeMoons(sampleCounts: (outer: 0, inner: 0), seed: 0)
    }
    expectInvalidParameter("sampleCount") { _ = try makeCircles(sampleCount: -1, seed: 0) }
    expectInvalidParameter("factor") { _ = try makeCircles(factor: 1, seed: 0) }
    expectInvalidParameter("factor") { _ = try makeCircles(factor: -0.5, seed: 0) }
    expectInvalidParameter("noise") { _ = try makeCircles(noise: .nan, seed: 0) }
    expectInvalidParameter("sampleCounts") {
      _ = try makeCircles(sampleCounts: (outer: -1, inner: 3), seed: 0)
    }
  }
}

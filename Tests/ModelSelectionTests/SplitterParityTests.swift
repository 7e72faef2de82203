import EstimatorChecks
import LinearAlgebra
import ModelSelection
import SwiftLearnCore
import Testing

/// Builds the splitter a fixture case describes.
private func splitter(for c: Fixture) throws -> any Splitter {
  let p = try c.child("params")
  func int(_ key: String) throws -> Int? { p.has(key) ? try p.int(key) : nil }
  switch try c.string("kind") {
  case "KFold": return KFold(splitCount: try p.int("splitCount"))
  case "StratifiedKFold": return StratifiedKFold(splitCount: try p.int("splitCount"))
  case "GroupKFold": return GroupKFold(splitCount: try p.int("splitCount"))
  case "StratifiedGroupKFold": return StratifiedGroupKFold(splitCount: try p.int("splitCount"))
  case "TimeSeriesSplit":
    return TimeSeriesSplit(
      splitCount: try p.int("splitCount"), maxTrainSize: try int("maxTrainSize"),
      testSize: try int("testSize"), gap: try int("gap") ?? 0)
  case "LeaveOneOut": return LeaveOneOut()
  case "LeavePOut": return LeavePOut(p: try p.int("p"))
  case "PredefinedSplit": return PredefinedSplit(testFold: try p.ints("testFold"))
  case let other: throw FixtureError.malformed(c.name, "unknown splitter \(other)")
  }
}

@Suite struct SplitterParityTests {
  @Test func deterministicSplittersMatchScikitLearnIndices() throws {
    let cases = try Fixture("model_selection").children("splitters")
    #expect(cases.count >= 20)
    for c in cases {
      let cv = try splitter(for: c)
      let n = try c.int("n")
      let labels = c.has("labels") ? try c.ints("labels") : nil
      let groups = c.has("groups") ? try c.ints("groups") : nil
      let got = try cv.splits(sampleCount: n, labels: labels, groups: groups)
      let expected = try c.children("folds")
      #expect(got.count == expected.count, "\(c.name) \(cv)")
      #expect(try cv.splitCount(sampleCount: n, labels: labels, groups: groups) == expected.count)
      for (k, (split, want)) in zip(got, expected).enumerated() {
        #expect(split.train == (try want.ints("train")), "\(c.name) \(cv) fold \(k) train")
        #expect(split.test == (try want.ints("test")), "\(c.name) \(cv) fold \(k) test")
      }
    }
  }

  @Test func generic_labels_encode_like_numpy_unique() throws {
    // String labels whose sorted order differs from first appearance, and string groups.
    let y = ["b", "a", "b", "c", "a", "b", "c", "b", "a", "b"]
    let codes = [1, 0, 1, 2, 0, 1, 2, 1, 0, 1]
    let cv = StratifiedKFold(splitCount: 2)
    #expect(try cv.splits(labels: y) == cv.splits(sampleCount: 10, labels: codes, groups: nil))
    let g = ["x", "x", "y", "z", "z", "z", "w", "w", "y", "x"]
    let gCodes = [1, 1, 2, 3, 3, 3, 0, 0, 2, 1]
    let gkf = GroupKFold(splitCount: 3)
    #expect(
      try gkf.splits(sampleCount: 10, groups: g)
        == gkf.splits(sampleCount: 10, labels: nil, groups: gCodes))
  }

  @Test func trainTestSplitSizesMatchScikitLearn() throws {
    for c in try Fixture("model_selection").children("sizes") {
      func size(_ key: String, count: String) throws -> SplitSize? {
        guard c.has(key) else { return nil }
        return try c.bool(count) ? .count(try c.int(key)) : .fraction(try c.double(key))
      }
      let test = try size("testSize", count: "testIsCount")
      let train = try size("trainSize", count: "trainIsCount")
      let n = try c.int("n")
      let split = try trainTestSplit(sampleCount: n, testSize: test, trainSize: train, seed: 1)
      #expect(split.train.count == (try c.int("nTrain")), "\(c.name)")
      #expect(split.test.count == (try c.int("nTest")), "\(c.name)")
      #expect(Set(split.train).isDisjoint(with: split.test))
      let ordered = try trainTestSplit(
        sampleCount: n, testSize: test, trainSize: train, shuffle: false)
      #expect(ordered.train == Array(0..<split.train.count))
      #expect(ordered.test == Array(split.train.count..<(split.train.count + split.test.count)))
      if test != nil || train != nil {
        let ss = try ShuffleSplit(splitCount: 2, testSize: test, trainSize: train, seed: 3)
          .splits(sampleCount: n)
        #expect(ss[0].train.count == (try c.int("shuffleSplitTrain")), "\(c.name)")
        #expect(ss[0].test.count == (try c.int("shuffleSplitTest")), "\(c.name)")
      }
    }
  }

  @Test func stratifiedShuffleSizesMatchScikitLearn() throws {
    for c in try Fixture("model_selection").children("stratifiedShuffle") {
      let y = try c.ints("labels")
      let test: SplitSize =
        try c.bool("testIsCount")
        ? .count(try c.int("testSize")) : .fraction(try c.double("testSize"))
      let splits = try StratifiedShuffleSplit(splitCount: 3, testSize: test, seed: 7).splits(
        labels: y)
      for s in splits {
        #expect(s.train.count == (try c.int("nTrain")))
        #expect(s.test.count == (try c.int("nTest")))
        expectStratified(s.test, labels: y, "\(c.name) test")
        expectStratified(s.train, labels: y, "\(c.name) train")
      }
    }
  }
}

/// Each class's count in `subset` is within one sample of its exact proportional share.
func expectStratified(
  _ subset: [Int], labels: [Int], _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  var total: [Int: Int] = [:]
  for l in labels { total[l, default: 0] += 1 }
  var inSubset: [Int: Int] = [:]
  for i in subset { inSubset[labels[i], default: 0] += 1 }
  for (label, count) in total {
    let ideal = Double(count) * Double(subset.count) / Double(labels.count)
    let got = Double(inSubset[label] ?? 0)
    #expect(
      abs(got - ideal) < 1, "\(what): class \(label) has \(got), ideal \(ideal)",
      sourceLocation: sourceLocation)
  }
}

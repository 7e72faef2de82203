import EstimatorChecks
import LinearAlgebra
import ModelSelection
import SwiftLearnCore
import Testing

/// Checks the invariants every partitioning splitter keeps.
private func expectPartition(
  _ splits: [Split], sampleCount n: Int, sourceLocation: SourceLocation = #_sourceLocation
) {
  var tested = [Int](repeating: 0, count: n)
  for s in splits {
    for i in s.test { tested[i] += 1 }
    #expect(Set(s.train).isDisjoint(with: s.test), sourceLocation: sourceLocation)
    #expect(s.train.count + s.test.count == n, sourceLocation: sourceLocation)
  }
  #expect(tested.allSatisfy { $0 == 1 }, sourceLocation: sourceLocation)
}

/// 100 imbalanced labels: 70 / 20 / 7 / 3, interleaved.
private let imbalanced: [Int] = {
  var y =
    Array(repeating: 0, count: 70) + Array(repeating: 1, count: 20)
    + Array(repeating: 2, count: 7) + Array(repeating: 3, count: 3)
  var rng = SeededGenerator(seed: 11)
  rng.shuffle(&y)
  return y
}()

@Suite struct SplitterTests {
  @Test func shuffledKFoldKeepsSizesAndIsReproducible() throws {
    let cv = KFold(splitCount: 4, shuffle: true, seed: 9)
    let a = try cv.splits(sampleCount: 22)
    #expect(a.map(\.test.count) == [6, 6, 5, 5])
    expectPartition(a, sampleCount: 22)
    #expect(try cv.splits(sampleCount: 22) == a)
    #expect(try KFold(splitCount: 4).splits(sampleCount: 22) != a)
    #expect(a.allSatisfy { $0.test == $0.test.sorted() && $0.train == $0.train.sorted() })
  }

  @Test func stratifiedFoldsKeepProportionsOnImbalancedLabels() throws {
    for cv in [
      StratifiedKFold(splitCount: 5), StratifiedKFold(splitCount: 5, shuffle: true, seed: 1),
      StratifiedKFold(splitCount: 3, shuffle: true, seed: 2),
    ] {
      let splits = try cv.splits(labels: imbalanced)
      expectPartition(splits, sampleCount: 100)
      for s in splits {
        expectStratified(s.test, labels: imbalanced, "\(cv) test")
        expectStratified(s.train, labels: imbalanced, "\(cv) train")
      }
    }
    // Shuffled fold sizes equal the unshuffled (scikit-learn's) ones.
    let plain = try StratifiedKFold(splitCount: 5).splits(labels: imbalanced).map(\.test.count)
    let shuffled = try StratifiedKFold(splitCount: 5, shuffle: true, seed: 4).splits(
      labels: imbalanced
    ).map(\.test.count)
    #expect(plain == shuffled)
  }

  @Test func repeatedAndShuffledStratifiedVariantsKeepProportions() throws {
    let repeated = try RepeatedStratifiedKFold(splitCount: 4, repeatCount: 3, seed: 5).splits(
      labels: imbalanced)
    #expect(repeated.count == 12)
    for r in 0..<3 { expectPartition(Array(repeated[(4 * r)..<(4 * r + 4)]), sampleCount: 100) }
    #expect(repeated[0..<4] != repeated[4..<8])
    for s in repeated { expectStratified(s.test, labels: imbalanced, "repeated") }
    let shuffle = try StratifiedShuffleSplit(splitCount: 5, testSize: 0.3, seed: 8).splits(
      labels: imbalanced)
    for s in shuffle {
      #expect(s.test.count == 30 && s.train.count == 70)
      expectStratified(s.test, labels: imbalanced, "sss test")
      expectStratified(s.train, labels: imbalanced, "sss train")
    }
    let split = try trainTestSplit(stratify: imbalanced, testSize: 0.25, seed: 3)
    #expect(split.test.count == 25)
    expectStratified(split.test, labels: imbalanced, "train_test_split")
  }

  @Test func repeatedKFoldRepeatsDifferentShuffles() throws {
    let cv = RepeatedKFold(splitCount: 3, repeatCount: 2, seed: 1)
    let s = try cv.splits(sampleCount: 10)
    #expect(s.count == 6)
    #expect(try cv.splitCount(sampleCount: 10, labels: nil, groups: nil) == 6)
    expectPartition(Array(s[0..<3]), sampleCount: 10)
    expectPartition(Array(s[3..<6]), sampleCount: 10)
    #expect(s[0..<3] != s[3..<6])
  }

  @Test func shuffledGroupSplittersKeepGroupsTogether() throws {
    let groups = (0..<60).map { $0 % 12 }
    let labels = (0..<60).map { $0 % 12 < 4 ? 1 : 0 }
    for splits in [
      try GroupKFold(splitCount: 4, shuffle: true, seed: 3).splits(sampleCount: 60, groups: groups),
      try StratifiedGroupKFold(splitCount: 4, shuffle: true, seed: 3).splits(
        labels: labels, groups: groups),
    ] {
      expectPartition(splits, sampleCount: 60)
      for s in splits {
        #expect(Set(s.test.map { groups[$0] }).isDisjoint(with: s.train.map { groups[$0] }))
      }
    }
    let gkf = try GroupKFold(splitCount: 4, shuffle: true, seed: 3).splits(
      sampleCount: 60, groups: groups)
    #expect(gkf.map { Set($0.test.map { groups[$0] }).count } == [3, 3, 3, 3])
  }

  @Test func shuffleSplitDrawsDisjointSetsOfTheRightSize() throws {
    let splits = try ShuffleSplit(splitCount: 4, testSize: 0.2, trainSize: 0.5, seed: 2).splits(
      sampleCount: 31)
    #expect(splits.count == 4)
    for s in splits {
      #expect(s.test.count == 7 && s.train.count == 15)
      #expect(Set(s.train).isDisjoint(with: s.test))
    }
    #expect(splits[0] != splits[1])
  }

  @Test func trainTestSplitOfArrays() throws {
    let x = try Matrix(rows: (0..<10).map { [Double($0), Double(2 * $0)] })
    let y = (0..<10).map { Double($0) }
    let parts = try trainTestSplit(x, y, testSize: 0.3, seed: 4)
    #expect(parts.xTest.rowCount == 3 && parts.xTrain.rowCount == 7)
    for i in 0..<3 { #expect(parts.xTest[i, 0] == parts.yTest[i]) }
    #expect(Set(parts.yTrain + parts.yTest) == Set(y))
    let labels = ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"]
    let strat = try trainTestSplit(x, labels, testSize: 4, stratified: true, seed: 1)
    #expect(strat.yTest.filter { $0 == "a" }.count == 2)
    #expect(throws: LearnError.lengthMismatch(input: "y", expected: 10, got: 3)) {
      try trainTestSplit(x, [1.0, 2, 3])
    }
  }

  @Test func typedErrors() throws {
    #expect(
      throws: LearnError.invalidParameter(
        estimator: "KFold", name: "n_splits", value: "6",
        expected: "<= the number of samples (5)")
    ) { try KFold(splitCount: 6).splits(sampleCount: 5) }
    #expect {
      try KFold(splitCount: 1).splits(sampleCount: 5)
    } throws: { e in
      guard case LearnError.invalidParameter("KFold", "n_splits", "1", _) = e else { return false }
      return true
    }
    #expect {
      try KFold(splitCount: 3, seed: 1).splits(sampleCount: 5)
    } throws: { e in
      guard case LearnError.invalidParameter("KFold", "random_state", _, _) = e else {
        return false
      }
      return true
    }
    #expect {
      try KFold().splits(sampleCount: 0)
    } throws: { e in
      guard case LearnError.emptyInput("X", _) = e else { return false }
      return true
    }
    // Every class smaller than n_splits: error; only some: accepted (scikit-learn warns).
    #expect {
      try StratifiedKFold(splitCount: 3).splits(labels: [0, 0, 1, 1, 2, 2])
    } throws: { e in
      guard case LearnError.invalidParameter("StratifiedKFold", "n_splits", "3", _) = e else {
        return false
      }
      return true
    }
    let y = [0, 0, 0, 0, 1, 1]
    #expect(try StratifiedKFold(splitCount: 3).splits(labels: y).count == 3)
    #expect(StratifiedKFold(splitCount: 3).leastPopulatedClassCount(labels: y) == 2)
    #expect {
      try StratifiedKFold().splits(sampleCount: 10)
    } throws: { e in
      guard case LearnError.unsupportedInput("y", _) = e else { return false }
      return true
    }
    #expect(throws: LearnError.lengthMismatch(input: "groups", expected: 6, got: 5)) {
      try GroupKFold(splitCount: 2).splits(sampleCount: 6, labels: nil, groups: [0, 1, 2, 3, 4])
    }
    #expect {
      try GroupKFold(splitCount: 4).splits(sampleCount: 6, groups: [0, 0, 1, 1, 2, 2])
    } throws: { e in
      guard case LearnError.invalidParameter("GroupKFold", "n_splits", "4", _) = e else {
        return false
      }
      return true
    }
    #expect {
      try TimeSeriesSplit(splitCount: 5).splits(sampleCount: 5)
    } throws: { e in
      guard case LearnError.invalidParameter("TimeSeriesSplit", "n_splits", _, _) = e else {
        return false
      }
      return true
    }
    #expect {
      try TimeSeriesSplit(splitCount: 3, testSize: Int.max).splits(sampleCount: 50)
    } throws: { e in
      guard case LearnError.invalidParameter("TimeSeriesSplit", "n_splits", _, _) = e else {
        return false
      }
      return true
    }
    #expect {
      try trainTestSplit(sampleCount: 10, testSize: .fraction(1.0))
    } throws: { e in
      guard case LearnError.invalidParameter("train_test_split", "test_size", _, _) = e else {
        return false
      }
      return true
    }
    #expect {
      try trainTestSplit(sampleCount: 10, testSize: 0.6, trainSize: 0.5)
    } throws: { e in
      guard case LearnError.invalidParameter("train_test_split", "train_size", _, _) = e else {
        return false
      }
      return true
    }
    #expect {
      try StratifiedShuffleSplit().splits(labels: [0, 0, 0, 1])
    } throws: { e in
      guard case LearnError.unsupportedInput("y", _) = e else { return false }
      return true
    }
    #expect {
      try LeavePOut(p: 20).splits(sampleCount: 40)
    } throws: { e in
      guard case LearnError.invalidParameter("LeavePOut", "p", "20", _) = e else { return false }
      return true
    }
    #expect(throws: LearnError.lengthMismatch(input: "X", expected: 3, got: 4)) {
      try PredefinedSplit(testFold: [0, 1, -1]).splits(sampleCount: 4)
    }
  }
}

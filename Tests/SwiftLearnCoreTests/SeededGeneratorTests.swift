import LinearAlgebra
import Testing

@Suite("SeededGenerator")
struct SeededGeneratorTests {
  @Test("the same seed gives the same stream; another seed another")
  func reproducible() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    var c = SeededGenerator(seed: 43)
    let sa = (0..<100).map { _ in a.next() }
    let sb = (0..<100).map { _ in b.next() }
    let sc = (0..<100).map { _ in c.next() }
    #expect(sa == sb)
    #expect(sa != sc)
  }

  @Test("children depend only on (seed, index)")
  func children() {
    var parent = SeededGenerator(seed: 7)
    let before = parent.child(3)
    _ = (0..<10).map { _ in parent.next() }
    let after = parent.child(3)
    #expect(before == after)
    #expect(parent.child(3).seed != parent.child(4).seed)
    #expect(SeededGenerator.childSeed(of: 7, index: 3) == before.seed)
  }

  @Test("uniform draws are in [0, 1) with mean 1/2; Gaussian draws have mean 0, variance 1")
  func distributions() {
    var rng = SeededGenerator(seed: 1)
    let n = 200_000
    var sum = 0.0
    var low = 1.0
    var high = 0.0
    for _ in 0..<n {
      let u = rng.nextUniform()
      sum += u
      low = min(low, u)
      high = max(high, u)
    }
    #expect(low >= 0 && high < 1)
    #expect(abs(sum / Double(n) - 0.5) < 0.005)
    var mean = 0.0
    var square = 0.0
    for _ in 0..<n {
      let z = rng.nextGaussian()
      mean += z
      square += z * z
    }
    mean /= Double(n)
    #expect(abs(mean) < 0.01)
    #expect(abs(square / Double(n) - 1) < 0.02)
  }

  @Test("integers below a bound cover the range; shuffles are permutations")
  func integersAndShuffle() {
    var rng = SeededGenerator(seed: 9)
    var seen = Set<Int>()
    for _ in 0..<1000 { seen.insert(rng.nextInt(below: 7)) }
    #expect(seen == Set(0..<7))
    var values = Array(0..<50)
    rng.shuffle(&values)
    #expect(values.sorted() == Array(0..<50))
    #expect(values != Array(0..<50))
  }

  @Test("seeded random matrices are reproducible")
  func randomMatrix() {
    let a = Matrix.random(rowCount: 3, columnCount: 4, seed: 5)
    let b = Matrix.random(rowCount: 3, columnCount: 4, seed: 5)
    #expect(a == b)
    #expect(a.storage.allSatisfy { $0 >= 0 && $0 < 1 })
  }
}

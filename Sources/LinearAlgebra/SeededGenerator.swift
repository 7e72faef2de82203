import Foundation

/// A fast, seedable pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every randomized algorithm in SwiftLearn draws from a generator of this type created from an
/// explicit seed, so the same seed always gives the same result on every machine. Parallel work
/// derives one child generator per unit with ``child(_:)``, so results do not depend on the
/// number of threads. There is no global generator.
///
/// It lives in `LinearAlgebra`, the lowest layer, because `Matrix.random` needs it; every module
/// above sees it, and `import SwiftLearn` brings it in.
///
///     var rng = SeededGenerator(seed: 42)
///     let u = Double.random(in: 0..<1, using: &rng)
///     let z = rng.nextGaussian()
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64
  /// The seed this generator was created with.
  public let seed: UInt64

  /// Creates a generator whose whole stream is determined by `seed`.
  public init(seed: UInt64) {
    self.seed = seed
    var sm = seed
    s0 = SeededGenerator.splitMix(&sm)
    s1 = SeededGenerator.splitMix(&sm)
    s2 = SeededGenerator.splitMix(&sm)
    s3 = SeededGenerator.splitMix(&sm)
    if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
  }

  @inlinable
  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A uniform double in `[0, 1)` with 53 random bits.
  @inlinable
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A standard normal draw (Marsaglia's polar method).
  @inlinable
  public mutating func nextGaussian() -> Double {
    while true {
      let u = 2 * nextUniform() - 1
      let v = 2 * nextUniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        return u * (-2 * Foundation.log(s) / s).squareRoot()
      }
    }
  }

  /// A uniform integer in `0..<upperBound` (`upperBound` must be positive).
  @inlinable
  public mutating func nextInt(below upperBound: Int) -> Int {
    Int(truncatingIfNeeded: next(upperBound: UInt64(max(upperBound, 1))))
  }

  /// The seed of the `index`-th child stream, a pure function of `(seed, index)`.
  public static func childSeed(of seed: UInt64, index: Int) -> UInt64 {
    var sm = seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
    _ = splitMix(&sm)
    return splitMix(&sm)
  }

  /// A generator for the `index`-th independent unit of parallel work (tree, fold, ...).
  ///
  /// Depends only on this generator's `seed` and `index`, never on how far this generator
  /// has advanced, so work split across threads gets the same streams in any order.
  public func child(_ index: Int) -> SeededGenerator {
    SeededGenerator(seed: SeededGenerator.childSeed(of: seed, index: index))
  }

  /// A seed drawn from the system's entropy source, for `seed: nil`.
  public static func randomSeed() -> UInt64 {
    var system = SystemRandomNumberGenerator()
    return system.next()
  }

  /// Shuffles `array` in place (Fisher–Yates) with this generator.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = nextInt(below: i + 1)
      if i != j { array.swapAt(i, j) }
    }
  }
}

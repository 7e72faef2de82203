import EstimatorChecks
import Foundation
import SwiftLearnCore
import Testing

@Suite("LabelEncoding")
struct LabelEncodingTests {
  @Test("classes are sorted and distinct; codes round-trip")
  func sortedClasses() throws {
    let encoding = try LabelEncoding(fitting: ["stay", "churn", "stay", "paused"])
    #expect(encoding.classes == ["churn", "paused", "stay"])
    #expect(try encoding.encode(["stay", "churn"]) == [2, 0])
    #expect(try encoding.decode([1, 2]) == ["paused", "stay"])
    let ints = try LabelEncoding(fitting: [3, -1, 3, 10])
    #expect(ints.classes == [-1, 3, 10])
    #expect(ints.classCounts(try ints.encode([3, 3, 10])) == [0, 2, 1])
    #expect(ints.classCounts([0, 1], sampleWeight: [0.5, 2]) == [0.5, 2, 0])
  }

  @Test("unknown labels, bad codes and empty input are typed errors")
  func errors() throws {
    let encoding = try LabelEncoding(fitting: ["a", "b"])
    #expect(throws: LearnError.unknownLabel("c")) { try encoding.encode(["a", "c"]) }
    #expect(throws: LearnError.unknownLabel("code 2")) { try encoding.decode([2]) }
    #expect(throws: LearnError.self) { try LabelEncoding<Int>(fitting: []) }
    #expect(throws: LearnError.self) { try LabelEncoding(classes: [2, 1]) }
    #expect(throws: LearnError.self) { try LabelEncoding(classes: [1, 1]) }
  }

  @Test("decoding re-checks that classes are sorted")
  func decodingChecks() throws {
    let good = try JSONEncoder().encode(try LabelEncoding(fitting: [1, 2]))
    #expect(try JSONDecoder().decode(LabelEncoding<Int>.self, from: good).classes == [1, 2])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(LabelEncoding<Int>.self, from: Data("{\"classes\":[2,1]}".utf8))
    }
  }
}

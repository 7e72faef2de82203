import Foundation
import SwiftLearnCore
import Testing

/// A minimal fitted model with an invariant its decoder re-checks.
private struct Toy: FittedModel, Equatable {
  var featureCount: Int
  var weights: [Double]

  init(featureCount: Int, weights: [Double]) {
    self.featureCount = featureCount
    self.weights = weights
  }

  enum CodingKeys: String, CodingKey { case featureCount, weights }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    featureCount = try c.decode(Int.self, forKey: .featureCount)
    weights = try c.decode([Double].self, forKey: .weights)
    try requireDecoded(
      weights.count == featureCount, "one weight per feature", codingPath: c.codingPath)
  }
}

private struct Other: FittedModel { var featureCount: Int }

@Suite("Model files")
struct PersistenceTests {
  static func url() -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("swiftlearn-core-\(UInt32.random(in: 0...UInt32.max)).json")
  }

  @Test("round trip through a file keeps the model and writes the envelope")
  func roundTrip() throws {
    let model = Toy(featureCount: 2, weights: [1.5, .infinity])
    let url = Self.url()
    defer { try? FileManager.default.removeItem(at: url) }
    try model.save(to: url)
    #expect(try Toy.load(from: url) == model)
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    #expect(object?["formatVersion"] as? Int == 1)
    #expect(object?["library"] as? String == "SwiftLearn")
    #expect(object?["libraryVersion"] as? String == swiftLearnVersion)
    #expect((object?["estimator"] as? String)?.hasSuffix("Toy") == true)
  }

  @Test("every kind of bad file is a typed error")
  func badFiles() throws {
    let data = try Toy(featureCount: 1, weights: [2]).encodedModelFile()
    let text = String(decoding: data, as: UTF8.self)
    #expect(throws: LearnError.self) { try Toy.decodeModelFile(Data("not json".utf8)) }
    #expect(throws: LearnError.self) { try Toy.decodeModelFile(data.prefix(10)) }
    let name = modelTypeName(Toy.self)
    #expect(throws: LearnError.modelTypeMismatch(expected: modelTypeName(Other.self), found: name))
    {
      try Other.decodeModelFile(data)
    }
    let future = text.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":2")
    #expect(throws: LearnError.unsupportedFormatVersion(found: 2, supported: 1)) {
      try Toy.decodeModelFile(Data(future.utf8))
    }
    let foreign = text.replacingOccurrences(of: "\"SwiftLearn\"", with: "\"joblib\"")
    #expect(throws: LearnError.self) { try Toy.decodeModelFile(Data(foreign.utf8)) }
    let broken = text.replacingOccurrences(of: "\"weights\":[2]", with: "\"weights\":[2,3]")
    #expect(broken != text)
    #expect(throws: LearnError.self) { try Toy.decodeModelFile(Data(broken.utf8)) }
    #expect(throws: LearnError.self) {
      try Toy.load(from: URL(fileURLWithPath: "/nonexistent/m.json"))
    }
  }
}

import Datasets
import LinearAlgebra
import Testing

@Suite struct DatasetTests {
  @Test func validInitAndDerivedProperties() throws {
    let d = try Dataset(
      name: "toy", data: try Matrix(rows: [[0], [1], [2]]), target: [0, 1, 1],
      featureNames: ["x"], targetNames: ["no", "yes"], task: .classification,
      description: "Three points.")
    #expect(d.labels == [0, 1, 1])
    #expect(d.labelNames == ["no", "yes", "yes"])
    #expect(d.classCounts == [1, 2])
    #expect(d.description == "Three points.")
  }

  @Test func initRejectsInconsistentParts() throws {
    let x = try Matrix(rows: [[0], [1]])
    expectInvalidParameter("target") {
      _ = try Dataset(
        name: "t", data: x, target: [0], featureNames: ["x"], targetNames: [],
        task: .regression, description: "")
    }
    expectInvalidParameter("featureNames") {
      _ = try Dataset(
        name: "t", data: x, target: [0, 1], featureNames: [], targetNames: [],
        task: .regression, description: "")
    }
    expectInvalidParameter("targetNames") {
      _ = try Dataset(
        name: "t", data: x, target: [0, 1], featureNames: ["x"], targetNames: ["a"],
        task: .regression, description: "")
    }
    expectInvalidParameter("target") {
      _ = try Dataset(
        name: "t", data: x, target: [0, 2], featureNames: ["x"], targetNames: ["a", "b"],
        task: .classification, description: "")
    }
    expectInvalidParameter("target") {
      _ = try Dataset(
        name: "t", data: x, target: [0, 0.5], featureNames: ["x"], targetNames: [],
        task: .classification, description: "")
    }
  }

  @Test func errorMessagesNameTheParameter() {
    let error = DatasetError.invalidParameter(
      name: "sampleCount", value: "0", expected: "an int in the range [1, inf)")
    #expect(error.description.contains("'sampleCount'"))
    #expect(error.description.contains("[1, inf)"))
    #expect(DatasetError.resourceMissing(name: "iris.csv").description.contains("iris.csv"))
    let malformed = DatasetError.malformedResource(name: "a.csv", line: 3, reason: "bad")
    #expect(malformed.description.contains("line 3"))
    let unknown = DatasetError.unknownColumn(name: "zip", available: ["a", "b"])
    #expect(unknown.description.contains("'zip'"))
  }
}

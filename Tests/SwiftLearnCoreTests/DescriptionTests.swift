import SwiftLearnCore
import Testing

/// A stand-in estimator with several kinds of hyperparameter.
private struct Toy: Estimator, DefaultInitializable {
  enum Mode: String, Sendable { case fast, exact }
  var alpha = 1.0
  var mode = Mode.fast
  var name = "toy"
  var limit: Int? = nil
}

@Suite("Estimator description")
struct DescriptionTests {
  @Test("defaults print as Name(); changes print by name")
  func changedOnly() {
    #expect(Toy().description == "Toy()")
    var toy = Toy()
    toy.alpha = 0.5
    toy.mode = .exact
    toy.limit = 3
    #expect(toy.description == "Toy(alpha: 0.5, mode: .exact, limit: 3)")
    toy = Toy()
    toy.name = "other"
    #expect(toy.description == "Toy(name: \"other\")")
  }

  @Test("generic arguments are dropped from the name")
  func genericName() {
    #expect(estimatorTypeName([Int].self) == "Array")
  }
}

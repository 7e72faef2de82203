import EstimatorChecks
import LinearAlgebra
import Testing

/// The error case without its payload, so tests can match cases rather than message text.
enum ErrorKind: Equatable {
  case shapeMismatch, indexOutOfRange, empty, singular, notPositiveDefinite, noConvergence
  case invalidArgument
}

extension LinearAlgebraError {
  var kind: ErrorKind {
    switch self {
    case .shapeMismatch: return .shapeMismatch
    case .indexOutOfRange: return .indexOutOfRange
    case .empty: return .empty
    case .singular: return .singular
    case .notPositiveDefinite: return .notPositiveDefinite
    case .noConvergence: return .noConvergence
    case .invalidArgument: return .invalidArgument
    }
  }
}

/// Expects `body` to throw a ``LinearAlgebraError`` of the given case.
func expectError<R>(
  _ kind: ErrorKind, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () throws -> R
) {
  let error = #expect(throws: LinearAlgebraError.self, sourceLocation: sourceLocation) {
    _ = try body()
  }
  if let error {
    #expect(error.kind == kind, "got \(error)", sourceLocation: sourceLocation)
  }
}

/// One section of `Tests/Fixtures/linear_algebra.json`.
func fixture(_ section: String) throws -> Fixture {
  try Fixture("linear_algebra").child(section)
}

/// Compares with a normwise tolerance: `|a - e| <= rtol · (|e| + max|E|)` elementwise.
///
/// Backward-stable factorizations (LU, QR, SVD, eigh) bound the error relative to the norm
/// of the result, not to each element, so an element much smaller than the largest one is
/// only accurate to `rtol · max|E|`. This is the math, not a loosened tolerance.
func expectNormwise(
  _ actual: Matrix, _ expected: Matrix, rtol: Double = 1e-10, _ what: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let scale = expected.storage.reduce(0) { Swift.max($0, abs($1)) }
  expectClose(
    actual, expected, rtol: rtol, atol: rtol * scale, what, sourceLocation: sourceLocation)
}

/// Vector form of ``expectNormwise(_:_:rtol:_:sourceLocation:)``.
func expectNormwise(
  _ actual: [Double], _ expected: [Double], rtol: Double = 1e-10, _ what: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let scale = expected.reduce(0) { Swift.max($0, abs($1)) }
  expectClose(
    actual, expected, rtol: rtol, atol: rtol * scale, what, sourceLocation: sourceLocation)
}

/// Expects `qᵀq == I` (orthonormal columns) to `tolerance`.
func expectOrthonormalColumns(
  _ q: Matrix, tolerance: Double = 1e-12, _ what: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose(
    (try? q.gram()) ?? Matrix.zeros(0, 0), Matrix.identity(q.columnCount), rtol: 0, atol: tolerance,
    what,
    sourceLocation: sourceLocation)
}

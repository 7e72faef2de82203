/// Errors thrown by ``Matrix`` operations and the BLAS/LAPACK wrappers.
///
/// Every case carries what the caller needs to fix the input: the operation, the shapes
/// involved, or the LAPACK detail. Tests match cases, not message text.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Two operands (or an operand and a requirement) have incompatible shapes.
  ///
  /// `expected` and `got` are human-readable shapes such as `"3 x 4"` or `"12 elements"`.
  case shapeMismatch(operation: String, expected: String, got: String)
  /// A row or column index (or an index list entry) is outside the matrix.
  case indexOutOfRange(axis: String, index: Int, count: Int)
  /// The operation needs at least one element along an axis that has none.
  case empty(operation: String)
  /// A square system is singular to working precision.
  case singular(operation: String)
  /// The matrix is not (numerically) symmetric positive definite; `minor` is LAPACK's
  /// 1-based order of the leading minor that is not positive.
  case notPositiveDefinite(minor: Int)
  /// An iterative LAPACK routine (SVD, eigensolver) did not converge.
  case noConvergence(operation: String)
  /// An argument is outside its domain (for example a negative `ddof` or `rcond`).
  case invalidArgument(name: String, value: String, expected: String)

  public var description: String {
    switch self {
    case let .shapeMismatch(operation, expected, got):
      return "\(operation): shapes do not match; expected \(expected), got \(got)."
    case let .indexOutOfRange(axis, index, count):
      return "\(axis) index \(index) is out of range for \(count) \(axis)s."
    case let .empty(operation):
      return "\(operation): the input has no elements along the reduced axis."
    case let .singular(operation):
      return "\(operation): the matrix is singular to working precision."
    case let .notPositiveDefinite(minor):
      return "The matrix is not positive definite (leading minor of order \(minor))."
    case let .noConvergence(operation):
      return "\(operation) did not converge."
    case let .invalidArgument(name, value, expected):
      return "Argument '\(name)' must be \(expected); got \(value)."
    }
  }
}

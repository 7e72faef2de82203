import LinearAlgebra
import Testing

/// Asserts that two vectors agree elementwise within `|a - b| <= atol + rtol * |b|`
/// (numpy's `allclose` with `expected` as the reference), reporting the worst index and both
/// values. NaNs must match position for position.
public func expectClose(
  _ actual: [Double], _ expected: [Double], rtol: Double = 1e-12, atol: Double = 0,
  _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      "\(what): length \(actual.count) differs from expected \(expected.count)",
      sourceLocation: sourceLocation)
    return
  }
  var worst = -1
  var worstExcess = 0.0
  for k in 0..<actual.count {
    let a = actual[k]
    let b = expected[k]
    if a.isNaN || b.isNaN {
      if a.isNaN != b.isNaN {
        worst = k
        worstExcess = .infinity
      }
      continue
    }
    if a == b { continue }
    let excess = abs(a - b) - (atol + rtol * abs(b))
    if excess > 0, excess > worstExcess || worst < 0 {
      worst = k
      worstExcess = excess
    }
  }
  if worst >= 0 {
    Issue.record(
      "\(what): element \(worst) is \(actual[worst]), expected \(expected[worst]) (rtol \(rtol), atol \(atol), |diff| \(abs(actual[worst] - expected[worst])))",
      sourceLocation: sourceLocation)
  }
}

/// Asserts that two matrices have the same shape and agree elementwise (see the vector form).
public func expectClose(
  _ actual: Matrix, _ expected: Matrix, rtol: Double = 1e-12, atol: Double = 0,
  _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.rowCount == expected.rowCount, actual.columnCount == expected.columnCount else {
    Issue.record(
      "\(what): shape \(actual.shapeDescription) differs from expected \(expected.shapeDescription)",
      sourceLocation: sourceLocation)
    return
  }
  expectClose(
    actual.storage, expected.storage, rtol: rtol, atol: atol, what, sourceLocation: sourceLocation)
}

/// Asserts that two scalars agree within `atol + rtol * |expected|`.
public func expectClose(
  _ actual: Double, _ expected: Double, rtol: Double = 1e-12, atol: Double = 0,
  _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose([actual], [expected], rtol: rtol, atol: atol, what, sourceLocation: sourceLocation)
}

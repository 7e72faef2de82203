// Module-internal column kernels: null filling, concatenation, joint factorization.

extension Column {
  /// The column with nulls (and NaN in double columns) replaced by `strategy`.
  func fillingNulls(_ strategy: FillStrategy) throws -> Column {
    let n = count
    let missing = (0..<n).map { isNull($0) || (numericValue(at: $0)?.isNaN ?? false) }
    guard missing.contains(true) else { return self }
    switch strategy {
    case .forward, .backward:
      var source = [Int?](repeating: nil, count: n)
      var last: Int?
      let order = strategy == .forward ? Array(0..<n) : Array((0..<n).reversed())
      for i in order {
        if !missing[i] { last = i }
        source[i] = last
      }
      return gathering(optional: source)
    case .text(let value):
      guard type == .string || type == .categorical else {
        throw DataFrameError.wrongType(column: name, expected: "string", actual: type)
      }
      let text = textValues()
      return Column(name, strings: (0..<n).map { missing[$0] ? value : text[$0] })
        .matchingTextKind(of: self)
    case .value(let v):
      if case let .int(values) = storage, v == v.rounded(), abs(v) < 9e15 {
        return Column(name, ints: (0..<n).map { missing[$0] ? Int(v) : values[$0] })
      }
      let x = try numericWithNaN(for: "fillna")
      return Column(name, doubles: (0..<n).map { missing[$0] ? v : x[$0] })
    case .mean, .median:
      let present = try nonNullNumeric(for: "fillna")
      guard !present.isEmpty else { return self }
      let fill =
        strategy == .mean
        ? Descriptive.mean(present) : Descriptive.sortedQuantile(present.sorted(), 0.5)
      let x = try numericWithNaN(for: "fillna")
      return Column(name, doubles: (0..<n).map { missing[$0] ? fill : x[$0] })
    case .mode:
      let f = factorization(nullAsGroup: false)
      guard f.groupCount > 0 else { return self }
      var counts = [Int](repeating: 0, count: f.groupCount)
      for c in f.codes where c >= 0 { counts[c] += 1 }
      let top = counts.max() ?? 0
      // Ties go to the smallest value (pandas sorts the modes).
      let tied = (0..<f.groupCount).filter { counts[$0] == top }.map { f.firstRow[$0] }
      let keys = sortKeys(ascending: true)
      let best = tied.min { keys[$0] < keys[$1] } ?? tied[0]
      return gathering(optional: (0..<n).map { missing[$0] ? best : $0 })
    }
  }

  /// A categorical column when `other` is categorical, else self.
  func matchingTextKind(of other: Column) -> Column {
    guard other.type == .categorical, case let .string(v) = storage else { return self }
    return Column(name, categories: (0..<v.count).map { isNull($0) ? nil : v[$0] })
  }

  /// Concatenates columns of compatible types (int with double gives double; string with
  /// categorical gives string).
  static func concatenating(_ parts: [Column], name: String) throws -> Column {
    guard let first = parts.first else { return Column(name, doubles: [Double]()) }
    let types = Set(parts.map(\.type))
    if types.count == 1 {
      switch first.storage {
      case .double: return Column(name, doubles: parts.flatMap { $0.optionalDoubles() })
      case .date:
        let values = parts.flatMap { p in
          (0..<p.count).map { p.isNull($0) ? nil : p.rawSeconds($0) }
        }
        let mask = NullMask.make(count: values.count) { values[$0] == nil }
        return Column(name: name, storage: .date(values.map { $0 ?? 0 }), nulls: mask)
      case .int: return Column(name, ints: try parts.flatMap { try $0.ints() })
      case .bool: return Column(name, bools: try parts.flatMap { try $0.bools() })
      case .string: return Column(name, strings: try parts.flatMap { try $0.strings() })
      case .categorical: return Column(name, categories: try parts.flatMap { try $0.strings() })
      }
    }
    if types.isSubset(of: [.double, .int]) {
      return Column(name, doubles: parts.flatMap { $0.optionalDoubles() })
    }
    if types.isSubset(of: [.string, .categorical]) {
      return Column(name, strings: try parts.flatMap { try $0.strings() })
    }
    let other = parts.first { $0.type != first.type } ?? first
    throw DataFrameError.wrongType(column: name, expected: first.type.rawValue, actual: other.type)
  }

  private func optionalDoubles() -> [Double?] {
    (0..<count).map { isNull($0) ? nil : numericValue(at: $0) }
  }

  private func rawSeconds(_ i: Int) -> Double? {
    guard case let .date(v) = storage, i >= 0 && i < v.count else { return nil }
    return v[i]
  }

  /// Codes over `left` rows then `right` rows, equal values sharing codes.
  static func jointFactorization(_ left: Column, _ right: Column) throws -> Factorization {
    let joined = try concatenating([left, right], name: left.name)
    return joined.factorization(nullAsGroup: false)
  }
}

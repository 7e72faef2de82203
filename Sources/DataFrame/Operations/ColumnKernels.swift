// Module-internal column kernels used by the operations and statistics: gathering rows,
// numeric views, factorization, sort keys, filling.

extension Column {
  /// The same values under another name.
  func renamed(_ newName: String) -> Column {
    var c = self
    c.name = newName
    return c
  }

  /// Rows at `rows` (each in `0..<count`; callers validate).
  func gathering(_ rows: [Int]) -> Column {
    let mask = nulls.flatMap { m in NullMask.make(count: rows.count) { m[rows[$0]] } }
    switch storage {
    case let .double(v):
      return Column(name: name, storage: .double(Column.take(v, rows)), nulls: mask)
    case let .int(v): return Column(name: name, storage: .int(Column.take(v, rows)), nulls: mask)
    case let .string(v):
      return Column(name: name, storage: .string(rows.map { v[$0] }), nulls: mask)
    case let .categorical(codes, levels):
      return Column(
        name: name, storage: .categorical(codes: Column.take(codes, rows), levels: levels),
        nulls: mask)
    case let .bool(v): return Column(name: name, storage: .bool(Column.take(v, rows)), nulls: mask)
    case let .date(v): return Column(name: name, storage: .date(Column.take(v, rows)), nulls: mask)
    }
  }

  /// Rows at `rows`, nil giving a null row.
  func gathering(optional rows: [Int?]) -> Column {
    let safe = rows.map { $0 ?? 0 }
    let source = count == 0 ? gatheringEmpty(rows.count) : gathering(safe)
    var mask = source.nulls ?? NullMask(count: rows.count)
    for (i, r) in rows.enumerated() where r == nil { mask.setNull(i) }
    var out = source
    out.nulls = mask.nullCount == 0 ? nil : mask
    // Null slots hold placeholders.
    switch out.storage {
    case var .double(v):
      for (i, r) in rows.enumerated() where r == nil { v[i] = .nan }
      out.storage = .double(v)
    case .categorical(var codes, let levels):
      for (i, r) in rows.enumerated() where r == nil { codes[i] = -1 }
      out.storage = .categorical(codes: codes, levels: levels)
    default: break
    }
    return out
  }

  /// A column of `n` nulls of this column's type.
  private func gatheringEmpty(_ n: Int) -> Column {
    let storage: Storage
    switch self.storage {
    case .double: storage = .double([Double](repeating: .nan, count: n))
    case .int: storage = .int([Int](repeating: 0, count: n))
    case .string: storage = .string([String](repeating: "", count: n))
    case let .categorical(_, levels):
      storage = .categorical(codes: [Int32](repeating: -1, count: n), levels: levels)
    case .bool: storage = .bool([Bool](repeating: false, count: n))
    case .date: storage = .date([Double](repeating: 0, count: n))
    }
    return Column(name: name, storage: storage, nulls: nil)
  }

  @inline(__always)
  static func take<T>(_ v: [T], _ rows: [Int]) -> [T] {
    [T](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
      v.withUnsafeBufferPointer { src in
        rows.withUnsafeBufferPointer { r in
          for i in 0..<r.count { buffer.initializeElement(at: i, to: src[r[i]]) }
        }
      }
      initialized = rows.count
    }
  }

  /// Values as doubles, NaN at nulls (double, int, bool). `operation` names the caller.
  func numericWithNaN(for operation: String) throws -> [Double] {
    switch storage {
    case .double, .int, .bool: return try numericStorage()
    default:
      throw DataFrameError.wrongType(
        column: name, expected: "numeric (double, int or bool) for \(operation)", actual: type)
    }
  }

  /// The non-null, non-NaN values as doubles.
  func nonNullNumeric(for operation: String) throws -> [Double] {
    if case let .double(v) = storage, nulls == nil, !v.contains(where: \.isNaN) { return v }
    return try numericWithNaN(for: operation).filter { !$0.isNaN }
  }

  /// Row `i` as a double (numeric columns), nil otherwise.
  func numericValue(at i: Int) -> Double? {
    guard i >= 0 && i < count else { return nil }
    switch storage {
    case let .double(v): return v[i]
    case let .int(v): return Double(v[i])
    case let .bool(v): return v[i] ? 1 : 0
    default: return nil
    }
  }

  /// Row `i` as text (string and categorical columns), nil otherwise.
  func stringValue(at i: Int) -> String? {
    guard i >= 0 && i < count else { return nil }
    switch storage {
    case let .string(v): return v[i]
    case let .categorical(codes, levels):
      let c = Int(codes[i])
      return c >= 0 && c < levels.count ? levels[c] : nil
    default: return nil
    }
  }

  /// Row `i` rendered as text for reports.
  func displayValue(at i: Int) -> String {
    if isNull(i) { return "<null>" }
    switch storage {
    case let .double(v): return TextTable.number(v[i])
    case let .int(v): return String(v[i])
    case let .bool(v): return v[i] ? "true" : "false"
    case let .date(v): return TextTable.number(v[i])
    default: return stringValue(at: i) ?? ""
    }
  }

  /// Text of every row ("" at nulls) for string and categorical columns; empty otherwise.
  func textValues() -> [String] {
    switch storage {
    case let .string(v): return v
    case let .categorical(codes, levels):
      return codes.map { c in c >= 0 && Int(c) < levels.count ? levels[Int(c)] : "" }
    default: return []
    }
  }

  /// Seconds since 1970 of a date column.
  func dateSeconds() throws -> [Double] {
    guard case let .date(v) = storage else {
      throw DataFrameError.wrongType(column: name, expected: "date", actual: type)
    }
    return v
  }

  /// Dense codes in first-appearance order; nulls (and NaN in double columns) get -1, or
  /// their own code when `nullAsGroup`.
  func factorization(nullAsGroup: Bool) -> Factorization {
    var f: Factorization
    switch storage {
    case let .int(v): f = Factorize.ints(v, isNull: nulls.map { m in (0..<v.count).map { m[$0] } })
    case let .bool(v): f = Factorize.ints(v.map { $0 ? 1 : 0 }, isNull: nullFlags())
    case let .categorical(codes, _):
      f = Factorize.ints(codes.map { Int($0) }, isNull: codes.map { $0 < 0 })
    case let .double(v), let .date(v):
      let normalized = v.map { $0 == 0 ? 0.0 : $0 }
      f = Factorize.hashable(normalized) { self.isNull($0) || v[$0].isNaN }
    case let .string(v):
      f = Factorize.hashable(v) { self.isNull($0) }
    }
    if nullAsGroup {
      var nullCode = -1
      for i in 0..<f.codes.count where f.codes[i] < 0 {
        if nullCode < 0 {
          nullCode = f.groupCount
          f.groupCount += 1
          f.firstRow.append(i)
        }
        f.codes[i] = nullCode
      }
      if nullCode >= 0 {
        // Keep first-appearance order with the null group in its place (pandas dropna=False).
        let order = (0..<f.groupCount).sorted { f.firstRow[$0] < f.firstRow[$1] }
        f = Factorize.relabel(f, order: order)
      }
    }
    return f
  }

  /// Per-row null flags (NaN doubles count as null here), or nil when none.
  func nullFlags() -> [Bool]? {
    guard let nulls else { return nil }
    return (0..<count).map { nulls[$0] }
  }

  /// Order keys for stable radix sorting; nulls (and NaN) last.
  func sortKeys(ascending: Bool) -> [UInt64] {
    let null = SortPermutation.nullKey
    switch storage {
    case let .double(v), let .date(v):
      var out = v.map { SortPermutation.key($0, ascending: ascending) }
      if let nulls { for i in 0..<out.count where nulls[i] { out[i] = null } }
      return out
    case let .int(v):
      var out = v.map { SortPermutation.key($0, ascending: ascending) }
      if let nulls { for i in 0..<out.count where nulls[i] { out[i] = null } }
      return out
    case let .bool(v):
      var out = v.map { SortPermutation.key($0 ? 1 : 0, ascending: ascending) }
      if let nulls { for i in 0..<out.count where nulls[i] { out[i] = null } }
      return out
    case let .string(v):
      return SortPermutation.keys(strings: v, isNull: { self.isNull($0) }, ascending: ascending)
    case let .categorical(codes, levels):
      let order = levels.indices.sorted {
        levels[$0].unicodeScalars.lexicographicallyPrecedes(levels[$1].unicodeScalars)
      }
      var rank = [Int](repeating: 0, count: levels.count)
      for (r, level) in order.enumerated() { rank[level] = r }
      return codes.map { c in
        c >= 0 && Int(c) < rank.count
          ? SortPermutation.key(rank[Int(c)], ascending: ascending) : null
      }
    }
  }
}

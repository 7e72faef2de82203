import DataFrame
import Foundation
import Testing

/// Selection, sorting, combining, group-by, nulls, derived columns and time-series helpers,
/// including nulls, empty frames and wrong column names.
@Suite struct OperationsTests {
  let df: DataFrame

  init() throws {
    df = try DataFrame([
      Column("id", ints: [1, 2, 3, 4, 5]),
      Column("x", doubles: [3.0, nil, 1.0, 3.0, 2.0]),
      Column("city", strings: ["Oslo", "Lima", nil, "Oslo", "Rome"]),
      Column("flag", bools: [true, false, true, nil, false]),
    ])
  }

  func ints(_ c: Column) throws -> [Int?] { try c.ints() }

  /// Expects `DataFrameError.unknownColumn` for `name` (suggestions vary with the frame).
  func expectUnknownColumn(
    _ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any
  ) {
    do {
      _ = try body()
      Issue.record("expected unknownColumn(\(name))", sourceLocation: sourceLocation)
    } catch DataFrameError.unknownColumn(let got, _) {
      #expect(got == name, sourceLocation: sourceLocation)
    } catch {
      Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
  }

  @Test func selectDropRename() throws {
    #expect(try df.selecting(["x", "id"]).columnNames == ["x", "id"])
    #expect(try df.dropping(["x"]).columnNames == ["id", "city", "flag"])
    #expect(try df.renaming(["x": "y"]).columnNames == ["id", "y", "city", "flag"])
    expectUnknownColumn("nope") { try df.selecting(["nope"]) }
    #expect(throws: DataFrameError.duplicateColumn(name: "x")) { try df.selecting(["x", "x"]) }
    #expect(throws: DataFrameError.duplicateColumn(name: "id")) { try df.renaming(["x": "id"]) }
    do {
      _ = try df.dropping(["ciyt"])
      Issue.record("expected an error")
    } catch DataFrameError.unknownColumn(let name, let suggestions) {
      #expect(name == "ciyt")
      #expect(suggestions.contains("city"))
    }
  }

  @Test func rowSelection() throws {
    #expect(try ints(df.rows([4, 0, 0]).column("id")) == [5, 1, 1])
    #expect(throws: DataFrameError.rowOutOfRange(row: 5, count: 5)) { try df.rows([5]) }
    #expect(throws: DataFrameError.rowOutOfRange(row: -1, count: 5)) { try df.rows([-1]) }
    let masked = try df.filter([true, false, true, false, false])
    #expect(try ints(masked.column("id")) == [1, 3])
    #expect(try masked.column("city").strings() == ["Oslo", nil])
    #expect(throws: DataFrameError.lengthMismatch(column: "mask", expected: 5, got: 2)) {
      try df.filter([true, false])
    }
    let big = df.filter { ($0.double("x") ?? 0) >= 2 }
    #expect(try ints(big.column("id")) == [1, 4, 5])
    #expect(try ints(df.filter { $0.isNull("city") }.column("id")) == [3])
    #expect(try ints(df.filter { $0.string("city") == "Oslo" }.column("id")) == [1, 4])
    #expect(try ints(df.head(2).column("id")) == [1, 2])
    #expect(try ints(df.tail(2).column("id")) == [4, 5])
    #expect(df.head(10).rowCount == 5)
    #expect(try ints(df.head(-3).column("id")) == [1, 2])
    #expect(try ints(df.tail(-3).column("id")) == [4, 5])
    #expect(DataFrame().head().rowCount == 0)
  }

  @Test func seededSample() throws {
    let a = try df.sample(3, seed: 7)
    let b = try df.sample(3, seed: 7)
    #expect(a == b)
    #expect(Set(try ints(a.column("id")).compactMap { $0 }).count == 3)
    let r = try df.sample(20, replace: true, seed: 1)
    #expect(r.rowCount == 20)
    #expect(throws: DataFrameError.self) { try df.sample(6, seed: 1) }
    #expect(throws: DataFrameError.self) { try df.sample(-1, seed: 1) }
    #expect(throws: DataFrameError.self) { try DataFrame().sample(1, replace: true, seed: 1) }
    #expect(try DataFrame().sample(0, seed: 1).rowCount == 0)
  }

  @Test func sortingNullsLastStable() throws {
    let s = try df.sorted(by: "x")
    #expect(try ints(s.column("id")) == [3, 5, 1, 4, 2])
    let d = try df.sorted(by: "x", ascending: false)
    #expect(try ints(d.column("id")) == [1, 4, 5, 3, 2])
    let c = try df.sorted(by: ["city", "id"], ascending: [true, false])
    #expect(try ints(c.column("id")) == [2, 4, 1, 5, 3])
    let f = try df.sorted(by: "flag")
    #expect(try ints(f.column("id")) == [2, 5, 1, 3, 4])
    #expect(throws: DataFrameError.self) { try df.sorted(by: ["x"], ascending: [true, false]) }
    #expect(throws: DataFrameError.self) { try df.sorted(by: [String]()) }
    expectUnknownColumn("zz") { try df.sorted(by: "zz") }
    let empty = try DataFrame([Column("a", doubles: [Double]())])
    #expect(try empty.sorted(by: "a").rowCount == 0)
    let neg = try DataFrame([Column("v", doubles: [0.5, -2, -0.0, 0, .infinity, -.infinity])])
    #expect(try neg.sortPermutation(by: ["v"]) == [5, 1, 2, 3, 0, 4])
  }

  @Test func concatenation() throws {
    let a = try DataFrame([Column("k", ints: [1, 2]), Column("v", strings: ["a", nil])])
    let b = try DataFrame([Column("v", strings: ["c"]), Column("k", doubles: [2.5])])
    let rows = try DataFrame.concatenatingRows([a, b])
    #expect(rows.columnNames == ["k", "v"])
    #expect(try rows.column("k").doubles() == [1, 2, 2.5])
    #expect(try rows.column("v").strings() == ["a", nil, "c"])
    let bad = try DataFrame([Column("k", strings: ["x"]), Column("v", strings: ["y"])])
    #expect(throws: DataFrameError.self) { try DataFrame.concatenatingRows([a, bad]) }
    let other = try DataFrame([Column("w", ints: [1])])
    #expect(throws: DataFrameError.self) { try DataFrame.concatenatingRows([a, other]) }
    let cols = try DataFrame.concatenatingColumns([a, try DataFrame([Column("z", ints: [7, 8])])])
    #expect(cols.columnNames == ["k", "v", "z"])
    #expect(throws: DataFrameError.lengthMismatch(column: "z", expected: 2, got: 1)) {
      try DataFrame.concatenatingColumns([a, try DataFrame([Column("z", ints: [7])])])
    }
    #expect(try DataFrame.concatenatingRows([]).rowCount == 0)
  }

  @Test func joinsFollowPandasMerge() throws {
    let left = try DataFrame([
      Column("key", strings: ["b", "a", "c", nil, "a"]),
      Column("v", ints: [1, 2, 3, 4, 5]),
    ])
    let right = try DataFrame([
      Column("key", strings: ["a", "b", "a", "d"]),
      Column("v", ints: [10, 20, 30, 40]),
    ])
    let inner = try left.joined(with: right, on: ["key"])
    #expect(inner.columnNames == ["key", "v_x", "v_y"])
    #expect(try inner.column("key").strings() == ["b", "a", "a", "a", "a"])
    #expect(try ints(inner.column("v_x")) == [1, 2, 2, 5, 5])
    #expect(try ints(inner.column("v_y")) == [20, 10, 30, 10, 30])
    let leftJoin = try left.joined(with: right, on: ["key"], how: .left, suffixes: ("_l", "_r"))
    #expect(leftJoin.rowCount == 7)
    #expect(try ints(leftJoin.column("v_r")) == [20, 10, 30, nil, nil, 10, 30])
    expectUnknownColumn("nope") { try left.joined(with: right, on: ["nope"]) }
    #expect(throws: DataFrameError.self) { try left.joined(with: right, on: []) }
    // Two keys, int with double keys.
    let l2 = try DataFrame([Column("a", ints: [1, 1, 2]), Column("b", strings: ["x", "y", "x"])])
    let r2 = try DataFrame([
      Column("a", doubles: [1, 2]), Column("b", strings: ["y", "x"]), Column("w", ints: [7, 8]),
    ])
    let j2 = try l2.joined(with: r2, on: ["a", "b"], how: .left)
    #expect(try ints(j2.column("w")) == [nil, 7, 8])
  }

  @Test func groupByWithNullsAndOptions() throws {
    let g = try df.groupBy(
      "city",
      aggregations: [
        Aggregation("x", .mean), Aggregation("x", .count), Aggregation("id", .first),
        Aggregation("city", .count, as: "n"),
      ])
    #expect(try g.column("city").strings() == ["Lima", "Oslo", "Rome"])
    #expect(try g.column("x_mean").doubles() == [nil, 3, 2])
    #expect(try ints(g.column("x_count")) == [0, 2, 1])
    #expect(try ints(g.column("id_first")) == [2, 1, 5])
    let withNull = try df.groupBy(
      "city", aggregations: [Aggregation("id", .sum)], sortKeys: false, dropNullKeys: false)
    #expect(try withNull.column("city").strings() == ["Oslo", "Lima", nil, "Rome"])
    #expect(try withNull.column("id_sum").doubles() == [5, 2, 3, 5])
    let text = try df.groupBy(
      "flag", aggregations: [Aggregation("city", .max), Aggregation("city", .nunique)])
    #expect(try text.column("city_max").strings() == ["Rome", "Oslo"])
    #expect(try ints(text.column("city_nunique")) == [2, 1])
    #expect(
      throws: DataFrameError.wrongType(
        column: "city", expected: "numeric (double, int or bool) for mean", actual: .string)
    ) {
      try df.groupBy("id", aggregations: [Aggregation("city", .mean)])
    }
    expectUnknownColumn("nope") { try df.groupBy("nope", aggregations: []) }
    let empty = try DataFrame([Column("k", ints: [Int]()), Column("v", doubles: [Double]())])
    #expect(try empty.groupBy("k", aggregations: [Aggregation("v", .mean)]).rowCount == 0)
  }

  @Test func valueCountsUniqueAndMaps() throws {
    let vc = try df.valueCounts("city")
    #expect(try vc.column("city").strings() == ["Oslo", "Lima", "Rome"])
    #expect(try ints(vc.column("count")) == [2, 1, 1])
    #expect(try df.unique("city").strings() == ["Oslo", "Lima", "Rome"])
    #expect(try df.mapDoubles("x") { $0 * 10 }.doubles() == [30, nil, 10, 30, 20])
    #expect(
      try df.mapStrings("city") { $0.uppercased() }.strings() == [
        "OSLO", "LIMA", nil, "OSLO", "ROME",
      ])
    #expect(throws: DataFrameError.self) { try df.mapDoubles("city") { $0 } }
    let ratio = try df.combining("x", .divide, "id", as: "ratio")
    #expect(try ratio.doubles() == [3, nil, 1.0 / 3, 0.75, 0.4])
    let derived = try df.withColumn("twice") { row in row.double("x").map { $0 * 2 } }
    #expect(try derived.column("twice").doubles() == [6, nil, 2, 6, 4])
    #expect(throws: DataFrameError.lengthMismatch(column: "bad", expected: 5, got: 1)) {
      try df.withColumn(Column("bad", ints: [1]))
    }
    expectUnknownColumn("q") { try df.valueCounts("q") }
  }

  @Test func fillAndDropNulls() throws {
    #expect(try df.fillingNulls(.value(0)).column("x").doubles() == [3, 0, 1, 3, 2])
    #expect(try df.fillingNulls(.mean, columns: ["x"]).column("x").doubles() == [3, 2.25, 1, 3, 2])
    #expect(
      try df.fillingNulls(.median, columns: ["x"]).column("x").doubles() == [3, 2.5, 1, 3, 2])
    #expect(
      try df.fillingNulls(.mode, columns: ["x", "city"]).column("city").strings() == [
        "Oslo", "Lima", "Oslo", "Oslo", "Rome",
      ])
    #expect(try df.fillingNulls(.forward).column("x").doubles() == [3, 3, 1, 3, 2])
    #expect(
      try df.fillingNulls(.backward).column("city").strings() == [
        "Oslo", "Lima", "Oslo", "Oslo", "Rome",
      ])
    #expect(
      try df.fillingNulls(.text("?")).column("city").strings() == [
        "Oslo", "Lima", "?", "Oslo", "Rome",
      ])
    #expect(throws: DataFrameError.self) { try df.fillingNulls(.mean, columns: ["city"]) }
    #expect(try df.droppingNulls().rowCount == 2)
    #expect(try df.droppingNulls(subset: ["x"]).rowCount == 4)
    #expect(try df.droppingNulls(how: .all, subset: ["x", "city"]).rowCount == 5)
    #expect(throws: DataFrameError.self) { try df.droppingNulls(subset: ["nope"]) }
    #expect(df.nullCounts().map(\.count) == [0, 1, 1, 1])
    #expect(df.rowNullCounts() == [0, 1, 1, 1, 0])
    #expect(try DataFrame().droppingNulls().rowCount == 0)
    #expect(try DataFrame().duplicated() == [])
  }

  @Test func cutAndQcutValidation() throws {
    let c = try df.cut("x", edges: [1, 2, 3], labels: ["low", "high"])
    #expect(try c.strings() == ["high", nil, nil, "high", "low"])
    let lowest = try df.cut("x", edges: [1, 2, 3], includeLowest: true)
    #expect(try lowest.strings()[2] == "(1.0, 2.0]")
    let left = try df.cut("x", edges: [1, 2, 3], right: false)
    #expect(try left.strings() == [nil, nil, "[1.0, 2.0)", nil, "[2.0, 3.0)"])
    #expect(throws: DataFrameError.self) { try df.cut("x", edges: [2, 1]) }
    #expect(throws: DataFrameError.self) { try df.cut("x", edges: [1, 2], labels: ["a", "b"]) }
    #expect(throws: DataFrameError.self) { try df.cut("city", edges: [1, 2]) }
    #expect(throws: DataFrameError.self) { try df.qcut("x", quantileCount: 0) }
    #expect(throws: DataFrameError.self) { try df.qcut("x", quantileCount: 4) }  // tied edges
  }

  @Test func datePartsAndDifferences() throws {
    // 2024-02-29 (Thu), 2023-12-31 (Sun), 2024-04-01 (Mon), null, 1969-12-31 (Wed).
    func date(_ y: Int, _ m: Int, _ d: Int) -> Date {
      var c = DateComponents()
      c.year = y
      c.month = m
      c.day = d
      c.hour = 13
      var cal = Calendar(identifier: .gregorian)
      cal.timeZone = TimeZone(identifier: "UTC") ?? .current
      return cal.date(from: c) ?? Date()
    }
    let frame = try DataFrame([
      Column(
        "d",
        dates: [date(2024, 2, 29), date(2023, 12, 31), date(2024, 4, 1), nil, date(1969, 12, 31)]),
      Column("e", dates: [date(2024, 3, 2), date(2024, 1, 1), nil, nil, date(1970, 1, 1)]),
    ])
    #expect(try ints(frame.datePart(.year, of: "d")) == [2024, 2023, 2024, nil, 1969])
    #expect(try ints(frame.datePart(.month, of: "d")) == [2, 12, 4, nil, 12])
    #expect(try ints(frame.datePart(.day, of: "d")) == [29, 31, 1, nil, 31])
    #expect(try ints(frame.datePart(.weekday, of: "d")) == [3, 6, 0, nil, 2])
    #expect(try ints(frame.datePart(.quarter, of: "d")) == [1, 4, 2, nil, 4])
    #expect(try ints(frame.datePart(.dayOfYear, of: "d")) == [60, 365, 92, nil, 365])
    #expect(try frame.datePart(.isWeekend, of: "d").bools() == [false, true, false, nil, false])
    #expect(try frame.datePart(.isMonthStart, of: "d").bools() == [false, false, true, nil, false])
    #expect(try frame.datePart(.isMonthEnd, of: "d").bools() == [true, true, false, nil, true])
    #expect(
      try frame.dayDifference(from: "d", to: "e", as: "gap").doubles() == [2, 1, nil, nil, 1])
    #expect(throws: DataFrameError.wrongType(column: "x", expected: "date", actual: .double)) {
      try df.datePart(.year, of: "x")
    }
  }

  @Test func shiftsRollingAndCyclical() throws {
    #expect(try df.shift("x").doubles() == [nil, 3, nil, 1, 3])
    #expect(try df.shift("city", periods: -2).strings() == [nil, "Oslo", "Rome", nil, nil])
    #expect(try df.shift("x", periods: 9).doubles() == [nil, nil, nil, nil, nil])
    #expect(try df.rolling("x", window: 2, .sum).doubles() == [nil, nil, nil, 4, 5])
    #expect(try df.rolling("x", window: 2, minPeriods: 1, .max).doubles() == [3, 3, 1, 3, 3])
    #expect(throws: DataFrameError.self) { try df.rolling("x", window: 0, .mean) }
    #expect(throws: DataFrameError.self) { try df.rolling("x", window: 2, minPeriods: 3, .mean) }
    let (s, c) = try df.cyclicalEncoding("id", period: 4)
    let sv = try s.doubles().map { $0 ?? .nan }
    let cv = try c.doubles().map { $0 ?? .nan }
    #expect(abs(sv[0] - 1) < 1e-15 && abs(cv[1] + 1) < 1e-15)
    #expect(throws: DataFrameError.self) { try df.cyclicalEncoding("id", period: 0) }
  }

  @Test func statisticsEdgeCases() throws {
    #expect(throws: DataFrameError.self) { try df.quantile("x", 1.5) }
    #expect(throws: DataFrameError.self) { try df.skewness("city") }
    #expect(try df.quantile("x", 0.5) == 2.5)
    #expect(try df.skewness("id").isNaN == false)
    let tiny = try DataFrame([Column("v", doubles: [1.0, 2.0])])
    #expect(try tiny.skewness("v").isNaN)
    #expect(try tiny.kurtosis("v").isNaN)
    let d = DataFrame().describe()
    #expect(d.numeric.isEmpty && d.categorical.isEmpty)
    let report = try DataFrame().dataQualityReport()
    #expect(report.rowCount == 0)
    expectUnknownColumn("t") { try df.dataQualityReport(target: "t") }
    var bad = DataQualityReport.Options()
    bad.nearConstantShare = 2
    #expect(throws: DataFrameError.self) { try df.dataQualityReport(options: bad) }
    #expect(try df.outliers("x", method: .iqr()) == [false, false, false, false, false])
    #expect(throws: DataFrameError.self) { try df.outliers("x", method: .zScore(threshold: -1)) }
    let flagged = try DataFrame([Column("t", strings: ["a", "a", "a", "a", "a", "a", "b"])])
      .dataQualityReport(target: "t")
    #expect(flagged.target?.isImbalanced == true)
    #expect(flagged.description.contains("imbalanced target"))
  }
}

/// The radix paths (large inputs) agree with the standard library's sort.
@Suite struct LargeInputTests {
  @Test func radixSortAndQuantilesAgreeWithSorted() throws {
    var state: UInt64 = 12_345
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(Int64(bitPattern: state >> 11) - (1 << 52)) / 1e12
    }
    var values = (0..<5000).map { _ in next() }
    values[7] = -0.0
    values[8] = 0
    values[9] = -1e300
    let frame = try DataFrame([Column("v", doubles: values), Column("i", ints: Array(0..<5000))])
    let sorted = values.sorted()
    for q in [0.0, 0.1, 0.37, 0.5, 0.99, 1.0] {
      let pos = q * 4999
      let lo = Int(pos.rounded(.down))
      let hi = min(lo + 1, 4999)
      let t = pos - Double(lo)
      let expected =
        t >= 0.5
        ? sorted[hi] - (sorted[hi] - sorted[lo]) * (1 - t)
        : sorted[lo] + (sorted[hi] - sorted[lo]) * t
      #expect(try frame.quantile("v", q) == expected)
    }
    let s = try frame.sorted(by: "v", ascending: false)
    let out = try s.column("v").doubles().map { $0 ?? .nan }
    #expect(out == sorted.reversed())
    let g = try frame.groupBy(
      ["i"], aggregations: [Aggregation("v", .max)], sortKeys: true)
    #expect(g.rowCount == 5000)
  }
}

/// Wrong column names and empty frames across the whole operation surface.
@Suite struct OperationEdgeCaseTests {
  let df: DataFrame
  let empty: DataFrame

  init() throws {
    df = try DataFrame([
      Column("a", doubles: [1, nil, 3]), Column("s", strings: ["x", "y", nil]),
      Column(
        "d", dates: [Date(timeIntervalSince1970: 0), nil, Date(timeIntervalSince1970: 86_400)]),
    ])
    empty = try DataFrame([
      Column("a", doubles: [Double]()), Column("s", strings: [String]()),
      Column("d", dates: [Date?]()),
    ])
  }

  @Test func everyOperationRejectsAnUnknownColumn() throws {
    let calls: [(String, (DataFrame) throws -> Any)] = [
      ("renaming", { try $0.renaming(["zzz": "b"]) }),
      ("sorted", { try $0.sorted(by: "zzz") }),
      ("groupBy value", { try $0.groupBy("s", aggregations: [Aggregation("zzz", .sum)]) }),
      ("unique", { try $0.unique("zzz") }),
      ("mapDoubles", { try $0.mapDoubles("zzz") { $0 } }),
      ("mapStrings", { try $0.mapStrings("zzz") { $0 } }),
      ("combining", { try $0.combining("a", .add, "zzz", as: "c") }),
      ("fillingNulls", { try $0.fillingNulls(.forward, columns: ["zzz"]) }),
      ("duplicated", { try $0.duplicated(subset: ["zzz"]) }),
      ("cut", { try $0.cut("zzz", edges: [0, 1]) }),
      ("qcut", { try $0.qcut("zzz", quantileCount: 2) }),
      ("datePart", { try $0.datePart(.year, of: "zzz") }),
      ("dayDifference", { try $0.dayDifference(from: "d", to: "zzz", as: "g") }),
      ("shift", { try $0.shift("zzz") }),
      ("rolling", { try $0.rolling("zzz", window: 2, .mean) }),
      ("cyclicalEncoding", { try $0.cyclicalEncoding("zzz", period: 7) }),
      ("quantiles", { try $0.quantiles("zzz", [0.5]) }),
      ("skewness", { try $0.skewness("zzz") }),
      ("kurtosis", { try $0.kurtosis("zzz") }),
      ("correlationMatrix", { try $0.correlationMatrix(columns: ["a", "zzz"]) }),
      ("correlations", { try $0.correlations(with: "zzz") }),
      ("outliers", { try $0.outliers("zzz") }),
      ("joined", { try $0.joined(with: $0, on: ["zzz"]) }),
    ]
    for (what, call) in calls {
      do {
        _ = try call(df)
        Issue.record("\(what): expected unknownColumn")
      } catch DataFrameError.unknownColumn(let name, _) {
        #expect(name == "zzz", "\(what)")
      } catch {
        Issue.record("\(what): unexpected \(error)")
      }
    }
  }

  @Test func wrongTypesAreTyped() throws {
    #expect(
      throws: DataFrameError.wrongType(
        column: "s", expected: "numeric (double, int or bool) for corr", actual: .string)
    ) {
      try df.correlationMatrix(columns: ["a", "s"])
    }
    #expect(throws: DataFrameError.wrongType(column: "a", expected: "string", actual: .double)) {
      try df.mapStrings("a") { $0 }
    }
    #expect(throws: DataFrameError.wrongType(column: "s", expected: "date", actual: .string)) {
      try df.dayDifference(from: "s", to: "d", as: "g")
    }
  }

  @Test func emptyFramesGiveEmptyResults() throws {
    #expect(try empty.sorted(by: ["a", "s"]).rowCount == 0)
    #expect(try empty.groupBy("s", aggregations: [Aggregation("a", .median)]).rowCount == 0)
    #expect(try empty.valueCounts("s").rowCount == 0)
    #expect(try empty.unique("a").count == 0)
    #expect(try empty.duplicated() == [])
    #expect(try empty.droppingDuplicates().rowCount == 0)
    #expect(try empty.fillingNulls(.mean).rowCount == 0)
    #expect(try empty.rolling("a", window: 3, .std).count == 0)
    #expect(try empty.shift("s", periods: 2).count == 0)
    #expect(try empty.cut("a", edges: [0, 1]).count == 0)
    #expect(try empty.datePart(.weekday, of: "d").count == 0)
    #expect(try empty.quantile("a", 0.5).isNaN)
    #expect(try empty.skewness("a").isNaN)
    #expect(try empty.outliers("a") == [])
    #expect(throws: DataFrameError.self) { try empty.qcut("a", quantileCount: 2) }
    let d = empty.describe()
    #expect(d.numeric.first?.count == 0)
    #expect(d.numeric.first?.mean.isNaN == true)
    #expect(d.categorical.first?.top == nil)
    let corr = try empty.correlationMatrix()
    #expect(corr.values[0, 0].isNaN)
    let report = try empty.dataQualityReport(target: "s")
    #expect(report.rowCount == 0)
    #expect(report.duplicateRowCount == 0)
    #expect(report.columns.allSatisfy { $0.missingPercent == 0 })
    #expect(try empty.joined(with: df, on: ["a"], how: .left).rowCount == 0)
    #expect(try DataFrame.concatenatingRows([empty, df]).rowCount == 3)
    #expect(try empty.sample(0, seed: 3).rowCount == 0)
    #expect(empty.head().rowCount == 0 && empty.tail().rowCount == 0)
  }

  @Test func reportFlagsNearConstantAndTextRendering() throws {
    var values = [String](repeating: "same", count: 200)
    values[7] = "other"
    let frame = try DataFrame([
      Column("nc", strings: values),
      Column("n", ints: Array(0..<200)),
      Column("twice", doubles: (0..<200).map { -2 * Double($0) }),
    ])
    let r = try frame.dataQualityReport()
    #expect(r.nearConstantColumns == ["nc"])
    #expect(r.likelyIDColumns == ["n"])
    #expect(r.correlatedPairs.count == 1)
    #expect(r.correlatedPairs.first?.correlation == -1)
    #expect(r.columns.first?.topValues.map(\.count) == [199, 1])
    #expect(r.description.contains("near-constant columns: nc"))
    let dup = try DataFrame.concatenatingRows([frame, frame.head(3)])
    #expect(try dup.dataQualityReport().duplicateRowCount == 3)
  }
}

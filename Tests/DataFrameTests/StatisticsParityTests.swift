import DataFrame
import EstimatorChecks
import Foundation
import LinearAlgebra
import Testing

/// Parity with pandas on Tests/Fixtures/dataframe_stats.json (gen_dataframe_stats.py): a frame
/// with nulls, ties, a constant column, a categorical column, an ID column and a target.
@Suite struct StatisticsParityTests {
  let fixture: Fixture
  let frame: DataFrame

  init() throws {
    fixture = try Fixture("dataframe_stats")
    let data = try fixture.child("data")
    var cols: [Column] = []
    for name in try fixture.strings("numeric") {
      let v = try data.vector(name)
      if name == "b" {
        cols.append(Column(name, ints: v.map { Int($0) }))
      } else {
        cols.append(Column(name, doubles: v.map { $0.isNaN ? nil : $0 }))
      }
    }
    for name in try fixture.strings("strings") {
      let s = try data.child(name)
      let values = try s.strings("values")
      let valid = try s.ints("valid")
      let optional = zip(values, valid).map { $1 == 1 ? $0 : nil }
      cols.append(
        name == "cat" ? Column(name, categories: optional) : Column(name, strings: optional))
    }
    frame = try DataFrame(cols)
  }

  var numeric: [String] { (try? fixture.strings("numeric")) ?? [] }

  @Test func describeNumericMatchesPandas() throws {
    let d = frame.describe()
    let expected = try fixture.child("describeNumeric")
    #expect(d.numeric.map(\.column) == numeric)
    for s in d.numeric {
      expectClose(s.values, try expected.vector(s.column), rtol: 1e-12, "describe \(s.column)")
    }
  }

  @Test func describeStringsMatchesPandas() throws {
    let d = frame.describe()
    let expected = try fixture.child("describeStrings")
    #expect(d.categorical.map(\.column) == ["cat", "id", "target"])
    for s in d.categorical {
      let e = try expected.child(s.column)
      #expect(s.count == (try e.int("count")))
      #expect(s.unique == (try e.int("unique")))
      #expect(s.top == (try e.string("top")))
      #expect(s.freq == (try e.int("freq")))
    }
  }

  @Test func quantilesSkewKurtMatchPandas() throws {
    let levels = try fixture.vector("quantileLevels")
    let q = try fixture.child("quantiles")
    let skew = try fixture.child("skew")
    let kurt = try fixture.child("kurt")
    for name in numeric {
      expectClose(try frame.quantiles(name, levels), try q.vector(name), rtol: 1e-12, name)
      expectClose(try frame.skewness(name), try skew.double(name), rtol: 1e-12, "skew \(name)")
      expectClose(try frame.kurtosis(name), try kurt.double(name), rtol: 1e-12, "kurt \(name)")
    }
  }

  @Test func correlationMatricesMatchPandas() throws {
    let p = try frame.correlationMatrix()
    #expect(p.columnNames == numeric)
    expectClose(p.values, try fixture.matrix("pearson"), rtol: 1e-12, "pearson")
    let s = try frame.correlationMatrix(method: .spearman)
    expectClose(s.values, try fixture.matrix("spearman"), rtol: 1e-12, "spearman")
    let w = try frame.correlations(with: "b")
    expectClose(w.map(\.correlation), try fixture.vector("corrWithB"), rtol: 1e-12, "corrwith")
  }

  @Test func qualityReportMatchesPandas() throws {
    let r = try frame.dataQualityReport(target: "target")
    let missing = try fixture.child("missing")
    #expect(r.rowCount == 120)
    #expect(r.columnCount == 8)
    #expect(r.duplicateRowCount == 0)
    for c in r.columns {
      #expect(c.missingCount == (try missing.int(c.name)), "\(c.name)")
      expectClose(c.missingPercent, 100 * Double(try missing.int(c.name)) / 120, rtol: 1e-12)
    }
    #expect(frame.rowNullCounts() == (try fixture.ints("rowNullCounts")))
    #expect(r.constantColumns == ["const"])
    #expect(r.likelyIDColumns == ["id"])
    #expect(r.correlatedPairs.map { [$0.first, $0.second] } == [["a", "c"]])
    expectClose(
      r.correlatedPairs.first?.correlation ?? .nan, try fixture.matrix("pearson")[0, 2],
      rtol: 1e-12)
    let shares = try fixture.child("targetShares")
    let target = try #require(r.target)
    for cls in target.classes {
      expectClose(cls.share, try shares.double(cls.value), rtol: 1e-12, cls.value)
    }
    #expect(target.isImbalanced == (try shares.double("yes") < 0.2))
    let text = r.description
    #expect(text.contains("constant columns: const"))
    #expect(text.contains("likely ID columns: id"))
    #expect(text.contains("highly correlated: a ~ c"))
  }

  @Test func valueCountsMatchPandas() throws {
    let vc = try frame.valueCounts("cat")
    let expected = try fixture.child("valueCounts")
    #expect(try vc.column("cat").strings().compactMap { $0 } == (try expected.strings("values")))
    #expect(try vc.column("count").ints().compactMap { $0 } == (try expected.ints("counts")))
    let normalized = try frame.valueCounts("cat", normalize: true)
    expectClose(
      try normalized.column("proportion").doubles().map { $0 ?? .nan },
      try fixture.vector("valueCountsNormalized"), rtol: 1e-12)
  }

  @Test func groupByMatchesPandas() throws {
    let functions: [AggregateFunction] = [
      .count, .sum, .mean, .median, .min, .max, .std, .nunique, .first, .last,
    ]
    let g = try frame.groupBy("cat", aggregations: functions.map { Aggregation("a", $0) })
    let expected = try fixture.child("groupBy")
    #expect(try g.column("cat").strings().compactMap { $0 } == (try expected.strings("keys")))
    let aggs = try expected.child("aggs")
    for f in functions {
      let values = try g.column("a_\(f.rawValue)").numericValues().map { $0 ?? .nan }
      expectClose(values, try aggs.vector(f.rawValue), rtol: 1e-12, f.rawValue)
    }
    let g2 = try frame.groupBy(["cat", "b"], aggregations: [Aggregation("c", .mean, as: "m")])
    let e2 = try fixture.child("groupBy2")
    #expect(try g2.column("cat").strings().compactMap { $0 } == (try e2.strings("cat")))
    #expect(try g2.column("b").ints().compactMap { $0 } == (try e2.ints("b")))
    expectClose(
      try g2.column("m").doubles().map { $0 ?? .nan }, try e2.vector("mean"), rtol: 1e-12)
  }

  @Test func sortMatchesPandasStableOrder() throws {
    let rowIDs = Column("row", ints: Array(0..<frame.rowCount))
    let withRow = try frame.withColumn(rowIDs)
    let s = try withRow.sorted(by: ["cat", "a"], ascending: [true, false])
    #expect(try s.column("row").ints().compactMap { $0 } == (try fixture.ints("sortCatADesc")))
    let s1 = try withRow.sorted(by: "a")
    #expect(try s1.column("row").ints().compactMap { $0 } == (try fixture.ints("sortA")))
  }

  @Test func windowsShiftsAndBinsMatchPandas() throws {
    func values(_ c: Column) throws -> [Double] { try c.numericValues().map { $0 ?? .nan } }
    expectClose(
      try values(frame.rolling("a", window: 3, .mean)), try fixture.vector("rollingMean3"),
      rtol: 1e-12, "rolling mean")
    expectClose(
      try values(frame.rolling("a", window: 3, .std)), try fixture.vector("rollingStd3"),
      rtol: 1e-12, "rolling std")
    expectClose(
      try values(frame.rolling("a", window: 4, minPeriods: 2, .sum)),
      try fixture.vector("rollingSum4Min2"), rtol: 1e-12, "rolling sum")
    expectClose(try values(frame.shift("a", periods: 2)), try fixture.vector("shift2"))
    expectClose(try values(frame.shift("a", periods: -1)), try fixture.vector("shiftMinus1"))

    let edges = try fixture.vector("cutEdges")
    let cut = try frame.cut("a", edges: edges)
    let labels = Array(Set(try cut.strings().compactMap { $0 }))
    let order = ["(0.0, 5.0]", "(5.0, 10.0]", "(10.0, 15.0]", "(15.0, 30.0]"]
    #expect(labels.allSatisfy(order.contains))
    let codes = try cut.strings().map { $0.flatMap { order.firstIndex(of: $0) } ?? -1 }
    #expect(codes == (try fixture.ints("cutCodes")))

    let (qc, qEdges) = try frame.qcut("a", quantileCount: 4, labels: ["q1", "q2", "q3", "q4"])
    expectClose(qEdges, try fixture.vector("qcut4Edges"), rtol: 1e-12, "qcut edges")
    let qCodes = try qc.strings().map {
      $0.flatMap { ["q1", "q2", "q3", "q4"].firstIndex(of: $0) } ?? -1
    }
    #expect(qCodes == (try fixture.ints("qcut4Codes")))
  }

  @Test func outliersMatchPandasIdioms() throws {
    let z = try frame.outliers("skewed")
    #expect(z.indices.filter { z[$0] } == (try fixture.ints("zOutliers")))
    let iqr = try frame.outliers("skewed", method: .iqr())
    #expect(iqr.indices.filter { iqr[$0] } == (try fixture.ints("iqrOutliers")))
  }

  @Test func duplicatesMatchPandas() throws {
    let dup = try DataFrame([
      Column("k", ints: [1, 2, 1, 3, 2, 1]), Column("v", strings: ["x", "y", "x", "z", "w", "x"]),
    ])
    func ints(_ b: [Bool]) -> [Int] { b.map { $0 ? 1 : 0 } }
    #expect(ints(try dup.duplicated()) == (try fixture.ints("dupFirst")))
    #expect(ints(try dup.duplicated(keep: .last)) == (try fixture.ints("dupLast")))
    #expect(ints(try dup.duplicated(keep: .none)) == (try fixture.ints("dupNone")))
    #expect(ints(try dup.duplicated(subset: ["k"])) == (try fixture.ints("dupSubsetK")))
    #expect(try dup.droppingDuplicates().rowCount == 4)
  }

  @Test func joinsMatchPandasMergeOrder() throws {
    let left = try DataFrame([
      Column("k", ints: [3, 1, 2, 1, 5, 2]), Column("lv", ints: [0, 1, 2, 3, 4, 5]),
    ])
    let right = try DataFrame([
      Column("k", ints: [1, 2, 1, 4, 2]), Column("rv", ints: [10, 11, 12, 13, 14]),
    ])
    let inner = try left.joined(with: right, on: ["k"])
    let e = try fixture.child("mergeInner")
    #expect(try inner.column("lv").ints().compactMap { $0 } == (try e.ints("lv")))
    #expect(try inner.column("rv").ints().compactMap { $0 } == (try e.ints("rv")))
    let leftJoin = try left.joined(with: right, on: ["k"], how: .left)
    let l = try fixture.child("mergeLeft")
    #expect(try leftJoin.column("lv").ints().compactMap { $0 } == (try l.ints("lv")))
    expectClose(
      try leftJoin.column("rv").numericValues().map { $0 ?? .nan }, try l.vector("rv"))
  }

  @Test func datePartsMatchPandas() throws {
    let seconds = try fixture.ints("dateSeconds")
    let frame = try DataFrame([
      Column("t", dates: seconds.map { Date(timeIntervalSince1970: Double($0)) })
    ])
    let expected = try fixture.child("dateParts")
    let parts: [(DatePart, String)] = [
      (.year, "year"), (.month, "month"), (.day, "day"), (.weekday, "weekday"),
      (.quarter, "quarter"), (.dayOfYear, "dayofyear"), (.isMonthStart, "is_month_start"),
      (.isMonthEnd, "is_month_end"),
    ]
    for (part, key) in parts {
      let c = try frame.datePart(part, of: "t")
      let got = try c.numericValues().map { Int($0 ?? -1) }
      #expect(got == (try expected.ints(key)), "\(key)")
    }
  }

  @Test func longRollingWindowsMatchPandas() throws {
    let x = try fixture.vector("longSeries")
    let frame = try DataFrame([Column("x", doubles: x.map { $0.isNaN ? nil : $0 })])
    let expected = try fixture.child("longRolling")
    let stats: [(RollingStatistic, String)] = [
      (.mean, "mean"), (.std, "std"), (.min, "min"), (.max, "max"), (.sum, "sum"),
    ]
    for (stat, key) in stats {
      let got = try frame.rolling("x", window: 100, minPeriods: 20, stat)
      expectClose(
        try got.doubles().map { $0 ?? .nan }, try expected.vector(key), rtol: 1e-12, key)
    }
  }
}

import DataFrame
import Foundation
import Testing

/// The code of Docs/DataFrame.md's operations, statistics and quality sections, kept compiling
/// and checked.
@Suite struct DataFrameGuideTests {
  @Test func operationsSection() throws {
    let df = try DataFrame([
      Column("city", strings: ["Oslo", "Lima", nil, "Oslo"]),
      Column("price", doubles: [3.0, nil, 1.0, 5.0]),
      Column("rooms", ints: [2, 3, 1, 4]),
      Column(
        "sold",
        dates: [
          Date(timeIntervalSince1970: 1_700_000_000), nil,
          Date(timeIntervalSince1970: 1_710_000_000), Date(timeIntervalSince1970: 1_720_000_000),
        ]),
    ])
    let other = try DataFrame([
      Column("city", strings: ["Oslo", "Lima"]), Column("country", strings: ["NO", "PE"]),
    ])
    let small = try df.selecting(["city", "price"])
    let noRooms = try df.dropping(["rooms"])
    let renamed = try df.renaming(["price": "cost"])
    let some = try df.rows([3, 0])
    let cheap = df.filter { ($0.double("price") ?? .infinity) < 4 }
    let first = df.head(2)
    let sample = try df.sample(3, replace: false, seed: 42)
    let sorted = try df.sorted(by: ["city", "price"], ascending: [true, false])
    let both = try DataFrame.concatenatingRows([df, df])
    let joined = try df.joined(with: other, on: ["city"], how: .left)
    let stats = try df.groupBy(
      "city", aggregations: [Aggregation("price", .mean), Aggregation("rooms", .max, as: "most")])
    let counts = try df.valueCounts("city", normalize: true)
    let filled = try df.fillingNulls(.median, columns: ["price"])
    let complete = try df.droppingNulls(how: .any, subset: ["price"])
    let dupes = try df.duplicated(subset: ["city"], keep: .first)
    let perColumn = df.nullCounts()
    let ratio = try df.combining("price", .divide, "rooms", as: "pricePerRoom")
    let withRatio = try df.withColumn(ratio)
    let flagged = try df.withColumn("expensive") { ($0.double("price") ?? 0) > 2 ? 1 : 0 }
    let bins = try df.cut("price", edges: [0, 2, 10])
    let (quartile, edges) = try df.qcut("price", quantileCount: 2)

    #expect(small.columnCount == 2 && noRooms.columnCount == 3)
    #expect(renamed.columnNames.contains("cost"))
    #expect(try some.column("rooms").ints() == [4, 2])
    #expect(cheap.rowCount == 2 && first.rowCount == 2 && sample.rowCount == 3)
    #expect(try sorted.column("rooms").ints() == [3, 4, 2, 1])
    #expect(both.rowCount == 8)
    #expect(try joined.column("country").strings() == ["NO", "PE", nil, "NO"])
    #expect(stats.columnNames == ["city", "price_mean", "most"])
    #expect(try stats.column("price_mean").doubles() == [nil, 4])
    #expect(try counts.column("proportion").doubles() == [2.0 / 3, 1.0 / 3])
    #expect(try filled.column("price").doubles() == [3, 3, 1, 5])
    #expect(complete.rowCount == 3)
    #expect(dupes == [false, false, false, true])
    #expect(perColumn.map(\.count) == [1, 1, 0, 1])
    #expect(try withRatio.column("pricePerRoom").doubles() == [1.5, nil, 1, 1.25])
    #expect(try flagged.column("expensive").doubles() == [1, 0, 0, 1])
    #expect(try bins.strings() == ["(2.0, 10.0]", nil, "(0.0, 2.0]", "(2.0, 10.0]"])
    #expect(edges == [1, 3, 5])
    #expect(quartile.count == 4)

    let month = try df.datePart(.month, of: "sold")
    let gap = try df.dayDifference(from: "sold", to: "sold", as: "zero")
    let lag1 = try df.shift("price", periods: 1)
    let smooth = try df.rolling("price", window: 2, minPeriods: 1, .mean)
    let (monthSin, monthCos) = try df.withColumn(month).cyclicalEncoding(
      "sold_month", period: 12)
    #expect(try month.ints() == [11, nil, 3, 7])
    #expect(try gap.doubles() == [0, nil, 0, 0])
    #expect(try lag1.doubles() == [nil, 3, nil, 1])
    #expect(try smooth.doubles() == [3, 3, 1, 3])
    #expect(monthSin.nullCount == 1 && monthCos.nullCount == 1)
  }

  @Test func statisticsAndQualitySections() throws {
    let df = try DataFrame([
      Column("city", strings: ["Oslo", "Lima", nil, "Oslo", "Oslo"]),
      Column("price", doubles: [3.0, nil, 1.0, 5.0, 4.0]),
      Column("rooms", ints: [2, 3, 1, 4, 4]),
    ])
    let d = df.describe()
    let q = try df.quantiles("price", [0.1, 0.9])
    let g1 = try df.skewness("price")
    let g2 = try df.kurtosis("price")
    let corr = try df.correlationMatrix(method: .spearman)
    let withTarget = try df.correlations(with: "price")
    let outliers = try df.outliers("price", method: .iqr(factor: 1.5))
    #expect(d.numeric.map(\.column) == ["price", "rooms"])
    #expect(d.numeric[0].q75 == 4.25)
    #expect(d.categorical[0].top == "Oslo")
    #expect(d.description.contains("75%"))
    #expect(q.count == 2 && g1.isFinite && g2.isFinite)
    #expect((corr.value("price", "rooms") ?? 0) > 0.9)
    #expect(withTarget.map(\.column) == ["price", "rooms"])
    #expect(outliers == [false, false, false, false, false])

    let report = try df.dataQualityReport(target: "city")
    #expect(report.columns.map(\.missingCount) == [1, 1, 0])
    #expect(report.duplicateRowCount == 0)
    #expect(report.target?.isImbalanced == false)
    #expect(report.correlatedPairs.first?.first == "price")
    #expect(report.description.contains("Data quality report"))
  }
}

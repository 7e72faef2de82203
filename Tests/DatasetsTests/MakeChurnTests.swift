import Datasets
import Foundation
import Testing

/// Splits CSV text into records of fields (RFC 4180: quoted fields, doubled quotes).
func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var inQuotes = false
  var chars = Array(text)[...]
  while let c = chars.popFirst() {
    if inQuotes {
      if c == "\"" {
        if chars.first == "\"" {
          field.append("\"")
          chars = chars.dropFirst()
        } else {
          inQuotes = false
        }
      } else {
        field.append(c)
      }
    } else if c == "\"" {
      inQuotes = true
    } else if c == "," {
      record.append(field)
      field = ""
    } else if c == "\n" {
      record.append(field)
      records.append(record)
      record = []
      field = ""
    } else {
      field.append(c)
    }
  }
  if !field.isEmpty || !record.isEmpty {
    record.append(field)
    records.append(record)
  }
  return records
}

/// Area under the ROC curve of `scores` for 0/1 `labels` (Mann–Whitney, ties count half).
func rocAUC(_ scores: [Double], _ labels: [Int]) -> Double {
  let order = scores.indices.sorted { scores[$0] < scores[$1] }
  var ranks = [Double](repeating: 0, count: scores.count)
  var i = 0
  while i < order.count {
    var j = i
    while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
    for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
    i = j + 1
  }
  let positives = labels.filter { $0 == 1 }.count
  let negatives = labels.count - positives
  let rankSum = labels.indices.filter { labels[$0] == 1 }.map { ranks[$0] }.reduce(0, +)
  return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
}

@Suite struct MakeChurnTests {
  /// The default-size table, made once for the read-only checks.
  static let shared = Result { try makeChurn(seed: 2024) }

  @Test func shapeAndPositiveRate() throws {
    let table = try makeChurn(seed: 2024)
    #expect(table.rowCount == 5000)
    #expect(table.columnNames.count == 16)
    #expect(table.columns.allSatisfy { $0.values.count == 5000 })
    let rate = Double(table.churned.reduce(0, +)) / Double(table.rowCount)
    #expect(rate >= 0.12 && rate <= 0.18, "positive rate \(rate)")
    #expect(Set(table.churned) == [0, 1])
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func positiveRateHoldsAcrossSeeds(_ seed: UInt64) throws {
    let table = try makeChurn(seed: seed)
    let rate = Double(table.churned.reduce(0, +)) / Double(table.rowCount)
    #expect(rate >= 0.12 && rate <= 0.18, "positive rate \(rate)")
  }

  @Test func missingValuesWhereDocumented() throws {
    let table = try Self.shared.get()
    let n = Double(table.rowCount)
    let missing = Dictionary(
      uniqueKeysWithValues: table.columns.map {
        ($0.name, Double($0.values.missingCount) / n)
      })
    for name in ["customer_id", "tenure_months", "contract", "num_products", "churned"] {
      #expect(missing[name] == 0, "\(name)")
    }
    let satisfaction = try #require(missing["satisfaction_score"])
    #expect(satisfaction > 0.06 && satisfaction < 0.12)
    for name in [
      "signup_date", "last_activity_date", "monthly_charges", "total_charges",
      "payment_method", "internet_service", "region", "has_partner",
    ] {
      let fraction = try #require(missing[name])
      #expect(fraction > 0.003 && fraction < 0.07, "\(name): \(fraction)")
    }
    // Structural missingness: no total before the first bill, no subject without a ticket.
    for i in 0..<table.rowCount {
      if table.tenureMonths[i] == 0 { #expect(table.totalCharges[i] == nil) }
      #expect((table.lastTicketSubject[i] == nil) == (table.supportTickets[i] == 0))
    }
  }

  @Test func exactDuplicateRowsArePresent() throws {
    let table = try Self.shared.get()
    let lines = table.csv().split(separator: "\n").dropFirst()
    #expect(lines.count == 5000)
    #expect(lines.count - Set(lines).count == 50)  // 1 % of the rows
    #expect(Set(table.customerID).count == 4950)
  }

  @Test func outliersArePresent() throws {
    let table = try Self.shared.get()
    let charges = table.monthlyCharges.compactMap { $0 }
    let totals = table.totalCharges.compactMap { $0 }
    #expect(charges.filter { $0 > 1000 }.count == 10)
    #expect(totals.filter { $0 < 0 }.count == 5)
    #expect(totals.filter { $0 == 999_999.99 }.count == 5)
    // Everything else is in its plausible range.
    #expect(charges.filter { $0 <= 1000 }.allSatisfy { $0 >= 18.25 && $0 < 200 })
    #expect(table.tenureMonths.compactMap { $0 }.allSatisfy { $0 >= 0 && $0 <= 72 })
    #expect(table.satisfactionScore.compactMap { $0 }.allSatisfy { (1...5).contains($0) })
    #expect(table.productCount.allSatisfy { (1...5).contains($0) })
  }

  @Test func valuesAreConsistent() throws {
    let table = try Self.shared.get()
    #expect(table.customerID.allSatisfy { $0.count == 7 && $0.hasPrefix("C") })
    #expect(Set(table.contract.compactMap { $0 }) == ["month-to-month", "one-year", "two-year"])
    #expect(Set(table.internetService.compactMap { $0 }) == ["DSL", "Fiber optic", "None"])
    #expect(Set(table.paymentMethod.compactMap { $0 }).count == 4)
    #expect(Set(table.region.compactMap { $0 }).count == 5)
    var ratios: [Double] = []
    for i in 0..<table.rowCount {
      if let signup = table.signupDate[i], let last = table.lastActivityDate[i] {
        #expect(signup <= last)
      }
      if let tenure = table.tenureMonths[i], tenure > 0, let monthly = table.monthlyCharges[i],
        let total = table.totalCharges[i], monthly < 1000, total > 0, total < 999_999
      {
        ratios.append(total / (tenure * monthly))
      }
    }
    let meanRatio = ratios.reduce(0, +) / Double(ratios.count)
    #expect(abs(meanRatio - 1) < 0.01)
  }

  @Test func theDocumentedModelIsLearnable() throws {
    // Scoring rows with the documented coefficients (skipping incomplete rows and outliers)
    // ranks churners well above the rest.
    let t = try Self.shared.get()
    var scores: [Double] = []
    var labels: [Int] = []
    for i in 0..<t.rowCount {
      guard let tenure = t.tenureMonths[i], let monthly = t.monthlyCharges[i], monthly < 1000,
        let satisfaction = t.satisfactionScore[i], let contract = t.contract[i],
        let payment = t.paymentMethod[i], let internet = t.internetService[i],
        let partner = t.hasPartner[i]
      else { continue }
      var z = -2.45 - 0.03 * tenure + 0.02 * (monthly - 60)
      z += contract == "month-to-month" ? 1.2 : (contract == "two-year" ? -1.1 : 0)
      z += 0.25 * Double(t.supportTickets[i]) - 0.5 * (satisfaction - 3)
      z += (payment == "Electronic check" ? 0.4 : 0) + (internet == "Fiber optic" ? 0.3 : 0)
      z += partner ? -0.2 : 0
      scores.append(z)
      labels.append(t.churned[i])
    }
    let auc = rocAUC(scores, labels)
    #expect(auc > 0.78 && auc < 0.9, "AUC \(auc)")
    // Month-to-month customers churn far more than two-year ones.
    func rate(_ contract: String) -> Double {
      let rows = t.contract.indices.filter { t.contract[$0] == contract }
      return Double(rows.map { t.churned[$0] }.reduce(0, +)) / Double(rows.count)
    }
    #expect(rate("month-to-month") > 3 * rate("two-year"))
  }

  @Test func sameSeedSameTableDifferentSeedDifferentTable() throws {
    let a = try makeChurn(customerCount: 300, seed: 5)
    let b = try makeChurn(customerCount: 300, seed: 5)
    let c = try makeChurn(customerCount: 300, seed: 6)
    #expect(a == b)
    #expect(a.csv() == b.csv())
    #expect(a != c)
  }

  @Test func csvRoundTripsStructurally() throws {
    let table = try Self.shared.get()
    let text = table.csv()
    let records = parseCSV(text)
    #expect(records.count == table.rowCount + 1)
    #expect(records.first == ChurnTable.columnNames)
    #expect(records.allSatisfy { $0.count == 16 })
    let body = records.dropFirst()
    #expect(body.map { $0[0] } == table.customerID)
    #expect(body.map { Int($0[15]) } == table.churned.map { Optional($0) })
    // Quoted free text comes back unchanged; missing values are empty fields.
    #expect(body.map { $0[13] } == table.lastTicketSubject.map { $0 ?? "" })
    #expect(text.contains("\"Router \"\"keeps dropping\"\" the connection\""))
    #expect(text.contains("\"Slow internet, speeds below plan\""))
    #expect(body.map { Double($0[14]) } == table.satisfactionScore)
    #expect(body.map { Double($0[4]) } == table.monthlyCharges)
    let datePattern = /^\d{4}-\d{2}-\d{2}$/
    for record in body {
      for field in [record[1], record[2]] where !field.isEmpty {
        #expect(field.wholeMatch(of: datePattern) != nil, "\(field)")
      }
      #expect(["", "true", "false"].contains(record[11]))
    }
    let maxSignup = body.map { $0[1] }.filter { !$0.isEmpty }.max()
    #expect(maxSignup.map { $0 <= "2024-12-31" } == true)
  }

  @Test func columnLookup() throws {
    let table = try makeChurn(customerCount: 20, seed: 9)
    guard case let .double(charges) = try table.column("monthly_charges") else {
      Issue.record("monthly_charges is not a double column")
      return
    }
    #expect(charges == table.monthlyCharges)
    #expect(throws: DatasetError.unknownColumn(name: "zip", available: ChurnTable.columnNames)) {
      _ = try table.column("zip")
    }
  }

  @Test func smallTablesAndBadCounts() throws {
    let one = try makeChurn(customerCount: 1, seed: 0)
    #expect(one.rowCount == 1)
    #expect(one.customerID == ["C000001"])
    expectInvalidParameter("customerCount") { _ = try makeChurn(customerCount: 0, seed: 0) }
  }
}

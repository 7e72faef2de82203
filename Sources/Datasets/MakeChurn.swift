import Foundation
import LinearAlgebra

/// Generates a realistic, messy customer-churn table for a telecom-style subscription
/// business.
///
/// No scikit-learn equivalent: this is the kind of table a data scientist meets at work,
/// built for end-to-end examples (cleaning, encoding, imputation, leakage, class imbalance).
/// See ``ChurnTable`` for the columns; the same seed always gives the same table.
///
/// **The generating model.** The data are a snapshot taken on 2024-12-31. For each customer:
/// - `contract` ~ month-to-month 55 %, one-year 24 %, two-year 21 %.
/// - `tenure_months`: month-to-month ⌊Exponential(mean 15)⌋ capped at 72; one-year
///   round(N(30, 15²)) and two-year round(N(46, 16²)), both clipped to 1…72.
/// - `internet_service` ~ DSL 35 %, Fiber optic 44 %, None 21 %.
/// - `num_products`: without internet 1 or 2 (2 with probability 0.3); otherwise
///   1 + min(4, Poisson(0.9)).
/// - `monthly_charges` = base + step · (products − 1) + N(0, sd²), rounded to cents and at
///   least 18.25, with (base, step, sd) = (20, 3, 2) without internet, (45, 8, 6) for DSL,
///   (72, 10, 8) for fiber.
/// - `payment_method` ~ (electronic check, mailed check, bank transfer, credit card) with
///   probabilities (.45, .20, .18, .17) on month-to-month contracts, (.18, .20, .31, .31)
///   otherwise.
/// - `region` ~ North 22 %, South 24 %, East 18 %, West 26 %, Central 10 % (no effect on
///   churn: a pure noise feature).
/// - `has_partner` ~ Bernoulli(0.35 + 0.004 · tenure).
/// - `support_tickets` ~ Poisson(0.6 + 0.5 · fiber + 0.15 · (products − 1)).
/// - `satisfaction_score` = round(3.7 − 0.4 · tickets − 0.25 · fiber + 0.008 · tenure +
///   N(0, 0.9²)) clipped to 1…5.
/// - **Churn** ~ Bernoulli(σ(z)) with
///   `z = −2.45 + 1.2·[month-to-month] − 1.1·[two-year] − 0.03·tenure
///   + 0.02·(monthly_charges − 60) + 0.25·support_tickets − 0.5·(satisfaction − 3)
///   + 0.4·[electronic check] + 0.3·[fiber] − 0.2·[has_partner]`,
///   which gives about 15 % churners; a logistic regression on the table (imputed, one-hot
///   encoded) reaches a ROC-AUC of about 0.84, as high as scoring with the true `z`.
/// - `total_charges` = round(tenure · monthly · (1 + N(0, 0.04²)), cents), at least 0; missing
///   when tenure is 0 (not billed yet).
/// - `signup_date` = snapshot − ⌊30.44 · tenure⌋ − U{0…29} days.
/// - `last_activity_date` = snapshot − ⌊Exponential(mean 30)⌋ days for churners,
///   − ⌊Exponential(mean 10)⌋ for others, never before sign-up. It is recorded *after* the
///   outcome, so it leaks the target: leave it out of an honest model.
/// - `last_ticket_subject`: a random subject from six (some with commas and quotes) when the
///   customer opened a ticket, else `nil` (structurally missing, not an error).
///
/// **The mess**, added after the outcome is drawn (so it does not change the model):
/// - Values missing completely at random: satisfaction 9 %, has_partner 4 %, payment method
///   3 %, region 2.5 %, monthly charges 2 %, internet service 1.5 %, total charges 1.5 %
///   (besides tenure 0), signup date 1 %, last activity date 1 %.
/// - Outliers: round(0.2 %) of the rows have monthly charges entered in cents (× 100),
///   round(0.1 %) a negative total (a refund booked with the wrong sign) and round(0.1 %) the
///   placeholder total 999999.99.
/// - Exact duplicates: round(1 %) of the rows are copies of other rows (a double-loaded
///   extract), included in `customerCount`. Rows are then shuffled; IDs are `C` and a
///   zero-padded number of at least six digits.
///
/// - Parameters:
///   - customerCount: Rows of the table, duplicates included; default 5000, at least 1.
///   - seed: Seed of the random stream.
/// - Returns: The table.
/// - Throws: ``DatasetError/invalidParameter(name:value:expected:)`` naming `customerCount`.
/// - Complexity: O(customerCount).
///
///     let table = try makeChurn(seed: 7)
///     let rate = Double(table.churned.reduce(0, +)) / Double(table.rowCount)   // ≈ 0.15
public func makeChurn(customerCount: Int = 5000, seed: UInt64) throws -> ChurnTable {
  try requireCount(customerCount, name: "customerCount", minimum: 1)
  var generator = SeededGenerator(seed: seed)
  let duplicateCount = min(
    Int((Double(customerCount) * ChurnModel.duplicateRate).rounded()), customerCount - 1)
  let uniqueCount = customerCount - duplicateCount
  var table = cleanChurnCustomers(count: uniqueCount, using: &generator)
  injectMissingValues(into: &table, using: &generator)
  injectOutliers(into: &table, using: &generator)
  var order = Array(0..<uniqueCount)
  order += distinctIntegers(duplicateCount, below: uniqueCount, using: &generator)
  generator.shuffle(&order)
  return table.selectingRows(order)
}

/// The constants of the churn model (documented on ``makeChurn(customerCount:seed:)``).
enum ChurnModel {
  static let snapshotDay = dayNumber(year: 2024, month: 12, day: 31)
  static let contracts = ["month-to-month", "one-year", "two-year"]
  static let contractShares = [0.55, 0.24, 0.21]
  static let internetServices = ["DSL", "Fiber optic", "None"]
  static let internetShares = [0.35, 0.44, 0.21]
  static let paymentMethods = [
    "Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)",
  ]
  static let paymentSharesMonthly = [0.45, 0.20, 0.18, 0.17]
  static let paymentSharesLonger = [0.18, 0.20, 0.31, 0.31]
  static let regions = ["North", "South", "East", "West", "Central"]
  static let regionShares = [0.22, 0.24, 0.18, 0.26, 0.10]
  static let ticketSubjects = [
    "Billing question",
    "Slow internet, speeds below plan",
    "Router \"keeps dropping\" the connection",
    "Price increase",
    "Move service to a new address",
    "Technical issue",
  ]
  // Logistic churn model.
  static let intercept = -2.45
  static let monthToMonth = 1.2
  static let twoYear = -1.1
  static let perTenureMonth = -0.03
  static let perChargeAbove60 = 0.02
  static let perTicket = 0.25
  static let perSatisfactionAbove3 = -0.5
  static let electronicCheck = 0.4
  static let fiber = 0.3
  static let partner = -0.2
  // Mess.
  static let duplicateRate = 0.01
  static let centsOutlierRate = 0.002
  static let negativeTotalRate = 0.001
  static let placeholderTotalRate = 0.001
  static let placeholderTotal = 999_999.99
}

/// `count` customers drawn from the model, before missing values, outliers and duplicates.
func cleanChurnCustomers(count n: Int, using g: inout SeededGenerator) -> ChurnTable {
  var table = ChurnTable(
    customerID: [], signupDate: [], lastActivityDate: [], tenureMonths: [],
    monthlyCharges: [], totalCharges: [], contract: [], paymentMethod: [],
    internetService: [], region: [], productCount: [], hasPartner: [], supportTickets: [],
    lastTicketSubject: [], satisfactionScore: [], churned: [])
  let idWidth = max(6, String(n).count)
  let snapshot = ChurnModel.snapshotDay
  for i in 0..<n {
    let contract = pick(ChurnModel.contractShares, &g)
    let tenure: Double
    switch contract {
    case 0: tenure = min((exponential(mean: 15, &g)).rounded(.down), 72)
    case 1: tenure = min(max((30 + 15 * g.nextGaussian()).rounded(), 1), 72)
    default: tenure = min(max((46 + 16 * g.nextGaussian()).rounded(), 1), 72)
    }
    let internet = pick(ChurnModel.internetShares, &g)
    let isFiber = internet == 1
    let products =
      internet == 2
      ? 1 + (g.nextUniform() < 0.3 ? 1 : 0) : 1 + min(4, poisson(0.9, &g))
    let (base, step, sd): (Double, Double, Double) =
      internet == 2 ? (20, 3, 2) : (internet == 0 ? (45, 8, 6) : (72, 10, 8))
    let monthly = cents(max(base + step * Double(products - 1) + sd * g.nextGaussian(), 18.25))
    let payment = pick(
      contract == 0 ? ChurnModel.paymentSharesMonthly : ChurnModel.paymentSharesLonger, &g)
    let region = pick(ChurnModel.regionShares, &g)
    let partner = g.nextUniform() < 0.35 + 0.004 * tenure
    let tickets = poisson(0.6 + 0.5 * (isFiber ? 1 : 0) + 0.15 * Double(products - 1), &g)
    let latent =
      3.7 - 0.4 * Double(tickets) - 0.25 * (isFiber ? 1 : 0) + 0.008 * tenure
      + 0.9 * g.nextGaussian()
    let satisfaction = min(max(latent.rounded(), 1), 5)

    var z = ChurnModel.intercept + ChurnModel.perTenureMonth * tenure
    z += contract == 0 ? ChurnModel.monthToMonth : (contract == 2 ? ChurnModel.twoYear : 0)
    z += ChurnModel.perChargeAbove60 * (monthly - 60)
    z += ChurnModel.perTicket * Double(tickets)
    z += ChurnModel.perSatisfactionAbove3 * (satisfaction - 3)
    z += payment == 0 ? ChurnModel.electronicCheck : 0
    z += isFiber ? ChurnModel.fiber : 0
    z += partner ? ChurnModel.partner : 0
    let churned = g.nextUniform() < 1 / (1 + exp(-z)) ? 1 : 0

    let total: Double? =
      tenure == 0 ? nil : cents(max(tenure * monthly * (1 + 0.04 * g.nextGaussian()), 0))
    let signup = snapshot - Int(30.44 * tenure) - g.nextInt(below: 30)
    let idle = exponential(mean: churned == 1 ? 30 : 10, &g).rounded(.down)
    let lastActivity = max(snapshot - Int(min(idle, 10_000)), signup)
    let subject: String? =
      tickets == 0
      ? nil : ChurnModel.ticketSubjects[g.nextInt(below: ChurnModel.ticketSubjects.count)]

    let number = String(i + 1)
    table.customerID.append(
      "C" + String(repeating: "0", count: max(0, idWidth - number.count)) + number)
    table.signupDate.append(date(dayNumber: signup))
    table.lastActivityDate.append(date(dayNumber: lastActivity))
    table.tenureMonths.append(tenure)
    table.monthlyCharges.append(monthly)
    table.totalCharges.append(total)
    table.contract.append(ChurnModel.contracts[contract])
    table.paymentMethod.append(ChurnModel.paymentMethods[payment])
    table.internetService.append(ChurnModel.internetServices[internet])
    table.region.append(ChurnModel.regions[region])
    table.productCount.append(products)
    table.hasPartner.append(partner)
    table.supportTickets.append(tickets)
    table.lastTicketSubject.append(subject)
    table.satisfactionScore.append(satisfaction)
    table.churned.append(churned)
  }
  return table
}

/// Blanks cells completely at random, column by column, at the documented rates.
func injectMissingValues(into table: inout ChurnTable, using g: inout SeededGenerator) {
  func blank<T>(_ values: inout [T?], rate: Double) {
    for i in values.indices where g.nextUniform() < rate { values[i] = nil }
  }
  blank(&table.satisfactionScore, rate: 0.09)
  blank(&table.hasPartner, rate: 0.04)
  blank(&table.paymentMethod, rate: 0.03)
  blank(&table.region, rate: 0.025)
  blank(&table.monthlyCharges, rate: 0.02)
  blank(&table.internetService, rate: 0.015)
  blank(&table.totalCharges, rate: 0.015)
  blank(&table.signupDate, rate: 0.01)
  blank(&table.lastActivityDate, rate: 0.01)
}

/// Plants the documented outliers in distinct rows that have a value to corrupt.
func injectOutliers(into table: inout ChurnTable, using g: inout SeededGenerator) {
  let n = Double(table.rowCount)
  func rows(rate: Double, among values: [Double?]) -> [Int] {
    let candidates = values.indices.filter { values[$0] != nil }
    let wanted = min(Int((n * rate).rounded()), candidates.count)
    return distinctIntegers(wanted, below: candidates.count, using: &g).map { candidates[$0] }
  }
  for i in rows(rate: ChurnModel.centsOutlierRate, among: table.monthlyCharges) {
    table.monthlyCharges[i] = table.monthlyCharges[i].map { cents($0 * 100) }
  }
  let positiveTotals = table.totalCharges.map { value in value.flatMap { $0 > 0 ? $0 : nil } }
  let negative = rows(rate: ChurnModel.negativeTotalRate, among: positiveTotals)
  for i in negative { table.totalCharges[i] = table.totalCharges[i].map { -$0 } }
  var remaining = table.totalCharges
  for i in negative { remaining[i] = nil }
  for i in rows(rate: ChurnModel.placeholderTotalRate, among: remaining) {
    table.totalCharges[i] = ChurnModel.placeholderTotal
  }
}

/// The index drawn from a categorical distribution given by `shares` (summing to 1).
func pick(_ shares: [Double], _ g: inout SeededGenerator) -> Int {
  let u = g.nextUniform()
  var cumulative = 0.0
  for (k, share) in shares.enumerated() {
    cumulative += share
    if u < cumulative { return k }
  }
  return shares.count - 1
}

/// A Poisson draw (Knuth's multiplication method; fine for the small means used here).
func poisson(_ mean: Double, _ g: inout SeededGenerator) -> Int {
  let limit = exp(-mean)
  var k = 0
  var product = g.nextUniform()
  while product > limit && k < 1000 {
    k += 1
    product *= g.nextUniform()
  }
  return k
}

/// An exponential draw with the given mean.
func exponential(mean: Double, _ g: inout SeededGenerator) -> Double {
  -mean * log(1 - g.nextUniform())
}

/// Rounded to cents.
func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }

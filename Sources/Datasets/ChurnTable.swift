import Foundation

/// A synthetic customer-churn table with typed, nullable columns, made by
/// ``makeChurn(customerCount:seed:)``.
///
/// It looks like an extract a data scientist gets at work: an identifier column, dates,
/// numeric and categorical columns, a free-text column, missing values (`nil`), a few exact
/// duplicate rows, a few absurd values, and the target `churned` (0/1). scikit-learn has no
/// equivalent; its role is that of a `pandas.DataFrame` read from a CSV. The `DataFrame`
/// module wraps it; until then ``columns`` and ``column(_:)`` give type-tagged columns and
/// ``csv()`` exports it.
///
/// Columns, in order (Swift property — CSV name — type):
/// - ``customerID`` — `customer_id` — `String`, like `"C000123"`; a likely-ID column (unique
///   except in duplicated rows).
/// - ``signupDate`` — `signup_date` — `Date?` (midnight UTC).
/// - ``lastActivityDate`` — `last_activity_date` — `Date?`; recorded after the churn outcome,
///   so it leaks the target (see ``makeChurn(customerCount:seed:)``).
/// - ``tenureMonths`` — `tenure_months` — `Double?`, whole months 0–72 (never missing).
/// - ``monthlyCharges`` — `monthly_charges` — `Double?`, currency with cents.
/// - ``totalCharges`` — `total_charges` — `Double?`, about tenure × monthly charges; missing
///   for customers in their first month.
/// - ``contract`` — `contract` — `String?`: `"month-to-month"`, `"one-year"`, `"two-year"`
///   (never missing).
/// - ``paymentMethod`` — `payment_method` — `String?`: `"Electronic check"`,
///   `"Mailed check"`, `"Bank transfer (automatic)"`, `"Credit card (automatic)"`.
/// - ``internetService`` — `internet_service` — `String?`: `"DSL"`, `"Fiber optic"`,
///   `"None"` (the text "None", not a missing value; pandas' `read_csv` treats it as missing
///   unless given `keep_default_na=False`).
/// - ``region`` — `region` — `String?`: `"North"`, `"South"`, `"East"`, `"West"`,
///   `"Central"`.
/// - ``productCount`` — `num_products` — `Int`, 1–5.
/// - ``hasPartner`` — `has_partner` — `Bool?`.
/// - ``supportTickets`` — `support_tickets` — `Int`, tickets in the last year.
/// - ``lastTicketSubject`` — `last_ticket_subject` — `String?`, free text (some with commas
///   and quotes); `nil` when there was no ticket.
/// - ``satisfactionScore`` — `satisfaction_score` — `Double?`, whole numbers 1–5.
/// - ``churned`` — `churned` — `Int`, 1 if the customer left (the target).
///
///     let table = try makeChurn(customerCount: 1000, seed: 42)
///     table.rowCount                       // 1000
///     let text = table.csv()               // header + 1000 lines
public struct ChurnTable: Sendable, Hashable {
  /// A column's values tagged with their type, for generic access and conversion.
  public enum Column: Sendable, Hashable {
    /// Text, `nil` for missing.
    case string([String?])
    /// Real numbers, `nil` for missing.
    case double([Double?])
    /// Whole numbers, never missing.
    case int([Int])
    /// Booleans, `nil` for missing.
    case bool([Bool?])
    /// Calendar days at midnight UTC, `nil` for missing.
    case date([Date?])

    /// The number of values.
    public var count: Int {
      switch self {
      case let .string(v): return v.count
      case let .double(v): return v.count
      case let .int(v): return v.count
      case let .bool(v): return v.count
      case let .date(v): return v.count
      }
    }

    /// The number of missing (`nil`) values.
    public var missingCount: Int {
      switch self {
      case let .string(v): return v.lazy.filter { $0 == nil }.count
      case let .double(v): return v.lazy.filter { $0 == nil }.count
      case .int: return 0
      case let .bool(v): return v.lazy.filter { $0 == nil }.count
      case let .date(v): return v.lazy.filter { $0 == nil }.count
      }
    }
  }

  /// The column names, in order, as written in the CSV header.
  public static let columnNames: [String] = [
    "customer_id", "signup_date", "last_activity_date", "tenure_months", "monthly_charges",
    "total_charges", "contract", "payment_method", "internet_service", "region",
    "num_products", "has_partner", "support_tickets", "last_ticket_subject",
    "satisfaction_score", "churned",
  ]

  /// `customer_id`: identifiers such as `"C000123"`.
  public internal(set) var customerID: [String]
  /// `signup_date`: the day the customer signed up.
  public internal(set) var signupDate: [Date?]
  /// `last_activity_date`: the customer's last recorded activity (leaks the target).
  public internal(set) var lastActivityDate: [Date?]
  /// `tenure_months`: whole months since sign-up, 0–72.
  public internal(set) var tenureMonths: [Double?]
  /// `monthly_charges`: the current monthly bill.
  public internal(set) var monthlyCharges: [Double?]
  /// `total_charges`: everything billed so far.
  public internal(set) var totalCharges: [Double?]
  /// `contract`: `"month-to-month"`, `"one-year"` or `"two-year"`.
  public internal(set) var contract: [String?]
  /// `payment_method`: one of four payment methods.
  public internal(set) var paymentMethod: [String?]
  /// `internet_service`: `"DSL"`, `"Fiber optic"` or `"None"`.
  public internal(set) var internetService: [String?]
  /// `region`: one of five sales regions.
  public internal(set) var region: [String?]
  /// `num_products`: products subscribed, 1–5.
  public internal(set) var productCount: [Int]
  /// `has_partner`: whether the customer has a partner.
  public internal(set) var hasPartner: [Bool?]
  /// `support_tickets`: support tickets opened in the last year.
  public internal(set) var supportTickets: [Int]
  /// `last_ticket_subject`: free-text subject of the latest ticket.
  public internal(set) var lastTicketSubject: [String?]
  /// `satisfaction_score`: survey answer 1–5, often unanswered.
  public internal(set) var satisfactionScore: [Double?]
  /// `churned`: 1 if the customer left, else 0 (the target).
  public internal(set) var churned: [Int]

  /// The column names in order (the same as ``ChurnTable/columnNames-swift.type.property``).
  public var columnNames: [String] { ChurnTable.columnNames }

  /// The number of rows.
  public var rowCount: Int { customerID.count }

  /// Every column with its name, in ``columnNames-swift.property`` order.
  ///
  ///     for (name, column) in table.columns { print(name, column.missingCount) }
  public var columns: [(name: String, values: Column)] {
    [
      ("customer_id", .string(customerID.map { Optional($0) })),
      ("signup_date", .date(signupDate)),
      ("last_activity_date", .date(lastActivityDate)),
      ("tenure_months", .double(tenureMonths)),
      ("monthly_charges", .double(monthlyCharges)),
      ("total_charges", .double(totalCharges)),
      ("contract", .string(contract)),
      ("payment_method", .string(paymentMethod)),
      ("internet_service", .string(internetService)),
      ("region", .string(region)),
      ("num_products", .int(productCount)),
      ("has_partner", .bool(hasPartner)),
      ("support_tickets", .int(supportTickets)),
      ("last_ticket_subject", .string(lastTicketSubject)),
      ("satisfaction_score", .double(satisfactionScore)),
      ("churned", .int(churned)),
    ]
  }

  /// The column with the given CSV name.
  ///
  /// - Throws: ``DatasetError/unknownColumn(name:available:)`` for a name not in
  ///   ``columnNames-swift.property``.
  ///
  ///     if case let .double(charges) = try table.column("monthly_charges") { ... }
  public func column(_ name: String) throws -> Column {
    guard let match = columns.first(where: { $0.name == name }) else {
      throw DatasetError.unknownColumn(name: name, available: columnNames)
    }
    return match.values
  }

  /// The rows at `indices`, in that order (used to duplicate and shuffle rows).
  func selectingRows(_ indices: [Int]) -> ChurnTable {
    ChurnTable(
      customerID: indices.map { customerID[$0] },
      signupDate: indices.map { signupDate[$0] },
      lastActivityDate: indices.map { lastActivityDate[$0] },
      tenureMonths: indices.map { tenureMonths[$0] },
      monthlyCharges: indices.map { monthlyCharges[$0] },
      totalCharges: indices.map { totalCharges[$0] },
      contract: indices.map { contract[$0] },
      paymentMethod: indices.map { paymentMethod[$0] },
      internetService: indices.map { internetService[$0] },
      region: indices.map { region[$0] },
      productCount: indices.map { productCount[$0] },
      hasPartner: indices.map { hasPartner[$0] },
      supportTickets: indices.map { supportTickets[$0] },
      lastTicketSubject: indices.map { lastTicketSubject[$0] },
      satisfactionScore: indices.map { satisfactionScore[$0] },
      churned: indices.map { churned[$0] })
  }
}

import Foundation
import SwiftLearn
import Testing

/// The issue's acceptance scenario with the library's own transformers: numeric columns imputed
/// and scaled, categorical columns imputed and one-hot encoded, dates expanded into parts, in a
/// frame pipeline over `makeChurn` data.
@Suite("ColumnTransformer over makeChurn with the real transformers")
struct ChurnColumnTransformerTests {
  static func columns() -> some FrameTransformerEstimator {
    ColumnTransformer {
      ColumnBranch(
        "numeric", .names(["tenure_months", "monthly_charges", "total_charges", "support_tickets"])
      ) {
        SimpleImputer(strategy: .median)
        StandardScaler()
      }
      ColumnBranch("categorical", .names(["contract", "payment_method", "internet_service"])) {
        SimpleImputer(strategy: .mostFrequent)
        OneHotEncoder(handleUnknown: .ignore)
      }
      ColumnBranch("dates", .names(["signup_date"])) {
        DateParts(parts: [.year, .month])
        SimpleImputer(strategy: .median)
      }
    }
  }

  @Test("fits, predicts, names its features, saves to one file and reloads identically")
  func churnModel() throws {
    let table = try makeChurn(customerCount: 800, seed: 5)
    let frame = try table.frame.dropping(["churned"])
    let labels = table.churned.map { $0 == 1 ? "churned" : "stayed" }
    #expect(try frame.column("total_charges").nullCount > 0)
    let train = try frame.rows(Array(0..<600))
    let test = try frame.rows(Array(600..<800))
    let model = try FramePipeline(Self.columns(), LogisticRegression<String>(maxIter: 500))
      .fit(train, Array(labels[0..<600]))
    let predictions = try model.predict(test)
    #expect(predictions.count == 200)
    #expect(Set(predictions).isSubset(of: ["churned", "stayed"]))
    let names = model.featureNamesOut
    #expect(names.count == model.last.featureCount)
    #expect(names.first == "numeric__tenure_months")
    #expect(names.contains("categorical__contract_month-to-month"))
    #expect(names.contains("dates__signup_date_year"))
    // Coefficients by feature name line up with the output columns.
    let byName = model.coefficientsByFeature()
    #expect(byName.count == 1 && byName[0].map(\.feature) == names)

    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("swiftlearn-churn-real-\(UInt32.random(in: 0...UInt32.max)).json")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.save(to: url)
    let loaded = try type(of: model).load(from: url)
    #expect(try loaded.predict(test) == predictions)
    #expect(try loaded.predictProbabilities(test) == model.predictProbabilities(test))
    // A column the model needs that is missing at predict time is named in the error.
    do {
      _ = try model.predict(test.dropping(["payment_method"]))
      Issue.record("no error for a missing column")
    } catch {
      #expect("\(error)".contains("payment_method"), "\(error)")
    }
  }
}

import EstimatorChecks
import Foundation
import SwiftLearn

// Small frame transformers for the composition tests. The real imputers and encoders are
// built elsewhere; these follow scikit-learn's SimpleImputer(mean / most_frequent) and
// OneHotEncoder(handle_unknown="error") closely enough for the parity fixture.

/// Replaces nulls and NaN in numeric columns by the column mean of the training rows.
struct MeanImputer: Estimator, FrameTransformerEstimator, DefaultInitializable, Hashable {
  static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  func fit(_ frame: DataFrame) throws -> Fitted {
    guard frame.columnCount > 0, frame.rowCount > 0 else {
      throw LearnError.emptyInput(input: "X", reason: "no rows or no columns")
    }
    var means: [Double] = []
    for column in frame.columns {
      let present = try column.numericValues().compactMap { $0 }.filter { !$0.isNaN }
      guard !present.isEmpty else {
        throw LearnError.unsupportedInput(input: column.name, reason: "all values missing")
      }
      means.append(present.reduce(0, +) / Double(present.count))
    }
    return Fitted(inputColumnNames: frame.columnNames, means: means)
  }

  struct Fitted: FrameTransformer, Hashable {
    let inputColumnNames: [String]
    let means: [Double]
    var outputColumnNames: [String] { inputColumnNames }

    func transform(_ frame: DataFrame) throws -> DataFrame {
      var columns: [Column] = []
      for (name, mean) in zip(inputColumnNames, means) {
        let values = try frame.column(name).numericValues()
        columns.append(
          Column(name, doubles: values.map { v in v.map { $0.isNaN ? mean : $0 } ?? mean }))
      }
      return try DataFrame(columns)
    }
  }
}

/// Replaces nulls in string columns by the most frequent training value (smallest on ties).
struct MostFrequentImputer: Estimator, FrameTransformerEstimator, DefaultInitializable, Hashable {
  static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  func fit(_ frame: DataFrame) throws -> Fitted {
    var fills: [String] = []
    for column in frame.columns {
      var counts: [String: Int] = [:]
      for value in try column.strings() { if let value { counts[value, default: 0] += 1 } }
      let best = counts.values.max() ?? 0
      guard let fill = counts.filter({ $0.value == best }).keys.min() else {
        throw LearnError.unsupportedInput(input: column.name, reason: "all values missing")
      }
      fills.append(fill)
    }
    return Fitted(inputColumnNames: frame.columnNames, fills: fills)
  }

  struct Fitted: FrameTransformer, Hashable {
    let inputColumnNames: [String]
    let fills: [String]
    var outputColumnNames: [String] { inputColumnNames }

    func transform(_ frame: DataFrame) throws -> DataFrame {
      var columns: [Column] = []
      for (name, fill) in zip(inputColumnNames, fills) {
        let values = try frame.column(name).strings()
        columns.append(Column(name, strings: values.map { $0 ?? fill }))
      }
      return try DataFrame(columns)
    }
  }
}

/// One 0/1 column per sorted category, named `column_category`; unknown categories throw.
struct OneHot: Estimator, FrameTransformerEstimator, DefaultInitializable, Hashable {
  func fit(_ frame: DataFrame) throws -> Fitted {
    var categories: [[String]] = []
    for column in frame.columns {
      let values = try column.strings()
      guard values.allSatisfy({ $0 != nil }) else {
        throw LearnError.unsupportedInput(input: column.name, reason: "contains nulls")
      }
      categories.append(Array(Set(values.compactMap { $0 })).sorted())
    }
    return Fitted(inputColumnNames: frame.columnNames, categories: categories)
  }

  struct Fitted: FrameTransformer, Hashable {
    let inputColumnNames: [String]
    let categories: [[String]]
    var outputColumnNames: [String] {
      zip(inputColumnNames, categories).flatMap { name, levels in levels.map { "\(name)_\($0)" } }
    }

    func transform(_ frame: DataFrame) throws -> DataFrame {
      var columns: [Column] = []
      for (name, levels) in zip(inputColumnNames, categories) {
        let values = try frame.column(name).strings()
        for value in values where value.map({ !levels.contains($0) }) ?? true {
          throw LearnError.unknownLabel(value ?? "null")
        }
        for level in levels {
          columns.append(
            Column("\(name)_\(level)", doubles: values.map { $0 == level ? 1.0 : 0.0 }))
        }
      }
      return try DataFrame(columns)
    }
  }
}

/// A matrix transformer that records whether it was fitted through `fitTransform`.
struct FusedProbe: TransformerEstimator, DefaultInitializable, Hashable {
  func fit(_ x: Matrix) throws -> Fitted { Fitted(featureCount: x.columnCount, fused: false) }

  func fitTransform(_ x: Matrix) throws -> (fitted: Fitted, output: Matrix) {
    (Fitted(featureCount: x.columnCount, fused: true), x)
  }

  struct Fitted: Transformer, Hashable {
    let featureCount: Int
    let fused: Bool
    var outputFeatureCount: Int { featureCount }
    func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount)
      return x
    }
    func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      try Validate.featureNames(inputFeatures, featureCount: featureCount)
    }
  }
}

/// The composition fixture's frames, rebuilt column by column.
enum CompositionData {
  static func frame(_ fixture: Fixture, _ key: String) throws -> DataFrame {
    var columns: [Column] = []
    for spec in try fixture.children(key) {
      let name = try spec.string("name")
      let values = spec.object["values"] as? [Any] ?? []
      switch try spec.string("type") {
      case "double": columns.append(Column(name, doubles: values.map { $0 as? Double }))
      case "int": columns.append(Column(name, ints: values.map { ($0 as? Double).map { Int($0) } }))
      case "string": columns.append(Column(name, strings: values.map { $0 as? String }))
      default:
        columns.append(
          Column(
            name, dates: values.map { v in (v as? Double).map { Date(timeIntervalSince1970: $0) } })
        )
      }
    }
    return try DataFrame(columns)
  }

  /// The fixture's column transformer, with the test imputers and encoder.
  static func columnTransformer(verbose: Bool = true) -> ColumnTransformer<
    BranchPair<
      BranchPair<
        ColumnBranch<FrameChain<MeanImputer, MatrixColumns<StandardScaler>>>,
        ColumnBranch<FrameChain<MostFrequentImputer, OneHot>>
      >,
      ColumnBranch<FrameChain<DateParts, MeanImputer>>
    >,
    DropColumns
  > {
    ColumnTransformer(verboseFeatureNamesOut: verbose) {
      ColumnBranch("numeric", .names(["age", "income", "visits"])) {
        MeanImputer()
        StandardScaler()
      }
      ColumnBranch("categorical", .names(["city", "plan"])) {
        MostFrequentImputer()
        OneHot()
      }
      ColumnBranch("dates", .names(["signup"])) {
        DateParts()
        MeanImputer()
      }
    }
  }
}

/// A mean imputer that works on frames and on matrices, like the library's imputers and
/// encoders: the builders must treat it as a frame transformer without ambiguity.
struct DualImputer: TransformerEstimator, FrameTransformerEstimator, DefaultInitializable, Hashable
{
  static var capabilities: Capabilities { Capabilities(allowsMissingValues: true) }

  func fit(_ x: Matrix) throws -> Fitted {
    try Validate.features(x, allowNaN: true)
    let frame = try DataFrame(matrix: x)
    return Fitted(base: try MeanImputer().fit(frame), viaFrame: false)
  }

  func fit(_ frame: DataFrame) throws -> Fitted {
    Fitted(base: try MeanImputer().fit(frame), viaFrame: true)
  }

  struct Fitted: Transformer, FrameTransformer, Hashable {
    let base: MeanImputer.Fitted
    let viaFrame: Bool
    var featureCount: Int { base.inputColumnNames.count }
    var inputColumnNames: [String] { base.inputColumnNames }
    var outputColumnNames: [String] { base.outputColumnNames }
    var outputFeatureCount: Int { featureCount }

    func transform(_ frame: DataFrame) throws -> DataFrame { try base.transform(frame) }

    func transform(_ x: Matrix) throws -> Matrix {
      try Validate.predictionInput(x, featureCount: featureCount, allowNaN: true)
      let frame = try DataFrame(matrix: x, columnNames: inputColumnNames)
      return try base.transform(frame).toMatrix()
    }

    func featureNamesOut(_ inputFeatures: [String]?) throws -> [String] {
      try Validate.featureNames(inputFeatures, featureCount: featureCount)
    }
  }
}

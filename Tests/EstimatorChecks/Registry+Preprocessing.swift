import SwiftLearn
import Testing

extension Registry {
  /// Scalers, imputers and encoders (issue 4).
  static let preprocessingEntries: [RegistryEntry] = [
    RegistryEntry(name: "MinMaxScaler") {
      try checkTransformer(MinMaxScaler(), changed: (MinMaxScaler(clip: true), "clip: true"))
    },
    RegistryEntry(name: "RobustScaler") {
      try checkTransformer(
        RobustScaler(), changed: (RobustScaler(unitVariance: true), "unitVariance: true"))
    },
    RegistryEntry(name: "MaxAbsScaler") {
      // MaxAbsScaler has no hyperparameter to change; its description is checked as a default.
      try checkTransformer(MaxAbsScaler(), changed: (MaxAbsScaler(), "MaxAbsScaler("))
    },
    RegistryEntry(name: "Normalizer") {
      try checkTransformer(Normalizer(), changed: (Normalizer(norm: .l1), "norm: .l1"))
    },
    RegistryEntry(name: "SimpleImputer") {
      try checkTransformer(
        SimpleImputer(), changed: (SimpleImputer(strategy: .median), "strategy: .median"))
      try checkFrameTransformer(
        SimpleImputer(strategy: .mostFrequent, addIndicator: true),
        changed: (SimpleImputer(addIndicator: true), "addIndicator: true"),
        invalid: [InvalidSetting("fillValue", SimpleImputer(fillValue: .nan))])
    },
    RegistryEntry(name: "KNNImputer") {
      try checkTransformer(KNNImputer(), changed: (KNNImputer(weights: .distance), "weights"))
    },
    RegistryEntry(name: "MissingIndicator") {
      try checkTransformer(
        MissingIndicator(features: .all), changed: (MissingIndicator(features: .all), "features"))
    },
    RegistryEntry(name: "OneHotEncoder") {
      try checkTransformer(
        OneHotEncoder(), changed: (OneHotEncoder(handleUnknown: .ignore), "handleUnknown"))
      try checkFrameTransformer(
        OneHotEncoder(handleUnknown: .ignore, minFrequency: .count(3)),
        changed: (OneHotEncoder(drop: .first), "drop"),
        invalid: [
          InvalidSetting("minFrequency", OneHotEncoder(minFrequency: .fraction(1.5))),
          InvalidSetting("maxCategories", OneHotEncoder(maxCategories: 0)),
          InvalidSetting("drop", OneHotEncoder(drop: .explicit(["Lima"]))),
        ])
    },
    RegistryEntry(name: "OrdinalEncoder") {
      try checkTransformer(
        OrdinalEncoder(), changed: (OrdinalEncoder(encodedMissingValue: -1), "encodedMissingValue"))
      try checkFrameTransformer(
        OrdinalEncoder(handleUnknown: .useEncodedValue, unknownValue: -1),
        changed: (OrdinalEncoder(encodedMissingValue: -1), "encodedMissingValue"),
        invalid: [
          InvalidSetting("unknownValue", OrdinalEncoder(unknownValue: 3)),
          InvalidSetting("unknownValue", OrdinalEncoder(handleUnknown: .useEncodedValue)),
          InvalidSetting(
            "unknownValue", OrdinalEncoder(handleUnknown: .useEncodedValue, unknownValue: 1)),
          InvalidSetting("encodedMissingValue", OrdinalEncoder(encodedMissingValue: 0)),
        ])
    },
    RegistryEntry(name: "FrequencyEncoder") {
      try checkFrameTransformer(
        FrequencyEncoder(), changed: (FrequencyEncoder(output: .fraction), "output: .fraction"),
        invalid: [InvalidSetting("unknownValue", FrequencyEncoder(unknownValue: .nan))])
    },
    RegistryEntry(name: "FeatureHasher") {
      try checkFrameTransformer(
        FeatureHasher(featureCount: 64),
        changed: (FeatureHasher(alternateSign: false), "alternateSign"),
        invalid: [InvalidSetting("featureCount", FeatureHasher(featureCount: 0))])
    },
    RegistryEntry(name: "TargetEncoder") {
      let train = CheckData.frame()
      let labels = (0..<train.rowCount).map { $0 % 3 == 0 ? "yes" : "no" }
      try checkFrameTransformer(
        TargetEncoder(seed: 1), fit: { try $0.fit($1, labels: labels) },
        changed: (TargetEncoder(smooth: .value(3)), "smooth"),
        invalid: [
          InvalidSetting("cv", TargetEncoder(cv: 1)),
          InvalidSetting("smooth", TargetEncoder(smooth: .value(-1))),
        ], train: train)
    },
    RegistryEntry(name: "LabelEncoder") {
      let y = ["b", "a", "c", "a"]
      let fitted = try LabelEncoder<String>().fit(y)
      #expect(try LabelEncoder<String>().fit(y) == fitted)
      let restored = try LabelEncoder<String>.Fitted.decodeModelFile(fitted.encodedModelFile())
      #expect(try restored.transform(y) == fitted.transform(y))
      #expect(LabelEncoder<String>().description == "LabelEncoder()")
      #expect(throws: LearnError.self) { try LabelEncoder<Int>().fit([]) }
    },
  ]
}

"""Parity fixtures for scalers, imputers and encoders (issue 4, items 1-3).

Two kinds of data: numeric matrices (one with missing values, one without) and a table of
categorical string columns with missing values (plus an int and a float column). Tables are
stored column by column as {"name", "type", "values"} with JSON null for a missing cell.
Each case stores the estimator's parameters, scikit-learn's outputs and feature names.
"""
import warnings

import numpy as np
import pandas as pd
from sklearn.feature_extraction import FeatureHasher
from sklearn.impute import KNNImputer, MissingIndicator, SimpleImputer
from sklearn.preprocessing import (
    LabelEncoder,
    MaxAbsScaler,
    MinMaxScaler,
    Normalizer,
    OneHotEncoder,
    OrdinalEncoder,
    RobustScaler,
    TargetEncoder,
)

from fixturelib import mat, num, vec, write

warnings.filterwarnings("ignore")


def numeric_data():
    rng = np.random.RandomState(3)
    X = rng.normal(size=(40, 4)) * [1.0, 10.0, 0.1, 3.0] + [0.0, 5.0, -2.0, 100.0]
    X[3, 0] = 25.0  # an outlier
    Xm = X.copy()
    for i, j in [(0, 1), (2, 0), (5, 3), (7, 1), (11, 2), (12, 1), (20, 0), (33, 3), (34, 3)]:
        Xm[i, j] = np.nan
    T = rng.normal(size=(12, 4)) * [1.5, 10.0, 0.2, 3.0] + [0.5, 5.0, -2.0, 100.0]
    Tm = T.copy()
    for i, j in [(0, 0), (1, 1), (3, 2), (4, 3), (4, 0), (8, 1)]:
        Tm[i, j] = np.nan
    # A second data set with heavy missingness (about 30%), including a test row whose only
    # present feature is missing in many training rows.
    H = rng.uniform(-5, 5, size=(30, 5))
    H[rng.uniform(size=H.shape) < 0.3] = np.nan
    H[:, 4] = rng.uniform(0, 1, size=30)
    HT = rng.uniform(-5, 5, size=(10, 5))
    HT[rng.uniform(size=HT.shape) < 0.3] = np.nan
    HT[0, :4] = np.nan
    return {"clean": (X, T), "missing": (Xm, Tm), "heavy": (H, HT)}


def scaler_cases(data):
    cases = []
    specs = [
        ("MinMaxScaler", {}, MinMaxScaler()),
        ("MinMaxScaler", {"featureRange": [-2.0, 3.0], "clip": True},
         MinMaxScaler(feature_range=(-2, 3), clip=True)),
        ("RobustScaler", {}, RobustScaler()),
        ("RobustScaler", {"quantileRange": [10.0, 90.0], "unitVariance": True},
         RobustScaler(quantile_range=(10.0, 90.0), unit_variance=True)),
        ("RobustScaler", {"withCentering": False, "quantileRange": [5.0, 60.0]},
         RobustScaler(with_centering=False, quantile_range=(5.0, 60.0))),
        ("MaxAbsScaler", {}, MaxAbsScaler()),
    ]
    for data_name in ["missing", "clean"]:
        X, T = data[data_name]
        for name, params, est in specs:
            est.fit(X)
            cases.append({
                "name": f"{name} {params} on {data_name}", "estimator": name, "params": params,
                "X": mat(X), "XTest": mat(T), "transformed": mat(est.transform(T)),
                "inverse": mat(est.inverse_transform(T)),
            })
    X, T = data["clean"]
    X2 = np.abs(X[:10]).copy()
    X2[4] = 0.0  # a zero row stays zero
    for norm in ["l1", "l2", "max"]:
        for data_name, (A, B) in [("clean", (X, T)), ("with zero row", (X2, X2))]:
            est = Normalizer(norm=norm).fit(A)
            cases.append({
                "name": f"Normalizer {norm} on {data_name}", "estimator": "Normalizer",
                "params": {"norm": norm}, "X": mat(A), "XTest": mat(B),
                "transformed": mat(est.transform(B)),
            })
    return cases


def table():
    rng = np.random.RandomState(7)
    n = 60
    cities = np.array(["Paris", "Lima", "Oslo", "Tokyo", "Zürich", "Accra"])
    p = np.array([0.3, 0.25, 0.2, 0.15, 0.06, 0.04])
    city = cities[rng.choice(6, size=n, p=p)].astype(object)
    city[[4, 17, 30]] = np.nan
    size = np.array(["S", "M", "L"], dtype=object)[rng.randint(0, 3, size=n)]
    size[[9]] = np.nan
    plan = np.array(["basic", "pro"], dtype=object)[rng.randint(0, 2, size=n)]
    count = rng.randint(0, 4, size=n)
    rate = rng.choice([0.5, 1.0, 2.5, np.nan], size=n, p=[0.4, 0.3, 0.2, 0.1])
    train = pd.DataFrame({"city": city, "size": size, "plan": plan, "count": count, "rate": rate})
    train = train.astype({"city": object, "size": object, "plan": object})
    m = 15
    tcity = cities[rng.choice(6, size=m, p=p)].astype(object)
    tcity[2] = np.nan
    tsize = np.array(["S", "M", "L"], dtype=object)[rng.randint(0, 3, size=m)]
    tplan = np.array(["basic", "pro"], dtype=object)[rng.randint(0, 2, size=m)]
    tcount = rng.randint(0, 4, size=m)
    trate = rng.choice([0.5, 1.0, 2.5, np.nan], size=m, p=[0.4, 0.3, 0.2, 0.1])
    test = pd.DataFrame({"city": tcity, "size": tsize, "plan": tplan, "count": tcount, "rate": trate})
    test = test.astype({"city": object, "size": object, "plan": object})
    unknown = test.copy()
    unknown.loc[1, "city"] = "Cairo"
    unknown.loc[5, "size"] = "XL"
    unknown.loc[6, "count"] = 9
    y_cont = rng.normal(size=n) + (city == "Paris") * 2.0
    y_bin = np.where(rng.uniform(size=n) < 0.4 + 0.3 * (plan == "pro"), "yes", "no")
    y_multi = np.array(["a", "b", "c"])[rng.randint(0, 3, size=n)]
    return train, test, unknown, {"continuous": y_cont, "binary": y_bin, "multiclass": y_multi}


def frame_json(df):
    cols = []
    for name in df.columns:
        s = df[name]
        if not pd.api.types.is_numeric_dtype(s):
            cols.append({"name": name, "type": "string",
                         "values": [None if (isinstance(v, float) and np.isnan(v)) else v for v in s]})
        elif np.issubdtype(s.dtype, np.integer):
            cols.append({"name": name, "type": "int", "values": [int(v) for v in s]})
        else:
            cols.append({"name": name, "type": "double", "values": [None if np.isnan(v) else float(v) for v in s]})
    return cols


def names(est):
    return [str(v) for v in est.get_feature_names_out()]


def imputer_cases(data, train, test):
    cases = []
    for data_name in ["missing", "heavy"]:
        cases += matrix_imputer_cases(data, data_name)
    # Ties: most_frequent picks the smallest value.
    Xt = np.array([[3.0, 1.0], [1.0, np.nan], [3.0, 2.0], [1.0, 2.0], [np.nan, 1.0]])
    est = SimpleImputer(strategy="most_frequent").fit(Xt)
    cases.append({"name": "SimpleImputer most_frequent ties", "estimator": "SimpleImputer",
                  "params": {"strategy": "most_frequent", "addIndicator": False}, "X": mat(Xt),
                  "XTest": mat(Xt), "transformed": mat(est.transform(Xt)), "featureNames": names(est)})
    return cases, string_imputer_cases(train, test)


def matrix_imputer_cases(data, data_name):
    cases = []
    X, T = data[data_name]
    for strategy, extra in [("mean", {}), ("median", {}), ("most_frequent", {}),
                            ("constant", {"fill_value": 7.5})]:
        for add in [False, True]:
            est = SimpleImputer(strategy=strategy, add_indicator=add, **extra).fit(X)
            params = {"strategy": strategy, "addIndicator": add}
            if extra:
                params["fillValue"] = extra["fill_value"]
            cases.append({"name": f"SimpleImputer {params} on {data_name}", "estimator": "SimpleImputer",
                          "params": params, "X": mat(X), "XTest": mat(T),
                          "transformed": mat(est.transform(T)), "featureNames": names(est)})
    for k, w in [(5, "uniform"), (3, "distance"), (1, "uniform"), (60, "distance")]:
        for add in [False, True]:
            est = KNNImputer(n_neighbors=k, weights=w, add_indicator=add).fit(X)
            params = {"neighborCount": k, "weights": w, "addIndicator": add}
            cases.append({"name": f"KNNImputer {params} on {data_name}", "estimator": "KNNImputer", "params": params,
                          "X": mat(X), "XTest": mat(T), "transformed": mat(est.transform(T)),
                          "fitTransformed": mat(est.transform(X)), "featureNames": names(est)})
    for features in ["missing-only", "all"]:
        est = MissingIndicator(features=features, error_on_new=False).fit(X)
        cases.append({"name": f"MissingIndicator {features} on {data_name}", "estimator": "MissingIndicator",
                      "params": {"features": features, "errorOnNew": False}, "X": mat(X),
                      "XTest": mat(T), "transformed": mat(est.transform(T).astype(float)),
                      "featureNames": names(est)})
    return cases


def string_imputer_cases(train, test):
    text = ["city", "size", "plan"]
    frame_cases = []
    for strategy, add in [("most_frequent", False), ("most_frequent", True), ("constant", False),
                          ("constant", True)]:
        est = SimpleImputer(strategy=strategy, add_indicator=add).fit(train[text])
        out = est.transform(test[text])
        n_text = len(text)
        frame_cases.append({
            "name": f"SimpleImputer {strategy} strings add={add}",
            "params": {"strategy": strategy, "addIndicator": add},
            "columns": text,
            "statistics": [str(v) for v in est.statistics_],
            "transformedText": [[str(v) for v in out[:, j]] for j in range(n_text)],
            "indicators": [[float(bool(v)) for v in out[:, j]] for j in range(n_text, out.shape[1])],
            "featureNames": names(est),
        })
    return frame_cases


def encoder_cases(train, test, unknown, targets):
    cat = ["city", "size", "plan", "count", "rate"]
    cases = []

    def onehot(params, kwargs, frame_test, label):
        est = OneHotEncoder(sparse_output=False, **kwargs).fit(train[cat])
        cases.append({"name": f"OneHotEncoder {label}", "estimator": "OneHotEncoder",
                      "params": params, "test": label,
                      "transformed": mat(est.transform(frame_test[cat])),
                      "featureNames": names(est)})

    onehot({}, {}, test, "test")
    onehot({"handleUnknown": "ignore"}, {"handle_unknown": "ignore"}, unknown, "unknown")
    onehot({"drop": "first"}, {"drop": "first"}, test, "test")
    onehot({"drop": "if_binary"}, {"drop": "if_binary"}, test, "test")
    onehot({"drop": ["Lima", "M", "pro", "2", "nan"], "handleUnknown": "ignore"},
           {"drop": np.array(["Lima", "M", "pro", 2, np.nan], dtype=object), "handle_unknown": "ignore"},
           unknown, "unknown")
    onehot({"minFrequency": 6}, {"min_frequency": 6}, test, "test")
    onehot({"minFrequency": 0.2, "handleUnknown": "infrequent_if_exist"},
           {"min_frequency": 0.2, "handle_unknown": "infrequent_if_exist"}, unknown, "unknown")
    onehot({"maxCategories": 3, "handleUnknown": "infrequent_if_exist"},
           {"max_categories": 3, "handle_unknown": "infrequent_if_exist"}, unknown, "unknown")
    onehot({"maxCategories": 2, "minFrequency": 3, "drop": "first", "handleUnknown": "ignore"},
           {"max_categories": 2, "min_frequency": 3, "drop": "first", "handle_unknown": "ignore"},
           unknown, "unknown")
    onehot({"maxCategories": 4, "drop": "if_binary"}, {"max_categories": 4, "drop": "if_binary"},
           test, "test")

    def ordinal(params, kwargs, frame_test, label):
        est = OrdinalEncoder(**kwargs).fit(train[cat])
        cases.append({"name": f"OrdinalEncoder {label} {params}", "estimator": "OrdinalEncoder",
                      "params": params, "test": label,
                      "transformed": mat(est.transform(frame_test[cat])),
                      "featureNames": names(est)})

    ordinal({}, {}, test, "test")
    ordinal({"handleUnknown": "use_encoded_value", "unknownValue": -1.0},
            {"handle_unknown": "use_encoded_value", "unknown_value": -1}, unknown, "unknown")
    ordinal({"handleUnknown": "use_encoded_value", "unknownValue": "nan", "encodedMissingValue": -2.0},
            {"handle_unknown": "use_encoded_value", "unknown_value": np.nan,
             "encoded_missing_value": -2}, unknown, "unknown")

    for target_name, y in targets.items():
        for smooth in ["auto", 2.0]:
            est = TargetEncoder(smooth=smooth, cv=5, shuffle=False)
            fit_out = est.fit_transform(train[cat], y)
            params = {"smooth": smooth, "cv": 5}
            cases.append({"name": f"TargetEncoder {target_name} {smooth}", "estimator": "TargetEncoder",
                          "params": params, "target": target_name, "test": "unknown",
                          "fitTransformed": mat(fit_out),
                          "transformed": mat(est.transform(unknown[cat])),
                          "featureNames": names(est),
                          "targetMean": vec(np.atleast_1d(est.target_mean_))})

    # FrequencyEncoder is not in scikit-learn; the reference is pandas' value_counts.
    for output in ["count", "fraction"]:
        cols = []
        for c in cat:
            counts = train[c].value_counts(dropna=False, normalize=(output == "fraction"))
            lookup = {("nan" if (isinstance(k, float) and np.isnan(k)) else k): v for k, v in counts.items()}
            col = []
            for v in unknown[c]:
                key = "nan" if (isinstance(v, float) and np.isnan(v)) else v
                col.append(float(lookup.get(key, 0.0)))
            cols.append(col)
        cases.append({"name": f"FrequencyEncoder {output}", "estimator": "FrequencyEncoder",
                      "params": {"output": output}, "test": "unknown",
                      "transformed": mat(np.array(cols).T), "featureNames": cat})
    return cases


def code_matrix():
    rng = np.random.RandomState(11)
    X = rng.choice([1.0, 2.0, 3.0, 5.0, 8.0, np.nan], size=(50, 3), p=[0.3, 0.25, 0.2, 0.12, 0.08, 0.05])
    T = rng.choice([1.0, 2.0, 3.0, 5.0, 8.0, 13.0, np.nan], size=(12, 3))
    y = rng.normal(size=50) + (X[:, 0] == 1.0)
    return X, T, y


def matrix_encoder_cases():
    X, T, y = code_matrix()
    cases = []
    for params, kwargs in [
        ({"handleUnknown": "ignore"}, {"handle_unknown": "ignore"}),
        ({"handleUnknown": "ignore", "drop": "first"}, {"handle_unknown": "ignore", "drop": "first"}),
        ({"handleUnknown": "infrequent_if_exist", "minFrequency": 5},
         {"handle_unknown": "infrequent_if_exist", "min_frequency": 5}),
    ]:
        est = OneHotEncoder(sparse_output=False, **kwargs).fit(X)
        cases.append({"name": f"OneHotEncoder matrix {params}", "estimator": "OneHotEncoder",
                      "params": params, "transformed": mat(est.transform(T)),
                      "featureNames": names(est)})
    est = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(X)
    cases.append({"name": "OrdinalEncoder matrix", "estimator": "OrdinalEncoder",
                  "params": {"handleUnknown": "use_encoded_value", "unknownValue": -1.0},
                  "transformed": mat(est.transform(T)), "featureNames": names(est)})
    est = TargetEncoder(cv=5, shuffle=False)
    fit_out = est.fit_transform(X, y)
    cases.append({"name": "TargetEncoder matrix continuous", "estimator": "TargetEncoder",
                  "params": {"smooth": "auto", "cv": 5}, "fitTransformed": mat(fit_out),
                  "transformed": mat(est.transform(T)), "featureNames": names(est),
                  "targetMean": vec(np.atleast_1d(est.target_mean_))})
    return {"X": mat(X), "XTest": mat(T), "y": vec(y), "cases": cases}


def hasher_cases(train):
    cases = []
    docs = [["dog", "cat", "dog"], ["fish"], ["héllo", "a-much-longer-token-of-text", ""],
            ["x" * k for k in range(1, 9)]]
    for n_features, alt in [(16, True), (1024, False), (7, True)]:
        h = FeatureHasher(n_features=n_features, input_type="string", alternate_sign=alt)
        cases.append({"name": f"FeatureHasher strings {n_features} {alt}", "input": "string",
                      "featureCount": n_features, "alternateSign": alt, "strings": docs,
                      "transformed": mat(h.transform(docs).toarray())})
    records = []
    for _, row in train[["city", "size", "plan", "count"]].head(20).iterrows():
        records.append({k: v for k, v in row.items() if not (isinstance(v, float) and np.isnan(v))})
    for n_features, alt in [(32, True), (8, False)]:
        h = FeatureHasher(n_features=n_features, alternate_sign=alt)
        cases.append({"name": f"FeatureHasher frame {n_features} {alt}", "input": "frame",
                      "featureCount": n_features, "alternateSign": alt,
                      "transformed": mat(h.transform(records).toarray())})
    return cases


def generate():
    data = numeric_data()
    train, test, unknown, targets = table()
    imputers, frame_imputers = imputer_cases(data, train, test)
    y_multi = targets["multiclass"]
    le = LabelEncoder().fit(y_multi)
    write("preprocessing", {
        "scalers": scaler_cases(data),
        "imputers": imputers,
        "frameImputers": frame_imputers,
        "tables": {"train": frame_json(train), "test": frame_json(test),
                   "unknown": frame_json(unknown)},
        "targets": {"continuous": vec(targets["continuous"]),
                    "binary": [str(v) for v in targets["binary"]],
                    "multiclass": [str(v) for v in targets["multiclass"]]},
        "encoders": encoder_cases(train, test, unknown, targets),
        "matrixEncoders": matrix_encoder_cases(),
        "hashers": hasher_cases(train),
        "labelEncoder": {"y": [str(v) for v in y_multi], "classes": [str(v) for v in le.classes_],
                         "codes": [int(v) for v in le.transform(y_multi)]},
    })


if __name__ == "__main__":
    generate()

"""Parity fixtures for composition (issue 4): ColumnTransformer feature names and outputs,
FeatureUnion names and outputs, and a ColumnTransformer + Ridge pipeline's predictions.

The frame is written into the JSON so the Swift tests rebuild exactly the same data.
Run: python3 Tests/Fixtures/gen_composition.py  (writes Tests/Fixtures/composition.json)
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from fixturelib import mat, num, vec, write

# Output suffix (SwiftLearn's DatePart raw value) -> pandas accessor.
PARTS = {"year": "year", "month": "month", "day": "day", "weekday": "day_of_week",
         "dayofyear": "day_of_year"}


def date_parts(frame):
    out = {}
    for c in frame.columns:
        for p, accessor in PARTS.items():
            out[f"{c}_{p}"] = getattr(frame[c].dt, accessor).astype(float)
    return pd.DataFrame(out)


def date_part_names(_, names):
    return np.asarray([f"{c}_{p}" for c in names for p in PARTS], dtype=object)


def make_frame(n, rng):
    age = rng.normal(40, 12, n).round(1)
    age[rng.choice(n, 4, replace=False)] = np.nan
    income = rng.lognormal(10, 0.5, n).round(2)
    visits = rng.poisson(3, n)
    city = rng.choice(["Lima", "Oslo", "Paris", "Quito"], n).astype(object)
    city[rng.choice(n, 3, replace=False)] = None
    plan = rng.choice(["basic", "premium", "standard"], n).astype(object)
    start = np.datetime64("2020-01-01")
    signup = start + rng.integers(0, 1500, n).astype("timedelta64[D]")
    signup = pd.Series(signup, dtype="datetime64[s]")
    signup[rng.choice(n, 2, replace=False)] = pd.NaT
    score = rng.normal(0, 1, n).round(3)
    frame = pd.DataFrame(
        {"age": age, "income": income, "visits": visits, "city": city, "plan": plan,
         "signup": signup, "score": score})
    y = (0.05 * np.nan_to_num(age, nan=40) + 0.0001 * income + 0.3 * visits
         + (plan == "premium") * 2 + rng.normal(0, 0.5, n))
    return frame, y


def frame_json(frame):
    cols = []
    for c in frame.columns:
        s = frame[c]
        if c == "signup":
            vals = [None if pd.isna(v) else int(v.timestamp()) for v in s]
            cols.append({"name": c, "type": "date", "values": vals})
        elif pd.api.types.is_string_dtype(s.dtype) or s.dtype == object:
            cols.append({"name": c, "type": "string",
                         "values": [None if pd.isna(v) else str(v) for v in s]})
        elif pd.api.types.is_integer_dtype(s.dtype):
            cols.append({"name": c, "type": "int", "values": [int(v) for v in s]})
        else:
            cols.append({"name": c, "type": "double",
                         "values": [None if np.isnan(v) else float(v) for v in s]})
    return cols


def column_transformer(verbose, remainder="drop"):
    return ColumnTransformer(
        [
            ("numeric", Pipeline([("impute", SimpleImputer(strategy="mean")),
                                  ("scale", StandardScaler())]), ["age", "income", "visits"]),
            ("categorical", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                                      ("onehot", OneHotEncoder(sparse_output=False))]),
             ["city", "plan"]),
            ("dates", Pipeline([("parts", FunctionTransformer(date_parts, feature_names_out=date_part_names)),
                                ("impute", SimpleImputer(strategy="mean"))]), ["signup"]),
        ],
        remainder=remainder, verbose_feature_names_out=verbose)


def main():
    rng = np.random.default_rng(20240)
    frame, y = make_frame(40, rng)
    test, _ = make_frame(12, rng)
    out = {"frame": frame_json(frame), "test": frame_json(test), "y": vec(y)}

    for verbose in (True, False):
        ct = column_transformer(verbose)
        train_out = ct.fit_transform(frame)
        key = "verbose" if verbose else "plain"
        out[key] = {
            "names": list(ct.get_feature_names_out()),
            "train": mat(train_out),
            "test": mat(ct.transform(test)),
        }
    ct = column_transformer(True, remainder="passthrough")
    ct.fit(frame)
    out["passthrough"] = {"names": list(ct.get_feature_names_out())}

    selectors = ColumnTransformer(
        [("num", StandardScaler(), make_column_selector(dtype_include="number")),
         ("pat", "passthrough", make_column_selector(pattern="^in|^sc", dtype_include="number"))])
    selectors.fit(frame.drop(columns=["signup", "city", "plan"]).fillna(0))
    out["selectors"] = {"names": list(selectors.get_feature_names_out())}

    model = Pipeline([("columns", column_transformer(True)), ("ridge", Ridge(alpha=1.0))])
    model.fit(frame, y)
    out["ridge"] = {"train": vec(model.predict(frame)), "test": vec(model.predict(test)),
                    "coef": vec(model[-1].coef_), "intercept": num(model[-1].intercept_)}

    x = rng.normal(size=(30, 3))
    union = FeatureUnion([("scaled", StandardScaler()),
                          ("raw", StandardScaler(with_mean=False, with_std=False))])
    out["union"] = {"x": mat(x), "output": mat(union.fit_transform(x)),
                    "names": list(union.get_feature_names_out())}
    write("composition", out)


if __name__ == "__main__":
    main()

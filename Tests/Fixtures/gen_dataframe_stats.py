"""Parity fixtures for DataFrame statistics, operations and the data-quality report (pandas).

The frame has nulls, ties, a constant column, a categorical column, an ID column, a highly
correlated pair and an imbalanced target. Numeric columns are written with "nan" for nulls;
string columns as values plus a `valid` list (1 = present, 0 = null).
"""
import numpy as np
import pandas as pd

from fixturelib import num, vec, write


def make_frame():
    rng = np.random.RandomState(7)
    n = 120
    a = np.round(rng.normal(10, 3, n), 1)            # rounding gives ties
    a[[3, 17, 44, 90]] = np.nan
    b = rng.randint(0, 6, n).astype(np.int64)        # many ties, int column
    c = 2.5 * np.nan_to_num(a, nan=10.0) + rng.normal(0, 0.5, n)   # |r(a, c)| > 0.9
    c[[5, 60]] = np.nan
    skewed = np.round(rng.exponential(2.0, n), 2)
    const = np.full(n, 5.0)
    cat = rng.choice(["red", "green", "blue", "teal"], n, p=[0.4, 0.3, 0.2, 0.1]).astype(object)
    cat[[2, 8, 50]] = None
    ident = np.array([f"id{i:04d}" for i in range(n)], dtype=object)
    target = np.where(rng.uniform(size=n) < 0.15, "yes", "no").astype(object)
    return pd.DataFrame({
        "a": a, "b": b, "c": c, "skewed": skewed, "const": const,
        "cat": cat, "id": ident, "target": target,
    })


def strcol(s):
    return {"values": ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
                       for v in s],
            "valid": [0 if v is None or (isinstance(v, float) and np.isnan(v)) else 1 for v in s]}


def generate():
    df = make_frame()
    numeric = ["a", "b", "c", "skewed", "const"]
    strings = ["cat", "id", "target"]
    out = {"rowCount": len(df), "numeric": numeric, "strings": strings,
           "data": {k: vec(df[k]) for k in numeric}}
    for k in strings:
        out["data"][k] = strcol(df[k])

    d = df[numeric].describe()
    out["describeNumeric"] = {k: vec(d[k].values) for k in numeric}   # count..max
    o = df[strings].describe()
    out["describeStrings"] = {k: {"count": int(o[k]["count"]), "unique": int(o[k]["unique"]),
                                  "top": str(o[k]["top"]), "freq": int(o[k]["freq"])}
                              for k in strings}
    qs = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.9, 0.975, 1.0]
    out["quantileLevels"] = vec(qs)
    out["quantiles"] = {k: vec(df[k].quantile(qs).values) for k in numeric}
    out["skew"] = {k: num(df[k].skew()) for k in numeric}
    out["kurt"] = {k: num(df[k].kurt()) for k in numeric}
    out["pearson"] = {"shape": [5, 5], "data": vec(df[numeric].corr().values)}
    out["spearman"] = {"shape": [5, 5], "data": vec(df[numeric].corr(method="spearman").values)}
    out["corrWithB"] = vec(df[numeric].corrwith(df["b"]).values)
    out["missing"] = {k: int(df[k].isna().sum()) for k in df.columns}
    out["rowNullCounts"] = [int(v) for v in df.isna().sum(axis=1)]

    vc = df["cat"].value_counts()
    out["valueCounts"] = {"values": [str(v) for v in vc.index], "counts": [int(v) for v in vc]}
    vcn = df["cat"].value_counts(normalize=True)
    out["valueCountsNormalized"] = vec(vcn.values)

    g = df.groupby("cat").agg(
        {"a": ["count", "sum", "mean", "median", "min", "max", "std", "nunique", "first", "last"]})
    out["groupBy"] = {"keys": [str(v) for v in g.index],
                      "aggs": {f: vec(g[("a", f)].values) for f in
                               ["count", "sum", "mean", "median", "min", "max", "std", "nunique",
                                "first", "last"]}}
    g2 = df.groupby(["cat", "b"]).agg({"c": ["mean"]})
    out["groupBy2"] = {"cat": [str(v[0]) for v in g2.index], "b": [int(v[1]) for v in g2.index],
                       "mean": vec(g2[("c", "mean")].values)}

    s = df.sort_values(["cat", "a"], ascending=[True, False], kind="stable", na_position="last")
    out["sortCatADesc"] = [int(v) for v in s.index]
    s1 = df.sort_values("a", kind="stable")
    out["sortA"] = [int(v) for v in s1.index]

    out["rollingMean3"] = vec(df["a"].rolling(3).mean().values)
    out["rollingStd3"] = vec(df["a"].rolling(3).std().values)
    out["rollingSum4Min2"] = vec(df["a"].rolling(4, min_periods=2).sum().values)
    out["shift2"] = vec(df["a"].shift(2).values)
    out["shiftMinus1"] = vec(df["a"].shift(-1).values)
    edges = [0.0, 5.0, 10.0, 15.0, 30.0]
    out["cutEdges"] = vec(edges)
    out["cutCodes"] = [int(v) for v in pd.cut(df["a"], edges).cat.codes]
    out["qcut4Codes"] = [int(v) for v in pd.qcut(df["a"], 4).cat.codes]
    out["qcut4Edges"] = vec(pd.qcut(df["a"], 4, retbins=True)[1])
    out["zOutliers"] = [int(v) for v in np.flatnonzero(
        ((df["skewed"] - df["skewed"].mean()).abs() / df["skewed"].std()) > 3)]
    q1, q3 = df["skewed"].quantile([0.25, 0.75])
    iqr = q3 - q1
    out["iqrOutliers"] = [int(v) for v in np.flatnonzero(
        (df["skewed"] < q1 - 1.5 * iqr) | (df["skewed"] > q3 + 1.5 * iqr))]
    out["targetShares"] = {str(k): num(v) for k, v in
                           df["target"].value_counts(normalize=True).items()}

    # Duplicates and joins on small frames.
    dup = pd.DataFrame({"k": [1, 2, 1, 3, 2, 1], "v": ["x", "y", "x", "z", "w", "x"]})
    out["dupFirst"] = [int(v) for v in dup.duplicated(keep="first")]
    out["dupLast"] = [int(v) for v in dup.duplicated(keep="last")]
    out["dupNone"] = [int(v) for v in dup.duplicated(keep=False)]
    out["dupSubsetK"] = [int(v) for v in dup.duplicated(subset=["k"])]

    # Joins: pandas merge row order (left order, matches in right order).
    left = pd.DataFrame({"k": [3, 1, 2, 1, 5, 2], "lv": [0, 1, 2, 3, 4, 5]})
    right = pd.DataFrame({"k": [1, 2, 1, 4, 2], "rv": [10, 11, 12, 13, 14]})
    inner = left.merge(right, on="k", how="inner")
    outer_left = left.merge(right, on="k", how="left")
    out["mergeInner"] = {"lv": [int(v) for v in inner["lv"]], "rv": [int(v) for v in inner["rv"]]}
    out["mergeLeft"] = {"lv": [int(v) for v in outer_left["lv"]],
                        "rv": vec(outer_left["rv"].astype(float))}

    # Date parts (UTC) over leap days, year ends and dates before 1970.
    seconds = np.array([0, -1, 951782400 + 3600, 1709164800 + 86399, 1703980800,
                        -2208988800, 4102444799, 1711929600, 1735603200], dtype=np.int64)
    dates = pd.to_datetime(seconds, unit="s")
    out["dateSeconds"] = [int(v) for v in seconds]
    out["dateParts"] = {
        "year": [int(v) for v in dates.year], "month": [int(v) for v in dates.month],
        "day": [int(v) for v in dates.day], "weekday": [int(v) for v in dates.weekday],
        "quarter": [int(v) for v in dates.quarter], "dayofyear": [int(v) for v in dates.dayofyear],
        "is_month_start": [int(v) for v in dates.is_month_start],
        "is_month_end": [int(v) for v in dates.is_month_end],
    }

    # Long rolling windows (the O(n) running-update path) on a series with nulls.
    rs = np.random.RandomState(11)
    long = pd.Series(np.round(rs.normal(50, 10, 600), 3))
    long[rs.choice(600, 40, replace=False)] = np.nan
    out["longSeries"] = vec(long)
    out["longRolling"] = {f: vec(getattr(long.rolling(100, min_periods=20), f)())
                          for f in ["mean", "std", "min", "max", "sum"]}
    write("dataframe_stats", out)

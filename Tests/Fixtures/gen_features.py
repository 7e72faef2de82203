"""Parity fixtures for feature construction and decomposition (issue 4, items 4 and 7).

PolynomialFeatures, PowerTransformer, QuantileTransformer, KBinsDiscretizer,
FunctionTransformer, SplineTransformer, PCA and TruncatedSVD, each on at least two data sets:
a small numeric set with a few NaN (where the transformer accepts NaN), diabetes and wine.
The data sets are stored once under "data"; each case names its data set.

Run: python3 Tests/Fixtures/gen_features.py  (writes Tests/Fixtures/features.json)
"""
import warnings

import numpy as np
from sklearn.datasets import load_diabetes, load_wine
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.preprocessing import (FunctionTransformer, KBinsDiscretizer, PolynomialFeatures,
                                   PowerTransformer, QuantileTransformer, SplineTransformer)

from fixturelib import mat, num, vec, write

warnings.filterwarnings("ignore")


def datasets():
    rng = np.random.RandomState(7)
    numeric = np.column_stack([
        rng.normal(size=80),
        rng.exponential(2.0, size=80) - 0.5,
        rng.uniform(-3, 3, size=80),
        rng.gamma(2.0, 1.5, size=80),
    ])
    with_nan = numeric.copy()
    with_nan[[3, 17, 40], 0] = np.nan
    with_nan[[5, 60], 2] = np.nan
    positive = np.abs(numeric) + 0.1
    positive_nan = positive.copy()
    positive_nan[[2, 33], 1] = np.nan
    X_d, _ = load_diabetes(return_X_y=True)
    X_w, _ = load_wine(return_X_y=True)
    tall = rng.normal(size=(300, 6)) @ rng.normal(size=(6, 6))
    return {
        "numeric": numeric,
        "numeric_nan": with_nan,
        "positive": positive,
        "positive_nan": positive_nan,
        "diabetes": X_d,
        "wine": X_w,
        "wine_positive": X_w + 0.5,
        "tall": tall,
    }


def polynomial(D):
    cases = []
    for data, params in [
        ("numeric", dict(degree=2)),
        ("numeric", dict(degree=3, interaction_only=True, include_bias=False)),
        ("numeric", dict(degree=(2, 3))),
        ("diabetes", dict(degree=2)),
        ("wine", dict(degree=(1, 2), include_bias=False)),
    ]:
        X = D[data][:60]
        m = PolynomialFeatures(**params).fit(X)
        deg = params["degree"]
        cases.append({
            "data": data, "rows": 60,
            "minDegree": deg[0] if isinstance(deg, tuple) else 0,
            "degree": deg[1] if isinstance(deg, tuple) else deg,
            "interactionOnly": params.get("interaction_only", False),
            "includeBias": params.get("include_bias", True),
            "names": list(m.get_feature_names_out()),
            "powers": mat(m.powers_),
            "transformed": mat(m.transform(X)),
        })
    return cases


def power(D):
    cases = []
    for data, method, standardize in [
        ("numeric", "yeo-johnson", True),
        ("numeric_nan", "yeo-johnson", True),
        ("numeric", "yeo-johnson", False),
        ("positive", "box-cox", True),
        ("positive_nan", "box-cox", False),
        ("diabetes", "yeo-johnson", True),
        ("wine", "yeo-johnson", True),
        ("wine_positive", "box-cox", True),
    ]:
        X = D[data]
        m = PowerTransformer(method=method, standardize=standardize).fit(X)
        Z = m.transform(X)
        cases.append({
            "data": data, "method": method, "standardize": standardize,
            "lambdas": vec(m.lambdas_),
            "transformed": mat(Z),
            "inverse": mat(m.inverse_transform(Z)),
        })
    return cases


def quantile(D):
    cases = []
    for data, nq, dist in [
        ("numeric", 1000, "uniform"),
        ("numeric_nan", 50, "normal"),
        ("numeric", 20, "normal"),
        ("diabetes", 1000, "uniform"),
        ("diabetes", 100, "normal"),
        ("wine", 30, "uniform"),
    ]:
        X = D[data]
        m = QuantileTransformer(n_quantiles=nq, output_distribution=dist).fit(X)
        # A test set reaching beyond the training range.
        rng = np.random.RandomState(1)
        lo, hi = np.nanmin(X, axis=0), np.nanmax(X, axis=0)
        T = lo + (hi - lo) * rng.uniform(-0.2, 1.2, size=(40, X.shape[1]))
        T = np.vstack([T, X[:20]])
        Z = m.transform(T)
        U = rng.uniform(0, 1, size=(30, X.shape[1]))
        if dist == "normal":
            U = rng.normal(size=(30, X.shape[1])) * 2
        U[0, :] = 0.0
        cases.append({
            "data": data, "quantileCount": nq, "distribution": dist,
            "quantiles": mat(m.quantiles_),
            "test": mat(T), "transformed": mat(Z),
            "inverseInput": mat(U), "inverse": mat(m.inverse_transform(U)),
        })
    return cases


def kbins(D):
    cases = []
    rng = np.random.RandomState(3)
    for data, params, weighted in [
        ("numeric", dict(n_bins=5, strategy="quantile", encode="onehot-dense"), False),
        ("numeric", dict(n_bins=4, strategy="uniform", encode="ordinal"), False),
        ("numeric", dict(n_bins=3, strategy="kmeans", encode="ordinal"), False),
        ("diabetes", dict(n_bins=5, strategy="quantile", encode="ordinal"), False),
        ("diabetes", dict(n_bins=6, strategy="kmeans", encode="onehot-dense"), False),
        ("wine", dict(n_bins=4, strategy="uniform", encode="onehot-dense"), False),
        ("wine", dict(n_bins=5, strategy="quantile", encode="ordinal",
                      quantile_method="inverted_cdf"), False),
        ("wine", dict(n_bins=5, strategy="quantile", encode="ordinal",
                      quantile_method="linear"), False),
        ("numeric", dict(n_bins=4, strategy="quantile", encode="ordinal"), True),
        ("diabetes", dict(n_bins=4, strategy="uniform", encode="ordinal"), True),
        ("wine", dict(n_bins=3, strategy="kmeans", encode="ordinal"), True),
    ]:
        X = D[data]
        w = rng.randint(0, 4, size=X.shape[0]).astype(float) if weighted else None
        if w is not None:
            w[0] = 1.0
        m = KBinsDiscretizer(**params).fit(X, sample_weight=w)
        Z = m.transform(X)
        case = {
            "data": data, "binCount": params["n_bins"], "strategy": params["strategy"],
            "encode": params["encode"],
            "quantileMethod": params.get("quantile_method", "averaged_inverted_cdf"),
            "edges": [vec(e) for e in m.bin_edges_],
            "transformed": mat(Z),
            "inverse": mat(m.inverse_transform(Z)),
            "names": list(m.get_feature_names_out()),
        }
        if w is not None:
            case["sampleWeight"] = vec(w)
        cases.append(case)
    return cases


def function(D):
    cases = []
    for data, func, inv, fname, iname in [
        ("positive", np.log1p, np.expm1, "log1p", "expm1"),
        ("wine", np.sqrt, np.square, "sqrt", "square"),
        ("numeric_nan", None, None, "identity", None),
    ]:
        X = D[data]
        m = FunctionTransformer(func=func, inverse_func=inv).fit(X)
        Z = m.transform(X)
        case = {"data": data, "function": fname, "transformed": mat(Z),
                "inverse": mat(m.inverse_transform(Z))}
        if iname:
            case["inverseFunction"] = iname
        cases.append(case)
    return cases


def spline(D):
    cases = []
    rng = np.random.RandomState(5)
    for data, params, weighted in [
        ("numeric", dict(), False),
        ("numeric", dict(n_knots=4, degree=2, extrapolation="linear", include_bias=False), False),
        ("numeric", dict(n_knots=6, degree=3, knots="quantile", extrapolation="continue"), False),
        ("numeric", dict(n_knots=5, degree=3, extrapolation="periodic"), False),
        ("numeric_nan", dict(n_knots=4, degree=2, handle_missing="zeros"), False),
        ("diabetes", dict(n_knots=5, degree=3, knots="quantile"), False),
        ("wine", dict(n_knots=3, degree=2, extrapolation="linear"), False),
        ("wine", dict(n_knots=4, degree=1, extrapolation="constant"), False),
        ("wine", dict(n_knots=5, degree=2, extrapolation="periodic", include_bias=False), False),
        ("diabetes", dict(n_knots=4, degree=3, knots="quantile"), True),
        ("diabetes", dict(n_knots=4, degree=3, knots="uniform"), True),
    ]:
        X = D[data]
        w = rng.randint(0, 3, size=X.shape[0]).astype(float) if weighted else None
        if w is not None:
            w[0] = 1.0
        m = SplineTransformer(**params).fit(X, sample_weight=w)
        lo, hi = np.nanmin(X, axis=0), np.nanmax(X, axis=0)
        T = lo + (hi - lo) * np.random.RandomState(2).uniform(-0.3, 1.3, size=(40, X.shape[1]))
        if params.get("extrapolation") == "error":
            T = np.clip(T, lo, hi)
        T = np.vstack([T, X[:20]])
        case = {
            "data": data,
            "knotCount": params.get("n_knots", 5), "degree": params.get("degree", 3),
            "knots": params.get("knots", "uniform"),
            "extrapolation": params.get("extrapolation", "constant"),
            "includeBias": params.get("include_bias", True),
            "handleMissing": params.get("handle_missing", "error"),
            "knotVectors": [vec(b.t) for b in m.bsplines_],
            "test": mat(T), "transformed": mat(m.transform(T)),
            "names": list(m.get_feature_names_out()),
        }
        if w is not None:
            case["sampleWeight"] = vec(w)
        cases.append(case)
    return cases


def pca(D):
    cases = []
    for data, params in [
        ("diabetes", dict(n_components=None, svd_solver="full")),
        ("diabetes", dict(n_components=4)),                          # auto -> covariance_eigh
        ("wine", dict(n_components=0.95, svd_solver="full")),
        ("wine", dict(n_components=5, whiten=True, svd_solver="full")),
        ("tall", dict(n_components=3)),                               # auto -> covariance_eigh
        ("tall", dict(n_components=0.9, svd_solver="covariance_eigh", whiten=True)),
        ("numeric", dict(n_components=2, svd_solver="full")),
    ]:
        X = D[data]
        m = PCA(**params).fit(X)
        Z = m.transform(X)
        nc = params.get("n_components")
        case = {
            "data": data, "solver": params.get("svd_solver", "auto"),
            "whiten": params.get("whiten", False),
            "resolvedSolver": m._fit_svd_solver,
            "components": mat(m.components_),
            "explainedVariance": vec(m.explained_variance_),
            "explainedVarianceRatio": vec(m.explained_variance_ratio_),
            "singularValues": vec(m.singular_values_),
            "noiseVariance": num(m.noise_variance_),
            "mean": vec(m.mean_),
            "transformed": mat(Z),
            "inverse": mat(m.inverse_transform(Z)),
        }
        if isinstance(nc, int):
            case["componentCount"] = nc
        elif isinstance(nc, float):
            case["varianceFraction"] = nc
        cases.append(case)
    return cases


def truncated_svd(D):
    cases = []
    for data, k in [("diabetes", 3), ("wine", 4), ("numeric", 2)]:
        X = D[data]
        exact = TruncatedSVD(n_components=k, algorithm="arpack", tol=0.0, random_state=0).fit(X)
        rand = TruncatedSVD(n_components=k, random_state=0).fit(X)
        cases.append({
            "data": data, "componentCount": k,
            "components": mat(exact.components_),
            "singularValues": vec(exact.singular_values_),
            "explainedVariance": vec(exact.explained_variance_),
            "explainedVarianceRatio": vec(exact.explained_variance_ratio_),
            "transformed": mat(exact.transform(X)),
            "randomizedSingularValues": vec(rand.singular_values_),
            "randomizedExplainedVarianceRatio": vec(rand.explained_variance_ratio_),
        })
    return cases


def generate():
    D = datasets()
    write("features", {
        "data": {name: mat(X) for name, X in D.items()},
        "polynomial": polynomial(D),
        "power": power(D),
        "quantile": quantile(D),
        "kbins": kbins(D),
        "function": function(D),
        "spline": spline(D),
        "pca": pca(D),
        "truncatedSVD": truncated_svd(D),
    })


if __name__ == "__main__":
    generate()

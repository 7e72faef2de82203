"""Parity fixtures for the regularised linear models: Ridge, Lasso, ElasticNet (and their CV forms).

Each case stores its inputs with scikit-learn's fitted attributes, so the Swift tests need only
the JSON file. Designs: diabetes, an exactly collinear design, a wide (p > n) design, a weighted
set, a multi-target set and a design with a constant column.
"""
import warnings

import numpy as np
from sklearn.datasets import load_diabetes, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import (ElasticNet, ElasticNetCV, Lasso, LassoCV, LinearRegression,
                                  Ridge, RidgeCV)

from fixturelib import mat, num, vec, write


def designs():
    rng = np.random.RandomState(42)
    out = {}
    X, y = load_diabetes(return_X_y=True)
    out["diabetes"] = (X, y, None)
    Xc = rng.normal(size=(60, 6))
    Xc[:, 4] = Xc[:, 0] - 2 * Xc[:, 1]          # exactly collinear
    Xc[:, 5] = Xc[:, 2]                          # duplicated column
    yc = Xc[:, :4] @ np.array([1.5, -2.0, 0.7, 3.0]) + 0.3 * rng.normal(size=60)
    out["collinear"] = (Xc, yc, None)
    Xw, yw = make_regression(n_samples=30, n_features=80, n_informative=10, noise=1.0,
                             random_state=3)
    out["wide"] = (Xw, yw, None)
    Xs, ys = make_regression(n_samples=120, n_features=7, noise=4.0, bias=2.0, random_state=5)
    out["weighted"] = (Xs, ys, rng.uniform(0, 3, size=120))
    Xi, yi = make_regression(n_samples=100, n_features=5, noise=2.0, random_state=8)
    ws = rng.randint(0, 4, size=100).astype(float)
    out["integer_weighted"] = (Xi, yi, ws)
    Xk = rng.normal(size=(50, 4))
    Xk[:, 2] = 3.0                               # constant column
    yk = Xk @ np.array([1.0, -1.0, 5.0, 0.5]) + rng.normal(size=50)
    out["constant_column"] = (Xk, yk, None)
    return out


def ridge_cases(D):
    cases = []

    def add(name, design, **params):
        X, y, w = D[design]
        m = Ridge(**params).fit(X, y, sample_weight=w)
        cases.append({
            "name": name, "design": design,
            "alpha": params.get("alpha", 1.0), "fitIntercept": params.get("fit_intercept", True),
            "solver": params.get("solver", "auto"), "tol": params.get("tol", 1e-4),
            "coef": vec(m.coef_), "intercept": num(m.intercept_), "solverUsed": m.solver_,
        })

    for design in ["diabetes", "collinear", "wide", "weighted", "integer_weighted",
                   "constant_column"]:
        for solver in ["auto", "cholesky", "svd"]:
            add(f"{design}_{solver}", design, alpha=0.5, solver=solver)
    add("diabetes_sparse_cg", "diabetes", alpha=0.01, solver="sparse_cg")
    add("diabetes_sparse_cg_tight", "diabetes", alpha=0.01, solver="sparse_cg", tol=1e-12)
    add("wide_sparse_cg", "wide", alpha=2.0, solver="sparse_cg", tol=1e-10)
    add("weighted_sparse_cg", "weighted", alpha=3.0, solver="sparse_cg", tol=1e-10)
    add("diabetes_no_intercept", "diabetes", alpha=0.1, fit_intercept=False)
    add("wide_no_intercept_svd", "wide", alpha=1.0, fit_intercept=False, solver="svd")
    add("diabetes_alpha0_svd", "diabetes", alpha=0.0, solver="svd")
    add("collinear_alpha0_svd", "collinear", alpha=0.0, solver="svd")
    add("collinear_alpha0_cholesky", "collinear", alpha=0.0, solver="cholesky")
    return cases


def ridge_multi_target():
    X, Y = make_regression(n_samples=80, n_features=6, n_targets=3, noise=3.0, random_state=11)
    w = np.random.RandomState(2).uniform(0.5, 2.0, size=80)
    cases = []
    for solver in ["cholesky", "svd"]:
        m = Ridge(alpha=2.0, solver=solver).fit(X, Y, sample_weight=w)
        cases.append({"name": f"multi_{solver}", "X": mat(X), "Y": mat(Y), "sampleWeight": vec(w),
                      "alpha": 2.0, "solver": solver, "coef": mat(m.coef_),
                      "intercept": vec(m.intercept_), "predictions": mat(m.predict(X))})
    return cases


def enet_cases(D):
    cases = []

    def add(name, design, l1_ratio, **params):
        X, y, w = D[design]
        est = Lasso(**params) if l1_ratio is None else ElasticNet(l1_ratio=l1_ratio, **params)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            m = est.fit(X, y, sample_weight=w)
        cases.append({
            "name": name, "design": design,
            "model": "lasso" if l1_ratio is None else "elasticnet",
            "alpha": params.get("alpha", 1.0),
            "l1Ratio": 1.0 if l1_ratio is None else l1_ratio,
            "fitIntercept": params.get("fit_intercept", True),
            "tol": params.get("tol", 1e-4), "maxIter": params.get("max_iter", 1000),
            "positive": params.get("positive", False),
            "precompute": params.get("precompute", False),
            "coef": vec(m.coef_), "intercept": num(m.intercept_),
            "nIter": int(m.n_iter_), "dualGap": num(m.dual_gap_),
        })

    tight = dict(tol=1e-12, max_iter=200000)
    for design in ["diabetes", "collinear", "wide", "weighted", "integer_weighted",
                   "constant_column"]:
        add(f"lasso_{design}_tight", design, None, alpha=0.1, **tight)
        add(f"enet_{design}_tight", design, 0.3, alpha=0.2, **tight)
        add(f"lasso_{design}_default", design, None, alpha=0.1)
        add(f"enet_{design}_default", design, 0.7, alpha=0.05)
    add("lasso_diabetes_alpha1", "diabetes", None)
    add("enet_diabetes_alpha1", "diabetes", 0.5)
    add("lasso_diabetes_small_alpha_tight", "diabetes", None, alpha=0.001, **tight)
    add("lasso_diabetes_positive_tight", "diabetes", None, alpha=0.05, positive=True, **tight)
    add("enet_weighted_positive_tight", "weighted", 0.5, alpha=0.5, positive=True, **tight)
    add("lasso_diabetes_no_intercept_tight", "diabetes", None, alpha=0.05, fit_intercept=False,
        **tight)
    add("enet_wide_no_intercept_tight", "wide", 0.9, alpha=0.5, fit_intercept=False, **tight)
    add("lasso_diabetes_maxiter3", "diabetes", None, alpha=0.01, max_iter=3)
    add("enet_l1ratio0_tight", "weighted", 0.0, alpha=0.3, **tight)
    add("lasso_diabetes_precompute_tight", "diabetes", None, alpha=0.05, precompute=True, **tight)
    add("enet_weighted_precompute_tight", "weighted", 0.6, alpha=0.1, precompute=True, **tight)
    add("lasso_diabetes_precompute_default", "diabetes", None, alpha=0.1, precompute=True)
    add("enet_integer_weighted_precompute_default", "integer_weighted", 0.4, alpha=0.05,
        precompute=True)
    add("lasso_diabetes_precompute_maxiter3", "diabetes", None, alpha=0.01, max_iter=3,
        precompute=True)
    return cases


def ridge_cv_cases(D):
    cases = []

    def add(name, design, alphas=(0.1, 1.0, 10.0), gcv_mode=None, fit_intercept=True):
        X, y, w = D[design]
        m = RidgeCV(alphas=alphas, gcv_mode=gcv_mode, fit_intercept=fit_intercept)
        m.fit(X, y, sample_weight=w)
        cases.append({"name": name, "design": design, "alphas": vec(alphas),
                      "gcvMode": gcv_mode or "auto", "fitIntercept": fit_intercept,
                      "alpha": num(m.alpha_), "bestScore": num(m.best_score_),
                      "coef": vec(m.coef_), "intercept": num(m.intercept_)})

    grid = tuple(np.logspace(-4, 2, 13))
    for design in ["diabetes", "collinear", "wide", "weighted", "constant_column"]:
        for mode in [None, "svd", "eigen"]:
            add(f"{design}_{mode or 'auto'}", design, alphas=grid, gcv_mode=mode)
    add("diabetes_default", "diabetes")
    add("wide_no_intercept", "wide", alphas=grid, fit_intercept=False)
    add("weighted_no_intercept_svd", "weighted", alphas=grid, gcv_mode="svd", fit_intercept=False)
    return cases


def enet_cv_cases(D):
    cases = []

    def add(name, design, l1_ratio=None, **params):
        X, y, w = D[design]
        est = LassoCV(**params) if l1_ratio is None else ElasticNetCV(l1_ratio=l1_ratio, **params)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            m = est.fit(X, y, sample_weight=w)
        ratios = [1.0] if l1_ratio is None else list(np.atleast_1d(l1_ratio))
        mse = np.asarray(m.mse_path_).reshape(len(ratios), -1, m.mse_path_.shape[-1])
        alphas = np.asarray(m.alphas_).reshape(len(ratios), -1)
        cases.append({
            "name": name, "design": design, "model": "lassocv" if l1_ratio is None else "enetcv",
            "l1Ratios": vec(ratios), "tol": params.get("tol", 1e-4),
            "maxIter": params.get("max_iter", 1000), "alphaCount": params.get("alphas", 100),
            "fitIntercept": params.get("fit_intercept", True),
            "alpha": num(m.alpha_), "l1Ratio": num(getattr(m, "l1_ratio_", 1.0)),
            "alphasPath": mat(alphas), "msePath": [mat(t) for t in mse],
            "coef": vec(m.coef_), "intercept": num(m.intercept_),
        })

    tight = dict(tol=1e-10, max_iter=100000)
    add("lassocv_diabetes_tight", "diabetes", alphas=30, **tight)
    add("lassocv_weighted_tight", "weighted", alphas=30, **tight)
    add("lassocv_wide_tight", "wide", alphas=20, **tight)
    add("enetcv_diabetes_tight", "diabetes", l1_ratio=[0.2, 0.7, 1.0], alphas=20, **tight)
    add("enetcv_integer_weighted_tight", "integer_weighted", l1_ratio=[0.5, 0.9], alphas=20,
        **tight)
    add("lassocv_diabetes_default", "diabetes")
    return cases


def positive_ols_cases(D):
    cases = []
    for design in ["diabetes", "weighted", "integer_weighted", "constant_column", "collinear",
                   "wide"]:
        for fit_intercept in [True, False]:
            X, y, w = D[design]
            m = LinearRegression(positive=True, fit_intercept=fit_intercept)
            m.fit(X, y, sample_weight=w)
            cases.append({"name": f"{design}_{fit_intercept}", "design": design,
                          "fitIntercept": fit_intercept, "coef": vec(m.coef_),
                          "intercept": num(m.intercept_)})
    return cases


def generate():
    D = designs()
    write("linear_models", {
        "designs": [{"name": k, "X": mat(X), "y": vec(y), "sampleWeight": None if w is None else vec(w)}
                    for k, (X, y, w) in D.items()],
        "ridge": ridge_cases(D),
        "ridgeMultiTarget": ridge_multi_target(),
        "elasticNet": enet_cases(D),
        "ridgeCV": ridge_cv_cases(D),
        "linearRegressionPositive": positive_ols_cases(D),
        "elasticNetCV": enet_cv_cases(D),
    })

"""Parity fixtures for the SGD family, the linear SVMs and DummyRegressor (issue 5).

* DummyRegressor: every strategy, with and without sample weights (exact).
* SGDClassifier, Perceptron, SGDRegressor: the shuffling generators differ, so the fixture stores
  scikit-learn's mean test accuracy / R² over twenty seeds; the Swift test averages over twenty
  seeds of its own and must land within 0.01 (main losses) or 0.03 (the variant settings).
* LinearSVC / LinearSVR: strictly convex primal problems solved to a tight tolerance; the
  fixture stores coefficients and intercepts.
* LinearDiscriminantAnalysis / QuadraticDiscriminantAnalysis (deterministic): coefficients,
  decision values, probabilities and projections, in sgd_discriminant.json.
"""
import warnings

import numpy as np
from sklearn.datasets import (load_breast_cancer, load_diabetes, load_iris, load_wine,
                              make_regression)
from sklearn.discriminant_analysis import (LinearDiscriminantAnalysis,
                                           QuadraticDiscriminantAnalysis)
from sklearn.dummy import DummyRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron, SGDClassifier, SGDRegressor
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC, LinearSVR

from fixturelib import mat, num, vec, write

warnings.filterwarnings("ignore", category=ConvergenceWarning)
SEEDS = list(range(20))


def split(X, y, stratify=True):
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.5, random_state=0,
                                          stratify=y if stratify else None)
    scaler = StandardScaler().fit(Xtr)
    return scaler.transform(Xtr), scaler.transform(Xte), ytr, yte


def datasets():
    out = {}
    X, y = load_breast_cancer(return_X_y=True)
    out["breast_cancer"] = split(X, y)
    X, y = load_wine(return_X_y=True)
    out["wine"] = split(X, y)
    X, y = load_diabetes(return_X_y=True)
    Xtr, Xte, ytr, yte = split(X, y, stratify=False)
    mu, sd = ytr.mean(), ytr.std()
    out["diabetes"] = (Xtr, Xte, (ytr - mu) / sd, (yte - mu) / sd)
    X, y = make_regression(n_samples=1000, n_features=20, n_informative=10, noise=10.0,
                           random_state=1)
    Xtr, Xte, ytr, yte = split(X, y, stratify=False)
    mu, sd = ytr.mean(), ytr.std()
    out["regression"] = (Xtr, Xte, (ytr - mu) / sd, (yte - mu) / sd)
    return out


def dummy_cases():
    rng = np.random.RandomState(0)
    y = np.round(rng.normal(size=41) * 3, 1)   # rounded: ties included
    y_even = y[:40]
    w = rng.uniform(0, 3, size=41)
    w[[3, 7]] = 0
    cases = []
    for name, target in [("odd", y), ("even", y_even)]:
        X = np.zeros((len(target), 2))
        for weighted in [False, True]:
            sw = w[:len(target)] if weighted else None
            for strategy, q in [("mean", None), ("median", None), ("quantile", 0.0),
                                ("quantile", 0.1), ("quantile", 0.37), ("quantile", 0.5),
                                ("quantile", 0.9), ("quantile", 1.0), ("constant", None)]:
                kwargs = {"strategy": strategy}
                if strategy == "quantile":
                    kwargs["quantile"] = q
                if strategy == "constant":
                    kwargs["constant"] = 2.5
                m = DummyRegressor(**kwargs).fit(X, target, sample_weight=sw)
                case = {"name": f"{name}_{strategy}_{q}_{weighted}", "y": vec(target),
                        "strategy": strategy, "constant": num(m.constant_[0, 0])}
                if q is not None:
                    case["quantile"] = q
                if sw is not None:
                    case["sampleWeight"] = vec(sw)
                cases.append(case)
    return cases


def quality_cases(D):
    cases = []

    def add(kind, design, params):
        main = len(params) <= 1
        Xtr, Xte, ytr, yte = D[design]
        scores, iters = [], []
        for seed in SEEDS:
            if kind == "sgd_classifier":
                m = SGDClassifier(random_state=seed, **params)
            elif kind == "perceptron":
                m = Perceptron(random_state=seed, **params)
            else:
                m = SGDRegressor(random_state=seed, **params)
            m.fit(Xtr, ytr)
            scores.append(m.score(Xte, yte))
            iters.append(m.n_iter_)
        cases.append({"name": f"{kind}_{design}_{'_'.join(f'{k}={v}' for k, v in params.items())}",
                      "kind": kind, "design": design, "params": params,
                      "main": main, "meanScore": float(np.mean(scores)), "scores": vec(scores),
                      "meanIterations": float(np.mean(iters))})

    for design in ["breast_cancer", "wine"]:
        for loss in ["hinge", "log_loss", "modified_huber"]:
            add("sgd_classifier", design, {"loss": loss})
        add("sgd_classifier", design, {"loss": "hinge", "penalty": "l1"})
        add("sgd_classifier", design, {"loss": "log_loss", "penalty": "elasticnet", "alpha": 0.001})
        add("sgd_classifier", design, {"loss": "hinge", "average": 1})
        add("sgd_classifier", design, {"loss": "log_loss", "learning_rate": "adaptive", "eta0": 0.1})
        add("sgd_classifier", design, {"loss": "hinge", "early_stopping": True})
        add("perceptron", design, {})
    for design in ["diabetes", "regression"]:
        for loss in ["squared_error", "huber", "epsilon_insensitive"]:
            add("sgd_regressor", design, {"loss": loss})
        add("sgd_regressor", design, {"loss": "squared_error", "penalty": "elasticnet", "alpha": 0.01})
        add("sgd_regressor", design, {"loss": "squared_error", "learning_rate": "constant"})
        add("sgd_regressor", design, {"loss": "squared_error", "average": 10})
        add("sgd_regressor", design, {"loss": "squared_error", "early_stopping": True})
        add("sgd_regressor", design, {"loss": "squared_epsilon_insensitive", "learning_rate": "adaptive"})
    add("sgd_classifier", "breast_cancer", {"loss": "squared_hinge"})
    return cases


def svc_objective(X, y_pm, w, b, C, cost, squared, scale):
    margin = 1 - y_pm * (X @ w + b)
    loss = np.maximum(0, margin)
    if squared:
        loss = loss ** 2
    wb = b / scale if scale > 0 else 0.0
    return 0.5 * (w @ w + wb * wb) + np.sum(C * cost * loss)


def svm_cases(D):
    cases = []
    tight = dict(tol=1e-10, max_iter=1_000_000, dual=True, random_state=0)

    def add_svc(name, design, params, weighted=False):
        Xtr, _, ytr, _ = D[design]
        sw = np.random.RandomState(3).uniform(0, 2, size=len(ytr)) if weighted else None
        m = LinearSVC(**params, **tight).fit(Xtr, ytr, sample_weight=sw)
        case = {"name": name, "design": design, "params": params,
                "coef": mat(m.coef_), "intercept": vec(m.intercept_),
                "nIter": int(m.n_iter_)}
        if sw is not None:
            case["sampleWeight"] = vec(sw)
        cases.append(case)

    add_svc("svc_breast_cancer", "breast_cancer", {})
    add_svc("svc_breast_cancer_hinge", "breast_cancer", {"loss": "hinge", "C": 0.1})
    add_svc("svc_breast_cancer_weighted", "breast_cancer", {"C": 0.5}, weighted=True)
    add_svc("svc_breast_cancer_balanced", "breast_cancer", {"class_weight": "balanced"})
    add_svc("svc_breast_cancer_scaling", "breast_cancer", {"intercept_scaling": 10.0, "C": 0.2})
    add_svc("svc_breast_cancer_no_intercept", "breast_cancer", {"fit_intercept": False})
    add_svc("svc_wine", "wine", {})
    add_svc("svc_wine_hinge_weights", "wine", {"loss": "hinge", "class_weight": {0: 3.0, 2: 0.5}})

    def add_svr(name, design, params, weighted=False):
        Xtr, _, ytr, _ = D[design]
        sw = np.random.RandomState(4).uniform(0, 2, size=len(ytr)) if weighted else None
        m = LinearSVR(**params, **tight).fit(Xtr, ytr, sample_weight=sw)
        case = {"name": name, "design": design, "params": params,
                "coef": mat(m.coef_.reshape(1, -1)), "intercept": vec([m.intercept_[0]]),
                "nIter": int(m.n_iter_)}
        if sw is not None:
            case["sampleWeight"] = vec(sw)
        cases.append(case)

    add_svr("svr_diabetes", "diabetes", {"epsilon": 0.5})
    add_svr("svr_diabetes_eps", "diabetes", {"epsilon": 0.2, "C": 0.5})
    add_svr("svr_diabetes_squared", "diabetes", {"loss": "squared_epsilon_insensitive", "epsilon": 0.1})
    add_svr("svr_regression_weighted", "regression", {"epsilon": 0.3}, weighted=True)
    add_svr("svr_regression_squared_scaling", "regression",
            {"loss": "squared_epsilon_insensitive", "intercept_scaling": 5.0})
    return cases


def discriminant_fixture():
    designs = {"wine": load_wine(return_X_y=True), "iris": load_iris(return_X_y=True),
               "breast_cancer": load_breast_cancer(return_X_y=True)}
    cases = []

    def add_lda(name, design, params):
        X, y = designs[design]
        m = LinearDiscriminantAnalysis(**params).fit(X, y)
        case = {"name": name, "design": design, "kind": "lda",
                "params": {k: v for k, v in params.items()},
                "coef": mat(m.coef_), "intercept": vec(m.intercept_), "means": mat(m.means_),
                "priors": vec(m.priors_), "decision": mat(m.decision_function(X)),
                "proba": mat(m.predict_proba(X)), "predict": [int(v) for v in m.predict(X)]}
        if params.get("solver", "svd") == "svd":
            case["transform"] = mat(m.transform(X))
            case["explainedVarianceRatio"] = vec(m.explained_variance_ratio_)
            case["xbar"] = vec(m.xbar_)
        cases.append(case)

    def add_qda(name, design, params):
        X, y = designs[design]
        m = QuadraticDiscriminantAnalysis(**params).fit(X, y)
        cases.append({"name": name, "design": design, "kind": "qda", "params": params,
                      "means": mat(m.means_), "priors": vec(m.priors_),
                      "decision": mat(m.decision_function(X)),
                      "proba": mat(m.predict_proba(X)),
                      "predict": [int(v) for v in m.predict(X)]})

    add_lda("lda_wine_svd", "wine", {})
    add_lda("lda_iris_svd", "iris", {})
    add_lda("lda_iris_svd_one_component", "iris", {"n_components": 1})
    add_lda("lda_breast_cancer_svd", "breast_cancer", {})
    add_lda("lda_wine_svd_priors", "wine", {"priors": [0.5, 0.3, 0.2]})
    add_lda("lda_wine_lsqr", "wine", {"solver": "lsqr"})
    add_lda("lda_wine_lsqr_shrink", "wine", {"solver": "lsqr", "shrinkage": 0.3})
    add_lda("lda_wine_lsqr_auto", "wine", {"solver": "lsqr", "shrinkage": "auto"})
    add_lda("lda_breast_cancer_lsqr_auto", "breast_cancer", {"solver": "lsqr", "shrinkage": "auto"})
    add_qda("qda_wine", "wine", {})
    add_qda("qda_iris", "iris", {})
    add_qda("qda_iris_reg", "iris", {"reg_param": 0.1, "priors": [0.2, 0.3, 0.5]})
    add_qda("qda_breast_cancer", "breast_cancer", {"reg_param": 0.01})
    out_designs = [{"name": k, "X": mat(v[0]), "y": [int(t) for t in v[1]]}
                   for k, v in designs.items()]
    write("sgd_discriminant", {"designs": out_designs, "cases": cases})


def main():
    D = datasets()
    designs = [{"name": k, "Xtrain": mat(v[0]), "Xtest": mat(v[1]), "ytrain": vec(v[2]),
                "ytest": vec(v[3])} for k, v in D.items()]
    write("sgd", {"designs": designs, "dummy": dummy_cases(), "quality": quality_cases(D),
                  "svm": svm_cases(D)})
    discriminant_fixture()


if __name__ == "__main__":
    main()

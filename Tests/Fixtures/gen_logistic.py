"""Parity fixtures for the linear classifiers: LogisticRegression, LogisticRegressionCV and
RidgeClassifier (scikit-learn 1.9).

Every logistic case is fitted to a tight tolerance (tol 1e-10, a large max_iter). Each case
also stores the optimum ("optimum*"): scikit-learn's Newton-Cholesky solution for L2 (scipy's
L-BFGS stops on ftol = 64 eps a little before the optimum, ~1e-5 relative in the coefficients)
and saga's for L1 and elastic net. The Swift tests compare coefficients and probabilities with
the optimum and the objective value with both. The objective is written
out as scikit-learn scales it in `_logistic_regression_path`:

    F = (1/S) sum_i s_i loss_i + (1 - l1_ratio)/(2 C S) ||W||^2 + l1_ratio/(C S) ||W||_1

with s_i = sample weight x class weight and S = sum_i s_i.
"""
import warnings

import numpy as np
from scipy.special import logsumexp
from sklearn.datasets import load_breast_cancer, load_wine, make_classification
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV, RidgeClassifier
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.utils.class_weight import compute_class_weight

from fixturelib import ints, mat, num, vec, write

TIGHT = dict(tol=1e-10, max_iter=100000)


def designs():
    rng = np.random.RandomState(0)
    out = {}
    X, y = load_breast_cancer(return_X_y=True)
    out["cancer"] = (StandardScaler().fit_transform(X), y, None)
    X, y = load_wine(return_X_y=True)
    out["wine"] = (StandardScaler().fit_transform(X), y, None)
    Xw, yw = make_classification(n_samples=150, n_features=6, n_informative=4, n_redundant=0,
                                 n_classes=3, random_state=4)
    out["weighted"] = (Xw, yw, rng.uniform(0, 3, size=150))
    Xb, yb = make_classification(n_samples=120, n_features=5, n_informative=3, n_redundant=0,
                                 weights=[0.8, 0.2], random_state=6)
    out["weighted_binary"] = (Xb, yb, rng.randint(0, 4, size=120).astype(float))
    Xp, yp = make_classification(n_samples=40, n_features=80, n_informative=6, random_state=2)
    out["wide"] = (Xp, yp, None)
    Xc = out["cancer"][0][:, :8].copy()
    Xc[:, 3] = 2.5                                  # a constant column
    out["constant_column"] = (Xc, out["cancer"][1], None)
    return out


def objective(X, y, w, classes, coef, intercept, C, l1_ratio, class_weight):
    s = np.ones(len(y)) if w is None else np.asarray(w, dtype=float).copy()
    if class_weight is not None:
        cw = compute_class_weight(class_weight, classes=classes, y=y,
                                  sample_weight=None if w is None else w)
        s = s * cw[np.searchsorted(classes, y)]
    S = s.sum()
    raw = X @ coef.T + intercept
    if len(classes) == 2:
        z = raw[:, 0]
        t = (y == classes[1]).astype(float)
        loss = np.logaddexp(0, z) - t * z
    else:
        loss = logsumexp(raw, axis=1) - raw[np.arange(len(y)), np.searchsorted(classes, y)]
    value = (s * loss).sum() / S
    if np.isfinite(C):
        value += (1 - l1_ratio) / (2 * C * S) * (coef ** 2).sum()
        value += l1_ratio / (C * S) * np.abs(coef).sum()
    return value


def logistic_cases(D):
    cases = []

    def add(name, design, C=1.0, l1_ratio=0.0, solver="lbfgs", fit_intercept=True,
            class_weight=None, swift_solver=None):
        X, y, w = D[design]
        m = LogisticRegression(C=C, l1_ratio=l1_ratio, solver=solver,
                               fit_intercept=fit_intercept, class_weight=class_weight,
                               random_state=0, **TIGHT)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m.fit(X, y, sample_weight=w)
        cw = None
        if class_weight == "balanced":
            cw = {"kind": "balanced"}
        elif class_weight is not None:
            cw = {"kind": "weights", "labels": ints(list(class_weight.keys())),
                  "weights": vec(list(class_weight.values()))}
        case = {
            "name": name, "design": design, "C": num(C), "l1Ratio": l1_ratio,
            "solver": swift_solver or solver, "fitIntercept": fit_intercept,
            "coef": mat(m.coef_), "intercept": vec(m.intercept_), "classes": ints(m.classes_),
            "predict": ints(m.predict(X)), "nIter": int(np.max(m.n_iter_)),
            "objective": num(objective(X, y, w, m.classes_, m.coef_, m.intercept_, C,
                                       l1_ratio, class_weight)),
        }
        if cw is not None:
            case["classWeight"] = cw
        # The optimum itself: for L2, Newton-Cholesky at tol 1e-10 reaches it to ~1e-12
        # (L-BFGS stops earlier, on scipy's ftol = 64 eps, within ~1e-5 of it); for L1 and
        # elastic net, saga's own result.
        opt = m
        if l1_ratio == 0:
            opt = LogisticRegression(C=C, solver="newton-cholesky", fit_intercept=fit_intercept,
                                     class_weight=class_weight, **TIGHT)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                opt.fit(X, y, sample_weight=w)
        case["optimumCoef"] = mat(opt.coef_)
        case["optimumIntercept"] = vec(opt.intercept_)
        case["optimumProba"] = mat(opt.predict_proba(X))
        case["optimumObjective"] = num(objective(X, y, w, opt.classes_, opt.coef_,
                                                 opt.intercept_, C, l1_ratio, class_weight))
        cases.append(case)

    add("cancer_lbfgs", "cancer")
    add("cancer_newton", "cancer", solver="newton-cholesky", swift_solver="newton-cholesky")
    add("cancer_lbfgs_C0.01", "cancer", C=0.01)
    add("cancer_lbfgs_no_intercept", "cancer", fit_intercept=False)
    add("cancer_balanced", "cancer", class_weight="balanced")
    add("wine_lbfgs", "wine")
    add("wine_newton", "wine", solver="newton-cholesky")
    add("wine_lbfgs_C10", "wine", C=10.0)
    add("wine_class_weight_dict", "wine", class_weight={0: 2.0, 2: 0.5})
    add("wine_no_intercept_newton", "wine", solver="newton-cholesky", fit_intercept=False)
    add("weighted_lbfgs", "weighted")
    add("weighted_newton", "weighted", solver="newton-cholesky")
    add("weighted_balanced", "weighted", class_weight="balanced")
    add("weighted_binary_lbfgs", "weighted_binary", C=0.3)
    add("weighted_binary_balanced_newton", "weighted_binary", solver="newton-cholesky",
        class_weight="balanced")
    add("wide_lbfgs", "wide", C=0.1)
    add("wide_newton", "wide", C=0.1, solver="newton-cholesky")
    add("constant_column_lbfgs", "constant_column")
    add("constant_column_newton", "constant_column", solver="newton-cholesky")
    # L1 and elastic net: scikit-learn's saga; SwiftLearn's proximal Newton (newton-cd).
    add("cancer_l1", "cancer", C=0.1, l1_ratio=1.0, solver="saga", swift_solver="newton-cd")
    add("cancer_elasticnet", "cancer", C=0.5, l1_ratio=0.5, solver="saga",
        swift_solver="newton-cd")
    add("wine_elasticnet", "wine", C=0.5, l1_ratio=0.7, solver="saga", swift_solver="newton-cd")
    add("weighted_binary_l1", "weighted_binary", C=0.2, l1_ratio=1.0, solver="saga",
        swift_solver="newton-cd")
    add("cancer_l2_newton_cd", "cancer", solver="lbfgs", swift_solver="newton-cd")
    return cases


def cv_cases(D):
    cases = []
    for design in ["cancer", "wine"]:
        X, y, _ = D[design]
        m = LogisticRegressionCV(Cs=10, l1_ratios=(0.0,), cv=5, scoring="accuracy",
                                 use_legacy_attributes=False, **TIGHT).fit(X, y)
        folds = StratifiedKFold(5).split(X, y)
        test_fold = np.empty(len(y), dtype=int)
        for k, (_, test) in enumerate(folds):
            test_fold[test] = k
        cases.append({
            "name": design + "_cv", "design": design, "Cs": vec(m.Cs_), "C": num(m.C_),
            "scores": mat(m.scores_[:, 0, :]), "coef": mat(m.coef_),
            "intercept": vec(m.intercept_), "testFold": ints(test_fold),
            "proba": mat(m.predict_proba(X)),
        })
    return cases


def ridge_classifier_cases(D):
    cases = []

    def add(name, design, alpha=1.0, class_weight=None, fit_intercept=True):
        X, y, w = D[design]
        m = RidgeClassifier(alpha=alpha, class_weight=class_weight,
                            fit_intercept=fit_intercept).fit(X, y, sample_weight=w)
        cases.append({
            "name": name, "design": design, "alpha": alpha, "fitIntercept": fit_intercept,
            "balanced": class_weight == "balanced", "coef": mat(np.atleast_2d(m.coef_)),
            "intercept": vec(np.broadcast_to(m.intercept_, (np.atleast_2d(m.coef_).shape[0],))),
            "decision": mat(m.decision_function(X)), "predict": ints(m.predict(X)),
        })

    add("cancer", "cancer")
    add("cancer_balanced", "cancer", alpha=3.0, class_weight="balanced")
    add("wine", "wine", alpha=0.5)
    add("weighted", "weighted")
    add("weighted_balanced_no_intercept", "weighted", class_weight="balanced",
        fit_intercept=False)
    add("wide", "wide", alpha=2.0)
    return cases


def generate():
    D = designs()
    out = {
        "designs": [
            dict({"name": k, "X": mat(X), "y": ints(y)},
                 **({} if w is None else {"sampleWeight": vec(w)}))
            for k, (X, y, w) in D.items()
        ],
        "logistic": logistic_cases(D),
        "logisticCV": cv_cases(D),
        "ridgeClassifier": ridge_classifier_cases(D),
    }
    write("logistic", out)


if __name__ == "__main__":
    generate()

"""Parity fixtures for searches, curves, permutation importance, t-tests and threshold tuning.

Every case stores its inputs and scikit-learn's (or scipy's) outputs. Deterministic cases
(non-shuffled KFold, closed-form models) are compared to 1e-10 in the Swift tests. For
permutation importance the row permutations scikit-learn draws are stored too, so the Swift
engine can be driven with the same permutations.
"""
import numpy as np
from scipy import stats
from sklearn.datasets import make_classification, make_regression
from sklearn.inspection import permutation_importance
from sklearn.linear_model import Ridge
from sklearn.model_selection import (GridSearchCV, KFold, StratifiedKFold, learning_curve,
                                     validation_curve)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fixturelib import ints, mat, num, vec, write

try:
    from sklearn.linear_model import LogisticRegression
except ImportError:  # pragma: no cover
    LogisticRegression = None


def regression_data():
    X, y = make_regression(n_samples=60, n_features=20, n_informative=3, noise=60.0,
                           random_state=3)
    # Uneven feature scales so the scaler matters.
    X = X * np.tile([1.0, 10.0, 0.1, 5.0, 1.0, 100.0, 2.0, 0.5, 3.0, 1.5], 2)
    return X, y


def grid_case():
    X, y = regression_data()
    alphas = [0.001, 0.1, 1.0, 10.0, 30.0, 100.0, 1000.0]
    cv = KFold(n_splits=5)
    out = {"X": mat(X), "y": vec(y), "alphas": vec(alphas)}
    for scoring in ["r2", "neg_mean_squared_error"]:
        gs = GridSearchCV(make_pipeline(StandardScaler(), Ridge()),
                          {"ridge__alpha": alphas}, cv=cv, scoring=scoring,
                          return_train_score=True)
        gs.fit(X, y)
        r = gs.cv_results_
        out[scoring] = {
            "mean_test_score": vec(r["mean_test_score"]),
            "std_test_score": vec(r["std_test_score"]),
            "rank_test_score": ints(r["rank_test_score"]),
            "mean_train_score": vec(r["mean_train_score"]),
            "split_test_scores": mat(np.array([r[f"split{k}_test_score"] for k in range(5)]).T),
            "best_alpha": num(gs.best_params_["ridge__alpha"]),
            "best_index": int(gs.best_index_),
            "best_score": num(gs.best_score_),
            "best_coef": vec(gs.best_estimator_[-1].coef_),
        }
    gs10 = GridSearchCV(make_pipeline(StandardScaler(), Ridge()), {"ridge__alpha": alphas},
                        cv=KFold(n_splits=12))
    gs10.fit(X, y)
    out["r2_12fold"] = {"mean_test_score": vec(gs10.cv_results_["mean_test_score"]),
                        "std_test_score": vec(gs10.cv_results_["std_test_score"])}
    return out


def logistic_grid_case():
    if LogisticRegression is None:
        return None
    X, y = make_classification(n_samples=200, n_features=8, n_informative=4,
                               n_redundant=2, random_state=5)
    X = X * np.array([1, 10, 0.1, 5, 1, 100, 2, 0.5])
    Cs = [0.001, 0.01, 0.1, 1.0, 10.0, 100.0]
    cv = StratifiedKFold(n_splits=5)
    gs = GridSearchCV(make_pipeline(StandardScaler(), LogisticRegression(tol=1e-10, max_iter=10000)),
                      {"logisticregression__C": Cs}, cv=cv, scoring="neg_log_loss")
    gs.fit(X, y)
    r = gs.cv_results_
    acc = GridSearchCV(make_pipeline(StandardScaler(), LogisticRegression(tol=1e-10, max_iter=10000)),
                       {"logisticregression__C": Cs}, cv=cv).fit(X, y)
    return {
        "X": mat(X), "y": ints(y), "Cs": vec(Cs),
        "mean_test_score": vec(r["mean_test_score"]),
        "rank_test_score": ints(r["rank_test_score"]),
        "best_C": num(gs.best_params_["logisticregression__C"]),
        "accuracy_mean_test_score": vec(acc.cv_results_["mean_test_score"]),
        "accuracy_best_C": num(acc.best_params_["logisticregression__C"]),
    }


def curves_case():
    X, y = regression_data()
    model = make_pipeline(StandardScaler(), Ridge(alpha=3.0))
    sizes, train, test = learning_curve(model, X, y, cv=KFold(n_splits=4))
    sizes2, train2, test2 = learning_curve(model, X, y, cv=KFold(n_splits=3),
                                           train_sizes=[5, 17, 30, 40])
    alphas = [0.01, 1.0, 100.0]
    vtrain, vtest = validation_curve(model, X, y, param_name="ridge__alpha",
                                     param_range=alphas, cv=KFold(n_splits=5))
    return {
        "X": mat(X), "y": vec(y),
        "default": {"train_sizes": ints(sizes), "train_scores": mat(train),
                    "test_scores": mat(test)},
        "counts": {"requested": [5, 17, 30, 40], "train_sizes": ints(sizes2),
                   "train_scores": mat(train2), "test_scores": mat(test2)},
        "validation": {"alphas": vec(alphas), "train_scores": mat(vtrain),
                       "test_scores": mat(vtest)},
    }


def permutation_case():
    X, y = regression_data()
    Xtr, Xte, ytr, yte = X[:40], X[40:], y[:40], y[40:]
    model = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(Xtr, ytr)
    n_repeats = 4
    result = permutation_importance(model, Xte, yte, n_repeats=n_repeats, random_state=11)
    # Reproduce the permutations scikit-learn drew: one seed for every column, each repeat
    # shuffling the previous order again.
    rs = np.random.RandomState(11)
    seed = rs.randint(np.iinfo(np.int32).max + 1)
    rs2 = np.random.RandomState(seed)
    idx = np.arange(Xte.shape[0])
    orders = []
    for _ in range(n_repeats):
        rs2.shuffle(idx)
        orders.append(ints(idx))
    return {
        "X_train": mat(Xtr), "y_train": vec(ytr), "X_test": mat(Xte), "y_test": vec(yte),
        "orders": orders, "importances": mat(result.importances),
        "importances_mean": vec(result.importances_mean),
        "importances_std": vec(result.importances_std),
    }


def ttest_cases():
    rng = np.random.RandomState(42)
    cases = []
    for n, shift, scale in [(5, 0.01, 0.02), (10, 0.003, 0.01), (10, 0.5, 0.1), (30, -0.02, 0.05),
                            (100, 0.001, 0.03), (3, 2.0, 0.1), (20, 0.0, 0.01)]:
        a = rng.normal(0.8, scale, n)
        b = a - shift + rng.normal(0, scale, n)
        paired = stats.ttest_rel(a, b)
        d = a - b
        n_train, n_test = 4 * 50, 50
        corrected_std = np.sqrt((1 / n + n_test / n_train) * np.var(d, ddof=1))
        t = np.mean(d) / corrected_std
        p = 2 * stats.t.sf(np.abs(t), n - 1)
        cases.append({
            "a": vec(a), "b": vec(b), "t": num(paired.statistic), "p": num(paired.pvalue),
            "train_size": n_train, "test_size": n_test, "corrected_t": num(t),
            "corrected_p": num(p),
        })
    # The t distribution's survival function over a grid of t and df, for the beta function.
    grid = []
    for df in [1, 2, 3, 4.5, 9, 29, 99, 500]:
        for t in [0.0, 0.1, 0.7, 1.0, 2.0, 3.5, 8.0, 40.0]:
            grid.append({"df": num(df), "t": num(t), "sf": num(stats.t.sf(t, df))})
    return {"cases": cases, "sf_grid": grid}


def threshold_case():
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.model_selection import FixedThresholdClassifier, TunedThresholdClassifierCV
    X, y = make_classification(n_samples=300, n_features=5, n_informative=3, n_redundant=1,
                               weights=[0.75, 0.25], flip_y=0.05, random_state=8)
    Xte, yte = X[200:], y[200:]
    X, y = X[:200], y[:200]
    lr = LogisticRegression(tol=1e-10, max_iter=10000)
    fixed = FixedThresholdClassifier(lr, threshold=0.3).fit(X, y)
    tuned = TunedThresholdClassifierCV(lr, cv=StratifiedKFold(n_splits=5),
                                       store_cv_results=True).fit(X, y)
    tuned_f1 = TunedThresholdClassifierCV(lr, scoring="f1", thresholds=50,
                                          cv=StratifiedKFold(n_splits=4),
                                          store_cv_results=True).fit(X, y)
    cal = {}
    for method in ["sigmoid", "isotonic"]:
        c = CalibratedClassifierCV(lr, method=method, cv=StratifiedKFold(n_splits=3)).fit(X, y)
        entry = {"proba": mat(c.predict_proba(Xte)), "predict": ints(c.predict(Xte))}
        if method == "sigmoid":
            entry["a"] = vec([cc.calibrators[0].a_ for cc in c.calibrated_classifiers_])
            entry["b"] = vec([cc.calibrators[0].b_ for cc in c.calibrated_classifiers_])
        cal[method] = entry
    return {
        "X": mat(X), "y": ints(y), "X_test": mat(Xte), "y_test": ints(yte),
        "fixed_predict": ints(fixed.predict(Xte)),
        "tuned": {"thresholds": vec(tuned.cv_results_["thresholds"]),
                  "scores": vec(tuned.cv_results_["scores"]),
                  "best_threshold": num(tuned.best_threshold_),
                  "best_score": num(tuned.best_score_), "predict": ints(tuned.predict(Xte))},
        "tuned_f1": {"thresholds": vec(tuned_f1.cv_results_["thresholds"]),
                     "scores": vec(tuned_f1.cv_results_["scores"]),
                     "best_threshold": num(tuned_f1.best_threshold_),
                     "best_score": num(tuned_f1.best_score_)},
        "calibrated": cal,
    }


def generate():
    write("search", {
        "grid": grid_case(),
        "logistic_grid": logistic_grid_case(),
        "curves": curves_case(),
        "permutation": permutation_case(),
        "ttests": ttest_cases(),
        "thresholds": threshold_case(),
    })


if __name__ == "__main__":
    generate()

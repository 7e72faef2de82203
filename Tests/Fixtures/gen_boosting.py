"""Histogram gradient boosting: scikit-learn's held-out quality on fixed splits.

Boosting is not bit-reproducible across libraries (bin subsampling, tie order, float32
gradients), so the fixture records each data set with its train/test split and the test score
scikit-learn 1.9 reaches with the same hyperparameters; SwiftLearn must come within the stated
margin. Features get 5% missing values where noted.
"""
import numpy as np
import sklearn
from sklearn.datasets import make_classification, make_friedman1
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score, mean_poisson_deviance

from fixturelib import mat, num, vec, write


def with_missing(X, rng, share=0.05):
    X = X.copy()
    X[rng.random(X.shape) < share] = np.nan
    return X


def split(X, y, n_train):
    return X[:n_train], X[n_train:], y[:n_train], y[n_train:]


DATA = {}


def case(name, X, y, n_train, model, metric, params, data=None):
    """`data` names an earlier case whose X/y/split this one reuses."""
    if data is None:
        # Rounded to 6 decimals: both libraries fit the same (short) numbers.
        X = np.round(X, 6)
        y = np.round(y, 6)
        DATA[name] = (X, y, n_train)
    else:
        X, y, n_train = DATA[data]
    Xtr, Xte, ytr, yte = split(X, y, n_train)
    model.fit(Xtr, ytr)
    if metric == "r2":
        score = r2_score(yte, model.predict(Xte))
    elif metric == "roc_auc":
        score = roc_auc_score(yte, model.predict_proba(Xte)[:, 1])
    elif metric == "accuracy":
        score = accuracy_score(yte, model.predict(Xte))
    elif metric == "poisson_deviance":
        score = mean_poisson_deviance(yte, model.predict(Xte))
    out = {"name": name, "metric": metric, "score": num(score), "params": params,
           "iterations": int(model.n_iter_)}
    if data is None:
        out.update({"XTrain": mat(Xtr), "yTrain": vec(ytr), "XTest": mat(Xte), "yTest": vec(yte)})
    else:
        out["data"] = data
    return out


def generate():
    rng = np.random.default_rng(0)
    cases = []
    X, y = make_friedman1(n_samples=3000, n_features=8, noise=1.0, random_state=0)
    cases.append(case("friedman1", X, y, 2000, HistGradientBoostingRegressor(), "r2", {}))
    cases.append(case("friedman1_missing", with_missing(X, rng), y, 2000,
                      HistGradientBoostingRegressor(), "r2", {}))
    cases.append(case("friedman1_shallow", None, None, None,
                      HistGradientBoostingRegressor(max_depth=3, l2_regularization=1.0,
                                                    learning_rate=0.2, min_samples_leaf=10),
                      "r2", {"maxDepth": 3, "l2Regularization": 1.0, "learningRate": 0.2,
                             "minSamplesLeaf": 10}, data="friedman1"))
    X, y = make_classification(n_samples=4000, n_features=12, n_informative=6, random_state=1)
    cases.append(case("binary_missing", with_missing(X, rng), y, 3000,
                      HistGradientBoostingClassifier(), "roc_auc", {}))
    X, y = make_classification(n_samples=3000, n_features=10, n_informative=6, n_classes=3,
                               random_state=2)
    cases.append(case("multiclass", X, y, 2000, HistGradientBoostingClassifier(), "accuracy", {}))
    # More than 10,000 training rows: early stopping is on by default.
    X, y = make_classification(n_samples=12500, n_features=5, n_informative=3, n_redundant=1, flip_y=0.1,
                               random_state=3)
    cases.append(case("binary_early_stopping", X, y, 11000,
                      HistGradientBoostingClassifier(random_state=0), "roc_auc", {}))
    Xp = rng.normal(size=(3000, 5))
    mu = np.exp(0.3 * Xp[:, 0] - 0.2 * Xp[:, 1] + 0.1 * Xp[:, 2] ** 2)
    yp = rng.poisson(mu).astype(float)
    cases.append(case("poisson", Xp, yp, 2000, HistGradientBoostingRegressor(loss="poisson"),
                      "poisson_deviance", {"loss": "poisson"}))
    write("boosting", {"sklearn": sklearn.__version__, "cases": cases})


if __name__ == "__main__":
    generate()

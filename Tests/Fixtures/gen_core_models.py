"""Parity fixtures for the foundation's first estimators: StandardScaler and LinearRegression.

Each case stores its inputs as well as scikit-learn's fitted attributes and outputs, so the
Swift tests need nothing but the JSON file.
"""
import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine, make_regression
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import StandardScaler

from fixturelib import mat, num, vec, write


def linear_regression_cases():
    rng = np.random.RandomState(0)
    cases = []

    def add(name, X, y, w=None, fit_intercept=True, X_test=None):
        model = LinearRegression(fit_intercept=fit_intercept).fit(X, y, sample_weight=w)
        X_test = X if X_test is None else X_test
        cases.append({
            "name": name,
            "fitIntercept": fit_intercept,
            "X": mat(X), "y": vec(y),
            "sampleWeight": None if w is None else vec(w),
            "XTest": mat(X_test),
            "coef": vec(model.coef_), "intercept": num(model.intercept_),
            "rank": int(model.rank_), "singular": vec(model.singular_),
            "predictions": vec(model.predict(X_test)),
        })

    X, y = load_diabetes(return_X_y=True)
    add("diabetes", X, y)
    X, y = make_regression(n_samples=200, n_features=8, noise=5.0, bias=3.0, random_state=0)
    add("make_regression_no_intercept", X, y, fit_intercept=False)
    w = rng.uniform(0, 3, size=X.shape[0])
    add("make_regression_weighted", X, y, w=w)
    bc = load_breast_cancer().data
    add("breast_cancer_weighted", bc[:, :10], bc[:, 10], w=rng.randint(0, 4, size=bc.shape[0]).astype(float))
    # An exactly collinear design: column 3 = 2*col0 - col1; coefficients are not unique.
    Xc = rng.normal(size=(80, 5))
    Xc[:, 3] = 2 * Xc[:, 0] - Xc[:, 1]
    yc = Xc @ np.array([1.0, -2.0, 0.5, 3.0, 0.0]) + 0.1 * rng.normal(size=80)
    add("collinear", Xc, yc, X_test=rng.normal(size=(10, 5)) @ np.eye(5))
    return cases


def standard_scaler_cases():
    rng = np.random.RandomState(1)
    cases = []

    def add(name, X, w=None, with_mean=True, with_std=True, X_test=None):
        s = StandardScaler(with_mean=with_mean, with_std=with_std).fit(X, sample_weight=w)
        X_test = X if X_test is None else X_test
        seen = np.broadcast_to(np.asarray(s.n_samples_seen_, dtype=float), (X.shape[1],))
        cases.append({
            "name": name, "withMean": with_mean, "withStd": with_std,
            "X": mat(X), "sampleWeight": None if w is None else vec(w),
            "XTest": mat(X_test),
            "mean": None if s.mean_ is None else vec(s.mean_),
            "variance": None if s.var_ is None else vec(s.var_),
            "scale": None if s.scale_ is None else vec(s.scale_),
            "sampleCountSeen": vec(seen),
            "transformed": mat(s.transform(X_test)),
            "inverse": mat(s.inverse_transform(X_test)),
        })

    iris = load_iris().data
    wine = load_wine().data
    add("iris", iris)
    add("wine", wine, X_test=wine[::7] * 1.1)
    add("wine_no_mean", wine, with_mean=False)
    add("wine_no_std", wine, with_std=False)
    add("iris_weighted", iris, w=rng.uniform(0, 2, size=iris.shape[0]))
    Xn = rng.normal(loc=5, scale=3, size=(50, 4))
    Xn[rng.rand(50, 4) < 0.15] = np.nan
    Xn[:, 2] = 7.0  # constant column: scale must be 1
    Xn[3, 2] = np.nan
    add("missing_and_constant", Xn)
    return cases




def dummy_classifier_cases():
    from sklearn.dummy import DummyClassifier
    rng = np.random.RandomState(2)
    X, y = load_iris(return_X_y=True)
    keep = np.r_[0:50, 50:80, 100:110]  # unbalanced: 50 / 30 / 10
    X, y = X[keep], y[keep]
    names = np.array(["setosa", "versicolor", "virginica"])
    w = rng.uniform(0, 2, size=len(y))
    cases = []
    for strategy, constant in [("prior", None), ("most_frequent", None), ("constant", 2)]:
        for weighted in (False, True):
            sw = w if weighted else None
            model = DummyClassifier(strategy=strategy, constant=constant).fit(X, y, sample_weight=sw)
            cases.append({
                "name": f"{strategy}{'_weighted' if weighted else ''}",
                "strategy": strategy, "constant": constant,
                "X": mat(X), "y": [int(v) for v in y], "yNames": [str(v) for v in names[y]],
                "sampleWeight": None if sw is None else vec(sw),
                "classPrior": vec(model.class_prior_),
                "predictions": [int(v) for v in model.predict(X[:5])],
                "probabilities": mat(model.predict_proba(X[:5])),
            })
    return cases



def generate():
    write("core_models", {
        "linearRegression": linear_regression_cases(),
        "standardScaler": standard_scaler_cases(),
        "dummyClassifier": dummy_classifier_cases(),
    })

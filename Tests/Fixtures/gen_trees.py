"""Parity fixtures for decision trees, random forests and extra trees (issue 7).

Trees: each case stores the data, the hyperparameters and scikit-learn's fitted `tree_`
(children, features, thresholds, values, impurities, sample counts). Cases use max_features=None
and data/depths without exactly tied candidate splits, so the tree does not depend on the
random feature order. Forests: scikit-learn's test accuracy / ROC-AUC / R² with the same
hyperparameters, for the Swift tests to match within 0.005.
"""
import numpy as np
from sklearn.datasets import load_diabetes, make_classification, make_friedman1
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from fixturelib import ints, mat, vec, write


def tree_case(name, est, data, params, kind, sample_weight=None):
    X, y = DATA[data]
    est.fit(X, y, sample_weight=sample_weight)
    t = est.tree_
    case = {
        "name": name, "kind": kind, "params": params, "data": data,
        "children_left": ints(t.children_left), "children_right": ints(t.children_right),
        "feature": ints(t.feature), "threshold": vec(t.threshold),
        "impurity": vec(t.impurity), "n_node_samples": ints(t.n_node_samples),
        "weighted_n_node_samples": vec(t.weighted_n_node_samples),
        "missing_go_to_left": ints(t.missing_go_to_left),
        "value": vec(t.value.reshape(t.node_count, -1)),
        "feature_importances": vec(est.feature_importances_),
        "predict": vec(est.predict(X)),
    }
    if sample_weight is not None:
        case["sample_weight"] = vec(sample_weight)
    if kind == "classifier":
        case["predict_proba"] = mat(est.predict_proba(X))
    return case


def with_nans(X, rate, seed):
    rng = np.random.RandomState(seed)
    X = X.copy()
    mask = rng.uniform(size=X.shape) < rate
    mask[:, 1::2] = False  # only even columns have missing values
    X[mask] = np.nan
    return X


DATA = {}


def generate():
    diab_X, diab_y = load_diabetes(return_X_y=True)
    # Breast cancer has exactly redundant splits (radius/perimeter/area), which make
    # scikit-learn's tree depend on the random feature order; a continuous 3-class set has none.
    mx, my = make_classification(n_samples=800, n_features=8, n_informative=5, n_classes=3,
                                 random_state=3)
    DATA["classif"] = (mx, my)
    DATA["diabetes"] = (diab_X, diab_y)
    DATA["classif_missing"] = (with_nans(mx, 0.15, 1), my)
    DATA["diabetes_missing"] = (with_nans(diab_X, 0.2, 2), diab_y)
    cases = []
    p = {"max_depth": 4, "min_samples_leaf": 30}
    cases.append(tree_case("classif_gini", DecisionTreeClassifier(random_state=0, **p),
                           "classif", p, "classifier"))
    p = {"max_leaf_nodes": 12, "criterion": "entropy"}
    cases.append(tree_case("classif_entropy_best_first", DecisionTreeClassifier(random_state=0, **p),
                           "classif", p, "classifier"))
    p = {"max_leaf_nodes": 12}
    cases.append(tree_case("classif_best_first", DecisionTreeClassifier(random_state=0, **p),
                           "classif", p, "classifier"))
    p = {"max_depth": 5, "min_samples_leaf": 5}
    cases.append(tree_case("diabetes_squared_error", DecisionTreeRegressor(random_state=0, **p),
                           "diabetes", p, "regressor"))
    p = {"max_depth": 3, "criterion": "absolute_error"}
    cases.append(tree_case("diabetes_absolute_error", DecisionTreeRegressor(random_state=0, **p),
                           "diabetes", p, "regressor"))
    p = {"max_depth": 3, "criterion": "poisson"}
    cases.append(tree_case("diabetes_poisson", DecisionTreeRegressor(random_state=0, **p),
                           "diabetes", p, "regressor"))
    rng = np.random.RandomState(5)
    w = rng.uniform(0.2, 3.0, size=len(diab_y))
    p = {"max_depth": 4}
    cases.append(tree_case("diabetes_weighted", DecisionTreeRegressor(random_state=0, **p),
                           "diabetes", p, "regressor", sample_weight=w))
    p = {"max_depth": 4, "min_samples_leaf": 30}
    cases.append(tree_case("classif_missing", DecisionTreeClassifier(random_state=0, **p),
                           "classif_missing", p, "classifier"))
    p = {"max_depth": 4, "min_samples_leaf": 4}
    cases.append(tree_case("diabetes_missing", DecisionTreeRegressor(random_state=0, **p),
                           "diabetes_missing", p, "regressor"))

    # Pruning path and a pruned tree.
    base = DecisionTreeClassifier(random_state=0, max_depth=4, min_samples_leaf=30)
    path = base.cost_complexity_pruning_path(*DATA["classif"])
    alpha = float(path.ccp_alphas[len(path.ccp_alphas) // 2])
    p = {"max_depth": 4, "min_samples_leaf": 30, "ccp_alpha": alpha}
    pruned = tree_case("classif_pruned", DecisionTreeClassifier(random_state=0, **p),
                       "classif", p, "classifier")
    pruned["path_alphas"] = vec(path.ccp_alphas)
    pruned["path_impurities"] = vec(path.impurities)
    cases.append(pruned)

    # Forests: quality parity on held-out data. A single seed's test accuracy varies by about
    # 0.003 (std) between seeds, so scikit-learn's number is the mean over seeds 0-4 and the
    # Swift test averages its own seeds 0-2.
    Xc, yc = make_classification(n_samples=4000, n_features=12, n_informative=6,
                                 n_redundant=2, flip_y=0.0, class_sep=1.2, random_state=7)
    Xr, yr = make_friedman1(n_samples=3000, n_features=10, noise=1.0, random_state=7)
    half_c, half_r = 2000, 1500
    forests = []
    for name, make, kind in [
        ("random_forest_classifier", RandomForestClassifier, "classifier"),
        ("extra_trees_classifier", ExtraTreesClassifier, "classifier"),
        ("random_forest_regressor", RandomForestRegressor, "regressor"),
        ("extra_trees_regressor", ExtraTreesRegressor, "regressor"),
    ]:
        X, y, half = (Xc, yc, half_c) if kind == "classifier" else (Xr, yr, half_r)
        scores = {"accuracy": [], "roc_auc": [], "r2": []}
        for seed in range(5):
            est = make(n_estimators=100, random_state=seed).fit(X[:half], y[:half])
            if kind == "classifier":
                scores["accuracy"].append(accuracy_score(y[half:], est.predict(X[half:])))
                scores["roc_auc"].append(
                    roc_auc_score(y[half:], est.predict_proba(X[half:])[:, 1]))
            else:
                scores["r2"].append(r2_score(y[half:], est.predict(X[half:])))
        entry = {"name": name, "kind": kind}
        for key, values in scores.items():
            if values:
                entry[key] = float(np.mean(values))
        forests.append(entry)
    oob = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=0).fit(
        Xc[:half_c], yc[:half_c])
    forests.append({"name": "random_forest_oob", "kind": "classifier",
                    "oob_score": float(oob.oob_score_)})
    write("trees", {
        "data": {k: {"X": mat(X), "y": vec(y)} for k, (X, y) in DATA.items()},
        "trees": cases, "forests": forests,
        "forest_classification": {"X": mat(Xc), "y": vec(yc), "train": half_c},
        "forest_regression": {"X": mat(Xr), "y": vec(yr), "train": half_r},
    })


if __name__ == "__main__":
    generate()

"""Quality fixtures for classic gradient boosting, isolation forest and meta-ensembles (issue 7).

Each data set is rounded to 6 decimals before fitting (the Swift side reads the same rounded
values) and split into a training part (the first `train` rows) and a test part. Each case
stores scikit-learn's held-out accuracy / ROC-AUC / R² with the given hyperparameters: for
randomized settings the mean over seeds 0-4 (bagging: 0-9 or 0-29), for deterministic ones a
single fit. The Swift tests match these numbers within 0.005 (isolation forest: ROC-AUC within
0.01).
"""
import numpy as np
from sklearn.datasets import make_classification, make_friedman1
from sklearn.ensemble import (AdaBoostClassifier, BaggingClassifier, BaggingRegressor,
                              GradientBoostingClassifier, GradientBoostingRegressor,
                              IsolationForest, RandomForestClassifier, RandomForestRegressor,
                              StackingClassifier, StackingRegressor, VotingClassifier,
                              VotingRegressor)
from sklearn.linear_model import Ridge, RidgeCV
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from fixturelib import mat, vec, write

SEEDS = [0, 1, 2, 3, 4]
# Bagging varies more between seeds: its regressor averages over ten seeds, its classifiers
# over thirty.
SEEDS10 = list(range(10))
SEEDS30 = list(range(30))


def dataset(X, y, train):
    X = np.round(X, 6)
    y = np.round(y, 6)
    return {"X": mat(X), "y": vec(y), "train": train}, X[:train], y[:train], X[train:], y[train:]


def classifier_scores(make, Xtr, ytr, Xte, yte, seeds):
    acc, auc = [], []
    for s in seeds:
        est = make(s).fit(Xtr, ytr)
        acc.append(accuracy_score(yte, est.predict(Xte)))
        if len(np.unique(ytr)) == 2 and hasattr(est, "predict_proba"):
            auc.append(roc_auc_score(yte, est.predict_proba(Xte)[:, 1]))
    out = {"accuracy": float(np.mean(acc))}
    if auc:
        out["roc_auc"] = float(np.mean(auc))
    return out


def regressor_scores(make, Xtr, ytr, Xte, yte, seeds):
    return {"r2": float(np.mean([r2_score(yte, make(s).fit(Xtr, ytr).predict(Xte))
                                 for s in seeds]))}


def generate():
    out = {}
    bx, by = make_classification(n_samples=1000, n_features=10, n_informative=5,
                                 n_redundant=2, flip_y=0.05, random_state=0)
    out["binary"], bXtr, bytr, bXte, byte = dataset(bx, by, 700)
    mx, my = make_classification(n_samples=900, n_features=8, n_informative=6, n_redundant=0,
                                 n_classes=3, n_clusters_per_class=1, random_state=1)
    out["multiclass"], mXtr, mytr, mXte, myte = dataset(mx, my, 600)
    rx, ry = make_friedman1(n_samples=1000, n_features=8, noise=1.0, random_state=0)
    out["regression"], rXtr, rytr, rXte, ryte = dataset(rx, ry, 700)

    cases = []

    def clf(name, data, make, seeds=SEEDS, params=None):
        Xtr, ytr, Xte, yte = data
        c = {"name": name, "params": params or {}}
        c.update(classifier_scores(make, Xtr, ytr, Xte, yte, seeds))
        cases.append(c)

    def reg(name, make, seeds=SEEDS, params=None):
        c = {"name": name, "params": params or {}}
        c.update(regressor_scores(make, rXtr, rytr, rXte, ryte, seeds))
        cases.append(c)

    B = (bXtr, bytr, bXte, byte)
    M = (mXtr, mytr, mXte, myte)
    # Classic gradient boosting.
    for loss in ["squared_error", "absolute_error", "huber", "quantile"]:
        alpha = 0.7 if loss == "quantile" else 0.9
        reg(f"gbr_{loss}", lambda s, loss=loss, alpha=alpha: GradientBoostingRegressor(
            loss=loss, alpha=alpha, random_state=s))
    reg("gbr_subsample", lambda s: GradientBoostingRegressor(
        subsample=0.7, max_features=0.5, random_state=s))
    clf("gbc_binary", B, lambda s: GradientBoostingClassifier(random_state=s))
    clf("gbc_exponential", B, lambda s: GradientBoostingClassifier(
        loss="exponential", random_state=s))
    clf("gbc_subsample", B, lambda s: GradientBoostingClassifier(
        subsample=0.7, random_state=s))
    clf("gbc_multiclass", M, lambda s: GradientBoostingClassifier(random_state=s))
    # Bagging and AdaBoost.
    clf("bagging_classifier", B, lambda s: BaggingClassifier(n_estimators=30, random_state=s),
        seeds=SEEDS30)
    clf("bagging_classifier_features", B, lambda s: BaggingClassifier(
        n_estimators=30, max_samples=0.7, max_features=0.6, random_state=s), seeds=SEEDS30)
    reg("bagging_regressor", lambda s: BaggingRegressor(n_estimators=30, random_state=s),
        seeds=SEEDS10)
    clf("adaboost_binary", B, lambda s: AdaBoostClassifier(random_state=s))
    clf("adaboost_multiclass", M, lambda s: AdaBoostClassifier(
        estimator=DecisionTreeClassifier(max_depth=2), learning_rate=0.5, random_state=s))
    # Voting and stacking.
    clf("voting_soft", B, lambda s: VotingClassifier([
        ("tree", DecisionTreeClassifier(max_depth=5, random_state=s)),
        ("forest", RandomForestClassifier(n_estimators=50, random_state=s)),
        ("gb", GradientBoostingClassifier(random_state=s))], voting="soft",
        weights=[1, 2, 2]))
    clf("voting_hard", M, lambda s: VotingClassifier([
        ("tree", DecisionTreeClassifier(max_depth=5, random_state=s)),
        ("forest", RandomForestClassifier(n_estimators=50, random_state=s)),
        ("gb", GradientBoostingClassifier(random_state=s))], voting="hard"))
    reg("voting_regressor", lambda s: VotingRegressor([
        ("ridge", Ridge()), ("tree", DecisionTreeRegressor(max_depth=6, random_state=s)),
        ("forest", RandomForestRegressor(n_estimators=50, random_state=s))]))
    reg("stacking_regressor", lambda s: StackingRegressor([
        ("ridge", Ridge()), ("forest", RandomForestRegressor(n_estimators=50, random_state=s)),
        ("gb", GradientBoostingRegressor(random_state=s))], final_estimator=RidgeCV()))
    # scikit-learn's default final LogisticRegression is not in SwiftLearn's Estimators; both
    # sides use a small gradient boosting classifier as the final estimator.
    clf("stacking_classifier", B, lambda s: StackingClassifier([
        ("tree", DecisionTreeClassifier(max_depth=5, random_state=s)),
        ("forest", RandomForestClassifier(n_estimators=50, random_state=s))],
        final_estimator=GradientBoostingClassifier(n_estimators=50, max_depth=2,
                                                   random_state=s),
        stack_method="predict_proba"))
    reg("stacking_regressor_passthrough", lambda s: StackingRegressor([
        ("ridge", Ridge()), ("forest", RandomForestRegressor(n_estimators=50, random_state=s))],
        final_estimator=RidgeCV(), passthrough=True))

    # Isolation forest: Gaussian clusters with uniform outliers (label 1 = outlier).
    rng = np.random.RandomState(7)
    inliers = np.vstack([rng.normal(0, 1, (450, 4)), rng.normal(3, 1.0, (450, 4))])
    outliers = rng.uniform(-3.5, 6.5, (100, 4))
    ox = np.vstack([inliers, outliers])
    oy = np.r_[np.zeros(900), np.ones(100)]
    perm = rng.permutation(len(oy))
    ox, oy = ox[perm], oy[perm]
    out["outliers"], oXtr, oytr, oXte, oyte = dataset(ox, oy, 600)
    for name, kw in [("iforest_auto", {}), ("iforest_contamination", {"contamination": 0.1}),
                     ("iforest_features", {"max_features": 0.5, "max_samples": 128,
                                           "bootstrap": True})]:
        aucs, fractions = [], []
        for s in SEEDS:
            est = IsolationForest(random_state=s, **kw).fit(oXtr)
            aucs.append(roc_auc_score(oyte, -est.score_samples(oXte)))
            fractions.append(float(np.mean(est.predict(oXtr) == -1)))
        cases.append({"name": name, "params": {k: v for k, v in kw.items()},
                      "roc_auc": float(np.mean(aucs)),
                      "train_outlier_fraction": float(np.mean(fractions))})
    out["cases"] = cases
    write("ensembles", out)


if __name__ == "__main__":
    generate()

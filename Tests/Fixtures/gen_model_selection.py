"""Parity fixtures for ModelSelection: splitter indices and cross-validation scores.

Deterministic splitters (no shuffling) store scikit-learn's exact train/test indices; shuffled
ones store only the sizes our own draws must reproduce. Cross-validation cases store their
inputs (diabetes, a small labelled set) and scikit-learn's scores and out-of-fold predictions.
"""
import warnings

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import (GroupKFold, KFold, LeaveOneOut, LeavePOut, PredefinedSplit,
                                     ShuffleSplit, StratifiedGroupKFold, StratifiedKFold,
                                     StratifiedShuffleSplit, TimeSeriesSplit,
                                     cross_val_predict, cross_val_score, cross_validate,
                                     train_test_split)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fixturelib import ints, mat, num, vec, write


def folds(cv, n, y=None, groups=None):
    X = np.zeros((n, 1))
    return [{"train": ints(tr), "test": ints(te)} for tr, te in cv.split(X, y, groups)]


def splitter_cases():
    rng = np.random.RandomState(0)
    cases = []

    def add(kind, params, n, y=None, groups=None, cv=None):
        cases.append({
            "kind": kind, "params": params, "n": n,
            "labels": None if y is None else ints(y),
            "groups": None if groups is None else ints(groups),
            "folds": folds(cv, n, y, groups),
        })

    for n, k in [(10, 3), (17, 5), (5, 5), (101, 7)]:
        add("KFold", {"splitCount": k}, n, cv=KFold(k))
    # Imbalanced labels, classes in a shuffled order (first appearance is not sorted order).
    y1 = rng.permutation(np.r_[np.full(20, 2), np.full(7, 0), np.full(3, 1)])
    y2 = rng.permutation(np.r_[np.full(50, 1), np.full(9, 3), np.full(5, 0), np.full(1, 7)])
    for y, k in [(y1, 3), (y1, 5), (y2, 4), (y2, 2)]:
        add("StratifiedKFold", {"splitCount": k}, len(y), y=y, cv=StratifiedKFold(k))
    g1 = rng.randint(0, 9, size=40)
    g2 = np.r_[np.zeros(4), np.ones(4), np.full(3, 2), np.full(3, 3), np.full(2, 4), np.full(6, 5),
               np.full(2, 6)].astype(int)
    g2 = rng.permutation(g2)
    for g, k in [(g1, 3), (g1, 4), (g2, 3), (g2, 2), (np.array([0, 0, 2, 2, 3, 3]), 2)]:
        add("GroupKFold", {"splitCount": k}, len(g), groups=g, cv=GroupKFold(k))
    ys = rng.randint(0, 3, size=60)
    gs = rng.randint(0, 15, size=60)
    for k in [3, 4]:
        add("StratifiedGroupKFold", {"splitCount": k}, 60, y=ys, groups=gs,
            cv=StratifiedGroupKFold(k))
    yb = np.r_[np.zeros(30), np.ones(10)].astype(int)
    gb = np.repeat(np.arange(10), 4)
    add("StratifiedGroupKFold", {"splitCount": 3}, 40, y=yb, groups=gb, cv=StratifiedGroupKFold(3))
    for params in [{"splitCount": 5}, {"splitCount": 3, "gap": 2}, {"splitCount": 4, "maxTrainSize": 5},
                   {"splitCount": 3, "testSize": 3}, {"splitCount": 3, "testSize": 2, "gap": 1,
                                                    "maxTrainSize": 4}]:
        cv = TimeSeriesSplit(n_splits=params["splitCount"], gap=params.get("gap", 0),
                             max_train_size=params.get("maxTrainSize"),
                             test_size=params.get("testSize"))
        add("TimeSeriesSplit", params, 23, cv=cv)
    add("LeaveOneOut", {}, 5, cv=LeaveOneOut())
    add("LeavePOut", {"p": 2}, 6, cv=LeavePOut(2))
    add("LeavePOut", {"p": 3}, 7, cv=LeavePOut(3))
    tf = np.array([0, 1, -1, 1, 2, 0, -1, 2, 5])
    add("PredefinedSplit", {"testFold": ints(tf)}, len(tf), cv=PredefinedSplit(tf))
    return cases


def size_cases():
    """n_train / n_test for train_test_split and ShuffleSplit size arguments."""
    cases = []
    for n, test, train in [(10, None, None), (10, 0.25, None), (10, 0.33, None), (10, None, 0.33),
                           (10, 0.2, 0.5), (10, 3, None), (10, None, 4), (10, 2, 5),
                           (23, 0.1, None), (7, 0.5, None), (1000, 0.137, 0.6), (99, 0.3, 0.7)]:
        tr, te = train_test_split(np.arange(n), test_size=test, train_size=train, random_state=0)
        cases.append({"n": n, "testSize": test, "trainSize": train,
                      "testIsCount": isinstance(test, int), "trainIsCount": isinstance(train, int),
                      "nTrain": len(tr), "nTest": len(te)})
        ss = next(ShuffleSplit(test_size=test, train_size=train, random_state=0)
                  .split(np.zeros((n, 1))))
        cases[-1]["shuffleSplitTrain"] = len(ss[0])
        cases[-1]["shuffleSplitTest"] = len(ss[1])
    return cases


def stratified_shuffle_cases():
    y = np.r_[np.zeros(40), np.ones(13), np.full(7, 2)].astype(int)
    out = []
    for test in [0.25, 0.1, 11]:
        tr, te = next(StratifiedShuffleSplit(n_splits=1, test_size=test, random_state=0)
                      .split(np.zeros((len(y), 1)), y))
        out.append({"labels": ints(y), "testSize": test, "testIsCount": isinstance(test, int),
                    "nTrain": len(tr), "nTest": len(te)})
    return out


def cross_validation_cases():
    X, y = load_diabetes(return_X_y=True)
    model = make_pipeline(StandardScaler(), LinearRegression())
    cv = KFold(5)
    scores = cross_val_score(model, X, y, cv=cv)
    pred = cross_val_predict(model, X, y, cv=cv)
    res = cross_validate(model, X, y, cv=cv, return_train_score=True,
                         scoring={"r2": "r2", "neg_mean_squared_error": "neg_mean_squared_error"})
    diabetes = {"X": mat(X), "y": vec(y), "scores": vec(scores), "predictions": vec(pred),
                "testR2": vec(res["test_r2"]), "trainR2": vec(res["train_r2"]),
                "testNegMSE": vec(res["test_neg_mean_squared_error"])}
    rng = np.random.RandomState(3)
    yc = rng.permutation(np.r_[np.zeros(25), np.ones(10), np.full(5, 2)].astype(int))
    Xc = rng.normal(size=(len(yc), 2))
    clf = DummyClassifier(strategy="prior")
    dummy = {"X": mat(Xc), "y": ints(yc),
             "scores": vec(cross_val_score(clf, Xc, yc, cv=StratifiedKFold(5))),
             "proba": mat(cross_val_predict(clf, Xc, yc, cv=StratifiedKFold(5),
                                            method="predict_proba")),
             "predictions": ints(cross_val_predict(clf, Xc, yc, cv=StratifiedKFold(5))),
             "scoresKFold4": vec(cross_val_score(clf, Xc, yc, cv=KFold(4)))}
    return {"diabetes": diabetes, "dummy": dummy}


def generate():
    # Classes smaller than n_splits are part of the cases; scikit-learn's warning is expected.
    warnings.filterwarnings("ignore", message="The least populated class")
    write("model_selection", {
        "splitters": splitter_cases(),
        "sizes": size_cases(),
        "stratifiedShuffle": stratified_shuffle_cases(),
        "crossValidation": cross_validation_cases(),
    })

"""Parity fixtures for the metrics the foundation ships (the full set comes with ModelSelection)."""
import numpy as np
from sklearn.metrics import (accuracy_score, mean_absolute_error, mean_squared_error, r2_score,
                             root_mean_squared_error)

from fixturelib import num, vec, write


def generate():
    rng = np.random.RandomState(3)
    cases = []
    for name, y_true, y_pred, w in [
        ("random", rng.normal(size=50), rng.normal(size=50), None),
        ("random_weighted", rng.normal(size=40), rng.normal(size=40), rng.uniform(0, 2, 40)),
        ("close", np.arange(30.0), np.arange(30.0) + rng.normal(scale=0.1, size=30), None),
        ("constant_true_imperfect", np.full(5, 2.0), np.array([2.0, 2, 3, 2, 2]), None),
        ("constant_true_perfect", np.full(4, 2.0), np.full(4, 2.0), None),
        ("zero_weights_some", np.array([1.0, 2, 3, 4]), np.array([1.5, 2, 2, 5]), np.array([0.0, 1, 2, 0])),
    ]:
        cases.append({
            "name": name, "yTrue": vec(y_true), "yPred": vec(y_pred),
            "sampleWeight": None if w is None else vec(w),
            "r2": num(r2_score(y_true, y_pred, sample_weight=w)),
            "mse": num(mean_squared_error(y_true, y_pred, sample_weight=w)),
            "rmse": num(root_mean_squared_error(y_true, y_pred, sample_weight=w)),
            "mae": num(mean_absolute_error(y_true, y_pred, sample_weight=w)),
        })
    labels = []
    for name, t, p, w in [
        ("ints", rng.randint(0, 3, 60), rng.randint(0, 3, 60), None),
        ("ints_weighted", rng.randint(0, 3, 60), rng.randint(0, 3, 60), rng.uniform(0, 1, 60)),
    ]:
        labels.append({
            "name": name, "yTrue": [int(v) for v in t], "yPred": [int(v) for v in p],
            "sampleWeight": None if w is None else vec(w),
            "accuracy": num(accuracy_score(t, p, sample_weight=w)),
        })
    write("metrics", {"regression": cases, "classification": labels})

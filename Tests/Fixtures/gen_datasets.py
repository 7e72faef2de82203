#!/usr/bin/env python3
"""Fixtures for Tests/DatasetsTests: what scikit-learn's bundled loaders return.

Run:  python3 Tests/Fixtures/gen_datasets.py   (or via generate.py once listed in SECTIONS)
Writes Tests/Fixtures/datasets.json: for each loader the shape, feature and target names,
class counts, per-column sums, sums of squares and a row-order-sensitive checksum, the first
three rows and the last row; for load_diabetes(scaled=True) the whole matrix.
"""
import os
import sys

import numpy as np
from sklearn import datasets

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixturelib import ints, mat, vec, write  # noqa: E402


def summary(bunch, classification):
    x = np.asarray(bunch.data, dtype=float)
    y = np.asarray(bunch.target)
    weights = np.arange(1, x.shape[0] + 1, dtype=float)
    out = {
        "shape": [int(x.shape[0]), int(x.shape[1])],
        "feature_names": [str(s) for s in bunch.feature_names],
        "column_sums": vec(x.sum(axis=0)),
        "column_sums_of_squares": vec((x * x).sum(axis=0)),
        "row_weighted_sums": vec(weights @ x),
        "head": mat(x[:3]),
        "last_row": vec(x[-1]),
        "target_head": vec(y[:5]),
        "target_sum": float(np.sum(y, dtype=float)),
    }
    if classification:
        out["target_names"] = [str(s) for s in bunch.target_names]
        out["class_counts"] = ints(np.bincount(y.astype(int), minlength=len(bunch.target_names)))
    return out


def generate():
    fixture = {
        "iris": summary(datasets.load_iris(), True),
        "wine": summary(datasets.load_wine(), True),
        "breast_cancer": summary(datasets.load_breast_cancer(), True),
        "diabetes": summary(datasets.load_diabetes(), False),
        "diabetes_raw": summary(datasets.load_diabetes(scaled=False), False),
        "digits": summary(datasets.load_digits(), True),
        "digits_3": summary(datasets.load_digits(n_class=3), True),
    }
    fixture["diabetes"]["data"] = mat(datasets.load_diabetes().data)
    write("datasets", fixture)


if __name__ == "__main__":
    generate()

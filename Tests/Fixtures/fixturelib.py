"""Helpers shared by the fixture generators: JSON writing with exact floats.

Floats are written with Python's shortest round-trip repr, so a Swift `Double` parsed from the
file is bit-identical to numpy's value. NaN and infinities become the strings "nan", "inf",
"-inf" (JSON has no literal for them). Matrices are {"shape": [r, c], "data": [row-major]}.
"""
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def vec(a):
    return [num(v) for v in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def mat(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 1:
        a = a.reshape(-1, 1)
    return {"shape": [int(a.shape[0]), int(a.shape[1])], "data": vec(a)}


def write(name, obj):
    path = os.path.join(HERE, name + ".json")
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")

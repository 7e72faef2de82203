"""Parity fixtures for the LinearAlgebra module (numpy / scipy / scikit-learn reference values).

Writes Tests/Fixtures/linear_algebra.json. Every input is drawn from a fixed-seed numpy
Generator and written beside the expected outputs, so the Swift tests never depend on
reproducing numpy's random stream.

Run:  python3 Tests/Fixtures/generate.py gen_linear_algebra
"""
from fractions import Fraction

import numpy as np
import scipy.linalg
from sklearn.metrics.pairwise import euclidean_distances

from fixturelib import ints, mat, num, vec, write

EPS = np.finfo(float).eps


def well_conditioned(rng, n):
    """A random square matrix with singular values bounded away from zero."""
    q1, _ = np.linalg.qr(rng.standard_normal((n, n)))
    q2, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return q1 @ np.diag(rng.uniform(1.0, 4.0, n)) @ q2


def spd(rng, n):
    a = rng.standard_normal((n + 3, n))
    return a.T @ a + n * np.eye(n)


def products(rng):
    a = rng.standard_normal((5, 4))
    b = rng.standard_normal((4, 3))
    c = rng.standard_normal((5, 3))
    v = rng.standard_normal(4)
    w = rng.standard_normal(5)
    d = rng.standard_normal((3, 4))
    return {
        "a": mat(a), "b": mat(b), "c": mat(c), "v": vec(v), "w": vec(w),
        "ab": mat(a @ b),
        "half_at_c": mat(0.5 * (a.T @ c)),
        "d": mat(d), "a_dt": mat(a @ d.T),
        "c_at": mat(c.T @ a),
        "av": vec(a @ v),
        "at_w": vec(a.T @ w),
        "gram": mat(a.T @ a),
        "outer_gram": mat(a @ a.T),
        "dot_vw": num(v @ w[:4]),
    }


def reductions(rng):
    x = rng.standard_normal((6, 4))
    x[3, 1] = x[1, 1]  # a tie for argmin/argmax checks (first occurrence wins)
    x[4, 2] = x[2, 2] = x[:, 2].max() + 1.0
    return {
        "x": mat(x),
        "sum_columns": vec(x.sum(axis=0)), "sum_rows": vec(x.sum(axis=1)),
        "sum_all": num(x.sum()),
        "mean_columns": vec(x.mean(axis=0)), "mean_rows": vec(x.mean(axis=1)),
        "var_columns": vec(x.var(axis=0)), "var_columns_ddof1": vec(x.var(axis=0, ddof=1)),
        "var_rows_ddof1": vec(x.var(axis=1, ddof=1)),
        "std_columns_ddof1": vec(x.std(axis=0, ddof=1)),
        "min_columns": vec(x.min(axis=0)), "max_rows": vec(x.max(axis=1)),
        "argmin_columns": ints(x.argmin(axis=0)), "argmax_columns": ints(x.argmax(axis=0)),
        "argmin_rows": ints(x.argmin(axis=1)), "argmax_rows": ints(x.argmax(axis=1)),
    }


def broadcasting(rng):
    x = rng.standard_normal((3, 4))
    row = rng.standard_normal((1, 4))
    col = rng.uniform(1.0, 2.0, (3, 1))
    return {
        "x": mat(x), "row": mat(row), "col": mat(col),
        "x_plus_row": mat(x + row), "x_minus_col": mat(x - col),
        "x_times_row": mat(x * row), "x_over_col": mat(x / col),
        "col_plus_row": mat(col + row),
    }


def cholesky(rng):
    a = spd(rng, 5)
    b = rng.standard_normal((5, 2))
    return {
        "a": mat(a), "b": mat(b),
        "l": mat(np.linalg.cholesky(a)),
        "x": mat(scipy.linalg.cho_solve(scipy.linalg.cho_factor(a, lower=True), b)),
    }


def lu(rng):
    a = well_conditioned(rng, 6)
    b = rng.standard_normal((6, 3))
    v = rng.standard_normal(6)
    small = rng.standard_normal((4, 4))
    big = 1e100 * well_conditioned(rng, 5)  # determinant ~1e500 overflows; product must too
    tiny = np.diag([1e200, 1e200, 1e-200, 3.0])  # intermediate products overflow, result 3e200
    perm = np.eye(5)[[2, 0, 1, 4, 3]]  # an odd permutation: determinant -1
    with np.errstate(over="ignore"):
        big_det = np.linalg.det(big)
    assert np.isinf(big_det)
    # Exact product of the diagonal (a naive float product overflows to inf part way).
    tiny_det = float(np.prod([Fraction(float(v)) for v in np.diag(tiny)]))
    return {
        "a": mat(a), "b": mat(b), "v": vec(v),
        "x": mat(np.linalg.solve(a, b)), "xv": vec(np.linalg.solve(a, v)),
        "inverse": mat(np.linalg.inv(a)),
        "det": num(np.linalg.det(a)),
        "small": mat(small), "small_det": num(np.linalg.det(small)),
        "small_inverse": mat(np.linalg.inv(small)),
        "big": mat(big), "big_det": num(big_det),
        "tiny": mat(tiny), "tiny_det": num(tiny_det), "tiny_numpy_det": num(np.linalg.det(tiny)),
        "perm": mat(perm), "perm_det": num(np.linalg.det(perm)),
    }


def qr(rng):
    out = {}
    for name, shape in [("tall", (7, 4)), ("wide", (3, 5)), ("square", (4, 4))]:
        a = rng.standard_normal(shape)
        q, r = np.linalg.qr(a, mode="reduced")
        out[name] = {"a": mat(a), "q": mat(q), "r": mat(r)}
    return out


def svd(rng):
    out = {}
    for name, shape in [("tall", (8, 5)), ("wide", (4, 6))]:
        a = rng.standard_normal(shape)
        u, s, vt = np.linalg.svd(a, full_matrices=False)
        out[name] = {"a": mat(a), "u": mat(u), "s": vec(s), "vt": mat(vt)}
    return out


def eigh(rng):
    b = rng.standard_normal((6, 6))
    a = b + b.T
    values, vectors = np.linalg.eigh(a)
    # A non-symmetric input: numpy reads the lower triangle only.
    lower_only = np.tril(a) + np.triu(rng.standard_normal((6, 6)), 1)
    lvalues, lvectors = np.linalg.eigh(lower_only)
    assert np.allclose(lvalues, values)
    return {
        "a": mat(a), "values": vec(values), "vectors": mat(vectors),
        "lower_only": mat(lower_only),
    }


def rank_deficient(rng):
    """8 x 5 with exact dependencies: column 3 == column 0, column 4 == 2 * column 1."""
    a = rng.standard_normal((8, 5))
    a[:, 3] = a[:, 0]
    a[:, 4] = 2.0 * a[:, 1]
    s = np.linalg.svd(a, compute_uv=False)
    tol = s.max() * max(a.shape) * EPS
    assert s[2] > 1e6 * tol and s[3] < tol / 10, (s, tol)
    return a


def lstsq(rng):
    out = {}
    tall = rng.standard_normal((10, 4))
    tall_b = rng.standard_normal((10, 2))
    wide = rng.standard_normal((4, 7))
    wide_b = rng.standard_normal((4, 2))
    vector_b = rng.standard_normal(10)
    for name, a, b, cond in [
        ("tall", tall, tall_b, None),
        ("wide", wide, wide_b, None),
        ("vector", tall, vector_b, None),
    ]:
        x, _, rank, s = scipy.linalg.lstsq(a, b, cond=cond, lapack_driver="gelsd")
        out[name] = {"a": mat(a), "b": mat(b) if b.ndim == 2 else vec(b),
                     "x": mat(x) if x.ndim == 2 else vec(x), "rank": int(rank), "s": vec(s)}
    deficient = rank_deficient(rng)
    b = rng.standard_normal((8, 2))
    x, _, rank, s = scipy.linalg.lstsq(deficient, b, cond=1e-10, lapack_driver="gelsd")
    assert rank == 3
    pinv_x = np.linalg.pinv(deficient, rcond=1e-10) @ b
    assert np.allclose(x, pinv_x, rtol=1e-12, atol=1e-13)
    out["deficient"] = {"a": mat(deficient), "b": mat(b), "x": mat(x), "rank": int(rank),
                        "s": vec(s), "rcond": 1e-10}
    return out


def rank(rng):
    deficient = rank_deficient(rng)
    full = rng.standard_normal((4, 6))
    return {
        "deficient": mat(deficient), "deficient_rank": int(np.linalg.matrix_rank(deficient)),
        "full": mat(full), "full_rank": int(np.linalg.matrix_rank(full)),
        "full_singular_values": vec(np.linalg.svd(full, compute_uv=False)),
    }


def distances(rng):
    x = rng.standard_normal((7, 3))
    y = rng.standard_normal((5, 3))
    return {
        "x": mat(x), "y": mat(y),
        "xy_squared": mat(euclidean_distances(x, y, squared=True)),
        "xy": mat(euclidean_distances(x, y)),
        "xx_squared": mat(euclidean_distances(x, squared=True)),
        "xx": mat(euclidean_distances(x)),
    }


def generate():
    rng = np.random.default_rng(20240607)
    write("linear_algebra", {
        "products": products(rng),
        "reductions": reductions(rng),
        "broadcasting": broadcasting(rng),
        "cholesky": cholesky(rng),
        "lu": lu(rng),
        "qr": qr(rng),
        "svd": svd(rng),
        "eigh": eigh(rng),
        "lstsq": lstsq(rng),
        "rank": rank(rng),
        "distances": distances(rng),
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
    })


if __name__ == "__main__":
    generate()

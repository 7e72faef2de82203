"""Ill-conditioned polynomial least-squares designs for LinearRegression.

Each design is x = 1..n with the columns x, x², ..., x^p and integer coefficients, so every
entry of X and y is an integer below 2^53: the data are exact and the exact solution is known.
The file records each design's condition number (of [1, X]) and what scikit-learn's default
LinearRegression recovers, to show the digits it loses.
"""
import mpmath
import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression

from fixturelib import mat, num, vec, write


def designs():
    out = []
    for n, p in [(40, 3), (40, 5), (40, 7), (40, 9), (30, 10)]:
        x = np.arange(1, n + 1, dtype=float)
        X = np.column_stack([x ** k for k in range(1, p + 1)])
        beta = np.array([((-1) ** k) * (k % 3 + 1) for k in range(p)], dtype=float)
        intercept = 3.0
        # Every partial sum is an integer below 2^53, so y is exact.
        assert np.all(np.abs(X) @ np.abs(beta) + abs(intercept) < 2 ** 53)
        y = X @ beta + intercept
        condition = np.linalg.cond(np.column_stack([np.ones(n), X]))
        model = LinearRegression().fit(X, y)
        sk_error = float(np.max(np.abs(model.coef_ - beta) / np.abs(beta)))
        out.append({
            "name": f"polynomial_n{n}_p{p}", "X": mat(X), "y": vec(y), "coefficients": vec(beta),
            "intercept": num(intercept), "condition": num(condition),
            "sklearnRelativeError": num(sk_error), "sklearnRank": int(model.rank_),
        })
    return out


def exact_least_squares(X, y):
    """The least-squares solution with intercept, in 60-digit arithmetic (normal equations of
    the exact data are well within that precision)."""
    mpmath.mp.dps = 60
    n, p = X.shape
    A = mpmath.matrix([[1] + [mpmath.mpf(float(v)) for v in row] for row in X])
    b = mpmath.matrix([mpmath.mpf(float(v)) for v in y])
    solution = mpmath.lu_solve(A.T * A, A.T * b)
    fitted = A * solution
    return (float(solution[0]), [float(solution[k]) for k in range(1, p + 1)],
            [float(v) for v in fitted])


def noisy_designs():
    """The same designs with Gaussian noise: the least-squares residual is not zero, and the
    reference solution comes from exact (60-digit) normal equations."""
    out = []
    rng = np.random.default_rng(11)
    for n, p in [(40, 7), (40, 9)]:
        x = np.arange(1, n + 1, dtype=float)
        X = np.column_stack([x ** k for k in range(1, p + 1)])
        beta = np.array([((-1) ** k) * (k % 3 + 1) for k in range(p)], dtype=float)
        y = X @ beta + 3.0 + rng.normal(scale=1000.0, size=n)
        intercept, coefficients, fitted = exact_least_squares(X, y)
        model = LinearRegression().fit(X, y)
        out.append({
            "name": f"noisy_polynomial_n{n}_p{p}", "X": mat(X), "y": vec(y),
            "coefficients": vec(coefficients), "intercept": num(intercept),
            "fitted": vec(fitted), "sklearnCoefficients": vec(model.coef_),
        })
    return out


def generate():
    write("ill_conditioned", {
        "sklearn": sklearn.__version__, "designs": designs(), "noisy": noisy_designs()})


if __name__ == "__main__":
    generate()

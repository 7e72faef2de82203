# Logistic regression (issue 5): scikit-learn's LogisticRegression with the same solver and
# tolerance (defaults: lbfgs, tol 1e-4, max_iter 100), fit then predict on the training rows.
from sklearn.datasets import make_classification as _make_classification
from sklearn.linear_model import LogisticRegression as _LogisticRegression


def make_classification_data(n, d, classes, seed):
    x, y = _make_classification(n_samples=n, n_features=d, n_informative=d // 2,
                                n_redundant=0, n_classes=classes, random_state=seed)
    return np.ascontiguousarray(x, dtype=np.float64), y.astype(np.float64)


DATASETS["classification_100000x50"] = lambda: make_classification_data(100_000, 50, 2, 47)
DATASETS["classification_50000x30_5"] = lambda: make_classification_data(50_000, 30, 5, 48)


def py_logistic(solver):
    def factory(spec, data):
        x, yf = data
        y = yf.astype(np.int64)
        n, d = x.shape

        def body(k):
            start = time.perf_counter()
            model = _LogisticRegression(solver=solver).fit(x, y)
            fit_s = time.perf_counter() - start
            start = time.perf_counter()
            pred = model.predict(x)
            predict_s = time.perf_counter() - start
            assert pred.shape == (n,)
            return record("sklearn", "LogisticRegression", spec.dataset, n, d, fit_s, predict_s,
                          "accuracy", float((pred == y).mean()), k,
                          n_iter=int(np.max(model.n_iter_)))

        return body

    return factory


def _logistic_spec(name, swift_bench, solver, dataset, label):
    return BenchSpec(
        name=name, swift_bench=swift_bench, python=py_logistic(solver),
        reference="scikit-learn", dataset=dataset,
        rows=[Row(f"{label}.fit", "fit_s"), Row(f"{label}.predict", "predict_s")],
        quality=lambda m: f"accuracy {m['metric']:.6f}, n_iter {m.get('n_iter')}")


BENCHMARKS += [
    _logistic_spec("logistic_binary", "logistic_regression", "lbfgs",
                   "classification_100000x50", "LogisticRegression (lbfgs, binary)"),
    _logistic_spec("logistic_multinomial", "logistic_regression", "lbfgs",
                   "classification_50000x30_5", "LogisticRegression (lbfgs, 5 classes)"),
    _logistic_spec("logistic_binary_newton", "logistic_regression_newton", "newton-cholesky",
                   "classification_100000x50", "LogisticRegression (newton-cholesky, binary)"),
    _logistic_spec("logistic_multinomial_newton", "logistic_regression_newton",
                   "newton-cholesky", "classification_50000x30_5",
                   "LogisticRegression (newton-cholesky, 5 classes)"),
]

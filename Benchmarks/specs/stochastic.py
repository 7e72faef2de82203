# SGDClassifier and LinearSVC vs scikit-learn (issue 5). Runs inside compare.py's namespace.
from sklearn.datasets import make_classification  # noqa: E402
from sklearn.linear_model import SGDClassifier  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402


def make_sgd_classification():
    """make_classification: 100,000 x 50, 10 informative features, 2 classes (seed 7)."""
    x, y = make_classification(n_samples=100_000, n_features=50, n_informative=10,
                               random_state=7)
    return x, y.astype(np.float64)


DATASETS["sgd_classification_100000x50"] = make_sgd_classification


def py_linear_classifier(make_model, name: str):
    """A scikit-learn classifier: fit, then predict on the training data (metric = accuracy)."""

    def factory(spec, data):
        x, y = data
        labels = y.astype(np.int64)
        n, d = x.shape

        def body(k):
            start = time.perf_counter()
            model = make_model().fit(x, labels)
            fit_s = time.perf_counter() - start
            start = time.perf_counter()
            pred = model.predict(x)
            predict_s = time.perf_counter() - start
            accuracy = float(np.mean(pred == labels))
            assert accuracy > 0.6, accuracy
            return record("sklearn", name, spec.dataset, n, d, fit_s, predict_s, "accuracy",
                          accuracy, k, n_iter=float(np.max(model.n_iter_)))

        return body

    return factory


def _classifier_spec(name, swift_bench, make_model, label):
    return BenchSpec(
        name=name, swift_bench=swift_bench, python=py_linear_classifier(make_model, label),
        reference="scikit-learn", dataset="sgd_classification_100000x50",
        rows=[Row(f"{label}.fit", "fit_s"), Row(f"{label}.predict", "predict_s")],
        quality=lambda m: f"accuracy {m['metric']:.4f}, epochs/iterations {m.get('n_iter', 0):.0f}")


BENCHMARKS += [
    _classifier_spec("sgd_classifier", "sgd_classifier",
                     lambda: SGDClassifier(random_state=0), "SGDClassifier"),
    # scikit-learn's default dual="auto" picks the primal (TRON) solver for n > d.
    _classifier_spec("linear_svc", "linear_svc", lambda: LinearSVC(random_state=0),
                     "LinearSVC"),
    _classifier_spec("linear_svc_dual", "linear_svc_dual",
                     lambda: LinearSVC(dual=True, random_state=0), "LinearSVC (dual=True)"),
]

# Searches and model-selection tools (issue 6). Runs in compare.py's namespace.


def py_grid_search(spec: "BenchSpec", data) -> Callable[[int], dict]:
    """GridSearchCV(make_pipeline(StandardScaler(), Ridge()), {alpha: [0.1, 1, 10], solver:
    [svd, cholesky, sparse_cg]}, cv=KFold(3), n_jobs=2, refit=True). fit_s = the whole search."""
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import GridSearchCV, KFold
    from sklearn.pipeline import make_pipeline

    x, y = data
    n, d = x.shape
    grid = {"ridge__alpha": [0.1, 1.0, 10.0], "ridge__solver": ["svd", "cholesky", "sparse_cg"]}

    def body(k):
        search = GridSearchCV(make_pipeline(StandardScaler(), Ridge()), grid, cv=KFold(3),
                              n_jobs=2)
        start = time.perf_counter()
        search.fit(x, y)
        seconds = time.perf_counter() - start
        assert len(search.cv_results_["mean_test_score"]) == 9
        return record("sklearn", "grid_search", spec.dataset, n, d, seconds, None,
                      "best_mean_r2", float(search.best_score_), k)

    return body


BENCHMARKS.append(BenchSpec(
    name="grid_search", swift_bench="grid_search", python=py_grid_search,
    reference="scikit-learn", dataset="regression_5000x20",
    rows=[Row("GridSearch 3 x 3 x 3-fold, Pipeline(StandardScaler, Ridge) (sklearn n_jobs=2)",
              "fit_s")],
    quality=lambda m: f"best mean R² {m['metric']:.10f}"))


# Issue 6: 5-fold cross-validation of LogisticRegression on 5,000 x 20 (binary).
DATASETS["classification_5000x20"] = lambda: make_classification_data(5_000, 20, 2, 49)


def py_cross_val_score_logistic(spec, data):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    x, yf = data
    y = yf.astype(np.int64)
    n, d = x.shape

    def body(k):
        start = time.perf_counter()
        scores = cross_val_score(LogisticRegression(), x, y, cv=StratifiedKFold(5))
        seconds = time.perf_counter() - start
        return record("sklearn", "cross_val_score_logistic", spec.dataset, n, d, seconds, None,
                      "mean_accuracy", float(scores.mean()), k)

    return body


BENCHMARKS.append(BenchSpec(
    name="cross_val_score_logistic", swift_bench="cross_val_score_logistic",
    python=py_cross_val_score_logistic, reference="scikit-learn",
    dataset="classification_5000x20",
    rows=[Row("crossValScore, 5-fold, LogisticRegression (binary)", "fit_s")],
    quality=lambda m: f"mean accuracy {m['metric']:.6f}"))

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

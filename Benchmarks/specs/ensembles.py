# Classic gradient boosting and isolation forest (issue 7): GradientBoostingClassifier (100
# stages, depth 3) on 20,000 x 20 rows of a make_classification set, and IsolationForest on
# 100,000 x 10 rows with 5% uniform outliers. Runs in compare.py's namespace.


def make_gb_data():
    """make_classification(24,000 x 20, 8 informative, 4 redundant, flip_y 0.03, seed 48)."""
    from sklearn.datasets import make_classification

    x, y = make_classification(n_samples=24_000, n_features=20, n_informative=8,
                               n_redundant=4, flip_y=0.03, random_state=48)
    return x, y.astype(np.float64)


def make_outlier_data():
    """120,000 x 10: two Gaussian clusters and 5% uniform outliers (y = 1), seed 49."""
    rng = np.random.RandomState(49)
    n_out = 6_000
    n_in = 120_000 - n_out
    inliers = np.vstack([rng.normal(0, 1, (n_in // 2, 10)),
                         rng.normal(3, 1, (n_in - n_in // 2, 10))])
    outliers = rng.uniform(-4, 7, (n_out, 10))
    x = np.vstack([inliers, outliers])
    y = np.r_[np.zeros(n_in), np.ones(n_out)]
    order = rng.permutation(len(y))
    return x[order], y[order]


DATASETS["gb_24000x20"] = make_gb_data
DATASETS["outliers_120000x10"] = make_outlier_data


def py_gradient_boosting(spec, data):
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.metrics import accuracy_score, roc_auc_score

    x, y = data
    cut = 20_000
    xtr, ytr = x[:cut], y[:cut].astype(np.int64)
    xte, yte = x[cut:], y[cut:].astype(np.int64)

    def body(k):
        model = GradientBoostingClassifier(random_state=0)
        start = time.perf_counter()
        model.fit(xtr, ytr)
        fit_s = time.perf_counter() - start
        start = time.perf_counter()
        proba = model.predict_proba(xte)
        predict_s = time.perf_counter() - start
        pred = (proba[:, 1] > proba[:, 0]).astype(np.int64)
        return record("sklearn", "GradientBoostingClassifier", spec.dataset, cut, x.shape[1],
                      fit_s, predict_s, "accuracy", float(accuracy_score(yte, pred)), k,
                      roc_auc=float(roc_auc_score(yte, proba[:, 1])))

    return body


def py_isolation_forest(spec, data):
    from sklearn.ensemble import IsolationForest
    from sklearn.metrics import roc_auc_score

    x, y = data
    cut = 100_000
    xtr, xte, yte = x[:cut], x[cut:], y[cut:].astype(np.int64)

    def body(k):
        model = IsolationForest(n_jobs=2, random_state=0)
        start = time.perf_counter()
        model.fit(xtr)
        fit_s = time.perf_counter() - start
        start = time.perf_counter()
        scores = model.score_samples(xte)
        predict_s = time.perf_counter() - start
        return record("sklearn", "IsolationForest", spec.dataset, cut, x.shape[1], fit_s,
                      predict_s, "roc_auc", float(roc_auc_score(yte, -scores)), k)

    return body


BENCHMARKS.append(BenchSpec(
    name="gradient_boosting_classifier", swift_bench="gradient_boosting_classifier",
    python=py_gradient_boosting, reference="scikit-learn", dataset="gb_24000x20",
    label="20,000 x 20 (make_classification)",
    rows=[Row("GradientBoostingClassifier(100 stages).fit", "fit_s"),
          Row("GradientBoostingClassifier.predict_proba (4,000 rows)", "predict_s")],
    quality=lambda m: f"held-out accuracy {m['metric']:.4f}, ROC-AUC {m['roc_auc']:.4f}"))
BENCHMARKS.append(BenchSpec(
    name="isolation_forest", swift_bench="isolation_forest",
    python=py_isolation_forest, reference="scikit-learn", dataset="outliers_120000x10",
    label="100,000 x 10 (two clusters, 5% uniform outliers)",
    rows=[Row("IsolationForest(100 trees).fit", "fit_s"),
          Row("IsolationForest.score_samples (20,000 rows)", "predict_s")],
    quality=lambda m: f"ROC-AUC of -score_samples {m['metric']:.4f}"))

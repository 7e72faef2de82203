# Feature construction and decomposition (issue 4, items 4 and 7): PCA 100,000 x 50 -> 10.
# Runs inside compare.py's namespace (BenchSpec, Row, record, DATASETS are defined there).


def py_pca(spec, data):
    from sklearn.decomposition import PCA

    x, _ = data
    n, d = x.shape

    def body(k):
        start = time.perf_counter()
        pca = PCA(n_components=10).fit(x)
        fit_s = time.perf_counter() - start
        start = time.perf_counter()
        z = pca.transform(x)
        transform_s = time.perf_counter() - start
        assert z.shape == (n, 10)
        return record("sklearn", "PCA", spec.dataset, n, d, fit_s, transform_s,
                      "explained_variance_ratio_sum", float(pca.explained_variance_ratio_.sum()), k)

    return body


BENCHMARKS.append(BenchSpec(
    name="pca", swift_bench="pca", python=py_pca, reference="scikit-learn",
    dataset="features_100000x50",
    rows=[Row("PCA(10).fit, 100,000 x 50", "fit_s"), Row("PCA(10).transform", "predict_s")],
    quality=lambda m: f"explained variance ratio sum {m['metric']:.10f}"))

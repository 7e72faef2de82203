# Scalers, imputers and encoders (issue 4). Runs inside compare.py's namespace.
#
# one_hot_encoder: 100,000 rows x 10 string columns with 20 levels each ("v00".."v19"). The data
# file holds the level codes; both sides build their string columns before the clock starts
# (numpy object array here, a DataFrame of string columns in Swift). scikit-learn's default
# output is sparse; the "_dense" spec times `sparse_output=False`, which is what SwiftLearn
# returns.


def make_category_codes(n: int, d: int, levels: int, seed: int):
    rng = np.random.default_rng(seed)
    return rng.integers(0, levels, size=(n, d)).astype(np.float64), None


DATASETS["categories_100000x10"] = lambda: make_category_codes(100_000, 10, 20, seed=47)


def py_one_hot_encoder(sparse: bool):
    def make(spec: "BenchSpec", data) -> Callable[[int], dict]:
        from sklearn.preprocessing import OneHotEncoder

        x, _ = data
        n, d = x.shape
        labels = np.array([f"v{c:02d}" for c in range(20)], dtype=object)
        strings = labels[x.astype(np.int64)]

        def body(k):
            start = time.perf_counter()
            encoder = OneHotEncoder(sparse_output=sparse).fit(strings)
            fit_s = time.perf_counter() - start
            start = time.perf_counter()
            z = encoder.transform(strings)
            transform_s = time.perf_counter() - start
            total = float(z.sum())
            assert total == n * d, total
            return record("sklearn", "OneHotEncoder", spec.dataset, n, d, fit_s, transform_s,
                          "sum_of_ones", total, k)

        return body

    return make


BENCHMARKS.append(BenchSpec(
    name="one_hot_encoder", swift_bench="one_hot_encoder", python=py_one_hot_encoder(True),
    reference="scikit-learn (sparse output, its default)", dataset="categories_100000x10",
    rows=[Row("OneHotEncoder.fit (vs sparse)", "fit_s"),
          Row("OneHotEncoder.transform (vs sparse)", "predict_s")],
    quality=lambda m: f"sum {m['metric']:.0f}"))
BENCHMARKS.append(BenchSpec(
    name="one_hot_encoder_dense", swift_bench="one_hot_encoder",
    python=py_one_hot_encoder(False), reference="scikit-learn (sparse_output=False)",
    dataset="categories_100000x10",
    rows=[Row("OneHotEncoder.fit (vs dense)", "fit_s"),
          Row("OneHotEncoder.transform (vs dense)", "predict_s")],
    quality=lambda m: f"sum {m['metric']:.0f}"))

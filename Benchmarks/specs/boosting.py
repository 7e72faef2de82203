# Histogram gradient boosting (issue 7): SwiftLearn vs LightGBM and scikit-learn on the same
# 1,000,000 x 28 binary set, the same hyperparameters (100 iterations, 31 leaves, learning rate
# 0.1, at least 20 rows per leaf, 255 bins, no early stopping), fit on the first 90% of the rows
# and scored by ROC-AUC on the last 10%.


def make_boosting_data(n: int, d: int, seed: int):
    from sklearn.datasets import make_classification

    x, y = make_classification(n_samples=n, n_features=d, n_informative=12, n_redundant=6,
                               flip_y=0.05, class_sep=0.8, random_state=seed)
    # A few non-linear columns so trees have something to find beyond a linear boundary.
    x[:, 0] = x[:, 0] ** 2 - x[:, 1]
    x[:, 2] = np.sin(x[:, 2]) * x[:, 3]
    return np.ascontiguousarray(x), y.astype(float)


DATASETS["classification_1000000x28"] = lambda: make_boosting_data(1_000_000, 28, seed=47)


def py_hist_boosting(library: str):
    def factory(spec: "BenchSpec", data) -> Callable[[int], dict]:
        from sklearn.metrics import roc_auc_score

        x, y = data
        n = x.shape[0]
        train = n * 9 // 10
        x_train, x_test = x[:train], x[train:]
        y_train, y_test = y[:train], y[train:]

        def make():
            if library == "lightgbm":
                import lightgbm

                return lightgbm.LGBMClassifier(
                    n_estimators=100, num_leaves=31, learning_rate=0.1, min_child_samples=20,
                    min_child_weight=1e-3, reg_lambda=0.0, max_bin=255, subsample=1.0,
                    colsample_bytree=1.0, n_jobs=ARGS.threads, verbose=-1, random_state=0)
            from sklearn.ensemble import HistGradientBoostingClassifier

            return HistGradientBoostingClassifier(max_iter=100, early_stopping=False,
                                                  random_state=0)

        def body(k):
            model = make()
            start = time.perf_counter()
            model.fit(x_train, y_train)
            fit_s = time.perf_counter() - start
            start = time.perf_counter()
            p = model.predict_proba(x_test)[:, 1]
            predict_s = time.perf_counter() - start
            auc = float(roc_auc_score(y_test, p))
            name = "LGBMClassifier" if library == "lightgbm" else "HistGradientBoostingClassifier"
            return record(library, name, spec.dataset, train, x.shape[1], fit_s, predict_s,
                          "roc_auc", auc, k)

        return body

    return factory


for _library, _reference in (("lightgbm", "LightGBM 4.7"), ("sklearn", "scikit-learn")):
    BENCHMARKS.append(BenchSpec(
        name=f"hist_gradient_boosting_vs_{_library}", swift_bench="hist_gradient_boosting",
        python=py_hist_boosting(_library), reference=_reference,
        dataset="classification_1000000x28",
        rows=[Row(f"HistGradientBoostingClassifier.fit vs {_reference} (100 iterations)", "fit_s"),
              Row(f"HistGradientBoostingClassifier.predictProbabilities vs {_reference}",
                  "predict_s")],
        quality=lambda m: f"ROC-AUC {m['metric']:.4f}"))

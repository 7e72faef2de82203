# Decision trees and forests (issue 7): DecisionTreeClassifier and a 100-tree
# RandomForestClassifier (n_jobs=2) fitted on 100,000 x 50 rows of a make_classification set,
# held-out accuracy on the next 20,000 rows. Runs in compare.py's namespace.
import pickle


def make_tree_data():
    """make_classification(120,000 x 50, 10 informative, 10 redundant, flip_y 0.02, seed 47)."""
    from sklearn.datasets import make_classification

    x, y = make_classification(n_samples=120_000, n_features=50, n_informative=10,
                               n_redundant=10, flip_y=0.02, random_state=47)
    return x, y.astype(np.float64)


DATASETS["trees_120000x50"] = make_tree_data


def py_tree_model(kind: str):
    def factory(spec, data):
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.metrics import accuracy_score, roc_auc_score
        from sklearn.tree import DecisionTreeClassifier

        x, y = data
        cut = 100_000
        xtr, ytr = x[:cut], y[:cut].astype(np.int64)
        xte, yte = x[cut:], y[cut:].astype(np.int64)

        def body(k):
            if kind == "tree":
                model = DecisionTreeClassifier(random_state=0)
            else:
                model = RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0)
            start = time.perf_counter()
            model.fit(xtr, ytr)
            fit_s = time.perf_counter() - start
            start = time.perf_counter()
            proba = model.predict_proba(xte)
            predict_s = time.perf_counter() - start
            pred = (proba[:, 1] > proba[:, 0]).astype(np.int64)
            acc = float(accuracy_score(yte, pred))
            if kind == "tree":
                return record("sklearn", "DecisionTreeClassifier", spec.dataset, cut, x.shape[1],
                              fit_s, predict_s, "accuracy", acc, k,
                              nodes=int(model.tree_.node_count))
            times = []
            for i in range(300):
                row = xte[i:i + 1]
                t0 = time.perf_counter()
                model.predict(row)
                times.append(time.perf_counter() - t0)
            memory = sum(e.tree_.__getstate__()["nodes"].nbytes
                         + e.tree_.__getstate__()["values"].nbytes for e in model.estimators_)
            return record("sklearn", "RandomForestClassifier", spec.dataset, cut, x.shape[1],
                          fit_s, predict_s, "accuracy", acc, k,
                          roc_auc=float(roc_auc_score(yte, proba[:, 1])), memory_bytes=memory,
                          file_bytes=len(pickle.dumps(model)),
                          one_row_us=float(np.median(times) * 1e6),
                          nodes=int(sum(e.tree_.node_count for e in model.estimators_)))

        return body

    return factory


BENCHMARKS.append(BenchSpec(
    name="decision_tree_classifier", swift_bench="decision_tree_classifier",
    python=py_tree_model("tree"), reference="scikit-learn", dataset="trees_120000x50",
    label="100,000 x 50 (make_classification)",
    rows=[Row("DecisionTreeClassifier.fit", "fit_s"),
          Row("DecisionTreeClassifier.predict_proba (20,000 rows)", "predict_s")],
    quality=lambda m: f"held-out accuracy {m['metric']:.4f}"))
BENCHMARKS.append(BenchSpec(
    name="random_forest_classifier", swift_bench="random_forest_classifier",
    python=py_tree_model("forest"), reference="scikit-learn", dataset="trees_120000x50",
    label="100,000 x 50 (make_classification)",
    rows=[Row("RandomForestClassifier(100 trees, 2 threads).fit", "fit_s"),
          Row("RandomForestClassifier.predict_proba (20,000 rows)", "predict_s")],
    quality=lambda m: f"held-out accuracy {m['metric']:.4f}, ROC-AUC {m['roc_auc']:.4f}"))

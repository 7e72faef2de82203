"""Parity fixtures for the Metrics module: classification, ranking, regression, clustering.

Every case holds its inputs and scikit-learn's outputs; the Swift tests recompute each value
and compare to 1e-12 (the classification report's text exactly). Cases cover ties,
zero-division, single-class truth, sample weights, string labels and multiclass targets.
"""
import warnings

import numpy as np
from sklearn import metrics as M
from sklearn.metrics import cluster as C

from fixturelib import ints, mat, num, vec, write

warnings.simplefilter("ignore")


def labels_json(a):
    a = list(a)
    if a and isinstance(a[0], (str, np.str_)):
        return [str(v) for v in a]
    return [int(v) for v in a]


def nums(a):
    return None if a is None else vec(a)


def foundation(rng):
    """The original cases (kept: the first tests read them)."""
    cases = []
    for name, y_true, y_pred, w in [
        ("random", rng.normal(size=50), rng.normal(size=50), None),
        ("random_weighted", rng.normal(size=40), rng.normal(size=40), rng.uniform(0, 2, 40)),
        ("close", np.arange(30.0), np.arange(30.0) + rng.normal(scale=0.1, size=30), None),
        ("constant_true_imperfect", np.full(5, 2.0), np.array([2.0, 2, 3, 2, 2]), None),
        ("constant_true_perfect", np.full(4, 2.0), np.full(4, 2.0), None),
        ("zero_weights_some", np.array([1.0, 2, 3, 4]), np.array([1.5, 2, 2, 5]), np.array([0.0, 1, 2, 0])),
    ]:
        cases.append({
            "name": name, "yTrue": vec(y_true), "yPred": vec(y_pred),
            "sampleWeight": None if w is None else vec(w),
            "r2": num(M.r2_score(y_true, y_pred, sample_weight=w)),
            "mse": num(M.mean_squared_error(y_true, y_pred, sample_weight=w)),
            "rmse": num(M.root_mean_squared_error(y_true, y_pred, sample_weight=w)),
            "mae": num(M.mean_absolute_error(y_true, y_pred, sample_weight=w)),
        })
    labels = []
    for name, t, p, w in [
        ("ints", rng.randint(0, 3, 60), rng.randint(0, 3, 60), None),
        ("ints_weighted", rng.randint(0, 3, 60), rng.randint(0, 3, 60), rng.uniform(0, 1, 60)),
    ]:
        labels.append({
            "name": name, "yTrue": [int(v) for v in t], "yPred": [int(v) for v in p],
            "sampleWeight": None if w is None else vec(w),
            "accuracy": num(M.accuracy_score(t, p, sample_weight=w)),
        })
    return cases, labels


def label_sets(rng):
    """(name, y_true, y_pred, weights) for the label metrics."""
    fruit = np.array(["apple", "banana", "cherry", "date"])
    return [
        ("binary01", rng.randint(0, 2, 40), rng.randint(0, 2, 40), None),
        ("binary_pm1_weighted", rng.choice([-1, 1], 35), rng.choice([-1, 1], 35), rng.uniform(0, 2, 35)),
        ("multiclass", rng.randint(0, 4, 80), rng.randint(0, 4, 80), None),
        ("multiclass_weighted", rng.randint(0, 3, 50), rng.randint(0, 3, 50), rng.uniform(0, 1, 50)),
        ("pred_has_extra_class", np.array([0, 0, 1, 1, 0, 1]), np.array([0, 2, 1, 1, 2, 1]), None),
        ("never_predicted", np.array([0, 1, 2, 2, 1, 0, 2]), np.array([0, 0, 0, 2, 0, 0, 2]), None),
        ("all_negative_pred", np.array([0, 1, 1, 0]), np.array([0, 0, 0, 0]), None),
        ("single_class", np.array([1, 1, 1]), np.array([1, 1, 1]), None),
        ("strings", rng.choice(fruit, 45), rng.choice(fruit, 45), None),
        ("strings_binary", rng.choice(fruit[:2], 30), rng.choice(fruit[:2], 30), None),
    ]


def prf_cases(rng):
    out = []
    for name, t, p, w in label_sets(rng):
        present = np.unique(np.concatenate([t, p]))
        is_binary = len(present) <= 2
        pos = present[-1] if isinstance(present[0], str) else 1
        combos = []
        for avg in ["micro", "macro", "weighted", None] + (["binary"] if is_binary else []):
            for zd in ["warn", 0.0, 1.0, np.nan]:
                combos.append(dict(average=avg, zero_division=zd, beta=1.0, labels=None))
        combos.append(dict(average="macro", zero_division="warn", beta=0.5, labels=None))
        combos.append(dict(average=None, zero_division="warn", beta=2.0, labels=None))
        if not isinstance(present[0], str):
            combos.append(dict(average="macro", zero_division="warn", beta=1.0,
                               labels=[int(v) for v in present[::-1]] + [int(present.max()) + 5]))
            combos.append(dict(average="micro", zero_division="warn", beta=1.0,
                               labels=[int(present[0])]))
        for c in combos:
            kwargs = dict(average=c["average"], zero_division=c["zero_division"], beta=c["beta"],
                          labels=c["labels"], sample_weight=w)
            if c["average"] == "binary":
                kwargs["pos_label"] = pos
            pr, rc, f, s = M.precision_recall_fscore_support(t, p, **kwargs)
            zd = c["zero_division"]
            out.append({
                "name": f"{name} avg={c['average']} zd={zd} beta={c['beta']} labels={c['labels']}",
                "yTrue": labels_json(t), "yPred": labels_json(p), "sampleWeight": nums(w),
                "average": "none" if c["average"] is None else c["average"],
                "zeroDivision": "nan" if isinstance(zd, float) and np.isnan(zd) else str(zd),
                "beta": c["beta"], "labels": None if c["labels"] is None else c["labels"],
                "posLabel": labels_json([pos])[0] if c["average"] == "binary" else None,
                "precision": vec(np.atleast_1d(pr)), "recall": vec(np.atleast_1d(rc)),
                "fScore": vec(np.atleast_1d(f)),
                "support": None if s is None else vec(s),
            })
    return out


def agreement_cases(rng):
    out = []
    for name, t, p, w in label_sets(rng):
        case = {"name": name, "yTrue": labels_json(t), "yPred": labels_json(p), "sampleWeight": nums(w)}
        case["accuracy"] = num(M.accuracy_score(t, p, sample_weight=w))
        case["balancedAccuracy"] = num(M.balanced_accuracy_score(t, p, sample_weight=w))
        case["balancedAccuracyAdjusted"] = num(M.balanced_accuracy_score(t, p, sample_weight=w, adjusted=True))
        case["mcc"] = num(M.matthews_corrcoef(t, p, sample_weight=w))
        case["hamming"] = num(M.hamming_loss(t, p, sample_weight=w))
        for wt in [None, "linear", "quadratic"]:
            case[f"kappa_{wt}"] = num(M.cohen_kappa_score(t, p, weights=wt, sample_weight=w))
        case["confusion"] = mat(M.confusion_matrix(t, p, sample_weight=w))
        for norm in ["true", "pred", "all"]:
            case[f"confusion_{norm}"] = mat(M.confusion_matrix(t, p, sample_weight=w, normalize=norm))
        present = np.unique(np.concatenate([t, p]))
        sub = list(present[::-1][: max(1, len(present) - 1)])
        case["confusionLabels"] = labels_json(sub)
        case["confusion_labels"] = mat(M.confusion_matrix(t, p, labels=sub, sample_weight=w))
        out.append(case)
    return out


def report_cases(rng):
    out = []
    for name, t, p, w in label_sets(rng):
        for digits, labels, names in [(2, None, None), (4, None, None)]:
            out.append(_report(name, t, p, w, digits, labels, names))
    t = np.array(["cat", "dog", "dog", "bird", "cat", "cat"])
    p = np.array(["cat", "dog", "cat", "bird", "bird", "cat"])
    out.append(_report("target_names", t, p, None, 3, None, ["Bird", "Canine companion!", "Cat"]))
    out.append(_report("label_subset", t, p, None, 2, ["cat", "dog"], None))
    ti = rng.randint(0, 3, 30)
    pi = rng.randint(0, 3, 30)
    out.append(_report("label_subset_ints", ti, pi, rng.uniform(0, 1, 30), 2, [2, 0], None))
    return out


def _report(name, t, p, w, digits, labels, names):
    kw = dict(sample_weight=w, digits=digits, labels=labels, target_names=names)
    text = M.classification_report(t, p, **kw)
    d = M.classification_report(t, p, output_dict=True, **kw)
    return {
        "name": f"{name} digits={digits}", "yTrue": labels_json(t), "yPred": labels_json(p),
        "sampleWeight": nums(w), "digits": digits,
        "labels": None if labels is None else labels_json(labels), "targetNames": names,
        "text": text,
        "accuracy": num(d["accuracy"]) if "accuracy" in d else None,
        "macroF1": num(d["macro avg"]["f1-score"]), "weightedPrecision": num(d["weighted avg"]["precision"]),
    }


def ranking_cases(rng):
    out = []
    n = 60
    sets = [
        ("continuous", rng.randint(0, 2, n), rng.normal(size=n), None),
        ("ties", rng.randint(0, 2, n), np.round(rng.uniform(size=n), 1), None),
        ("ties_weighted", rng.randint(0, 2, n), np.round(rng.uniform(size=n), 1), rng.uniform(0, 2, n)),
        ("zero_weights", rng.randint(0, 2, 20), rng.normal(size=20), np.where(rng.uniform(size=20) < 0.3, 0.0, 1.0)),
        ("pm1_labels", rng.choice([-1, 1], 40), rng.normal(size=40), None),
        ("perfect", np.array([0, 0, 1, 1]), np.array([0.1, 0.2, 0.8, 0.9]), None),
        ("docs_example", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]), None),
        ("all_same_score", np.array([0, 1, 0, 1, 1]), np.full(5, 0.5), None),
    ]
    for name, t, s, w in sets:
        case = {"name": name, "yTrue": ints(t), "yScore": vec(s), "sampleWeight": nums(w)}
        for drop in [True, False]:
            fpr, tpr, thr = M.roc_curve(t, s, sample_weight=w, drop_intermediate=drop)
            case[f"roc_{drop}"] = {"fpr": vec(fpr), "tpr": vec(tpr), "thresholds": vec(thr)}
            pr, rc, th = M.precision_recall_curve(t, s, sample_weight=w, drop_intermediate=drop)
            case[f"pr_{drop}"] = {"precision": vec(pr), "recall": vec(rc), "thresholds": vec(th)}
        case["rocAUC"] = num(M.roc_auc_score(t, s, sample_weight=w))
        case["rocAUC_maxfpr_0.3"] = num(M.roc_auc_score(t, s, sample_weight=w, max_fpr=0.3))
        case["averagePrecision"] = num(M.average_precision_score(t, s, sample_weight=w))
        proba = 1 / (1 + np.exp(-s))
        case["proba"] = vec(proba)
        case["logLoss"] = num(M.log_loss(t, proba, sample_weight=w))
        case["brier"] = num(M.brier_score_loss(t, proba, sample_weight=w))
        case["hinge"] = num(M.hinge_loss(t, s, sample_weight=w))
        case["top1"] = num(M.top_k_accuracy_score(t, s, k=1, sample_weight=w))
        case["top1Proba"] = num(M.top_k_accuracy_score(t, proba, k=1, sample_weight=w))
        case["top2"] = num(M.top_k_accuracy_score(t, s, k=2, sample_weight=w))
        out.append(case)
    return out


def multiclass_cases(rng):
    out = []
    for name, k, n, weighted in [("three", 3, 60, False), ("four_weighted", 4, 80, True), ("five_ties", 5, 50, False)]:
        t = rng.randint(0, k, n)
        raw = rng.uniform(size=(n, k))
        if name == "five_ties":
            raw = np.round(raw, 1) + 0.05
        proba = raw / raw.sum(axis=1, keepdims=True)
        w = rng.uniform(0, 2, n) if weighted else None
        case = {"name": name, "yTrue": ints(t), "proba": mat(proba), "sampleWeight": nums(w)}
        for avg in ["macro", "weighted", "micro"]:
            case[f"ovr_{avg}"] = num(M.roc_auc_score(t, proba, multi_class="ovr", average=avg, sample_weight=w))
            case[f"ap_{avg}"] = num(M.average_precision_score(t, proba, average=avg, sample_weight=w))
        if w is None:
            for avg in ["macro", "weighted"]:
                case[f"ovo_{avg}"] = num(M.roc_auc_score(t, proba, multi_class="ovo", average=avg))
        case["logLoss"] = num(M.log_loss(t, proba, sample_weight=w))
        case["logLossSum"] = num(M.log_loss(t, proba, sample_weight=w, normalize=False))
        case["brier"] = num(M.brier_score_loss(t, proba, sample_weight=w))
        for kk in [1, 2, 3]:
            case[f"top{kk}"] = num(M.top_k_accuracy_score(t, raw, k=kk, sample_weight=w))
        case["raw"] = mat(raw)
        case["hinge"] = num(M.hinge_loss(t, raw - 0.5, sample_weight=w))
        out.append(case)
    # Log loss where y_true misses a class: labels must be passed.
    t = np.array([0, 2, 2, 0])
    proba = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
    out.append({"name": "missing_class_labels", "yTrue": ints(t), "proba": mat(proba), "sampleWeight": None,
                "labels": [0, 1, 2], "logLoss": num(M.log_loss(t, proba, labels=[0, 1, 2])),
                "brier": num(M.brier_score_loss(t, proba, labels=[0, 1, 2])),
                "ovr_macro_labels": num(M.roc_auc_score(np.array([0, 2, 2, 0, 1]),
                                                        np.vstack([proba, [[0.2, 0.6, 0.2]]]),
                                                        multi_class="ovr", labels=[0, 1, 2]))})
    return out


def regression_cases(rng):
    out = []
    n = 40
    pos_t = rng.gamma(2.0, 2.0, n) + 0.1
    pos_p = pos_t * rng.uniform(0.5, 1.5, n)
    sets = [
        ("normal", rng.normal(size=n), rng.normal(size=n), None),
        ("normal_weighted", rng.normal(size=n), rng.normal(size=n), rng.uniform(0, 2, n)),
        ("positive", pos_t, pos_p, None),
        ("positive_weighted", pos_t, pos_p, rng.uniform(0, 2, n)),
        ("with_zero_true", np.array([0.0, 1, 2, 3, 0]), np.array([0.5, 1, 2.5, 2, 0]), None),
        ("constant_true", np.full(6, 3.0), np.array([3.0, 3, 3, 3, 3, 4]), None),
        ("even_median_weights", np.arange(8.0), np.arange(8.0) + np.array([1, -2, 3, 0, 5, -1, 2, 2.0]),
         np.array([1.0, 0, 2, 1, 0, 3, 1, 1])),
        ("integer_weights_ties", np.arange(6.0), np.arange(6.0) + np.array([1, 1, 2, 2, 3, 3.0]),
         np.array([1.0, 1, 1, 1, 1, 1])),
    ]
    for name, t, p, w in sets:
        positive = (t > 0).all() and (p > 0).all()
        nonneg = (t >= 0).all() and (p > 0).all()
        case = {"name": name, "yTrue": vec(t), "yPred": vec(p), "sampleWeight": nums(w)}
        case["mape"] = num(M.mean_absolute_percentage_error(t, p, sample_weight=w))
        case["medae"] = num(M.median_absolute_error(t, p, sample_weight=w))
        case["maxError"] = num(M.max_error(t, p))
        case["ev"] = num(M.explained_variance_score(t, p, sample_weight=w))
        case["evRaw"] = num(M.explained_variance_score(t, p, sample_weight=w, force_finite=False))
        case["r2"] = num(M.r2_score(t, p, sample_weight=w))
        for a in [0.1, 0.5, 0.9]:
            case[f"pinball_{a}"] = num(M.mean_pinball_loss(t, p, sample_weight=w, alpha=a))
            case[f"d2pinball_{a}"] = num(M.d2_pinball_score(t, p, sample_weight=w, alpha=a))
        case["d2abs"] = num(M.d2_absolute_error_score(t, p, sample_weight=w))
        if np.ptp(t) > 0:
            case["d2tweedie_0"] = num(M.d2_tweedie_score(t, p, sample_weight=w, power=0))
        case["tweedie_0"] = num(M.mean_tweedie_deviance(t, p, sample_weight=w, power=0))
        if (t > -1).all() and (p > -1).all():
            case["msle"] = num(M.mean_squared_log_error(t, p, sample_weight=w))
            case["rmsle"] = num(M.root_mean_squared_log_error(t, p, sample_weight=w))
        if (p > 0).all():
            case["tweedie_-0.5"] = num(M.mean_tweedie_deviance(t, p, sample_weight=w, power=-0.5))
        if nonneg:
            for pw in [1, 1.5]:
                case[f"tweedie_{pw}"] = num(M.mean_tweedie_deviance(t, p, sample_weight=w, power=pw))
                if np.ptp(t) > 0:
                    case[f"d2tweedie_{pw}"] = num(M.d2_tweedie_score(t, p, sample_weight=w, power=pw))
            case["poisson"] = num(M.mean_poisson_deviance(t, p, sample_weight=w))
        if positive:
            for pw in [2, 3]:
                case[f"tweedie_{pw}"] = num(M.mean_tweedie_deviance(t, p, sample_weight=w, power=pw))
                if np.ptp(t) > 0:
                    case[f"d2tweedie_{pw}"] = num(M.d2_tweedie_score(t, p, sample_weight=w, power=pw))
            case["gamma"] = num(M.mean_gamma_deviance(t, p, sample_weight=w))
        out.append(case)
    return out


def multioutput_cases(rng):
    out = []
    for name, t, p, w in [
        ("three_outputs", rng.normal(size=(30, 3)) * [1, 5, 0.1], rng.normal(size=(30, 3)), None),
        ("weighted_const_col", np.column_stack([rng.normal(size=20), np.full(20, 2.0)]),
         np.column_stack([rng.normal(size=20), np.full(20, 2.0)]), rng.uniform(0, 2, 20)),
    ]:
        case = {"name": name, "yTrue": mat(t), "yPred": mat(p), "sampleWeight": nums(w)}
        for mo in ["raw_values", "uniform_average", "variance_weighted"]:
            case[f"r2_{mo}"] = vec(np.atleast_1d(M.r2_score(t, p, sample_weight=w, multioutput=mo)))
            case[f"ev_{mo}"] = vec(np.atleast_1d(M.explained_variance_score(t, p, sample_weight=w, multioutput=mo)))
        custom = np.arange(1.0, t.shape[1] + 1)
        case["customWeights"] = vec(custom)
        case["r2_custom"] = num(M.r2_score(t, p, sample_weight=w, multioutput=custom))
        for key, fn in [("mse", M.mean_squared_error), ("rmse", M.root_mean_squared_error),
                        ("mae", M.mean_absolute_error), ("mape", M.mean_absolute_percentage_error),
                        ("medae", M.median_absolute_error)]:
            case[f"{key}_raw"] = vec(fn(t, p, sample_weight=w, multioutput="raw_values"))
            case[f"{key}_avg"] = num(fn(t, p, sample_weight=w))
        case["pinball_raw_0.3"] = vec(M.mean_pinball_loss(t, p, sample_weight=w, alpha=0.3, multioutput="raw_values"))
        out.append(case)
    return out


def clustering_cases(rng):
    out = []
    for name, t, p in [
        ("random", rng.randint(0, 4, 100), rng.randint(0, 5, 100)),
        ("identical_relabel", np.array([0, 0, 1, 1, 2, 2]), np.array([5, 5, 3, 3, 9, 9])),
        ("one_cluster", np.array([0, 1, 2, 0, 1]), np.zeros(5, dtype=int)),
        ("both_single", np.zeros(4, dtype=int), np.ones(4, dtype=int)),
        ("large_structured", rng.randint(0, 6, 600), None),
    ]:
        if p is None:
            p = np.where(rng.uniform(size=t.shape[0]) < 0.7, t, rng.randint(0, 8, t.shape[0]))
        case = {"name": name, "labelsTrue": ints(t), "labelsPred": ints(p)}
        case["ari"] = num(M.adjusted_rand_score(t, p))
        case["rand"] = num(M.rand_score(t, p))
        case["mi"] = num(M.mutual_info_score(t, p))
        for avg in ["min", "geometric", "arithmetic", "max"]:
            case[f"ami_{avg}"] = num(M.adjusted_mutual_info_score(t, p, average_method=avg))
            case[f"nmi_{avg}"] = num(M.normalized_mutual_info_score(t, p, average_method=avg))
        for beta in [1.0, 2.0]:
            h, c, v = M.homogeneity_completeness_v_measure(t, p, beta=beta)
            case[f"hcv_{beta}"] = vec([h, c, v])
        case["fowlkesMallows"] = num(M.fowlkes_mallows_score(t, p))
        case["contingency"] = mat(C.contingency_matrix(t, p))
        case["pairConfusion"] = mat(C.pair_confusion_matrix(t, p))
        out.append(case)
    return out


def internal_cases(rng):
    out = []
    centers = np.array([[0.0, 0, 0], [4, 4, 0], [0, 5, 3]])
    labels = rng.randint(0, 3, 45)
    x = centers[labels] + rng.normal(size=(45, 3))
    labels2 = labels.copy()
    labels2[:1] = 7  # a singleton cluster
    for name, xx, lab in [("blobs", x, labels), ("singleton", x, labels2),
                          ("two_features", rng.normal(size=(20, 2)), rng.randint(0, 2, 20))]:
        out.append({
            "name": name, "x": mat(xx), "labels": ints(lab),
            "silhouetteSamples": vec(M.silhouette_samples(xx, lab)),
            "silhouette": num(M.silhouette_score(xx, lab)),
            "calinskiHarabasz": num(M.calinski_harabasz_score(xx, lab)),
            "daviesBouldin": num(M.davies_bouldin_score(xx, lab)),
        })
    return out


def generate():
    rng = np.random.RandomState(3)
    regression, classification = foundation(rng)
    write("metrics", {"regression": regression, "classification": classification})
    rng = np.random.RandomState(11)
    write("metrics_classification", {
        "prf": prf_cases(rng), "agreement": agreement_cases(rng), "report": report_cases(rng),
    })
    rng = np.random.RandomState(12)
    write("metrics_ranking", {"binary": ranking_cases(rng), "multiclass": multiclass_cases(rng)})
    rng = np.random.RandomState(13)
    write("metrics_regression", {"single": regression_cases(rng), "multioutput": multioutput_cases(rng)})
    rng = np.random.RandomState(14)
    write("metrics_clustering", {"supervised": clustering_cases(rng), "internal": internal_cases(rng)})

"""Parity fixtures for text vectorizers and feature selection (issue 4, items 5 and 6).

Text: two small corpora (one with Unicode words and punctuation, one with stop words for
n-gram settings); each case stores the settings, scikit-learn's vocabulary in column order,
the fit_transform output (dense), idf_ where relevant, and the transform of unseen documents.

Selection: breast cancer (classification) and diabetes (regression) with the score functions'
scores and p-values, and the features each selector keeps. Mutual information is randomized
(tie-breaking noise); its cases store scikit-learn's values for random_state 0..4 so the test
can state the margin against the spread of scikit-learn's own estimates.
"""
import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.feature_selection import (RFE, RFECV, SelectFromModel, SelectKBest,
                                       SelectPercentile, VarianceThreshold, chi2, f_classif,
                                       f_regression, mutual_info_classif,
                                       mutual_info_regression)
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import KFold

from fixturelib import ints, mat, num, vec, write

CORPUS_UNICODE = [
    "Héllo, wörld! Ça va? Naïve café-goers drink crème brûlée.",
    "Straße und Größe: Übermäßig große Maße... 42 Äpfel, 7 Birnen.",
    "Москва — столица России; Київ — столиця України.",
    "snake_case_words and CamelCaseWords, e-mail: test@example.com (x2)",
    "Numbers: 3.14159, 2,718 and ½ or ² — a b c d; ok OK Ok.",
    "東京 is 日本の首都 and 北京 是 中国的首都!",
    "Emoji 🙂 between words🙂like this; tabs\tand\nnewlines   spaces.",
    "hello HELLO Hello héllo world WORLD wörld",
]

CORPUS_STOP = [
    "The quick brown fox jumps over the lazy dog.",
    "A quick brown dog outpaces a quick fox.",
    "The lazy dog sleeps all day, and the fox does not care.",
    "Foxes and dogs are not the same; a fox is quick, a dog is loyal.",
    "We went to the park to see the brown fox and the lazy dog.",
    "Is the fox quicker than the dog? Nobody knows the answer.",
    "Dogs bark, foxes yelp, and the quick brown fox runs away from the dog.",
    "Every dog has its day, but the fox has the night.",
    "The brown dog and the brown fox became friends in the park.",
    "Nothing is quicker than a quick brown fox in the morning.",
]

NEW_DOCS = [
    "The quick brown fox and an unseen zebra.",
    "héllo wörld, Straße Москва 東京",
    "",
    "dog dog dog fox",
]


def text_case(name, kind, params, corpus):
    cls = CountVectorizer if kind == "count" else TfidfVectorizer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v = cls(**params)
        x = v.fit_transform(corpus).toarray()
        new = v.transform(NEW_DOCS).toarray()
    case = {
        "name": name, "kind": kind, "corpus": corpus, "newDocuments": NEW_DOCS,
        "params": {k: (list(val) if isinstance(val, tuple) else val) for k, val in params.items()},
        "vocabulary": [str(t) for t in v.get_feature_names_out()],
        "output": mat(x), "newOutput": mat(new),
    }
    if kind == "tfidf" and getattr(v, "use_idf", True):
        case["idf"] = vec(v.idf_)
    return case


def check_no_tie_at_cut(params, corpus):
    """max_features ranks by total count with an unstable sort; keep the cut free of ties."""
    p = dict(params)
    limit = p.pop("max_features")
    v = CountVectorizer(**p).fit(corpus)
    x = v.transform(corpus)
    if p.get("binary"):
        x.data[:] = 1
    totals = np.sort(np.asarray(x.sum(axis=0)).ravel())[::-1]
    assert totals[limit - 1] != totals[limit], f"tie at the max_features cut: {totals[:limit + 1]}"


def text_cases():
    cases = []
    cases.append(text_case("count_unicode_default", "count", {}, CORPUS_UNICODE))
    cases.append(text_case("count_unicode_case", "count", {"lowercase": False}, CORPUS_UNICODE))
    cases.append(text_case("count_stop_bigrams", "count",
                           {"stop_words": "english", "ngram_range": (1, 2), "min_df": 2},
                           CORPUS_STOP))
    params = {"ngram_range": (1, 2), "max_df": 0.5, "max_features": 10, "binary": True}
    check_no_tie_at_cut(params, CORPUS_STOP)
    cases.append(text_case("count_stop_binary_maxdf_maxfeatures", "count", params, CORPUS_STOP))
    cases.append(text_case("count_stop_trigrams_only", "count",
                           {"ngram_range": (2, 3), "min_df": 0.2}, CORPUS_STOP))
    cases.append(text_case("count_custom_pattern", "count",
                           {"token_pattern": r"(?u)\b\w+\b"}, CORPUS_STOP))
    cases.append(text_case("tfidf_unicode_default", "tfidf", {}, CORPUS_UNICODE))
    cases.append(text_case("tfidf_stop_default", "tfidf", {}, CORPUS_STOP))
    cases.append(text_case("tfidf_stop_sublinear_l1", "tfidf",
                           {"stop_words": "english", "ngram_range": (1, 3), "sublinear_tf": True,
                            "norm": "l1", "smooth_idf": False}, CORPUS_STOP))
    cases.append(text_case("tfidf_unicode_binary_nonorm", "tfidf",
                           {"binary": True, "norm": None, "max_df": 3}, CORPUS_UNICODE))
    cases.append(text_case("tfidf_stop_noidf", "tfidf",
                           {"use_idf": False, "min_df": 2, "ngram_range": (1, 2)}, CORPUS_STOP))
    return cases


def datasets():
    cancer = load_breast_cancer()
    diabetes = load_diabetes()
    xc, yc = cancer.data, cancer.target.astype(float)
    xd, yd = diabetes.data, diabetes.target.astype(float)
    # A three-class target for diabetes (terciles) and a non-negative copy of its X for chi2.
    yd3 = np.digitize(yd, np.quantile(yd, [1 / 3, 2 / 3])).astype(float)
    xd_pos = xd - xd.min(axis=0)
    return {
        "cancer": {"x": xc, "y": yc},
        "diabetes": {"x": xd, "y": yd},
        "diabetes3": {"x": xd, "y": yd3},
        "diabetesPositive3": {"x": xd_pos, "y": yd3},
    }


def score_cases(data):
    cases = []
    for fn, name, sets in [
        (f_classif, "fClassif", ["cancer", "diabetes3"]),
        (chi2, "chi2", ["cancer", "diabetesPositive3"]),
        (f_regression, "fRegression", ["diabetes", "cancer"]),
    ]:
        for s in sets:
            scores, p = fn(data[s]["x"], data[s]["y"])
            cases.append({"function": name, "data": s, "scores": vec(scores), "pValues": vec(p)})
    return cases


def mi_cases(data):
    """Ten seeds per case; k is the largest in 1..5 whose top-k set is the same for all ten."""
    cases = []
    for fn, name, s in [
        (mutual_info_classif, "mutualInfoClassif", "cancer"),
        (mutual_info_regression, "mutualInfoRegression", "diabetes"),
        (mutual_info_classif, "mutualInfoClassif", "diabetes3"),
    ]:
        runs = [fn(data[s]["x"], data[s]["y"], random_state=r) for r in range(10)]
        stable = []
        for k in range(1, 6):
            top = [set(np.argsort(-r, kind="mergesort")[:k]) for r in runs]
            if all(t == top[0] for t in top):
                stable.append((k, sorted(top[0])))
        k, selected = stable[-1]
        cases.append({"function": name, "data": s, "k": k, "runs": [vec(r) for r in runs],
                      "selected": ints(selected)})
    return cases


def selector_cases(data):
    cases = []

    def add(kind, s, params, selector, y=None):
        x = data[s]["x"]
        yy = data[s]["y"] if y is None else y
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitted = selector.fit(x, yy)
        case = {"kind": kind, "data": s, "params": params,
                "support": [bool(b) for b in fitted.get_support()]}
        if hasattr(fitted, "ranking_"):
            case["ranking"] = ints(fitted.ranking_)
        if hasattr(fitted, "threshold_"):
            case["threshold"] = num(fitted.threshold_)
        if hasattr(fitted, "cv_results_"):
            case["meanTestScore"] = vec(fitted.cv_results_["mean_test_score"])
            case["nFeatures"] = ints(fitted.cv_results_["n_features"])
        cases.append(case)

    add("kbest", "cancer", {"score": "fClassif", "k": 5}, SelectKBest(f_classif, k=5))
    add("kbest", "diabetes3", {"score": "fClassif", "k": 4}, SelectKBest(f_classif, k=4))
    add("kbest", "cancer", {"score": "chi2", "k": 7}, SelectKBest(chi2, k=7))
    add("kbest", "diabetesPositive3", {"score": "chi2", "k": 3}, SelectKBest(chi2, k=3))
    add("kbest", "diabetes", {"score": "fRegression", "k": 3}, SelectKBest(f_regression, k=3))
    add("kbest", "cancer", {"score": "fRegression", "k": 10}, SelectKBest(f_regression, k=10))
    add("percentile", "cancer", {"score": "fClassif", "percentile": 20},
        SelectPercentile(f_classif, percentile=20))
    add("percentile", "diabetes", {"score": "fRegression", "percentile": 35},
        SelectPercentile(f_regression, percentile=35))
    add("percentile", "cancer", {"score": "chi2", "percentile": 50},
        SelectPercentile(chi2, percentile=50))
    add("variance", "cancer", {"threshold": 0.0}, VarianceThreshold())
    add("variance", "cancer", {"threshold": 0.05}, VarianceThreshold(threshold=0.05))
    add("variance", "diabetes", {"threshold": 0.0022}, VarianceThreshold(threshold=0.0022))
    for s, model, name in [("diabetes", Ridge(alpha=0.1), "ridge"),
                           ("cancer", LinearRegression(), "linear")]:
        for threshold in ["mean", "median", "1.25*mean", "0.5*median"]:
            add("fromModel", s, {"model": name, "threshold": threshold},
                SelectFromModel(model, threshold=threshold))
        add("fromModel", s, {"model": name, "threshold": "-inf", "maxFeatures": 3},
            SelectFromModel(model, threshold=-np.inf, max_features=3))
    add("rfe", "diabetes", {"model": "linear", "count": 4, "step": 1},
        RFE(LinearRegression(), n_features_to_select=4, step=1))
    add("rfe", "diabetes", {"model": "ridge", "count": 3, "step": 2},
        RFE(Ridge(alpha=0.1), n_features_to_select=3, step=2))
    add("rfe", "cancer", {"model": "linear", "count": 5, "step": 0.1},
        RFE(LinearRegression(), n_features_to_select=5, step=0.1))
    add("rfecv", "diabetes", {"model": "linear", "step": 1, "folds": 5},
        RFECV(LinearRegression(), step=1, cv=KFold(5), scoring="r2"))
    add("rfecv", "cancer", {"model": "ridge", "step": 3, "folds": 4},
        RFECV(Ridge(alpha=0.1), step=3, cv=KFold(4), scoring="r2"))
    return cases


def correlation_cases(data):
    """Our own rule (later feature of a pair above the threshold is dropped), with numpy's
    correlation matrix as the independent reference."""
    cases = []
    for s, threshold in [("cancer", 0.9), ("cancer", 0.75), ("diabetes", 0.5)]:
        r = np.corrcoef(data[s]["x"], rowvar=False)
        d = r.shape[0]
        keep = [True] * d
        for b in range(d):
            for a in range(b):
                if keep[a] and abs(r[a, b]) > threshold:
                    keep[b] = False
                    break
        cases.append({"data": s, "threshold": threshold, "support": keep,
                      "correlations": mat(r)})
    return cases


def main():
    data = datasets()
    write("text_selection", {
        "text": text_cases(),
        "data": {k: {"x": mat(v["x"]), "y": vec(v["y"])} for k, v in data.items()},
        "scores": score_cases(data),
        "mutualInformation": mi_cases(data),
        "selectors": selector_cases(data),
        "correlation": correlation_cases(data),
    })


if __name__ == "__main__":
    main()

# Feature construction, text, selection and PCA (issue 4). Runs in compare.py's namespace.


def synthetic_corpus(count: int, vocabulary_size: int = 2000) -> list:
    """The corpus of Benchmarks+Features.swift's syntheticCorpus, generated identically."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    suffixes = ["", "a", "ab", "abc"]
    words = []
    for i in range(vocabulary_size):
        v, stem = i, ""
        for _ in range(3):
            stem += letters[v % 26]
            v //= 26
        words.append(stem + suffixes[i % 4])
    state = 12345
    mask = (1 << 64) - 1

    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        return state >> 33

    documents = []
    for _ in range(count):
        length = 8 + nxt() % 13
        documents.append(" ".join(words[nxt() % vocabulary_size] for _ in range(length)) + ".")
    return documents


def py_tfidf_vectorizer(spec: "BenchSpec", data):
    """TfidfVectorizer().fit_transform on the synthetic corpus. scikit-learn returns a sparse
    CSR matrix (about 14 non-zeros per row); SwiftLearn returns the dense matrix."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    documents = synthetic_corpus(spec.n)

    def body(k):
        start = time.perf_counter()
        x = TfidfVectorizer().fit_transform(documents)
        seconds = time.perf_counter() - start
        assert x.shape[0] == spec.n
        return record("sklearn", "TfidfVectorizer", f"{spec.n} documents", spec.n, x.shape[1],
                      seconds, None, "sum", float(x.sum()), k)

    return body


BENCHMARKS.append(
    BenchSpec(
        name="tfidf_vectorizer", swift_bench="tfidf_vectorizer", python=py_tfidf_vectorizer,
        reference="scikit-learn (sparse output)", n=20000,
        label="20,000 short documents, 2,000-word vocabulary",
        rows=[Row("TfidfVectorizer.fitTransform (SwiftLearn dense, scikit-learn sparse)", "fit_s")],
        quality=lambda m: f"sum {m['metric']:.10g}"))

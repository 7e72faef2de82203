#!/usr/bin/env python3
"""SwiftLearn vs scikit-learn / numpy on the same data, in the same run.

    python3 Benchmarks/compare.py                 # everything, 2 BLAS threads, 5 repeats
    python3 Benchmarks/compare.py --threads 1 --repeats 3 --only dgemm_2000

Steps:
  1. generate every data set ONCE with numpy (fixed seeds) and write it to Benchmarks/data/*.bin;
  2. build the Swift harness (`swift build -c release --package-path Benchmarks`);
  3. for each benchmark, run Benchmarks/.build/release/swiftlearn-bench on the .bin file and
     the scikit-learn / numpy equivalent on the same file (read back from disk), each with
     `--warmup` untimed and `--repeats` timed runs, interleaved round by round (one Swift
     process per round, then one reference run) so both sides see the same machine load;
  4. write Docs/Benchmarks.md (medians, ratios, quality) and the raw JSON lines to
     Benchmarks/data/results.jsonl.

Both sides get the same OPENBLAS_NUM_THREADS / OMP_NUM_THREADS (set below before numpy is
imported, and passed to the Swift process and as its --threads).

Data file format (all little-endian; the Swift reader is Sources/swiftlearn-bench/DataFile.swift):

    offset  size        content
    0       8           magic, the ASCII bytes b"SLBENCH1"
    8       8           n, uint64: number of rows (samples)
    16      8           d, uint64: number of columns (features)
    24      8           k, uint64: number of target columns, 0 (no y) or 1
    32      8*n*d       X, float64, row-major (C order)
    32+8nd  8*n*k       y, float64 (present only when k == 1)

To add a benchmark: add a data set to DATASETS (if it needs a new one), a `py_*` function that
returns measurements in the Swift harness's JSON schema, a Swift benchmark in
Benchmarks/Sources/swiftlearn-bench/Benchmarks.swift, and a BenchSpec to BENCHMARKS.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "Benchmarks"
DATA_DIR = BENCH_DIR / "data"
SWIFT_BIN = BENCH_DIR / ".build" / "release" / "swiftlearn-bench"
REPORT = ROOT / "Docs" / "Benchmarks.md"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=2, help="BLAS threads for both sides")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats (>= 3)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before the repeats")
    parser.add_argument("--only", nargs="*", help="benchmark names to run (default: all)")
    parser.add_argument("--skip-build", action="store_true", help="use the existing binary")
    parser.add_argument("--no-interleave", dest="interleave", action="store_false",
                        help="run all Swift repeats, then all reference repeats")
    parser.add_argument("--out", type=Path, default=REPORT, help="the Markdown report")
    args = parser.parse_args()
    if args.repeats < 3:
        parser.error("--repeats must be at least 3")
    if args.threads < 1:
        parser.error("--threads must be at least 1")
    return args


ARGS = parse_args()
# Must happen before numpy (and its OpenBLAS) is loaded.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, Ridge  # noqa: E402
from sklearn.metrics import r2_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from threadpoolctl import threadpool_info  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Data files

MAGIC = b"SLBENCH1"
HEADER = struct.Struct("<8sQQQ")  # magic, n, d, k  (32 bytes)


def write_bin(path: Path, x: np.ndarray, y: Optional[np.ndarray]) -> None:
    """Writes X (n x d) and optional y (n) in the format described in the module docstring."""
    x = np.ascontiguousarray(x, dtype="<f8")
    n, d = x.shape
    k = 0 if y is None else 1
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(HEADER.pack(MAGIC, n, d, k))
        f.write(x.tobytes(order="C"))
        if y is not None:
            y = np.ascontiguousarray(y, dtype="<f8")
            assert y.shape == (n,), y.shape
            f.write(y.tobytes())


def read_bin(path: Path) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """Reads a data file back as native float64 C-contiguous arrays (X, y or None)."""
    with open(path, "rb") as f:
        magic, n, d, k = HEADER.unpack(f.read(HEADER.size))
    if magic != MAGIC or k not in (0, 1):
        raise ValueError(f"{path}: bad header {magic!r}, k = {k}")
    expected = HEADER.size + 8 * n * (d + k)
    if path.stat().st_size != expected:
        raise ValueError(f"{path}: {path.stat().st_size} bytes, header implies {expected}")
    x = np.fromfile(path, dtype="<f8", count=n * d, offset=HEADER.size).reshape(n, d)
    x = np.ascontiguousarray(x, dtype=np.float64)
    y = None
    if k == 1:
        y = np.fromfile(path, dtype="<f8", count=n, offset=HEADER.size + 8 * n * d)
        y = np.ascontiguousarray(y, dtype=np.float64)
    return x, y


def make_regression_data(n: int, d: int, seed: int):
    """X ~ N(0, 1), y = X·beta + 3 + N(0, 1) noise, beta ~ N(0, 1)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d))
    beta = rng.standard_normal(d)
    y = x @ beta + 3.0 + rng.standard_normal(n)
    return x, y


def make_feature_data(n: int, d: int, seed: int):
    """Columns N(loc_j, scale_j²), loc_j ~ U(-100, 100), scale_j log-uniform on [0.01, 100]."""
    rng = np.random.default_rng(seed)
    loc = rng.uniform(-100, 100, d)
    scale = 10 ** rng.uniform(-2, 2, d)
    return rng.standard_normal((n, d)) * scale + loc, None


def make_frame_data(n: int, seed: int):
    """Columns: key (integers 0..999 stored as float64), v ~ N(0, 1), w ~ U(0, 100)."""
    rng = np.random.default_rng(seed)
    key = rng.integers(0, 1000, n).astype(np.float64)
    return np.column_stack([key, rng.standard_normal(n), rng.uniform(0, 100, n)]), None


def pandas_frame(x: np.ndarray):
    """The frame the DataFrame benchmarks use: int64 key, float64 v and w."""
    import pandas as pd
    return pd.DataFrame({"key": x[:, 0].astype(np.int64), "v": x[:, 1].copy(), "w": x[:, 2].copy()})


def py_dataframe(op: str):
    """pandas reference for the DataFrame benchmarks (op: groupby_mean, sort, describe)."""
    def make(spec: "BenchSpec", data) -> Callable[[int], dict]:
        x, _ = data
        df = pandas_frame(x)
        n = len(df)

        def body(k):
            start = time.perf_counter()
            if op == "groupby_mean":
                out = df.groupby("key").agg({"v": "mean"})
            elif op == "sort":
                out = df.sort_values("v")
            else:
                out = df.describe()
            seconds = time.perf_counter() - start
            if op == "groupby_mean":
                metric = float(out["v"].sum())
            elif op == "sort":
                metric = float(out["v"].iloc[n // 2])
            else:
                metric = float(out.loc["50%", "v"])
            return record("pandas", f"DataFrame.{op}", spec.dataset, n, 3, seconds, None,
                          "checksum", metric, k)
        return body
    return make


CSV_FILES = {
    "numeric": DATA_DIR / "csv_numeric_1000000x20.csv",
    "mixed": DATA_DIR / "csv_mixed_1000000.csv",
}


def ensure_csv(kind: str) -> Path:
    """Writes the CSV benchmark file once (it is large and slow to write); reused afterwards.

    numeric: 1,000,000 x 20 doubles N(0, 1) written with 10 significant digits (seed 46).
    mixed: 1,000,000 rows: id (int), x0..x5 (doubles, 6 decimals), count (int 0..999), city
    (500 distinct strings), name (free text 6-14 letters), date (yyyy-MM-dd, 2000-2024);
    2% of every column but id missing (empty field) (seed 47).
    """
    import pandas as pd
    path = CSV_FILES[kind]
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 1_000_000
    if kind == "numeric":
        rng = np.random.default_rng(46)
        df = pd.DataFrame(rng.standard_normal((n, 20)), columns=[f"c{j}" for j in range(20)])
        df.to_csv(path, index=False, float_format="%.10g")
        return path
    rng = np.random.default_rng(47)
    cols = {"id": pd.array(np.arange(n), dtype="Int64")}
    for j in range(6):
        cols[f"x{j}"] = np.round(rng.standard_normal(n) * 10 ** (j - 2), 6)
    cols["count"] = pd.array(rng.integers(0, 1000, n), dtype="Int64")
    cities = np.array([f"city_{k:03d}" for k in range(500)], dtype=object)
    cols["city"] = cities[rng.integers(0, 500, n)]
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = rng.integers(6, 15, n)
    pool = rng.integers(0, 26, (n, 14))
    cols["name"] = np.array(["".join(letters[pool[i, :lengths[i]]]) for i in range(n)],
                            dtype=object)
    days = rng.integers(0, 365 * 25, n)
    cols["date"] = (np.datetime64("2000-01-01") + days.astype("timedelta64[D]")).astype(str)
    df = pd.DataFrame(cols)
    for name in df.columns[1:]:
        mask = rng.random(n) < 0.02
        df[name] = df[name].astype(object)
        df.loc[mask, name] = None
    df.to_csv(path, index=False)
    return path


PANDAS_CSV_READ = """
import resource, sys, time
import pandas as pd
kind, path = sys.argv[1], sys.argv[2]
kw = {"parse_dates": ["date"], "date_format": "%Y-%m-%d"} if kind == "mixed" else {}
start = time.perf_counter()
df = pd.read_csv(path, **kw)
seconds = time.perf_counter() - start
col = "x0" if kind == "mixed" else "c0"
print(seconds, float(df[col].sum()), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
      df.shape[0], df.shape[1])
"""


def py_csv_read(kind: str):
    """pandas.read_csv (C engine) on the same file; peak RSS from a separate process."""
    def make(spec: "BenchSpec", data) -> Callable[[int], dict]:
        import pandas as pd
        path = ensure_csv(kind)
        out = run([sys.executable, "-c", PANDAS_CSV_READ, kind, str(path)]).split()
        peak_mb = float(out[2])
        kw = {"parse_dates": ["date"], "date_format": "%Y-%m-%d"} if kind == "mixed" else {}
        col = "x0" if kind == "mixed" else "c0"

        def body(k):
            start = time.perf_counter()
            df = pd.read_csv(path, **kw)
            seconds = time.perf_counter() - start
            n, d = df.shape
            return record("pandas", "read_csv", path.name, n, d, seconds, None, "checksum",
                          float(df[col].sum()), k, peak_rss_mb=peak_mb)
        return body
    return make


def csv_read_spec(kind: str, label: str) -> "BenchSpec":
    return BenchSpec(
        name=f"csv_read_{kind}", swift_bench="csv_read", python=py_csv_read(kind),
        reference="pandas", rows=[Row(label, "fit_s")],
        extra_args=["--data", str(CSV_FILES[kind])], label=CSV_FILES[kind].name,
        quality=lambda m: (f"checksum {m['metric']:.15g}, peak RSS {m['peak_rss_mb']:.0f} MB"
                           + (f" (columns {m['columns_mb']:.0f} MB)" if "columns_mb" in m
                              else "")))


def make_score_data(n: int, seed: int):
    """X: one column of scores (y + N(0, 1.5²), so AUC ≈ 0.68); y: labels 0/1 (p = 0.3)."""
    rng = np.random.default_rng(seed)
    y = (rng.uniform(size=n) < 0.3).astype(np.float64)
    return (y + 1.5 * rng.standard_normal(n)).reshape(-1, 1), y


def py_roc_auc(spec: "BenchSpec", data) -> Callable[[int], dict]:
    """sklearn.metrics.roc_auc_score on the same scores and labels (labels as int64)."""
    from sklearn.metrics import roc_auc_score

    x, y = data
    scores = np.ascontiguousarray(x[:, 0])
    labels = (y > 0.5).astype(np.int64)

    def body(k):
        start = time.perf_counter()
        auc = roc_auc_score(labels, scores)
        seconds = time.perf_counter() - start
        return record("sklearn", "roc_auc_score", spec.dataset, len(labels), 1, seconds, None,
                      "roc_auc", float(auc), k)

    return body


# name -> generator. Each is generated once per run and written to DATA_DIR / f"{name}.bin".
DATASETS: dict[str, Callable[[], tuple[np.ndarray, Optional[np.ndarray]]]] = {
    "regression_100000x50": lambda: make_regression_data(100_000, 50, seed=42),
    "features_100000x50": lambda: make_feature_data(100_000, 50, seed=43),
    "regression_5000x20": lambda: make_regression_data(5_000, 20, seed=44),
    "frame_1000000x3": lambda: make_frame_data(1_000_000, seed=45),
    "scores_1000000": lambda: make_score_data(1_000_000, seed=46),
}

# ---------------------------------------------------------------------------------------------
# Reference (Python) benchmarks. Each `py_*` function prepares its inputs (untimed) and returns
# `body(k)`, which runs repeat k once and returns a measurement in the Swift harness's JSON
# schema. Data are in memory as float64 C-contiguous arrays before the clock starts; only the
# library call is timed (time.perf_counter); checks run after the clock stops.


def record(lib, estimator, dataset, n, d, fit_s, predict_s, metric_name, metric, k, **extra):
    return dict(lib=lib, estimator=estimator, dataset=dataset, n=n, d=d, fit_s=fit_s,
                predict_s=predict_s, metric_name=metric_name, metric=metric, repeat=k,
                threads=ARGS.threads, **extra)


def spot_check_error(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> float:
    """Largest relative error of 32 entries of c against a plain dot product (as in Swift)."""
    n, m = c.shape
    worst = 0.0
    for p in range(32):
        i, j = (p * 7919 + 3) % n, (p * 104_729 + 11) % m
        terms = a[i, :] * b[:, j]
        err = abs(c[i, j] - terms.sum()) / max(np.abs(terms).sum(), np.finfo(float).tiny)
        worst = max(worst, float(err))
    return worst


def py_dgemm(spec: "BenchSpec", data) -> Callable[[int], dict]:
    n = spec.n
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (n, n))
    b = rng.uniform(-1, 1, (n, n))

    def body(k):
        start = time.perf_counter()
        c = a @ b
        seconds = time.perf_counter() - start
        err = spot_check_error(a, b, c)
        assert err < 1e-12, err
        return record("numpy", "dgemm", f"uniform_{n}x{n}", n, n, seconds, None, "gflops",
                      2 * n**3 / seconds / 1e9, k, check_rel_err=err)

    return body


def debian_openblas():
    """Debian's libopenblas (the library SwiftLearn links), loaded into this process.

    numpy's wheel bundles its own, newer OpenBLAS with prefixed symbols, so both coexist. Calling
    Debian's `cblas_dgemm` on numpy arrays measures "the same OpenBLAS called from numpy".
    """
    import ctypes
    import ctypes.util

    lib = ctypes.CDLL(ctypes.util.find_library("openblas") or "libopenblas.so.0")
    lib.openblas_set_num_threads(ctypes.c_int(ARGS.threads))
    dp = ctypes.POINTER(ctypes.c_double)
    lib.cblas_dgemm.argtypes = [ctypes.c_int] * 6 + [ctypes.c_double, dp, ctypes.c_int, dp,
                                                     ctypes.c_int, ctypes.c_double, dp,
                                                     ctypes.c_int]
    lib.cblas_dgemm.restype = None
    return lib, dp


def py_dgemm_same_blas(spec: "BenchSpec", data) -> Callable[[int], dict]:
    n = spec.n
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (n, n))
    b = rng.uniform(-1, 1, (n, n))
    lib, dp = debian_openblas()
    row_major, no_trans = 101, 111  # CblasRowMajor, CblasNoTrans

    def body(k):
        start = time.perf_counter()
        c = np.empty((n, n))
        lib.cblas_dgemm(row_major, no_trans, no_trans, n, n, n, 1.0,
                        a.ctypes.data_as(dp), n, b.ctypes.data_as(dp), n, 0.0,
                        c.ctypes.data_as(dp), n)
        seconds = time.perf_counter() - start
        err = spot_check_error(a, b, c)
        assert err < 1e-12, err
        return record("numpy+debian-openblas", "dgemm", f"uniform_{n}x{n}", n, n, seconds, None,
                      "gflops", 2 * n**3 / seconds / 1e9, k, check_rel_err=err)

    return body


def py_linear_regression(spec: "BenchSpec", data) -> Callable[[int], dict]:
    x, y = data
    n, d = x.shape

    def body(k):
        start = time.perf_counter()
        model = LinearRegression().fit(x, y)
        fit_s = time.perf_counter() - start
        start = time.perf_counter()
        pred = model.predict(x)
        predict_s = time.perf_counter() - start
        assert pred.shape == (n,)
        return record("sklearn", "LinearRegression", spec.dataset, n, d, fit_s, predict_s,
                      "r2", float(r2_score(y, pred)), k, intercept=float(model.intercept_),
                      rank=int(model.rank_))

    return body


def py_regressor(make_model, name: str):
    """A default-settings scikit-learn regressor: fit, then predict on the training data."""

    def factory(spec: "BenchSpec", data) -> Callable[[int], dict]:
        x, y = data
        n, d = x.shape

        def body(k):
            start = time.perf_counter()
            model = make_model().fit(x, y)
            fit_s = time.perf_counter() - start
            start = time.perf_counter()
            pred = model.predict(x)
            predict_s = time.perf_counter() - start
            assert pred.shape == (n,)
            return record("sklearn", name, spec.dataset, n, d, fit_s, predict_s, "r2",
                          float(r2_score(y, pred)), k)

        return body

    return factory


def regressor_spec(name: str, cls, label: str) -> "BenchSpec":
    return BenchSpec(
        name=name, swift_bench=name, python=py_regressor(cls, label), reference="scikit-learn",
        dataset="regression_100000x50",
        rows=[Row(f"{label}.fit", "fit_s"), Row(f"{label}.predict", "predict_s")],
        quality=lambda m: f"R² {m['metric']:.10f}")


def moment_error(z: np.ndarray) -> float:
    """max over columns of max(|mean(z_j)|, |std(z_j) - 1|), population std."""
    mean = z.mean(axis=0)
    std = np.sqrt(((z - mean) ** 2).mean(axis=0))
    return float(np.max(np.maximum(np.abs(mean), np.abs(std - 1))))


def py_standard_scaler(spec: "BenchSpec", data) -> Callable[[int], dict]:
    x, _ = data
    n, d = x.shape

    def body(k):
        start = time.perf_counter()
        scaler = StandardScaler().fit(x)
        fit_s = time.perf_counter() - start
        start = time.perf_counter()
        z = scaler.transform(x)
        transform_s = time.perf_counter() - start
        err = moment_error(z)
        assert err < 1e-8, err
        return record("sklearn", "StandardScaler", spec.dataset, n, d, fit_s, transform_s,
                      "max_moment_err", err, k)

    return body


def py_cross_val_score(spec: "BenchSpec", data) -> Callable[[int], dict]:
    """5-fold cross_val_score of make_pipeline(StandardScaler(), LinearRegression()), KFold(5),
    n_jobs=None (scikit-learn's default). fit_s = the whole cross-validation."""
    from sklearn.model_selection import KFold, cross_val_score
    from sklearn.pipeline import make_pipeline

    x, y = data
    n, d = x.shape

    def body(k):
        start = time.perf_counter()
        scores = cross_val_score(make_pipeline(StandardScaler(), LinearRegression()), x, y,
                                 cv=KFold(5))
        seconds = time.perf_counter() - start
        assert scores.shape == (5,)
        return record("sklearn", "cross_val_score", spec.dataset, n, d, seconds, None,
                      "mean_r2", float(scores.mean()), k)

    return body


# ---------------------------------------------------------------------------------------------
# The benchmark list. Each spec yields one table row per entry of `rows`.


@dataclass
class Row:
    label: str  # e.g. "LinearRegression.fit"
    field: str  # "fit_s", "predict_s" or "metric" (GFLOP/s rows)
    higher_is_better: bool = False  # True for GFLOP/s rows: ratio = SwiftLearn / reference


@dataclass
class BenchSpec:
    name: str  # unique; selects with --only
    swift_bench: str  # swiftlearn-bench --bench NAME
    python: Callable[["BenchSpec", object], Callable[[int], dict]]
    reference: str  # "numpy" or "scikit-learn"
    rows: list[Row]
    dataset: Optional[str] = None  # key of DATASETS; None for inputs made by the bench itself
    n: Optional[int] = None  # --n for generated inputs
    quality: Callable[[dict], str] = field(default=lambda m: f"{m['metric']:.3g}")
    extra_args: list[str] = field(default_factory=list)  # more swiftlearn-bench arguments
    label: Optional[str] = None  # the data column of the report (default: dataset or n x n)

    def swift_args(self) -> list[str]:
        args = ["--bench", self.swift_bench] + self.extra_args
        if self.dataset is not None:
            args += ["--data", str(DATA_DIR / f"{self.dataset}.bin"), "--dataset", self.dataset]
        if self.n is not None:
            args += ["--n", str(self.n)]
        return args

    def data_label(self) -> str:
        if self.label is not None:
            return self.label
        return self.dataset if self.dataset is not None else f"{self.n} x {self.n}"


def dgemm_spec(n: int) -> BenchSpec:
    return BenchSpec(
        name=f"dgemm_{n}", swift_bench="dgemm", python=py_dgemm, reference="numpy", n=n,
        rows=[Row(f"dgemm (n = {n})", "metric", higher_is_better=True)],
        quality=lambda m: f"spot-check rel. err {m['check_rel_err']:.1e}")


def dgemm_same_blas_spec(n: int) -> BenchSpec:
    return BenchSpec(
        name=f"dgemm_same_blas_{n}", swift_bench="dgemm", python=py_dgemm_same_blas,
        reference="numpy + Debian OpenBLAS", n=n,
        rows=[Row(f"dgemm, same OpenBLAS from numpy (n = {n})", "metric", higher_is_better=True)],
        quality=lambda m: f"spot-check rel. err {m['check_rel_err']:.1e}")


def dataframe_spec(op: str, label: str) -> BenchSpec:
    return BenchSpec(
        name=f"dataframe_{op}", swift_bench=f"dataframe_{op}", python=py_dataframe(op),
        reference="pandas", dataset="frame_1000000x3", rows=[Row(label, "fit_s")],
        quality=lambda m: f"checksum {m['metric']:.12g}")


BENCHMARKS: list[BenchSpec] = [
    csv_read_spec("numeric", "DataFrame(contentsOfCSVFile:) 1,000,000 x 20 doubles"),
    csv_read_spec("mixed", "DataFrame(contentsOfCSVFile:) 1,000,000 mixed rows, 2% missing"),
    dataframe_spec("groupby_mean", "DataFrame.groupBy mean (1,000 groups)"),
    dataframe_spec("sort", "DataFrame.sorted by one double column"),
    dataframe_spec("describe", "DataFrame.describe (3 numeric columns)"),
    dgemm_same_blas_spec(2000),
    dgemm_same_blas_spec(4000),
    dgemm_spec(2000),
    dgemm_spec(4000),
    BenchSpec(
        name="linear_regression", swift_bench="linear_regression", python=py_linear_regression,
        reference="scikit-learn", dataset="regression_100000x50",
        rows=[Row("LinearRegression.fit", "fit_s"), Row("LinearRegression.predict", "predict_s")],
        quality=lambda m: f"R² {m['metric']:.10f}"),
    regressor_spec("ridge", Ridge, "Ridge"),
    regressor_spec("lasso", Lasso, "Lasso"),
    regressor_spec("elastic_net", ElasticNet, "ElasticNet"),
    BenchSpec(
        name="standard_scaler", swift_bench="standard_scaler", python=py_standard_scaler,
        reference="scikit-learn", dataset="features_100000x50",
        rows=[Row("StandardScaler.fit", "fit_s"), Row("StandardScaler.transform", "predict_s")],
        quality=lambda m: f"max moment err {m['metric']:.1e}"),
    BenchSpec(
        name="cross_val_score", swift_bench="cross_val_score", python=py_cross_val_score,
        reference="scikit-learn", dataset="regression_5000x20",
        rows=[Row("crossValScore, 5-fold, Pipeline(StandardScaler, LinearRegression)", "fit_s")],
        quality=lambda m: f"mean R² {m['metric']:.10f}"),
    BenchSpec(
        name="roc_auc", swift_bench="roc_auc", python=py_roc_auc, reference="scikit-learn",
        dataset="scores_1000000", rows=[Row("rocAUCScore, 1,000,000 binary scores", "fit_s")],
        quality=lambda m: f"AUC {m['metric']:.15f}"),
]

# Each later area keeps its specs in Benchmarks/specs/<area>.py; such a file runs in this module's
# namespace (so it uses BenchSpec, Row, DATASETS, record, ... directly) and appends to BENCHMARKS.
for _spec_file in sorted((BENCH_DIR / "specs").glob("*.py")):
    exec(compile(_spec_file.read_text(), str(_spec_file), "exec"), globals())

# ---------------------------------------------------------------------------------------------
# Running


def run(cmd: list[str], **kwargs) -> str:
    result = subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE, **kwargs)
    return result.stdout


def child_env() -> dict:
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(ARGS.threads)
    return env


def run_swift(spec: BenchSpec, repeats: int, echo: bool) -> list[dict]:
    cmd = [str(SWIFT_BIN), *spec.swift_args(), "--repeats", str(repeats),
           "--warmup", str(ARGS.warmup), "--threads", str(ARGS.threads)]
    if echo:
        print("  $", " ".join(os.path.relpath(c, ROOT) if c.startswith("/") else c for c in cmd),
              flush=True)
    out = run(cmd, env=child_env(), cwd=ROOT)
    results = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if len(results) != repeats:
        sys.exit(f"{spec.name}: expected {repeats} Swift measurements, got {len(results)}")
    return results


def measure(spec: BenchSpec, data) -> tuple[list[dict], list[dict]]:
    """Runs both sides. Interleaved (default): `repeats` rounds, each one Swift process (warm-up
    + 1 timed run) then one timed reference run, so both sides see the same machine conditions.
    Otherwise: one Swift process with all repeats, then all reference repeats."""
    body = spec.python(spec, data)
    for k in range(-ARGS.warmup, 0):
        body(k)
    if not ARGS.interleave:
        swift = run_swift(spec, ARGS.repeats, echo=True)
        return swift, [body(k) for k in range(ARGS.repeats)]
    swift, ref = [], []
    for k in range(ARGS.repeats):
        measurement = run_swift(spec, 1, echo=k == 0)[0]
        measurement["repeat"] = k
        swift.append(measurement)
        ref.append(body(k))
    return swift, ref


def median(values: list[float]) -> float:
    return statistics.median(values)


def first_line(cmd: list[str]) -> str:
    try:
        return run(cmd, stderr=subprocess.STDOUT).splitlines()[0].strip()
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "unknown"


def thp_mode() -> str:
    try:
        return Path("/sys/kernel/mm/transparent_hugepage/enabled").read_text().strip()
    except OSError:
        return "unknown"


def numpy_hugepage() -> str:
    try:
        from numpy._core.multiarray import _get_madvise_hugepage
    except ImportError:
        try:
            from numpy.core.multiarray import _get_madvise_hugepage
        except ImportError:
            return "unknown"
    return "yes" if _get_madvise_hugepage() else "no"


def machine_info() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift_info = json.loads(run([str(SWIFT_BIN), "--info", "--threads", str(ARGS.threads)],
                                env=child_env()))
    numpy_blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "kernel": platform.release(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "swift": first_line(["swift", "--version"]),
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "swift_openblas": swift_info.get("openblas_config", "unknown"),
        "swift_corename": swift_info.get("openblas_corename", "unknown"),
        "swift_threads": swift_info.get("threads"),
        "debian_openblas": first_line(
            ["dpkg-query", "-W", "-f", "${Version}", "libopenblas0-pthread"]),
        "numpy_openblas": numpy_blas.get("openblas configuration", numpy_blas.get("version")),
        "py_pools": pools,
        "thp": thp_mode(),
        "numpy_hugepage": numpy_hugepage(),
    }


def reproduce_command() -> str:
    """The command that produced this report (from the repository root)."""
    return " ".join(["python3", "Benchmarks/compare.py", *sys.argv[1:]])


def spread(values: list[float]) -> str:
    if not values:
        return "—"
    ratio = max(values) / min(values)
    return f"**{ratio:.2f}**" if ratio > 1.3 else f"{ratio:.2f}"


def busy_percent(seconds: float = 1.0) -> str:
    """Share of all CPUs busy over `seconds` while this script idles (other processes' load)."""
    def sample():
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait
    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return "unknown"
    return f"{100 * (1 - (idle1 - idle0) / max(total1 - total0, 1)):.0f}%"


def fmt_seconds(s: float) -> str:
    if s >= 1:
        return f"{s:.3f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} µs"


def table_rows(spec: BenchSpec, swift: list[dict], ref: list[dict]) -> list[str]:
    lines = []
    sq = spec.quality(swift[0])
    rq = spec.quality(ref[0])
    for row in spec.rows:
        s = median([m[row.field] for m in swift])
        r = median([m[row.field] for m in ref])
        if row.higher_is_better:
            s_time = median([m["fit_s"] for m in swift])
            r_time = median([m["fit_s"] for m in ref])
            s_text = f"{s:.1f} GFLOP/s ({fmt_seconds(s_time)})"
            r_text = f"{r:.1f} GFLOP/s ({fmt_seconds(r_time)})"
            ratio = s / r
            verdict = "meets ≥ 0.90" if ratio >= 0.90 else "**below 0.90**"
            ratio_text = f"**{ratio:.2f}** (GFLOP/s ratio; {verdict})"
        else:
            s_text, r_text = fmt_seconds(s), fmt_seconds(r)
            ratio = s / r
            ratio_text = f"**{ratio:.2f}**"
        quality = f"SwiftLearn {sq}; {spec.reference} {rq}"
        lines.append(f"| {row.label} | {spec.data_label()} | {s_text} | {r_text} "
                     f"| {ratio_text} | {quality} |")
    return lines


def write_report(info: dict, results: list[tuple[BenchSpec, list[dict], list[dict]]]) -> None:
    pools = "; ".join(
        f"{Path(p['filepath']).name}: OpenBLAS {p['version']}, {p['architecture']} kernels, "
        f"{p['num_threads']} threads" for p in info["py_pools"])
    out = [
        "# Benchmarks",
        "",
        "SwiftLearn against scikit-learn / numpy on the same data in the same run. Generated by",
        "`Benchmarks/compare.py`; do not edit by hand. See `Benchmarks/README.md` for what is",
        "measured and how.",
        "",
        "## Setup",
        "",
        f"- Machine: {info['nproc']} CPUs (nproc), {info['cpu']}, Linux {info['kernel']}",
        f"- Date: {info['date']}",
        f"- SwiftLearn: {info['swift']}, `-c release`; BLAS/LAPACK: Debian "
        f"libopenblas0-pthread {info['debian_openblas']} "
        f"(`openblas_get_config()`: `{info['swift_openblas']}`, "
        f"core `{info['swift_corename']}`, {info['swift_threads']} threads)",
        f"- Reference: scikit-learn {info['sklearn']}, numpy {info['numpy']}, "
        f"scipy {info['scipy']}, Python {info['python']}; numpy's bundled OpenBLAS: "
        f"`{info['numpy_openblas']}`",
        f"- Loaded reference BLAS (threadpoolctl): {pools}",
        f"- Transparent huge pages: `{info['thp']}`; numpy madvises huge pages for its large "
        f"arrays: {info['numpy_hugepage']}",
        f"- Threads: OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = {ARGS.threads} for both sides "
        f"(the Swift harness also gets `--threads {ARGS.threads}`)",
        f"- Repeats: {ARGS.repeats} timed runs per side after {ARGS.warmup} untimed warm-up "
        + ("run(s), interleaved (each round: one Swift process doing the warm-up and one timed "
           "run, then one timed reference run in the same Python process)"
           if ARGS.interleave else "run(s), Swift first then the reference")
        + "; the table shows medians",
        f"- CPU busy with other processes just before / after the measurements: "
        f"{info['load_before']} / {info['load_after']} (other work on the machine adds noise; "
        "see the spreads below)",
        f"- Reproduce: `{reproduce_command()}`",
        "",
        "## Results",
        "",
        "Ratio: for time rows, SwiftLearn median time / reference median time (**≤ 1.0 means",
        "SwiftLearn is as fast or faster**). For dgemm rows, SwiftLearn GFLOP/s / numpy GFLOP/s",
        "(**higher is better; the acceptance bar is ≥ 0.90**).",
        "",
        "| benchmark | data | SwiftLearn median | scikit-learn/numpy median | ratio | quality |",
        "|---|---|---|---|---|---|",
    ]
    for spec, swift, ref in results:
        out += table_rows(spec, swift, ref)
    out += [
        "",
        "Data sets (generated once per run with numpy, seeded, shared by both sides through",
        "`Benchmarks/data/*.bin`):",
        "",
        "- `regression_100000x50`: X ~ N(0, 1), 100,000 × 50; y = X·β + 3 + N(0, 1) noise,",
        "  β ~ N(0, 1) (seed 42). Quality: R² on the training data.",
        "- `features_100000x50`: column j ~ N(loc_j, scale_j²), loc_j ~ U(-100, 100), scale_j",
        "  log-uniform on [0.01, 100] (seed 43). Quality: max over columns of |mean(z_j)| and",
        "  |std(z_j) − 1| of the transformed data.",
        "- `csv_numeric_1000000x20.csv`: 1,000,000 × 20 doubles N(0, 1), 10 significant digits",
        "  (seed 46, 263 MB). `csv_mixed_1000000.csv`: 1,000,000 rows of id (int), x0..x5",
        "  (doubles), count (int), city (500 distinct strings), name (free text), date",
        "  (yyyy-MM-dd), 2% of every column but id empty (seed 47, 100 MB). Both written once by",
        "  pandas and kept in `Benchmarks/data/`; pandas reads them with `pd.read_csv` (C engine;",
        "  mixed: `parse_dates=[\"date\"], date_format=\"%Y-%m-%d\"`). Peak RSS: VmHWM of the",
        "  Swift process (one read per process after one warm-up read); pandas: `ru_maxrss` of a",
        "  separate Python process doing one read (includes the pandas import). Columns: bytes of",
        "  the Swift columns (8 per double/int/date, 16 per string plus heap bytes over 15, masks).",
        "- dgemm: two n × n matrices, entries U(-1, 1), made by each side (Swift:",
        "  `Matrix.random`, numpy: `default_rng`); only the product `a·b` (`Matrix.matmul` /",
        "  `a @ b`, each allocating its result) is timed. GFLOP/s = 2n³ / seconds / 10⁹. Quality:",
        "  largest relative error of 32 entries against a plain dot product.",
        "- `scores_1000000`: 1,000,000 labels y ~ Bernoulli(0.3) and scores y + N(0, 1.5²)",
        "  (seed 46); both sides get the labels as integers before the clock starts and time one",
        "  binary ROC AUC (`rocAUCScore` / `roc_auc_score`). Quality: the AUC.",
        "",
        "## Per-repeat values",
        "",
        "Times in seconds (GFLOP/s for dgemm), in run order. Spread = slowest / fastest repeat of",
        "one side (above 1.3, bold, the machine was noisy and the medians deserve a rerun).",
        "Per-round ratios compare the two sides within one round"
        + (" (interleaved runs); their median is less sensitive than the ratio of medians to"
           " one side having a slow round." if ARGS.interleave else "."),
        "",
        "| row | SwiftLearn | spread | reference | spread | per-round ratios | their median |",
        "|---|---|---|---|---|---|---|",
    ]
    for spec, swift, ref in results:
        for row in spec.rows:
            s_values = [m[row.field] for m in swift]
            r_values = [m[row.field] for m in ref]
            ratios = [a / b for a, b in zip(s_values, r_values)]
            out.append(
                f"| {row.label} | {', '.join(f'{v:.4g}' for v in s_values)} "
                f"| {spread(s_values)} | {', '.join(f'{v:.4g}' for v in r_values)} "
                f"| {spread(r_values)} | {', '.join(f'{v:.2f}' for v in ratios)} "
                f"| {median(ratios):.2f} |")
    ARGS.out.parent.mkdir(parents=True, exist_ok=True)
    ARGS.out.write_text("\n".join(out) + "\n")


def main() -> int:
    specs = BENCHMARKS
    if ARGS.only:
        unknown = set(ARGS.only) - {s.name for s in BENCHMARKS}
        if unknown:
            sys.exit(f"unknown benchmark(s): {sorted(unknown)}; "
                     f"known: {[s.name for s in BENCHMARKS]}")
        specs = [s for s in BENCHMARKS if s.name in ARGS.only]

    # 1. Data, once.
    needed = sorted({s.dataset for s in specs if s.dataset is not None})
    for name in needed:
        path = DATA_DIR / f"{name}.bin"
        x, y = DATASETS[name]()
        write_bin(path, x, y)
        print(f"wrote {path.relative_to(ROOT)} ({x.shape[0]} x {x.shape[1]})", flush=True)

    # 2. Build.
    if not ARGS.skip_build:
        cmd = ["swift", "build", "-c", "release", "--package-path", "Benchmarks"]
        print("$", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, cwd=ROOT)
    info = machine_info()

    # 3. Measure: Swift, then the reference, on the same file.
    info["load_before"] = busy_percent()
    results = []
    raw = []
    for spec in specs:
        print(f"{spec.name}:", flush=True)
        data = read_bin(DATA_DIR / f"{spec.dataset}.bin") if spec.dataset else None
        swift, ref = measure(spec, data)
        del data
        for row in spec.rows:
            s = median([m[row.field] for m in swift])
            r = median([m[row.field] for m in ref])
            print(f"  {row.label}: SwiftLearn {s:.6g}, {spec.reference} {r:.6g}", flush=True)
        results.append((spec, swift, ref))
        raw += swift + ref

    info["load_after"] = busy_percent()

    # 4. Report.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with open(DATA_DIR / "results.jsonl", "w") as f:
        for m in raw:
            f.write(json.dumps(m) + "\n")
    write_report(info, results)
    print(f"wrote {ARGS.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Reference k-means outputs from scikit-learn for the seed data and two synthetic data sets.

Run from the repository root (Debian's python3-sklearn; use /usr/bin/python3):

    /usr/bin/python3 scripts/reference/kmeans_sklearn.py                  # every case
    /usr/bin/python3 scripts/reference/kmeans_sklearn.py blobs_k4 elbow_blobs

Writes test/fixtures/reference/kmeans/<case>.json, and the synthetic data sets blobs.csv and
overlap.csv in the same folder (generated with numpy's legacy RandomState, whose stream is
frozen, rounded to 4 decimals and read back from the CSV, so the CSV is the data). Nothing here
calls or copies the project's own code. See scripts/reference/README.md for the fields.

Every computation runs single-threaded (OpenMP and BLAS limited to 1 thread): scikit-learn's
Lloyd iteration and inertia are OpenMP reductions whose summation order, and so last bits,
depend on the thread count. With one thread the sums are left to right in row order.
"""

import os

# Before numpy / scikit-learn load their OpenMP and BLAS runtimes.
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["OPENBLAS_NUM_THREADS"] = "1"

import collections  # noqa: E402
import contextlib  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
import threadpoolctl  # noqa: E402
from scipy.spatial.distance import cdist  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.metrics import adjusted_rand_score, silhouette_samples, silhouette_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

SCRIPT = "scripts/reference/kmeans_sklearn.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_REL = "test/fixtures/reference/kmeans"
OUT = os.path.join(ROOT, OUT_REL)

SALES = "test/fixtures/seeds/marketing_sales_data.csv"
CAMPAIGN = "test/fixtures/seeds/Campaign-Data.csv"
BLOBS = OUT_REL + "/blobs.csv"
OVERLAP = OUT_REL + "/overlap.csv"

SALES_COLS = ["Radio", "Social Media", "Sales"]
CAMPAIGN_COLS = ["Number of Customers", "Montly Target", "Amount Collected", "Unit Sold"]
BLOBS_COLS = ["x1", "x2", "x3"]
OVERLAP_COLS = ["x1", "x2", "x3", "x4"]

MAX_ITER = 300
N_INIT = 10
RANDOM_STATES = list(range(10))  # 10 fits x n_init 10 = 100 k-means++ starts
ELBOW_KS = list(range(2, 11))
N_SILHOUETTE_SAMPLES = 20

CASES = collections.OrderedDict(
    [
        ("marketing_k2", dict(source=SALES, columns=SALES_COLS, k=2, standardize=True)),
        ("marketing_k3", dict(source=SALES, columns=SALES_COLS, k=3, standardize=True)),
        ("marketing_k4", dict(source=SALES, columns=SALES_COLS, k=4, standardize=True)),
        ("marketing_raw_k3", dict(source=SALES, columns=SALES_COLS, k=3, standardize=False)),
        ("campaign_k3", dict(source=CAMPAIGN, columns=CAMPAIGN_COLS, k=3, standardize=True)),
        ("blobs_k4", dict(source=BLOBS, columns=BLOBS_COLS, k=4, standardize=True)),
        ("overlap_k5", dict(source=OVERLAP, columns=OVERLAP_COLS, k=5, standardize=True)),
    ]
)
ELBOW_CASES = collections.OrderedDict(
    [
        ("elbow_marketing", dict(source=SALES, columns=SALES_COLS, standardize=True)),
        ("elbow_blobs", dict(source=BLOBS, columns=BLOBS_COLS, standardize=True)),
    ]
)

CALLS = collections.OrderedDict(
    [
        ("read", "pandas.read_csv(file, float_precision='round_trip')[columns].dropna()"
                 ".to_numpy(dtype=numpy.float64)"),
        ("scaler", "scaler = sklearn.preprocessing.StandardScaler().fit(X); mean = scaler.mean_;"
                   " scale = scaler.scale_ (population SD, ddof = 0)"),
        ("X", "scaler.transform(X) when standardize is true, else the raw X (float64, C order)"),
        ("bestInertia", "KMeans(n_clusters=k, n_init=10, random_state=0, algorithm='lloyd')"
                        ".fit(X).inertia_"),
        ("bestInertiaOver100Starts", "min over s in 0..9 of KMeans(n_clusters=k, n_init=10,"
                                     " random_state=s, algorithm='lloyd').fit(X).inertia_"),
        ("lloydFromFixedCentres", "KMeans(n_clusters=k, init=X[initialRows], n_init=1,"
                                  " algorithm='lloyd', max_iter=300, tol=0, verbose=1).fit(X);"
                                  " initialRows = the first k rows of X (row order) that are"
                                  " distinct from the rows taken before"),
        ("silhouetteOfLloydLabels", "sklearn.metrics.silhouette_score(X, lloyd.labels_)"
                                    " (metric='euclidean')"),
        ("silhouetteSamplesFirst20", "sklearn.metrics.silhouette_samples(X, lloyd.labels_)[:20]"),
        ("silhouetteExactDistances", "silhouette_score / silhouette_samples(D, labels,"
                                     " metric='precomputed'), D = scipy.spatial.distance"
                                     ".cdist(X, X) (direct differences; cross-check)"),
        ("adjustedRandVsTrue", "sklearn.metrics.adjusted_rand_score(trueLabels, labels)"),
        ("elbow", "for k in 2..10: km = KMeans(n_clusters=k, n_init=10, random_state=0,"
                  " algorithm='lloyd').fit(X); km.inertia_, silhouette_score(X, km.labels_);"
                  " and the same for the best of random_state 0..9"),
        ("threads", "threadpoolctl.threadpool_limits(1) around everything;"
                    " OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1"),
    ]
)


# ----------------------------------------------------------------------------------------------
# JSON: numbers with repr (json uses float.__repr__), non-finite as null; scalar lists wrapped


def num(v):
    v = float(v)
    return v if math.isfinite(v) else None


def nums(a):
    return [num(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def rows(a):
    return [nums(r) for r in np.asarray(a, dtype=np.float64)]


def _scalar(v):
    return json.dumps(v, allow_nan=False)


def dumps(o, indent=0):
    pad = " " * indent
    inner = " " * (indent + 1)
    if isinstance(o, dict):
        if not o:
            return "{}"
        items = ["%s%s: %s" % (inner, json.dumps(k), dumps(v, indent + 1)) for k, v in o.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(o, list):
        if all(not isinstance(v, (dict, list)) for v in o):
            per_line = 40 if all(isinstance(v, int) and not isinstance(v, bool) for v in o) else 5
            if len(o) <= per_line:
                return "[" + ", ".join(_scalar(v) for v in o) + "]"
            lines = [
                inner + ", ".join(_scalar(v) for v in o[i : i + per_line])
                for i in range(0, len(o), per_line)
            ]
            return "[\n" + ",\n".join(lines) + "\n" + pad + "]"
        items = [inner + dumps(v, indent + 1) for v in o]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    assert not isinstance(o, float) or math.isfinite(o), o
    return _scalar(o)


def write_json(name, out):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".json")
    text = dumps(out) + "\n"
    json.loads(text)  # well-formed
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return os.path.relpath(path, ROOT), len(text.encode("utf-8"))


# ----------------------------------------------------------------------------------------------
# Synthetic data


def _write_csv(rel, columns, X):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = [",".join(columns)]
    for r in X:
        lines.append(",".join(repr(float(v)) for v in r))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def _blobs():
    """600 x 3: four well-separated Gaussian blobs of 250 / 150 / 120 / 80 rows, rows shuffled.
    Blob centres at the origin and 12 along each axis, per-blob SDs 1.0 / 0.7 / 1.2 / 0.5, then each column
    put in its own units (x2 about 10x, x3 about 0.5x) so that standardising matters."""
    rs = np.random.RandomState(20240601)
    sizes = [250, 150, 120, 80]
    centres = np.array([[0, 0, 0], [12, 0, 0], [0, 12, 0], [0, 0, 12]], dtype=np.float64)
    sds = [1.0, 0.7, 1.2, 0.5]
    parts, truth = [], []
    for j, (n, c, s) in enumerate(zip(sizes, centres, sds)):
        parts.append(c + s * rs.standard_normal((n, 3)))
        truth += [j] * n
    X = np.vstack(parts)
    truth = np.array(truth)
    X = X * np.array([1.0, 10.0, 0.5]) + np.array([50.0, 200.0, 5.0])
    order = rs.permutation(len(X))
    return X[order], truth[order], sizes


def _overlap():
    """1,000 x 4: five overlapping Gaussian clusters of 300 / 250 / 200 / 150 / 100 rows, rows
    shuffled. Centres about 2 to 3.5 apart with per-cluster SDs 1.0 to 1.3, so the clusters
    overlap and k-means has several local minima; columns in different units."""
    rs = np.random.RandomState(20240602)
    sizes = [300, 250, 200, 150, 100]
    centres = np.array(
        [
            [0.0, 0.0, 0.0, 0.0],
            [2.5, 0.5, 0.0, 0.5],
            [0.5, 2.5, 0.5, 0.0],
            [1.5, 1.5, 2.5, 0.0],
            [0.0, 1.0, 1.0, 2.5],
        ]
    )
    sds = [1.0, 1.1, 0.9, 1.3, 1.0]
    parts, truth = [], []
    for j, (n, c, s) in enumerate(zip(sizes, centres, sds)):
        parts.append(c + s * rs.standard_normal((n, 4)))
        truth += [j] * n
    X = np.vstack(parts)
    truth = np.array(truth)
    X = X * np.array([3.0, 1.0, 20.0, 0.25]) + np.array([10.0, 0.0, 100.0, 1.0])
    order = rs.permutation(len(X))
    return X[order], truth[order], sizes


GENERATED = {
    BLOBS: (_blobs, BLOBS_COLS, "4 Gaussian blobs, sizes 250/150/120/80, well separated"),
    OVERLAP: (_overlap, OVERLAP_COLS, "5 overlapping Gaussian clusters, sizes 300/250/200/150/100"),
}
_generated_done = {}


def ensure_generated(rel):
    """Write the synthetic CSV (deterministic) and return its true labels."""
    if rel in _generated_done:
        return _generated_done[rel]
    make, columns, description = GENERATED[rel]
    X, truth, sizes = make()
    X = np.round(X, 4) + 0.0  # + 0.0 turns -0.0 into 0.0
    _write_csv(rel, columns, X)
    back = read_matrix(rel, columns)[0]
    assert back.shape == X.shape and np.array_equal(back, X), rel  # the CSV is exactly the data
    info = collections.OrderedDict(
        description=description,
        generator="numpy.random.RandomState (legacy, frozen stream); see %s" % SCRIPT,
        trueSizes=sizes,
        trueLabels=ints(truth),
    )
    _generated_done[rel] = info
    return info


# ----------------------------------------------------------------------------------------------
# Data


def read_matrix(rel, columns):
    df = pd.read_csv(os.path.join(ROOT, rel), float_precision="round_trip")
    n0 = len(df)
    df = df[columns].dropna(how="any")
    for c in columns:
        assert pd.api.types.is_numeric_dtype(df[c]), (rel, c, df[c].dtype)
    X = np.ascontiguousarray(df.to_numpy(dtype=np.float64))
    assert X.dtype == np.float64 and X.flags["C_CONTIGUOUS"]
    return X, n0 - len(df)


def prepare(spec):
    truth = ensure_generated(spec["source"]) if spec["source"] in GENERATED else None
    raw, dropped = read_matrix(spec["source"], spec["columns"])
    scaler = StandardScaler().fit(raw)
    # On a C-ordered X, StandardScaler is exactly the sequential (row-order) population z-score
    # below (its np.sum over axis 0 adds row by row; on an F-ordered X numpy sums pairwise and
    # the last bits differ). Checked bit for bit, so an implementation can mirror it.
    mean, scale = sequential_z(raw)
    assert np.array_equal(scaler.mean_, mean) and np.array_equal(scaler.scale_, scale)
    assert np.allclose(scale, raw.std(axis=0, ddof=0), rtol=1e-13, atol=0)
    X = scaler.transform(raw) if spec["standardize"] else raw.copy()
    if spec["standardize"]:
        assert np.array_equal(X, (raw - mean) / scale)
    X = np.ascontiguousarray(X, dtype=np.float64)
    assert X.dtype == np.float64
    return raw, X, scaler, dropped, truth


def sequential_z(raw):
    """mean = (sum x) / n; var = (sum d^2 - (sum d)^2 / n) / n with d = x - mean (the corrected
    two-pass form of sklearn's _incremental_mean_and_var); scale = sqrt(var); all sums left to
    right in row order."""
    n, p = raw.shape
    mean, scale = np.zeros(p), np.zeros(p)
    for j in range(p):
        s = 0.0
        for v in raw[:, j]:
            s += float(v)
        m = s / n
        c = q = 0.0
        for v in raw[:, j]:
            d = float(v) - m
            c += d
            q += d * d
        mean[j], scale[j] = m, math.sqrt((q - c * c / n) / n)
    return mean, scale


def first_distinct_rows(X, k):
    seen, idx = set(), []
    for i, r in enumerate(X):
        key = tuple(float(v) for v in r)
        if key not in seen:
            seen.add(key)
            idx.append(i)
            if len(idx) == k:
                break
    assert len(idx) == k
    return idx


def distinct_count(X):
    return len({tuple(float(v) for v in r) for r in X})


# ----------------------------------------------------------------------------------------------
# scikit-learn runs


def kmeans(X, k, **kw):
    params = dict(n_clusters=k, algorithm="lloyd")
    params.update(kw)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ConvergenceWarning, no "fewer distinct clusters"
        return KMeans(**params).fit(X)


def lloyd_fixed(X, init):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        km = kmeans(X, len(init), init=init, n_init=1, max_iter=MAX_ITER, tol=0, verbose=1)
    log = buf.getvalue()
    if re.search(r"Converged at iteration \d+: strict convergence", log):
        how = "strict"
    elif re.search(r"Converged at iteration \d+: center shift", log):
        how = "centreShift"
    else:
        how = "maxIter"
    return km, how


def restarts(X, k):
    fits = [kmeans(X, k, n_init=N_INIT, random_state=s) for s in RANDOM_STATES]
    inertias = [f.inertia_ for f in fits]
    best = int(np.argmin(inertias))  # first on a tie
    return fits, inertias, best


# ----------------------------------------------------------------------------------------------
# Cross-checks: Lloyd re-implemented in numpy


def mirror_lloyd(X, init, max_iter, sklearn_like):
    """Lloyd with direct (x - c)^2 distances, first centre on a tie, sequential row-order sums.
    sklearn_like: centre X on its column means first (as KMeans.fit does) and average by
    multiplying by 1 / count (as _average_centers does); otherwise the plain textbook form
    (no centring, sum / count). Also returns the smallest gap between the nearest and the
    second-nearest squared distance seen in any assignment, and the empty-cluster events."""
    n, d = X.shape
    k = len(init)
    shift = X.mean(axis=0) if sklearn_like else np.zeros(d)
    Xc = X - shift
    C = np.array(init, dtype=np.float64) - shift
    labels_old = np.full(n, -1)
    min_gap, min_rel_gap, empty_events, converged = math.inf, math.inf, 0, False
    for it in range(max_iter):
        D = np.zeros((n, k))
        for j in range(d):  # left-to-right over features, as sklearn's _euclidean_dense_dense
            D += (Xc[:, j : j + 1] - C[None, :, j]) ** 2
        labels = np.argmin(D, axis=1)
        part = np.partition(D, 1, axis=1)
        gaps = part[:, 1] - part[:, 0]
        min_gap = min(min_gap, float(gaps.min()))
        min_rel_gap = min(min_rel_gap, float((gaps / np.maximum(part[:, 1], 1e-300)).min()))
        sums = np.zeros((k, d))
        np.add.at(sums, labels, Xc)  # unbuffered, in row order
        counts = np.bincount(labels, minlength=k).astype(np.float64)
        if (counts == 0).any():
            empty_events += 1
            # sklearn's _relocate_empty_clusters_dense: the farthest points (from their old
            # centre) become the empty clusters' centres; their labels are not changed.
            empty = np.where(counts == 0)[0]
            dist = ((Xc - C[labels]) ** 2).sum(axis=1)
            far = np.argpartition(dist, -len(empty))[: -len(empty) - 1 : -1]
            for e, f in zip(empty, far):
                sums[labels[f]] -= Xc[f]
                sums[e] = Xc[f]
                counts[e] = 1.0
                counts[labels[f]] -= 1.0
        if sklearn_like:
            C = sums * (1.0 / counts)[:, None]
        else:
            C = sums / counts[:, None]
        if np.array_equal(labels, labels_old):
            converged = True
            break
        labels_old = labels
    sq = np.zeros(n)
    for j in range(d):
        sq += (Xc[:, j] - C[labels, j]) ** 2
    inertia = 0.0
    for v in sq:  # sequential, as sklearn's single-thread _inertia_dense
        inertia += float(v)
    return dict(
        labels=labels,
        centres=C + shift,
        inertia=inertia,
        n_iter=it + 1,
        converged=converged,
        min_gap=min_gap,
        min_rel_gap=min_rel_gap,
        empty_events=empty_events,
    )


def compare(m, km):
    c = np.asarray(km.cluster_centers_)
    return collections.OrderedDict(
        labelsEqual=bool(np.array_equal(m["labels"], km.labels_)),
        nIterEqual=bool(m["n_iter"] == km.n_iter_),
        maxCentreAbsDiff=num(np.abs(m["centres"] - c).max()),
        centresBitEqual=bool(np.array_equal(m["centres"], c)),
        inertiaRelDiff=num(abs(m["inertia"] - km.inertia_) / km.inertia_),
    )


def silhouettes(X, labels):
    s = silhouette_score(X, labels)
    ss = silhouette_samples(X, labels)
    assert abs(float(np.mean(ss)) - s) <= 1e-15 * max(1.0, abs(s)) * 10
    D = cdist(X, X)
    se = silhouette_score(D, labels, metric="precomputed")
    sse = silhouette_samples(D, labels, metric="precomputed")
    exact = collections.OrderedDict(
        silhouette=num(se),
        samplesFirst20=nums(sse[:N_SILHOUETTE_SAMPLES]),
        maxSampleAbsDiff=num(np.abs(sse - ss).max()),
        scoreAbsDiff=num(abs(se - s)),
    )
    return s, ss, exact


# ----------------------------------------------------------------------------------------------


def provenance():
    blas = [
        "%s %s (%s)" % (i.get("internal_api"), i.get("version"), i.get("architecture"))
        for i in threadpoolctl.threadpool_info()
        if i.get("user_api") == "blas"
    ]
    return collections.OrderedDict(
        software="scikit-learn %s" % sklearn.__version__,
        python=platform.python_version(),
        numpy=np.__version__,
        scipy=scipy.__version__,
        pandas=pd.__version__,
        threadpoolctl=threadpoolctl.__version__,
        blas=", ".join(blas),
        threads=1,
        script=SCRIPT,
        calls=CALLS,
    )


def source_block(spec, X, dropped, truth):
    out = collections.OrderedDict()
    out["file"] = spec["source"]
    out["columns"] = list(spec["columns"])
    out["nobs"] = int(X.shape[0])
    out["rowsDropped"] = int(dropped)
    out["distinctRows"] = distinct_count(X)
    if truth is not None:
        out["generated"] = collections.OrderedDict(
            description=truth["description"], generator=truth["generator"],
            trueSizes=truth["trueSizes"])
    return out


def run_case(name, spec):
    raw, X, scaler, dropped, truth = prepare(spec)
    k = spec["k"]
    n = X.shape[0]

    fits, inertias, b = restarts(X, k)
    best = fits[b]

    init_rows = first_distinct_rows(X, k)
    init = X[init_rows].copy()
    km, how = lloyd_fixed(X, init)
    labels = np.asarray(km.labels_)
    converged = how == "strict" or km.n_iter_ < MAX_ITER
    assert how == "strict", (name, how)  # every case here converges strictly
    s, ss, exact = silhouettes(X, labels)

    mirror = mirror_lloyd(X, init, MAX_ITER, sklearn_like=True)
    plain = mirror_lloyd(X, init, MAX_ITER, sklearn_like=False)
    assert np.array_equal(mirror["labels"], labels) and mirror["n_iter"] == km.n_iter_, name
    assert mirror["converged"] == converged

    out = collections.OrderedDict()
    out["provenance"] = provenance()
    out["case"] = name
    out.update(source_block(spec, X, dropped, truth))
    out["k"] = k
    out["standardize"] = spec["standardize"]
    out["scaler"] = collections.OrderedDict(mean=nums(scaler.mean_), scale=nums(scaler.scale_))
    out["bestInertia"] = num(fits[0].inertia_)
    out["bestInertiaNIter"] = int(fits[0].n_iter_)
    out["bestInertiaOver100Starts"] = num(inertias[b])
    out["inertiaByRandomState"] = nums(inertias)
    bs, bss, _ = silhouettes(X, best.labels_)
    out["bestOver100Starts"] = collections.OrderedDict(
        randomState=RANDOM_STATES[b],
        inertia=num(best.inertia_),
        sizes=ints(np.bincount(best.labels_, minlength=k)),
        centres=rows(best.cluster_centers_),
        silhouette=num(bs),
        labels=ints(best.labels_),
    )
    lloyd = collections.OrderedDict()
    lloyd["initialRows"] = init_rows
    lloyd["initialCentres"] = rows(init)
    lloyd["maxIter"] = MAX_ITER
    lloyd["tol"] = 0
    lloyd["inertia"] = num(km.inertia_)
    lloyd["nIter"] = int(km.n_iter_)
    lloyd["converged"] = bool(converged)
    lloyd["convergence"] = how
    lloyd["sizes"] = ints(np.bincount(labels, minlength=k))
    lloyd["centres"] = rows(km.cluster_centers_)
    lloyd["labels"] = ints(labels)
    out["lloydFromFixedCentres"] = lloyd
    out["silhouetteOfLloydLabels"] = num(s)
    out["silhouetteSamplesFirst20"] = nums(ss[:N_SILHOUETTE_SAMPLES])
    out["silhouetteExactDistances"] = exact
    if truth is not None:
        out["trueLabels"] = truth["trueLabels"]
        t = np.asarray(truth["trueLabels"])
        out["adjustedRandVsTrue"] = collections.OrderedDict(
            bestOver100Starts=num(adjusted_rand_score(t, best.labels_)),
            bestInertia=num(adjusted_rand_score(t, fits[0].labels_)),
            lloydFromFixedCentres=num(adjusted_rand_score(t, labels)),
        )
    out["crossCheck"] = collections.OrderedDict(
        note="Lloyd from the same centres re-implemented in numpy: sklearnMirror centres X on its"
        " column means and averages by * (1 / count) as KMeans does; plain does neither. Both use"
        " direct (x - c)^2 distances and the first centre on a tie.",
        sklearnMirror=compare(mirror, km),
        plain=compare(plain, km),
        minAssignmentGap=num(min(mirror["min_gap"], plain["min_gap"])),
        minRelativeAssignmentGap=num(min(mirror["min_rel_gap"], plain["min_rel_gap"])),
        emptyClusterEvents=int(mirror["empty_events"]),
    )

    path, size = write_json(name, out)
    assert size < 1_000_000, (path, size)
    print(
        "%-17s n=%4d k=%d best=%-20r best100=%-20r lloyd=%-20r iters=%3d %s sil=%.6f  plain:"
        " labels %s, centres %.1e  gap %.2e  %s (%d bytes)"
        % (name, n, k, out["bestInertia"], out["bestInertiaOver100Starts"], lloyd["inertia"],
           lloyd["nIter"], how, s, out["crossCheck"]["plain"]["labelsEqual"],
           out["crossCheck"]["plain"]["maxCentreAbsDiff"], out["crossCheck"]["minAssignmentGap"],
           path, size)
    )
    if truth is not None:
        print("%17s ARI vs truth: %s" % ("", dict(out["adjustedRandVsTrue"])))


def run_elbow(name, spec):
    raw, X, scaler, dropped, truth = prepare(spec)
    out = collections.OrderedDict()
    out["provenance"] = provenance()
    out["case"] = name
    out.update(source_block(spec, X, dropped, truth))
    out["standardize"] = spec["standardize"]
    out["scaler"] = collections.OrderedDict(mean=nums(scaler.mean_), scale=nums(scaler.scale_))
    table = []
    for k in ELBOW_KS:
        fits, inertias, b = restarts(X, k)
        f0 = fits[0]
        s0 = silhouette_score(X, f0.labels_)
        sb = s0 if b == 0 else silhouette_score(X, fits[b].labels_)
        table.append(
            collections.OrderedDict(
                k=k,
                inertia=num(f0.inertia_),
                silhouette=num(s0),
                nIter=int(f0.n_iter_),
                inertiaBestOver100Starts=num(inertias[b]),
                silhouetteOfBestOver100Starts=num(sb),
                randomStateOfBest=RANDOM_STATES[b],
            )
        )
    out["elbow"] = table
    path, size = write_json(name, out)
    ks = [r["k"] for r in table]
    sil = [r["silhouette"] for r in table]
    print("%-17s silhouette peaks at k=%d -> %s (%d bytes)" % (name, ks[int(np.argmax(sil))], path, size))
    for r in table:
        print(
            "%17s k=%2d inertia=%-20r best100=%-20r silhouette=%.6f (best100 %.6f)"
            % ("", r["k"], r["inertia"], r["inertiaBestOver100Starts"], r["silhouette"],
               r["silhouetteOfBestOver100Starts"])
        )


def main():
    names = sys.argv[1:]
    known = list(CASES) + list(ELBOW_CASES)
    unknown = [a for a in names if a not in known]
    if unknown:
        sys.exit("unknown case(s): %s; known: %s" % (", ".join(unknown), ", ".join(known)))
    with threadpoolctl.threadpool_limits(limits=1):
        for info in threadpoolctl.threadpool_info():
            assert info["num_threads"] == 1, info
        for name, spec in CASES.items():
            if not names or name in names:
                run_case(name, spec)
        for name, spec in ELBOW_CASES.items():
            if not names or name in names:
                run_elbow(name, spec)


if __name__ == "__main__":
    main()

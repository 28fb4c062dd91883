#!/usr/bin/python3
"""Reference descriptive statistics and correlations from numpy / scipy / pandas.

Run from the repository root (Debian's python3-scipy and python3-pandas; use /usr/bin/python3):

    /usr/bin/python3 scripts/reference/describe_corr_scipy.py            # every case
    /usr/bin/python3 scripts/reference/describe_corr_scipy.py sales tiny # only these cases

Writes test/fixtures/reference/describe/describe_<case>.json and corr_<case>.json. A case
name selects both its describe and its corr fixture (where that kind exists); the names
"describe_<case>" and "corr_<case>" select one. Nothing here calls or copies the project's
own code. See scripts/reference/README.md for the fields and conventions.

Per column (and per group): the non-missing values x of the rows considered, then
    count = len(x), missing = rows - count, mean = np.mean(x), sd = np.std(x, ddof=1),
    min / max = np.min / np.max, q1, median, q3 = np.percentile(x, [25, 50, 75]) (numpy's
    default "linear" method = pandas describe = R quantile type 7),
    skew = scipy.stats.skew(x, bias=False), kurtosis = scipy.stats.kurtosis(x, fisher=True,
    bias=False) (excess), sum = np.sum(x), se = sd / sqrt(count).
Where the adjusted moments are undefined -- skew for count < 3, kurtosis for count < 4, either
for a column of equal values -- null is written, not scipy's number (see CONVENTIONS).

Per pair of columns (i < j in the listed order), on the rows where both are present
(pairwise deletion): scipy.stats.pearsonr and scipy.stats.spearmanr. Matrices from pandas
DataFrame.corr(method=...) (pairwise deletion too), checked against the pairwise values.
"""

import collections
import json
import math
import os
import platform
import sys
import warnings

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st

SCRIPT = "scripts/reference/describe_corr_scipy.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "reference", "describe")

SALES = "test/fixtures/seeds/marketing_sales_data.csv"
CAMPAIGN = "test/fixtures/seeds/Campaign-Data.csv"
AIRQUALITY = "test/fixtures/reference/groups/airquality_ozone.csv"

SALES_COLS = ["Radio", "Social Media", "Sales"]
CAMPAIGN_COLS = ["Number of Customers", "Montly Target", "Amount Collected", "Unit Sold"]
AIRQUALITY_COLS = ["Ozone", "Month"]

SOURCE_NOTES = {
    AIRQUALITY: "R's airquality data set (Ozone, Month), as written by scripts/reference/groups_r.R",
}

# Hand-made data, null = missing. Chosen to cover the edge cases of the definitions.
TINY_DESCRIBE = collections.OrderedDict(
    [
        ("x", [1, 2, 2, 3, 10]),  # n = 5, a tie, right-skewed
        ("y", [5, None, 7, 7, 7]),  # n = 4 (one missing): kurtosis just defined
        ("n3", [0.5, None, -1.25, 4, None]),  # n = 3: skew defined, kurtosis null
        ("n2", [None, 1.5, None, None, -2]),  # n = 2: sd defined, skew and kurtosis null
        ("n1", [None, None, 4.5, None, None]),  # n = 1: sd, se, skew, kurtosis null
        ("const", [3, 3, 3, 3, 3]),  # sd = 0: skew and kurtosis null
    ]
)
TINY_CORR = collections.OrderedDict(
    [
        ("a", [1, 2, 3, 4, 5, 6, 7, 8]),
        ("b", [8, 13, 18, 23, 28, 33, 38, 43]),  # 5a + 3: Pearson r = 1.0 exactly, p = 0
        ("c", [2, 1, 1, 3, 3, 3, 5, 4]),  # ties (average ranks) against a and b
        ("d", [None, 4, None, 4, None, None, 9, None]),  # 3 rows; tied values
        ("e", [6, None, None, None, None, None, 2, None]),  # 2 rows with a, b, c; 1 with d
    ]
)

# case: (source, columns, by); source None = the inline data
DESCRIBE_CASES = collections.OrderedDict(
    [
        ("sales", (SALES, SALES_COLS, None)),
        ("sales_by_tv", (SALES, SALES_COLS, "TV")),
        ("campaign", (CAMPAIGN, CAMPAIGN_COLS, None)),
        ("airquality", (AIRQUALITY, AIRQUALITY_COLS, None)),
        ("tiny", (None, list(TINY_DESCRIBE), None)),
    ]
)
CORR_CASES = collections.OrderedDict(
    [
        ("sales", (SALES, SALES_COLS)),
        ("campaign", (CAMPAIGN, CAMPAIGN_COLS)),
        ("airquality", (AIRQUALITY, AIRQUALITY_COLS)),
        ("tiny", (None, list(TINY_CORR))),
    ]
)

DESCRIBE_CONVENTIONS = collections.OrderedDict(
    [
        ("rows", "rows considered: all rows of the file (of the group when grouped)"),
        ("count", "number of non-missing values x among those rows"),
        ("missing", "number of missing (blank) cells of the column among those rows"),
        ("mean", "np.mean(x)"),
        ("sd", "np.std(x, ddof=1): sample standard deviation, n - 1; null for count < 2"),
        ("min", "np.min(x)"),
        (
            "q1, median, q3",
            "np.percentile(x, [25, 50, 75]) with numpy's default method 'linear' (= pandas "
            "describe, R quantile type 7, Excel QUARTILE.INC): h = (n - 1) p, "
            "x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) on sorted x, 0-based",
        ),
        ("max", "np.max(x)"),
        (
            "skew",
            "scipy.stats.skew(x, bias=False): adjusted Fisher-Pearson G1 = "
            "g1 sqrt(n (n - 1)) / (n - 2), g1 = m3 / m2^1.5 with central moments "
            "m_k = mean((x - mean)^k) (= pandas .skew(), Excel SKEW); null for count < 3 "
            "or when all values are equal",
        ),
        (
            "kurtosis",
            "scipy.stats.kurtosis(x, fisher=True, bias=False): excess kurtosis G2 = "
            "((n + 1) g2 + 6) (n - 1) / ((n - 2) (n - 3)), g2 = m4 / m2^2 - 3 (= pandas "
            ".kurt(), Excel KURT); null for count < 4 or when all values are equal",
        ),
        ("sum", "np.sum(x)"),
        ("se", "sd / sqrt(count): standard error of the mean; null for count < 2"),
        (
            "undefined",
            "for count < 3 (skew) or < 4 (kurtosis) scipy 1.10 with bias=False silently "
            "returns the biased g1 / g2 (e.g. skew 0.0 and kurtosis -2.0 for two distinct "
            "values) and pandas returns NaN; for equal values scipy returns NaN and pandas 0. "
            "The fixture writes null in all these cases",
        ),
        ("groups", "by: groups in sorted (byte) order of the stripped labels"),
    ]
)

CORR_CONVENTIONS = collections.OrderedDict(
    [
        ("n", "number of rows where both columns are present (pairwise deletion)"),
        (
            "pearson",
            "scipy.stats.pearsonr(x, y) on those rows: r clipped to [-1, 1]; two-sided p = "
            "2 * beta(n/2 - 1, n/2 - 1, loc=-1, scale=2).sf(|r|), the exact null "
            "distribution of r (same as the t test with n - 2 df); for n = 2 scipy returns "
            "r = +-1 and p = 1.0; for n < 2 scipy raises and null is written",
        ),
        (
            "spearman",
            "scipy.stats.spearmanr(x, y) on those rows: Pearson r of the ranks, average ranks "
            "for ties (scipy.stats.rankdata 'average'); two-sided p from t = rho sqrt((n - 2) "
            "/ ((1 + rho)(1 - rho))) on n - 2 df (Student t, not exact or permutation); "
            "|rho| = 1 gives t = inf, p = 0; n = 2 gives p = NaN (0 df), n < 2 rho = NaN",
        ),
        (
            "matrices",
            "pandas DataFrame.corr(method='pearson' / 'spearman') (min_periods=1, pairwise "
            "deletion, Spearman re-ranked on each pair's complete rows); diagonal 1.0",
        ),
        ("null", "NaN, infinity, or a value scipy does not return"),
    ]
)


def num(v):
    """Full-precision float for JSON (repr round-trips); None / non-finite -> None."""
    if v is None:
        return None
    v = float(v)
    return v if math.isfinite(v) else None


def provenance(calls):
    return collections.OrderedDict(
        [
            ("software", "scipy %s" % scipy.__version__),
            ("python", platform.python_version()),
            ("pandas", pd.__version__),
            ("numpy", np.__version__),
            ("script", SCRIPT),
            ("calls", calls),
        ]
    )


def read_source(source, columns, by=None):
    """The data as a DataFrame: a CSV read with pandas' default NA handling (blank cells
    are NaN), text columns stripped of surrounding spaces; or the inline tiny data."""
    if source is None:
        data = TINY_DESCRIBE if columns == list(TINY_DESCRIBE) else TINY_CORR
        df = pd.DataFrame(
            collections.OrderedDict(
                (c, pd.Series([np.nan if v is None else float(v) for v in data[c]], dtype=float))
                for c in columns
            )
        )
        return df, data
    df = pd.read_csv(os.path.join(ROOT, source), keep_default_na=True)
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].map(lambda s: s.strip() if isinstance(s, str) else s)
    for c in columns:
        assert pd.api.types.is_numeric_dtype(df[c]), (source, c, df[c].dtype)
        df[c] = df[c].astype(float)
    keep = list(columns) + ([by] if by else [])
    return df[keep], None


# ---------------------------------------------------------------------------- describe


def describe_values(x, rows):
    n = len(x)
    row = collections.OrderedDict()
    row["count"] = int(n)
    row["missing"] = int(rows - n)
    if n == 0:
        for k in ("mean", "sd", "min", "q1", "median", "q3", "max", "skew", "kurtosis"):
            row[k] = None
        row["sum"] = 0.0
        row["se"] = None
        return row
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    sd = float(np.std(x, ddof=1)) if n >= 2 else None
    equal = bool(np.all(x == x[0]))
    with warnings.catch_warnings():
        # scipy warns about catastrophic cancellation for (nearly) equal values
        warnings.simplefilter("ignore", RuntimeWarning)
        skew = st.skew(x, bias=False) if n >= 3 and not equal else None
        kurt = st.kurtosis(x, fisher=True, bias=False) if n >= 4 and not equal else None
    row["mean"] = num(np.mean(x))
    row["sd"] = num(sd)
    row["min"] = num(np.min(x))
    row["q1"] = num(q1)
    row["median"] = num(med)
    row["q3"] = num(q3)
    row["max"] = num(np.max(x))
    row["skew"] = num(skew)
    row["kurtosis"] = num(kurt)
    row["sum"] = num(np.sum(x))
    row["se"] = num(sd / math.sqrt(n)) if sd is not None else None
    return row


def rel(a, b):
    if a is None or b is None:
        return 0.0 if a is None and b is None else math.inf
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


PANDAS_CHECK = [
    # field, pandas expression on the Series s (NaN kept; pandas skips it)
    ("count", lambda s: s.count()),
    ("mean", lambda s: s.mean()),
    ("sd", lambda s: s.std()),
    ("min", lambda s: s.min()),
    ("q1", lambda s: s.quantile(0.25)),
    ("median", lambda s: s.median()),
    ("q3", lambda s: s.quantile(0.75)),
    ("max", lambda s: s.max()),
    ("skew", lambda s: s.skew()),
    ("kurtosis", lambda s: s.kurt()),
    ("sum", lambda s: s.sum()),
    ("se", lambda s: s.sem()),
]


def check_against_pandas(s, row, label):
    """Cross-check one column against pandas' own reductions; returns the worst relative
    difference. pandas' skew and kurt give 0 for equal values, where the fixture has null."""
    worst = 0.0
    equal = row["count"] > 0 and row["min"] == row["max"]
    for field, f in PANDAS_CHECK:
        p = num(f(s))
        if field in ("skew", "kurtosis") and equal:
            continue
        if field == "sum" and row["count"] == 0:
            continue
        d = rel(row[field], p)
        assert d <= 1e-12, (label, field, row[field], p)
        worst = max(worst, d)
    return worst


def run_describe(name):
    source, columns, by = DESCRIBE_CASES[name]
    df, data = read_source(source, columns, by)
    stats = []
    worst = 0.0
    rows_without_group = 0
    if by is None:
        parts = [(None, df)]
    else:
        rows_without_group = int(df[by].isna().sum())
        df = df[df[by].notna()]
        parts = [(g, df[df[by] == g]) for g in sorted(df[by].astype(str).unique())]
    for col in columns:
        for g, part in parts:
            s = part[col]
            x = s.dropna().to_numpy(dtype=float)
            row = collections.OrderedDict([("column", col), ("group", g)])
            row.update(describe_values(x, len(part)))
            worst = max(worst, check_against_pandas(s, row, (name, col, g)))
            stats.append(row)

    calls = [
        "pandas.read_csv(path, keep_default_na=True); text columns .strip()",
        "x = column.dropna().to_numpy(dtype=float)",
        "numpy.mean(x)",
        "numpy.std(x, ddof=1)",
        "numpy.min(x), numpy.max(x)",
        "numpy.percentile(x, [25, 50, 75])  # method='linear' (default)",
        "scipy.stats.skew(x, bias=False)",
        "scipy.stats.kurtosis(x, fisher=True, bias=False)",
        "numpy.sum(x)",
        "sd / math.sqrt(len(x))",
    ]
    if source is None:
        calls = calls[1:]
    if by:
        calls.insert(1, "groups: sorted(df[by].unique()), rows df[df[by] == g]")
    out = collections.OrderedDict()
    out["provenance"] = provenance(calls)
    out["case"] = name
    out["source"] = source if source else "inline"
    if source in SOURCE_NOTES:
        out["sourceNote"] = SOURCE_NOTES[source]
    if data is not None:
        out["data"] = data
    out["columns"] = list(columns)
    out["by"] = by
    out["rows"] = int(len(df))
    if by:
        out["groups"] = [g for g, _ in parts]
        out["rowsWithoutGroup"] = rows_without_group
    out["conventions"] = DESCRIBE_CONVENTIONS
    out["stats"] = stats
    path = write(out, "describe_%s.json" % name)
    first = stats[0]
    print(
        "describe %-12s %2d rows of stats; %s%s: n=%d mean=%.10g sd=%.10g skew=%s; "
        "worst vs pandas %.1e -> %s"
        % (name, len(stats), first["column"], "" if first["group"] is None else "[%s]" % first["group"],
           first["count"], first["mean"], first["sd"] if first["sd"] is not None else math.nan,
           first["skew"], worst, path)
    )


# ---------------------------------------------------------------------------- correlation


def pair_stats(x, y):
    """pearsonr and spearmanr on already pairwise-complete arrays; None where scipy raises or
    returns NaN. Warnings (constant input, zero df) are collected, not printed."""
    n = len(x)
    notes = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if n >= 2:
            pr = st.pearsonr(x, y)
            pearson = (num(pr.statistic), num(pr.pvalue))
        else:
            pearson = (None, None)  # scipy raises ValueError for n < 2
        sr = st.spearmanr(x, y)
        spearman = (num(sr.statistic), num(sr.pvalue))
    for w in caught:
        notes.append("%s: %s" % (w.category.__name__, w.message))
    return n, pearson, spearman, notes


def run_corr(name):
    source, columns = CORR_CASES[name]
    df, data = read_source(source, columns)
    df = df[columns]
    pairs = []
    k = len(columns)
    pm = [[None] * k for _ in range(k)]
    sm = [[None] * k for _ in range(k)]
    all_notes = []
    for i in range(k):
        for j in range(i + 1, k):
            both = df[[columns[i], columns[j]]].dropna(how="any")
            x = both[columns[i]].to_numpy(dtype=float)
            y = both[columns[j]].to_numpy(dtype=float)
            n, pearson, spearman, notes = pair_stats(x, y)
            all_notes.extend("%s/%s %s" % (columns[i], columns[j], t) for t in notes)
            pairs.append(
                collections.OrderedDict(
                    [
                        ("column1", columns[i]),
                        ("column2", columns[j]),
                        ("n", int(n)),
                        ("pearson", collections.OrderedDict([("r", pearson[0]), ("p", pearson[1])])),
                        ("spearman", collections.OrderedDict([("rho", spearman[0]), ("p", spearman[1])])),
                    ]
                )
            )
            pm[i][j] = pm[j][i] = pearson[0]
            sm[i][j] = sm[j][i] = spearman[0]

    # matrices from pandas, checked against the pairwise scipy values
    worst = {}
    mats = {}
    for method, ref in (("pearson", pm), ("spearman", sm)):
        c = df.corr(method=method)
        m = [[num(c.iloc[i, j]) for j in range(k)] for i in range(k)]
        for i in range(k):
            assert m[i][i] == 1.0, (name, method, columns[i], m[i][i])
        w = 0.0
        for i in range(k):
            for j in range(k):
                if i == j:
                    continue
                a, b = m[i][j], ref[i][j]
                if a is None or b is None:
                    assert a is None and b is None, (name, method, columns[i], columns[j], a, b)
                    continue
                d = abs(a - b)
                assert d <= 1e-13, (name, method, columns[i], columns[j], a, b)
                w = max(w, d)
        worst[method] = w
        mats[method] = m

    calls = [
        "pandas.read_csv(path, keep_default_na=True); text columns .strip()",
        "both = df[[col1, col2]].dropna(how='any'); x, y = both[col1], both[col2] as float arrays",
        "scipy.stats.pearsonr(x, y)  # .statistic, .pvalue; not called for n < 2",
        "scipy.stats.spearmanr(x, y)  # .statistic, .pvalue",
        "df[columns].corr(method='pearson'), df[columns].corr(method='spearman')",
    ]
    if source is None:
        calls = calls[1:]
    out = collections.OrderedDict()
    out["provenance"] = provenance(calls)
    out["case"] = name
    out["source"] = source if source else "inline"
    if source in SOURCE_NOTES:
        out["sourceNote"] = SOURCE_NOTES[source]
    if data is not None:
        out["data"] = data
    out["columns"] = list(columns)
    out["rows"] = int(len(df))
    out["conventions"] = CORR_CONVENTIONS
    if all_notes:
        out["scipyWarnings"] = all_notes
    out["pairs"] = pairs
    out["pearsonMatrix"] = mats["pearson"]
    out["spearmanMatrix"] = mats["spearman"]
    path = write(out, "corr_%s.json" % name)
    print(
        "corr     %-12s %2d pairs; pandas matrix vs scipy: pearson %.1e, spearman %.1e -> %s"
        % (name, len(pairs), worst["pearson"], worst["spearman"], path)
    )
    for p in pairs:
        print(
            "           %-20s %-20s n=%4d r=%-22r p=%-22r rho=%-22r p=%r"
            % (p["column1"], p["column2"], p["n"], p["pearson"]["r"], p["pearson"]["p"],
               p["spearman"]["rho"], p["spearman"]["p"])
        )
    for t in all_notes:
        print("           warning: %s" % t)


# ---------------------------------------------------------------------------- output


def is_scalar(v):
    return v is None or isinstance(v, (bool, int, float, str))


def encode(v, indent, in_list=False):
    """JSON with one level per line, except: lists of numbers (a data column, a matrix row),
    short lists of names, and objects inside lists (one stats row, one pair) are written on
    one line."""
    one = lambda o: json.dumps(o, allow_nan=False, ensure_ascii=False)
    if is_scalar(v):
        return one(v)
    if isinstance(v, list) and all(is_scalar(e) for e in v):
        line = "[" + ", ".join(one(e) for e in v) + "]"
        if len(line) <= 100 or not any(isinstance(e, str) for e in v):
            return line
    if isinstance(v, dict) and in_list:
        return one(v)
    pad = " " * (indent + 1)
    if isinstance(v, dict):
        items = ["%s%s: %s" % (pad, one(k), encode(e, indent + 1)) for k, e in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + encode(e, indent + 1, in_list=True) for e in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def write(out, fname):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, fname)
    text = encode(out, 0) + "\n"
    json.loads(text)  # well-formed
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return os.path.relpath(path, ROOT)


def main():
    args = sys.argv[1:]
    known = set(DESCRIBE_CASES) | set(CORR_CASES)
    known |= {"describe_" + c for c in DESCRIBE_CASES} | {"corr_" + c for c in CORR_CASES}
    unknown = [a for a in args if a not in known]
    if unknown:
        sys.exit("unknown case(s): %s; known: %s" % (", ".join(unknown), ", ".join(sorted(known))))
    only = set(args)
    for c in DESCRIBE_CASES:
        if not only or c in only or "describe_" + c in only:
            run_describe(c)
    for c in CORR_CASES:
        if not only or c in only or "corr_" + c in only:
            run_corr(c)


if __name__ == "__main__":
    main()

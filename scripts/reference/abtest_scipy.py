#!/usr/bin/python3
"""Reference A/B-test outputs from scipy / statsmodels.

Run from the repository root:

    /usr/bin/python3 scripts/reference/abtest_scipy.py [case ...]

Writes test/fixtures/reference/abtest/<case>.json for every case below (and
sample_size.json for the case "sample_size"); with arguments, only the named
cases. Uses only numpy / pandas / scipy / statsmodels (Debian packages) and the
CSV files in test/fixtures/seeds; nothing here comes from the project's own
code. See scripts/reference/README.md for the field definitions and
conventions.

Conventions: arm A is the control, arm B the variant; differences are B - A;
relative lift = (B - A) / A. Every library call is made with the variant (B)
first, so signed statistics are positive when B > A.
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
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_effectsize,
    proportions_ztest,
)
from statsmodels.stats.weightstats import CompareMeans

OD = collections.OrderedDict

SCRIPT = "scripts/reference/abtest_scipy.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEEDS = os.path.join(ROOT, "test", "fixtures", "seeds")
OUT = os.path.join(ROOT, "test", "fixtures", "reference", "abtest")

ALPHA = 0.05

CONVENTIONS = [
    "Arm A is the control, arm B the variant.",
    "Differences are B - A: diff = mean(b) - mean(a), or pB - pA for proportions.",
    "Relative lift = (B - A) / A = diff / mean(a) (or diff / pA).",
    "Signed statistics (t, z, Cohen's d, Cohen's h) are positive when B > A: every library "
    "call takes the variant first (ttest_ind(b, a), proportions_ztest([xB, xA], [nB, nA]), "
    "chi2_contingency rows [B, A]).",
    "Standard deviations and variances use n - 1 (ddof = 1).",
    "Mann-Whitney: uB is scipy's statistic (U of its first argument, b) = "
    "#{(i, j): b_j > a_i} + 0.5 #{b_j = a_i}; uA = nA nB - uB.",
    "All tests two-sided, alpha = 0.05, intervals 95%.",
]

# --- cases -----------------------------------------------------------------

# Numeric outcome. A seed case gives (file, value column, group column, level A, level B);
# an inline case gives the arrays.
NUMERIC_CASES = [
    OD(
        name="sales_tv_medium_vs_high",
        description="Sales, TV = Medium (A) vs TV = High (B)",
        seed=("marketing_sales_data.csv", "Sales", "TV", "Medium", "High"),
    ),
    OD(
        name="sales_influencer_mega_vs_micro",
        description="Sales, Influencer = Mega (A) vs Influencer = Micro (B); not significant",
        seed=("marketing_sales_data.csv", "Sales", "Influencer", "Mega", "Micro"),
    ),
    OD(
        name="amount_small_vs_medium",
        description="Amount Collected, trimmed Client Type = Small Facility (A) vs "
        "Medium Facility (B)",
        seed=("Campaign-Data.csv", "Amount Collected", "Client Type", "Small Facility",
              "Medium Facility"),
    ),
    OD(
        name="small_with_ties",
        description="Invented small samples (n = 8, 11) with ties within and across arms "
        "(Mann-Whitney tie correction)",
        a=[3.0, 5.0, 5.0, 6.0, 7.0, 7.0, 7.0, 9.0],
        b=[4.0, 5.0, 6.0, 7.0, 8.0, 8.0, 9.0, 9.0, 10.0, 11.0, 12.0],
        expectTies=True,
    ),
    OD(
        name="tiny_exact",
        description="Invented small samples (n = 6, 7) without ties (Mann-Whitney exact p)",
        a=[1.2, 2.5, 3.1, 4.8, 5.0, 6.7],
        b=[3.9, 5.5, 7.2, 8.1, 9.4, 10.3, 11.6],
        expectTies=False,
        exact=True,
    ),
]

# Proportions: counts given, or derived from a seed (conversion = value > threshold).
PROPORTION_CASES = [
    OD(name="conv_basic", description="xA = 120 of 2400, xB = 156 of 2380",
       counts=(120, 2400, 156, 2380)),
    OD(name="conv_tiny_p", description="xA = 500 of 10000, xB = 800 of 10000 (tiny p-value)",
       counts=(500, 10000, 800, 10000)),
    OD(name="conv_equal", description="xA = 50 of 1000, xB = 50 of 1000 (no difference)",
       counts=(50, 1000, 50, 1000)),
    OD(
        name="conv_sales_over_200_tv_medium_vs_high",
        description="Conversion = Sales > 200; TV = Medium (A) vs TV = High (B)",
        seed=("marketing_sales_data.csv", "Sales", "TV", "Medium", "High"),
        threshold=200.0,
    ),
]

CONTINGENCY_CASES = [
    OD(
        name="tv_by_influencer",
        description="Counts of TV (rows) x Influencer (columns), marketing_sales_data.csv",
        file="marketing_sales_data.csv",
        rows="TV",
        cols="Influencer",
    ),
]

SAMPLE_SIZE = "sample_size"

# --- helpers ---------------------------------------------------------------


def num(v):
    """Full-precision float for JSON (repr round-trips); non-finite -> None."""
    v = float(v)
    return v if math.isfinite(v) else None


def nums(a):
    return [num(v) for v in np.asarray(a, dtype=float).ravel()]


def provenance(calls):
    return OD(
        software=OD(
            python=platform.python_version(),
            numpy=np.__version__,
            pandas=pd.__version__,
            scipy=scipy.__version__,
            statsmodels=statsmodels.__version__,
        ),
        script=SCRIPT,
        calls=calls,
    )


def load_arms(seed):
    """(a, b, rowsDropped) from a seed file: rows with the value or the group missing are
    dropped; group labels are trimmed; numbers parsed with Python's float (round trip)."""
    fname, value, group, level_a, level_b = seed
    path = os.path.join(SEEDS, fname)
    df = pd.read_csv(path, float_precision="round_trip")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    n0 = len(df)
    keep = df[value].notna() & df[group].notna()
    dropped = int(n0 - keep.sum())
    df = df[keep]
    assert pd.api.types.is_numeric_dtype(df[value]), (fname, value)
    # the parsed numbers are exactly what parseFloat / float() of the text gives
    assert all(float(s) == v for s, v in zip(raw.loc[keep, value], df[value])), fname
    g = df[group].astype(str).str.strip()
    a = df.loc[g == level_a, value].to_numpy(dtype=float)
    b = df.loc[g == level_b, value].to_numpy(dtype=float)
    assert len(a) > 1 and len(b) > 1, (fname, level_a, level_b)
    return a, b, dropped


def seed_source(seed, dropped):
    fname, value, group, level_a, level_b = seed
    return OD(
        file="seeds/" + fname,
        value=value,
        group=group + " (trimmed)",
        groupA=level_a,
        groupB=level_b,
        rowsDropped=dropped,
        order="file order within each arm",
    )


def write(name, out):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, allow_nan=False)
        fh.write("\n")
    return os.path.relpath(path, ROOT)


# --- numeric outcome -------------------------------------------------------

NUMERIC_CALLS = OD(
    [
        ("n, mean, sd", "len(x), numpy.mean(x), numpy.std(x, ddof=1)"),
        ("diff", "mean(b) - mean(a)"),
        ("relativeLift", "diff / mean(a)"),
        ("welch.t, welch.p", "scipy.stats.ttest_ind(b, a, equal_var=False)"),
        (
            "welch.df",
            "computed: (va/nA + vb/nB)^2 / ((va/nA)^2/(nA-1) + (vb/nB)^2/(nB-1)); asserted "
            "equal to CompareMeans.from_data(b, a).ttest_ind(usevar='unequal')[2]",
        ),
        ("welch.se", "computed: sqrt(va/nA + vb/nB)"),
        (
            "welch.ciLow, welch.ciHigh",
            "statsmodels.stats.weightstats.CompareMeans.from_data(b, a)"
            ".tconfint_diff(alpha=0.05, usevar='unequal')",
        ),
        ("student.t, student.p", "scipy.stats.ttest_ind(b, a, equal_var=True)"),
        ("student.df", "nA + nB - 2"),
        ("student.se", "computed: pooledSd * sqrt(1/nA + 1/nB)"),
        (
            "student.ciLow, student.ciHigh",
            "statsmodels.stats.weightstats.CompareMeans.from_data(b, a)"
            ".tconfint_diff(alpha=0.05, usevar='pooled')",
        ),
        (
            "mannWhitney.uB, mannWhitney.p",
            "scipy.stats.mannwhitneyu(b, a, alternative='two-sided', use_continuity=True, "
            "method='asymptotic') (statistic = U of the first argument, b)",
        ),
        ("mannWhitney.uA", "nA * nB - uB"),
        (
            "mannWhitney.pExact",
            "scipy.stats.mannwhitneyu(b, a, alternative='two-sided', method='exact') "
            "(tiny_exact only)",
        ),
        (
            "mannWhitney.tieTerm, mannWhitney.sigma, mannWhitney.z",
            "computed: tieTerm = sum(t^3 - t) over groups of tied values in the pooled "
            "sample; sigma = sqrt(nA nB / 12 * ((N + 1) - tieTerm / (N (N - 1)))); "
            "z = (max(uA, uB) - nA nB / 2 - 0.5) / sigma; asserted: p == min(1, 2 * "
            "scipy.stats.norm.sf(z))",
        ),
        (
            "power.pooledSd",
            "computed: sqrt(((nA - 1) va + (nB - 1) vb) / (nA + nB - 2))",
        ),
        ("power.cohensD", "diff / pooledSd"),
        (
            "power.power",
            "statsmodels.stats.power.TTestIndPower().power(effect_size=cohensD, nobs1=nB, "
            "ratio=nA/nB, alpha=0.05) (two-sided; noncentral t, df = nA + nB - 2)",
        ),
        (
            "relativeLiftCI",
            "computed (delta method, unequal variances): se = sqrt((1/ma^2) (vb/nB) + "
            "(mb^2/ma^4) (va/nA)); lift +/- scipy.stats.norm.ppf(0.975) * se",
        ),
    ]
)


def run_numeric(case):
    if "seed" in case:
        a, b, dropped = load_arms(case["seed"])
        source = seed_source(case["seed"], dropped)
    else:
        a = np.asarray(case["a"], dtype=float)
        b = np.asarray(case["b"], dtype=float)
        source = "inline"
    na, nb = len(a), len(b)
    ma, mb = float(np.mean(a)), float(np.mean(b))
    va, vb = float(np.var(a, ddof=1)), float(np.var(b, ddof=1))
    diff = mb - ma

    # Welch
    welch = stats.ttest_ind(b, a, equal_var=False)
    se_w = math.sqrt(va / na + vb / nb)
    df_w = (va / na + vb / nb) ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    cm = CompareMeans.from_data(b, a)
    w_low, w_high = cm.tconfint_diff(alpha=ALPHA, usevar="unequal")
    t_sm, p_sm, df_sm = cm.ttest_ind(usevar="unequal")
    assert math.isclose(df_sm, df_w, rel_tol=1e-12), (df_sm, df_w)
    assert math.isclose(t_sm, welch.statistic, rel_tol=1e-12)
    assert math.isclose(welch.statistic, diff / se_w, rel_tol=1e-12)

    # Student
    student = stats.ttest_ind(b, a, equal_var=True)
    pooled_sd = math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2))
    se_s = pooled_sd * math.sqrt(1 / na + 1 / nb)
    s_low, s_high = cm.tconfint_diff(alpha=ALPHA, usevar="pooled")
    assert math.isclose(student.statistic, diff / se_s, rel_tol=1e-12)

    # p < alpha exactly when the interval excludes 0 (both t tests)
    for p, lo, hi in ((welch.pvalue, w_low, w_high), (student.pvalue, s_low, s_high)):
        assert (p < ALPHA) == (lo > 0 or hi < 0), (case["name"], p, lo, hi)
        assert lo < diff < hi

    # Mann-Whitney
    mw = stats.mannwhitneyu(b, a, alternative="two-sided", use_continuity=True,
                            method="asymptotic")
    u_b = float(mw.statistic)
    u_a = na * nb - u_b
    # brute-force U of b: pairs b > a plus half the ties
    u_brute = sum(float(np.sum(bj > a)) + 0.5 * float(np.sum(bj == a)) for bj in b)
    assert u_b == u_brute, (u_b, u_brute)
    assert u_a + u_b == na * nb
    pooled = np.concatenate([a, b])
    _, counts = np.unique(pooled, return_counts=True)
    tie_term = float(np.sum(counts.astype(float) ** 3 - counts))
    n = na + nb
    sigma = math.sqrt(na * nb / 12 * ((n + 1) - tie_term / (n * (n - 1))))
    z_mw = (max(u_a, u_b) - na * nb / 2 - 0.5) / sigma
    assert math.isclose(min(1.0, 2 * stats.norm.sf(z_mw)), mw.pvalue, rel_tol=1e-12)
    has_ties = bool(np.any(counts > 1))
    if "expectTies" in case:
        assert has_ties == case["expectTies"], case["name"]
    mann = OD(uB=num(u_b), uA=num(u_a), p=num(mw.pvalue))
    if case.get("exact"):
        ex = stats.mannwhitneyu(b, a, alternative="two-sided", method="exact")
        assert ex.statistic == mw.statistic
        mann["pExact"] = num(ex.pvalue)
    mann["ties"] = has_ties
    mann["tieTerm"] = num(tie_term)
    mann["sigma"] = num(sigma)
    mann["z"] = num(z_mw)

    # power
    d = diff / pooled_sd
    pw = TTestIndPower().power(effect_size=d, nobs1=nb, ratio=na / nb, alpha=ALPHA)

    # relative lift, delta method
    lift = diff / ma
    var_lift = (1 / ma**2) * (vb / nb) + (mb**2 / ma**4) * (va / na)
    se_lift = math.sqrt(var_lift)
    zq = stats.norm.ppf(1 - ALPHA / 2)

    out = OD()
    out["provenance"] = provenance(NUMERIC_CALLS)
    out["case"] = case["name"]
    out["kind"] = "means"
    out["description"] = case["description"]
    out["source"] = source
    out["conventions"] = CONVENTIONS
    out["alpha"] = ALPHA
    out["n"] = OD(a=na, b=nb)
    out["mean"] = OD(a=num(ma), b=num(mb))
    out["sd"] = OD(a=num(math.sqrt(va)), b=num(math.sqrt(vb)))
    out["diff"] = num(diff)
    out["relativeLift"] = num(lift)
    out["welch"] = OD(t=num(welch.statistic), p=num(welch.pvalue), df=num(df_w), se=num(se_w),
                      ciLow=num(w_low), ciHigh=num(w_high))
    out["student"] = OD(t=num(student.statistic), p=num(student.pvalue), df=na + nb - 2,
                        se=num(se_s), ciLow=num(s_low), ciHigh=num(s_high))
    out["mannWhitney"] = mann
    out["power"] = OD(alpha=ALPHA, pooledSd=num(pooled_sd), cohensD=num(d), power=num(pw))
    out["relativeLiftCI"] = OD(method="delta", se=num(se_lift), z=num(zq),
                               ciLow=num(lift - zq * se_lift), ciHigh=num(lift + zq * se_lift))
    out["a"] = nums(a)
    out["b"] = nums(b)
    path = write(case["name"], out)
    print(
        "%-38s nA=%4d nB=%4d diff=%.6g welch t=%.6g p=%.6g | student p=%.6g | "
        "MW uB=%g p=%.6g%s | power=%.4f -> %s"
        % (case["name"], na, nb, diff, welch.statistic, welch.pvalue, student.pvalue, u_b,
           mw.pvalue, (" exact p=%.6g" % mann["pExact"]) if "pExact" in mann else "", pw, path)
    )


# --- proportions -----------------------------------------------------------

PROPORTION_CALLS = OD(
    [
        ("pA, pB", "xA / nA, xB / nB"),
        ("diff", "pB - pA"),
        ("relativeLift", "diff / pA"),
        (
            "zTest",
            "statsmodels.stats.proportion.proportions_ztest([xB, xA], [nB, nA]) "
            "(two-sided, pooled variance: pooledP = (xA + xB) / (nA + nB))",
        ),
        (
            "diffCI",
            "statsmodels.stats.proportion.confint_proportions_2indep(xB, nB, xA, nA, "
            "method='wald', compare='diff', alpha=0.05)",
        ),
        (
            "diffCINewcombe",
            "statsmodels.stats.proportion.confint_proportions_2indep(xB, nB, xA, nA, "
            "method='newcomb', compare='diff', alpha=0.05) (Newcombe's hybrid score: "
            "Wilson intervals without continuity correction)",
        ),
        (
            "chiSquare",
            "scipy.stats.chi2_contingency([[xB, nB - xB], [xA, nA - xA]], correction=False)",
        ),
        (
            "chiSquareYates",
            "scipy.stats.chi2_contingency([[xB, nB - xB], [xA, nA - xA]], correction=True) "
            "(each |O - E| reduced by min(0.5, |O - E|))",
        ),
        ("power.cohensH", "statsmodels.stats.proportion.proportion_effectsize(pB, pA) "
                          "= 2 asin(sqrt(pB)) - 2 asin(sqrt(pA))"),
        (
            "power.power",
            "statsmodels.stats.power.NormalIndPower().power(effect_size=cohensH, nobs1=nB, "
            "ratio=nA/nB, alpha=0.05) (two-sided, both tails)",
        ),
    ]
)


def run_proportion(case):
    extra = OD()
    if "seed" in case:
        a, b, dropped = load_arms(case["seed"])
        thr = case["threshold"]
        assert not np.any(a == thr) and not np.any(b == thr), "value equal to the threshold"
        xa, na = int(np.sum(a > thr)), len(a)
        xb, nb = int(np.sum(b > thr)), len(b)
        source = seed_source(case["seed"], dropped)
        extra["conversion"] = "%s > %r" % (case["seed"][1], thr)
        extra["threshold"] = thr
        extra["a"] = nums(a)
        extra["b"] = nums(b)
    else:
        xa, na, xb, nb = case["counts"]
        source = "inline"
    pa, pb = xa / na, xb / nb
    diff = pb - pa

    z, pz = proportions_ztest([xb, xa], [nb, na])
    pooled = (xa + xb) / (na + nb)
    z_formula = diff / math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    assert math.isclose(z, z_formula, rel_tol=1e-12, abs_tol=1e-300), (z, z_formula)

    w_low, w_high = confint_proportions_2indep(xb, nb, xa, na, method="wald", compare="diff",
                                               alpha=ALPHA)
    n_low, n_high = confint_proportions_2indep(xb, nb, xa, na, method="newcomb",
                                               compare="diff", alpha=ALPHA)
    assert w_low <= diff <= w_high and n_low <= diff <= n_high

    table = [[xb, nb - xb], [xa, na - xa]]
    chi = stats.chi2_contingency(table, correction=False)
    chiy = stats.chi2_contingency(table, correction=True)
    # uncorrected chi-square on a 2x2 table is the pooled z squared
    assert math.isclose(chi[0], z * z, rel_tol=1e-10, abs_tol=1e-12), (chi[0], z * z)
    assert math.isclose(chi[1], pz, rel_tol=1e-8, abs_tol=1e-15), (chi[1], pz)
    # Yates (scipy): |O - E| reduced by min(0.5, |O - E|) in every cell
    obs = np.asarray(table, dtype=float)
    e = np.asarray(chi[3])
    adj = np.maximum(np.abs(obs - e) - 0.5, 0.0)
    yates = float(np.sum(adj**2 / e))
    assert math.isclose(chiy[0], yates, rel_tol=1e-12, abs_tol=1e-300), (chiy[0], yates)

    h = proportion_effectsize(pb, pa)
    pw = NormalIndPower().power(effect_size=h, nobs1=nb, ratio=na / nb, alpha=ALPHA)

    out = OD()
    out["provenance"] = provenance(PROPORTION_CALLS)
    out["case"] = case["name"]
    out["kind"] = "proportions"
    out["description"] = case["description"]
    out["source"] = source
    out["conventions"] = CONVENTIONS
    out["alpha"] = ALPHA
    if "conversion" in extra:
        out["conversion"] = extra["conversion"]
        out["threshold"] = extra["threshold"]
    out["xA"] = xa
    out["nA"] = na
    out["xB"] = xb
    out["nB"] = nb
    out["pA"] = num(pa)
    out["pB"] = num(pb)
    out["diff"] = num(diff)
    out["relativeLift"] = num(diff / pa)
    out["zTest"] = OD(z=num(z), p=num(pz), pooledP=num(pooled))
    out["diffCI"] = OD(method="wald", ciLow=num(w_low), ciHigh=num(w_high))
    out["diffCINewcombe"] = OD(method="newcomb", ciLow=num(n_low), ciHigh=num(n_high))
    out["chiSquare"] = OD(statistic=num(chi[0]), p=num(chi[1]), dof=int(chi[2]),
                          expected=[nums(r) for r in chi[3]])
    out["chiSquareYates"] = OD(statistic=num(chiy[0]), p=num(chiy[1]), dof=int(chiy[2]))
    out["table"] = OD(rows=["B", "A"], cols=["converted", "not converted"], counts=table)
    out["power"] = OD(alpha=ALPHA, cohensH=num(h), power=num(pw))
    if "a" in extra:
        out["a"] = extra["a"]
        out["b"] = extra["b"]
    path = write(case["name"], out)
    print(
        "%-38s A=%d/%d B=%d/%d diff=%.6g z=%.6g p=%.6g | chi2=%.6g Yates=%.6g p=%.6g | "
        "power=%.4f -> %s"
        % (case["name"], xa, na, xb, nb, diff, z, pz, chi[0], chiy[0], chiy[1], pw, path)
    )


# --- contingency -----------------------------------------------------------

CONTINGENCY_CALLS = OD(
    [
        ("table", "pandas.crosstab(trimmed rows, trimmed cols), levels in sorted (byte) order"),
        (
            "statistic, p, dof, expected",
            "scipy.stats.chi2_contingency(table, correction=False)",
        ),
    ]
)


def run_contingency(case):
    path = os.path.join(SEEDS, case["file"])
    df = pd.read_csv(path)
    n0 = len(df)
    df = df[[case["rows"], case["cols"]]].dropna(how="any")
    dropped = n0 - len(df)
    r = df[case["rows"]].astype(str).str.strip()
    c = df[case["cols"]].astype(str).str.strip()
    row_levels = sorted(r.unique())
    col_levels = sorted(c.unique())
    ct = pd.crosstab(r, c).reindex(index=row_levels, columns=col_levels, fill_value=0)
    table = ct.to_numpy(dtype=int)
    chi = stats.chi2_contingency(table, correction=False)
    tot = table.sum()
    e = np.outer(table.sum(axis=1), table.sum(axis=0)) / tot
    assert np.allclose(e, chi[3], rtol=1e-14, atol=0)
    stat = float(np.sum((table - e) ** 2 / e))
    assert math.isclose(stat, chi[0], rel_tol=1e-12)
    assert chi[2] == (len(row_levels) - 1) * (len(col_levels) - 1)

    out = OD()
    out["provenance"] = provenance(CONTINGENCY_CALLS)
    out["case"] = case["name"]
    out["kind"] = "contingency"
    out["description"] = case["description"]
    out["source"] = OD(file="seeds/" + case["file"], rows=case["rows"] + " (trimmed)",
                       cols=case["cols"] + " (trimmed)", rowsDropped=int(dropped))
    out["conventions"] = [
        "Rows and columns in sorted (byte) order of the trimmed labels.",
        "Pearson chi-square test of independence, no continuity correction.",
    ]
    out["rowLevels"] = row_levels
    out["colLevels"] = col_levels
    out["table"] = [[int(v) for v in row] for row in table]
    out["total"] = int(tot)
    out["statistic"] = num(chi[0])
    out["p"] = num(chi[1])
    out["dof"] = int(chi[2])
    out["expected"] = [nums(row) for row in chi[3]]
    p = write(case["name"], out)
    print("%-38s %dx%d N=%d chi2=%.6g dof=%d p=%.6g -> %s"
          % (case["name"], len(row_levels), len(col_levels), tot, chi[0], chi[2], chi[1], p))


# --- sample size -----------------------------------------------------------

SAMPLE_SIZE_CALLS = OD(
    [
        ("proportions.cohensH", "statsmodels.stats.proportion.proportion_effectsize(p1 + mde, p1)"),
        (
            "proportions.nobsPerArm",
            "statsmodels.stats.power.NormalIndPower().solve_power(effect_size=cohensH, "
            "alpha=alpha, power=power, ratio=1, alternative='two-sided')",
        ),
        (
            "means.nobsPerArm",
            "statsmodels.stats.power.TTestIndPower().solve_power(effect_size=d, alpha=alpha, "
            "power=power, ratio=1) (two-sided)",
        ),
        ("nobsPerArmCeil", "math.ceil(nobsPerArm)"),
        (
            "powerAtSolution",
            "the same class's .power(effect_size, nobs1=nobsPerArm, ratio=1, alpha=alpha): "
            "how closely solve_power hit the target",
        ),
        (
            "nobsPerArmRoot",
            "computed: scipy.optimize.brentq(lambda n: <class>.power(effect_size, nobs1=n, "
            "ratio=1, alpha=alpha) - power, 3, 1e7, xtol=1e-13, rtol=4*eps), the root "
            "solve_power approximates",
        ),
    ]
)


def solve_n(analysis, es, power):
    """statsmodels' solve_power for nobs1 (equal arms), the power at its answer, and a tight
    root of the same power function (scipy.optimize.brentq) to show solve_power's accuracy.
    solve_power's bracket search evaluates the noncentral t at df = 2, where scipy's boost
    nct warns "invalid value"; that evaluation is discarded and such warnings are allowed
    here, any other warning is an error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        n = analysis.solve_power(effect_size=es, alpha=ALPHA, power=power, ratio=1,
                                 alternative="two-sided")
    for w in caught:
        if not (issubclass(w.category, RuntimeWarning)
                and "invalid value encountered in _nct" in str(w.message)):
            raise RuntimeError("solve_power warned: %s" % w.message)
    n = float(np.squeeze(n))

    def f(x):
        return analysis.power(effect_size=es, nobs1=x, ratio=1, alpha=ALPHA) - power

    root = optimize.brentq(f, 3.0, 1e7, xtol=1e-13, rtol=4 * np.finfo(float).eps, maxiter=500)
    achieved = f(n) + power
    assert abs(achieved - power) < 1e-8, (es, power, achieved)
    assert abs(n - root) < 1e-6 * root, (n, root)
    assert abs(root - round(root)) > 1e-3, "unrounded n too close to an integer"
    assert math.ceil(n) == math.ceil(root)
    return n, root, achieved


def run_sample_size():
    cases = []
    for p1 in (0.05, 0.2):
        for mde in (0.01, 0.02):
            power = 0.8
            h = proportion_effectsize(p1 + mde, p1)
            n, root, achieved = solve_n(NormalIndPower(), h, power)
            cases.append(OD(name="prop_p1_%r_mde_%r" % (p1, mde), kind="proportions",
                            method="Cohen's h (arcsine), normal approximation",
                            p1=p1, mde=mde, p2=num(p1 + mde), alpha=ALPHA, power=power,
                            ratio=1, alternative="two-sided", cohensH=num(h),
                            nobsPerArm=num(n), nobsPerArmCeil=int(math.ceil(n)),
                            powerAtSolution=num(achieved), nobsPerArmRoot=num(root)))
    for d in (0.2, 0.5):
        for power in (0.8, 0.9):
            n, root, achieved = solve_n(TTestIndPower(), d, power)
            cases.append(OD(name="means_d_%r_power_%r" % (d, power), kind="means",
                            method="two-sample t (noncentral t, df = 2n - 2)",
                            d=d, alpha=ALPHA, power=power, ratio=1, alternative="two-sided",
                            nobsPerArm=num(n), nobsPerArmCeil=int(math.ceil(n)),
                            powerAtSolution=num(achieved), nobsPerArmRoot=num(root)))
    out = OD()
    out["provenance"] = provenance(SAMPLE_SIZE_CALLS)
    out["case"] = SAMPLE_SIZE
    out["kind"] = "sampleSize"
    out["conventions"] = [
        "Equal arms (ratio = 1); nobsPerArm is the size of EACH arm.",
        "Proportions: p2 = p1 + mde (absolute minimum detectable effect); effect size is "
        "Cohen's h = 2 asin(sqrt(p2)) - 2 asin(sqrt(p1)).",
        "Two-sided power counts both rejection tails.",
    ]
    out["cases"] = cases
    p = write(SAMPLE_SIZE, out)
    for c in cases:
        print("%-38s n/arm=%.10g ceil=%d -> %s" % (c["name"], c["nobsPerArm"],
                                                   c["nobsPerArmCeil"], p))


# --- main ------------------------------------------------------------------


def main():
    runners = OD()
    for c in NUMERIC_CASES:
        runners[c["name"]] = (run_numeric, c)
    for c in PROPORTION_CASES:
        runners[c["name"]] = (run_proportion, c)
    for c in CONTINGENCY_CASES:
        runners[c["name"]] = (run_contingency, c)
    runners[SAMPLE_SIZE] = (lambda _: run_sample_size(), None)
    only = sys.argv[1:]
    unknown = [n for n in only if n not in runners]
    if unknown:
        sys.exit("unknown case(s): %s; known: %s" % (", ".join(unknown), ", ".join(runners)))
    for name, (fn, c) in runners.items():
        if not only or name in only:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                fn(c)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Sanity report: statsmodels vs R on the OLS reference fixtures.

Run from the repository root, after ols_statsmodels.py and ols_r.R:

    /usr/bin/python3 scripts/reference/compare_ols.py [--markdown]

For each case present as both <case>.statsmodels.json and <case>.r.json in
test/fixtures/reference/ols, prints the worst relative difference
|a - b| / max(|a|, |b|) per group of quantities. Only reads the fixtures.
Exits non-zero if a core quantity (estimate, SE, R², F) differs by more than
1e-10 relative.
"""

import glob
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DIR = os.path.join(ROOT, "test", "fixtures", "reference", "ols")
CORE_TOL = 1e-10


def rel(a, b):
    if a is None or b is None:
        return 0.0 if a is None and b is None else float("inf")
    a, b = float(a), float(b)
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def worst(pairs):
    return max((rel(a, b) for a, b in pairs), default=0.0)


def compare(s, r):
    assert s["nobs"] == r["nobs"], (s["nobs"], r["nobs"])
    assert s["rowsDropped"] == r["rowsDropped"]
    sc = {c["term"]: c for c in s["coefficients"]}
    rc = {c["term"]: c for c in r["coefficients"]}
    assert [c["term"] for c in s["coefficients"]] == [c["term"] for c in r["coefficients"]]
    terms = list(sc)
    out = {}
    out["estimate"] = worst((sc[t]["estimate"], rc[t]["estimate"]) for t in terms)
    out["stdError"] = worst((sc[t]["stdError"], rc[t]["stdError"]) for t in terms)
    out["t"] = worst((sc[t]["t"], rc[t]["t"]) for t in terms)
    out["p"] = worst((sc[t]["p"], rc[t]["p"]) for t in terms)
    out["ci"] = worst(
        [(sc[t]["ciLow"], rc[t]["ciLow"]) for t in terms]
        + [(sc[t]["ciHigh"], rc[t]["ciHigh"]) for t in terms]
    )
    out["rSquared"] = rel(s["rSquared"], r["rSquared"])
    out["adjRSquared"] = rel(s["adjRSquared"], r["adjRSquared"])
    out["fStatistic"] = rel(s["fStatistic"], r["fStatistic"])
    out["fPValue"] = rel(s["fPValue"], r["fPValue"])
    out["sigma"] = rel(s["residualStdError"], r["residualStdError"])
    out["logLik"] = rel(s["logLikelihood"], r["logLikelihood"])
    # R's AIC/BIC count sigma as a parameter: aicR = aic + 2, bicR = bic + log(n)
    import math

    out["aic(+2)"] = rel(s["aic"] + 2, r["aicR"])
    out["bic(+log n)"] = rel(s["bic"] + math.log(s["nobs"]), r["bicR"])
    out["durbinWatson"] = rel(s["durbinWatson"], r["durbinWatson"])
    out["leverage"] = worst(zip(s["leverage"], r["leverage"]))
    out["cooks"] = worst(zip(s["cooksDistance"], r["cooksDistance"]))
    sa = {a["term"]: a for a in s.get("anova", [])}
    ra = {a["term"]: a for a in r["anova"]}
    if sa:
        assert [a["term"] for a in s["anova"]] == [a["term"] for a in r["anova"]]
        out["anova SS/F"] = worst(
            [(sa[k]["sumSq"], ra[k]["sumSq"]) for k in sa]
            + [(sa[k]["f"], ra[k]["f"]) for k in sa]
            + [(sa[k]["df"], ra[k]["df"]) for k in sa]
        )
        out["anova p"] = worst((sa[k]["p"], ra[k]["p"]) for k in sa)
    return out


def main():
    md = "--markdown" in sys.argv
    cases = sorted(
        os.path.basename(p)[: -len(".statsmodels.json")]
        for p in glob.glob(os.path.join(DIR, "*.statsmodels.json"))
    )
    results = {}
    for c in cases:
        rp = os.path.join(DIR, c + ".r.json")
        if not os.path.exists(rp):
            continue
        with open(os.path.join(DIR, c + ".statsmodels.json")) as fh:
            s = json.load(fh)
        with open(rp) as fh:
            r = json.load(fh)
        results[c] = (s, compare(s, r))
    keys = list(next(iter(results.values()))[1])
    core = ["estimate", "stdError", "rSquared", "fStatistic"]
    # Without an intercept but with a categorical coded in full, statsmodels sees the implicit
    # constant (centred R², F on k - 1 df) and R does not (uncentred): compare only the rest.
    implicit_constant = {"sales_noint_tv"}
    bad = False
    if md:
        print("| case | nobs | R² | F | DW | worst core (est/SE/R²/F) | " + " | ".join(keys) + " |")
        print("|---|---:|---:|---:|---:|---:|" + "---:|" * len(keys))
    for c, (s, o) in results.items():
        wc = max(o[k] for k in core if not (c in implicit_constant and k in ("rSquared", "fStatistic")))
        bad |= wc > CORE_TOL
        if md:
            print(
                "| %s | %d | %.6f | %.6g | %.6f | %.1e | " % (
                    c, s["nobs"], s["rSquared"], s["fStatistic"], s["durbinWatson"], wc)
                + " | ".join("%.1e" % o[k] for k in keys)
                + " |"
            )
        else:
            print("%s  (nobs %d)  worst core %.2e" % (c, s["nobs"], wc))
            for k in keys:
                print("    %-14s %.2e" % (k, o[k]))
    if bad:
        print("FAIL: a core quantity differs by more than %g" % CORE_TOL)
        sys.exit(1)


if __name__ == "__main__":
    main()

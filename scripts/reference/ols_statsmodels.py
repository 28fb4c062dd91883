#!/usr/bin/python3
"""Reference OLS outputs from statsmodels for the seed data sets.

Run from the repository root:

    /usr/bin/python3 scripts/reference/ols_statsmodels.py

Writes test/fixtures/reference/ols/<case>.statsmodels.json for every case in
CASES. Uses only pandas / patsy / statsmodels (Debian packages) and the CSV
files in test/fixtures/seeds (and, for a file named "samples/<name>", in
assets/samples); nothing here comes from the project's own code.
See scripts/reference/README.md for the field definitions and conventions.
"""

import collections
import json
import math
import os
import platform
import sys

import numpy as np
import pandas as pd
import patsy
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.diagnostic import het_breuschpagan
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.stats.stattools import durbin_watson, jarque_bera, omni_normtest

SCRIPT = "scripts/reference/ols_statsmodels.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEEDS = os.path.join(ROOT, "test", "fixtures", "seeds")
SAMPLES = os.path.join(ROOT, "assets", "samples")
OUT = os.path.join(ROOT, "test", "fixtures", "reference", "ols")

CAMPAIGN_X = [
    "Campaign (Email)",
    "Campaign (Flyer)",
    "Campaign (Phone)",
    "Sales Contact 1",
    "Sales Contact 2",
    "Sales Contact 3",
    "Sales Contact 4",
    "Sales Contact 5",
]

# case, file, y, x (in OUR order), categorical columns, intercept
CASES = [
    ("sales_tv_radio", "marketing_sales_data.csv", "Sales", ["TV", "Radio"], ["TV"], True),
    ("sales342_tv_radio", "marketing_sales_data_342.csv", "Sales", ["TV", "Radio"], ["TV"], True),
    (
        "sales_all",
        "marketing_sales_data.csv",
        "Sales",
        ["TV", "Radio", "Social Media", "Influencer"],
        ["TV", "Influencer"],
        True,
    ),
    ("campaign", "Campaign-Data.csv", "Amount Collected", CAMPAIGN_X, [], True),
    ("mix", "marketing_mix.csv", "Sales", ["TikTok", "Facebook", "Google Ads"], [], True),
    ("mix_noint", "marketing_mix.csv", "Sales", ["TikTok", "Facebook", "Google Ads"], [], False),
    # no intercept, TV coded in full: the design spans the constant (statsmodels' k_constant = 1)
    ("sales_noint_tv", "marketing_sales_data.csv", "Sales", ["TV", "Radio"], ["TV"], False),
    (
        "hss",
        "Dummy Data HSS.csv",
        "Sales",
        ["TV", "Radio", "Social Media", "Influencer"],
        ["Influencer"],
        True,
    ),
    (
        "robyn_media",
        "samples/robyn_dt_simulated_weekly.csv",
        "revenue",
        ["tv_S", "ooh_S", "print_S", "facebook_S", "search_S"],
        [],
        True,
    ),
]


def num(v):
    """Full-precision float for JSON (repr round-trips); non-finite -> None."""
    v = float(v)
    return v if math.isfinite(v) else None


def nums(a):
    return [num(v) for v in np.asarray(a, dtype=float).ravel()]


def patsy_factor(col, categorical):
    q = 'Q("%s")' % col
    return "C(%s)" % q if categorical else q


def our_names(design_info, x, categorical):
    """Map patsy column names -> our names, and return our column order."""
    mapping = {}
    order = []
    if "Intercept" in design_info.column_names:
        mapping["Intercept"] = "Intercept"
        order.append("Intercept")
    for col in x:
        f = patsy_factor(col, col in categorical)
        if col in categorical:
            # patsy's coded levels, in its (sorted) level order: "[T.Low]" under treatment
            # coding, "[Low]" when a model without intercept codes the factor in full
            for c in design_info.column_names:
                for prefix in (f + "[T.", f + "["):
                    if c.startswith(prefix):
                        ours = "%s[%s]" % (col, c[len(prefix) : -1])
                        mapping[c] = ours
                        order.append(ours)
                        break
        else:
            mapping[f] = col
            order.append(col)
    assert sorted(mapping) == sorted(design_info.column_names), (mapping, design_info.column_names)
    return mapping, order


def source(fname):
    """(path, name written as "file"): a seed file by its bare name, a sample file of the
    add-in (assets/samples) as "samples/<name>"."""
    if fname.startswith("samples/"):
        return os.path.join(SAMPLES, fname[len("samples/") :]), fname
    return os.path.join(SEEDS, fname), "seeds/" + fname


def load(case):
    name, fname, y, x, cat, intercept = case
    df = pd.read_csv(source(fname)[0])
    used = [y] + x
    n0 = len(df)
    df = df[used].dropna(how="any").reset_index(drop=True)
    for c in cat:
        df[c] = df[c].astype(str).str.strip()
    for c in used:
        if c not in cat:
            assert pd.api.types.is_numeric_dtype(df[c]), (fname, c, df[c].dtype)
    return df, n0 - len(df)


def formula_for(y, x, cat, intercept):
    rhs = " + ".join(patsy_factor(c, c in cat) for c in x)
    if not intercept:
        rhs = "0 + " + rhs
    return 'Q("%s") ~ %s' % (y, rhs)


def coef_table(res, mapping, order, with_vif=None, use_ci=True):
    by_ours = {mapping[k]: k for k in res.params.index}
    ci = res.conf_int()
    out = []
    for t in order:
        k = by_ours[t]
        row = collections.OrderedDict(term=t)
        if with_vif is not None:
            row["estimate"] = num(res.params[k])
        row["stdError"] = num(res.bse[k])
        row["t"] = num(res.tvalues[k])
        row["p"] = num(res.pvalues[k])
        row["ciLow"] = num(ci.loc[k, 0])
        row["ciHigh"] = num(ci.loc[k, 1])
        if with_vif is not None:
            row["vif"] = num(with_vif[k])
        out.append(row)
    return out


def sequential_anova(res, mapping, x, cat, y):
    """Type I ANOVA from statsmodels' anova_lm(typ=1), with the terms in the
    case's order. patsy always puts categorical-only terms before numeric ones,
    so rebuild the DesignInfo with the terms (and their columns) in our order
    and hand it to OLS together with the permuted design matrix."""
    di = res.model.data.design_info
    by_name = {t.name(): t for t in di.terms}
    terms = []
    if "Intercept" in by_name:
        terms.append(by_name["Intercept"])
    for c in x:
        terms.append(by_name[patsy_factor(c, c in cat)])
    assert len(terms) == len(di.terms)
    cols = []
    for t in terms:
        s = di.slice(t)
        cols.extend(range(s.start, s.stop))
    names = [di.column_names[i] for i in cols]
    new_di = patsy.DesignInfo(
        names,
        factor_infos=di.factor_infos,
        term_codings=collections.OrderedDict((t, di.term_codings[t]) for t in terms),
    )
    exog = pd.DataFrame(res.model.exog[:, cols], columns=names)
    endog = pd.Series(res.model.endog, name=y)
    r2 = sm.OLS(endog, exog, design_info=new_di).fit()
    # cross-check: same fit, columns permuted
    assert np.allclose(r2.params.values, res.params[names].values, rtol=1e-9, atol=0)
    tab = anova_lm(r2, typ=1)
    assert list(tab.index[:-1]) == [t.name() for t in terms if t.name() != "Intercept"]
    rows = []
    for c, (idx, r) in zip(x + ["Residual"], tab.iterrows()):
        rows.append(
            collections.OrderedDict(
                term=c,
                df=num(r["df"]),
                sumSq=num(r["sum_sq"]),
                meanSq=num(r["mean_sq"]),
                f=num(r["F"]),
                p=num(r["PR(>F)"]),
            )
        )
    return rows


def run(case):
    name, fname, y, x, cat, intercept = case
    df, dropped = load(case)
    formula = formula_for(y, x, cat, intercept)
    model = smf.ols(formula, data=df, missing="raise")
    res = model.fit()
    mapping, order = our_names(model.data.design_info, x, cat)

    exog = model.exog
    resid = np.asarray(res.resid)
    jb, jbp, skew, kurt = jarque_bera(resid)
    omni, omnip = omni_normtest(resid)
    bp_lm, bp_p, _, _ = het_breuschpagan(resid, exog)
    vif = {c: variance_inflation_factor(exog, i) for i, c in enumerate(model.exog_names)}
    infl = res.get_influence()

    robust = collections.OrderedDict()
    for ct in ("HC1", "HC3"):
        rr = model.fit(cov_type=ct)
        fval = rr.fvalue  # must be read before f_pvalue for robust fits
        fp = rr.f_pvalue
        robust[ct] = collections.OrderedDict(
            useT=bool(rr.use_t),
            coefficients=coef_table(rr, mapping, order),
            fStatistic=num(fval),
            fPValue=num(fp),
        )

    ci90 = res.conf_int(alpha=0.10)
    by_ours = {mapping[k]: k for k in res.params.index}

    fval = res.fvalue
    out = collections.OrderedDict()
    out["provenance"] = collections.OrderedDict(
        software="statsmodels %s" % statsmodels.__version__,
        python=platform.python_version(),
        pandas=pd.__version__,
        patsy=patsy.__version__,
        numpy=np.__version__,
        script=SCRIPT,
        formula=formula,
    )
    out["case"] = name
    out["file"] = source(fname)[1]
    out["y"] = y
    out["x"] = list(x)
    out["categorical"] = list(cat)
    out["intercept"] = intercept
    out["nobs"] = int(res.nobs)
    out["rowsDropped"] = int(dropped)
    out["dfModel"] = num(res.df_model)
    out["dfResidual"] = num(res.df_resid)
    out["rSquared"] = num(res.rsquared)
    out["adjRSquared"] = num(res.rsquared_adj)
    out["fStatistic"] = num(fval)
    out["fPValue"] = num(res.f_pvalue)
    out["logLikelihood"] = num(res.llf)
    out["aic"] = num(res.aic)
    out["bic"] = num(res.bic)
    out["durbinWatson"] = num(durbin_watson(resid))
    out["jarqueBera"] = num(jb)
    out["jarqueBeraP"] = num(jbp)
    out["omnibus"] = num(omni)
    out["omnibusP"] = num(omnip)
    out["skew"] = num(skew)
    out["kurtosis"] = num(kurt)
    out["conditionNumber"] = num(res.condition_number)
    out["breuschPagan"] = num(bp_lm)
    out["breuschPaganP"] = num(bp_p)
    out["residualStdError"] = num(math.sqrt(res.scale))
    out["coefficients"] = coef_table(res, mapping, order, with_vif=vif)
    out["ci90"] = [
        collections.OrderedDict(
            term=t, ciLow=num(ci90.loc[by_ours[t], 0]), ciHigh=num(ci90.loc[by_ours[t], 1])
        )
        for t in order
    ]
    out["robust"] = robust
    out["anova"] = sequential_anova(res, mapping, x, cat, y)
    out["fitted"] = nums(res.fittedvalues)
    out["residuals"] = nums(resid)
    out["leverage"] = nums(infl.hat_matrix_diag)
    out["cooksDistance"] = nums(infl.cooks_distance[0])

    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".statsmodels.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, allow_nan=False)
        fh.write("\n")
    print(
        "%-18s nobs=%5d dropped=%2d R2=%.6f F=%.6g DW=%.6f -> %s"
        % (name, out["nobs"], dropped, out["rSquared"], out["fStatistic"], out["durbinWatson"],
           os.path.relpath(path, ROOT))
    )


def main():
    only = set(sys.argv[1:])
    for case in CASES:
        if not only or case[0] in only:
            run(case)


if __name__ == "__main__":
    main()

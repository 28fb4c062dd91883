"""The analytic 95 % intervals a Monte Carlo of an OLS plan must reproduce, for spend plans on two
seed datasets, from statsmodels:
- the prediction interval: OLS(...).fit().get_prediction(plan).summary_frame(alpha=0.05)
  (mean, obs_ci_lower, obs_ci_upper);
- each coefficient's confidence interval, conf_int(0.05): with spend fixed, a channel's ROI is its
  coefficient and its incremental sales the coefficient times the spend;
- the difference in expected sales of each plan from the first, t_test(x_plan - x_first)
  .conf_int(0.05) and its effect;
and numpy.histogram(Sales, bins=40) of the data (edges and counts).
Writes test/fixtures/reference/simulate/<case>.json.
Run with Debian's /usr/bin/python3 (statsmodels 0.13.5, pandas 1.5)."""
import json
import os

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "..", "test", "fixtures", "seeds")
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "reference", "simulate")

CASES = {
    "marketing_mix": ("marketing_mix.csv", "Sales", ["TikTok", "Facebook", "Google Ads"],
                      [[20000.0, 10000.0, 5000.0], [0.0, 30000.0, 15000.0], [5000.0, 5000.0, 5000.0]]),
    "marketing_sales": ("marketing_sales_data.csv", "Sales", ["Radio", "Social Media"],
                        [[20.0, 3.0], [5.0, 1.0], [40.0, 8.0], [90.0, 25.0]]),
}

for name, (file, y, xs, plans) in CASES.items():
    df = pd.read_csv(os.path.join(SEEDS, file))[[y] + xs].dropna()
    model = sm.OLS(df[y], sm.add_constant(df[xs])).fit()
    plan = sm.add_constant(pd.DataFrame(plans, columns=xs), has_constant="add")
    frame = model.get_prediction(plan).summary_frame(alpha=0.05)
    out = {
        "source": f"statsmodels {statsmodels.__version__}: OLS(y, add_constant(X)).fit()"
                  ".get_prediction(plan).summary_frame(alpha=0.05); scripts/reference/simulate_statsmodels.py",
        "file": file, "y": y, "x": xs, "nobs": int(model.nobs), "plans": plans,
        "mean": frame["mean"].tolist(),
        "obsLower": frame["obs_ci_lower"].tolist(),
        "obsUpper": frame["obs_ci_upper"].tolist(),
        "coefficients": {name: [model.params[name], *model.conf_int(0.05).loc[name].tolist()]
                         for name in xs},
        "differences": [],
        # Historical contributions: params * exog.sum(0) with conf_int scaled alike, and the
        # fitted total (=MMM.OLS output "contrib").
        "contributions": {
            "terms": ["Intercept" if t == "const" else t for t in model.params.index],
            "contribution": (model.params * model.model.exog.sum(0)).tolist(),
            "lower": (model.conf_int(0.05)[0] * model.model.exog.sum(0)).tolist(),
            "upper": (model.conf_int(0.05)[1] * model.model.exog.sum(0)).tolist(),
            "fittedTotal": float(model.fittedvalues.sum()),
        },
        "histogram": {"bins": 40},
    }
    for row in plan.values[1:]:
        test = model.t_test((row - plan.values[0]).reshape(1, -1))
        out["differences"].append([float(test.effect[0]), *test.conf_int(0.05)[0].tolist()])
    counts, edges = np.histogram(df[y].to_numpy(), bins=40)
    out["histogram"].update(values=df[y].tolist(), edges=edges.tolist(), counts=counts.tolist())
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(out, f, indent=1)
    print(name, frame[["mean", "obs_ci_lower", "obs_ci_upper"]].round(3).values.tolist())

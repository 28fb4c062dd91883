"""The Python peer of `mmm ols` for npm run bench: read the CSV with pandas, fit OLS, build the
summary (which computes Durbin-Watson, Jarque-Bera, omnibus, condition number) and Breusch-Pagan."""
import sys
import pandas as pd
import statsmodels.api as sm
from statsmodels.stats.diagnostic import het_breuschpagan

path, y, xs = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
frame = pd.read_csv(path)
exog = sm.add_constant(frame[xs])
fit = sm.OLS(frame[y], exog).fit()
fit.summary()
het_breuschpagan(fit.resid, exog)
print(fit.rsquared)

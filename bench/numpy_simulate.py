"""The peer of `npm run bench`'s Monte Carlo figure: numpy's vectorised equivalent of simulating one
plan from a fitted regression (sigma^2 from a scaled inverse chi-square, beta | sigma normal around
the estimate, then the noise) and the same summaries as ours (mean, SD, nine percentiles) of the
sales, of each channel's incremental sales (beta_j * spend_j) and of its ROI (beta_j), timed inside
Python with the fit done beforehand, best of 5. Arguments: CSV (y first, then the inputs), iterations.
Prints seconds."""
import sys, time
import numpy as np

data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
iterations = int(sys.argv[2])
y, X = data[:, 0], np.column_stack([np.ones(len(data)), data[:, 1:]])
b, *_ = np.linalg.lstsq(X, y, rcond=None)
nu = len(y) - X.shape[1]
s2 = ((y - X @ b) ** 2).sum() / nu
L = np.linalg.cholesky(np.linalg.inv(X.T @ X))
plan = np.concatenate([[1.0], X[:, 1:].mean(axis=0)])
rng = np.random.default_rng(0)
best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    sigma = np.sqrt(nu * s2 / rng.chisquare(nu, iterations))
    beta = b + sigma[:, None] * (rng.standard_normal((iterations, len(b))) @ L.T)
    draws = beta @ plan + sigma * rng.standard_normal(iterations)
    quantities = np.column_stack([draws, beta[:, 1:] * plan[1:], beta[:, 1:]])
    summary = (quantities.mean(axis=0), quantities.std(axis=0, ddof=1),
               np.percentile(quantities, [2.5, 5, 10, 25, 50, 75, 90, 95, 97.5], axis=0))
    best = min(best, time.perf_counter() - start)
print(f"{best:.4f}")

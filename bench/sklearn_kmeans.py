"""The peer of `npm run bench`'s k-means figure: scikit-learn's KMeans(n_init=10) on the same
standardised data, timed inside Python (data already loaded), best of 3: with its default
tol=1e-4, and with tol=0 (until the labels stop changing, as ours). Prints, per setting,
seconds and inertia."""
import sys, time
import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

X = StandardScaler().fit_transform(np.loadtxt(sys.argv[1], delimiter=",", skiprows=1))
k = int(sys.argv[2])
figures = []
for tol in (1e-4, 0.0):
    best, inertia = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        model = KMeans(n_clusters=k, n_init=10, random_state=0, tol=tol).fit(X)
        best = min(best, time.perf_counter() - start)
        inertia = model.inertia_
    figures.append(f"{best:.3f} {inertia:.6f}")
print(" ".join(figures))

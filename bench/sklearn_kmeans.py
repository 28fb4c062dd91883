"""The peer of `npm run bench`'s k-means figure: scikit-learn's KMeans(n_init=10) on the same
standardised data, timed inside Python (data already loaded), best of 3. Prints seconds and inertia."""
import sys, time
import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

X = StandardScaler().fit_transform(np.loadtxt(sys.argv[1], delimiter=",", skiprows=1))
k = int(sys.argv[2])
best, inertia = float("inf"), None
for _ in range(3):
    start = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    best = min(best, time.perf_counter() - start)
    inertia = model.inertia_
print(f"{best:.3f} {inertia:.6f}")

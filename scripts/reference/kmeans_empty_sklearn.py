"""scikit-learn's Lloyd when a cluster empties: from given centres, some far from every point, so
that a cluster has no point after an assignment and scikit-learn relocates its centre to the point
farthest from its own centre (_relocate_empty_clusters_dense). Writes
test/fixtures/reference/kmeans/empty_clusters.json: per case the data, the initial centres, and
the labels, iterations, inertia and centres of KMeans(init=centres, n_init=1, algorithm="lloyd",
tol=0). Run with Debian's /usr/bin/python3 (scikit-learn 1.2)."""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "reference", "kmeans", "empty_clusters.json")


def case(name, X, init):
    km = KMeans(n_clusters=len(init), init=np.array(init, dtype=float), n_init=1,
                algorithm="lloyd", max_iter=300, tol=0).fit(X)
    return {
        "name": name,
        "data": X.tolist(),
        "initialCentres": [list(map(float, c)) for c in init],
        "labels": km.labels_.tolist(),
        "nIter": int(km.n_iter_),
        "inertia": float(km.inertia_),
        "centres": km.cluster_centers_.tolist(),
    }


rng = np.random.default_rng(7)
blobs = np.vstack([rng.normal(c, 0.6, size=(20, 2)) for c in ([0, 0], [5, 0], [0, 5])]).round(6)
cases = [
    # The third centre is far from every point: empty after the first assignment.
    case("one far centre", blobs, [blobs[0], blobs[25], [100.0, 100.0]]),
    # Two far centres: the farthest point goes to the lower-numbered empty cluster.
    case("two far centres", blobs, [blobs[0], [-80.0, 90.0], [100.0, 100.0], blobs[45]]),
    # Two centres start on the same point: the later one is empty (ties go to the first).
    case("duplicate centres", blobs, [blobs[3], blobs[3], blobs[30]]),
]
with open(OUT, "w") as f:
    json.dump({"source": f"scikit-learn {sklearn.__version__}, scripts/reference/kmeans_empty_sklearn.py",
               "cases": cases}, f, indent=1)
print(OUT)
for c in cases:
    print(c["name"], c["nIter"], c["inertia"], np.bincount(c["labels"]))

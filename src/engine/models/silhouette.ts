/**
 * The silhouette of a clustering, exactly as scikit-learn's `silhouette_score` (Euclidean):
 * s(i) = (b − a) / max(a, b) with a the mean distance to the other points of its cluster and b
 * the smallest mean distance to another cluster; 0 for a point alone in its cluster. Every pair
 * is visited once and its distance added to both points' per-cluster sums.
 */
import { EngineError } from "../errors";
import type { Points } from "./kmeans";

export interface Silhouette {
  readonly mean: number;
  readonly perPoint: Float64Array;
  /** Mean silhouette of each cluster's points (NaN for an empty cluster). */
  readonly perCluster: number[];
}

export function silhouette(points: Points, labels: Int32Array, k: number): Silhouette {
  const { values, count, dimensions } = points;
  const sizes = new Float64Array(k);
  for (const label of labels) sizes[label]++;
  const used = sizes.filter((size) => size > 0).length;
  if (used < 2 || used > count - 1) {
    throw new EngineError(
      "degenerate",
      `The silhouette needs between 2 and ${count - 1} non-empty clusters; there are ${used}.`,
    );
  }
  const sums = new Float64Array(count * k);
  for (let i = 0; i < count; i++) {
    const rowI = i * dimensions;
    const labelI = labels[i];
    for (let j = i + 1; j < count; j++) {
      const rowJ = j * dimensions;
      let squared = 0;
      for (let d = 0; d < dimensions; d++) {
        const gap = values[rowI + d] - values[rowJ + d];
        squared += gap * gap;
      }
      const distance = Math.sqrt(squared);
      sums[i * k + labels[j]] += distance;
      sums[j * k + labelI] += distance;
    }
  }
  const perPoint = new Float64Array(count);
  const clusterSums = new Float64Array(k);
  for (let i = 0; i < count; i++) {
    const own = labels[i];
    if (sizes[own] > 1) {
      const a = sums[i * k + own] / (sizes[own] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) {
        if (c !== own && sizes[c] > 0) b = Math.min(b, sums[i * k + c] / sizes[c]);
      }
      const spread = Math.max(a, b);
      perPoint[i] = spread > 0 ? (b - a) / spread : 0;
    }
    clusterSums[own] += perPoint[i];
  }
  return {
    mean: perPoint.reduce((sum, s) => sum + s, 0) / count,
    perPoint,
    perCluster: Array.from(clusterSums, (sum, c) => (sizes[c] > 0 ? sum / sizes[c] : NaN)),
  };
}

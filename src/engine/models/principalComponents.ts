/**
 * The first principal components of points, for plotting clusters in two dimensions: the
 * eigenvectors of the covariance matrix (d × d, small) from ml-matrix's symmetric eigensolver,
 * largest eigenvalues first, signs fixed so that each vector's largest entry is positive (the
 * same picture every run).
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import type { Points } from "./kmeans";

export interface Projection {
  /** Row-major count × components scores. */
  readonly scores: Float64Array;
  readonly components: number;
  /** Share of the total variance each component explains. */
  readonly explained: number[];
}

export function principalComponents(points: Points, components = 2): Projection {
  const { values, count, dimensions } = points;
  const used = Math.min(components, dimensions);
  const mean = new Float64Array(dimensions);
  for (let i = 0; i < count; i++)
    for (let j = 0; j < dimensions; j++) mean[j] += values[i * dimensions + j] / count;
  const covariance = Matrix.zeros(dimensions, dimensions);
  for (let i = 0; i < count; i++)
    for (let a = 0; a < dimensions; a++)
      for (let b = a; b < dimensions; b++) {
        const product =
          (values[i * dimensions + a] - mean[a]) * (values[i * dimensions + b] - mean[b]);
        covariance.set(a, b, covariance.get(a, b) + product / Math.max(1, count - 1));
      }
  for (let a = 0; a < dimensions; a++)
    for (let b = 0; b < a; b++) covariance.set(a, b, covariance.get(b, a));
  const decomposition = new EigenvalueDecomposition(covariance, { assumeSymmetric: true });
  const eigenvalues = decomposition.realEigenvalues;
  const order = eigenvalues.map((_, i) => i).sort((x, y) => eigenvalues[y] - eigenvalues[x]);
  const vectors = order.slice(0, used).map((index) => {
    const vector = decomposition.eigenvectorMatrix.getColumn(index);
    const largest = vector.reduce((top, v) => (Math.abs(v) > Math.abs(top) ? v : top), 0);
    return largest < 0 ? vector.map((v) => -v) : vector;
  });
  const total = eigenvalues.reduce((s, v) => s + Math.max(0, v), 0);
  const scores = new Float64Array(count * used);
  for (let i = 0; i < count; i++)
    vectors.forEach((vector, c) => {
      let score = 0;
      for (let j = 0; j < dimensions; j++)
        score += (values[i * dimensions + j] - mean[j]) * vector[j];
      scores[i * used + c] = score;
    });
  return {
    scores,
    components: used,
    explained: order.slice(0, used).map((index) => Math.max(0, eigenvalues[index]) / total),
  };
}

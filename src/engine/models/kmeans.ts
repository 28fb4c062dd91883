/**
 * k-means on rows of numbers: greedy k-means++ seeding (scikit-learn's: 2 + ⌊ln k⌋ candidates per
 * centre, the one that lowers the potential most), Lloyd iterations until no label changes,
 * Hartigan's single-point moves from there, and several seeded restarts of which the lowest
 * inertia is kept. Data are row-major Float64Arrays;
 * a point goes to the nearest centre, the lowest-numbered one on a tie (numpy's argmin).
 */
import { EngineError } from "../errors";
import { Random } from "../stats/random";

export interface Points {
  /** Row-major: point i, coordinate j at values[i * dimensions + j]. */
  readonly values: Float64Array;
  readonly count: number;
  readonly dimensions: number;
}

export interface Clustering {
  readonly k: number;
  readonly labels: Int32Array;
  /** Row-major k × dimensions. */
  readonly centres: Float64Array;
  readonly sizes: number[];
  /** Σ squared distance of each point to its centre, computed from the final labels. */
  readonly inertia: number;
  readonly iterations: number;
}

export interface KMeansOptions {
  readonly k: number;
  readonly restarts?: number;
  readonly seed?: number;
  readonly maxIterations?: number;
}

export function kMeans(points: Points, options: KMeansOptions): Clustering {
  const { k } = options;
  const restarts = options.restarts ?? 10;
  if (!(Number.isInteger(k) && k >= 2)) {
    throw new EngineError("invalidOption", `k must be a whole number of at least 2; it is ${k}.`);
  }
  if (k >= points.count) {
    throw new EngineError(
      "tooFewRows",
      `k-means with k = ${k} needs more than ${k} rows; there are ${points.count}.`,
    );
  }
  const random = new Random(options.seed ?? 0);
  let best: Clustering | null = null;
  for (let restart = 0; restart < restarts; restart++) {
    const start = kMeansPlusPlus(points, k, random);
    const result = hartigan(points, lloyd(points, start, options.maxIterations ?? 300));
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return best!;
}

/**
 * Lloyd's algorithm from given centres until the labels stop changing (scikit-learn, tol = 0),
 * with Hamerly's bounds (2010): each point keeps an upper bound on the distance to its centre and
 * a lower bound on the distance to any other, moved by how far the centres move; only points whose
 * bounds overlap are measured again. Same assignments as plain Lloyd, a fraction of the distances.
 */
export function lloyd(
  points: Points,
  initialCentres: Float64Array,
  maxIterations = 300,
): Clustering {
  const { values, count, dimensions } = points;
  const k = initialCentres.length / dimensions;
  let centres: Float64Array = Float64Array.from(initialCentres);
  const labels = new Int32Array(count);
  const upper = new Float64Array(count);
  const lower = new Float64Array(count);
  const halfGap = new Float64Array(k);
  const distanceTo = (i: number, c: number) => {
    let total = 0;
    for (let j = 0; j < dimensions; j++) {
      const d = values[i * dimensions + j] - centres[c * dimensions + j];
      total += d * d;
    }
    return total;
  };
  /** Measures point i against every centre: nearest (first on a tie) and second nearest. */
  const measure = (i: number) => {
    let nearest = 0;
    let first = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const d = distanceTo(i, c);
      if (d < first) {
        second = first;
        first = d;
        nearest = c;
      } else if (d < second) second = d;
    }
    labels[i] = nearest;
    upper[i] = Math.sqrt(first);
    lower[i] = Math.sqrt(second);
  };
  for (let i = 0; i < count; i++) measure(i);
  let iterations = 1;
  let changed = true;
  while (changed && iterations < maxIterations) {
    const next = means(points, labels, k, centres);
    const moved = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      let total = 0;
      for (let j = 0; j < dimensions; j++)
        total += (next[c * dimensions + j] - centres[c * dimensions + j]) ** 2;
      moved[c] = Math.sqrt(total);
    }
    centres = next;
    let farthest = 0;
    for (let c = 1; c < k; c++) if (moved[c] > moved[farthest]) farthest = c;
    let secondFarthest = 0;
    for (let c = 0; c < k; c++)
      if (c !== farthest) secondFarthest = Math.max(secondFarthest, moved[c]);
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let o = 0; o < k; o++) {
        if (o === c) continue;
        let total = 0;
        for (let j = 0; j < dimensions; j++)
          total += (centres[c * dimensions + j] - centres[o * dimensions + j]) ** 2;
        nearest = Math.min(nearest, total);
      }
      halfGap[c] = Math.sqrt(nearest) / 2;
    }
    changed = false;
    iterations++;
    for (let i = 0; i < count; i++) {
      const own = labels[i];
      upper[i] += moved[own];
      lower[i] -= own === farthest ? secondFarthest : moved[farthest];
      // A hair of slack for rounding in the bounds: measure rather than trust a near tie.
      const bound = Math.max(halfGap[own], lower[i]) * (1 - 1e-12);
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(distanceTo(i, own));
      if (upper[i] <= bound) continue;
      measure(i);
      if (labels[i] !== own) changed = true;
    }
  }
  // The final centres are the means of the final labels (as scikit-learn's last update).
  centres = means(points, labels, k, centres);
  const sizes = Array.from({ length: k }, () => 0);
  for (const label of labels) sizes[label]++;
  return { k, labels, centres, sizes, inertia: inertiaOf(points, labels, centres), iterations };
}

/**
 * Hartigan's single-point moves after Lloyd: moving x from cluster A to B lowers the inertia by
 * n_A/(n_A − 1)·|x − c_A|² − n_B/(n_B + 1)·|x − c_B|², which can be positive at a Lloyd fixed
 * point. Moves are made while any improves (centres updated at once), reaching optima Lloyd's
 * restarts often miss (R's default k-means is Hartigan-Wong). On the reference cases it turns
 * scikit-learn-level restarts into ones that match its best of 100 starts.
 */
function hartigan(points: Points, start: Clustering, maxPasses = 100): Clustering {
  const { values, count, dimensions } = points;
  const { k } = start;
  const labels = Int32Array.from(start.labels);
  const centres = Float64Array.from(start.centres);
  const sizes = [...start.sizes];
  const squared = (i: number, c: number) => {
    let total = 0;
    for (let j = 0; j < dimensions; j++) {
      const d = values[i * dimensions + j] - centres[c * dimensions + j];
      total += d * d;
    }
    return total;
  };
  let moved = true;
  for (let pass = 0; pass < maxPasses && moved; pass++) {
    moved = false;
    for (let i = 0; i < count; i++) {
      const from = labels[i];
      if (sizes[from] <= 1) continue;
      const cost = (sizes[from] / (sizes[from] - 1)) * squared(i, from);
      let best = -1;
      // A move must lower the inertia by more than rounding could, or moves might cycle.
      let bestGain = 1e-12 * cost;
      for (let c = 0; c < k; c++) {
        if (c === from) continue;
        const gain = cost - (sizes[c] / (sizes[c] + 1)) * squared(i, c);
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      if (best < 0) continue;
      // Move i: update both centres incrementally.
      for (let j = 0; j < dimensions; j++) {
        const x = values[i * dimensions + j];
        centres[from * dimensions + j] += (centres[from * dimensions + j] - x) / (sizes[from] - 1);
        centres[best * dimensions + j] += (x - centres[best * dimensions + j]) / (sizes[best] + 1);
      }
      sizes[from]--;
      sizes[best]++;
      labels[i] = best;
      moved = true;
    }
  }
  if (!moved && labels.every((label, i) => label === start.labels[i])) return start;
  // Recompute the centres as exact means and the inertia from the final labels.
  const exact = means(points, labels, k, centres);
  return {
    k,
    labels,
    centres: exact,
    sizes,
    inertia: inertiaOf(points, labels, exact),
    iterations: start.iterations,
  };
}

/** The mean of each cluster's points; an empty cluster keeps its previous centre. */
function means(
  points: Points,
  labels: Int32Array,
  k: number,
  previous: Float64Array,
): Float64Array {
  const { values, count, dimensions } = points;
  const sums = new Float64Array(k * dimensions);
  const sizes = new Float64Array(k);
  for (let i = 0; i < count; i++) {
    const c = labels[i];
    sizes[c]++;
    for (let j = 0; j < dimensions; j++) sums[c * dimensions + j] += values[i * dimensions + j];
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < dimensions; j++) {
      sums[c * dimensions + j] =
        sizes[c] > 0 ? sums[c * dimensions + j] / sizes[c] : previous[c * dimensions + j];
    }
  }
  return sums;
}

export function inertiaOf(points: Points, labels: Int32Array, centres: Float64Array): number {
  const { values, count, dimensions } = points;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const centre = labels[i] * dimensions;
    for (let j = 0; j < dimensions; j++) {
      const d = values[i * dimensions + j] - centres[centre + j];
      total += d * d;
    }
  }
  return total;
}

/** Greedy k-means++: each new centre the best of 2 + ⌊ln k⌋ candidates drawn by D² weighting. */
function kMeansPlusPlus(points: Points, k: number, random: Random): Float64Array {
  const { values, count, dimensions } = points;
  const trials = 2 + Math.floor(Math.log(k));
  const centres = new Float64Array(k * dimensions);
  const first = random.integer(count);
  centres.set(values.subarray(first * dimensions, (first + 1) * dimensions), 0);
  const closest = distancesTo(points, first);
  let potential = closest.reduce((sum, d) => sum + d, 0);
  for (let c = 1; c < k; c++) {
    let bestCandidate = -1;
    let bestPotential = Infinity;
    let bestDistances: Float64Array | null = null;
    for (let t = 0; t < trials; t++) {
      const candidate =
        potential > 0 ? drawByWeight(closest, random.next() * potential) : random.integer(count);
      const distances = distancesTo(points, candidate);
      let candidatePotential = 0;
      for (let i = 0; i < count; i++) {
        distances[i] = Math.min(distances[i], closest[i]);
        candidatePotential += distances[i];
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        bestDistances = distances;
      }
    }
    centres.set(
      values.subarray(bestCandidate * dimensions, (bestCandidate + 1) * dimensions),
      c * dimensions,
    );
    closest.set(bestDistances!);
    potential = bestPotential;
  }
  return centres;
}

function distancesTo(points: Points, index: number): Float64Array {
  const { values, count, dimensions } = points;
  const distances = new Float64Array(count);
  const origin = index * dimensions;
  for (let i = 0; i < count; i++) {
    let distance = 0;
    for (let j = 0; j < dimensions; j++) {
      const d = values[i * dimensions + j] - values[origin + j];
      distance += d * d;
    }
    distances[i] = distance;
  }
  return distances;
}

/** The first index whose cumulative weight exceeds `target`. */
function drawByWeight(weights: Float64Array, target: number): number {
  let cumulative = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i];
    if (cumulative > target) return i;
  }
  return weights.length - 1;
}

/**
 * k-means on rows of numbers: greedy k-means++ seeding (scikit-learn's: 2 + ⌊ln k⌋ candidates per
 * centre, the one that lowers the potential most), Lloyd iterations until no label changes,
 * Hartigan's single-point moves from there, and several seeded restarts of which the lowest
 * inertia is kept. Data are row-major Float64Arrays;
 * a point goes to the nearest centre, the lowest-numbered one on a tie (numpy's argmin). The loops
 * over all points run in WebAssembly (../kernels/kmeans.wat) on a workspace in its memory.
 */
import { EngineError } from "../errors";
import { KMeansWorkspace } from "../kernels/kmeansKernel";
import { Random } from "../stats/random";

// Bound once: a global lookup in each call of a hot loop is slow where code runs in a sandbox
// (jest's vm contexts run these loops about 40 times slower otherwise).
const { sqrt, min, max } = Math;

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
  /** The restart that found it (0 for a single run from given centres). */
  readonly restart: number;
}

export interface KMeansOptions {
  readonly k: number;
  readonly restarts?: number;
  readonly seed?: number;
  readonly maxIterations?: number;
  /**
   * Run only restarts from..to − 1 of the `restarts` (default all of them): one thread's share.
   * Each restart has its own random stream, so `better` over the shares gives the same result.
   */
  readonly from?: number;
  readonly to?: number;
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
  const from = options.from ?? 0;
  const to = options.to ?? restarts;
  if (!(
    Number.isInteger(from) &&
    Number.isInteger(to) &&
    0 <= from &&
    from < to &&
    to <= restarts
  )) {
    throw new EngineError(
      "invalidOption",
      `Restarts ${from} to ${to} are not within 0 to ${restarts}.`,
    );
  }
  const space = workspace(points, k);
  let best: Clustering | null = null;
  for (let restart = from; restart < to; restart++) {
    kMeansPlusPlus(space, Random.stream(options.seed ?? 0, restart));
    const result = hartigan(space, lloydWithBounds(space, options.maxIterations ?? 300), restart);
    best = best === null ? result : better(best, result);
  }
  return best!;
}

/** The clustering with the lower inertia; on a tie, the one from the earlier restart. */
export function better(a: Clustering, b: Clustering): Clustering {
  if (a.inertia !== b.inertia) return a.inertia < b.inertia ? a : b;
  return a.restart <= b.restart ? a : b;
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
  const k = initialCentres.length / points.dimensions;
  const space = workspace(points, k);
  space.centres.set(initialCentres);
  space.assign();
  return finish(space, lloydWithBounds(space, maxIterations), 0);
}

function workspace(points: Points, k: number): KMeansWorkspace {
  return new KMeansWorkspace(points.values, points.count, points.dimensions, k);
}

/**
 * Lloyd from the workspace's centres, labels and first bounds (the distances to the nearest and
 * second-nearest centres in upper and lower), in place: afterwards the bounds (upper on each
 * point's distance to its centre, lower on that to any other) hold for the workspace's centres.
 * Returns the number of iterations.
 */
function lloydWithBounds(space: KMeansWorkspace, maxIterations: number): number {
  const { values, count, dimensions, k, centres, labels, upper, lower } = space;
  const { sums, sizes, moved, drop, halfGap } = space;
  const points: Points = { values, count, dimensions };
  // Running sums of each cluster's points, updated as points change cluster.
  space.sumClusters(sums, sizes);
  let iterations = 1;
  let changed = true;
  while (changed && iterations < maxIterations) {
    const relocated = relocateEmpty(points, centres, labels, sums, sizes, upper, lower);
    const { farthest, secondFarthest } = recentre(centres, sums, sizes, moved, dimensions);
    halfGaps(centres, k, dimensions, halfGap);
    for (let c = 0; c < k; c++) drop[c] = c === farthest ? secondFarthest : moved[farthest];
    iterations++;
    // Bounds moved, overlapping points measured again, sums kept (the kernel's `reassign`).
    changed = space.reassign() || relocated;
  }
  if (changed) {
    // Stopped by maxIterations: the centres are one update behind the labels.
    const { farthest, secondFarthest } = recentre(centres, sums, sizes, moved, dimensions);
    for (let i = 0; i < count; i++) {
      upper[i] += moved[labels[i]];
      lower[i] -= labels[i] === farthest ? secondFarthest : moved[farthest];
    }
  }
  return iterations;
}

/**
 * scikit-learn's rule for a cluster left without points: the point farthest from its centre
 * (the centres of the last assignment) becomes the empty cluster's only point, the farthest for
 * the lowest-numbered empty cluster, the next for the next. Its bounds are reset so that the next
 * pass measures it. Returns whether any cluster was empty and could be refilled.
 */
function relocateEmpty(
  points: Points,
  centres: Float64Array,
  labels: Int32Array,
  sums: Float64Array,
  sizes: Float64Array,
  upper: Float64Array,
  lower: Float64Array,
): boolean {
  const empty = Array.from(sizes.keys()).filter((c) => sizes[c] === 0);
  if (empty.length === 0) return false;
  const { values, count, dimensions } = points;
  const distances = Float64Array.from({ length: count }, (_, i) =>
    squaredDistance(values, i * dimensions, centres, labels[i] * dimensions, dimensions),
  );
  // The farthest points, one per empty cluster (ties: the earlier row), by repeated scans.
  const farthest: number[] = [];
  for (let n = 0; n < empty.length; n++) {
    let best = -1;
    for (let i = 0; i < count; i++) {
      if ((best < 0 || distances[i] > distances[best]) && !farthest.includes(i)) best = i;
    }
    farthest.push(best);
  }
  // All points on their centres (fewer distinct points than clusters): nothing to move.
  if (distances[farthest[0]] === 0) return false;
  empty.forEach((c, n) => {
    const i = farthest[n];
    sums.fill(0, c * dimensions, (c + 1) * dimensions); // what rounding left of former points
    move(values, i, labels[i], c, dimensions, sums, sizes);
    labels[i] = c;
    upper[i] = 0;
    lower[i] = 0;
  });
  return true;
}

/**
 * The workspace's labels as a clustering (copied out), with the exact means and sizes of those
 * labels (`exact`, when already known) and their inertia.
 */
function finish(
  space: KMeansWorkspace,
  iterations: number,
  restart: number,
  exact = space.means(space.centres),
): Clustering {
  const labels = Int32Array.from(space.labels);
  const { centres, sizes } = exact;
  const inertia = space.inertia(centres);
  return { k: space.k, labels, centres, sizes: Array.from(sizes), inertia, iterations, restart };
}

/**
 * Squared distance between row `a` of `x` and row `b` of `y` (offsets in elements). Even and odd
 * coordinates are summed apart: two independent sums take half as long as one.
 */
export function squaredDistance(
  x: Float64Array,
  a: number,
  y: Float64Array,
  b: number,
  dimensions: number,
): number {
  let even = 0;
  let odd = 0;
  let j = 0;
  for (; j + 1 < dimensions; j += 2) {
    const d0 = x[a + j] - y[b + j];
    const d1 = x[a + j + 1] - y[b + j + 1];
    even += d0 * d0;
    odd += d1 * d1;
  }
  if (j < dimensions) {
    const d = x[a + j] - y[b + j];
    even += d * d;
  }
  return even + odd;
}

/** Moves point i's coordinates from cluster `from` to `to` in the running sums. */
function move(
  values: Float64Array,
  i: number,
  from: number,
  to: number,
  dimensions: number,
  sums: Float64Array,
  sizes: Float64Array,
): void {
  const row = i * dimensions;
  sizes[from]--;
  for (let j = 0; j < dimensions; j++) sums[from * dimensions + j] -= values[row + j];
  sizes[to]++;
  for (let j = 0; j < dimensions; j++) sums[to * dimensions + j] += values[row + j];
}

/**
 * Sets each centre to its cluster's mean (an empty cluster keeps its centre), writes how far each
 * moved, and returns the farthest mover and the largest move among the others.
 */
function recentre(
  centres: Float64Array,
  sums: Float64Array,
  sizes: Float64Array,
  moved: Float64Array,
  dimensions: number,
): { farthest: number; secondFarthest: number } {
  const k = sizes.length;
  for (let c = 0; c < k; c++) {
    let total = 0;
    if (sizes[c] > 0) {
      for (let j = 0; j < dimensions; j++) {
        const next = sums[c * dimensions + j] / sizes[c];
        total += (next - centres[c * dimensions + j]) ** 2;
        centres[c * dimensions + j] = next;
      }
    }
    moved[c] = sqrt(total);
  }
  let farthest = 0;
  for (let c = 1; c < k; c++) if (moved[c] > moved[farthest]) farthest = c;
  let secondFarthest = 0;
  for (let c = 0; c < k; c++) if (c !== farthest) secondFarthest = max(secondFarthest, moved[c]);
  return { farthest, secondFarthest };
}

/** Half the distance from each centre to its nearest other centre. */
function halfGaps(
  centres: Float64Array,
  k: number,
  dimensions: number,
  halfGap: Float64Array,
): void {
  for (let c = 0; c < k; c++) {
    let nearest = Infinity;
    for (let o = 0; o < k; o++) {
      if (o !== c) {
        nearest = min(
          nearest,
          squaredDistance(centres, c * dimensions, centres, o * dimensions, dimensions),
        );
      }
    }
    halfGap[c] = sqrt(nearest) / 2;
  }
}

/**
 * Hartigan's single-point moves after Lloyd: moving x from cluster A to B lowers the inertia by
 * n_A/(n_A − 1)·|x − c_A|² − n_B/(n_B + 1)·|x − c_B|², which can be positive at a Lloyd fixed
 * point. Moves are made while any improves (centres updated at once), reaching optima Lloyd's
 * restarts often miss (R's default k-means is Hartigan-Wong). On the reference cases it turns
 * scikit-learn-level restarts into ones that match its best of 100 starts.
 *
 * Lloyd's bounds carry over: no move can gain while n_A/(n_A − 1)·upper² ≤ min n_B/(n_B + 1)·
 * lower², so only points near a boundary are measured. A move shifts two centres a little; each
 * centre's total shift since a point's upper bound was set widens that bound, and the sum over
 * moves of the larger of the two shifts widens every lower bound.
 */
function hartigan(
  space: KMeansWorkspace,
  iterations: number,
  restart: number,
  maxPasses = 100,
): Clustering {
  const { values, count, dimensions, k, labels, upper, lower } = space; // changed in place
  const exact = space.means(space.centres);
  const sizes = Float64Array.from(exact.sizes);
  const centres = space.moving;
  centres.set(exact.centres);
  const distances = space.nearby;
  // Each centre's total shift so far: from Lloyd's centre (running sums) to the exact mean first.
  const shifted = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    shifted[c] = sqrt(
      squaredDistance(centres, c * dimensions, space.centres, c * dimensions, dimensions),
    );
  }
  // Σ over moves of the larger of the two shifts: no centre has gone further since a bound was set.
  let widened = max(...shifted);
  const upperSince = new Float64Array(count); // shifted[label] when upper[i] was set
  const lowerSince = new Float64Array(count); // widened when lower[i] was set
  let smallestShare = shareBound(sizes);
  let moves = 0;
  let moved = true;
  for (let pass = 0; pass < maxPasses && moved; pass++) {
    moved = false;
    for (let i = 0; i < count; i++) {
      const from = labels[i];
      if (sizes[from] <= 1) continue;
      const keep = sizes[from] / (sizes[from] - 1);
      const lowerNow = max(0, lower[i] - (widened - lowerSince[i]));
      const cannotGain = smallestShare * lowerNow * lowerNow * (1 - 1e-9);
      const upperNow = upper[i] + (shifted[from] - upperSince[i]);
      if (keep * upperNow * upperNow <= cannotGain) continue;
      const row = i * dimensions;
      space.distances(i);
      const cost = keep * distances[from];
      let best = -1;
      // A move must lower the inertia by more than rounding could, or moves might cycle.
      let bestGain = 1e-12 * cost;
      for (let c = 0; c < k; c++) {
        if (c === from) continue;
        const gain = cost - (sizes[c] / (sizes[c] + 1)) * distances[c];
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      // New bounds for i's cluster after this step (the shifts of this move are added below).
      const to = best < 0 ? from : best;
      let nearestOther = Infinity;
      for (let c = 0; c < k; c++) if (c !== to) nearestOther = min(nearestOther, distances[c]);
      upper[i] = sqrt(distances[to]);
      upperSince[i] = shifted[to];
      lower[i] = sqrt(nearestOther);
      lowerSince[i] = widened;
      if (best < 0) continue;
      // Move i: update both centres incrementally, and record how far they went.
      let fromShift = 0;
      let toShift = 0;
      for (let j = 0; j < dimensions; j++) {
        const x = values[row + j];
        const oldFrom = centres[from * dimensions + j];
        const oldTo = centres[best * dimensions + j];
        centres[from * dimensions + j] += (oldFrom - x) / (sizes[from] - 1);
        centres[best * dimensions + j] += (x - oldTo) / (sizes[best] + 1);
        // The shift as stored, not as intended: far from 0 a step can round away entirely.
        fromShift += (centres[from * dimensions + j] - oldFrom) ** 2;
        toShift += (centres[best * dimensions + j] - oldTo) ** 2;
      }
      fromShift = sqrt(fromShift);
      toShift = sqrt(toShift);
      shifted[from] += fromShift;
      shifted[best] += toShift;
      widened += max(fromShift, toShift);
      sizes[from]--;
      sizes[best]++;
      smallestShare = shareBound(sizes);
      labels[i] = best;
      moved = true;
      moves++;
    }
  }
  // Without a move the labels' exact means are those found above.
  return finish(space, iterations, restart, moves === 0 ? exact : undefined);
}

/** The smallest n/(n + 1) over clusters: the least a move into any cluster can cost per distance². */
function shareBound(sizes: Float64Array): number {
  let smallest = Infinity;
  for (const size of sizes) smallest = min(smallest, size / (size + 1));
  return smallest;
}

/**
 * Greedy k-means++: each new centre the best of 2 + ⌊ln k⌋ candidates (scikit-learn's number)
 * drawn by D² weighting. It leaves in the workspace the centres, each point's nearest centre, and
 * the distances to the nearest and second-nearest (upper and lower), so that Lloyd starts without
 * measuring again.
 */
function kMeansPlusPlus(space: KMeansWorkspace, random: Random): void {
  const { values, count, dimensions, k, centres, labels } = space;
  const trials = 2 + Math.floor(Math.log(k));
  // Squared distances to the nearest and second-nearest centre so far, square-rooted at the end.
  const closest = space.upper;
  const secondClosest = space.lower;
  labels.fill(0);
  closest.fill(Infinity);
  secondClosest.fill(Infinity);
  const first = random.integer(count);
  centres.set(values.subarray(first * dimensions, (first + 1) * dimensions), 0);
  let potential = space.addCentre(0);
  for (let c = 1; c < k; c++) {
    const candidates =
      potential > 0
        ? drawByWeight(
            closest,
            Array.from({ length: trials }, () => random.next() * potential),
          )
        : Array.from({ length: trials }, () => random.integer(count));
    const potentials: number[] = [];
    for (let t = 0; t < trials; t += 4) {
      potentials.push(...space.candidates(candidates.slice(t, t + 4)));
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if (potentials[t] < potentials[best]) best = t;
    const chosen = candidates[best];
    centres.set(values.subarray(chosen * dimensions, (chosen + 1) * dimensions), c * dimensions);
    potential = space.addCentre(c); // equals potentials[best], summed alike
  }
  for (let i = 0; i < count; i++) {
    closest[i] = sqrt(closest[i]);
    secondClosest[i] = sqrt(secondClosest[i]);
  }
}

/** For each target, the first index whose cumulative weight exceeds it: one pass for all. */
function drawByWeight(weights: Float64Array, targets: readonly number[]): number[] {
  const order = targets.map((_, t) => t).sort((a, b) => targets[a] - targets[b]);
  const drawn = targets.map(() => weights.length - 1);
  let next = 0;
  let cumulative = 0;
  for (let i = 0; i < weights.length && next < order.length; i++) {
    cumulative += weights[i];
    while (next < order.length && cumulative > targets[order[next]]) drawn[order[next++]] = i;
  }
  return drawn;
}

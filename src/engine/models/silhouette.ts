/**
 * The silhouette of a clustering, exactly as scikit-learn's `silhouette_score` (Euclidean):
 * s(i) = (b − a) / max(a, b) with a the mean distance to the other points of its cluster and b
 * the smallest mean distance to another cluster; 0 for a point alone in its cluster.
 *
 * Every distance that decides a(i) or b(i) is summed exactly, but not every pair is needed: the
 * mean distance from x to a part q of a cluster lies between |x − μ_q| (convexity) and
 * √(|x − μ_q|² + σ²_q) (Jensen, σ²_q the part's mean squared distance to μ_q). Summed over the
 * cluster's parts (its points split at its mean along its four widest coordinates), these bound
 * the mean distance to the cluster, and a cluster whose lower bound exceeds another's upper bound
 * cannot give b(i) and is skipped. Points are sorted by cluster and the distances summed block
 * by block in WebAssembly (../kernels/silhouette.wat).
 */
import { EngineError } from "../errors";
import { SilhouetteWorkspace } from "../kernels/silhouetteKernel";
import { squaredDistance, type Points } from "./kmeans";

// Bound once: a global lookup in each call of a hot loop is slow where code runs in a sandbox
// (jest's vm contexts run these loops about 40 times slower otherwise).
const { sqrt, min, max } = Math;

export interface Silhouette {
  readonly mean: number;
  readonly perPoint: Float64Array;
  /** Mean silhouette of each cluster's points (NaN for an empty cluster). */
  readonly perCluster: number[];
}

export function silhouette(points: Points, labels: Int32Array, k: number): Silhouette {
  const plan = silhouettePlan(points, labels, k);
  return silhouetteFromShares(points, labels, k, plan, [
    silhouetteShare(points, labels, k, plan, 0, 1),
  ]);
}

/**
 * Which clusters each point needs (by its position in cluster order): made once, by whoever
 * hands out the shares. Throws for fewer than two non-empty clusters.
 */
export function silhouettePlan(points: Points, labels: Int32Array, k: number): Uint8Array {
  const { order, starts } = prepare(points, labels, k);
  return candidateClusters(sortedRows(points, order), starts, points.dimensions, k);
}

/**
 * Share `part` of `parts` of the distance sums (for one thread): whole blocks of the work, given
 * out largest first to the least loaded share. Each sum is made in exactly one share, so adding
 * the shares gives the same numbers as one thread does.
 */
export function silhouetteShare(
  points: Points,
  labels: Int32Array,
  k: number,
  needed: Uint8Array,
  part: number,
  parts: number,
): Float64Array {
  const { order, starts } = prepare(points, labels, k);
  const { count, dimensions } = points;
  let largest = 0;
  for (let c = 0; c < k; c++) largest = max(largest, starts[c + 1] - starts[c]);
  const space = new SilhouetteWorkspace(points.values, order, dimensions, largest);
  const sums = new Float64Array(count * k);
  for (const block of shareOf(blocks(starts, needed, k), part, parts)) {
    if (block.a === block.b) ownSums(space, starts[block.a], starts[block.a + 1], sums, k, block.a);
    else crossSums(space, starts, dimensions, sums, needed, k, block.a, block.b);
  }
  return sums;
}

/** The silhouette from every share's sums. */
export function silhouetteFromShares(
  points: Points,
  labels: Int32Array,
  k: number,
  needed: Uint8Array,
  shares: readonly Float64Array[],
): Silhouette {
  const { count } = points;
  const { order, starts } = prepare(points, labels, k);
  const size = (c: number) => starts[c + 1] - starts[c];
  const sums = new Float64Array(count * k);
  for (const share of shares) for (let q = 0; q < sums.length; q++) sums[q] += share[q];
  const perPoint = new Float64Array(count);
  const clusterSums = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let p = starts[c]; p < starts[c + 1]; p++) {
      let s = 0;
      if (size(c) > 1) {
        const a = sums[p * k + c] / (size(c) - 1);
        let b = Infinity;
        for (let o = 0; o < k; o++) {
          if (needed[p * k + o]) b = min(b, sums[p * k + o] / size(o));
        }
        const spread = max(a, b);
        s = spread > 0 ? (b - a) / spread : 0;
      }
      perPoint[order[p]] = s;
      clusterSums[c] += s;
    }
  }
  let total = 0;
  for (const s of perPoint) total += s;
  return {
    mean: total / count,
    perPoint,
    perCluster: Array.from(clusterSums, (sum, c) => (size(c) > 0 ? sum / size(c) : NaN)),
  };
}

/** The order of the points sorted by cluster, checked. */
function prepare(points: Points, labels: Int32Array, k: number) {
  const { count } = points;
  const { order, starts } = sortByCluster(labels, k);
  let used = 0;
  for (let c = 0; c < k; c++) if (starts[c + 1] > starts[c]) used++;
  if (used < 2 || used > count - 1) {
    throw new EngineError(
      "degenerate",
      `The silhouette needs between 2 and ${count - 1} non-empty clusters; there are ${used}.`,
    );
  }
  return { order, starts };
}

/** A block of work: the pairs within cluster a (a = b), or between a and b. */
interface Block {
  readonly a: number;
  readonly b: number;
  readonly cost: number;
}

function blocks(starts: Int32Array, needed: Uint8Array, k: number): Block[] {
  const size = (c: number) => starts[c + 1] - starts[c];
  const list: Block[] = [];
  for (let a = 0; a < k; a++) {
    list.push({ a, b: a, cost: (size(a) * size(a)) / 2 });
    for (let b = a + 1; b < k; b++) {
      const oneSided =
        rowsNeeding(starts[a], starts[a + 1], needed, k, b).length * size(b) +
        rowsNeeding(starts[b], starts[b + 1], needed, k, a).length * size(a);
      list.push({ a, b, cost: min(oneSided, size(a) * size(b)) });
    }
  }
  return list;
}

/** The blocks of share `part`: largest first, each to the share with the least work so far. */
function shareOf(list: Block[], part: number, parts: number): Block[] {
  const load = new Array<number>(parts).fill(0);
  const mine: Block[] = [];
  const byCost = [...list].sort((x, y) => y.cost - x.cost || x.a - y.a || x.b - y.b);
  for (const block of byCost) {
    let least = 0;
    for (let q = 1; q < parts; q++) if (load[q] < load[least]) least = q;
    load[least] += block.cost;
    if (least === part) mine.push(block);
  }
  return mine;
}

/** The order of the points cluster by cluster (stable), with each cluster's first position. */
function sortByCluster(labels: Int32Array, k: number) {
  const starts = new Int32Array(k + 1);
  for (const label of labels) starts[label + 1]++;
  for (let c = 0; c < k; c++) starts[c + 1] += starts[c];
  const next = starts.slice(0, k);
  const order = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) order[next[labels[i]]++] = i;
  return { order, starts };
}

/** The points' rows in that order. */
function sortedRows(points: Points, order: Int32Array): Float64Array {
  const { values, dimensions } = points;
  const sorted = new Float64Array(order.length * dimensions);
  order.forEach((i, p) =>
    sorted.set(values.subarray(i * dimensions, (i + 1) * dimensions), p * dimensions),
  );
  return sorted;
}

/** Parts a cluster is split into for the bounds: its points on either side of its mean along
 * each of its (at most) four widest coordinates. */
const SPLITS = 4;

/**
 * needed[p * k + c] = 1 when cluster c (not p's own, not empty) could hold p's smallest mean
 * distance: its lower bound is within rounding of the smallest upper bound.
 */
function candidateClusters(
  sorted: Float64Array,
  starts: Int32Array,
  dimensions: number,
  k: number,
): Uint8Array {
  const count = starts[k];
  const parts = clusterParts(sorted, starts, dimensions, k);
  const perCluster = 1 << SPLITS;
  let largest = 0;
  for (const x of sorted) largest = max(largest, Math.abs(x));
  // Rounding in the centres and bounds is far below this; a wider net only costs time.
  const slack = 1e-9 * largest * sqrt(dimensions);
  const needed = new Uint8Array(count * k);
  const lower = new Float64Array(k);
  for (let own = 0; own < k; own++) {
    for (let p = starts[own]; p < starts[own + 1]; p++) {
      let smallestUpper = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === own || starts[c + 1] === starts[c]) continue;
        const size = starts[c + 1] - starts[c];
        let low = 0;
        let high = 0;
        for (let q = c * perCluster; q < (c + 1) * perCluster; q++) {
          if (parts.sizes[q] === 0) continue;
          const squared = squaredDistance(
            sorted,
            p * dimensions,
            parts.centres,
            q * dimensions,
            dimensions,
          );
          const weight = parts.sizes[q] / size;
          low += weight * sqrt(squared);
          high += weight * sqrt(squared + parts.spreads[q]);
        }
        lower[c] = low;
        smallestUpper = min(smallestUpper, high);
      }
      for (let c = 0; c < k; c++) {
        if (c === own || starts[c + 1] === starts[c]) continue;
        if (lower[c] <= smallestUpper * (1 + 1e-9) + slack) needed[p * k + c] = 1;
      }
    }
  }
  return needed;
}

/** Each cluster's parts: sizes, centres and mean squared distances to the centre. */
function clusterParts(sorted: Float64Array, starts: Int32Array, dimensions: number, k: number) {
  const perCluster = 1 << SPLITS;
  const sizes = new Float64Array(k * perCluster);
  const centres = new Float64Array(k * perCluster * dimensions);
  const spreads = new Float64Array(k * perCluster);
  const partOf = new Int32Array(starts[k]);
  for (let c = 0; c < k; c++) {
    const n = starts[c + 1] - starts[c];
    if (n === 0) continue;
    const mean = new Float64Array(dimensions);
    const variance = new Float64Array(dimensions);
    for (let p = starts[c]; p < starts[c + 1]; p++) {
      for (let j = 0; j < dimensions; j++) mean[j] += sorted[p * dimensions + j] / n;
    }
    for (let p = starts[c]; p < starts[c + 1]; p++) {
      for (let j = 0; j < dimensions; j++)
        variance[j] += (sorted[p * dimensions + j] - mean[j]) ** 2;
    }
    const widest = Array.from({ length: dimensions }, (_, j) => j)
      .sort((a, b) => variance[b] - variance[a] || a - b)
      .slice(0, SPLITS);
    for (let p = starts[c]; p < starts[c + 1]; p++) {
      let code = 0;
      widest.forEach((j, bit) => {
        if (sorted[p * dimensions + j] > mean[j]) code |= 1 << bit;
      });
      const q = c * perCluster + code;
      partOf[p] = q;
      sizes[q]++;
      for (let j = 0; j < dimensions; j++)
        centres[q * dimensions + j] += sorted[p * dimensions + j];
    }
  }
  for (let q = 0; q < sizes.length; q++) {
    for (let j = 0; j < dimensions; j++) {
      if (sizes[q] > 0) centres[q * dimensions + j] /= sizes[q];
    }
  }
  for (let p = 0; p < partOf.length; p++) {
    spreads[partOf[p]] +=
      squaredDistance(sorted, p * dimensions, centres, partOf[p] * dimensions, dimensions) /
      sizes[partOf[p]];
  }
  return { sizes, centres, spreads };
}

/** Rows of a cluster taken this many at a time, so that each pair is summed once. */
const TILE = 256;

/** Sums of distances within cluster c (rows from..to), each pair once, into sums[p * k + c]. */
function ownSums(
  space: SilhouetteWorkspace,
  from: number,
  to: number,
  sums: Float64Array,
  k: number,
  c: number,
): void {
  for (let t = from; t < to; t += TILE) {
    const tEnd = min(t + TILE, to);
    // The tile against itself (each pair both ways: a row's sum over the tile), then against the
    // rest of the cluster after it, both ways at once.
    space.sortedSums(t, tEnd, t, tEnd, false);
    for (let p = t; p < tEnd; p++) sums[p * k + c] += space.aTotals[p - t];
    if (tEnd === to) continue;
    space.sortedSums(t, tEnd, tEnd, to, true);
    for (let p = t; p < tEnd; p++) sums[p * k + c] += space.aTotals[p - t];
    for (let p = tEnd; p < to; p++) sums[p * k + c] += space.bTotals[p - tEnd];
  }
}

/**
 * Sums of distances between clusters a and b for the points that need them: all pairs once when
 * that is cheaper, else each needing point against the whole other cluster.
 */
function crossSums(
  space: SilhouetteWorkspace,
  starts: Int32Array,
  dimensions: number,
  sums: Float64Array,
  needed: Uint8Array,
  k: number,
  a: number,
  b: number,
): void {
  const aRows = rowsNeeding(starts[a], starts[a + 1], needed, k, b);
  const bRows = rowsNeeding(starts[b], starts[b + 1], needed, k, a);
  const sizeA = starts[a + 1] - starts[a];
  const sizeB = starts[b + 1] - starts[b];
  if (aRows.length * sizeB + bRows.length * sizeA >= sizeA * sizeB) {
    const [a0, a1, b0, b1] = [starts[a], starts[a + 1], starts[b], starts[b + 1]];
    space.sortedSums(a0, a1, b0, b1, true);
    for (let p = a0; p < a1; p++) sums[p * k + b] = space.aTotals[p - a0];
    for (let p = b0; p < b1; p++) sums[p * k + a] = space.bTotals[p - b0];
    return;
  }
  oneSided(space, aRows, starts[b], starts[b + 1], dimensions, sums, k, b);
  oneSided(space, bRows, starts[a], starts[a + 1], dimensions, sums, k, a);
}

function rowsNeeding(from: number, to: number, needed: Uint8Array, k: number, c: number) {
  const rows: number[] = [];
  for (let p = from; p < to; p++) if (needed[p * k + c]) rows.push(p);
  return rows;
}

/** Each listed row against all rows from..to of cluster c, into sums[row * k + c]. */
function oneSided(
  space: SilhouetteWorkspace,
  rows: number[],
  from: number,
  to: number,
  dimensions: number,
  sums: Float64Array,
  k: number,
  c: number,
): void {
  if (rows.length === 0) return;
  const { gathered, aTotals } = space;
  rows.forEach((p, i) => gathered.set(space.row(p), i * dimensions));
  space.gatheredSums(rows.length, from, to);
  rows.forEach((p, i) => (sums[p * k + c] = aTotals[i]));
}

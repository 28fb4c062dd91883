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
 * cannot give b(i) and is skipped. Points are sorted by cluster and
 * the distances summed block by block, two rows against two, so that sums stay in registers.
 */
import { EngineError } from "../errors";
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
  const { starts, sorted } = prepare(points, labels, k);
  return candidateClusters(sorted, starts, points.dimensions, k);
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
  const { sorted, starts } = prepare(points, labels, k);
  const { dimensions } = points;
  const sums = new Float64Array(points.count * k);
  for (const block of shareOf(blocks(starts, needed, k), part, parts)) {
    if (block.a === block.b)
      ownSums(sorted, starts[block.a], starts[block.a + 1], dimensions, sums, k, block.a);
    else crossSums(sorted, starts, dimensions, sums, needed, k, block.a, block.b);
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

/** Points sorted by cluster, checked. */
function prepare(points: Points, labels: Int32Array, k: number) {
  const { count } = points;
  const { order, starts, sorted } = sortByCluster(points, labels, k);
  let used = 0;
  for (let c = 0; c < k; c++) if (starts[c + 1] > starts[c]) used++;
  if (used < 2 || used > count - 1) {
    throw new EngineError(
      "degenerate",
      `The silhouette needs between 2 and ${count - 1} non-empty clusters; there are ${used}.`,
    );
  }
  return { order, starts, sorted };
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

/** The points reordered cluster by cluster (stable), with each cluster's first position. */
function sortByCluster(points: Points, labels: Int32Array, k: number) {
  const { values, count, dimensions } = points;
  const starts = new Int32Array(k + 1);
  for (const label of labels) starts[label + 1]++;
  for (let c = 0; c < k; c++) starts[c + 1] += starts[c];
  const next = starts.slice(0, k);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[next[labels[i]]++] = i;
  const sorted = new Float64Array(count * dimensions);
  for (let p = 0; p < count; p++) {
    sorted.set(values.subarray(order[p] * dimensions, (order[p] + 1) * dimensions), p * dimensions);
  }
  return { order, starts, sorted };
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

/** Rows of a cluster taken this many at a time, so that each tile pair is one block. */
const TILE = 256;

/** Sums of distances within cluster c (rows from..to), each pair once, into sums[p * k + c]. */
function ownSums(
  sorted: Float64Array,
  from: number,
  to: number,
  dimensions: number,
  sums: Float64Array,
  k: number,
  c: number,
): void {
  for (let t = from; t < to; t += TILE) {
    const tEnd = min(t + TILE, to);
    const tileTotals = new Float64Array(tEnd - t);
    // Pairs inside the tile.
    for (let i = t; i < tEnd; i++) {
      for (let j = i + 1; j < tEnd; j++) {
        let squared = 0;
        for (let q = 0; q < dimensions; q++) {
          const gap = sorted[i * dimensions + q] - sorted[j * dimensions + q];
          squared += gap * gap;
        }
        const distance = sqrt(squared);
        tileTotals[i - t] += distance;
        tileTotals[j - t] += distance;
      }
    }
    for (let u = tEnd; u < to; u += TILE) {
      const uEnd = min(u + TILE, to);
      const others = new Float64Array(uEnd - u);
      blockSums(sorted, t, tEnd, sorted, u, uEnd, dimensions, tileTotals, others);
      for (let j = u; j < uEnd; j++) sums[j * k + c] += others[j - u];
    }
    for (let i = t; i < tEnd; i++) sums[i * k + c] += tileTotals[i - t];
  }
}

/**
 * Sums of distances between clusters a and b for the points that need them: all pairs once when
 * that is cheaper, else each needing point against the whole other cluster.
 */
function crossSums(
  sorted: Float64Array,
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
    const aTotals = new Float64Array(sizeA);
    const bTotals = new Float64Array(sizeB);
    const [a0, a1, b0, b1] = [starts[a], starts[a + 1], starts[b], starts[b + 1]];
    blockSums(sorted, a0, a1, sorted, b0, b1, dimensions, aTotals, bTotals);
    for (let p = a0; p < a1; p++) sums[p * k + b] = aTotals[p - a0];
    for (let p = b0; p < b1; p++) sums[p * k + a] = bTotals[p - b0];
    return;
  }
  oneSided(sorted, aRows, starts[b], starts[b + 1], dimensions, sums, k, b);
  oneSided(sorted, bRows, starts[a], starts[a + 1], dimensions, sums, k, a);
}

function rowsNeeding(from: number, to: number, needed: Uint8Array, k: number, c: number) {
  const rows: number[] = [];
  for (let p = from; p < to; p++) if (needed[p * k + c]) rows.push(p);
  return rows;
}

/** Each listed row against all rows from..to of cluster c, into sums[row * k + c]. */
function oneSided(
  sorted: Float64Array,
  rows: number[],
  from: number,
  to: number,
  dimensions: number,
  sums: Float64Array,
  k: number,
  c: number,
): void {
  if (rows.length === 0) return;
  const gathered = new Float64Array(rows.length * dimensions);
  rows.forEach((p, i) =>
    gathered.set(sorted.subarray(p * dimensions, (p + 1) * dimensions), i * dimensions),
  );
  const totals = new Float64Array(rows.length);
  blockSums(gathered, 0, rows.length, sorted, from, to, dimensions, totals, null);
  rows.forEach((p, i) => (sums[p * k + c] = totals[i]));
}

/**
 * For rows a0..a1 of `x` against rows b0..b1 of `y`: adds each row's summed distance to the other
 * block into aTotals[a − a0] and (unless null) bTotals[b − b0]. Two rows of one against four of
 * the other at a time: eight independent sums per step keep the processor's pipelines full.
 */
function blockSums(
  x: Float64Array,
  a0: number,
  a1: number,
  y: Float64Array,
  b0: number,
  b1: number,
  dimensions: number,
  aTotals: Float64Array,
  bTotals: Float64Array | null,
): void {
  // The other block a tile at a time, so that it stays in the nearest cache while every row of
  // this one passes over it.
  for (let from = b0; from < b1; from += TILE) {
    tileSums(x, a0, a1, y, from, min(from + TILE, b1), b0, dimensions, aTotals, bTotals);
  }
}

function tileSums(
  x: Float64Array,
  a0: number,
  a1: number,
  y: Float64Array,
  from: number,
  to: number,
  b0: number,
  dimensions: number,
  aTotals: Float64Array,
  bTotals: Float64Array | null,
): void {
  for (let a = a0; a < a1; a += 2) {
    const twoA = a + 1 < a1;
    const rowA0 = a * dimensions;
    const rowA1 = twoA ? rowA0 + dimensions : rowA0;
    let totalA0 = 0;
    let totalA1 = 0;
    for (let b = from; b < to; b += 4) {
      // Past the end, the last row stands in and its distances are dropped.
      const left = to - b;
      const rowB0 = b * dimensions;
      const rowB1 = left > 1 ? rowB0 + dimensions : rowB0;
      const rowB2 = left > 2 ? rowB0 + 2 * dimensions : rowB0;
      const rowB3 = left > 3 ? rowB0 + 3 * dimensions : rowB0;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let q = 0; q < dimensions; q++) {
        const xa0 = x[rowA0 + q];
        const xa1 = x[rowA1 + q];
        let yb = y[rowB0 + q];
        let g0 = xa0 - yb;
        let g1 = xa1 - yb;
        s00 += g0 * g0;
        s10 += g1 * g1;
        yb = y[rowB1 + q];
        g0 = xa0 - yb;
        g1 = xa1 - yb;
        s01 += g0 * g0;
        s11 += g1 * g1;
        yb = y[rowB2 + q];
        g0 = xa0 - yb;
        g1 = xa1 - yb;
        s02 += g0 * g0;
        s12 += g1 * g1;
        yb = y[rowB3 + q];
        g0 = xa0 - yb;
        g1 = xa1 - yb;
        s03 += g0 * g0;
        s13 += g1 * g1;
      }
      const d00 = sqrt(s00);
      const d01 = left > 1 ? sqrt(s01) : 0;
      const d02 = left > 2 ? sqrt(s02) : 0;
      const d03 = left > 3 ? sqrt(s03) : 0;
      const d10 = twoA ? sqrt(s10) : 0;
      const d11 = twoA && left > 1 ? sqrt(s11) : 0;
      const d12 = twoA && left > 2 ? sqrt(s12) : 0;
      const d13 = twoA && left > 3 ? sqrt(s13) : 0;
      totalA0 += d00 + d01 + d02 + d03;
      totalA1 += d10 + d11 + d12 + d13;
      if (bTotals !== null) {
        bTotals[b - b0] += d00 + d10;
        if (left > 1) bTotals[b + 1 - b0] += d01 + d11;
        if (left > 2) bTotals[b + 2 - b0] += d02 + d12;
        if (left > 3) bTotals[b + 3 - b0] += d03 + d13;
      }
    }
    aTotals[a - a0] += totalA0;
    if (twoA) aTotals[a + 1 - a0] += totalA1;
  }
}

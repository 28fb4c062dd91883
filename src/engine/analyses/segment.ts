/**
 * Segmentation from columns: rows with a blank in any chosen column are left out (their label is
 * blank), text columns are one-hot coded (one 0/1 column per level, with a note), columns are
 * standardised by default (z-score with the population SD, as scikit-learn's StandardScaler),
 * then k-means with restarts for a given k, or for k = 2..kmax with the best silhouette when k is
 * "auto". Centres are reported on the original scale.
 */
import type { Cell, Column } from "../data/types";
import { EngineError } from "../errors";
import type { Clustering, Points } from "../models/kmeans";
import { kMeansOn, oneThread, shareable, silhouetteOn, type Threads } from "../parallel";
import { Random } from "../stats/random";

export interface SegmentOptions {
  readonly k: number | "auto";
  readonly seed?: number;
  readonly restarts?: number;
  readonly standardize?: boolean;
  readonly kMax?: number;
  /** Compute the silhouette on a seeded sample of this many rows instead of all of them. */
  readonly silhouetteSample?: number;
  /** Also fit k = 2..kMax for the elbow and silhouette curves when k is given. */
  readonly elbow?: boolean;
}

/**
 * Where a person waits for the answer (the pane, a recalculating worksheet), the silhouette of
 * each k is exact up to 10,000 rows (about a second for k = 2 to 10 on two cores) and computed on
 * a seeded sample of 10,000 rows above that; the CLI computes it on every row unless asked.
 */
export function interactiveSilhouetteSample(rows: number): number | undefined {
  const exactRows = 10_000;
  return rows > exactRows ? exactRows : undefined;
}

export interface ElbowPoint {
  readonly k: number;
  readonly inertia: number;
  readonly silhouette: number;
}

export interface Segmentation {
  readonly k: number;
  readonly chosenAutomatically: boolean;
  /** One per input row: the cluster (0-based), or -1 for a row left out. */
  readonly labels: Int32Array;
  readonly featureNames: readonly string[];
  /** Centres on the original scale of the (one-hot coded) features, one array per cluster. */
  readonly centres: number[][];
  readonly sizes: number[];
  readonly inertia: number;
  readonly silhouette: number;
  readonly silhouettePerCluster: number[];
  /** Rows the silhouette was computed on (all rows used, or the sample). */
  readonly silhouetteRows: number;
  readonly iterations: number;
  readonly elbow: readonly ElbowPoint[];
  readonly rowsUsed: number;
  readonly rowsDropped: number;
  readonly notes: readonly string[];
}

export async function runSegmentation(
  columns: readonly Column[],
  options: SegmentOptions,
  threads: Threads = oneThread,
): Promise<Segmentation> {
  if (columns.length === 0)
    throw new EngineError("invalidOption", "Choose at least one column to cluster on.");
  const prepared = prepareFeatures(columns, options.standardize ?? true);
  const { names, kept, notes, mean, scale } = prepared;
  // One copy in shared memory (where there is any) for every fit and silhouette.
  const points = shareable(prepared.points, threads);
  const { count, dimensions } = points;
  const seed = options.seed ?? 0;
  const restarts = options.restarts ?? 10;
  if (!(Number.isInteger(restarts) && restarts >= 1))
    throw new EngineError(
      "invalidOption",
      `restarts must be a whole number of at least 1; it is ${restarts}.`,
    );
  const score = (clustering: Clustering) =>
    silhouetteOf(threads, points, clustering, options.silhouetteSample, seed);

  let elbow: ElbowPoint[] = [];
  let fits: Clustering[] = [];
  // The silhouette is quadratic: each fit's is computed once, for the curve and the result.
  let scores: Awaited<ReturnType<typeof score>>[] = [];
  if (options.k === "auto" || options.elbow) {
    const kMax = Math.min(options.kMax ?? 10, count - 1);
    if (kMax < 2)
      throw new EngineError("tooFewRows", `Choosing k needs at least 3 rows; there are ${count}.`);
    // Every k at once, so that the threads always have restarts to share.
    fits = await Promise.all(
      Array.from({ length: kMax - 1 }, (_, i) =>
        kMeansOn(threads, points, { k: i + 2, restarts, seed }),
      ),
    );
    scores = await Promise.all(fits.map(score));
    elbow = fits.map((fit, i) => ({ k: fit.k, inertia: fit.inertia, silhouette: scores[i].mean }));
  }
  let chosen: Clustering;
  if (options.k === "auto") {
    const best = elbow.reduce((top, point) => (point.silhouette > top.silhouette ? point : top));
    chosen = fits[best.k - 2];
    notes.push(
      `k = ${best.k} has the best mean silhouette (${best.silhouette.toFixed(3)}) of k = 2 to ${elbow[elbow.length - 1].k}; the elbow and silhouette curves are in the report if you judge otherwise.`,
    );
  } else {
    chosen =
      fits.find((fit) => fit.k === options.k) ??
      (await kMeansOn(threads, points, { k: options.k, restarts, seed }));
  }
  const fitted = fits.indexOf(chosen);
  const quality = fitted >= 0 ? scores[fitted] : await score(chosen);
  const labels = new Int32Array(columns[0].values.length).fill(-1);
  kept.forEach((row, i) => (labels[row] = chosen.labels[i]));
  const centres = Array.from({ length: chosen.k }, (_, c) =>
    names.map((_, j) => {
      const z = chosen.centres[c * dimensions + j];
      return mean === null ? z : mean[j] + z * scale![j];
    }),
  );
  return {
    k: chosen.k,
    chosenAutomatically: options.k === "auto",
    labels,
    featureNames: names,
    centres,
    sizes: chosen.sizes,
    inertia: chosen.inertia,
    silhouette: quality.mean,
    silhouettePerCluster: quality.perCluster,
    silhouetteRows: quality.rows,
    iterations: chosen.iterations,
    elbow,
    rowsUsed: count,
    rowsDropped: columns[0].values.length - count,
    notes,
  };
}

async function silhouetteOf(
  threads: Threads,
  points: Points,
  clustering: Clustering,
  sample: number | undefined,
  seed: number,
) {
  if (sample === undefined || sample >= points.count) {
    const s = await silhouetteOn(threads, points, clustering.labels, clustering.k);
    return { mean: s.mean, perCluster: s.perCluster, rows: points.count };
  }
  if (!(Number.isInteger(sample) && sample >= 3))
    throw new EngineError(
      "invalidOption",
      `The silhouette sample must be a whole number of at least 3 rows; it is ${sample}.`,
    );
  // A seeded sample without replacement (partial Fisher-Yates).
  const random = new Random(seed ^ 0x5eed);
  const order = Int32Array.from({ length: points.count }, (_, i) => i);
  for (let i = 0; i < sample; i++) {
    const j = i + random.integer(points.count - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = order.subarray(0, sample);
  const values = new Float64Array(sample * points.dimensions);
  chosen.forEach((row, i) =>
    values.set(
      points.values.subarray(row * points.dimensions, (row + 1) * points.dimensions),
      i * points.dimensions,
    ),
  );
  const labels = Int32Array.from(chosen, (row) => clustering.labels[row]);
  const s = await silhouetteOn(
    threads,
    { values, count: sample, dimensions: points.dimensions },
    labels,
    clustering.k,
  );
  return { mean: s.mean, perCluster: s.perCluster, rows: sample };
}

/**
 * The points k-means clusters: rows complete in every column, text columns one-hot coded, and
 * z-scores when standardising (with the mean and SD to undo them).
 */
export function prepareFeatures(columns: readonly Column[], standardize: boolean) {
  const { features, names, kept, notes } = featureMatrix(columns);
  const count = kept.length;
  const dimensions = names.length;
  const { values, mean, scale } = standardize
    ? standardise(features, count, dimensions, names)
    : { values: features, mean: null, scale: null };
  const points: Points = { values, count, dimensions };
  return { points, names, kept, notes, mean, scale };
}

/** Rows complete in every column, numeric columns as they are, text columns one-hot coded. */
function featureMatrix(columns: readonly Column[]) {
  const rowCount = columns[0].values.length;
  const kept: number[] = [];
  for (let i = 0; i < rowCount; i++) {
    const complete = columns.every((column) =>
      column.kind === "numeric" ? !Number.isNaN(column.values[i]) : column.values[i] !== null,
    );
    if (complete) kept.push(i);
  }
  const names: string[] = [];
  const notes: string[] = [];
  const getters: ((row: number) => number)[] = [];
  for (const column of columns) {
    if (column.kind === "numeric") {
      names.push(column.name);
      getters.push((row) => column.values[row]);
    } else {
      const levels = [...new Set(kept.map((row) => column.values[row]!))].sort();
      for (const level of levels) {
        names.push(`${column.name}=${level}`);
        getters.push((row) => (column.values[row] === level ? 1 : 0));
      }
      notes.push(
        `"${column.name}" holds text: it is coded as ${levels.length} 0/1 columns, one per level.`,
      );
    }
  }
  if (kept.length < 3)
    throw new EngineError(
      "tooFewRows",
      `k-means needs at least 3 complete rows; there are ${kept.length}.`,
    );
  if (kept.length < rowCount)
    notes.push(
      `${rowCount - kept.length} rows with a blank in a chosen column are left out (their label is blank).`,
    );
  const features = new Float64Array(kept.length * names.length);
  kept.forEach((row, i) =>
    getters.forEach((get, j) => (features[i * names.length + j] = get(row))),
  );
  return { features, names, kept, notes };
}

/** z-scores with the population SD (ddof = 0), as StandardScaler; a constant column is refused. */
function standardise(
  features: Float64Array,
  count: number,
  dimensions: number,
  names: readonly string[],
) {
  const mean = new Float64Array(dimensions);
  const scale = new Float64Array(dimensions);
  for (let j = 0; j < dimensions; j++) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += features[i * dimensions + j];
    mean[j] = sum / count;
    let squares = 0;
    for (let i = 0; i < count; i++) squares += (features[i * dimensions + j] - mean[j]) ** 2;
    scale[j] = Math.sqrt(squares / count);
    if (!(scale[j] > 0)) {
      throw new EngineError(
        "degenerate",
        `"${names[j]}" is constant in the rows used, so it cannot be standardised or separate clusters; remove it.`,
      );
    }
  }
  const values = new Float64Array(features.length);
  for (let i = 0; i < count; i++)
    for (let j = 0; j < dimensions; j++)
      values[i * dimensions + j] = (features[i * dimensions + j] - mean[j]) / scale[j];
  return { values, mean, scale };
}

export interface ClusterProfile {
  readonly cluster: number;
  readonly name: string;
  readonly size: number;
  readonly share: number;
  /** Mean of each profiled column in the cluster, in `columns` order. */
  readonly means: number[];
  /** (cluster mean − overall mean) / overall SD of each column: how distinctive it is. */
  readonly standardizedDifferences: number[];
}

/**
 * The mean of every numeric column per cluster (clustered columns and outcome columns alike), how
 * far each sits from the overall mean in SDs, and a short name from the two most distinctive
 * columns ("high Sales, high Radio"). Rows without a label are left out.
 */
/** The profile as a table: a header, then one row per cluster (numbered from 1). */
export function profileRows(profile: {
  readonly columns: readonly string[];
  readonly clusters: readonly ClusterProfile[];
}): Cell[][] {
  return [
    ["Cluster", "Name", "Size", "Share", ...profile.columns],
    ...profile.clusters.map((c): Cell[] => [c.cluster + 1, c.name, c.size, c.share, ...c.means]),
  ];
}

export function profileClusters(
  segmentation: Segmentation,
  columns: readonly Column[],
): { columns: string[]; clusters: ClusterProfile[] } {
  const numeric = columns.filter((column) => column.kind === "numeric");
  const used = Array.from(segmentation.labels.keys()).filter((i) => segmentation.labels[i] >= 0);
  const overall = numeric.map((column) => {
    const values = used.map((i) => column.values[i] as number).filter((x) => !Number.isNaN(x));
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    const sd = Math.sqrt(
      values.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, values.length - 1),
    );
    return { mean, sd };
  });
  const clusters = Array.from({ length: segmentation.k }, (_, c): ClusterProfile => {
    const rows = used.filter((i) => segmentation.labels[i] === c);
    const means = numeric.map((column) => {
      const values = rows.map((i) => column.values[i] as number).filter((x) => !Number.isNaN(x));
      return values.reduce((s, x) => s + x, 0) / values.length;
    });
    const standardizedDifferences = means.map((m, j) =>
      overall[j].sd > 0 ? (m - overall[j].mean) / overall[j].sd : 0,
    );
    const distinctive = standardizedDifferences
      .map((z, j) => ({ z, name: numeric[j].name }))
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, 2)
      .map(({ z, name }) => `${Math.abs(z) < 0.25 ? "average" : z > 0 ? "high" : "low"} ${name}`);
    return {
      cluster: c,
      name: distinctive.join(", "),
      size: rows.length,
      share: rows.length / used.length,
      means,
      standardizedDifferences,
    };
  });
  return { columns: numeric.map((column) => column.name), clusters };
}

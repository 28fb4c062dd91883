/**
 * Summaries of simulated quantities (mean, SD, numpy's linear percentiles, the share above a
 * target, a histogram) in three passes over the draws: the first finds each quantity's mean and
 * range, the second counts draws into fine bins, and the third keeps just the draws in the bins
 * where the wanted order statistics fall, which are then exact. The passes read every draw held
 * in memory or, when that would hold too much, three replays of the same seeded simulation: the
 * numbers are the same to the last bit.
 */
import { histogramBins, histogramIndex, type HistogramBin } from "./histogram";

export const PERCENTILES = [0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975] as const;

/** Draws held at most (8 bytes each) before the summaries stream instead. */
export const STORED_DRAWS = 4_000_000;

export interface QuantitySummary {
  readonly mean: number;
  /** Sample SD (n − 1). */
  readonly sd: number;
  readonly percentiles: readonly { readonly p: number; readonly value: number }[];
}

export interface DistributionSummary extends QuantitySummary {
  /** P(draw > target), or null without a target. */
  readonly aboveTarget: number | null;
  readonly histogram: readonly HistogramBin[];
}

/**
 * Runs the whole seeded simulation, calling `visit` with the next `size` iterations: one column
 * per quantity, its first `size` entries in iteration order (the columns are reused).
 */
export type Replay = (visit: (columns: readonly Float64Array[], size: number) => void) => void;

export interface SummaryRequest {
  readonly quantities: number;
  readonly iterations: number;
  /** The quantities that get a histogram and the share above the target. */
  readonly distributions: readonly number[];
  readonly target?: number;
  readonly bins: number;
  /** Draws held at most before streaming (STORED_DRAWS unless a test asks for less). */
  readonly storedDraws?: number;
  /** Hears how far the replays of the simulation have got, 0 to 1, every 1 % or so. */
  readonly progress?: (fraction: number) => void;
}

export interface Summaries {
  readonly quantities: readonly QuantitySummary[];
  /** One per requested distribution, in the order asked. */
  readonly distributions: readonly DistributionSummary[];
  /** Every draw, per quantity in iteration order; null when the summaries streamed. */
  readonly draws: readonly Float64Array[] | null;
}

export function summarize(replay: Replay, request: SummaryRequest): Summaries {
  const { quantities, iterations, progress } = request;
  if (quantities * iterations > (request.storedDraws ?? STORED_DRAWS)) {
    // Each pass replays the simulation: a third of the work each.
    const passes = (pass: number) => reporting(replay, iterations, progress, pass, 3);
    return { ...summarizePasses(passes, request), draws: null };
  }
  const draws = Array.from({ length: quantities }, () => new Float64Array(iterations));
  let filled = 0;
  const once = reporting(replay, iterations, progress, 0, 1);
  once((columns, size) => {
    for (let q = 0; q < quantities; q++) draws[q].set(columns[q].subarray(0, size), filled);
    filled += size;
  });
  return { ...summarizePasses(() => (visit) => visit(draws, iterations), request), draws };
}

/** The replay, telling `progress` (when given) how far it has got as replay `pass` of `passes`. */
function reporting(
  replay: Replay,
  iterations: number,
  progress: ((fraction: number) => void) | undefined,
  pass: number,
  passes: number,
): Replay {
  if (progress === undefined) return replay;
  return (visit) => {
    let done = 0;
    let told = -1;
    replay((columns, size) => {
      visit(columns, size);
      done += size;
      const fraction = (pass * iterations + done) / (passes * iterations); // 1 exactly at the end
      if (fraction - told >= 0.01 || done === iterations) {
        told = fraction;
        progress(fraction);
      }
    });
  };
}

/** Fine bins per quantity for locating order statistics. */
const FINE_BINS = 4096;

/** The three passes, each over `pass(0)`, `pass(1)` and `pass(2)`'s draws. */
function summarizePasses(
  pass: (index: number) => Replay,
  request: SummaryRequest,
): Omit<Summaries, "draws"> {
  const { quantities, iterations: n, target, bins } = request;
  // Pass 1: means (summed in iteration order) and ranges.
  const mean = new Float64Array(quantities);
  const minimum = new Float64Array(quantities).fill(Infinity);
  const maximum = new Float64Array(quantities).fill(-Infinity);
  pass(0)((columns, size) => {
    for (let q = 0; q < quantities; q++) {
      const column = columns[q];
      let sum = mean[q];
      let low = minimum[q];
      let high = maximum[q];
      for (let t = 0; t < size; t++) {
        const v = column[t];
        sum += v / n;
        if (v < low) low = v;
        if (v > high) high = v;
      }
      mean[q] = sum;
      minimum[q] = low;
      maximum[q] = high;
    }
  });
  // Pass 2: squares about the mean, fine-bin counts, histograms and the share above the target.
  const squares = new Float64Array(quantities);
  const fine = Array.from({ length: quantities }, () => new Float64Array(FINE_BINS));
  const histograms = request.distributions.map(() => new Float64Array(bins));
  const above = request.distributions.map(() => 0);
  pass(1)((columns, size) => {
    for (let q = 0; q < quantities; q++) {
      const column = columns[q];
      const counts = fine[q];
      const [centre, low, high] = [mean[q], minimum[q], maximum[q]];
      let sum = squares[q];
      for (let t = 0; t < size; t++) {
        const v = column[t];
        sum += (v - centre) ** 2;
        counts[fineIndex(v, low, high)]++;
      }
      squares[q] = sum;
    }
    request.distributions.forEach((q, d) => {
      const column = columns[q];
      for (let t = 0; t < size; t++) {
        const v = column[t];
        histograms[d][histogramIndex(v, minimum[q], maximum[q], bins)]++;
        if (target !== undefined && v > target) above[d]++;
      }
    });
  });
  // Which fine bin holds each order statistic the percentiles need, and how many lie below it.
  const ranks = percentileRanks(n);
  const kept = fine.map((counts) => {
    const slot = new Int32Array(FINE_BINS).fill(-1);
    const parts: { below: number; values: number[] }[] = [];
    for (const rank of ranks) {
      let below = 0;
      let bin = 0;
      while (below + counts[bin] <= rank) below += counts[bin++];
      if (slot[bin] < 0) {
        slot[bin] = parts.length;
        parts.push({ below, values: [] });
      }
    }
    return { slot, parts };
  });
  // Pass 3: the draws in those bins, from which the order statistics are exact.
  pass(2)((columns, size) => {
    for (let q = 0; q < quantities; q++) {
      const column = columns[q];
      const { slot, parts } = kept[q];
      const [low, high] = [minimum[q], maximum[q]];
      for (let t = 0; t < size; t++) {
        const v = column[t];
        const part = slot[fineIndex(v, low, high)];
        if (part >= 0) parts[part].values.push(v);
      }
    }
  });
  for (const { parts } of kept) for (const { values } of parts) values.sort((a, b) => a - b);
  const orderStatistic = (q: number, rank: number): number => {
    for (const { below, values } of kept[q].parts) {
      if (rank >= below && rank < below + values.length) return values[rank - below];
    }
    throw new Error(`Order statistic ${rank} was not kept.`); // cannot happen: every rank's bin is
  };
  const summaries = Array.from({ length: quantities }, (_, q) => ({
    mean: mean[q],
    sd: Math.sqrt(squares[q] / (n - 1)),
    percentiles: PERCENTILES.map((p) => ({
      p,
      value: percentile(p, n, (rank) => orderStatistic(q, rank)),
    })),
  }));
  const distributions = request.distributions.map((q, d) =>
    distribution(summaries[q], above[d], n, target, minimum[q], maximum[q], histograms[d]),
  );
  return { quantities: summaries, distributions };
}

/** The order statistics (0-based ranks) numpy's linear percentiles of n draws read. */
function percentileRanks(n: number): number[] {
  return PERCENTILES.flatMap((p) => {
    const low = Math.floor((n - 1) * p);
    return [low, Math.min(low + 1, n - 1)];
  });
}

/** numpy's linear rule, as `quantile` of models/describe, from the order statistics. */
function percentile(p: number, n: number, orderStatistic: (rank: number) => number): number {
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const lowValue = orderStatistic(low);
  return lowValue + (h - low) * (orderStatistic(Math.min(low + 1, n - 1)) - lowValue);
}

function fineIndex(v: number, minimum: number, maximum: number): number {
  if (maximum === minimum) return 0;
  return Math.min(FINE_BINS - 1, Math.floor(((v - minimum) / (maximum - minimum)) * FINE_BINS));
}

function distribution(
  summary: QuantitySummary,
  above: number,
  n: number,
  target: number | undefined,
  minimum: number,
  maximum: number,
  counts: Float64Array,
): DistributionSummary {
  return {
    mean: summary.mean,
    sd: summary.sd,
    percentiles: summary.percentiles,
    aboveTarget: target === undefined ? null : above / n,
    histogram: histogramBins(minimum, maximum, counts),
  };
}

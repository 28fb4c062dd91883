/**
 * Summaries of simulated quantities (mean, SD, numpy's linear percentiles, the share above a
 * target, a histogram), computed either from every draw held in memory or, when that would hold
 * too much, from three replays of the same seeded simulation that keep only counts: the first
 * finds each quantity's mean and range, the second counts draws into fine bins, and the third
 * keeps just the draws in the bins where the wanted order statistics fall. Both give the same
 * numbers to the last bit.
 */
import { selectOrderStatistics } from "../stats/orderStatistics";
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

/** Runs the whole seeded simulation, calling `visit` with each iteration's quantities. */
export type Replay = (visit: (quantities: Float64Array) => void) => void;

export interface SummaryRequest {
  readonly quantities: number;
  readonly iterations: number;
  /** The quantities that get a histogram and the share above the target. */
  readonly distributions: readonly number[];
  readonly target?: number;
  readonly bins: number;
  /** Draws held at most before streaming (STORED_DRAWS unless a test asks for less). */
  readonly storedDraws?: number;
}

export interface Summaries {
  readonly quantities: readonly QuantitySummary[];
  /** One per requested distribution, in the order asked. */
  readonly distributions: readonly DistributionSummary[];
  /** Every draw, per quantity in iteration order; null when the summaries streamed. */
  readonly draws: readonly Float64Array[] | null;
}

export function summarize(replay: Replay, request: SummaryRequest): Summaries {
  const { quantities, iterations } = request;
  return quantities * iterations <= (request.storedDraws ?? STORED_DRAWS)
    ? summarizeStored(replay, request)
    : summarizeStreamed(replay, request);
}

function summarizeStored(replay: Replay, request: SummaryRequest): Summaries {
  const { quantities, iterations, target } = request;
  const draws = Array.from({ length: quantities }, () => new Float64Array(iterations));
  let i = 0;
  replay((values) => {
    for (let q = 0; q < quantities; q++) draws[q][i] = values[q];
    i++;
  });
  const summaries = draws.map((values) => {
    const n = values.length;
    let mean = 0;
    for (const v of values) mean += v / n;
    let squares = 0;
    for (const v of values) squares += (v - mean) ** 2;
    const ordered = Float64Array.from(values);
    selectOrderStatistics(ordered, [0, n - 1, ...percentileRanks(n)]);
    return {
      mean,
      sd: Math.sqrt(squares / (n - 1)),
      percentiles: PERCENTILES.map((p) => ({ p, value: percentile(p, n, (r) => ordered[r]) })),
      minimum: ordered[0],
      maximum: ordered[n - 1],
    };
  });
  const distributions = request.distributions.map((q) => {
    const { minimum, maximum } = summaries[q];
    const counts = new Float64Array(request.bins);
    let above = 0;
    for (const v of draws[q]) {
      counts[histogramIndex(v, minimum, maximum, request.bins)]++;
      if (target !== undefined && v > target) above++;
    }
    return distribution(summaries[q], above, iterations, target, minimum, maximum, counts);
  });
  return {
    quantities: summaries.map(({ mean, sd, percentiles }) => ({ mean, sd, percentiles })),
    distributions,
    draws,
  };
}

/** Fine bins per quantity for locating order statistics while streaming. */
const FINE_BINS = 4096;

function summarizeStreamed(replay: Replay, request: SummaryRequest): Summaries {
  const { quantities, iterations: n, target, bins } = request;
  // Pass 1: means (summed in iteration order, as the stored path sums) and ranges.
  const mean = new Float64Array(quantities);
  const minimum = new Float64Array(quantities).fill(Infinity);
  const maximum = new Float64Array(quantities).fill(-Infinity);
  replay((values) => {
    for (let q = 0; q < quantities; q++) {
      const v = values[q];
      mean[q] += v / n;
      if (v < minimum[q]) minimum[q] = v;
      if (v > maximum[q]) maximum[q] = v;
    }
  });
  // Pass 2: squares about the mean, fine-bin counts, histograms and the share above the target.
  const squares = new Float64Array(quantities);
  const fine = Array.from({ length: quantities }, () => new Float64Array(FINE_BINS));
  const histograms = request.distributions.map(() => new Float64Array(bins));
  const above = request.distributions.map(() => 0);
  replay((values) => {
    for (let q = 0; q < quantities; q++) {
      const v = values[q];
      squares[q] += (v - mean[q]) ** 2;
      fine[q][fineIndex(v, minimum[q], maximum[q])]++;
    }
    request.distributions.forEach((q, d) => {
      const v = values[q];
      histograms[d][histogramIndex(v, minimum[q], maximum[q], bins)]++;
      if (target !== undefined && v > target) above[d]++;
    });
  });
  // Which fine bin holds each order statistic the percentiles need, and how many lie below it.
  const ranks = percentileRanks(n);
  const wanted = fine.map((counts) => {
    const keep = new Map<number, { below: number; values: number[] }>();
    for (const rank of ranks) {
      let below = 0;
      let bin = 0;
      while (below + counts[bin] <= rank) below += counts[bin++];
      keep.set(bin, { below, values: [] });
    }
    return keep;
  });
  // Pass 3: the draws in those bins, from which the order statistics are exact.
  replay((values) => {
    for (let q = 0; q < quantities; q++) {
      const v = values[q];
      wanted[q].get(fineIndex(v, minimum[q], maximum[q]))?.values.push(v);
    }
  });
  const orderStatistic = (q: number, rank: number): number => {
    for (const { below, values } of wanted[q].values()) {
      if (rank >= below && rank < below + values.length) {
        values.sort((a, b) => a - b);
        return values[rank - below];
      }
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
  return { quantities: summaries, distributions, draws: null };
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

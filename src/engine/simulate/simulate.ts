/**
 * Monte Carlo of the response to spend plans. Each iteration draws the model's parameters once
 * (shared by every plan, so that differences between plans are not blurred by separate draws),
 * then per plan the spend (where the plan is uncertain) and the observation noise. Per plan it
 * reports the response's distribution, and per input the incremental response (the expected
 * response minus the expected response with that input's spend at zero) and the ROI (incremental
 * response per unit of spend); per plan after the first, the difference in expected response
 * from the first plan (the noise of one future period is common to both, so it is left out).
 */
import { EngineError } from "../errors";
import { Random } from "../stats/random";
import { Sampler } from "../stats/samplers";
import type { PlanRow } from "./plan";
import type { PredictiveModel } from "./predictive";
import {
  summarize,
  type DistributionSummary,
  type QuantitySummary,
  type Replay,
} from "./summaries";

export { PERCENTILES } from "./summaries";

export interface SimulationOptions {
  readonly iterations: number;
  readonly seed: number;
  /** Report the probability that the response exceeds this. */
  readonly target?: number;
  /** Coefficient of variation of every spend the plan gives no spread of its own (default 0). */
  readonly cv?: number;
  /** Histogram bins (default 40). */
  readonly bins?: number;
  /** Draws held at most before the summaries stream (for tests; default STORED_DRAWS). */
  readonly storedDraws?: number;
  /** Hears how far the simulation has got, 0 to 1, every 1 % or so. */
  readonly progress?: (fraction: number) => void;
}

export interface ChannelSummary {
  readonly input: string;
  /** The planned spend. */
  readonly spend: number;
  readonly incremental: QuantitySummary;
  /** Incremental response per unit of spend; null where the planned spend is 0. */
  readonly roi: QuantitySummary | null;
}

export interface PlanSummary extends DistributionSummary {
  readonly name: string;
  readonly channels: readonly ChannelSummary[];
}

export interface DifferenceSummary extends QuantitySummary {
  readonly plan: string;
  readonly baseline: string;
}

export interface Simulation {
  readonly plans: readonly PlanSummary[];
  /** Each plan after the first against the first. */
  readonly differences: readonly DifferenceSummary[];
  /** Each plan's response draws in iteration order; null when there were too many to hold. */
  readonly draws: readonly Float64Array[] | null;
}

const MIN_ITERATIONS = 100;
/** Iterations simulated between visits of the summaries. */
const CHUNK = 1024;
const MAX_ITERATIONS = 10_000_000;

export function simulatePlans(
  model: PredictiveModel,
  plans: readonly PlanRow[],
  options: SimulationOptions,
): Simulation {
  const { iterations } = options;
  const cv = options.cv ?? 0;
  if (!(
    Number.isInteger(iterations) &&
    iterations >= MIN_ITERATIONS &&
    iterations <= MAX_ITERATIONS
  )) {
    throw new EngineError(
      "invalidOption",
      `Iterations must be a whole number from 100 to 10,000,000; it is ${iterations}.`,
    );
  }
  if (!(Number.isFinite(cv) && cv >= 0)) {
    throw new EngineError(
      "invalidOption",
      `The coefficient of variation must be a number of 0 or more; it is ${cv}.`,
    );
  }
  if (plans.length === 0) throw new EngineError("invalidOption", "The plan has no rows.");
  const k = model.inputs.length;
  plans.forEach((plan, row) => {
    if (plan.spend.length !== k) {
      throw new EngineError(
        "invalidOption",
        `Plan row ${row + 1} has ${plan.spend.length} values; the model has ${k} inputs (${model.inputs.join(", ")}).`,
      );
    }
  });
  const layout = plans.map((plan) => ({
    response: 0,
    incremental: [] as number[],
    roi: [] as (number | null)[],
    plan,
    spreads: plan.spreads.map(
      (spread, j) =>
        spread ??
        (cv > 0 && plan.spend[j] > 0 ? { kind: "sd" as const, sd: cv * plan.spend[j] } : null),
    ),
  }));
  let quantities = 0;
  for (const entry of layout) {
    entry.response = quantities++;
    for (let j = 0; j < k; j++) entry.incremental.push(quantities++);
    for (let j = 0; j < k; j++) entry.roi.push(entry.plan.spend[j] > 0 ? quantities++ : null);
  }
  const differenceAt = plans.slice(1).map(() => quantities++);

  const replay: Replay = (visit) => {
    const sampler = new Sampler(new Random(options.seed));
    const columns = Array.from({ length: quantities }, () => new Float64Array(CHUNK));
    const spend = new Float64Array(k);
    const incremental = new Float64Array(k);
    const expected = new Float64Array(plans.length);
    for (let start = 0; start < iterations; start += CHUNK) {
      const size = Math.min(CHUNK, iterations - start);
      for (let t = 0; t < size; t++) {
        const draw = model.draw(sampler);
        for (let p = 0; p < layout.length; p++) {
          const entry = layout[p];
          for (let j = 0; j < k; j++) {
            spend[j] = drawSpend(sampler, entry.plan.spend[j], entry.spreads[j]);
          }
          const mean = model.expected(draw, spend);
          expected[p] = mean;
          columns[entry.response][t] = mean + draw.sigma * sampler.normal();
          model.incremental(draw, spend, incremental);
          for (let j = 0; j < k; j++) {
            columns[entry.incremental[j]][t] = incremental[j];
            const roi = entry.roi[j];
            if (roi !== null) columns[roi][t] = incremental[j] / spend[j];
          }
        }
        for (let d = 0; d < differenceAt.length; d++) {
          columns[differenceAt[d]][t] = expected[d + 1] - expected[0];
        }
      }
      visit(columns, size);
    }
  };

  const summaries = summarize(replay, {
    quantities,
    iterations,
    distributions: layout.map((entry) => entry.response),
    target: options.target,
    bins: options.bins ?? 40,
    storedDraws: options.storedDraws,
    progress: options.progress,
  });
  const at = (q: number) => summaries.quantities[q];
  return {
    plans: layout.map((entry, p) => ({
      name: entry.plan.name,
      ...summaries.distributions[p],
      channels: model.inputs.map((input, j) => {
        const roi = entry.roi[j];
        return {
          input,
          spend: entry.plan.spend[j],
          incremental: at(entry.incremental[j]),
          roi: roi === null ? null : at(roi),
        };
      }),
    })),
    differences: differenceAt.map((q, d) => ({
      plan: plans[d + 1].name,
      baseline: plans[0].name,
      ...at(q),
    })),
    draws:
      summaries.draws === null ? null : layout.map((entry) => summaries.draws![entry.response]),
  };
}

/** One draw of a planned spend: as planned, normal redrawn below zero, or triangular. */
function drawSpend(sampler: Sampler, planned: number, spread: PlanRow["spreads"][number]): number {
  if (spread === null) return planned;
  if (spread.kind === "range") return sampler.triangular(spread.min, planned, spread.max);
  for (;;) {
    const value = planned + spread.sd * sampler.normal();
    if (value >= 0) return value;
  }
}

/**
 * Monte Carlo of the response to spend plans: each iteration draws the model's parameters once
 * (shared by every plan, so that differences between plans are not blurred by separate draws) and
 * an observation noise for each plan. Per plan: mean, SD, percentiles (numpy's linear rule) and
 * the probability of beating a target.
 */
import { EngineError } from "../errors";
import { quantile } from "../models/describe";
import { Random } from "../stats/random";
import { Sampler } from "../stats/samplers";
import type { PredictiveModel } from "./predictive";

export const PERCENTILES = [0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975] as const;

export interface SimulationOptions {
  readonly iterations: number;
  readonly seed: number;
  /** Report the probability that the response exceeds this. */
  readonly target?: number;
}

export interface PlanSummary {
  readonly mean: number;
  readonly sd: number;
  readonly percentiles: readonly { readonly p: number; readonly value: number }[];
  /** P(response > target), or null without a target. */
  readonly aboveTarget: number | null;
}

export interface Simulation {
  readonly plans: readonly PlanSummary[];
  /** The draws of each plan's response, in iteration order. */
  readonly draws: readonly Float64Array[];
}

export function simulatePlans(
  model: PredictiveModel,
  plans: readonly Float64Array[],
  options: SimulationOptions,
): Simulation {
  const { iterations } = options;
  if (!(Number.isInteger(iterations) && iterations >= 100 && iterations <= 10_000_000)) {
    throw new EngineError(
      "invalidOption",
      `Iterations must be a whole number from 100 to 10,000,000; it is ${iterations}.`,
    );
  }
  if (plans.length === 0) throw new EngineError("invalidOption", "The plan has no rows.");
  plans.forEach((plan, row) => {
    if (plan.length !== model.inputs.length) {
      throw new EngineError(
        "invalidOption",
        `Plan row ${row + 1} has ${plan.length} values; the model has ${model.inputs.length} inputs (${model.inputs.join(", ")}).`,
      );
    }
  });
  const sampler = new Sampler(new Random(options.seed));
  const draws = plans.map(() => new Float64Array(iterations));
  for (let i = 0; i < iterations; i++) {
    const draw = model.draw(sampler);
    plans.forEach((plan, row) => {
      draws[row][i] = model.expected(draw, plan) + draw.sigma * sampler.normal();
    });
  }
  return { plans: draws.map((values) => summarize(values, options.target)), draws };
}

function summarize(values: Float64Array, target: number | undefined): PlanSummary {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let squares = 0;
  let above = 0;
  for (const v of values) {
    squares += (v - mean) ** 2;
    if (target !== undefined && v > target) above++;
  }
  const sorted = Float64Array.from(values).sort();
  return {
    mean,
    sd: Math.sqrt(squares / (n - 1)),
    percentiles: PERCENTILES.map((p) => ({ p, value: quantile(sorted, p) })),
    aboveTarget: target === undefined ? null : above / n,
  };
}

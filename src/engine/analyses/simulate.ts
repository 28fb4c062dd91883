/**
 * The Monte Carlo of spend plans as tables: the shared view of the CLI, =MMM.SIMULATE and the
 * task pane's "Simulate a plan". The regression of y on the spend columns is fitted here, then
 * each plan row is simulated (simulate/simulate.ts); the tables select and format only.
 */
import type { Cell, Column } from "../data/types";
import type { PlanRow } from "../simulate/plan";
import { regressionModel } from "../simulate/predictive";
import { simulatePlans, type Simulation, type SimulationOptions } from "../simulate/simulate";
import { runOls } from "./ols";

export interface SimulationRun {
  readonly response: string;
  readonly inputs: readonly string[];
  readonly iterations: number;
  readonly seed: number;
  readonly target?: number;
  readonly simulation: Simulation;
}

/** The regression of `y` on `x`, and the plans simulated from it. */
export function runSimulation(
  y: Column,
  x: readonly Column[],
  plans: (inputs: readonly string[]) => PlanRow[],
  options: SimulationOptions,
): SimulationRun {
  const model = regressionModel(runOls({ y, x: [...x] }));
  const simulation = simulatePlans(model, plans(model.inputs), options);
  return {
    response: y.name,
    inputs: model.inputs,
    iterations: options.iterations,
    seed: options.seed,
    target: options.target,
    simulation,
  };
}

const percentLabel = (p: number) => `P${+(p * 100).toFixed(1)}`;

/** Per plan: mean, SD, the 2.5, 50 and 97.5 percentiles, and P(> target) when there is one. */
export function summaryTable(run: SimulationRun): Cell[][] {
  const { plans } = run.simulation;
  const wanted = [0.025, 0.5, 0.975];
  return [
    [
      "Plan",
      "Mean",
      "SD",
      ...wanted.map(percentLabel),
      ...(run.target === undefined ? [] : [`P(> ${run.target})`]),
    ],
    ...plans.map((plan): Cell[] => [
      plan.name,
      plan.mean,
      plan.sd,
      ...wanted.map((p) => plan.percentiles.find((q) => q.p === p)!.value),
      ...(run.target === undefined ? [] : [plan.aboveTarget]),
    ]),
  ];
}

/** Per plan: all nine percentiles. */
export function percentilesTable(run: SimulationRun): Cell[][] {
  const { plans } = run.simulation;
  return [
    ["Plan", ...plans[0].percentiles.map((q) => percentLabel(q.p))],
    ...plans.map((plan): Cell[] => [plan.name, ...plan.percentiles.map((q) => q.value)]),
  ];
}

/** Per plan and channel: spend, incremental response and ROI with their 95 % intervals. */
export function channelsTable(run: SimulationRun): Cell[][] {
  const interval = (summary: { mean: number; percentiles: readonly { value: number }[] }) => [
    summary.mean,
    summary.percentiles[0].value,
    summary.percentiles[summary.percentiles.length - 1].value,
  ];
  return [
    [
      "Plan",
      "Channel",
      "Spend",
      `Incremental ${run.response}`,
      "Lower 95%",
      "Upper 95%",
      "ROI",
      "ROI lower 95%",
      "ROI upper 95%",
    ],
    ...run.simulation.plans.flatMap((plan) =>
      plan.channels.map((channel): Cell[] => [
        plan.name,
        channel.input,
        channel.spend,
        ...interval(channel.incremental),
        ...(channel.roi === null ? [null, null, null] : interval(channel.roi)),
      ]),
    ),
  ];
}

/** Each plan after the first against the first: the difference in expected response. */
export function comparisonTable(run: SimulationRun): Cell[][] {
  return [
    ["Plan", "Against", "Difference", "SD", "Lower 95%", "Upper 95%"],
    ...run.simulation.differences.map((difference): Cell[] => [
      difference.plan,
      difference.baseline,
      difference.mean,
      difference.sd,
      difference.percentiles[0].value,
      difference.percentiles[difference.percentiles.length - 1].value,
    ]),
  ];
}

/** Every plan's histogram, one row a bin. */
export function histogramTable(run: SimulationRun): Cell[][] {
  return [
    ["Plan", "Lower", "Upper", "Count"],
    ...run.simulation.plans.flatMap((plan) =>
      plan.histogram.map((bin): Cell[] => [plan.name, bin.lower, bin.upper, bin.count]),
    ),
  ];
}

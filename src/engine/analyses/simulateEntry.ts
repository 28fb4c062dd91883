/**
 * The task pane's "Simulate a plan": sales regressed on the chosen spend channels, then a Monte
 * Carlo of the plans typed in the pane (one scenario a line; none: the average spend of the data).
 * The results sheet holds the summary, the percentiles, each channel's incremental sales and ROI,
 * the comparison with the first plan, the histograms and their charts.
 */
import type { Cell, Column, NumericColumn } from "../data/types";
import { EngineError } from "../errors";
import { parsePlanText } from "../simulate/plan";
import type { ChartSpec } from "./chartSpec";
import { readable } from "./readingText";
import type { AnalysisEntry, AnalysisInput } from "./registry";
import type { Threads } from "../parallel";
import type { Report } from "./report";
import {
  channelsTable,
  comparisonTable,
  percentilesTable,
  runSimulation,
  summaryTable,
  type SimulationRun,
} from "./simulate";

export const simulateEntry = {
  id: "simulate",
  title: "Simulate a plan",
  sheetName: "Simulation",
  roles: [
    { id: "y", label: "Sales (y)", accepts: "numeric", multiple: false },
    { id: "x", label: "Spend channels (x)", accepts: "numeric", multiple: true },
  ],
  options: [
    {
      id: "plan",
      label: "Plan: one scenario a line, spend per channel in the order chosen (Name: 100, 50)",
      kind: "text",
      default: "",
    },
    {
      id: "iterations",
      label: "Iterations",
      kind: "number",
      default: 10_000,
      min: 100,
      max: 10_000_000,
    },
    { id: "seed", label: "Seed", kind: "number", default: 0, min: 0, max: 2 ** 31 },
    {
      id: "cv",
      label: "Spend uncertainty (coefficient of variation, 0 = certain)",
      kind: "number",
      default: 0,
      min: 0,
      max: 10,
    },
    { id: "target", label: "Sales target (optional)", kind: "text", default: "" },
  ],
  validate(input: AnalysisInput): string[] {
    const messages: string[] = [];
    const y = input.roles.y ?? [];
    const x = input.roles.x ?? [];
    if (y.length !== 1) messages.push("Choose the sales column (y).");
    if (x.length === 0) messages.push("Choose at least one spend channel (x).");
    if (y.length === 1 && x.some((column) => column.name === y[0].name))
      messages.push(`"${y[0].name}" is the sales column; it cannot also be a channel.`);
    const target = String(input.options.target ?? "").trim();
    if (target !== "" && !Number.isFinite(Number(target)))
      messages.push(`The target "${target}" is not a number.`);
    return messages;
  },
  run(input: AnalysisInput, _threads?: Threads, progress?: (fraction: number) => void): Report {
    const [y] = input.roles.y;
    const x = input.roles.x;
    const target = String(input.options.target ?? "").trim();
    const run = runSimulation(
      y,
      x,
      (inputs) =>
        parsePlanText(String(input.options.plan ?? ""), inputs, {
          name: "Average spend",
          spend: Float64Array.from(x, averageSpend),
        }),
      {
        iterations: Number(input.options.iterations ?? 10_000),
        seed: Number(input.options.seed ?? 0),
        cv: Number(input.options.cv ?? 0),
        target: target === "" ? undefined : Number(target),
        progress,
      },
    );
    return simulationReport(run);
  },
} satisfies AnalysisEntry;

/** The mean of a spend column over its non-blank rows. */
function averageSpend(column: Column): number {
  const values = (column as NumericColumn).values.filter((v) => !Number.isNaN(v));
  if (values.length === 0) throw new EngineError("tooFewRows", `"${column.name}" has no numbers.`);
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function simulationReport(run: SimulationRun): Report {
  const { plans, differences } = run.simulation;
  const money = (value: number) => readable(value);
  const reading = [
    `${run.iterations.toLocaleString("en-US")} iterations (seed ${run.seed}) of ${run.response} from its regression on ${run.inputs.join(", ")}: parameter uncertainty, the observation noise, and the plan's spread where given.`,
    ...plans.map((plan) => {
      const lower = plan.percentiles[0].value;
      const upper = plan.percentiles[plan.percentiles.length - 1].value;
      const above =
        plan.aboveTarget === null
          ? ""
          : ` P(> ${money(run.target!)}) = ${(100 * plan.aboveTarget).toFixed(1)} %.`;
      return `${plan.name}: expected ${run.response} ${money(plan.mean)}, 95 % between ${money(lower)} and ${money(upper)}.${above}`;
    }),
    ...differences.map((difference) => {
      const lower = difference.percentiles[0].value;
      const upper = difference.percentiles[difference.percentiles.length - 1].value;
      return `${difference.plan} against ${difference.baseline}: ${money(difference.mean)} expected ${run.response} (95 % between ${money(lower)} and ${money(upper)}).`;
    }),
  ];
  const channels = channelsTable(run);
  return {
    title: `Simulation: ${run.response} for ${plans.length} plan${plans.length === 1 ? "" : "s"}`,
    reading,
    tables: [
      { title: "Summary", rows: summaryTable(run), formats: ["", "#,##0.0", "#,##0.0"] },
      { title: "Percentiles", rows: percentilesTable(run) },
      {
        title: "Incremental sales and ROI by channel",
        rows: channels,
        formats: ["", "", "#,##0.00", "#,##0.0", "#,##0.0", "#,##0.0", "0.000", "0.000", "0.000"],
      },
      ...(differences.length === 0
        ? []
        : [{ title: "Against the first plan (expected sales)", rows: comparisonTable(run) }]),
    ],
    charts: [
      ...plans.map((plan): ChartSpec => ({
        kind: "column",
        title: `Simulated ${run.response}: ${plan.name}`,
        xAxisTitle: run.response,
        yAxisTitle: "Iterations",
        data: [
          ["Bin centre", "Iterations"],
          ...plan.histogram.map((bin): Cell[] => [
            Number(((bin.lower + bin.upper) / 2).toPrecision(4)),
            bin.count,
          ]),
        ],
        series: [{ column: 1, style: "markers" }],
      })),
      {
        kind: "column",
        title: `Incremental ${run.response} by channel`,
        xAxisTitle: "Channel",
        yAxisTitle: `Incremental ${run.response}`,
        data: [
          ["Channel", ...plans.map((plan) => plan.name)],
          ...run.inputs.map((input, j): Cell[] => [
            input,
            ...plans.map((plan) => plan.channels[j].incremental.mean),
          ]),
        ],
        series: plans.map((_, p) => ({ column: p + 1, style: "markers" as const })),
      },
    ],
  };
}

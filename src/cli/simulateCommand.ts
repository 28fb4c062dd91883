/**
 * `mmm simulate DATA.csv --y COL --x A,B,C --plan PLAN.csv [--iterations N] [--seed S]
 * [--target T] [--json]`: the regression of y on the spend columns, then a Monte Carlo of each
 * plan row (parameters drawn from their posterior, then the noise).
 *
 * JSON contract (issue 8): `{"plans": [{row, name, mean, sd, percentiles: [{p, value}],
 * aboveTarget, histogram: [{lower, upper, count}], channels: [{input, spend, incremental, roi}]}],
 * differences: [{plan, baseline, mean, sd, percentiles}], iterations, seed}` with p in 0.025,
 * 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975; `aboveTarget` is null without --target;
 * `incremental` and `roi` are {mean, sd, percentiles} (roi null where the planned spend is 0).
 * `--cv C` draws every spend the plan gives no spread of its own with SD C × spend.
 */
import { basename } from "node:path";
import {
  channelsTable,
  comparisonTable,
  runSimulation,
  summaryTable,
} from "../engine/analyses/simulate";
import type { Cell } from "../engine/data/types";
import { selectColumns } from "../engine/data/select";
import { readPlan } from "../engine/simulate/plan";
import {
  expectArguments,
  listOption,
  numberOption,
  requireOption,
  stringOption,
  UsageError,
  type ParsedArgs,
} from "./args";
import { readCsvFile } from "./files";
import { cellsText, renderTable } from "./format";

export const SIMULATE_USAGE =
  "mmm simulate DATA.csv --y COLUMN --x COL1,COL2,... --plan PLAN.csv [--iterations 10000] [--seed 0] [--target T] [--cv C] [--json]";

export function runSimulateCommand(args: ParsedArgs): string {
  expectArguments(
    args,
    ["y", "x", "plan", "iterations", "seed", "target", "cv", "json", "help"],
    2,
  );
  const file = args.positional[1];
  if (file === undefined) throw new UsageError(`usage: ${SIMULATE_USAGE}`);
  const yName = requireOption(args, "y");
  const xNames = listOption(args, "x");
  const planFile = requireOption(args, "plan");
  const data = readCsvFile(file);
  const [y, ...x] = selectColumns(data, [yName, ...xNames], basename(file));
  const plan = readCsvFile(planFile);
  const iterations = numberOption(args, "iterations", 10_000);
  const seed = numberOption(args, "seed", 0);
  const cv = numberOption(args, "cv", 0);
  const target =
    stringOption(args, "target") === undefined ? undefined : numberOption(args, "target", 0);
  const run = runSimulation(y, x, (inputs) => readPlan(plan, inputs), {
    iterations,
    seed,
    target,
    cv,
  });
  const { plans, differences } = run.simulation;
  if (args.options.has("json")) {
    return JSON.stringify({
      plans: plans.map((summary, i) => ({ row: i + 1, ...summary })),
      differences,
      iterations,
      seed,
    });
  }
  const text = (table: Cell[][]) => renderTable(cellsText(table));
  return [
    `Monte Carlo of ${yName} for ${plans.length} plan${plans.length === 1 ? "" : "s"}: ${iterations} iterations, seed ${seed}`,
    "",
    text(summaryTable(run)),
    "",
    "Incremental sales and ROI by channel (95 % intervals):",
    text(channelsTable(run)),
    ...(differences.length === 0
      ? []
      : ["", "Against the first plan (expected sales):", text(comparisonTable(run))]),
  ].join("\n");
}

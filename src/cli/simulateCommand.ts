/**
 * `mmm simulate DATA.csv --y COL --x A,B,C --plan PLAN.csv [--iterations N] [--seed S]
 * [--target T] [--json]`: the regression of y on the spend columns, then a Monte Carlo of each
 * plan row (parameters drawn from their posterior, then the noise).
 *
 * JSON contract (issue 8): `{"plans": [{row, mean, sd, percentiles: [{p, value}], aboveTarget}],
 * iterations, seed}` with p in 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975; `aboveTarget`
 * is null without --target.
 */
import { basename } from "node:path";
import { runOls } from "../engine/analyses/ols";
import { selectColumns } from "../engine/data/select";
import { readPlan } from "../engine/simulate/plan";
import { regressionModel } from "../engine/simulate/predictive";
import { simulatePlans } from "../engine/simulate/simulate";
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
import { formatNumber, renderTable } from "./format";

export const SIMULATE_USAGE =
  "mmm simulate DATA.csv --y COLUMN --x COL1,COL2,... --plan PLAN.csv [--iterations 10000] [--seed 0] [--target T] [--json]";

export function runSimulateCommand(args: ParsedArgs): string {
  expectArguments(args, ["y", "x", "plan", "iterations", "seed", "target", "json", "help"], 2);
  const file = args.positional[1];
  if (file === undefined) throw new UsageError(`usage: ${SIMULATE_USAGE}`);
  const yName = requireOption(args, "y");
  const xNames = listOption(args, "x");
  const planFile = requireOption(args, "plan");
  const data = readCsvFile(file);
  const [y, ...x] = selectColumns(data, [yName, ...xNames], basename(file));
  const model = regressionModel(runOls({ y, x }));
  const plans = readPlan(readCsvFile(planFile), model.inputs);
  const iterations = numberOption(args, "iterations", 10_000);
  const seed = numberOption(args, "seed", 0);
  const target =
    stringOption(args, "target") === undefined ? undefined : numberOption(args, "target", 0);
  const { plans: summaries } = simulatePlans(model, plans, { iterations, seed, target });
  if (args.options.has("json")) {
    return JSON.stringify({
      plans: summaries.map((summary, i) => ({ row: i + 1, ...summary })),
      iterations,
      seed,
    });
  }
  const header = ["Plan", "Mean", "SD", ...summaries[0].percentiles.map((q) => `P${q.p * 100}`)];
  if (target !== undefined) header.push(`P(> ${formatNumber(target)})`);
  return [
    `Monte Carlo of ${yName} for ${plans.length} plan${plans.length === 1 ? "" : "s"}: ${iterations} iterations, seed ${seed}`,
    "",
    renderTable([
      header,
      ...summaries.map((summary, i) => [
        String(i + 1),
        formatNumber(summary.mean),
        formatNumber(summary.sd),
        ...summary.percentiles.map((q) => formatNumber(q.value)),
        ...(summary.aboveTarget === null ? [] : [formatNumber(summary.aboveTarget, 4)]),
      ]),
    ]),
  ].join("\n");
}

/**
 * `mmm abtest FILE.csv (--a COL --b COL | --value COL --group COL --control A --variant B)
 * [--test welch|student|mann-whitney|proportions|chi-square] [--alpha 0.05] [--json]`
 *
 * Wide data name the two arms' columns; long data name the outcome, the arm column and its two
 * labels. For chi-square, --group is the arm (rows) and --value the outcome label (columns).
 * JSON: `{test, alpha, a, b, diff, ciLow, ciHigh, relativeLift, statistic, p, reject, power, ...}`
 * (the fields of each kind below); every difference is B − A.
 */
import { basename } from "node:path";
import { abTestTable, parseAbTest, runAbTest, type AbTestResult } from "../engine/analyses/abtest";
import type { Column } from "../engine/data/types";
import { selectColumns } from "../engine/data/select";
import { EngineError } from "../engine/errors";
import { groupRows } from "../engine/models/groups";
import {
  expectArguments,
  numberOption,
  requireOption,
  stringOption,
  UsageError,
  type ParsedArgs,
} from "./args";
import { readCsvFile } from "./files";
import { cellsText, renderTable } from "./format";

export const ABTEST_USAGE =
  "mmm abtest FILE.csv (--a COLUMN --b COLUMN | --value COLUMN --group COLUMN --control LABEL --variant LABEL) [--test welch|student|mann-whitney|proportions|chi-square] [--alpha 0.05] [--json]";

export function runAbTestCommand(args: ParsedArgs): string {
  expectArguments(
    args,
    ["a", "b", "value", "group", "control", "variant", "test", "alpha", "json", "help"],
    2,
  );
  const file = args.positional[1];
  if (file === undefined) throw new UsageError(`usage: ${ABTEST_USAGE}`);
  const dataset = readCsvFile(file);
  const label = basename(file);
  const test = parseAbTest(stringOption(args, "test"));
  const alpha = numberOption(args, "alpha", 0.05);
  let a: Column;
  let b: Column;
  if (args.options.has("group")) {
    const [value, group] = selectColumns(
      dataset,
      [requireOption(args, "value"), requireOption(args, "group")],
      label,
    );
    [a, b] =
      test === "chi-square"
        ? [group, value]
        : arms(value, group, requireOption(args, "control"), requireOption(args, "variant"));
  } else {
    [a, b] = selectColumns(dataset, [requireOption(args, "a"), requireOption(args, "b")], label);
  }
  const result = runAbTest(a, b, test, alpha);
  return args.options.has("json")
    ? JSON.stringify(abTestJson(result))
    : renderTable(cellsText(abTestTable(result)));
}

/** The outcome of the control rows and of the variant rows, as two columns. */
function arms(value: Column, group: Column, control: string, variant: string): [Column, Column] {
  if (value.kind !== "numeric")
    throw new EngineError(
      "invalidValue",
      `"${value.name}" must hold numbers (0/1 for proportions).`,
    );
  const rows = new Map(groupRows(group).groups);
  const pick = (wanted: string): Column => {
    const indices = rows.get(wanted);
    if (indices === undefined)
      throw new EngineError("shapeMismatch", `No row of "${group.name}" is "${wanted}".`);
    return {
      kind: "numeric",
      name: wanted,
      values: Float64Array.from(indices, (i) => value.values[i]),
    };
  };
  return [pick(control), pick(variant)];
}

export function abTestJson(result: AbTestResult) {
  const nullable = (x: number) => (Number.isFinite(x) ? x : null);
  if (result.kind === "contingency") {
    return {
      test: "chi-square",
      alpha: result.alpha,
      statistic: result.statistic,
      dof: result.dof,
      p: result.p,
      reject: result.reject,
      rows: result.rowLevels,
      columns: result.columnLevels,
      table: result.table,
      expected: result.expected,
    };
  }
  if (result.kind === "proportions") {
    return {
      test: "proportions",
      alpha: result.alpha,
      a: result.a,
      b: result.b,
      diff: result.diff,
      ciLow: result.diffInterval.low,
      ciHigh: result.diffInterval.high,
      newcombeLow: result.diffIntervalNewcombe.low,
      newcombeHigh: result.diffIntervalNewcombe.high,
      relativeLift: nullable(result.relativeLift),
      statistic: result.z,
      p: result.p,
      reject: result.reject,
      chiSquare: result.chiSquare,
      chiSquareYates: result.chiSquareYates,
      cohensH: result.cohensH,
      power: result.power,
    };
  }
  return {
    test: result.test,
    alpha: result.alpha,
    a: result.a,
    b: result.b,
    diff: result.diff,
    ciLow: result.diffInterval.low,
    ciHigh: result.diffInterval.high,
    relativeLift: nullable(result.relativeLift),
    relativeLiftCiLow: nullable(result.relativeLiftInterval.low),
    relativeLiftCiHigh: nullable(result.relativeLiftInterval.high),
    statistic: result.statistic,
    df: nullable(result.df),
    p: result.p,
    reject: result.reject,
    cohensD: result.cohensD,
    power: result.power,
    mannWhitney: result.mannWhitney,
  };
}

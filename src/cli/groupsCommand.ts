/**
 * `mmm anova FILE.csv --value COL --group COL [--json]` and
 * `mmm tukey FILE.csv --value COL --group COL [--alpha 0.05] [--method tukey|games-howell] [--json]`.
 *
 * The JSON forms are a contract other tools depend on (issue 6): `anova` prints
 * `{anova: {f, p, dfBetween, dfWithin, ssBetween, ssWithin, msBetween, msWithin}, groups: [{name,
 * n, mean, sd}], ...}` and `tukey` adds `comparisons: [{group1, group2, meanDiff, ciLow, ciHigh,
 * pAdj, reject}]` with meanDiff = mean(group2) - mean(group1).
 */
import { basename } from "node:path";
import {
  anovaTable,
  groupTable,
  pairwiseTable,
  parsePairwiseMethod,
  runAnova,
  runPairwise,
  varianceTestTable,
} from "../engine/analyses/groups";
import type { Cell } from "../engine/data/types";
import { selectColumns } from "../engine/data/select";
import type { AnovaResult, FTest } from "../engine/models/anova";
import type { PairwiseResult } from "../engine/models/pairwise";
import {
  expectArguments,
  numberOption,
  requireOption,
  stringOption,
  UsageError,
  type ParsedArgs,
} from "./args";
import { STUDENTIZED_RANGE_P_FLOOR } from "../engine/stats/studentizedRange";
import { readCsvFile } from "./files";
import { formatNumber, formatP, renderTable } from "./format";

export const ANOVA_USAGE = "mmm anova FILE.csv --value COLUMN --group COLUMN [--json]";
export const TUKEY_USAGE =
  "mmm tukey FILE.csv --value COLUMN --group COLUMN [--alpha 0.05] [--method tukey|games-howell] [--json]";

export function runAnovaCommand(args: ParsedArgs): string {
  expectArguments(args, ["value", "group", "json", "help"], 2);
  const [value, group] = columns(args, ANOVA_USAGE);
  const result = runAnova(value, group);
  return args.options.has("json") ? JSON.stringify(anovaJson(result)) : anovaText(result);
}

export function runTukeyCommand(args: ParsedArgs): string {
  expectArguments(args, ["value", "group", "alpha", "method", "json", "help"], 2);
  const [value, group] = columns(args, TUKEY_USAGE);
  const result = runPairwise(value, group, {
    alpha: numberOption(args, "alpha", 0.05),
    method: parsePairwiseMethod(stringOption(args, "method")),
  });
  if (args.options.has("json")) {
    return JSON.stringify({
      ...anovaJson(result.anova),
      method: result.method,
      alpha: result.alpha,
      comparisons: result.comparisons.map((pair) => ({
        group1: pair.group1,
        group2: pair.group2,
        meanDiff: pair.meanDiff,
        ciLow: pair.ciLow,
        ciHigh: pair.ciHigh,
        pAdj: pair.pAdj,
        reject: pair.reject,
      })),
    });
  }
  return `${anovaText(result.anova)}\n\n${pairwiseText(result)}`;
}

function columns(args: ParsedArgs, usage: string) {
  const file = args.positional[1];
  if (file === undefined) throw new UsageError(`usage: ${usage}`);
  const dataset = readCsvFile(file);
  return selectColumns(
    dataset,
    [requireOption(args, "value"), requireOption(args, "group")],
    basename(file),
  );
}

export function anovaJson(result: AnovaResult) {
  const test = (t: FTest | null) =>
    t === null ? null : { f: t.f, df1: t.df1, df2: t.df2, p: t.p };
  return {
    anova: {
      f: result.f,
      p: result.p,
      dfBetween: result.dfBetween,
      dfWithin: result.dfWithin,
      ssBetween: result.ssBetween,
      ssWithin: result.ssWithin,
      msBetween: result.msBetween,
      msWithin: result.msWithin,
    },
    groups: result.groups.map((group) => ({
      name: group.name,
      n: group.n,
      mean: group.mean,
      sd: Number.isFinite(group.sd) ? group.sd : null,
    })),
    rowsUsed: result.rowsUsed,
    rowsDropped: result.rowsDropped,
    welch: test(result.welch),
    levene: test(result.levene),
    brownForsythe: test(result.brownForsythe),
    warnings: result.warnings,
  };
}

function anovaText(result: AnovaResult): string {
  const lines = [
    `One-way ANOVA: ${result.valueName} by ${result.groupName} (${result.rowsUsed} rows${result.rowsDropped > 0 ? `, ${result.rowsDropped} dropped for blanks` : ""})`,
    "",
    renderTable(text(groupTable(result))),
    "",
    renderTable(text(anovaTable(result))),
    "",
    renderTable(text(varianceTestTable(result))),
  ];
  for (const warning of result.warnings) lines.push("", `Note: ${warning}`);
  return lines.join("\n");
}

function pairwiseText(result: PairwiseResult): string {
  const title =
    result.method === "tukey"
      ? `Multiple Comparison of Means - Tukey HSD, FWER=${result.alpha}`
      : `Multiple Comparison of Means - Games-Howell, FWER=${result.alpha}`;
  return `${title}\n${renderTable(text(pairwiseTable(result)))}`;
}

/** Cells as text: numbers in 6 significant digits, p-values (columns named p...) as statsmodels. */
function text(rows: Cell[][]): string[][] {
  const header = rows[0].map(String);
  return [
    header,
    ...rows.slice(1).map((row) =>
      row.map((cell, j) => {
        if (cell === null) return "";
        if (typeof cell === "number" && header[j] === "p-adj" && cell < STUDENTIZED_RANGE_P_FLOOR)
          return "<1e-9";
        if (typeof cell === "number")
          return /^p/i.test(header[j]) ? formatP(cell) : formatNumber(cell);
        return String(cell);
      }),
    ),
  ];
}

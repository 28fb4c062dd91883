/**
 * Group comparisons from columns to tables: the one place that turns a value column and a group
 * column into ANOVA and pairwise results, and those results into the rows that the worksheet
 * functions spill, the CLI prints and the results sheet holds.
 */
import type { Cell, Column } from "../data/types";
import { EngineError } from "../errors";
import { oneWayAnova, type AnovaResult, type FTest } from "../models/anova";
import { groupValues } from "../models/groups";
import { pairwiseComparisons, type PairwiseMethod, type PairwiseResult } from "../models/pairwise";
import { STUDENTIZED_RANGE_P_FLOOR } from "../stats/studentizedRange";
import { pCell } from "./pCell";

export function runAnova(value: Column, group: Column): AnovaResult {
  return oneWayAnova(groupValues(value, group));
}

export function runPairwise(
  value: Column,
  group: Column,
  options: { alpha?: number; method?: PairwiseMethod } = {},
): PairwiseResult {
  return pairwiseComparisons(groupValues(value, group), options);
}

/** "tukey" (default) or "games-howell", as typed in a formula or on the command line. */
export function parsePairwiseMethod(text: string | undefined): PairwiseMethod {
  const method = (text ?? "tukey")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if (method === "tukey" || method === "games-howell") return method;
  throw new EngineError(
    "invalidOption",
    `The method must be "tukey" or "games-howell"; it is "${text}".`,
  );
}

/** Group, n, mean, SD: one row per group, header first. */
export function groupTable(result: AnovaResult): Cell[][] {
  return [
    ["Group", "n", "Mean", "SD"],
    ...result.groups.map((group): Cell[] => [group.name, group.n, group.mean, nullable(group.sd)]),
  ];
}

/** The ANOVA table as R's `anova()` prints it, with a total row. */
export function anovaTable(result: AnovaResult): Cell[][] {
  return [
    ["Source", "df", "Sum Sq", "Mean Sq", "F", "P>F"],
    [
      result.groupName,
      result.dfBetween,
      result.ssBetween,
      result.msBetween,
      result.f,
      pCell(result.p),
    ],
    ["Residual", result.dfWithin, result.ssWithin, result.msWithin, null, null],
    ["Total", result.dfBetween + result.dfWithin, result.ssTotal, null, null, null],
  ];
}

/** Welch's ANOVA and the two tests of equal variances, blank where not available. */
export function varianceTestTable(result: AnovaResult): Cell[][] {
  const row = (name: string, test: FTest | null): Cell[] =>
    test === null
      ? [name, null, null, null, null]
      : [name, test.f, test.df1, test.df2, pCell(test.p)];
  return [
    ["Test", "F", "df1", "df2", "P>F"],
    row("Welch's ANOVA (unequal variances)", result.welch),
    row("Levene (equal variances, mean)", result.levene),
    row("Brown-Forsythe (equal variances, median)", result.brownForsythe),
  ];
}

/** statsmodels' Tukey summary: group1, group2, meandiff, p-adj, lower, upper, reject. */
export function pairwiseTable(result: PairwiseResult): Cell[][] {
  return [
    ["group1", "group2", "meandiff", "p-adj", "lower", "upper", "reject"],
    ...result.comparisons.map((pair): Cell[] => [
      pair.group1,
      pair.group2,
      pair.meanDiff,
      pair.pAdj,
      pair.ciLow,
      pair.ciHigh,
      pair.reject,
    ]),
  ];
}

export const ANOVA_OUTPUTS = ["summary", "groups", "anova", "tests"] as const;
export type AnovaOutput = (typeof ANOVA_OUTPUTS)[number];

export function parseAnovaOutput(text: string | null | undefined): AnovaOutput {
  const output = (text ?? "summary").trim().toLowerCase();
  if ((ANOVA_OUTPUTS as readonly string[]).includes(output)) return output as AnovaOutput;
  throw new EngineError(
    "invalidOption",
    `output must be one of ${ANOVA_OUTPUTS.map((o) => `"${o}"`).join(", ")}; it is "${text}".`,
  );
}

/** The table an `output` asks for; "summary" stacks the groups, the ANOVA and the tests. */
export function anovaOutputTable(result: AnovaResult, output: AnovaOutput): Cell[][] {
  switch (output) {
    case "groups":
      return groupTable(result);
    case "anova":
      return anovaTable(result);
    case "tests":
      return varianceTestTable(result);
    case "summary":
      return [
        [`One-way ANOVA: ${result.valueName} by ${result.groupName}`],
        [
          `Rows used: ${result.rowsUsed}${result.rowsDropped > 0 ? `; ${result.rowsDropped} left out (blank value or group)` : ""}`,
        ],
        [],
        ...groupTable(result),
        [],
        ...anovaTable(result),
        [],
        ...varianceTestTable(result),
        ...result.warnings.map((warning): Cell[] => [warning]),
      ];
  }
}

/** "p < 1e-9" below the studentized range's floor, the number otherwise. */
export function describePAdj(p: number): string {
  return p < STUDENTIZED_RANGE_P_FLOOR ? "p < 1e-9" : `p = ${p.toPrecision(3)}`;
}

function nullable(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

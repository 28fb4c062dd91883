/**
 * The "Compare groups" results sheet: the group table, the ANOVA table, Welch's ANOVA and the
 * tests of equal variances, the pairwise comparisons with significant pairs marked, a reading in
 * plain language, and two charts (group means with their intervals; the pairwise differences
 * with their simultaneous intervals). Every number comes from `PairwiseResult`.
 */
import { pText, readable } from "./readingText";
import type { Cell } from "../data/types";
import type { PairwiseResult } from "../models/pairwise";
import { studentTQuantile } from "../stats/studentT";
import { INTERVAL_SERIES, type ChartSpec } from "./chartSpec";
import { anovaTable, describePAdj, groupTable, pairwiseTable, varianceTestTable } from "./groups";
import type { Report } from "./report";

export function compareGroupsReport(result: PairwiseResult): Report {
  const { anova } = result;
  const methodName = result.method === "tukey" ? "Tukey HSD" : "Games-Howell";
  return {
    title: `Compare groups: ${anova.valueName} by ${anova.groupName}`,
    reading: describeComparison(result),
    tables: [
      { title: "Groups", rows: groupTable(anova), formats: ["", "0", "0.000", "0.000"] },
      {
        title: "One-way ANOVA",
        rows: anovaTable(anova),
        formats: ["", "0", "0.000", "0.000", "0.000", "0.0000"],
      },
      {
        title: "Unequal variances",
        rows: varianceTestTable(anova),
        formats: ["", "0.000", "0", "0.00", "0.0000"],
      },
      {
        title: `Pairwise comparisons (${methodName}, family-wise alpha ${result.alpha})`,
        rows: pairwiseTable(result),
        formats: ["", "", "0.000", "0.0000", "0.000", "0.000", ""],
        emphasis: result.comparisons.flatMap((pair, i) => (pair.reject ? [i + 1] : [])),
      },
    ],
    charts: [meansChart(result), differencesChart(result, methodName)],
  };
}

/** "Sales differs between the TV groups: ...", then each pair, then the warnings. */
export function describeComparison(result: PairwiseResult): string[] {
  const { anova } = result;
  const level = `${Number(((1 - result.alpha) * 100).toFixed(1))} %`;
  const differs = anova.p < result.alpha;
  const lines = [
    `${anova.valueName} ${differs ? "differs" : "does not differ significantly"} between the ${anova.groupName} groups: ` +
      `F(${anova.dfBetween}, ${anova.dfWithin}) = ${readable(anova.f)}, ${pText(anova.p)}; the groups explain ${(100 * anova.rSquared).toFixed(1)} % of the variance (${anova.rowsUsed} rows).`,
  ];
  if (anova.welch !== null) {
    lines.push(
      `Welch's ANOVA, which does not assume equal variances: F(${anova.welch.df1}, ${readable(anova.welch.df2)}) = ${readable(anova.welch.f)}, ${pText(anova.welch.p)}.`,
    );
  }
  for (const pair of result.comparisons) {
    const sign = pair.meanDiff >= 0 ? "+" : "";
    lines.push(
      `${pair.group2} vs ${pair.group1}: ${sign}${readable(pair.meanDiff)} ${anova.valueName}, ${level} simultaneous CI ${readable(pair.ciLow)} to ${readable(pair.ciHigh)}, ${describePAdj(pair.pAdj)}${pair.reject ? "" : " (not significant)"}`,
    );
  }
  return [...lines, ...anova.warnings];
}

function meansChart(result: PairwiseResult): ChartSpec {
  const rows = result.anova.groups.map((group): Cell[] => {
    if (group.n < 2) return [group.name, group.mean, null, null];
    const half = studentTQuantile(0.975, group.n - 1) * (group.sd / Math.sqrt(group.n));
    return [group.name, group.mean, group.mean - half, group.mean + half];
  });
  return {
    kind: "line",
    title: `Mean ${result.anova.valueName} by ${result.anova.groupName} with 95 % intervals`,
    xAxisTitle: result.anova.groupName,
    yAxisTitle: result.anova.valueName,
    data: [[result.anova.groupName, "Mean", "Lower", "Upper"], ...rows],
    series: INTERVAL_SERIES,
  };
}

function differencesChart(result: PairwiseResult, methodName: string): ChartSpec {
  return {
    kind: "line",
    title: `Pairwise differences with ${methodName} intervals`,
    xAxisTitle: "Pair",
    yAxisTitle: `Difference in ${result.anova.valueName}`,
    data: [
      ["Pair", "Difference", "Lower", "Upper"],
      ...result.comparisons.map((pair): Cell[] => [
        `${pair.group2} - ${pair.group1}`,
        pair.meanDiff,
        pair.ciLow,
        pair.ciHigh,
      ]),
    ],
    series: INTERVAL_SERIES,
  };
}

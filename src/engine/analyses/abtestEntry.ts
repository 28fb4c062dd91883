/** The task pane's "A/B test": an outcome column and an arm column with two labels. */
import { readable, signedReadable } from "./readingText";
import type { Cell, Column } from "../data/types";
import { groupRows } from "../models/groups";
import { normalQuantile } from "../stats/normal";
import { studentTQuantile } from "../stats/studentT";
import {
  abTestName,
  abTestTable,
  runAbTest,
  sampleSize,
  type AbTestKind,
  type AbTestResult,
} from "./abtest";
import { INTERVAL_SERIES, type ChartSpec } from "./chartSpec";
import type { AnalysisEntry, AnalysisInput } from "./registry";
import type { Report } from "./report";

export const abTestEntry = {
  id: "abtest",
  title: "A/B test",
  sheetName: "AB test",
  roles: [
    {
      id: "outcome",
      label: "Outcome (numbers, or 0/1 conversions)",
      accepts: "numeric",
      multiple: false,
    },
    { id: "arm", label: "Arm (two labels: control and variant)", accepts: "any", multiple: false },
  ],
  options: [
    {
      id: "test",
      label: "Test",
      kind: "choice",
      default: "welch",
      choices: [
        { value: "welch", label: "Welch's t (numbers, unequal variances)" },
        { value: "student", label: "Student's t (numbers, equal variances)" },
        { value: "mann-whitney", label: "Mann-Whitney U (numbers, skewed)" },
        { value: "proportions", label: "Two proportions (0/1 conversions)" },
      ],
    },
    {
      id: "control",
      label: "Control arm",
      kind: "choice",
      default: "first",
      choices: [
        { value: "first", label: "The first label (in sorted order)" },
        { value: "second", label: "The second label" },
      ],
    },
    { id: "alpha", label: "Alpha", kind: "number", default: 0.05, min: 0.001, max: 0.2 },
  ],
  validate(input: AnalysisInput): string[] {
    const outcome = input.roles.outcome?.[0];
    const arm = input.roles.arm?.[0];
    const messages: string[] = [];
    if (outcome === undefined) messages.push("Choose the outcome column.");
    else if (outcome.kind !== "numeric")
      messages.push(`The outcome "${outcome.name}" holds text; choose numbers or 0/1 conversions.`);
    if (arm === undefined) messages.push("Choose the column that says each row's arm.");
    else {
      const labels = groupRows(arm).groups.map(([name]) => name);
      if (labels.length !== 2)
        messages.push(
          `"${arm.name}" has ${labels.length} labels (${labels.slice(0, 5).join(", ")}${labels.length > 5 ? ", ..." : ""}); an A/B test needs exactly two. Use Compare groups for more.`,
        );
    }
    if (outcome !== undefined && arm !== undefined && outcome.name === arm.name)
      messages.push(`"${arm.name}" cannot be both the outcome and the arm.`);
    const alpha = input.options.alpha;
    if (typeof alpha === "number" && !(alpha >= 0.001 && alpha <= 0.2))
      messages.push("Alpha must be between 0.001 and 0.2.");
    return messages;
  },
  run(input: AnalysisInput): Report {
    const outcome = input.roles.outcome[0];
    const arm = input.roles.arm[0];
    const groups = groupRows(arm).groups;
    const order = input.options.control === "second" ? [1, 0] : [0, 1];
    const [control, variant] = order.map((k) => groups[k]);
    const column = ([name, indices]: [string, number[]]): Column => ({
      kind: "numeric",
      name,
      values: Float64Array.from(indices, (i) =>
        outcome.kind === "numeric" ? outcome.values[i] : NaN,
      ),
    });
    const alpha = typeof input.options.alpha === "number" ? input.options.alpha : 0.05;
    const test = (input.options.test as AbTestKind | undefined) ?? "welch";
    const result = runAbTest(column(control), column(variant), test, alpha);
    return abTestReport(result, outcome.name, control[0], variant[0]);
  },
} satisfies AnalysisEntry;

export function abTestReport(
  result: AbTestResult,
  outcome: string,
  control: string,
  variant: string,
): Report {
  return {
    title: `A/B test: ${outcome}, ${variant} (B) against ${control} (A)`,
    reading: verdict(result, outcome, control, variant),
    tables: [
      { title: abTestName(result), rows: abTestTable(result), formats: ["", "0.0000", "0.0000"] },
    ],
    charts: result.kind === "contingency" ? [] : [armsChart(result, outcome, control, variant)],
  };
}

function verdict(
  result: AbTestResult,
  outcome: string,
  control: string,
  variant: string,
): string[] {
  if (result.kind === "contingency") return [];
  const p = result.p < 0.001 ? "p < 0.001" : `p = ${result.p.toFixed(3)}`;
  const lift = Number.isFinite(result.relativeLift)
    ? ` (${result.relativeLift >= 0 ? "+" : ""}${(100 * result.relativeLift).toFixed(1)} %)`
    : "";
  const level = `${Number(((1 - result.alpha) * 100).toFixed(1))} %`;
  const diff =
    result.kind === "means"
      ? `${signedReadable(result.diff)} ${outcome}`
      : `${signedReadable(100 * result.diff)} percentage points`;
  const interval =
    result.kind === "means"
      ? `${readable(result.diffInterval.low)} to ${readable(result.diffInterval.high)}`
      : `${readable(100 * result.diffInterval.low)} to ${readable(100 * result.diffInterval.high)} points`;
  // A rank test says which arm tends to be larger (U), not by how much: no interval from it.
  const rank = result.kind === "means" && result.test === "mann-whitney";
  const higher = rank ? result.mannWhitney.uB > result.mannWhitney.uA : result.diff > 0;
  const detail = rank
    ? `${variant}'s values rank above ${control}'s in ${Math.round((100 * result.mannWhitney.uB) / (result.a.n * result.b.n))} % of pairs (means differ by ${diff}${lift}), ${p}`
    : `${diff}${lift}, ${level} CI ${interval}, ${p}`;
  const lines = [
    result.reject
      ? `${variant} (B) ${higher ? "beat" : "fell short of"} ${control} (A): ${detail}; ${abTestName(result)}.`
      : `No significant difference between ${variant} (B) and ${control} (A): ${detail}; ${abTestName(result)}.`,
    `Power to detect a difference of this size with these rows: ${(100 * result.power).toFixed(0)} %.`,
  ];
  if (!result.reject && result.power < 0.8 && result.diff !== 0) {
    const hint = planningHint(result);
    if (hint !== null) lines.push(hint);
  }
  return lines;
}

/** "To detect it with 80 % power, plan about N rows per arm", where the planner can say. */
function planningHint(result: Exclude<AbTestResult, { kind: "contingency" }>): string | null {
  try {
    const rows =
      result.kind === "means"
        ? sampleSize(
            Math.sqrt((result.a.sd ** 2 + result.b.sd ** 2) / 2),
            result.diff,
            result.alpha,
            0.8,
            "mean",
          )
        : sampleSize(result.a.rate, result.diff, result.alpha, 0.8, "proportion");
    return `To detect it with 80 % power, plan about ${Math.ceil(rows.rowsPerArm).toLocaleString("en-US")} rows per arm.`;
  } catch {
    // A rate of 0 or 1, or an effect too small to plan for: no hint rather than a failed run.
    return null;
  }
}

function armsChart(
  result: Exclude<AbTestResult, { kind: "contingency" }>,
  outcome: string,
  control: string,
  variant: string,
): ChartSpec {
  const rows: Cell[][] =
    result.kind === "means"
      ? [result.a, result.b].map((arm, k) => {
          const half = studentTQuantile(0.975, arm.n - 1) * (arm.sd / Math.sqrt(arm.n));
          return [
            k === 0 ? `${control} (A)` : `${variant} (B)`,
            arm.mean,
            arm.mean - half,
            arm.mean + half,
          ];
        })
      : [result.a, result.b].map((arm, k) => {
          const half = normalQuantile(0.975) * Math.sqrt((arm.rate * (1 - arm.rate)) / arm.n);
          return [
            k === 0 ? `${control} (A)` : `${variant} (B)`,
            arm.rate,
            arm.rate - half,
            arm.rate + half,
          ];
        });
  const measure = result.kind === "means" ? `Mean ${outcome}` : `${outcome} rate`;
  return {
    kind: "line",
    title: `${measure} by arm with 95 % intervals`,
    xAxisTitle: "Arm",
    yAxisTitle: measure,
    data: [["Arm", result.kind === "means" ? "Mean" : "Rate", "Lower", "Upper"], ...rows],
    series: INTERVAL_SERIES,
  };
}

/**
 * A/B tests from columns to tables. Arm A is the control and arm B the variant; every difference
 * is B − A. One place decides what the arms hold: numbers for the t and Mann-Whitney tests;
 * 0/1 outcomes or a pair (conversions, rows) per arm for two proportions; and for a chi-square
 * test of independence, two label columns of the same rows (the arm of each row, its outcome).
 */
import type { Cell, Column } from "../data/types";
import { EngineError } from "../errors";
import {
  abTestMeans,
  abTestProportions,
  chiSquareIndependence,
  type ContingencyTest,
  type MeansAbTest,
  type ProportionsAbTest,
} from "../models/abtest";
import { groupRows } from "../models/groups";
import { pCell } from "./pCell";
import { cohensH, normalPower, normalRowsPerArm, rowsPerArmFor, tTestPower } from "../stats/power";

export const AB_TESTS = ["welch", "student", "mann-whitney", "proportions", "chi-square"] as const;
export type AbTestKind = (typeof AB_TESTS)[number];

export type AbTestResult =
  | MeansAbTest
  | ProportionsAbTest
  | (ContingencyTest & {
      readonly kind: "contingency";
      readonly alpha: number;
      readonly reject: boolean;
      readonly rowName: string;
      readonly columnName: string;
      readonly rowLevels: readonly string[];
      readonly columnLevels: readonly string[];
      readonly table: readonly (readonly number[])[];
    });

export function parseAbTest(text: string | null | undefined): AbTestKind {
  const test = (text ?? "welch")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const aliases: Record<string, AbTestKind> = {
    t: "welch",
    "mann-whitney-u": "mann-whitney",
    proportion: "proportions",
    chi2: "chi-square",
    chisquare: "chi-square",
  };
  const resolved = aliases[test] ?? test;
  if ((AB_TESTS as readonly string[]).includes(resolved)) return resolved as AbTestKind;
  throw new EngineError(
    "invalidOption",
    `test must be one of ${AB_TESTS.map((t) => `"${t}"`).join(", ")}; it is "${text}".`,
  );
}

/**
 * @param countsAllowed Whether an arm of exactly two numbers may mean (conversions, rows), as in
 *   `=MMM.ABTEST`; never for arms made of data rows (the pane), where [3, 10] are two outcomes.
 */
export function runAbTest(
  a: Column,
  b: Column,
  test: AbTestKind,
  alpha = 0.05,
  countsAllowed = false,
): AbTestResult {
  if (test === "chi-square") return contingency(a, b, alpha);
  if (test === "proportions") {
    const [xA, nA] = conversions(a, "A", countsAllowed);
    const [xB, nB] = conversions(b, "B", countsAllowed);
    return abTestProportions(xA, nA, xB, nB, { alpha });
  }
  return abTestMeans(numbers(a, "A"), numbers(b, "B"), { test, alpha });
}

function numbers(column: Column, arm: string): Float64Array {
  if (column.kind !== "numeric") {
    throw new EngineError(
      "invalidValue",
      `Arm ${arm} ("${column.name}") must hold numbers for this test; it holds text.`,
    );
  }
  return column.values.filter((x) => !Number.isNaN(x));
}

/** (conversions, rows) from 0/1 outcomes, or from a pair of numbers given as such. */
function conversions(column: Column, arm: string, countsAllowed: boolean): [number, number] {
  const values = numbers(column, arm);
  if (values.every((x) => x === 0 || x === 1)) {
    return [values.reduce((sum, x) => sum + x, 0), values.length];
  }
  if (countsAllowed && values.length === 2) return [values[0], values[1]];
  throw new EngineError(
    "invalidValue",
    `Arm ${arm} ("${column.name}") must hold 0/1 outcomes (1 = converted)${countsAllowed ? " or two numbers, conversions then rows" : ""}.`,
  );
}

function contingency(rowsColumn: Column, columnsColumn: Column, alpha: number): AbTestResult {
  if (rowsColumn.values.length !== columnsColumn.values.length) {
    throw new EngineError(
      "shapeMismatch",
      `A chi-square test of independence needs two columns of the same rows; they have ${rowsColumn.values.length} and ${columnsColumn.values.length}.`,
    );
  }
  const rowGroups = groupRows(rowsColumn).groups;
  const columnGroups = groupRows(columnsColumn).groups;
  const columnOf = new Map<number, number>();
  columnGroups.forEach(([, indices], j) => indices.forEach((i) => columnOf.set(i, j)));
  const table = rowGroups.map(([, indices]) => {
    const counts = new Array<number>(columnGroups.length).fill(0);
    for (const i of indices) {
      const j = columnOf.get(i);
      if (j !== undefined) counts[j]++;
    }
    return counts;
  });
  const test = chiSquareIndependence(table);
  return {
    ...test,
    kind: "contingency",
    alpha,
    reject: test.p < alpha,
    rowName: rowsColumn.name,
    columnName: columnsColumn.name,
    rowLevels: rowGroups.map(([name]) => name),
    columnLevels: columnGroups.map(([name]) => name),
    table,
  };
}

const TEST_NAMES: Record<AbTestKind, string> = {
  welch: "Welch's t test (unequal variances)",
  student: "Student's t test (equal variances)",
  "mann-whitney": "Mann-Whitney U test",
  proportions: "Two-proportion z test",
  "chi-square": "Chi-square test of independence",
};

export function abTestName(result: AbTestResult): string {
  return result.kind === "means"
    ? TEST_NAMES[result.test]
    : result.kind === "proportions"
      ? TEST_NAMES.proportions
      : TEST_NAMES["chi-square"];
}

/** The arms side by side, then the test's figures as label / value rows. */
export function abTestTable(result: AbTestResult): Cell[][] {
  const level = `${Number(((1 - result.alpha) * 100).toFixed(1))} % CI`;
  const decision = `Decision at alpha ${result.alpha}`;
  const verdict = result.reject ? "significant" : "not significant";
  if (result.kind === "contingency") {
    return [
      [`${result.rowName} \\ ${result.columnName}`, ...result.columnLevels],
      ...result.table.map((row, i): Cell[] => [result.rowLevels[i], ...row]),
      [],
      ["Test", abTestName(result)],
      ["Chi-square", result.statistic],
      ["df", result.dof],
      ["p", pCell(result.p)],
      [decision, verdict],
    ];
  }
  if (result.kind === "proportions") {
    return [
      ["", "A (control)", "B (variant)"],
      ["Conversions", result.a.conversions, result.b.conversions],
      ["Rows", result.a.n, result.b.n],
      ["Rate", result.a.rate, result.b.rate],
      [],
      ["Difference (B - A)", result.diff],
      [`${level} (Wald)`, result.diffInterval.low, result.diffInterval.high],
      [`${level} (Newcombe)`, result.diffIntervalNewcombe.low, result.diffIntervalNewcombe.high],
      ["Relative lift", result.relativeLift],
      ["Test", abTestName(result)],
      ["z", result.z],
      ["p", pCell(result.p)],
      [decision, verdict],
      ["Chi-square (Yates)", result.chiSquareYates.statistic, pCell(result.chiSquareYates.p)],
      ["Cohen's h", result.cohensH],
      ["Achieved power", result.power],
    ];
  }
  const mw = result.test === "mann-whitney";
  return [
    ["", "A (control)", "B (variant)"],
    ["n", result.a.n, result.b.n],
    ["Mean", result.a.mean, result.b.mean],
    ["SD", result.a.sd, result.b.sd],
    [],
    ["Difference (B - A)", result.diff],
    [mw ? `${level} (Welch's t)` : level, result.diffInterval.low, result.diffInterval.high],
    ["Relative lift", result.relativeLift],
    [`${level} (delta method)`, result.relativeLiftInterval.low, result.relativeLiftInterval.high],
    ["Test", abTestName(result)],
    [mw ? "U (B)" : "t", result.statistic],
    ...(mw ? [] : [["df", result.df] as Cell[]]),
    ["p", pCell(result.p)],
    [decision, verdict],
    ["Cohen's d", result.cohensD],
    ["Achieved power (t test)", result.power],
  ];
}

export type SampleSizeKind = "proportion" | "mean";

export interface SampleSize {
  readonly kind: SampleSizeKind;
  readonly rowsPerArm: number;
  /** Cohen's h (proportions) or d (means). */
  readonly effectSize: number;
}

/**
 * Rows per arm to detect `effect` at `alpha` with `power`: for a proportion, baseline is the
 * control rate and effect the absolute lift (Cohen's h, normal approximation); for a mean,
 * baseline is the SD and effect the absolute difference (Cohen's d, noncentral t).
 */
export function sampleSize(
  baseline: number,
  effect: number,
  alpha = 0.05,
  power = 0.8,
  kind: SampleSizeKind = "proportion",
): SampleSize {
  if (!(alpha > 0 && alpha < 0.5))
    throw new EngineError("invalidOption", `alpha must be between 0 and 0.5; it is ${alpha}.`);
  if (!(power > alpha && power < 1))
    throw new EngineError(
      "invalidOption",
      `power must be between alpha and 1 (for example 0.8); it is ${power}.`,
    );
  if (!(effect !== 0 && Number.isFinite(effect)))
    throw new EngineError("invalidOption", "The effect to detect must be a non-zero number.");
  if (kind === "proportion") {
    if (!(baseline > 0 && baseline < 1 && baseline + effect > 0 && baseline + effect < 1)) {
      throw new EngineError(
        "invalidOption",
        `The baseline rate and the rate with the effect must lie between 0 and 1; they are ${baseline} and ${baseline + effect}.`,
      );
    }
    const h = Math.abs(cohensH(baseline, baseline + effect));
    const n = rowsPerArmFor(
      (rows) => normalPower(h, rows, rows, alpha),
      power,
      normalRowsPerArm(h, alpha, power),
    );
    return { kind, rowsPerArm: n, effectSize: h };
  }
  if (!(baseline > 0))
    throw new EngineError(
      "invalidOption",
      `For a mean, baseline is the outcome's SD and must be positive; it is ${baseline}.`,
    );
  const d = Math.abs(effect) / baseline;
  const n = rowsPerArmFor(
    (rows) => tTestPower(d, rows, rows, alpha),
    power,
    normalRowsPerArm(d, alpha, power),
  );
  return { kind, rowsPerArm: n, effectSize: d };
}

export function sampleSizeTable(size: SampleSize): Cell[][] {
  const perArm = Math.ceil(size.rowsPerArm);
  return [
    ["Rows per arm", perArm],
    ["Rows in total", 2 * perArm],
    [size.kind === "proportion" ? "Cohen's h" : "Cohen's d", size.effectSize],
    [
      "Method",
      size.kind === "proportion" ? "Normal approximation (arcsine)" : "Two-sample t (noncentral t)",
    ],
  ];
}

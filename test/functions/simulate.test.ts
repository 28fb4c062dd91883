/**
 * =MMM.SIMULATE as Excel calls it: ranges with header rows, a plan range, omitted arguments as
 * null; the summary, percentiles, histogram, channels, comparison and draws; errors as #VALUE!.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvFieldToCell, parseCsv } from "../../src/engine/data/csv";
import {
  installCustomFunctionsShim,
  ShimCustomFunctionsError,
} from "../../src/functions/excelError";
import { runSimulateFunction } from "../../src/functions/simulate";
import { FIXTURES } from "../support/nist";

installCustomFunctionsShim();
const reference = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "simulate", "marketing_mix.json"), "utf8"),
) as { plans: number[][]; obsLower: number[]; obsUpper: number[] };
const grid = parseCsv(readFileSync(join(FIXTURES, "seeds", "marketing_mix.csv"), "utf8")).map(
  (row) => row.map(csvFieldToCell),
);
const column = (name: string) => grid.map((row) => [row[(grid[0] as string[]).indexOf(name)]]);
const y = column("Sales");
const channels = ["TikTok", "Facebook", "Google Ads"];
const x = grid.map((_, i) => channels.map((name) => column(name)[i][0]));
const plan = [channels, ...reference.plans];
const simulate = (...rest: unknown[]) =>
  runSimulateFunction(
    y,
    x,
    rest[0] ?? plan,
    rest[1] ?? null,
    rest[2] ?? null,
    rest[3] ?? null,
    rest[4] ?? null,
  );

describe("=MMM.SIMULATE", () => {
  it("spills a summary per plan whose 95 % range is statsmodels' prediction interval", () => {
    const summary = simulate(plan, 100_000, 3, null, 25_000);
    expect(summary[0]).toEqual(["Plan", "Mean", "SD", "P2.5", "P50", "P97.5", "P(> 25000)"]);
    expect(summary.slice(1).map((row) => row[0])).toEqual(["Plan 1", "Plan 2", "Plan 3"]);
    summary.slice(1).forEach((row, i) => {
      const width = reference.obsUpper[i] - reference.obsLower[i];
      expect(Math.abs((row[3] as number) - reference.obsLower[i]) / width).toBeLessThan(0.01);
      expect(Math.abs((row[5] as number) - reference.obsUpper[i]) / width).toBeLessThan(0.01);
    });
  });

  it("spills percentiles, histograms, channels, the comparison and the draws", () => {
    expect(simulate(plan, 1000, 0, "percentiles")[0]).toEqual([
      "Plan",
      "P2.5",
      "P5",
      "P10",
      "P25",
      "P50",
      "P75",
      "P90",
      "P95",
      "P97.5",
    ]);
    const histogram = simulate(plan, 1000, 0, "histogram");
    expect(histogram).toHaveLength(1 + 3 * 40);
    expect(histogram.slice(1, 41).reduce((n, row) => n + (row[3] as number), 0)).toBe(1000);
    const contrib = simulate(plan, 1000, 0, "contrib");
    expect(contrib.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ["Plan 1", "TikTok", 20000],
      ["Plan 1", "Facebook", 10000],
      ["Plan 1", "Google Ads", 5000],
      ["Plan 2", "TikTok", 0],
      ["Plan 2", "Facebook", 30000],
      ["Plan 2", "Google Ads", 15000],
      ["Plan 3", "TikTok", 5000],
      ["Plan 3", "Facebook", 5000],
      ["Plan 3", "Google Ads", 5000],
    ]);
    // No spend on TikTok in plan 2: no ROI (blank cells).
    expect(contrib[4].slice(6)).toEqual(["", "", ""]);
    expect(simulate(plan, 1000, 0, "compare").map((row) => row.slice(0, 2))).toEqual([
      ["Plan", "Against"],
      ["Plan 2", "Plan 1"],
      ["Plan 3", "Plan 1"],
    ]);
    const draws = simulate(plan, 500, 0, "draws");
    expect(draws).toHaveLength(501);
    expect(draws[0]).toEqual(["Plan 1", "Plan 2", "Plan 3"]);
    expect(simulate(plan, 500, 0, "draws")).toEqual(draws);
  });

  it.each([
    [
      [
        ["TikTok", "Radio"],
        [1, 2],
      ],
      /"Radio" is not one of the model's inputs/,
    ],
    [[channels, [1, -2, 3]], /spend cannot be negative/],
    [[channels, [1, "lots", 3]], /"Facebook" holds text/],
  ])("answers the plan %j with #VALUE! and the reason", (badPlan, message) => {
    const error = (() => {
      try {
        simulate(badPlan);
      } catch (caught) {
        return caught as ShimCustomFunctionsError;
      }
      throw new Error("no error");
    })();
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  it("refuses too few iterations, an unknown output, and a one-row plan for compare", () => {
    expect(() => simulate(plan, 50)).toThrow(/from 100 to 10,000,000; it is 50/);
    expect(() => simulate(plan, null, null, "violin")).toThrow(/output must be one of/);
    expect(() => simulate([channels, [1, 2, 3]], null, null, "compare")).toThrow(
      /needs a plan of two rows or more/,
    );
  });
});

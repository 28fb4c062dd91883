/** The "Simulate a plan" pane entry on the seed data: typed plans, the average-spend default. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withDefaults } from "../../../src/engine/analyses/registry";
import { simulateEntry } from "../../../src/engine/analyses/simulateEntry";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { thrown } from "../../support/engineErrors";
import { FIXTURES } from "../../support/nist";

const reference = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "simulate", "marketing_sales.json"), "utf8"),
) as { file: string; plans: number[][]; mean: number[]; obsLower: number[]; obsUpper: number[] };
const dataset = readCsvDataset(readFileSync(join(FIXTURES, "seeds", reference.file), "utf8"));
const [sales, radio, social] = selectColumns(dataset, ["Sales", "Radio", "Social Media"], "seed");
const roles = { y: [sales], x: [radio, social] };

describe("Simulate a plan entry", () => {
  it("simulates typed plans: summary, channels, comparison and a histogram chart each", () => {
    const plan = `Base: ${reference.plans[0].join(", ")}\nPush: ${reference.plans[2].join(", ")}`;
    const report = simulateEntry.run({
      roles,
      options: withDefaults(simulateEntry, { plan, iterations: 100_000, target: "150" }),
    });
    expect(report.title).toBe("Simulation: Sales for 2 plans");
    const [summary, , channels, comparison] = report.tables;
    expect(summary.rows.map((row) => row[0])).toEqual(["Plan", "Base", "Push"]);
    [0, 2].forEach((r, i) => {
      const width = reference.obsUpper[r] - reference.obsLower[r];
      const row = summary.rows[i + 1] as number[];
      expect(Math.abs(row[3] - reference.obsLower[r]) / width).toBeLessThan(0.01);
      expect(Math.abs(row[5] - reference.obsUpper[r]) / width).toBeLessThan(0.01);
    });
    expect(summary.rows[0][6]).toBe("P(> 150)");
    expect(channels.rows).toHaveLength(1 + 2 * 2);
    expect(comparison.rows.slice(1).map((row) => row.slice(0, 2))).toEqual([["Push", "Base"]]);
    expect(report.charts.map((chart) => chart.title)).toEqual([
      "Simulated Sales: Base",
      "Simulated Sales: Push",
      "Incremental Sales by channel",
    ]);
    expect(report.charts[0].data).toHaveLength(41);
    expect(report.reading[1]).toMatch(/^Base: expected Sales .*, 95 % between .* P\(> 150\) = /);
  });

  it("simulates the average spend of the data when no plan is typed", () => {
    const report = simulateEntry.run({ roles, options: withDefaults(simulateEntry, {}) });
    const [summary, , channels] = report.tables;
    expect(summary.rows.map((row) => row[0])).toEqual(["Plan", "Average spend"]);
    const mean = (values: Float64Array) =>
      values.filter((v) => !Number.isNaN(v)).reduce((s, v) => s + v, 0) /
      values.filter((v) => !Number.isNaN(v)).length;
    expect(channels.rows[1][2]).toBeCloseTo(mean(radio.values as Float64Array), 10);
    expect(report.tables).toHaveLength(3); // one plan: no comparison
  });

  it("says what is missing before Run, and refuses a plan line that does not fit", () => {
    expect(
      simulateEntry.validate({
        roles: { y: [], x: [] },
        options: withDefaults(simulateEntry, { target: "lots" }),
      }),
    ).toEqual([
      "Choose the sales column (y).",
      "Choose at least one spend channel (x).",
      'The target "lots" is not a number.',
    ]);
    expect(
      thrown(() =>
        simulateEntry.run({ roles, options: withDefaults(simulateEntry, { plan: "1, 2, 3" }) }),
      ).message,
    ).toMatch(/Plan line 1 has 3 values; give one per channel \(Radio, Social Media\)/);
  });
});

/**
 * Plans as tables (CSV, ranges) and as typed lines: spend per input, optional spreads
 * (`<input> sd`, `<input> min`/`max`), scenario names, and a clear refusal of anything else.
 */
import { readCsvDataset } from "../../../src/engine/data/csv";
import { parsePlanText, readPlan } from "../../../src/engine/simulate/plan";
import type { PredictiveModel } from "../../../src/engine/simulate/predictive";
import { fixedPlan } from "../../../src/engine/simulate/plan";
import { simulatePlans } from "../../../src/engine/simulate/simulate";
import { thrown } from "../../support/engineErrors";

const inputs = ["TV", "Radio"];
const plan = (text: string) => readPlan(readCsvDataset(text), inputs);

describe("readPlan", () => {
  it("reads spend, spreads and scenario names", () => {
    const rows = plan(
      "Scenario,TV,Radio,TV sd,Radio min,Radio max\nSpring,100,50,10,40,70\nSummer,200,0,,,\n",
    );
    expect(rows.map((row) => row.name)).toEqual(["Spring", "Summer"]);
    expect(Array.from(rows[0].spend)).toEqual([100, 50]);
    expect(rows[0].spreads).toEqual([
      { kind: "sd", sd: 10 },
      { kind: "range", min: 40, max: 70 },
    ]);
    expect(rows[1].spreads).toEqual([null, null]);
    expect(plan("TV,Radio\n1,2\n")[0].name).toBe("Plan 1");
  });

  it.each([
    ["TV,Radio,Print\n1,2,3", /"Print" is not one of the model's inputs \(TV, Radio\)/],
    ["TV\n1", /no column "Radio"/],
    ["TV,Radio\n1,-2", /Plan row 1 spends -2 on "Radio"; spend cannot be negative/],
    ["TV,Radio\n1,lots", /"Radio" holds text/],
    ["TV,Radio,TV sd\n1,2,-1", /the SD of "TV" is -1; it cannot be negative/],
    ["TV,Radio,TV min\n1,2,0", /a min or a max alone; give both/],
    ["TV,Radio,TV min,TV max\n1,2,2,3", /0 ≤ min ≤ planned spend ≤ max; it has min 2, spend 1/],
    ["TV,Radio,TV sd,TV min,TV max\n1,2,1,0,3", /both an SD and a min\/max/],
  ])("refuses %j", (text, message) => {
    expect(thrown(() => plan(text)).message).toMatch(message);
  });
});

describe("parsePlanText", () => {
  const fallback = { name: "Average spend", spend: Float64Array.of(7, 8) };

  it("reads one scenario a line, named or not, and the fallback for blank text", () => {
    const rows = parsePlanText("Push: 100, 50\n\n 20;30 \n", inputs, fallback);
    expect(rows.map((row) => [row.name, ...row.spend])).toEqual([
      ["Push", 100, 50],
      ["Plan 2", 20, 30],
    ]);
    expect(parsePlanText("  \n", inputs, fallback).map((row) => row.name)).toEqual([
      "Average spend",
    ]);
  });

  it.each([
    ["1, 2, 3", /Plan line 1 has 3 values; give one per channel \(TV, Radio\)/],
    ["1, x", /Plan line 1: "x" for "Radio" is not a number/],
    ["1, -4", /Plan line 1 spends -4 on "Radio"/],
  ])("refuses %j", (text, message) => {
    expect(thrown(() => parsePlanText(text, inputs, fallback)).message).toMatch(message);
  });
});

/** A model whose response is its first input exactly: the draws are the spend draws. */
const echo: PredictiveModel = {
  inputs: ["TV"],
  draw: () => ({ coefficients: Float64Array.of(1), sigma: 0 }),
  expected: (_, row) => row[0],
  incremental: (_, row, out) => out.set(row),
};

describe("uncertain spend", () => {
  const simulate = (spreads: ReturnType<typeof plan>[number]["spreads"], cv?: number) =>
    simulatePlans(echo, [{ name: "P", spend: Float64Array.of(100), spreads }], {
      iterations: 400_000,
      seed: 2,
      cv,
    }).plans[0];

  it("draws a triangular spend between min and max, peaking at the plan", () => {
    // Mean (a + c + b)/3 = 110, variance (a² + b² + c² − ab − ac − bc)/18 = 17,100/18 = 950.
    const result = simulate([{ kind: "range", min: 40, max: 190 }]);
    expect(Math.abs(result.mean - 110)).toBeLessThan(5 * Math.sqrt(950 / 400_000));
    expect(Math.abs(result.sd / Math.sqrt(950) - 1)).toBeLessThan(0.01);
    expect(result.histogram[0].lower).toBeGreaterThanOrEqual(40);
    expect(result.histogram[result.histogram.length - 1].upper).toBeLessThanOrEqual(190);
  });

  it("draws a normal spend with the plan's SD or the CV, never below zero", () => {
    const sd = simulate([{ kind: "sd", sd: 20 }]);
    expect(Math.abs(sd.mean - 100)).toBeLessThan(0.2);
    expect(Math.abs(sd.sd / 20 - 1)).toBeLessThan(0.01);
    expect(simulate([null], 0.2)).toEqual(sd);
    // An SD of 100 on a plan of 100: a normal cut at zero, mean 100 + 100·φ(1)/Φ(1) = 128.76.
    const wide = simulate([{ kind: "sd", sd: 100 }]);
    expect(wide.histogram[0].lower).toBeGreaterThanOrEqual(0);
    expect(Math.abs(wide.mean - 128.76) / 128.76).toBeLessThan(0.005);
  });

  it("keeps a certain spend certain", () => {
    const result = simulatePlans(echo, [fixedPlan(Float64Array.of(100), "P")], {
      iterations: 100,
      seed: 1,
    }).plans[0];
    expect([result.mean, result.sd]).toEqual([100, 0]);
  });
});

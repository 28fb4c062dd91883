/**
 * With spend fixed, the Monte Carlo of a regression (parameter draws from the flat-prior
 * posterior, then the observation noise) must reproduce statsmodels' 95 % prediction interval:
 * at 100,000 iterations the 2.5 % and 97.5 % percentiles within 1 % of the interval's width and
 * the mean within 0.5 % of it (scripts/reference/simulate_statsmodels.py). Same seed, same draws.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runOls } from "../../../src/engine/analyses/ols";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { EngineError } from "../../../src/engine/errors";
import { regressionModel } from "../../../src/engine/simulate/predictive";
import { simulatePlans } from "../../../src/engine/simulate/simulate";
import { thrown } from "../../support/engineErrors";
import { FIXTURES } from "../../support/nist";

interface Reference {
  file: string;
  y: string;
  x: string[];
  plans: number[][];
  mean: number[];
  obsLower: number[];
  obsUpper: number[];
}

function modelFor(reference: Reference) {
  const dataset = readCsvDataset(readFileSync(join(FIXTURES, "seeds", reference.file), "utf8"));
  const [y, ...x] = selectColumns(dataset, [reference.y, ...reference.x], "seed");
  return regressionModel(runOls({ y, x }));
}

describe.each(["marketing_mix", "marketing_sales"])("simulating %s plans", (name) => {
  const reference = JSON.parse(
    readFileSync(join(FIXTURES, "reference", "simulate", `${name}.json`), "utf8"),
  ) as Reference;
  const model = modelFor(reference);
  const plans = reference.plans.map((row) => Float64Array.from(row));

  it("matches statsmodels' 95 % prediction interval and point prediction", () => {
    const { plans: summaries } = simulatePlans(model, plans, { iterations: 100_000, seed: 7 });
    const lines: string[] = [];
    summaries.forEach((summary, i) => {
      const width = reference.obsUpper[i] - reference.obsLower[i];
      const at = (p: number) => summary.percentiles.find((q) => q.p === p)!.value;
      lines.push(
        `plan ${i + 1}: P2.5 ${at(0.025).toFixed(2)} / ${reference.obsLower[i].toFixed(2)}, P97.5 ${at(0.975).toFixed(2)} / ${reference.obsUpper[i].toFixed(2)}, mean ${summary.mean.toFixed(2)} / ${reference.mean[i].toFixed(2)}; largest gap ${((100 * Math.max(Math.abs(at(0.025) - reference.obsLower[i]), Math.abs(at(0.975) - reference.obsUpper[i]))) / width).toFixed(2)} % of the width`,
      );
      expect(Math.abs(at(0.025) - reference.obsLower[i]) / width).toBeLessThan(0.01);
      expect(Math.abs(at(0.975) - reference.obsUpper[i]) / width).toBeLessThan(0.01);
      expect(Math.abs(summary.mean - reference.mean[i]) / width).toBeLessThan(0.005);
    });
    console.log(`${name} (ours / statsmodels):\n${lines.join("\n")}`);
  });

  it("gives the same draws for the same seed, other draws for another", () => {
    const first = simulatePlans(model, plans, { iterations: 1000, seed: 3 });
    const again = simulatePlans(model, plans, { iterations: 1000, seed: 3 });
    const other = simulatePlans(model, plans, { iterations: 1000, seed: 4 });
    expect(again.plans).toEqual(first.plans);
    expect(other.plans[0].mean).not.toBe(first.plans[0].mean);
  });
});

describe("simulatePlans", () => {
  const reference = JSON.parse(
    readFileSync(join(FIXTURES, "reference", "simulate", "marketing_mix.json"), "utf8"),
  ) as Reference;
  const model = modelFor(reference);
  const plan = [Float64Array.from(reference.plans[0])];

  it("gives the probability of beating a target", () => {
    const mean = reference.mean[0];
    const result = simulatePlans(model, plan, { iterations: 20_000, seed: 1, target: mean });
    // The predictive distribution is symmetric about the point prediction.
    expect(Math.abs(result.plans[0].aboveTarget! - 0.5)).toBeLessThan(0.015);
    expect(
      simulatePlans(model, plan, { iterations: 100, seed: 1 }).plans[0].aboveTarget,
    ).toBeNull();
  });

  it.each([
    [99, /from 100 to 10,000,000; it is 99/],
    [2.5e7, /from 100 to 10,000,000/],
    [1000.5, /whole number/],
  ])("refuses %p iterations", (iterations, message) => {
    const error = thrown(() => simulatePlans(model, plan, { iterations, seed: 1 }));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.message).toMatch(message);
  });

  it("refuses a plan row with the wrong number of inputs", () => {
    expect(
      thrown(() => simulatePlans(model, [Float64Array.of(1, 2)], { iterations: 100, seed: 1 }))
        .message,
    ).toMatch(/Plan row 1 has 2 values; the model has 3 inputs \(TikTok, Facebook, Google Ads\)/);
  });
});

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
import { fixedPlan } from "../../../src/engine/simulate/plan";
import { simulatePlans } from "../../../src/engine/simulate/simulate";
import { thrown } from "../../support/engineErrors";
import { FIXTURES } from "../../support/nist";

interface Reference {
  coefficients: Record<string, [number, number, number]>;
  differences: [number, number, number][];
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
  const plans = reference.plans.map((row, i) => fixedPlan(Float64Array.from(row), `Plan ${i + 1}`));

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

  it("gives each channel's ROI and incremental sales the coefficient's confidence interval", () => {
    // Spend fixed: ROI = β_j, incremental = β_j · spend; statsmodels' conf_int at 95 %.
    const { plans: summaries } = simulatePlans(model, plans, { iterations: 100_000, seed: 9 });
    summaries.forEach((summary, i) => {
      summary.channels.forEach((channel, j) => {
        const [estimate, lower, upper] = reference.coefficients[channel.input];
        const spend = reference.plans[i][j];
        expect(channel.spend).toBe(spend);
        if (spend === 0) {
          expect(channel.roi).toBeNull();
          expect(channel.incremental.sd).toBe(0);
          return;
        }
        const width = upper - lower;
        const incremental = channel.incremental.percentiles;
        expect(Math.abs(incremental[0].value - spend * lower) / (spend * width)).toBeLessThan(0.01);
        expect(Math.abs(incremental[8].value - spend * upper) / (spend * width)).toBeLessThan(0.01);
        const roi = channel.roi!;
        expect(Math.abs(roi.percentiles[0].value - lower) / width).toBeLessThan(0.01);
        expect(Math.abs(roi.percentiles[8].value - upper) / width).toBeLessThan(0.01);
        expect(Math.abs(roi.mean - estimate) / width).toBeLessThan(0.005);
      });
    });
  });

  it("gives each plan's difference from the first the interval of the contrast (t_test)", () => {
    const { differences } = simulatePlans(model, plans, { iterations: 100_000, seed: 11 });
    expect(differences).toHaveLength(plans.length - 1);
    differences.forEach((difference, d) => {
      const [effect, lower, upper] = reference.differences[d];
      const width = upper - lower;
      expect(difference.plan).toBe(`Plan ${d + 2}`);
      expect(difference.baseline).toBe("Plan 1");
      expect(Math.abs(difference.percentiles[0].value - lower) / width).toBeLessThan(0.01);
      expect(Math.abs(difference.percentiles[8].value - upper) / width).toBeLessThan(0.01);
      expect(Math.abs(difference.mean - effect) / width).toBeLessThan(0.005);
    });
  });

  it("streams to exactly the summaries it computes from every draw held", () => {
    const options = { iterations: 5000, seed: 5, target: reference.mean[0] };
    const held = simulatePlans(model, plans, options);
    const streamed = simulatePlans(model, plans, { ...options, storedDraws: 1000 });
    expect(held.draws).not.toBeNull();
    expect(streamed.draws).toBeNull();
    expect(streamed.plans).toEqual(held.plans);
    expect(streamed.differences).toEqual(held.differences);
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
  const plan = [fixedPlan(Float64Array.from(reference.plans[0]), "Plan 1")];

  it("tells how far it has got, every 1 % or so, held or streamed, without changing a number", () => {
    const options = { iterations: 200_000, seed: 6 };
    const quiet = simulatePlans(model, plan, options);
    for (const storedDraws of [undefined, 1000]) {
      const heard: number[] = [];
      const told = simulatePlans(model, plan, {
        ...options,
        storedDraws,
        progress: (fraction) => heard.push(fraction),
      });
      expect(told.plans).toEqual(storedDraws === undefined ? quiet.plans : told.plans);
      expect(heard[heard.length - 1]).toBe(1);
      expect(heard.every((fraction, i) => i === 0 || fraction > heard[i - 1])).toBe(true);
      // At most one report a 1 % step (and the last), at least one every 2 % (chunks of 1,024).
      expect(heard.length).toBeLessThanOrEqual(102);
      expect(heard.length).toBeGreaterThanOrEqual(50);
      const gaps = heard.map((fraction, i) => fraction - (i === 0 ? 0 : heard[i - 1]));
      expect(Math.max(...gaps)).toBeLessThan(0.02);
    }
  });

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
      thrown(() =>
        simulatePlans(model, [fixedPlan(Float64Array.of(1, 2), "Plan 1")], {
          iterations: 100,
          seed: 1,
        }),
      ).message,
    ).toMatch(/Plan row 1 has 2 values; the model has 3 inputs \(TikTok, Facebook, Google Ads\)/);
  });
});

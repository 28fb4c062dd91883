/**
 * The CLI contract of issue 8: `mmm simulate DATA --y COL --x A,B --plan PLAN.csv --iterations N
 * --seed S --json` prints `{plans: [{row, mean, sd, percentiles: [{p, value}], aboveTarget}],
 * iterations, seed}`; bad plans and iteration counts are one line on stderr with exit 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { FIXTURES } from "../support/nist";

const data = join(FIXTURES, "seeds", "marketing_mix.csv");
const reference = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "simulate", "marketing_mix.json"), "utf8"),
) as { plans: number[][]; mean: number[]; obsLower: number[]; obsUpper: number[] };
const directory = mkdtempSync(join(tmpdir(), "mmm-simulate-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function planFile(name: string, text: string): string {
  const file = join(directory, name);
  writeFileSync(file, text);
  return file;
}

const plan = planFile(
  "plan.csv",
  ["TikTok,Facebook,Google Ads", ...reference.plans.map((row) => row.join(","))].join("\n"),
);
const base = ["simulate", data, "--y", "Sales", "--x", "TikTok,Facebook,Google Ads"];

describe("mmm simulate", () => {
  it("prints the agreed JSON, with statsmodels' prediction interval at 100,000 iterations", async () => {
    const argv = [...base, "--plan", plan, "--iterations", "100000", "--seed", "7", "--json"];
    const { stdout, stderr, exitCode } = await runCli(argv);
    expect([exitCode, stderr]).toEqual([0, ""]);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).sort()).toEqual(["differences", "iterations", "plans", "seed"]);
    expect(Object.keys(out.plans[0]).sort()).toEqual([
      "aboveTarget",
      "channels",
      "histogram",
      "mean",
      "name",
      "percentiles",
      "row",
      "sd",
    ]);
    expect(out.plans[0].percentiles.map((q: { p: number }) => q.p)).toEqual([
      0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975,
    ]);
    out.plans.forEach((p: { percentiles: { p: number; value: number }[] }, i: number) => {
      const width = reference.obsUpper[i] - reference.obsLower[i];
      expect(Math.abs(p.percentiles[0].value - reference.obsLower[i]) / width).toBeLessThan(0.01);
      expect(Math.abs(p.percentiles[8].value - reference.obsUpper[i]) / width).toBeLessThan(0.01);
    });
    expect((await runCli(argv)).stdout).toBe(stdout);
  });

  it("prints a table, with the probability of beating a target when given one", async () => {
    const { stdout } = await runCli([...base, "--plan", plan, "--target", "25000"]);
    expect(stdout).toMatch(/Monte Carlo of Sales for 3 plans: 10000 iterations, seed 0/);
    expect(stdout).toMatch(/P\(> 25000\)/);
  });

  it.each([
    ["TikTok,Radio\n1,2", /The plan's column "Radio" is not one of the model's inputs/],
    ["TikTok,Facebook\n1,2", /The plan has no column "Google Ads"/],
    [
      "TikTok,Facebook,Google Ads\n1,-5,3",
      /Plan row 1 spends -5 on "Facebook"; spend cannot be negative/,
    ],
    ["TikTok,Facebook,Google Ads\n1,lots,3", /The plan's "Facebook" holds text/],
  ])("refuses the plan %j with one line and exit 1", async (text, message) => {
    const { stdout, stderr, exitCode } = await runCli([
      ...base,
      "--plan",
      planFile(`bad-${Math.random()}.csv`, text),
    ]);
    expect([exitCode, stdout]).toEqual([1, ""]);
    expect(stderr).toMatch(message);
  });

  it.each([
    ["99", 1, /Iterations must be a whole number from 100 to 10,000,000; it is 99/],
    ["20000000", 1, /from 100 to 10,000,000/],
    ["many", 2, /--iterations must be a number/],
  ])("refuses --iterations %s", async (iterations, code, message) => {
    const { stderr, exitCode } = await runCli([
      ...base,
      "--plan",
      plan,
      "--iterations",
      iterations,
    ]);
    expect(exitCode).toBe(code);
    expect(stderr).toMatch(message);
  });
});

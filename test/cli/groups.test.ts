/**
 * The CLI contract of issue 6: `mmm anova` and `mmm tukey` print JSON with the agreed fields
 * (checked against R's figures for Sales by TV), readable tables without --json, and one line on
 * stderr with a non-zero exit for bad input.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { FIXTURES } from "../support/nist";
import { relativeError } from "../support/olsReference";

const sales = join(FIXTURES, "seeds", "marketing_sales_data.csv");
const r = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "groups", "sales_by_tv.r.json"), "utf8"),
);

async function json(argv: string[]) {
  const { stdout, stderr, exitCode } = await runCli(argv);
  expect([exitCode, stderr]).toEqual([0, ""]);
  return JSON.parse(stdout);
}

describe("mmm anova --json", () => {
  it("prints the ANOVA fields and the groups, with R's values", async () => {
    const out = await json(["anova", sales, "--value", "Sales", "--group", "TV", "--json"]);
    expect(Object.keys(out.anova).sort()).toEqual(
      ["f", "p", "dfBetween", "dfWithin", "ssBetween", "ssWithin", "msBetween", "msWithin"].sort(),
    );
    for (const field of Object.keys(out.anova)) {
      expect([field, relativeError(out.anova[field], r.anova[field]) < 1e-10]).toEqual([
        field,
        true,
      ]);
    }
    expect(out.groups.map((g: { name: string; n: number }) => [g.name, g.n])).toEqual(
      r.groups.map((g: { name: string; n: number }) => [g.name, g.n]),
    );
    expect(Object.keys(out.groups[0]).sort()).toEqual(["mean", "n", "name", "sd"]);
    expect(relativeError(out.welch.f, r.welch.f)).toBeLessThan(1e-9);
  });
});

describe("mmm tukey --json", () => {
  it("prints each pair as group1, group2, meanDiff = mean(group2) - mean(group1), bounds, pAdj, reject", async () => {
    const out = await json(["tukey", sales, "--value", "Sales", "--group", "TV", "--json"]);
    expect(out.comparisons).toHaveLength(3);
    out.comparisons.forEach((pair: Record<string, number | string | boolean>, i: number) => {
      const ref = r.tukey.comparisons[i];
      expect(Object.keys(pair).sort()).toEqual(
        ["ciHigh", "ciLow", "group1", "group2", "meanDiff", "pAdj", "reject"].sort(),
      );
      expect([pair.group1, pair.group2]).toEqual([ref.group1, ref.group2]);
      expect(relativeError(pair.meanDiff as number, ref.meanDiff)).toBeLessThan(1e-9);
      expect(relativeError(pair.ciLow as number, ref.ciLow)).toBeLessThan(1e-9);
      expect(pair.reject).toBe(true);
    });
  });

  it("runs Games-Howell with --method games-howell and a custom --alpha", async () => {
    const out = await json([
      "tukey",
      sales,
      "--value",
      "Sales",
      "--group",
      "TV",
      "--method",
      "games-howell",
      "--alpha",
      "0.01",
      "--json",
    ]);
    expect([out.method, out.alpha]).toEqual(["games-howell", 0.01]);
    expect(
      relativeError(out.comparisons[0].meanDiff, r.gamesHowell.comparisons[0].meanDiff),
    ).toBeLessThan(1e-12);
  });

  it("prints readable tables without --json, tiny p-values as a floor", async () => {
    const { stdout } = await runCli(["tukey", sales, "--value", "Sales", "--group", "TV"]);
    expect(stdout).toMatch(/^One-way ANOVA: Sales by TV \(572 rows\)/);
    expect(stdout).toMatch(/Multiple Comparison of Means - Tukey HSD, FWER=0\.05/);
    expect(stdout).toMatch(/High\s+Low\s+-209\.869\s+<1e-9/);
  });
});

describe("bad input", () => {
  it.each([
    [["anova", sales, "--value", "TV", "--group", "Influencer"], 1, /"TV" must hold numbers/],
    [["anova", sales, "--value", "Sales", "--group", "Nope"], 1, /Nope/],
    [
      ["tukey", sales, "--value", "Sales", "--group", "TV", "--method", "scheffe"],
      1,
      /"tukey" or "games-howell"/,
    ],
    [
      ["tukey", sales, "--value", "Sales", "--group", "TV", "--alpha", "2"],
      1,
      /alpha must be between 0 and 0\.5/,
    ],
    [["anova", sales, "--value", "Sales"], 2, /--group is required/],
    [
      ["anova", sales, "--value", "Sales", "--group", "TV", "--level", "0.9"],
      2,
      /unknown option --level/,
    ],
  ])("%j exits %i with one line", async (argv, code, message) => {
    const { stdout, stderr, exitCode } = await runCli(argv as string[]);
    expect([exitCode, stdout]).toEqual([code, ""]);
    expect(stderr).toMatch(message as RegExp);
    expect(stderr.split("\n")).toHaveLength(1);
  });
});

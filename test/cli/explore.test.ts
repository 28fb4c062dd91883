/** `mmm describe` and `mmm corr`: JSON with pandas' and scipy's figures, tables, and errors. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { FIXTURES } from "../support/nist";
import { relativeError } from "../support/olsReference";

const sales = join(FIXTURES, "seeds", "marketing_sales_data.csv");
const reference = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, "reference", "describe", `${name}.json`), "utf8"));

async function json(argv: string[]) {
  const { stdout, stderr, exitCode } = await runCli(argv);
  expect([exitCode, stderr]).toEqual([0, ""]);
  return JSON.parse(stdout);
}

describe("mmm describe", () => {
  it("prints pandas' statistics by group with --by, as JSON", async () => {
    const out = await json([
      "describe",
      sales,
      "--cols",
      "Radio,Social Media,Sales",
      "--by",
      "TV",
      "--json",
    ]);
    const want = reference("describe_sales_by_tv").stats;
    expect(out.stats).toHaveLength(want.length);
    out.stats.forEach((row: Record<string, number | string>, i: number) => {
      expect([row.column, row.group]).toEqual([want[i].column, want[i].group]);
      expect(relativeError(row.q3 as number, want[i].q3)).toBeLessThan(1e-12);
      expect(relativeError(row.kurtosis as number, want[i].kurtosis)).toBeLessThan(1e-12);
    });
  });

  it("summarises every numeric column by default and names the text columns it skipped", async () => {
    const out = await json(["describe", sales, "--json"]);
    expect(out.stats.map((row: { column: string }) => row.column)).toEqual([
      "Radio",
      "Social Media",
      "Sales",
    ]);
    expect(out.skipped).toEqual(["TV", "Influencer"]);
    const { stdout } = await runCli(["describe", sales]);
    expect(stdout.split("\n").at(-1)).toBe("Text columns not summarised: TV, Influencer.");
  });
});

describe("mmm corr", () => {
  it("prints the r, p and n matrices of scipy's Spearman", async () => {
    const out = await json([
      "corr",
      sales,
      "--cols",
      "Radio,Social Media,Sales",
      "--method",
      "spearman",
      "--json",
    ]);
    const want = reference("corr_sales");
    expect(out.columns).toEqual(want.columns);
    expect(relativeError(out.r[0][2], want.spearmanMatrix[0][2])).toBeLessThan(1e-12);
    expect(out.n[0][1]).toBe(572);
    expect(out.r[1][1]).toBe(1);
  });

  it.each([
    [["corr", sales], 1, /"TV" holds text/],
    [["corr", sales, "--cols", "Sales", "--json"], 1, /at least two columns/],
    [["corr", sales, "--cols", "Radio,Sales", "--method", "kendall"], 1, /"pearson" or "spearman"/],
    [["describe", sales, "--cols", "TV"], 1, /numeric columns/],
  ])("%j exits %i with one line", async (argv, code, message) => {
    const { stderr, exitCode } = await runCli(argv as string[]);
    expect(exitCode).toBe(code);
    expect(stderr).toMatch(message as RegExp);
  });
});

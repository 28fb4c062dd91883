/**
 * The CLI contract of issue 3: `mmm ols FILE --y COL --x A,B [--no-intercept] [--json]` prints one
 * JSON object with exactly the agreed fields; errors are one line on stderr with a non-zero exit.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { FIXTURES } from "../support/nist";
import { readReference, relativeError, type StatsmodelsReference } from "../support/olsReference";

const root = join(__dirname, "..", "..");
const seed = (file: string) => join(FIXTURES, "seeds", file);

const CONTRACT_FIELDS = [
  "nobs",
  "rSquared",
  "adjRSquared",
  "fStatistic",
  "fPValue",
  "logLikelihood",
  "aic",
  "bic",
  "durbinWatson",
  "jarqueBera",
  "jarqueBeraP",
  "omnibus",
  "omnibusP",
  "skew",
  "kurtosis",
  "conditionNumber",
  "breuschPagan",
  "breuschPaganP",
  "residualStdError",
  "coefficients",
];

describe("mmm ols --json", () => {
  const campaignX = [
    "Campaign (Email)",
    "Campaign (Flyer)",
    "Campaign (Phone)",
    "Sales Contact 1",
    "Sales Contact 2",
    "Sales Contact 3",
    "Sales Contact 4",
    "Sales Contact 5",
  ];

  it("prints exactly the contract's fields, with column names holding spaces and parentheses", async () => {
    const { stdout, exitCode } = await runCli([
      "ols",
      seed("Campaign-Data.csv"),
      "--y",
      "Amount Collected",
      "--x",
      campaignX.join(","),
      "--json",
    ]);
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown> & {
      coefficients: Record<string, number | string>[];
    };
    expect(Object.keys(json)).toEqual(CONTRACT_FIELDS);
    expect(json.coefficients.map((c) => c.term)).toEqual(["Intercept", ...campaignX]);
    expect(Object.keys(json.coefficients[0])).toEqual([
      "term",
      "estimate",
      "stdError",
      "t",
      "p",
      "ciLow",
      "ciHigh",
    ]);
    const reference = readReference<StatsmodelsReference>("campaign.statsmodels.json");
    expect(relativeError(json.rSquared as number, reference.rSquared as number)).toBeLessThan(1e-8);
    expect(
      relativeError(json.durbinWatson as number, reference.durbinWatson as number),
    ).toBeLessThan(1e-8);
  });

  it("names dummy terms TV[Low] and puts them where TV was given", async () => {
    const { stdout } = await runCli([
      "ols",
      seed("marketing_sales_data.csv"),
      "--y",
      "Sales",
      "--x",
      "Radio,TV",
      "--json",
    ]);
    const json = JSON.parse(stdout) as { coefficients: { term: string }[] };
    expect(json.coefficients.map((c) => c.term)).toEqual([
      "Intercept",
      "Radio",
      "TV[Low]",
      "TV[Medium]",
    ]);
  });

  it("fits without an intercept on --no-intercept (uncentred R-squared, as statsmodels)", async () => {
    const { stdout } = await runCli([
      "ols",
      seed("marketing_mix.csv"),
      "--y",
      "Sales",
      "--x",
      "TikTok,Facebook,Google Ads",
      "--no-intercept",
      "--json",
    ]);
    const json = JSON.parse(stdout) as { rSquared: number; coefficients: { term: string }[] };
    const reference = readReference<StatsmodelsReference>("mix_noint.statsmodels.json");
    expect(json.coefficients.map((c) => c.term)).toEqual(["TikTok", "Facebook", "Google Ads"]);
    expect(relativeError(json.rSquared, reference.rSquared as number)).toBeLessThan(1e-8);
  });

  it("prints a readable summary without --json", async () => {
    const { stdout } = await runCli([
      "ols",
      seed("marketing_sales_data.csv"),
      "--y",
      "Sales",
      "--x",
      "TV,Radio",
    ]);
    expect(stdout).toMatch(/OLS Regression Results/);
    expect(stdout).toMatch(/R-squared:\s+0\.904/);
    expect(stdout).toMatch(/TV\[Low\]\s+-154\.297/);
  });

  it("reports an unknown column with the available names, exit code 1", async () => {
    const { stderr, exitCode } = await runCli([
      "ols",
      seed("marketing_sales_data.csv"),
      "--y",
      "Sales",
      "--x",
      "TV,Nope",
    ]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/no column named "Nope"; the columns are "TV", "Radio"/);
  });

  it("reports a missing file and a missing option", async () => {
    expect(await runCli(["ols", "no-such-file.csv", "--y", "a", "--x", "b"])).toMatchObject({
      exitCode: 1,
      stderr: "mmm: cannot read no-such-file.csv: no such file",
    });
    expect(await runCli(["ols", seed("marketing_mix.csv"), "--x", "TikTok"])).toMatchObject({
      exitCode: 2,
      stderr: "mmm: --y is required.",
    });
  });

  it("refuses unknown options, values on flags, stray arguments and folders", async () => {
    const base = ["ols", seed("marketing_mix.csv"), "--y", "Sales", "--x", "TikTok"];
    expect(await runCli([...base, "--intercept", "false"])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(
        /unknown option --intercept; the options are --y, --x, --no-intercept/,
      ),
    });
    expect(await runCli([...base, "--json=false"])).toMatchObject({
      exitCode: 2,
      stderr: "mmm: --json takes no value.",
    });
    expect(await runCli([...base, "extra.csv"])).toMatchObject({
      exitCode: 2,
      stderr: 'mmm: unexpected argument "extra.csv".',
    });
    expect(
      await runCli(["ols", seed("marketing_mix.csv"), "--y", "Sales", "--x", ","]),
    ).toMatchObject({
      exitCode: 2,
      stderr: "mmm: --x needs at least one column name.",
    });
    expect(await runCli(["ols", FIXTURES, "--y", "Sales", "--x", "TikTok"])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(/cannot read .*fixtures: it is a folder/),
    });
  });

  it("runs as a process through npm: JSON on stdout, or one line on stderr and exit 1", async () => {
    const ok = spawnSync(
      "npm",
      [
        "run",
        "--silent",
        "mmm",
        "--",
        "ols",
        seed("marketing_mix.csv"),
        "--y",
        "Sales",
        "--x",
        "TikTok,Facebook",
        "--json",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).nobs).toBe(200);
    const bad = spawnSync(
      "npm",
      [
        "run",
        "--silent",
        "mmm",
        "--",
        "ols",
        seed("marketing_sales_data.csv"),
        "--y",
        "TV",
        "--x",
        "Radio",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/y must be numeric/);
  }, 30_000);
});

/** The A/B test pane entry, =MMM.ABTEST, =MMM.SAMPLESIZE and `mmm abtest`, against scipy/statsmodels. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../../src/cli/main";
import { abTestEntry } from "../../../src/engine/analyses/abtestEntry";
import { withDefaults } from "../../../src/engine/analyses/registry";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { runAbTestFunction, runSampleSizeFunction } from "../../../src/functions/abtest";
import {
  installCustomFunctionsShim,
  ShimCustomFunctionsError,
} from "../../../src/functions/excelError";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

installCustomFunctionsShim();
const salesFile = join(FIXTURES, "seeds", "marketing_sales_data.csv");
const dataset = readCsvDataset(readFileSync(salesFile, "utf8"), { label: "sales" });
const [tv, sales, influencer] = selectColumns(dataset, ["TV", "Sales", "Influencer"], "sales");
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, "reference", "abtest", `${name}.json`), "utf8"));
const mediumVsHigh = fixture("sales_tv_medium_vs_high");

/** Sales of the rows whose TV is `level`, as an Excel column. */
const arm = (level: string) => [
  ["Sales"],
  ...mediumVsHigh[level === "Medium" ? "a" : "b"].map((x: number) => [x]),
];

describe("A/B test entry", () => {
  it("checks that the arm column has exactly two labels", async () => {
    const input = {
      roles: { outcome: [sales], arm: [tv] },
      options: withDefaults(abTestEntry, {}),
    };
    expect(abTestEntry.validate(input)).toEqual([
      '"TV" has 3 labels (High, Low, Medium); an A/B test needs exactly two. Use Compare groups for more.',
    ]);
    expect(
      abTestEntry.validate({ ...input, roles: { outcome: [influencer], arm: [tv] } })[0],
    ).toMatch(/holds text/);
  });

  it("says which arm won, by how much, and how much power the test had", async () => {
    const rows =
      tv.kind === "categorical"
        ? tv.values.map((v, i) => (v === "Low" ? -1 : i)).filter((i) => i >= 0)
        : [];
    const pick = <T>(values: ArrayLike<T>) => rows.map((i) => values[i]);
    const twoArms = {
      roles: {
        outcome: [
          {
            kind: "numeric" as const,
            name: "Sales",
            values: Float64Array.from(pick(sales.values as Float64Array)),
          },
        ],
        arm: [
          {
            kind: "categorical" as const,
            name: "TV",
            values: pick(tv.values as string[]),
            levels: ["High", "Medium"],
          },
        ],
      },
      options: withDefaults(abTestEntry, { control: "second" }),
    };
    const report = abTestEntry.run(twoArms);
    expect(report.title).toBe("A/B test: Sales, High (B) against Medium (A)");
    expect(report.reading[0]).toBe(
      "High (B) beat Medium (A): +105 Sales (+54.0 %), 95 % CI 99 to 112, p < 0.001; Welch's t test (unequal variances).",
    );
    const p = report.tables[0].rows.find((row) => row[0] === "p")!;
    expect(relativeError(p[1] as number, mediumVsHigh.welch.p)).toBeLessThan(1e-9);
    expect(report.charts[0].data[1][0]).toBe("Medium (A)");
  });
});

describe("=MMM.ABTEST and =MMM.SAMPLESIZE", () => {
  it("spills Welch's test with scipy's t and statsmodels' interval", async () => {
    const table = runAbTestFunction(arm("Medium"), arm("High"), null, null, null);
    const row = (label: string) => table.find((r) => r[0] === label)!;
    expect(relativeError(row("t")[1] as number, mediumVsHigh.welch.t)).toBeLessThan(1e-9);
    expect(relativeError(row("95 % CI")[1] as number, mediumVsHigh.welch.ciLow)).toBeLessThan(1e-9);
    expect(row("Decision at alpha 0.05")[1]).toBe("significant");
  });

  it("takes conversions as two numbers per arm for the proportions test", async () => {
    const basic = fixture("conv_basic");
    const table = runAbTestFunction([[120], [2400]], [[156, 2380]], "proportions", 0.05, false);
    expect(
      relativeError(table.find((r) => r[0] === "z")![1] as number, basic.zTest.z),
    ).toBeLessThan(1e-9);
  });

  it("plans rows per arm as statsmodels' power solver, rounded up", async () => {
    const sizes = fixture("sample_size").cases;
    const proportion = sizes.find((c: { name: string }) => c.name === "prop_p1_0.05_mde_0.01");
    expect(runSampleSizeFunction(0.05, 0.01, null, null, null)[0]).toEqual([
      "Rows per arm",
      proportion.nobsPerArmCeil,
    ]);
    const mean = sizes.find((c: { name: string }) => c.name === "means_d_0.5_power_0.9");
    expect(runSampleSizeFunction(10, 5, 0.05, 0.9, "mean")[0]).toEqual([
      "Rows per arm",
      mean.nobsPerArmCeil,
    ]);
  });

  it("answers bad arguments with #VALUE! and a message", async () => {
    for (const [run, message] of [
      [
        () => runAbTestFunction(arm("Medium"), arm("High"), "bayes", null, null),
        /test must be one of/,
      ],
      [() => runSampleSizeFunction(0.99, 0.05, null, null, null), /between 0 and 1/],
    ] as const) {
      try {
        run();
        throw new Error("no error");
      } catch (error) {
        expect(error).toBeInstanceOf(ShimCustomFunctionsError);
        expect((error as Error).message).toMatch(message);
      }
    }
  });
});

describe("mmm abtest", () => {
  it("splits long data by --group into --control and --variant, JSON as agreed", async () => {
    const { stdout, exitCode } = await runCli([
      "abtest",
      salesFile,
      "--value",
      "Sales",
      "--group",
      "TV",
      "--control",
      "Medium",
      "--variant",
      "High",
      "--json",
    ]);
    expect(exitCode).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.test).toBe("welch");
    expect(relativeError(out.diff, mediumVsHigh.diff)).toBeLessThan(1e-12);
    expect(relativeError(out.p, mediumVsHigh.welch.p)).toBeLessThan(1e-9);
    expect(relativeError(out.relativeLiftCiLow, mediumVsHigh.relativeLiftCI.ciLow)).toBeLessThan(
      1e-9,
    );
  });

  it("runs the chi-square test of independence of two label columns", async () => {
    const reference = fixture("tv_by_influencer");
    const { stdout } = await runCli([
      "abtest",
      salesFile,
      "--group",
      "TV",
      "--value",
      "Influencer",
      "--test",
      "chi-square",
      "--json",
    ]);
    const out = JSON.parse(stdout);
    expect(out.table).toEqual(reference.table);
    expect(relativeError(out.statistic, reference.statistic)).toBeLessThan(1e-12);
  });

  it("names a missing arm label", async () => {
    const { stderr, exitCode } = await runCli([
      "abtest",
      salesFile,
      "--value",
      "Sales",
      "--group",
      "TV",
      "--control",
      "Medium",
      "--variant",
      "Huge",
    ]);
    expect([exitCode, stderr]).toEqual([1, 'mmm: No row of "TV" is "Huge".']);
  });
});

describe("A/B readings at the edges", () => {
  const arms = (a: number[], b: number[]) => ({
    roles: {
      outcome: [{ kind: "numeric" as const, name: "y", values: Float64Array.from([...a, ...b]) }],
      arm: [
        {
          kind: "categorical" as const,
          name: "arm",
          values: [...a.map(() => "A"), ...b.map(() => "B")],
          levels: ["A", "B"],
        },
      ],
    },
  });

  it("takes a rank test's direction from U, and quotes no interval from it", async () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1000];
    const b = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const report = abTestEntry.run({
      ...arms(a, b),
      options: withDefaults(abTestEntry, { test: "mann-whitney" }),
    });
    expect(report.reading[0]).toMatch(
      /^B \(B\) beat A \(A\): B's values rank above A's in 90 % of pairs \(means differ by -90 y/,
    );
    expect(report.reading[0]).not.toMatch(/CI/);
  });

  it("signs the lift by the difference when the control mean is negative", async () => {
    const report = abTestEntry.run({
      ...arms([-10, -11, -9, -10], [-5, -6, -4, -5]),
      options: withDefaults(abTestEntry, {}),
    });
    expect(report.reading[0]).toMatch(/\+5 y \(\+50\.0 %\)/);
  });

  it("runs a proportions test whose control never converted, without a planning hint", async () => {
    const a = Array(50).fill(0);
    const b = [1, 1, ...Array(48).fill(0)];
    const report = abTestEntry.run({
      ...arms(a, b),
      options: withDefaults(abTestEntry, { test: "proportions" }),
    });
    expect(report.reading[0]).toMatch(
      /^No significant difference between B \(B\) and A \(A\): \+4 percentage points, 95 % CI/,
    );
    expect(report.reading).toHaveLength(2);
  });

  it("reads a pane arm of two outcomes as outcomes, not as a count pair", async () => {
    const input = {
      ...arms([3, 10], [1, 0, 1]),
      options: withDefaults(abTestEntry, { test: "proportions" }),
    };
    expect(() => abTestEntry.run(input)).toThrow(/must hold 0\/1 outcomes \(1 = converted\)\.$/);
  });
});

describe("sample sizes out of reach", () => {
  it.each([
    [1e-160, 1e-160, "proportion"],
    [0.5, 1e-16, "proportion"],
    [1, 1e-77, "mean"],
  ])(
    "=MMM.SAMPLESIZE(%d, %d, , , %s) says the effect is too small, at once",
    (baseline, effect, kind) => {
      const started = Date.now();
      expect(() => runSampleSizeFunction(baseline, effect, null, null, kind)).toThrow(
        /too small to detect/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    },
  );
});

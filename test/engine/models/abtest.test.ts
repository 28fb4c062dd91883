/**
 * A/B tests against scipy 1.10 and statsmodels 0.13.5 (scripts/reference/abtest_scipy.py): means,
 * SDs, differences and intervals to 1e-12; t, z, chi-square, U and their p to 1e-9 relative
 * (1e-12 absolute near 0); power to 1e-9; the delta-method lift interval; sample sizes to 1e-9.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  abTestMeans,
  abTestProportions,
  chiSquareIndependence,
} from "../../../src/engine/models/abtest";
import {
  cohensH,
  normalPower,
  normalRowsPerArm,
  rowsPerArmFor,
  tTestPower,
} from "../../../src/engine/stats/power";

interface SampleCase {
  name: string;
  kind: "proportions" | "means";
  p1: number;
  p2: number;
  d: number;
  alpha: number;
  power: number;
  nobsPerArmRoot: number;
  nobsPerArmCeil: number;
}
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

const folder = join(FIXTURES, "reference", "abtest");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture JSON of several shapes
const read = (name: string): any => JSON.parse(readFileSync(join(folder, name), "utf8"));
const cases = readdirSync(folder)
  .filter((file) => file.endsWith(".json"))
  .map(read);
let worst = 0;
afterAll(() =>
  console.log(
    `A/B tests: largest relative difference from scipy/statsmodels ${worst.toExponential(2)}`,
  ),
);

function near(label: string, got: number, want: number, tolerance = 1e-9) {
  const error = Math.abs(want) < 1e-300 ? Math.abs(got) : relativeError(got, want);
  worst = Math.max(worst, error);
  expect([label, got, error <= tolerance]).toEqual([label, got, true]);
}

describe.each(cases.filter((c) => c.kind === "means").map((c) => [c.case, c]))(
  "means: %s",
  (_, c) => {
    const a = Float64Array.from(c.a as number[]);
    const b = Float64Array.from(c.b as number[]);

    it("has scipy's arms, Welch and Student t tests and statsmodels' intervals", () => {
      const welch = abTestMeans(a, b);
      near("mean A", welch.a.mean, c.mean.a, 1e-12);
      near("sd B", welch.b.sd, c.sd.b, 1e-12);
      near("diff", welch.diff, c.diff, 1e-12);
      near("relative lift", welch.relativeLift, c.relativeLift, 1e-12);
      for (const [name, ours] of [
        ["welch", welch.welch],
        ["student", welch.student],
      ] as const) {
        near(`${name} t`, ours.t, c[name].t);
        near(`${name} p`, ours.p, c[name].p);
        near(`${name} df`, ours.df, c[name].df);
        near(`${name} low`, ours.interval.low, c[name].ciLow);
        near(`${name} high`, ours.interval.high, c[name].ciHigh);
      }
      near("lift low", welch.relativeLiftInterval.low, c.relativeLiftCI.ciLow);
      near("lift high", welch.relativeLiftInterval.high, c.relativeLiftCI.ciHigh);
      near("cohen's d", welch.cohensD, c.power.cohensD);
      near("power", welch.power, c.power.power);
    });

    it("has scipy's Mann-Whitney U and p (exact where scipy's auto would be)", () => {
      const result = abTestMeans(a, b, { test: "mann-whitney" });
      near("uB", result.mannWhitney.uB, c.mannWhitney.uB, 1e-15);
      near("uA", result.mannWhitney.uA, c.mannWhitney.uA, 1e-15);
      near("p asymptotic", result.mannWhitney.pAsymptotic, c.mannWhitney.p);
      if (c.mannWhitney.pExact !== undefined)
        near("p exact", result.mannWhitney.pExact!, c.mannWhitney.pExact, 1e-12);
    });
  },
);

describe.each(cases.filter((c) => c.kind === "proportions").map((c) => [c.case, c]))(
  "proportions: %s",
  (_, c) => {
    it("has statsmodels' z test, intervals and power, and scipy's chi-square", () => {
      const result = abTestProportions(c.xA, c.nA, c.xB, c.nB);
      near("diff", result.diff, c.diff, 1e-12);
      near("z", result.z, c.zTest.z);
      near("p", result.p, c.zTest.p);
      near("wald low", result.diffInterval.low, c.diffCI.ciLow);
      near("wald high", result.diffInterval.high, c.diffCI.ciHigh);
      near("newcombe low", result.diffIntervalNewcombe.low, c.diffCINewcombe.ciLow);
      near("newcombe high", result.diffIntervalNewcombe.high, c.diffCINewcombe.ciHigh);
      near("chi-square", result.chiSquare.statistic, c.chiSquare.statistic);
      near("chi-square p", result.chiSquare.p, c.chiSquare.p);
      near("yates", result.chiSquareYates.statistic, c.chiSquareYates.statistic);
      near("yates p", result.chiSquareYates.p, c.chiSquareYates.p);
      near("cohen's h", result.cohensH, c.power.cohensH);
      near("power", result.power, c.power.power);
    });
  },
);

describe("chi-square test of independence", () => {
  it("has scipy's statistic, dof, p and expected counts on TV x Influencer", () => {
    const c = read("tv_by_influencer.json");
    const result = chiSquareIndependence(c.table);
    near("statistic", result.statistic, c.statistic);
    near("p", result.p, c.p);
    expect(result.dof).toBe(c.dof);
    result.expected.forEach((row, i) =>
      row.forEach((e, j) => near(`E${i}${j}`, e, c.expected[i][j], 1e-12)),
    );
  });
});

describe("sample size", () => {
  const sizes: [string, SampleCase][] = read("sample_size.json").cases.map((c: SampleCase) => [
    c.name,
    c,
  ]);
  it.each(sizes)("%s", (_, c) => {
    const effect = c.kind === "proportions" ? cohensH(c.p1, c.p2) : c.d;
    const power =
      c.kind === "proportions"
        ? (n: number) => normalPower(effect, n, n, c.alpha)
        : (n: number) => tTestPower(effect, n, n, c.alpha);
    const n = rowsPerArmFor(power, c.power, normalRowsPerArm(effect, c.alpha, c.power));
    near("rows per arm", n, c.nobsPerArmRoot, 1e-9);
    expect(Math.ceil(n)).toBe(c.nobsPerArmCeil);
  });
});

import { fisherFCdf, fisherFSf } from "../../../src/engine/stats/fisherF";
import { studentTTwoSidedP } from "../../../src/engine/stats/studentT";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  tailErr,
  worstOf,
} from "../../support/distributionReference";

const rows = referenceRows("fisherF");

describe("F distribution", () => {
  it("fisherFSf matches mpmath to 1e-13 relative for F from 0.01 to 2000, p down to 1e-300", () => {
    const worst = worstOf(rows, (r) => tailErr(fisherFSf(r.f, r.df1, r.df2), r.sf));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("fisherFCdf matches mpmath to 1e-13 relative, the lower tail computed directly", () => {
    const worst = worstOf(rows, (r) => tailErr(fisherFCdf(r.f, r.df1, r.df2), r.cdf));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("gives the seed ANOVA's p: F = 1917.75 on (2, 569) is 1.3830981955449476e-253 (mpmath)", () => {
    expect(relErr(fisherFSf(1917.75, 2, 569), 1.3830981955449476e-253)).toBeLessThan(1e-13);
  });

  it("has the closed form P(F > f) = (1 + f)^-1 on (2, 2) and equals the two-sided t on (1, df)", () => {
    for (const f of [0.01, 1, 7, 1e3]) {
      expect(relErr(fisherFSf(f, 2, 2), 1 / (1 + f))).toBeLessThan(1e-15);
      expect(relErr(fisherFCdf(f, 2, 2), f / (1 + f))).toBeLessThan(1e-15);
    }
    for (const t of [0.5, 2, 30]) {
      expect(relErr(fisherFSf(t * t, 1, 17), studentTTwoSidedP(t, 17))).toBeLessThan(1e-14);
    }
  });

  it("propagates NaN statistics and gives the limits at 0, negative f and Infinity", () => {
    expect(fisherFSf(NaN, 2, 3)).toBeNaN();
    expect(fisherFSf(0, 2, 3)).toBe(1);
    expect(fisherFSf(-1, 2, 3)).toBe(1);
    expect(fisherFCdf(0, 2, 3)).toBe(0);
    expect(fisherFSf(Infinity, 2, 3)).toBe(0);
    expect(fisherFSf(1e300, 2, 0.5)).toBeGreaterThan(1e-80); // y^(1/4) with y = 2.5e-301
  });

  it("rejects degrees of freedom that are not positive and finite", () => {
    expectInvalidOption(() => fisherFSf(1, 0, 3), "fisherFSf needs df1 > 0 and finite; df1 is 0");
    expectInvalidOption(() => fisherFSf(1, 2, -3), "fisherFSf needs df2 > 0 and finite; df2 is -3");
    expectInvalidOption(
      () => fisherFCdf(1, 2, Infinity),
      "fisherFCdf needs df2 > 0 and finite; df2 is Infinity",
    );
  });
});

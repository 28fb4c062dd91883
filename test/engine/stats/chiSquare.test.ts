import { chiSquareCdf, chiSquareSf } from "../../../src/engine/stats/chiSquare";
import { normalTwoSidedP } from "../../../src/engine/stats/normal";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  tailErr,
  worstOf,
} from "../../support/distributionReference";

const rows = referenceRows("chiSquare");

describe("chi-square distribution", () => {
  it("chiSquareSf matches mpmath to 1e-13 relative for df from ½ to 1000 and x up to 1500", () => {
    const worst = worstOf(rows, (r) => tailErr(chiSquareSf(r.x, r.df), r.sf));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("chiSquareCdf matches mpmath to 1e-13 relative, the lower tail computed directly", () => {
    const worst = worstOf(rows, (r) => tailErr(chiSquareCdf(r.x, r.df), r.cdf));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("with df = 2 has the closed form P(X > x) = e^(−x/2), down to 1e-300", () => {
    for (const x of [1e-6, 0.5, 3, 40, 700, 1380]) {
      expect(relErr(chiSquareSf(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-14);
    }
  });

  it("with df = 1 is the squared normal: P(X > z²) = P(|Z| > z)", () => {
    for (const z of [0.1, 1.5, 5, 30]) {
      expect(relErr(chiSquareSf(z * z, 1), normalTwoSidedP(z))).toBeLessThan(1e-13);
    }
  });

  it("propagates NaN statistics and gives the limits at 0 and Infinity", () => {
    expect(chiSquareSf(NaN, 3)).toBeNaN();
    expect(chiSquareCdf(NaN, 3)).toBeNaN();
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(-2, 3)).toBe(1);
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
  });

  it("rejects degrees of freedom that are not positive and finite", () => {
    expectInvalidOption(() => chiSquareSf(1, 0), "chiSquareSf needs df > 0 and finite; df is 0");
    expectInvalidOption(
      () => chiSquareCdf(1, NaN),
      "chiSquareCdf needs df > 0 and finite; df is NaN",
    );
  });
});

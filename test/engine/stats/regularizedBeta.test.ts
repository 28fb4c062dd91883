import {
  betaFractionStatistics,
  regularizedBeta,
  regularizedBetaComplement,
} from "../../../src/engine/stats/regularizedBeta";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  tailErr,
  worstOf,
} from "../../support/distributionReference";

const rows = referenceRows("regularizedBeta");

describe("regularizedBeta and regularizedBetaComplement", () => {
  it("regularizedBeta matches mpmath to 1e-13 relative for a, b from ½ to 1e7, tails down to 1e-300", () => {
    const worst = worstOf(rows, (r) => tailErr(regularizedBeta(r.x, r.a, r.b), r.regularizedBeta));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("regularizedBetaComplement matches mpmath to 1e-13 relative, computed directly (not 1 − I)", () => {
    const worst = worstOf(rows, (r) =>
      tailErr(regularizedBetaComplement(r.x, r.a, r.b), r.regularizedBetaComplement),
    );
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("reaches 1e-300 in either tail where 1 − I would be exactly 0", () => {
    const deep = rows.filter(
      (r) => r.regularizedBetaComplement < 1e-200 && r.regularizedBetaComplement > 1e-300,
    );
    expect(deep.length).toBeGreaterThan(5);
    for (const r of deep) {
      expect(1 - regularizedBeta(r.x, r.a, r.b)).toBe(0);
      expect(
        relErr(regularizedBetaComplement(r.x, r.a, r.b), r.regularizedBetaComplement),
      ).toBeLessThan(1e-13);
    }
  });

  it("has the closed forms I_x(1, 1) = x, I_x(a, 1) = x^a and 1 − I_x(1, b) = (1 − x)^b", () => {
    for (const x of [1e-10, 0.01, 0.25, 0.5, 0.75, 0.999]) {
      expect(relErr(regularizedBeta(x, 1, 1), x)).toBeLessThan(4e-15);
      expect(relErr(regularizedBeta(x, 3.5, 1), x ** 3.5)).toBeLessThan(1e-14);
      expect(relErr(regularizedBetaComplement(x, 1, 7), (1 - x) ** 7)).toBeLessThan(1e-14);
    }
    expect(regularizedBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 15);
    expect(regularizedBetaComplement(0.5, 2, 3)).toBeCloseTo(0.3125, 15);
  });

  it("is ½ at x = ½ for a = b, also at a = b = 1e7", () => {
    for (const a of [0.5, 3, 1e3, 1e7]) {
      expect(Math.abs(regularizedBeta(0.5, a, a) - 0.5)).toBeLessThan(2e-15);
      expect(Math.abs(regularizedBetaComplement(0.5, a, a) - 0.5)).toBeLessThan(2e-15);
    }
  });

  it("satisfies I_x(a, b) = 1 − I_{1−x}(b, a) exactly at x = ½ ± 2^-k", () => {
    for (const [a, b] of [
      [2.5, 7],
      [40, 3],
      [1e5, 1.2e5],
    ]) {
      const x = 0.5 - 2 ** -12;
      expect(relErr(regularizedBeta(x, a, b), regularizedBetaComplement(1 - x, b, a))).toBeLessThan(
        1e-15,
      );
    }
  });

  it("converges in about 1,200 steps at the mean for a = b = 1e7", () => {
    regularizedBeta(0.5, 1e7, 1e7);
    expect(betaFractionStatistics.iterations).toBeLessThan(2000);
  });

  it("returns the limits at x = 0 and x = 1", () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBetaComplement(0, 2, 3)).toBe(1);
    expect(regularizedBetaComplement(1, 2, 3)).toBe(0);
  });

  it("rejects x outside [0, 1] and parameters that are not positive and finite", () => {
    expectInvalidOption(
      () => regularizedBeta(1.5, 2, 3),
      "regularizedBeta needs x in [0, 1]; x is 1.5",
    );
    expectInvalidOption(
      () => regularizedBeta(NaN, 2, 3),
      "regularizedBeta needs x in [0, 1]; x is NaN",
    );
    expectInvalidOption(
      () => regularizedBeta(0.5, 0, 3),
      "regularizedBeta needs a > 0 and finite; a is 0",
    );
    expectInvalidOption(
      () => regularizedBetaComplement(0.5, 2, -1),
      "regularizedBetaComplement needs b > 0 and finite; b is -1",
    );
  });
});

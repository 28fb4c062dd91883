import { normalSf } from "../../../src/engine/stats/normal";
import { regularizedGammaP, regularizedGammaQ } from "../../../src/engine/stats/regularizedGamma";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  tailErr,
  worstOf,
} from "../../support/distributionReference";

const rows = referenceRows("regularizedGamma");

describe("regularizedGammaP and regularizedGammaQ", () => {
  it("regularizedGammaP matches mpmath to 1e-13 relative for a from ½ to 1e6, tails down to 1e-300", () => {
    const worst = worstOf(rows, (r) => tailErr(regularizedGammaP(r.a, r.x), r.regularizedGammaP));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("regularizedGammaQ matches mpmath to 1e-13 relative, computed directly (not 1 − P)", () => {
    const worst = worstOf(rows, (r) => tailErr(regularizedGammaQ(r.a, r.x), r.regularizedGammaQ));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("has the closed forms P(1, x) = 1 − e^(−x), Q(1, x) = e^(−x) and Q(2, x) = (1 + x)e^(−x)", () => {
    for (const x of [1e-8, 0.1, 1, 5, 30, 700]) {
      expect(relErr(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(4e-15);
      expect(relErr(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(4e-15);
      expect(relErr(regularizedGammaQ(2, x), (1 + x) * Math.exp(-x))).toBeLessThan(4e-15);
    }
  });

  it("gives the normal tail: Q(½, z²/2) = 2·P(Z > z), down to z = 37", () => {
    for (const z of [0.5, 2, 8, 20, 37]) {
      expect(relErr(regularizedGammaQ(0.5, (z * z) / 2), 2 * normalSf(z))).toBeLessThan(1e-13);
    }
  });

  it("returns the limits at x = 0 and x = +Infinity", () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
    expect(regularizedGammaP(3, Infinity)).toBe(1);
    expect(regularizedGammaQ(3, Infinity)).toBe(0);
  });

  it("rejects a that is not positive and finite, and negative or NaN x", () => {
    expectInvalidOption(
      () => regularizedGammaP(0, 1),
      "regularizedGammaP needs a > 0 and finite; a is 0",
    );
    expectInvalidOption(() => regularizedGammaQ(2, -1), "regularizedGammaQ needs x >= 0; x is -1");
    expectInvalidOption(
      () => regularizedGammaQ(2, NaN),
      "regularizedGammaQ needs x >= 0; x is NaN",
    );
  });
});

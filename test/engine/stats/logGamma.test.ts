import { logGamma, logGammaCorrection } from "../../../src/engine/stats/logGamma";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  worstOf,
} from "../../support/distributionReference";

describe("logGamma", () => {
  it("matches mpmath to 2e-15 relative from 1e-10 to 1e10, including next to the zeros at 1 and 2", () => {
    const rows = referenceRows("logGamma");
    const worst = worstOf(rows, (r) => relErr(logGamma(r.x), r.logGamma));
    expect(worst.error).toBeLessThan(2e-15);
  });

  it("is exactly 0 at 1 and 2 and ln √π at ½", () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(relErr(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(2e-16);
  });

  it("equals ln((n−1)!) at the integers 3 to 25", () => {
    let factorial = 1;
    for (let n = 3; n <= 25; n++) {
      factorial *= n - 1;
      expect(relErr(logGamma(n), Math.log(factorial))).toBeLessThan(4e-16);
    }
  });

  it("keeps relative accuracy at x = 1 + 1e-12, where ln Γ ≈ −γ·1e-12", () => {
    const eulerGamma = 0.5772156649015329;
    const z = 2 ** -40; // exactly representable, so 1 + z is exact
    const expected = -eulerGamma * z + (Math.PI ** 2 / 12) * z * z;
    expect(relErr(logGamma(1 + z), expected)).toBeLessThan(1e-15);
  });

  it("rejects x <= 0 and NaN with invalidOption, stating the precondition and the value", () => {
    expectInvalidOption(() => logGamma(0), "logGamma needs x > 0; x is 0");
    expectInvalidOption(() => logGamma(-2), "logGamma needs x > 0; x is -2");
    expectInvalidOption(() => logGamma(NaN), "logGamma needs x > 0; x is NaN");
  });
});

describe("logGammaCorrection", () => {
  it("is the Stirling remainder: ln Γ(x) − ((x − ½) ln x − x + ln √(2π))", () => {
    for (const x of [0.3, 1, 2.5, 7.75, 9.99]) {
      const direct = logGamma(x) - ((x - 0.5) * Math.log(x) - x + 0.9189385332046727);
      expect(Math.abs(logGammaCorrection(x) - direct)).toBeLessThan(1e-14);
    }
  });

  it("follows its asymptotic series, also just below 10 where the recurrence takes over", () => {
    // Σ B_2k / (2k(2k−1) x^(2k−1)), k = 1..9: truncation below 1e-17 relative from x = 9.99
    const coefficients = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];
    const series = (x: number) =>
      coefficients.reduceRight(
        (sum, c) => sum / (x * x) + c,
        -3617 / 122400 + 43867 / 244188 / (x * x),
      ) / x;
    expect(relErr(logGammaCorrection(1e4), series(1e4))).toBeLessThan(2e-16);
    expect(relErr(logGammaCorrection(9.999), series(9.999))).toBeLessThan(1e-15);
    expect(relErr(logGammaCorrection(10), series(10))).toBeLessThan(2e-16);
  });
});

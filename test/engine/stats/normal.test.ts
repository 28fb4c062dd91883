import {
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSf,
  normalTwoSidedP,
} from "../../../src/engine/stats/normal";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  tailErr,
  worstOf,
} from "../../support/distributionReference";

describe("normal distribution", () => {
  const rows = referenceRows("normal");

  it("normalSf matches mpmath's erfc to 1e-14 relative for z in [−38.5, 38.5] (p down to 1e-300)", () => {
    const worst = worstOf(rows, (r) => tailErr(normalSf(r.z), r.sf));
    expect(worst.error).toBeLessThan(1e-14);
  });

  it("normalCdf matches mpmath to 1e-14 relative, the lower tail computed directly", () => {
    const worst = worstOf(rows, (r) => tailErr(normalCdf(r.z), r.cdf));
    expect(worst.error).toBeLessThan(1e-14);
  });

  it("normalQuantile matches mpmath to 1e-15 relative for p from 1e-300 to 1 − 2^-52", () => {
    const quantiles = referenceRows("normalQuantile");
    const worst = worstOf(quantiles, (r) => relErr(normalQuantile(r.p), r.quantile));
    expect(worst.error).toBeLessThan(1e-15);
  });

  it("is symmetric, ½ at 0, and normalTwoSidedP is twice the smaller tail", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalSf(0)).toBe(0.5);
    for (const z of [0.3, 1.5, 4, 12, 30]) {
      expect(normalCdf(-z)).toBe(normalSf(z));
      expect(normalTwoSidedP(-z)).toBe(2 * normalSf(z));
    }
    expect(relErr(normalTwoSidedP(1.959963984540054), 0.05)).toBeLessThan(1e-14);
  });

  it("stays positive down to z = 38 (jstat and 1 − Φ give 0 beyond z ≈ 8.3)", () => {
    expect(normalSf(37)).toBeGreaterThan(5e-300);
    expect(normalSf(38)).toBeGreaterThan(0);
    expect(1 - normalCdf(9)).toBe(0);
    expect(normalSf(50)).toBe(0);
  });

  it("normalPdf is e^(−z²/2)/√(2π) and the quantile inverts the cdf", () => {
    expect(relErr(normalPdf(0), 1 / Math.sqrt(2 * Math.PI))).toBeLessThan(2e-16);
    expect(relErr(normalPdf(1), Math.exp(-0.5) / Math.sqrt(2 * Math.PI))).toBeLessThan(3e-16);
    for (const p of [1e-200, 0.001, 0.3, 0.8, 0.999999]) {
      const z = normalQuantile(p);
      const tail = p <= 0.5 ? normalCdf(z) : normalSf(z);
      // a relative change ε of z moves the tail by about z²ε: allow 4 ulps of z
      expect(relErr(tail, p <= 0.5 ? p : 1 - p)).toBeLessThan(4.5e-16 * (1 + z * z));
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("propagates NaN statistics and rejects p outside [0, 1]", () => {
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalSf(NaN)).toBeNaN();
    expect(normalTwoSidedP(NaN)).toBeNaN();
    expectInvalidOption(() => normalQuantile(1.5), "normalQuantile needs p in [0, 1]; p is 1.5");
    expectInvalidOption(() => normalQuantile(-0.1), "normalQuantile needs p in [0, 1]; p is -0.1");
    expectInvalidOption(() => normalQuantile(NaN), "normalQuantile needs p in [0, 1]; p is NaN");
  });
});

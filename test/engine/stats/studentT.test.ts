import { normalCdf, normalQuantile, normalSf } from "../../../src/engine/stats/normal";
import {
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSf,
  studentTTwoSidedP,
} from "../../../src/engine/stats/studentT";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  tailErr,
  worstOf,
} from "../../support/distributionReference";

const rows = referenceRows("studentT");

describe("Student's t distribution", () => {
  it("studentTTwoSidedP matches mpmath to 1e-13 relative down to 1e-300", () => {
    expect(rows.some((r) => r.twoSidedP < 1e-290)).toBe(true);
    const worst = worstOf(rows, (r) => tailErr(studentTTwoSidedP(r.t, r.df), r.twoSidedP));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("studentTSf matches mpmath to 1e-13 relative for df from ½ to 1e6 and |t| up to 1000", () => {
    const worst = worstOf(rows, (r) => tailErr(studentTSf(r.t, r.df), r.sf));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("studentTCdf matches mpmath to 1e-13 relative, the lower tail computed directly", () => {
    const worst = worstOf(rows, (r) => tailErr(studentTCdf(r.t, r.df), r.cdf));
    expect(worst.error).toBeLessThan(1e-13);
  });

  it("studentTQuantile matches mpmath to 5e-14 relative for p from 1e-100 to 1 − 1e-10", () => {
    const quantiles = referenceRows("studentTQuantile");
    const worst = worstOf(quantiles, (r) => relErr(studentTQuantile(r.p, r.df), r.quantile));
    expect(worst.error).toBeLessThan(5e-14);
  });

  it("with df = 1 is the Cauchy distribution: P(T > t) = ½ − atan(t)/π", () => {
    for (const t of [0.01, 0.5, 1, 3, 100, 1e8]) {
      const sf = Math.atan(1 / t) / Math.PI; // = ½ − atan(t)/π without cancellation
      expect(relErr(studentTSf(t, 1), sf)).toBeLessThan(1e-14);
      expect(relErr(studentTCdf(-t, 1), sf)).toBeLessThan(1e-14);
      // near t = 0 the quantile is ill-conditioned (ulp(p)/(t·f(t)) is 1e-14 of t at 0.01)
      if (t >= 0.5) expect(relErr(-studentTQuantile(sf, 1), t)).toBeLessThan(1e-14);
    }
    expect(studentTTwoSidedP(1, 1)).toBeCloseTo(0.5, 15);
  });

  it("with df = 2 has the closed form P(T > t) = ½ − t/(2√(2 + t²))", () => {
    for (const t of [0.1, 1, 2, 10, 1e4]) {
      const root = Math.sqrt(2 + t * t);
      const sf = 1 / (root * (root + t)); // the same, without cancellation
      expect(relErr(studentTSf(t, 2), sf)).toBeLessThan(1e-14);
    }
    // mpmath: 0.95/√(2·0.025·0.975) at the double 1 − 0.975 = 0.025000000000000022
    expect(relErr(studentTQuantile(0.975, 2), 4.302652729749462)).toBeLessThan(1e-14);
  });

  it("handles non-integer df and tends to the normal as df grows", () => {
    const cauchyLike = studentTSf(3, 1.5);
    expect(cauchyLike).toBeGreaterThan(studentTSf(3, 2));
    expect(cauchyLike).toBeLessThan(studentTSf(3, 1));
    expect(studentTSf(2, Infinity)).toBe(normalSf(2));
    expect(studentTCdf(-2, Infinity)).toBe(normalCdf(-2));
    expect(studentTQuantile(0.9, Infinity)).toBe(normalQuantile(0.9));
    // df = 1e12 (beyond the usual switch to the normal): mpmath gives 0.0013498980316633334,
    // 3e-12 relative above the normal tail 0.0013498980316300946
    expect(relErr(studentTSf(3, 1e12), 0.0013498980316633334)).toBeLessThan(1e-13);
  });

  it("keeps p-values that 1 − cdf turns into 0: P(|T| > 400) with 100 df", () => {
    const p = studentTTwoSidedP(400, 100);
    expect(p).toBeGreaterThan(1e-200);
    expect(p).toBeLessThan(1e-150);
    expect(1 - studentTCdf(400, 100)).toBe(0);
  });

  it("studentTPdf integrates the cdf: f(t) = d/dt P(T <= t)", () => {
    for (const [t, df] of [
      [0.5, 3],
      [2, 30],
      [-1, 2.5],
    ]) {
      const h = 1e-5;
      const slope = (studentTCdf(t + h, df) - studentTCdf(t - h, df)) / (2 * h);
      expect(relErr(studentTPdf(t, df), slope)).toBeLessThan(1e-8);
    }
    expect(relErr(studentTPdf(0, 1), 1 / Math.PI)).toBeLessThan(2e-16);
  });

  it("propagates NaN t, gives the limits at ±Infinity and 0, and rejects bad df and p", () => {
    expect(studentTSf(NaN, 5)).toBeNaN();
    expect(studentTTwoSidedP(NaN, 5)).toBeNaN();
    expect(studentTTwoSidedP(Infinity, 5)).toBe(0);
    expect(studentTSf(-Infinity, 5)).toBe(1);
    expect(studentTTwoSidedP(0, 5)).toBe(1);
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(studentTQuantile(0.5, 5)).toBe(0);
    expectInvalidOption(() => studentTSf(1, 0), "studentTSf needs df > 0; df is 0");
    expectInvalidOption(() => studentTTwoSidedP(1, -3), "studentTTwoSidedP needs df > 0; df is -3");
    expectInvalidOption(() => studentTCdf(1, NaN), "studentTCdf needs df > 0; df is NaN");
    expectInvalidOption(
      () => studentTQuantile(1.2, 5),
      "studentTQuantile needs p in [0, 1]; p is 1.2",
    );
    expectInvalidOption(() => studentTQuantile(0.5, 0), "studentTQuantile needs df > 0; df is 0");
  });
});

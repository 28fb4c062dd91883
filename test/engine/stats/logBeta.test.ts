import { logBeta } from "../../../src/engine/stats/logBeta";
import {
  expectInvalidOption,
  referenceRows,
  relErr,
  worstOf,
} from "../../support/distributionReference";

describe("logBeta", () => {
  it("matches mpmath to 2e-15 relative for a, b from 1e-8 to 1e10, the large ones included", () => {
    const rows = referenceRows("logBeta");
    const worst = worstOf(rows, (r) => relErr(logBeta(r.a, r.b), r.logBeta));
    expect(worst.error).toBeLessThan(2e-15);
  });

  it("avoids the cancellation of ln Γ(a) + ln Γ(b) − ln Γ(a + b) at a = ½, b = 1e7", () => {
    const b = 1e7;
    // mpmath (50 digits): ln B(½, 1e7) = −7.486682870054459806991…; also ≈ ln √π − ½ ln b + 1/(8b)
    const expected = -7.48668287005446;
    expect(relErr(logBeta(0.5, b), expected)).toBeLessThan(2e-16);
    // (the three log-gammas are 1.5e8 in size: their sum is only good to about 3e-8 absolute)
  });

  it("is symmetric and equals −ln b at a = 1 and ln π at a = b = ½", () => {
    for (const b of [0.5, 3, 12.5, 1e3, 1e8]) {
      expect(relErr(logBeta(1, b), -Math.log(b))).toBeLessThan(2e-15);
      expect(logBeta(7.5, b)).toBe(logBeta(b, 7.5));
    }
    expect(relErr(logBeta(0.5, 0.5), Math.log(Math.PI))).toBeLessThan(2e-16);
  });

  it("rejects parameters that are not positive and finite with invalidOption", () => {
    expectInvalidOption(() => logBeta(0, 1), "logBeta needs a > 0 and finite; a is 0");
    expectInvalidOption(() => logBeta(1, -3), "logBeta needs b > 0 and finite; b is -3");
    expectInvalidOption(
      () => logBeta(1, Infinity),
      "logBeta needs b > 0 and finite; b is Infinity",
    );
    expectInvalidOption(() => logBeta(NaN, 1), "logBeta needs a > 0 and finite; a is NaN");
  });
});

import { gammaPowerTerm } from "../../../src/engine/stats/gammaPowerTerm";
import { referenceRows, relErr, tailErr, worstOf } from "../../support/distributionReference";

describe("gammaPowerTerm", () => {
  it("matches mpmath to 2e-15 relative, for a up to 1e7 and results down to 1e-300", () => {
    const rows = referenceRows("gammaPowerTerm");
    const worst = worstOf(rows, (r) => tailErr(gammaPowerTerm(r.a, r.x), r.gammaPowerTerm));
    expect(worst.error).toBeLessThan(2e-15);
  });

  it("equals x·e^(−x) for a = 1 and x^2·e^(−x)/2 for a = 3", () => {
    for (const x of [1e-3, 0.5, 3, 40]) {
      expect(relErr(gammaPowerTerm(1, x), x * Math.exp(-x))).toBeLessThan(2e-15);
      expect(relErr(gammaPowerTerm(3, x), (x ** 3 * Math.exp(-x)) / 2)).toBeLessThan(5e-15);
    }
  });

  it("is 0 at x = 0 and at x = +Infinity", () => {
    expect(gammaPowerTerm(2.5, 0)).toBe(0);
    expect(gammaPowerTerm(2.5, Infinity)).toBe(0);
  });
});

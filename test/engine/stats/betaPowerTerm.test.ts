import { betaLambda, betaPowerTerm } from "../../../src/engine/stats/betaPowerTerm";
import { referenceRows, relErr, tailErr, worstOf } from "../../support/distributionReference";

describe("betaPowerTerm", () => {
  it("matches mpmath to 2e-15 relative, for a, b up to 1e7 and results down to 1e-300", () => {
    const rows = referenceRows("betaPowerTerm");
    const worst = worstOf(rows, (r) =>
      tailErr(betaPowerTerm(r.a, r.b, r.x, 1 - r.x), r.betaPowerTerm),
    );
    expect(worst.error).toBeLessThan(2e-15);
  });

  it("equals x·y for a = b = 1 and 2x(1 − x)² for a = 1, b = 2", () => {
    for (const x of [0.01, 0.3, 0.5, 0.99]) {
      expect(relErr(betaPowerTerm(1, 1, x, 1 - x), x * (1 - x))).toBeLessThan(1e-15);
      expect(relErr(betaPowerTerm(1, 2, x, 1 - x), 2 * x * (1 - x) ** 2)).toBeLessThan(2e-15);
    }
  });

  it("is symmetric under (a, b, x, y) → (b, a, y, x) and 0 at the ends", () => {
    expect(
      relErr(betaPowerTerm(3.5, 1e5, 2e-5, 1 - 2e-5), betaPowerTerm(1e5, 3.5, 1 - 2e-5, 2e-5)),
    ).toBeLessThan(1e-15);
    expect(betaPowerTerm(2, 3, 0, 1)).toBe(0);
    expect(betaPowerTerm(2, 3, 1, 0)).toBe(0);
  });
});

describe("betaLambda", () => {
  it("is a − (a + b)x to an ulp of itself even when it is 1e-16 of a + b", () => {
    // a + b = 2e7 + 1 and (a + b)x are exact for x = ½ + 2^-20, so plain doubles give λ exactly
    const x = 0.5 + 2 ** -20;
    expect(betaLambda(1e7, 1e7 + 1, x, 1 - x)).toBe(1e7 - (2e7 + 1) * x);
    // 0.1 + 1e7 is not a double: mpmath gives λ = −9.999999965411410363…e-10 for these doubles,
    // where the plain expression 0.1 − (0.1 + 1e7)·1e-8 is off by about 1e-8 relative
    const lambda = betaLambda(0.1, 1e7, 1e-8, 1 - 1e-8);
    expect(relErr(lambda, -9.99999996541141e-10)).toBeLessThan(3e-16);
  });
});

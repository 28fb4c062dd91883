import { xMinusLog1p } from "../../../src/engine/stats/xMinusLog1p";
import { referenceRows, relErr, tailErr, worstOf } from "../../support/distributionReference";

describe("xMinusLog1p", () => {
  it("matches mpmath to 5e-16 relative from −1 + 2^-40 to 1e100, across both switch points", () => {
    const rows = referenceRows("xMinusLog1p");
    const worst = worstOf(rows, (r) => tailErr(xMinusLog1p(r.x), r.xMinusLog1p));
    expect(worst.error).toBeLessThan(5e-16);
  });

  it("keeps full relative accuracy near 0, where x − log1p(x) as written cancels", () => {
    for (const x of [1e-3, -1e-3, 1e-6, 2 ** -30]) {
      const series = x * x * (1 / 2 - x * (1 / 3 - x * (1 / 4 - x * (1 / 5 - x / 6))));
      expect(relErr(xMinusLog1p(x), series)).toBeLessThan(5e-16);
    }
    expect(xMinusLog1p(0)).toBe(0);
  });

  it("is +Infinity at −1 and x − ln(1 + x) for large x", () => {
    expect(xMinusLog1p(-1)).toBe(Infinity);
    expect(relErr(xMinusLog1p(1e6), 1e6 - Math.log(1e6 + 1))).toBeLessThan(2e-16);
  });
});

import {
  logRatioSplit,
  logSplit,
  productError,
  sumError,
} from "../../../src/engine/stats/exactArithmetic";

/** ln v from mpmath (50 digits) as the double nearest to it plus the double nearest the rest. */
const LOGS: [number, number, number][] = [
  [1e-300, -690.7755278982137, -2.3670096176709832e-14],
  [5e-324, -744.4400719213812, -4.422444340918698e-14],
  [3, 1.0986122886681098, -9.07129723500153e-17],
  [1e300, 690.7755278982137, 2.3747660028800243e-14],
  [0.7, -0.35667494393873245, 4.82556379937662e-18],
];

describe("exactArithmetic", () => {
  it("sumError and productError recover the exact rounding errors", () => {
    expect(sumError(1, 1e-20, 1 + 1e-20)).toBe(1e-20);
    expect(sumError(2 ** 53, 1, 2 ** 53 + 1)).toBe(1);
    // 0.1·0.1 in exact binary arithmetic is 0.010000000000000001942…; the double is 0.010000000000000002
    expect(productError(0.1, 0.1, 0.1 * 0.1)).toBe(-8.326672684688674e-19);
    const a = 1 + 2 ** -30;
    expect(productError(a, a, a * a)).toBe(2 ** -60);
  });

  it("logSplit is ln v to 4e-17 absolute (Math.log: half an ulp, 6e-14 at 1e-300), subnormals too", () => {
    const out = { hi: 0, lo: 0 };
    for (const [v, hi, lo] of LOGS) {
      logSplit(v, out);
      expect(Math.abs(out.hi - hi + (out.lo - lo))).toBeLessThan(4e-17);
    }
  });

  it("logRatioSplit carries the rounding of the product or quotient", () => {
    const out = { hi: 0, lo: 0 };
    // ln(0.7 · 3) for the exact product of the doubles (mpmath), which is not the double 2.1
    logRatioSplit(0.7, 3, false, out);
    expect(Math.abs(out.hi - 0.7419373447293772 + (out.lo - 2.5134893911876974e-17))).toBeLessThan(
      4e-17,
    );
    // 1e-300 / 1e300 is below the double range: the two logarithms are subtracted
    logRatioSplit(1e-300, 1e300, true, out);
    expect(Math.abs(out.hi + 1381.5510557964274 + (out.lo + 4.7417756205510075e-14))).toBeLessThan(
      1e-16,
    );
  });
});

/**
 * x − ln(1 + x), the deficit of the logarithm below its tangent at 1. It exists because the
 * power terms of the incomplete beta and gamma functions are exp(−a·(x − ln(1 + x))) with a up
 * to 1e7 and x near 0, where computing the difference as written cancels nearly every digit,
 * and because in far tails a·(x − ln(1 + x)) is about 700, so each ulp of it is 1e-13 of the
 * result: the split form keeps it to a fraction of an ulp.
 */
import { logSplit, productError, sumError } from "./exactArithmetic";

/** Below this the series in r = x/(2 + x) converges slowly; the direct difference is used. */
const SERIES_LOW = -0.7;
/** Above this the direct difference x − log1p(x) loses under half a bit. */
const SERIES_HIGH = 6;

/** An unevaluated sum hi + lo of two doubles (a double-double). */
export interface SplitNumber {
  hi: number;
  lo: number;
}

const logParts: SplitNumber = { hi: 0, lo: 0 };

/**
 * φ(x) = x − ln(1 + x) at x = xHi + xLo, returned as out.hi + out.lo.
 *
 * Algorithm: with r = x/(2 + x), ln(1 + x) = 2 artanh(r), so
 * φ(x) = x²/(2 + x) − 2r³(1/3 + r²/5 + r⁴/7 + …); for −0.7 <= x <= 6 the leading term is
 * formed in double-double (exact products and sums) and the series, at most a quarter of the
 * total, in double. Outside that range x − ln(1 + x) is formed directly, with 1 + x and its
 * logarithm (`logSplit`) as double-doubles. This is TOMS 708's `rlog1` (Didonato and Morris
 * 1992) written as a series. Accuracy: hi + lo within about ½ ulp of φ (measured against
 * mpmath).
 */
export function xMinusLog1pSplit(xHi: number, xLo: number, out: SplitNumber): SplitNumber {
  if (xHi < SERIES_LOW || xHi > SERIES_HIGH) {
    // x − ln(1 + x) with 1 + x and its logarithm carried as double-doubles
    if (xHi === -1) {
      out.hi = Infinity;
      out.lo = 0;
      return out;
    }
    const onePlus = 1 + xHi;
    const onePlusLow = sumError(1, xHi, onePlus) + xLo;
    logSplit(onePlus, logParts);
    const logLow = logParts.lo + onePlusLow / onePlus;
    out.hi = xHi - logParts.hi;
    out.lo = sumError(xHi, -logParts.hi, out.hi) + xLo - logLow;
    return out;
  }
  // q = x²/(2 + x) in double-double
  const square = xHi * xHi;
  const squareLow = productError(xHi, xHi, square) + 2 * xHi * xLo;
  const denominator = 2 + xHi;
  const denominatorLow = sumError(2, xHi, denominator) + xLo;
  const q = square / denominator;
  const qd = q * denominator;
  const remainder = square - qd - productError(q, denominator, qd) + squareLow - q * denominatorLow;
  const qLow = remainder / denominator;
  // the series 2r³ Σ r^(2k)/(2k + 3), in double
  const r = xHi / denominator;
  const r2 = r * r;
  let term = 1;
  let sum = 1 / 3;
  for (let k = 1; k < 200; k++) {
    term *= r2;
    const add = term / (2 * k + 3);
    sum += add;
    if (add <= sum * 1e-17) break;
  }
  const tail = 2 * r * r2 * sum; // r³ has the sign of x; φ = q − tail
  out.hi = q - tail;
  out.lo = sumError(q, -tail, out.hi) + qLow;
  return out;
}

const scratch: SplitNumber = { hi: 0, lo: 0 };

/**
 * x − ln(1 + x) for x >= −1 (0 at x = 0, +Infinity at x = −1), with full relative accuracy near
 * 0 where the expression as written cancels.
 *
 * Algorithm: `xMinusLog1pSplit` rounded to one double. Accuracy: about 1 ulp relative for all
 * x (measured against mpmath from −1 + 2^-40 to 1e100).
 *
 * @example xMinusLog1p(1e-10); // 4.999999999666667e-21
 */
export function xMinusLog1p(x: number): number {
  xMinusLog1pSplit(x, 0, scratch);
  return scratch.hi + scratch.lo;
}

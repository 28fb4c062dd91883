/**
 * Double-double arithmetic: a value is the unevaluated sum hi + lo of two doubles with
 * |lo| <= ulp(hi)/2, about 106 bits (32 digits). It exists because plain double arithmetic
 * cannot reach NIST's certified digits on ill-conditioned regressions (Wampler5, Longley,
 * Filip; see REFERENCES.md), while double-double residuals and factorisations can.
 *
 * Algorithms: Knuth's TwoSum, Dekker's split and TwoProduct, and the "sloppy" double-double
 * add/multiply/divide of Hida, Li and Bailey (QD library, 2001). JavaScript has no fused
 * multiply-add, hence Dekker's split.
 *
 * The functions write their result into a caller-owned `DoubleDouble` to avoid allocating in
 * the inner loops of the kernels.
 */

import { productError, sumError } from "../stats/exactArithmetic";

export interface DoubleDouble {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1

export function dd(hi = 0, lo = 0): DoubleDouble {
  return { hi, lo };
}

/** out = a + b for doubles a and b, exactly. */
export function twoSum(a: number, b: number, out: DoubleDouble): DoubleDouble {
  const s = a + b;
  out.lo = sumError(a, b, s);
  out.hi = s;
  return out;
}

/** out = a * b for doubles a and b, exactly (barring overflow). */
export function twoProduct(a: number, b: number, out: DoubleDouble): DoubleDouble {
  const p = a * b;
  out.lo = productError(a, b, p);
  out.hi = p;
  return out;
}

/** out = a + b (the accurate "IEEE" double-double addition, safe under cancellation). */
export function ddAdd(aHi: number, aLo: number, bHi: number, bLo: number, out: DoubleDouble) {
  let s = aHi + bHi;
  let v = s - aHi;
  let sErr = aHi - (s - v) + (bHi - v);
  const t = aLo + bLo;
  v = t - aLo;
  const tErr = aLo - (t - v) + (bLo - v);
  sErr += t;
  let hi = s + sErr;
  sErr = sErr - (hi - s);
  s = hi;
  sErr += tErr;
  hi = s + sErr;
  out.lo = sErr - (hi - s);
  out.hi = hi;
  return out;
}

/** out = a * b. */
export function ddMul(aHi: number, aLo: number, bHi: number, bLo: number, out: DoubleDouble) {
  const p = aHi * bHi;
  let t = SPLITTER * aHi;
  const aH = t - (t - aHi);
  const aL = aHi - aH;
  t = SPLITTER * bHi;
  const bH = t - (t - bHi);
  const bL = bHi - bH;
  let e = aH * bH - p + aH * bL + aL * bH + aL * bL;
  e += aHi * bLo + aLo * bHi;
  const hi = p + e;
  out.lo = e - (hi - p);
  out.hi = hi;
  return out;
}

/** out = a / b (long division in three double quotients, about 104 bits). */
export function ddDiv(aHi: number, aLo: number, bHi: number, bLo: number, out: DoubleDouble) {
  const q1 = aHi / bHi;
  ddMul(q1, 0, bHi, bLo, out);
  ddAdd(aHi, aLo, -out.hi, -out.lo, out);
  const r1Hi = out.hi;
  const r1Lo = out.lo;
  const q2 = r1Hi / bHi;
  ddMul(q2, 0, bHi, bLo, out);
  ddAdd(r1Hi, r1Lo, -out.hi, -out.lo, out);
  const q3 = out.hi / bHi;
  twoSum(q1, q2, out);
  return ddAdd(out.hi, out.lo, q3, 0, out);
}

/** out = sqrt(a) for a >= 0 (one Newton step from the double square root). */
export function ddSqrt(aHi: number, aLo: number, out: DoubleDouble): DoubleDouble {
  if (aHi <= 0) {
    out.hi = 0;
    out.lo = 0;
    return out;
  }
  const x = 1 / Math.sqrt(aHi);
  const ax = aHi * x;
  twoProduct(ax, ax, out);
  ddAdd(aHi, aLo, -out.hi, -out.lo, out);
  return twoSum(ax, out.hi * (x * 0.5), out);
}

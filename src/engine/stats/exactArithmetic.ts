/**
 * The exact rounding errors of one addition and one multiplication of doubles (Knuth's TwoSum,
 * Dekker's TwoProduct; JavaScript has no fused multiply-add). They exist so the power terms of
 * the incomplete beta and gamma functions can carry their exponents, up to 745 in size, to
 * about 1e-30 absolute instead of an ulp of 745 (1e-13).
 */

/** 2^27 + 1, Dekker's splitting constant. */
const SPLITTER = 134217729;

/**
 * The rounding error of s = fl(a + b): a + b = s + sumError(a, b, s) exactly (Knuth's TwoSum,
 * valid for any order of magnitude of a and b, barring overflow).
 *
 * @example sumError(1, 1e-20, 1 + 1e-20); // 1e-20
 */
export function sumError(a: number, b: number, s: number): number {
  const bVirtual = s - a;
  return a - (s - bVirtual) + (b - bVirtual);
}

/**
 * The rounding error of p = fl(a·b): a·b = p + productError(a, b, p) exactly (Dekker's
 * TwoProduct, barring overflow and underflow).
 *
 * @example productError(0.1, 0.1, 0.1 * 0.1); // -8.326672684688674e-19
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** ln 2 split as in fdlibm: LN2_HIGH has 21 trailing zero bits, so k·LN2_HIGH is exact. */
const LN2_HIGH = 6.9314718036912381649e-1;
const LN2_LOW = 1.9082149292705877e-10;

/** The smallest positive normal double. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * ln v for a positive finite double v (subnormals included), as hi + lo with an absolute error
 * of about 3e-17 (Math.log is good to half an ulp of its result, 6e-14 absolute at v = 1e-300).
 *
 * Algorithm: v = 2^k·m with |ln m| <= ½ ln 2, ln v = k·ln2_high + (k·ln2_low + log1p(m − 1)),
 * where the first product and m − 1 are exact (Cody and Waite's reduction, as in fdlibm).
 *
 * @example const out = { hi: 0, lo: 0 }; logSplit(1e-300, out); // out.hi = −690.7755278982137
 */
export function logSplit(v: number, out: { hi: number; lo: number }): { hi: number; lo: number } {
  let shift = 0;
  if (v < MIN_NORMAL) {
    v *= 18014398509481984; // 2^54, exact
    shift = 54;
  }
  const k = Math.round(Math.log2(v));
  const m = v * Math.pow(2, -k);
  const logM = Math.log1p(m - 1);
  const high = (k - shift) * LN2_HIGH;
  out.hi = high + logM;
  out.lo = sumError(high, logM, out.hi) + (k - shift) * LN2_LOW;
  return out;
}

const second = { hi: 0, lo: 0 };

/**
 * ln(u·v) (`divide` false) or ln(u/v) (`divide` true) for positive finite doubles, as hi + lo
 * to about 3e-17 absolute: the rounding of the product or quotient is carried along, and where
 * it would leave the normal range the two logarithms are added instead.
 *
 * @example const out = { hi: 0, lo: 0 }; logRatioSplit(1e-300, 1e-300, false, out); // ln 1e-600
 */
export function logRatioSplit(
  u: number,
  v: number,
  divide: boolean,
  out: { hi: number; lo: number },
): { hi: number; lo: number } {
  const combined = divide ? u / v : u * v;
  if (combined >= MIN_NORMAL && combined < Infinity) {
    logSplit(combined, out);
    // relative rounding of the product or quotient: u·v = p(1 + r), u/v = q(1 + r)
    const rounding = divide
      ? (u - combined * v - productError(combined, v, combined * v)) / u
      : productError(u, v, combined) / combined;
    out.lo += rounding;
    return out;
  }
  logSplit(u, out);
  logSplit(v, second);
  const hi = divide ? out.hi - second.hi : out.hi + second.hi;
  const lo = divide ? out.lo - second.lo : out.lo + second.lo;
  out.lo = sumError(out.hi, divide ? -second.hi : second.hi, hi) + lo;
  out.hi = hi;
  return out;
}

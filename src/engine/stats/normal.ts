/**
 * The standard normal distribution: cdf, upper tail, two-sided p and quantile. It exists because
 * jstat's `normal.cdf(-z)` and `erfc` return 0 beyond z ≈ 9 (REFERENCES.md), while a z-test's p
 * must stay accurate to the end of the double range (z ≈ 37.5, p ≈ 1e-308).
 */
/* eslint-disable no-loss-of-precision -- the published coefficients keep all their digits, as
   printed by Cody and Wichura, so they can be checked against the papers; each literal is read as
   its nearest double. */
import { requireInRange } from "./preconditions";

/** 1/√(2π). */
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631-637, as in his ANORM (TOMS 715, 1993): coefficients of the three ranges.
const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
];
const B = [
  47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956,
];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
];
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
];

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Applied
// Statistics 37 (1988) 477-484 (PPND16): numerator and denominator coefficients, lowest first.
const CENTRAL_NUM = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const CENTRAL_DEN = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const INTERMEDIATE_NUM = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
  7.7454501427834140764e-4,
];
const INTERMEDIATE_DEN = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const FAR_NUM = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
  2.01033439929228813265e-7,
];
const FAR_DEN = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];

/** Σ coefficients[k] r^k (Horner). */
function polynomial(coefficients: readonly number[], r: number): number {
  let sum = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) sum = sum * r + coefficients[k];
  return sum;
}

/**
 * exp(−y²/2) for y >= 0 without the error of rounding y² (which is 1e-13 relative at y = 37):
 * y = s + (y − s) with s = y rounded down to a multiple of 1/16, so s² is exact and the rest,
 * (y − s)(y + s), is small (Cody's device, also R's `pnorm`).
 */
function gaussianFactor(y: number): number {
  const s = Math.trunc(y * 16) / 16;
  const rest = (y - s) * (y + s);
  return Math.exp(-s * s * 0.5) * Math.exp(-rest * 0.5);
}

/**
 * Φ(−|z|), the smaller tail, by Cody's rational approximations: |z| <= 0.67449 through
 * ½ − z·R1(z²); up to √32 as exp(−z²/2)·R2(|z|); beyond as exp(−z²/2)/|z|·(1/√(2π) − R3(1/z²)/z²).
 */
function smallerTail(z: number): number {
  const y = Math.abs(z);
  if (y <= 0.67448975) {
    const ysq = y * y;
    let num = A[4] * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * ysq;
      den = (den + B[i]) * ysq;
    }
    return 0.5 - (y * (num + A[3])) / (den + B[3]);
  }
  if (y <= 5.656854249492381) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (gaussianFactor(y) * (num + C[7])) / (den + D[7]);
  }
  if (y > 40) return 0; // exp(−800) is below the smallest subnormal
  const w = 1 / (y * y);
  let num = P[5] * w;
  let den = w;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * w;
    den = (den + Q[i]) * w;
  }
  const ratio = (w * (num + P[4])) / (den + Q[4]);
  return (gaussianFactor(y) * (ONE_OVER_SQRT_2PI - ratio)) / y;
}

/**
 * The standard normal density φ(z) = exp(−z²/2)/√(2π), accurate to a few ulps for all z.
 *
 * @example normalPdf(0); // 0.3989422804014327
 */
export function normalPdf(z: number): number {
  return ONE_OVER_SQRT_2PI * gaussianFactor(Math.abs(z));
}

/**
 * The standard normal cdf Φ(z) = P(Z <= z) (Excel's NORM.S.DIST(z, TRUE), scipy's `norm.cdf`).
 *
 * Algorithm: W. J. Cody's rational Chebyshev approximations (Math. Comp. 1969; ANORM in TOMS 715),
 * with exp(−z²/2) split so the rounding of z² does not enter. The lower tail for z < 0 is
 * computed directly. Accuracy: below 3e-16 relative over the whole range (worst measured against
 * mpmath for |z| <= 38.5); 0 below z ≈ −38.5 where Φ underflows. NaN gives NaN.
 *
 * @example normalCdf(-1.959963984540054); // 0.025
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = smallerTail(z);
  return z <= 0 ? tail : 1 - tail;
}

/**
 * The standard normal upper tail 1 − Φ(z) = P(Z > z) = ½ erfc(z/√2), computed directly
 * (scipy's `norm.sf`), accurate to about 1e-15 relative out to z = 37.5 (p ≈ 5e-308).
 *
 * Algorithm and accuracy as `normalCdf`, by symmetry.
 *
 * @example normalSf(37); // 5.725571222524e-300
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = smallerTail(z);
  return z >= 0 ? tail : 1 - tail;
}

/**
 * The two-sided normal p-value P(|Z| > |z|) = erfc(|z|/√2), computed directly as twice the
 * smaller tail (the p of a Wald z-test, statsmodels' `pvalues` for z statistics).
 *
 * @example normalTwoSidedP(1.959963984540054); // 0.05
 */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return 2 * smallerTail(z);
}

/**
 * The standard normal quantile Φ⁻¹(p) (Excel's NORM.S.INV, scipy's `norm.ppf`): −Infinity at 0,
 * +Infinity at 1.
 *
 * Algorithm: Wichura's AS 241 (PPND16, Applied Statistics 1988), rational approximations in
 * p − ½ and in √(−ln tail), with the tail 1 − p exact for p >= ½; in the tails one Newton step
 * on the directly computed tail probability (`normalCdf` / `normalSf`). Accuracy: below 4e-16
 * relative (worst measured against mpmath for p from 1e-300 to 1 − 2^-52).
 *
 * @throws EngineError `invalidOption` when p is outside [0, 1] or NaN.
 * @example normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  requireInRange("normalQuantile", "p", p, 0, 1);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  const tail = q < 0 ? p : 1 - p;
  let r = Math.sqrt(-Math.log(tail));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(INTERMEDIATE_NUM, r) / polynomial(INTERMEDIATE_DEN, r);
  } else {
    r -= 5;
    z = polynomial(FAR_NUM, r) / polynomial(FAR_DEN, r);
  }
  // z > 0 here; one Newton step on the upper tail: z ← z + (sf(z) − tail)/φ(z)
  const density = normalPdf(z);
  if (density > 0) z += (normalSf(z) - tail) / density;
  return q < 0 ? -z : z;
}

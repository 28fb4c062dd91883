/**
 * The power term x^a (1 − x)^b / B(a, b) in front of every series and continued fraction of the
 * incomplete beta function. It exists because the obvious exp(a ln x + b ln(1−x) − ln B(a, b))
 * loses |a ln x| · 1e-16 to cancellation: with a = b = 1e6 near the mean that is 1e-10 relative,
 * and the tails of t and F tests with large degrees of freedom inherit it.
 */
import { LN_SQRT_2PI, logGammaCorrection } from "./logGamma";
import { xMinusLog1p } from "./xMinusLog1p";

/** 2^27 + 1, Dekker's splitting constant. */
const SPLITTER = 134217729;

/** The rounding error of the product a·b, so that a·b = fl(a·b) + productError(a, b) exactly. */
function productError(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - product + aHi * bLo + aLo * bHi + aLo * bLo;
}

/**
 * ρ − 1 − ln ρ for the ratio ρ = 1 + e of a variable to its Stirling centre (x/x0 or y/y0).
 * `e` (from λ) is accurate near 0 and used there; far below 1 the logarithm dominates and is
 * taken from `rho`, the same ratio formed directly, or from ln(variable) + ln(scaleRatio) when
 * `rho` would be subnormal.
 */
function powerDeficit(e: number, rho: number, variable: number, scaleRatio: number): number {
  if (e >= -0.7) return xMinusLog1p(e);
  // ρ far below 1: ln ρ dominates and is taken from the ratio itself, not from 1 + e
  const logRho = rho > 1e-290 ? Math.log(rho) : Math.log(variable) + Math.log(scaleRatio);
  return e - logRho;
}

/**
 * x^a y^b / B(a, b) for a, b > 0 and x, y in [0, 1] with x + y = 1, where x and y are both
 * given so that the smaller one can carry full relative accuracy (callers computing
 * x = ν/(ν + t²) and y = t²/(ν + t²) pass both; plain callers pass y = 1 − x).
 *
 * Algorithm (TOMS 708's `brcomp` for a, b >= 8, Didonato and Morris 1992, used here for all a
 * and b): with c = a + b, x0 = a/c and λ = a − c·x = c·y − b,
 *   x^a y^b / B(a, b) = √(ab/c) / √(2π) · exp(−a·φ(−λ/a) − b·φ(λ/b) − [δ(a) + δ(b) − δ(c)]),
 * φ(e) = e − ln(1 + e) (`xMinusLog1p`), δ the Stirling remainder (`logGammaCorrection`). Both
 * φ terms are >= 0, so nothing cancels; λ comes from `betaLambda`, accurate to an ulp even
 * where it is 1e-7 of a. Accuracy: a few ulps of the exponent, i.e.
 * about 1e-15 relative where the result is near 1 and up to ~1e-13 where it is near 1e-300.
 */
export function betaPowerTerm(a: number, b: number, x: number, y: number): number {
  if (x <= 0 || y <= 0) return 0;
  const c = a + b;
  const lambda = betaLambda(a, b, x, y);
  const e1 = -lambda / a;
  const e2 = lambda / b;
  const deficitA = powerDeficit(e1, (x * c) / a, x, c / a);
  const deficitB = powerDeficit(e2, (y * c) / b, y, c / b);
  const exponent = a * deficitA + b * deficitB;
  const correction = logGammaCorrection(a) + logGammaCorrection(b) - logGammaCorrection(c);
  const logScale = 0.5 * Math.log(a * (b / c)) - LN_SQRT_2PI - correction;
  if (exponent < 700) return Math.exp(-exponent) * Math.exp(logScale);
  return Math.exp(logScale - exponent);
}

/**
 * λ = a − (a + b)·x = (a + b)·y − b, the signed distance of x below the mean a/(a + b) in units
 * of 1/(a + b), to an ulp of λ itself: formed from the smaller of x and y with an exact (Dekker)
 * product, and a + b kept as an unevaluated sum of two doubles (TOMS 708 forms it in plain
 * double arithmetic, which costs up to (a + b)·1e-16 absolute).
 */
export function betaLambda(a: number, b: number, x: number, y: number): number {
  const c = a + b;
  const cLow = a - (c - (c - a)) + (b - (c - a)); // c + cLow = a + b exactly (TwoSum)
  if (x <= y) {
    const cx = c * x;
    return a - cx - productError(c, x, cx) - cLow * x;
  }
  const cy = c * y;
  return cy - b + productError(c, y, cy) + cLow * y;
}

/**
 * The power term x^a e^(−x) / Γ(a) in front of the series and continued fraction of the
 * incomplete gamma function. It exists because exp(a ln x − x − ln Γ(a)) cancels |a ln x| ·
 * 1e-16: for a = 1e6 near x = a that is 1e-9 relative.
 */
import { LN_SQRT_2PI, logGammaCorrection } from "./logGamma";
import { xMinusLog1p } from "./xMinusLog1p";

/**
 * x^a e^(−x) / Γ(a) for a > 0 and x >= 0 (0 at x = 0 and x = +Infinity).
 *
 * Algorithm (the saddle-point form of R's `dpois_raw` / TOMS 708's `rcomp`): with e = (x − a)/a,
 *   x^a e^(−x) / Γ(a) = √(a/(2π)) · exp(−a·φ(e) − δ(a)),
 * φ(e) = e − ln(1 + e) >= 0 (`xMinusLog1p`) and δ the Stirling remainder
 * (`logGammaCorrection`). x − a is exact where x and a are within a factor 2 (Sterbenz), so φ
 * keeps full relative accuracy near the mean; far below it ln(x/a) is taken directly.
 * Accuracy: a few ulps of the exponent: about 1e-15 relative near the mean, up to ~1e-13 where
 * the result is near 1e-300.
 */
export function gammaPowerTerm(a: number, x: number): number {
  if (x <= 0 || x === Infinity) return 0;
  const e = (x - a) / a;
  let deficit: number;
  if (e >= -0.7) {
    deficit = xMinusLog1p(e);
  } else {
    const ratio = x / a;
    deficit = e - (ratio > 1e-290 ? Math.log(ratio) : Math.log(x) - Math.log(a));
  }
  const exponent = a * deficit;
  const logScale = 0.5 * Math.log(a) - LN_SQRT_2PI - logGammaCorrection(a);
  if (exponent < 700) return Math.exp(-exponent) * Math.exp(logScale);
  return Math.exp(logScale - exponent);
}

/**
 * Student's t distribution: cdf, upper tail, two-sided p, density and quantile, for any real
 * df > 0. It exists because jstat's t p-values are off by up to 1.2e-7 relative, are 0 below
 * 1e-16 (`1 − cdf`), and its quantile is off by 3.7e-8 (REFERENCES.md).
 */
import { logBeta } from "./logBeta";
import { normalCdf, normalPdf, normalQuantile, normalSf, normalTwoSidedP } from "./normal";
import { requireInRange, requirePositive } from "./preconditions";
import { incompleteBetaTail } from "./regularizedBeta";

/**
 * Beyond this df the t distribution is the normal to double precision: the relative difference
 * of the tails is about z⁴/(4 df), below 5e-20 even at z = 37 (p = 1e-300).
 */
const NORMAL_LIMIT = 1e25;

/**
 * P(|T| > s) (`inner` false) or P(|T| < s) (`inner` true) for s >= 0, as the incomplete beta
 * I_x(df/2, ½) with x = df/(df + s²) and its complement, where both x and y = s²/(df + s²) are
 * formed directly so that the smaller carries full relative accuracy.
 */
function symmetricTail(s: number, df: number, inner: boolean): number {
  if (s === 0) return inner ? 0 : 1;
  if (s === Infinity) return inner ? 1 : 0;
  const a = df / 2;
  const s2 = s * s;
  if (s2 < 1e300 && df < 1e300) {
    const sum = df + s2;
    return incompleteBetaTail(a, 0.5, df / sum, s2 / sum, inner);
  }
  const ratio = (s / df) * s; // s²/df, which may overflow
  if (ratio > 1e280) {
    // x = df/(df + s²) < 1e-280: I_x(a, ½) = x^a / (a B(a, ½)) · (1 + O(x)) (DLMF 8.17.8)
    if (inner) return 1;
    const root = Math.sqrt(df) / s; // x^a = (√df/s)^df, by pow while that is a normal number
    const power =
      root > 1e-300 ? Math.pow(root, df) : Math.exp(df * (0.5 * Math.log(df) - Math.log(s)));
    return (power / a) * Math.exp(-logBeta(a, 0.5));
  }
  return incompleteBetaTail(a, 0.5, 1 / (1 + ratio), ratio / (1 + ratio), inner);
}

function checkDf(functionName: string, df: number): void {
  requirePositive(functionName, "df", df, true);
}

/**
 * The density of Student's t with df degrees of freedom,
 * f(t) = (1 + t²/df)^(−(df+1)/2) / (√df · B(df/2, ½)), with the power as exp(−(df+1)/2 ·
 * log1p(t²/df)) and B from `logBeta` (accurate for any df). Accuracy: about 1e-15 relative
 * where |t| is moderate, growing like (df + 1)·(t²/df)·1e-16 in far tails.
 *
 * @throws EngineError `invalidOption` when df <= 0 or NaN.
 * @example studentTPdf(0, 1); // 0.3183098861837907 (1/π)
 */
export function studentTPdf(t: number, df: number): number {
  checkDf("studentTPdf", df);
  if (Number.isNaN(t)) return NaN;
  if (df > NORMAL_LIMIT) return normalPdf(t);
  return Math.exp(logDensity(t, df));
}

/** ln f(t), finite where f(t) itself underflows (|t| up to the largest double). */
function logDensity(t: number, df: number): number {
  const ratio = (t / df) * t; // t²/df
  const logBase = ratio < 1e300 ? Math.log1p(ratio) : 2 * Math.log(Math.abs(t)) - Math.log(df);
  return -((df + 1) / 2) * logBase - 0.5 * Math.log(df) - logBeta(df / 2, 0.5);
}

/**
 * The upper tail P(T > t) of Student's t with df > 0 degrees of freedom (any real df; Excel's
 * T.DIST.RT, scipy's `t.sf`), computed directly.
 *
 * Definition: for t >= 0, P(T > t) = ½ I_x(df/2, ½) with x = df/(df + t²); for t < 0,
 * ½ + ½ P(|T| < |t|). Algorithm: the incomplete beta tail (`incompleteBetaTail`) with x and
 * 1 − x = t²/(df + t²) both formed directly; df beyond 1e25 (and Infinity) is the normal. Accuracy: about 1e-15
 * relative for ordinary p, at worst 6e-14 for p near 1e-300 (measured against mpmath for df
 * from ½ to 1e6, |t| up to 1000; df up to 1e300 checked against the normal limit); NaN t gives
 * NaN (an undefined statistic has an undefined p-value).
 *
 * @throws EngineError `invalidOption` when df <= 0 or NaN.
 * @example studentTSf(2, 2); // 0.09175170953613698 (½ − 1/√6)
 */
export function studentTSf(t: number, df: number): number {
  checkDf("studentTSf", df);
  if (Number.isNaN(t)) return NaN;
  if (df > NORMAL_LIMIT) return normalSf(t);
  return t >= 0 ? 0.5 * symmetricTail(t, df, false) : 0.5 + 0.5 * symmetricTail(-t, df, true);
}

/**
 * The cdf P(T <= t) of Student's t with df > 0 degrees of freedom (Excel's T.DIST(t, df, TRUE),
 * scipy's `t.cdf`), the lower tail computed directly: P(T <= t) = P(T > −t).
 *
 * Algorithm and accuracy as `studentTSf`.
 *
 * @throws EngineError `invalidOption` when df <= 0 or NaN.
 * @example studentTCdf(-1, 1); // 0.25
 */
export function studentTCdf(t: number, df: number): number {
  checkDf("studentTCdf", df);
  if (Number.isNaN(t)) return NaN;
  if (df > NORMAL_LIMIT) return normalCdf(t);
  return studentTSf(-t, df);
}

/**
 * The two-sided p-value P(|T| > |t|) = I_x(df/2, ½), x = df/(df + t²), computed directly from
 * the incomplete beta function (statsmodels' t-test `pvalues`, Excel's T.DIST.2T), so that it
 * keeps its relative accuracy down to 1e-300 instead of becoming 0 below 1e-16.
 *
 * Accuracy as `studentTSf`.
 *
 * @throws EngineError `invalidOption` when df <= 0 or NaN.
 * @example studentTTwoSidedP(1, 1); // 0.5
 */
export function studentTTwoSidedP(t: number, df: number): number {
  checkDf("studentTTwoSidedP", df);
  if (Number.isNaN(t)) return NaN;
  if (df > NORMAL_LIMIT) return normalTwoSidedP(t);
  return symmetricTail(Math.abs(t), df, false);
}

/**
 * A start for Newton's method on P(T > t) = q, t > 0: the better (in log-probability) of the
 * Cornish-Fisher expansion about the normal quantile (A&S 26.7.5) and the power-law tail
 * P(T > t) ≈ t^(−df) df^(df/2 − 1) / B(df/2, ½).
 */
function initialQuantile(q: number, df: number): number {
  if (df === 1) return q < 0.25 ? 1 / Math.tan(Math.PI * q) : Math.tan(Math.PI * (0.5 - q));
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  const z = -normalQuantile(q);
  const z2 = z * z;
  const g1 = ((z2 + 1) * z) / 4;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  const expansion = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  const powerLaw = Math.exp(
    (-logBeta(df / 2, 0.5) + (df / 2 - 1) * Math.log(df) - Math.log(q)) / df,
  );
  const candidates = [expansion, powerLaw].filter((t) => t > 0 && t < Infinity);
  let best = candidates.length > 0 ? candidates[0] : 1;
  let bestMiss = Infinity;
  for (const t of candidates) {
    const miss = Math.abs(Math.log(0.5 * symmetricTail(t, df, false)) - Math.log(q));
    if (miss < bestMiss) {
      bestMiss = miss;
      best = t;
    }
  }
  return best;
}

/**
 * t > 0 with P(T > t) = q for 0 < q < ½. For q > ¼ Newton's method on P(|T| < t) = 1 − 2q (both
 * sides exact and small near t = 0); otherwise on ln P(|T| > t) = ln 2q in ln t, which is
 * nearly linear for heavy tails. Steps leaving the bracket of the root bisect it instead, and
 * only a small Newton step (not a small bisection) ends the iteration.
 */
function upperQuantile(q: number, df: number): number {
  const central = q > 0.25;
  const target = central ? 1 - 2 * q : 2 * q;
  const logTarget = Math.log(target);
  let t = initialQuantile(q, df);
  let low = 0;
  let high = Infinity;
  for (let iteration = 0; iteration < 100; iteration++) {
    let next: number;
    if (central) {
      const inner = symmetricTail(t, df, true);
      if (inner < target) low = t;
      else high = t;
      next = t + (target - inner) / (2 * Math.exp(logDensity(t, df)));
    } else {
      const outer = symmetricTail(t, df, false);
      if (outer > target) low = t;
      else high = t;
      const logOuter = Math.log(outer);
      // Δ ln t = (ln P − ln target) · P / (2 t f(t)), with P/(t f) formed in logarithms
      const scale = Math.exp(logOuter - Math.LN2 - Math.log(t) - logDensity(t, df));
      next = t * Math.exp((logOuter - logTarget) * scale);
    }
    const newton = next >= low && next <= high && next < Infinity;
    if (!newton && high === Infinity) {
      // the root lies beyond the largest double when even there the tail exceeds the target
      if (t === Number.MAX_VALUE) return Infinity;
      next = next === Infinity || 2 * t === Infinity ? Number.MAX_VALUE : 2 * t;
    } else if (!newton) {
      next = low > 0 ? Math.sqrt(low * high) : 0.5 * high;
    }
    const change = Math.abs(next - t);
    t = next;
    // after a Newton step of relative size 1e-9 the error is of order 1e-18: converged
    if ((newton && change <= 1e-9 * t) || high - low <= 4e-16 * t) break;
  }
  return t;
}

/**
 * The quantile of Student's t: the t with P(T <= t) = p, for df > 0 (any real df; Excel's
 * T.INV, scipy's `t.ppf`); −Infinity at p = 0, +Infinity at p = 1.
 *
 * Algorithm: exact forms for df = 1 and 2 and, otherwise, the better of the Cornish-Fisher
 * expansion (A&S 26.7.5) and the power-law tail as a start, then Newton's method on the
 * directly computed tail (`studentTSf`'s incomplete beta), in the log domain for small tails,
 * to convergence; the tail 1 − p is exact for p >= ½. df beyond 1e25 is the normal quantile.
 * Accuracy: at worst 9e-15 relative (worst measured against mpmath for p from 1e-100 to
 * 1 − 1e-10 and df from ½ to 1e6); ±Infinity where the quantile exceeds the double range.
 *
 * @throws EngineError `invalidOption` when p is outside [0, 1] or df <= 0 or NaN.
 * @example studentTQuantile(0.975, 10); // 2.2281388519649385
 */
export function studentTQuantile(p: number, df: number): number {
  requireInRange("studentTQuantile", "p", p, 0, 1);
  checkDf("studentTQuantile", df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df > NORMAL_LIMIT) return normalQuantile(p);
  const upper = p > 0.5;
  const t = upperQuantile(upper ? 1 - p : p, df);
  return upper ? t : -t;
}

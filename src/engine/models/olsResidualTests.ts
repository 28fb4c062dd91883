/**
 * Tests on the residuals of an OLS fit, as statsmodels' summary reports them: Durbin-Watson,
 * Jarque-Bera, the D'Agostino-Pearson omnibus test, skew, kurtosis, and Breusch-Pagan.
 */
import { type DesignQr, solveUpperTransposed, transposeTimes } from "../linalg/householderQr";
import { chiSquareSf } from "../stats/chiSquare";

export interface ResidualTests {
  /** sum (e_t - e_{t-1})^2 / sum e_t^2, in row order. statsmodels: durbin_watson(resid). */
  readonly durbinWatson: number;
  /** Sample skewness m3 / m2^1.5 (biased, as scipy.stats.skew). statsmodels: jarque_bera(resid)[2]. */
  readonly skew: number;
  /** Sample kurtosis m4 / m2^2 (Pearson's, 3 for a normal). statsmodels: jarque_bera(resid)[3]. */
  readonly kurtosis: number;
  /** n/6 (skew^2 + (kurtosis - 3)^2 / 4). statsmodels: jarque_bera(resid)[0]. */
  readonly jarqueBera: number;
  /** P(chi2(2) > JB). */
  readonly jarqueBeraP: number;
  /**
   * D'Agostino and Pearson's K^2 = Z(skew)^2 + Z(kurtosis)^2 (scipy.stats.normaltest);
   * NaN with fewer than 8 residuals, where the skewness test is undefined. statsmodels: omni_normtest.
   */
  readonly omnibus: number;
  /** P(chi2(2) > omnibus). */
  readonly omnibusP: number;
  /**
   * Koenker's studentised Breusch-Pagan LM = n R^2 of e^2 regressed on the design (R^2 centred
   * with an intercept), on (number of design columns - 1) degrees of freedom. statsmodels:
   * het_breuschpagan(resid, exog) in its default robust form, which takes one column to be the
   * constant even when the model has none; we follow it so that the figures agree.
   */
  readonly breuschPagan: number;
  readonly breuschPaganP: number;
}

export function testResiduals(
  residuals: Float64Array,
  columns: readonly Float64Array[],
  qr: DesignQr,
  hasIntercept: boolean,
): ResidualTests {
  const n = residuals.length;
  let sumSq = 0;
  let sumDiffSq = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const e = residuals[i];
    sumSq += e * e;
    if (i > 0) sumDiffSq += (e - residuals[i - 1]) ** 2;
    mean += e;
  }
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = residuals[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const skew = m3 / m2 ** 1.5;
  const kurtosis = m4 / (m2 * m2);
  const jarqueBera = (n / 6) * (skew * skew + (kurtosis - 3) ** 2 / 4);
  const omnibus = n >= 8 ? skewnessZ(skew, n) ** 2 + kurtosisZ(kurtosis, n) ** 2 : NaN;
  const breuschPagan = breuschPaganLm(residuals, columns, qr, hasIntercept);
  const bpDf = qr.columnCount - 1;
  return {
    durbinWatson: sumDiffSq / sumSq,
    skew,
    kurtosis,
    jarqueBera,
    jarqueBeraP: chiSquareSf(jarqueBera, 2),
    omnibus,
    omnibusP: Number.isNaN(omnibus) ? NaN : chiSquareSf(omnibus, 2),
    breuschPagan,
    breuschPaganP: bpDf > 0 ? chiSquareSf(breuschPagan, bpDf) : NaN,
  };
}

/** D'Agostino's transformation of the skewness to a standard normal (scipy.stats.skewtest). */
function skewnessZ(skew: number, n: number): number {
  let y = skew * Math.sqrt(((n + 1) * (n + 3)) / (6 * (n - 2)));
  const beta2 =
    (3 * (n * n + 27 * n - 70) * (n + 1) * (n + 3)) / ((n - 2) * (n + 5) * (n + 7) * (n + 9));
  const w2 = -1 + Math.sqrt(2 * (beta2 - 1));
  const delta = 1 / Math.sqrt(0.5 * Math.log(w2));
  const alpha = Math.sqrt(2 / (w2 - 1));
  if (y === 0) y = 1;
  const ratio = y / alpha;
  return delta * Math.log(ratio + Math.sqrt(ratio * ratio + 1));
}

/** Anscombe and Glynn's transformation of the kurtosis to a standard normal (scipy.stats.kurtosistest). */
function kurtosisZ(kurtosis: number, n: number): number {
  const expected = (3 * (n - 1)) / (n + 1);
  const variance = (24 * n * (n - 2) * (n - 3)) / ((n + 1) * (n + 1) * (n + 3) * (n + 5));
  const x = (kurtosis - expected) / Math.sqrt(variance);
  const sqrtBeta1 =
    ((6 * (n * n - 5 * n + 2)) / ((n + 7) * (n + 9))) *
    Math.sqrt((6 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3)));
  const a = 6 + (8 / sqrtBeta1) * (2 / sqrtBeta1 + Math.sqrt(1 + 4 / (sqrtBeta1 * sqrtBeta1)));
  const term1 = 1 - 2 / (9 * a);
  const denominator = 1 + x * Math.sqrt(2 / (a - 4));
  const term2 =
    denominator === 0
      ? NaN
      : Math.sign(denominator) * Math.cbrt((1 - 2 / a) / Math.abs(denominator));
  return (term1 - term2) / Math.sqrt(2 / (9 * a));
}

/**
 * n R^2 of the auxiliary regression of e^2 on the design. Its explained sum of squares is
 * ||R^{-T} X' e^2||^2, from the design's R (semi-normal equations: no second factorisation).
 */
function breuschPaganLm(
  residuals: Float64Array,
  columns: readonly Float64Array[],
  qr: DesignQr,
  hasIntercept: boolean,
): number {
  const n = residuals.length;
  const squared = new Float64Array(n);
  for (let i = 0; i < n; i++) squared[i] = residuals[i] * residuals[i];
  let mean = 0;
  if (hasIntercept) {
    for (let i = 0; i < n; i++) mean += squared[i];
    mean /= n;
  }
  let total = 0;
  let uncentred = 0;
  for (let i = 0; i < n; i++) {
    const v = squared[i];
    total += (v - mean) * (v - mean);
    uncentred += v * v;
  }
  const coordinates = solveUpperTransposed(qr.r, transposeTimes(columns, squared));
  let explained = 0;
  for (const c of coordinates) explained += c * c;
  // Squared residuals that are all equal (to rounding) leave nothing to explain: undefined.
  if (total <= n * Number.EPSILON * uncentred) return NaN;
  // The auxiliary residual sum of squares is uncentred total minus the explained part.
  return n * (1 - (uncentred - explained) / total);
}
